"""Front matter: find the block, parse it, and edit single fields without touching the rest.

A page's text is split into the front matter block (delimiters included) and
the body. The block is parsed for its fields; edits go through the format's
editor (`yaml_edit`, `toml_edit`, `json_edit`), which replaces only the text of
the changed value. An unchanged block is always written back as it was read.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from writer.core.errors import FrontMatterError
from writer.core.frontmatter import json_edit, toml_load, yaml_load
from writer.core.frontmatter.values import find, lookup, plain_data, resolve, same_value, scalar_text

YAML, TOML, JSON = "yaml", "toml", "json"
_DELIMS = {"-": ("---", YAML), "+": ("+++", TOML)}
# Hugo 0.168 skips ASCII white space (not NBSP, NEL or U+2028) before the front matter, a BOM
# only at the very start (textio takes that off); after `---` it takes one line break.
_LEAD = re.compile(r"[ \t\n\r\v\f]*")
_BREAK = re.compile(r"\r\n|\n|\r")
_CLOSE_TAIL = re.compile(r"[ \t]*(?:\r\n|\n|\r|$)")


def _lines_before(text: str) -> int:
    return len(_BREAK.findall(text))


@dataclass(frozen=True)
class FrontMatter:
    """The front matter block of a page (`block` is its exact text, delimiters included, and
    any blank lines Hugo skips before it)."""

    format: str | None = None
    block: str = ""
    inner_start: int = 0
    inner_end: int = 0
    fields: Mapping[str, Any] = field(default_factory=dict)
    error: FrontMatterError | None = None

    @property
    def unclosed(self) -> bool:
        """An opening `---`/`+++` without its closing line: the block runs to the end of the text."""
        return self.error is not None and self.format in (YAML, TOML) and self.inner_end == len(self.block)

    @property
    def inner(self) -> str:
        return self.block[self.inner_start : self.inner_end]

    @property
    def first_line(self) -> int:
        """1-based line of the file where the inner text starts."""
        return _lines_before(self.block[: self.inner_start]) + 1

    def get(self, key: str, default: Any = None) -> Any:
        """A field by dotted name, matched as Hugo does (any case; a literal `a.b` key first)."""
        found, value = find(self.fields, key)
        return value if found else default

    def find(self, key: str) -> tuple[bool, Any]:
        """(found, value) of a field by dotted name, as `get` matches it."""
        return find(self.fields, key)

    def with_inner(self, inner: str) -> FrontMatter:
        block = self.block[: self.inner_start] + inner + self.block[self.inner_end :]
        return parse_block(self.format, block, self.inner_start, self.inner_start + len(inner))


def split(text: str) -> tuple[FrontMatter, str]:
    """Split a page into (front matter, body). A broken block keeps its text and carries an error."""
    lead = _LEAD.match(text).end()  # type: ignore[union-attr]
    opener = text[lead : lead + 3]
    if opener in ("---", "+++"):
        return _split_delimited(text, lead)
    if text.startswith("{", lead):
        return _split_json(text, lead)
    return FrontMatter(), text


def _split_delimited(text: str, lead: int) -> tuple[FrontMatter, str]:
    delim, fmt = _DELIMS[text[lead]]
    inner_start = lead + 3
    opening_break = _BREAK.match(text, inner_start)
    if opening_break:
        inner_start = opening_break.end()
    close = _closing(text, delim, inner_start, at_line_start=opening_break is not None)
    if close < 0:
        error = FrontMatterError(
            f"the front matter block opened here has no closing '{delim}' line (Hugo: EOF looking for "
            f"end {fmt.upper()} front matter delimiter)", None, _lines_before(text[:lead]) + 1, 1
        )
        return FrontMatter(fmt, text, inner_start, len(text), {}, error), ""
    tail = _CLOSE_TAIL.match(text, close + 3)
    end = tail.end() if tail else close + 3  # `--- x`: Hugo reads " x" as the body's start
    return parse_block(fmt, text[:end], inner_start, close), text[end:]


def _closing(text: str, delim: str, start: int, *, at_line_start: bool) -> int:
    """Where the closing delimiter starts: at the start of a line, whatever follows it."""
    if at_line_start and text.startswith(delim, start):
        return start
    match = re.compile(r"[\r\n]" + re.escape(delim)).search(text, start)
    return match.start() + 1 if match else -1


def _split_json(text: str, lead: int) -> tuple[FrontMatter, str]:
    odd = re.search(r"[\v\f]", text[:lead])
    if odd:  # Hugo hands the white space to its JSON reader, which takes only " \t\r\n"
        line = _lines_before(text[: odd.start()]) + 1
        column = odd.start() - max(text.rfind("\n", 0, odd.start()), text.rfind("\r", 0, odd.start()))
        error = FrontMatterError(f"front matter does not parse: invalid character {odd.group()!r} looking "
                                 "for beginning of value", None, line, column)
        return FrontMatter(JSON, text, lead, len(text), {}, error), ""
    try:
        end = json_edit.object_end(text, lead)
    except FrontMatterError as exc:
        return FrontMatter(JSON, text, lead, len(text), {}, exc), ""
    newline = re.compile(r"[ \t]*(?:\r\n|\n|\r)").match(text, end)
    block_end = newline.end() if newline else end
    return parse_block(JSON, text[:block_end], lead, end), text[block_end:]


def parse_block(fmt: str | None, block: str, inner_start: int, inner_end: int) -> FrontMatter:
    inner = block[inner_start:inner_end]
    first_line = _lines_before(block[:inner_start]) + 1
    try:
        fields = _parse_inner(fmt, inner)
    except FrontMatterError as exc:
        line = exc.line + first_line - 1 if exc.line is not None else first_line
        error = FrontMatterError(exc.message, None, line, exc.column)
        return FrontMatter(fmt, block, inner_start, inner_end, {}, error)
    return FrontMatter(fmt, block, inner_start, inner_end, fields, None)


_UNREADABLE = (ValueError, TypeError, OverflowError, RecursionError, AttributeError, KeyError,
               IndexError, MemoryError)


def _parse_inner(fmt: str | None, inner: str) -> dict[str, Any]:
    if fmt == YAML:
        data = _load_yaml(inner)
    elif fmt == TOML:
        data = toml_load.load_toml(inner)
    elif fmt == JSON:
        data = json_edit.load_json(inner)
    else:
        return {}
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise FrontMatterError("front matter must be a map of fields (key: value)", None, 1, 1)
    try:
        return plain_data(data)
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply to read", None, 1, 1) from None


def _load_yaml(inner: str) -> Any:
    try:
        return yaml_load.load_yaml(inner)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and mark is not None and mark.index >= len(inner.rstrip()):
            mark = exc.context_mark  # "end of stream": point at what was left open
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = exc.problem or exc.context or "invalid YAML"
        raise FrontMatterError(f"front matter does not parse: {problem}", None, line, col) from exc
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter does not parse: {exc}") from exc
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply to read", None, 1, 1) from None
    except _UNREADABLE as exc:
        raise FrontMatterError(f"front matter cannot be read: {exc}", None, 1, 1) from exc


def set_field(fm: FrontMatter, key: str, value: Any, newline: str = "\n") -> FrontMatter:
    """The front matter with `key` (dotted for nested maps) set to `value`; only its text changes.

    The key is matched as Hugo reads it (any case, a literal dotted key). Setting a field to
    the value it already has returns `fm` itself (no byte changes). A page without front
    matter gets a new YAML block. An edit Hugo would read differently is refused.
    """
    if fm.error is not None:
        raise FrontMatterError(f"cannot set '{key}': {fm.error.message}", None, fm.error.line)
    keys, problem = resolve(fm.fields, key)
    if problem is not None:
        raise FrontMatterError(f"cannot set '{key}': {problem}")
    found, current = lookup(fm.fields, keys)
    if found and same_value(current, value):
        return fm
    if fm.format is None:
        opening = f"---{newline}"
        block = opening + "---" + newline
        fm = parse_block(YAML, block, len(opening), len(opening))
    inner = fm.inner
    # the editing libraries (ruamel.yaml, tomlkit) load on the first edit, not on every read
    from writer.core.frontmatter import toml_edit, yaml_edit, yaml_paths

    try:
        if fm.format == YAML:
            new_inner = yaml_edit.set_yaml(inner, keys, value, newline)
            shared = yaml_paths.shared_paths(inner, keys) if "&" in inner else []
        elif fm.format == TOML:
            new_inner, shared = toml_edit.set_toml(inner, keys, value, newline), []
        else:
            new_inner, shared = json_edit.set_json(inner, keys, value, newline), []
    except FrontMatterError as exc:  # lines of the block are lines of the file, further down
        line = exc.line + fm.first_line - 1 if exc.line is not None else None
        raise FrontMatterError(f"cannot set '{key}': {exc.message}", None, line, exc.column) from exc
    except ValueError as exc:
        raise FrontMatterError(f"cannot set '{key}': {exc}") from exc
    new = _checked(fm, fm.with_inner(new_inner), keys, f"set '{key}'", shared)
    got = lookup(new.fields, keys)
    kept_text = found and isinstance(current, str) and got[1] == scalar_text(value)  # a text field stays text
    if not got[0] or not (same_value(got[1], _as_read(fm.format, value)) or kept_text):
        raise FrontMatterError(
            f"cannot set '{key}' here: Hugo would read {got[1]!r} instead; change it in the Raw tab")
    return new


def _as_read(fmt: str | None, value: Any) -> Any:
    """What a format gives back for `value` (TOML has no null; JSON writes dates as text)."""
    if isinstance(value, Mapping):
        return {str(k): _as_read(fmt, v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_read(fmt, v) for v in value]
    if fmt == TOML and value is None:
        return ""
    if fmt == JSON and hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def delete_field(fm: FrontMatter, key: str) -> FrontMatter:
    if fm.error is not None or fm.format is None:
        return fm
    keys, problem = resolve(fm.fields, key)
    if not lookup(fm.fields, keys)[0]:
        return fm
    if problem is not None:
        raise FrontMatterError(f"cannot remove '{key}': {problem}")
    from writer.core.frontmatter import toml_edit, yaml_edit

    editor = {YAML: yaml_edit.delete_yaml, TOML: toml_edit.delete_toml, JSON: json_edit.delete_json}
    new = _checked(fm, fm.with_inner(editor[fm.format](fm.inner, keys)), keys, f"remove '{key}'", [])
    if lookup(new.fields, keys)[0]:
        raise FrontMatterError(f"cannot remove '{key}' here (a merge key '<<' gives it a value); "
                               "change it in the Raw tab")
    return new


_MASK = object()


def _masked(fields: Mapping[str, Any], paths: list[list[str]]) -> dict[str, Any]:
    """A copy of the fields with each path's value replaced by a marker (changes allowed there)."""
    out = copy.deepcopy(dict(fields))
    for path in paths:
        node: Any = out
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and path and path[-1] in node:
            node[path[-1]] = _MASK
    return out


