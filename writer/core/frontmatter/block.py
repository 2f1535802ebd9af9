"""Front matter: find the block, parse it, and edit single fields without touching the rest.

A page's text is split into the front matter block (delimiters included) and
the body. The block is parsed for its fields; edits go through the format's
editor (`yaml_edit`, `toml_edit`, `json_edit`), which replaces only the text of
the changed value. An unchanged block is always written back as it was read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from writer.core.errors import FrontMatterError
from writer.core.frontmatter import json_edit, toml_edit, yaml_edit
from writer.core.frontmatter.values import lookup, plain_data, same_value, split_key

YAML, TOML, JSON = "yaml", "toml", "json"
_DELIMS = {"---": YAML, "+++": TOML}
_OPEN = re.compile(r"(---|\+\+\+)[ \t]*(\r?\n|$)")


@dataclass(frozen=True)
class FrontMatter:
    """The front matter block of a page (`block` is its exact text, delimiters included)."""

    format: str | None = None
    block: str = ""
    inner_start: int = 0
    inner_end: int = 0
    fields: Mapping[str, Any] = field(default_factory=dict)
    error: FrontMatterError | None = None

    @property
    def inner(self) -> str:
        return self.block[self.inner_start : self.inner_end]

    @property
    def first_line(self) -> int:
        """1-based line of the file where the inner text starts."""
        return 2 if self.format in (YAML, TOML) else 1

    def get(self, key: str, default: Any = None) -> Any:
        found, value = lookup(self.fields, split_key(key))
        return value if found else default

    def with_inner(self, inner: str) -> FrontMatter:
        block = self.block[: self.inner_start] + inner + self.block[self.inner_end :]
        return parse_block(self.format, block, self.inner_start, self.inner_start + len(inner))


def split(text: str) -> tuple[FrontMatter, str]:
    """Split a page into (front matter, body). A broken block keeps its text and carries an error."""
    match = _OPEN.match(text)
    if match:
        return _split_delimited(text, match)
    if text.startswith("{"):
        return _split_json(text)
    return FrontMatter(), text


def _split_delimited(text: str, match: re.Match[str]) -> tuple[FrontMatter, str]:
    delim = match.group(1)
    fmt = _DELIMS[delim]
    inner_start = match.end()
    closing = re.compile(rf"^{re.escape(delim)}[ \t]*(\r?\n|$)", re.M)
    close = closing.search(text, inner_start)
    if close is None:
        error = FrontMatterError(
            f"the front matter block opened here has no closing '{delim}' line", None, 1, 1
        )
        return FrontMatter(fmt, text, inner_start, len(text), {}, error), ""
    block = text[: close.end()]
    return parse_block(fmt, block, inner_start, close.start()), text[close.end() :]


def _split_json(text: str) -> tuple[FrontMatter, str]:
    try:
        _, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as exc:
        error = FrontMatterError(f"front matter does not parse: {exc.msg}", None, exc.lineno, exc.colno)
        return FrontMatter(JSON, text, 0, len(text), {}, error), ""
    newline = re.compile(r"[ \t]*\r?\n").match(text, end)
    block_end = newline.end() if newline else end
    return parse_block(JSON, text[:block_end], 0, end), text[block_end:]


def parse_block(fmt: str | None, block: str, inner_start: int, inner_end: int) -> FrontMatter:
    inner = block[inner_start:inner_end]
    first_line = 2 if fmt in (YAML, TOML) else 1
    try:
        fields = _parse_inner(fmt, inner)
    except FrontMatterError as exc:
        line = exc.line + first_line - 1 if exc.line is not None else first_line
        error = FrontMatterError(exc.message, None, line, exc.column)
        return FrontMatter(fmt, block, inner_start, inner_end, {}, error)
    return FrontMatter(fmt, block, inner_start, inner_end, fields, None)


def _parse_inner(fmt: str | None, inner: str) -> dict[str, Any]:
    if fmt == YAML:
        try:
            data = yaml_edit.load_yaml(inner)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            if exc.context_mark is not None and mark is not None and mark.index >= len(inner.rstrip()):
                mark = exc.context_mark  # "end of stream": point at what was left open
            line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
            problem = exc.problem or exc.context or "invalid YAML"
            raise FrontMatterError(f"front matter does not parse: {problem}", None, line, col) from exc
        except yaml.YAMLError as exc:
            raise FrontMatterError(f"front matter does not parse: {exc}") from exc
    elif fmt == TOML:
        data = toml_edit.load_toml(inner)
    elif fmt == JSON:
        try:
            data = json.loads(inner)
        except json.JSONDecodeError as exc:
            raise FrontMatterError(
                f"front matter does not parse: {exc.msg}", None, exc.lineno, exc.colno
            ) from exc
    else:
        return {}
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise FrontMatterError("front matter must be a map of fields (key: value)", None, 1, 1)
    return plain_data(data)


def set_field(fm: FrontMatter, key: str, value: Any, newline: str = "\n") -> FrontMatter:
    """The front matter with `key` (dotted for nested maps) set to `value`; only its text changes.

    Setting a field to the value it already has returns `fm` itself (no byte changes).
    A page without front matter gets a new YAML block.
    """
    keys = split_key(key)
    if fm.error is not None:
        raise FrontMatterError(f"cannot set '{key}': {fm.error.message}", None, fm.error.line)
    found, current = lookup(fm.fields, keys)
    if found and same_value(current, value):
        return fm
    if fm.format is None:
        opening = f"---{newline}"
        block = opening + "---" + newline
        fm = parse_block(YAML, block, len(opening), len(opening))
    inner = fm.inner
    try:
        if fm.format == YAML:
            new_inner = yaml_edit.set_yaml(inner, keys, value, newline)
        elif fm.format == TOML:
            new_inner = toml_edit.set_toml(inner, keys, value, newline)
        else:
            new_inner = json_edit.set_json(inner, keys, value, newline)
    except FrontMatterError as exc:  # lines of the block are lines of the file, one further down
        line = exc.line + fm.first_line - 1 if exc.line is not None else None
        raise FrontMatterError(exc.message, None, line, exc.column) from exc
    except ValueError as exc:
        raise FrontMatterError(f"cannot set '{key}': {exc}") from exc
    return _checked(fm, fm.with_inner(new_inner), keys, f"set '{key}'")


def delete_field(fm: FrontMatter, key: str) -> FrontMatter:
    keys = split_key(key)
    if fm.error is not None or fm.format is None or not lookup(fm.fields, keys)[0]:
        return fm
    editor = {YAML: yaml_edit.delete_yaml, TOML: toml_edit.delete_toml, JSON: json_edit.delete_json}
    return _checked(fm, fm.with_inner(editor[fm.format](fm.inner, keys)), keys, f"remove '{key}'")


_MAY_ALIAS = re.compile(r"(?:^|[\s\[{,:])\*[^\s,\]}]")


def _siblings(fields: Mapping[str, Any], keys: list[str]) -> list[dict[str, Any]]:
    """At each level of the path, the other entries of that map."""
    out = []
    node: Any = fields
    for key in keys:
        node = node if isinstance(node, Mapping) else {}
        out.append({k: v for k, v in node.items() if k != key})
        node = node.get(key)
    return out


def _checked(old: FrontMatter, new: FrontMatter, keys: list[str], what: str) -> FrontMatter:
    """The last guard of an edit: the block still parses and no other field changed."""
    if new.error is not None:
        raise FrontMatterError(
            f"cannot {what} here without breaking the front matter ({new.error.message}); "
            "change it in the Raw tab", None, new.error.line)
    if _MAY_ALIAS.search(old.inner):
        return new  # `b: *a` follows an edit of `a` by design
    if old.format is not None and not same_value(_siblings(old.fields, keys), _siblings(new.fields, keys)):
        raise FrontMatterError(f"cannot {what} here without changing other fields; change it in the Raw tab")
    return new