def _siblings(fields: Mapping[str, Any], keys: list[str]) -> list[dict[str, Any]]:
    """At each level of the path, the other entries of that map."""
    out = []
    node: Any = fields
    for key in keys:
        node = node if isinstance(node, Mapping) else {}
        out.append({k: v for k, v in node.items() if k != key})
        node = node.get(key)
    return out


def _checked(old: FrontMatter, new: FrontMatter, keys: list[str], what: str,
             shared: list[list[str]]) -> FrontMatter:
    """The last guard of an edit: the block still parses and no other field changed, except
    aliases (and merges) of an anchored value that was edited."""
    if new.error is not None:
        raise FrontMatterError(
            f"cannot {what} here without breaking the front matter ({new.error.message}); "
            "change it in the Raw tab", None, new.error.line)
    before = _siblings(_masked(old.fields, shared), keys)
    after = _siblings(_masked(new.fields, shared), keys)
    if old.format is not None and not _same_masked(before, after):
        raise FrontMatterError(f"cannot {what} here without changing other fields; change it in the Raw tab")
    return new


def _same_masked(a: Any, b: Any) -> bool:
    if a is _MASK or b is _MASK:
        return a is b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(_same_masked(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_masked(x, y) for x, y in zip(a, b, strict=True))
    return same_value(a, b)
