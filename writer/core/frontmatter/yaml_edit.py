"""Edit one value of a YAML front matter block by replacing only its text.

The block is composed with ruamel.yaml to learn where each key and value sits;
the new value is formatted in the style of the old one (quotes, flow or block
list) and spliced in. Nothing else of the text is touched, so comments, odd
indents, whitespace-only lines and key order all stay.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError as RuamelMarkedError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from writer.core.errors import FrontMatterError
from writer.core.frontmatter.yaml_format import (
    format_block,
    format_flow_list,
    format_key,
    format_scalar,
    inline,
)
from writer.core.frontmatter.yaml_load import HugoYamlLoader, load_yaml

__all__ = ["HugoYamlLoader", "delete_yaml", "format_block", "format_flow_list", "format_scalar",
           "load_yaml", "set_yaml"]
_NULL_TAG = "tag:yaml.org,2002:null"
_COLON_RE = re.compile(r"[ \t]*:")  # the `:` after a key (`key :` too)
_ALIAS_RE = re.compile(r"\*[^\s,\[\]{}]+")


def _compose(inner: str) -> Node | None:
    try:
        return YAML(typ="rt").compose(inner)
    except RuamelMarkedError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise FrontMatterError(f"front matter does not parse: {exc.problem}", None, line) from exc


def _item_style(node: Node | None) -> str | None:
    if isinstance(node, SequenceNode) and node.value:
        first = node.value[0]
        if isinstance(first, ScalarNode) and first.style in ("'", '"'):
            return first.style
    return None


_inline = inline


# -- positions ---------------------------------------------------------------


def _line_end(text: str, index: int) -> int:
    """Index just after the line break of the line holding `index` (or the text's end)."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _is_empty(node: Node) -> bool:
    return _is_null(node) and node.value == ""


def _written_null(node: Node, text: str) -> bool:
    """A null with something written for it: `~`, `null`, `!!null`."""
    return _is_null(node) and bool(text[node.start_mark.index : node.end_mark.index].strip())


def _is_null(node: Node) -> bool:
    """A null written as nothing, `~` or `null` (and not one with an anchor others point to)."""
    return isinstance(node, ScalarNode) and node.tag == _NULL_TAG and not getattr(node, "anchor", None)


def alias_span(text: str, key: Node, value: Node) -> tuple[int, int] | None:
    """(start, end) of `*name` when a key's value is written as an alias (`linkTitle: *t`)."""
    anchor = getattr(value, "anchor", None)
    colon = _COLON_RE.match(text, key.end_mark.index) if key is not value else None
    if not anchor or colon is None:
        return None
    alias = re.compile(r"[ \t]*(?:\r?\n[ \t]*)?(\*" + re.escape(str(anchor)) + r")(?![^\s,\]}])")
    match = alias.match(text, colon.end())
    return (match.start(1), match.end(1)) if match else None


def _content_end(key: Node, value: Node, text: str) -> int:
    """Where the last written character of a key's value ends (not counting blank lines,
    comments or the line break after it)."""
    alias = alias_span(text, key, value)
    if alias is not None:
        return alias[1]
    if _is_empty(value):
        return key.end_mark.index
    if isinstance(value, MappingNode) and value.value and value.flow_style is not True:
        last_key, last_value = value.value[-1]
        return _content_end(last_key, last_value, text)
    if isinstance(value, SequenceNode) and value.value and value.flow_style is not True:
        last = value.value[-1]
        if last.start_mark.index < value.start_mark.index:  # `- *alias` of an earlier anchor
            return text.rfind("*", 0, value.end_mark.index) + len(str(last.anchor)) + 1
        return _content_end(last, last, text) if not _is_empty(last) else last.start_mark.index
    if isinstance(value, ScalarNode) and value.style in ("|", ">"):
        return _block_scalar_end(value, text)
    return value.end_mark.index


def _block_scalar_end(value: Node, text: str) -> int:
    """A block scalar's span runs on over the blank lines after it (and up to the indent of a
    comment that follows). Its text ends with its last written line; with `+` (keep) its
    trailing blank lines are its text too, up to the last line break (not included)."""
    start = value.start_mark.index
    span = text[start : value.end_mark.index]
    header = span.split("\n", 1)[0].split("#", 1)[0]
    if "+" in header:
        kept = span.rstrip(" \t")
        if kept.endswith("\r\n"):
            return start + len(kept) - 2
        return start + len(kept) - (1 if kept.endswith(("\n", "\r")) else 0)
    last = len(span.rstrip(" \t\r\n"))
    breaks = [i for i in (span.find("\n", last), span.find("\r", last)) if i >= 0]
    return start + (min(breaks) if breaks else len(span))


def _indent_unit(root: Node) -> int:
    """The indent step the file uses for nested maps (2 when it has none)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if not isinstance(node, MappingNode):
            continue
        for key, value in node.value:
            if isinstance(value, MappingNode) and value.value and value.flow_style is not True:
                step = value.value[0][0].start_mark.column - key.start_mark.column
                if step > 0:
                    return step
            stack.append(value)
    return 2


def _find(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


# -- the edit ----------------------------------------------------------------


class _Edit:
    def __init__(self, inner: str, newline: str) -> None:
        self.inner = inner
        self.newline = newline
        self.root = _compose(inner)
        self.unit = _indent_unit(self.root) if self.root is not None else 2

    def splice(self, start: int, end: int, text: str) -> str:
        return self.inner[:start] + text + self.inner[end:]

    def set(self, keys: list[str], value: Any) -> str:
        if self.root is None or _is_empty(self.root):
            return self._append_root(keys, value)
        node: Node = self.root
        for depth, key in enumerate(keys):
            if not isinstance(node, MappingNode):
                where = ".".join(keys[:depth])
                raise FrontMatterError(f"'{where}' is not a map, so '{key}' cannot be set in it")
            found = _find(node, key)
            rest = keys[depth:]
            if found is None:
                return self._insert(node, rest, value)
            key_node, value_node = found
            alias = alias_span(self.inner, key_node, value_node)
            if depth == len(keys) - 1:
                if alias is not None:  # the alias is replaced, its anchor stays as it is
                    return self._replace_alias(alias, key_node, value, node.flow_style is True)
                return self._replace(key_node, value_node, value)
            if alias is not None:
                where = ".".join(keys[: depth + 1])
                raise FrontMatterError(
                    f"'{where}' is an alias of '&{value_node.anchor}': setting '{keys[-1]}' in it would "
                    "change every copy of it; change it in the Raw tab")
            if _written_null(value_node, self.inner):
                # `seo: ~` (or `null`) is about to hold keys
                if node.flow_style is True:
                    nested: Any = value
                    for inner_key in reversed(keys[depth + 1 :]):
                        nested = {inner_key: nested}
                    start, end = value_node.start_mark.index, value_node.end_mark.index
                    return self.splice(start, end, _inline(nested, None, flow=True))
                return _Edit(self._without_null(value_node), self.newline).set(keys, value)
            if _is_empty(value_node):
                return self._fill_empty(key_node, keys[depth + 1 :], value, flow=node.flow_style is True)
            node = value_node
        raise AssertionError("unreachable")

    def _replace_alias(self, span: tuple[int, int], key_node: Node, value: Any, flow: bool) -> str:
        start = self._colon_after(key_node) + 1
        text = " " + inline(value, None, flow=True) if flow else self._fresh_value(key_node, value)
        return self.splice(start, span[1], text)

    def _without_null(self, node: Node) -> str:
        start, end = node.start_mark.index, node.end_mark.index
        while start > 0 and self.inner[start - 1] in " \t":
            start -= 1
        if start > 0 and self.inner[start - 1] == "\n" and self.inner[end : end + 1] in ("\n", "\r"):
            start -= 1  # the null stood on a line of its own: that line goes
            if start > 0 and self.inner[start - 1] == "\r":
                start -= 1
        return self.splice(start, end, "")

    def _append_root(self, keys: list[str], value: Any) -> str:
        text = self.inner
        if text and not text.endswith("\n"):
            text += self.newline
        return text + self._new_lines(keys, value, 0)

    def _new_lines(self, keys: list[str], value: Any, indent: int) -> str:
        nested: Any = value
        for key in reversed(keys[1:]):
            nested = {key: nested}
        return format_block({keys[0]: nested}, indent, self.unit, self.newline)

    def _insert(self, mapping: MappingNode, keys: list[str], value: Any) -> str:
        if mapping.flow_style is True:
            return self._insert_flow(mapping, keys, value)
        indent = mapping.value[0][0].start_mark.column if mapping.value else 0
        last_key, last_value = mapping.value[-1]
        pos = _line_end(self.inner, _content_end(last_key, last_value, self.inner))
        prefix = "" if pos == 0 or self.inner[pos - 1] == "\n" else self.newline
        return self.splice(pos, pos, prefix + self._new_lines(keys, value, indent))

    def _insert_flow(self, mapping: MappingNode, keys: list[str], value: Any) -> str:
        close = self.inner.rfind("}", 0, mapping.end_mark.index)
        nested: Any = value
        for key in reversed(keys[1:]):
            nested = {key: nested}
        entry = f"{format_key(keys[0], flow=True)}: {_inline(nested, None, flow=True)}"
        before = self.inner[:close].rstrip()
        sep = "" if before.endswith(("{", ",")) else ", "
        if before.endswith(","):
            sep = " " if not self.inner[:close].endswith(" ") else ""
        return self.splice(close, close, sep + entry)

    def _fill_empty(self, key_node: Node, keys: list[str], value: Any, flow: bool = False) -> str:
        if flow:
            colon = self._colon_after(key_node)
            end = colon + 1
            while end < len(self.inner) and self.inner[end] in " \t":
                end += 1
            nested: Any = value
            for key in reversed(keys):
                nested = {key: nested}
            return self.splice(colon + 1, end, " " + _inline(nested, None, flow=True))
        pos = _line_end(self.inner, key_node.end_mark.index)
        line_break = pos > 0 and self.inner[pos - 1] == "\n"
        head = "" if line_break else self.newline
        body = self._new_lines(keys, value, key_node.start_mark.column + self.unit)
        return self.splice(pos, pos, head + body)

    def _colon_after(self, key_node: Node) -> int:
        """The `:` that follows a key on its line (`key :` too); none in a YAML set `{a, b}`."""
        match = _COLON_RE.match(self.inner, key_node.end_mark.index)
        if match is None:
            raise FrontMatterError(f"'{key_node.value}' has no value to set (is it in a YAML set?)")
        return match.end() - 1

    def _replace(self, key_node: Node, old: Node, value: Any) -> str:
        if _is_empty(old):
            colon = self._colon_after(key_node)
            end = colon + 1
            while end < len(self.inner) and self.inner[end] in " \t":
                end += 1
            text = self._value_text(key_node, old, value, True)
            if end < len(self.inner) and self.inner[end] == "#" and text:
                text += " "  # keep the comment apart from the new value
            return self.splice(colon + 1, end, text)
        block = isinstance(old, (SequenceNode, MappingNode)) and old.flow_style is not True
        if block and not self._same_block_shape(old, value):
            # a block list or map becomes something else: write it right after the colon
            colon = self._colon_after(key_node)
            end = _content_end(key_node, old, self.inner)
            text = self._fresh_value(key_node, value)
            return self.splice(colon + 1, end, text)
        start, end = old.start_mark.index, _content_end(key_node, old, self.inner)
        text = self._value_text(key_node, old, value, False)
        anchor = getattr(old, "anchor", None)
        if anchor and self.inner.startswith(f"&{anchor}", start):
            text = f"&{anchor} " + text  # an alias elsewhere still needs it
        old_text = self.inner[start:end]
        if old_text.endswith("\n") and not text.endswith("\n"):
            text += self.newline
        return self.splice(start, end, text)

    @staticmethod
    def _same_block_shape(old: Node, value: Any) -> bool:
        if isinstance(old, SequenceNode):
            return isinstance(value, list) and bool(value)
        return isinstance(value, dict) and bool(value)

    def _fresh_value(self, key_node: Node, value: Any) -> str:
        """A value written after `key:` as if new (inline, or a block one indent step in)."""
        if isinstance(value, dict) and value:
            block = format_block(value, key_node.start_mark.column + self.unit, self.unit, self.newline)
            return self.newline + block.rstrip("\r\n")
        text = _inline(value, None) if isinstance(value, (list, dict)) else format_scalar(value)
        return (" " + text) if text else ""

    def _value_text(self, key_node: Node, old: Node, value: Any, after_colon: bool) -> str:
        lead = " " if after_colon else ""
        if isinstance(value, (list, dict)):
            block = isinstance(old, (SequenceNode, MappingNode)) and old.flow_style is not True
            if block and value:
                indent = old.start_mark.column if not after_colon else key_node.start_mark.column
                if isinstance(old, MappingNode):
                    indent = old.value[0][0].start_mark.column if old.value else indent
                text = format_block(value, indent, self.unit, self.newline, _item_style(old))
                first_pad = " " * indent
                return text[len(first_pad) :].rstrip("\r\n")
            if after_colon and isinstance(value, dict) and value:
                return self._fresh_value(key_node, value)
            return lead + _inline(value, _item_style(old))
        style = old.style if isinstance(old, ScalarNode) and old.style in ("'", '"') else None
        if value is None:
            return ""
        return lead + format_scalar(value, style)


def set_yaml(inner: str, keys: list[str], value: Any, newline: str = "\n") -> str:
    """Return `inner` with `keys` set to `value`, changing only that value's text."""
    return _Edit(inner, newline).set(keys, value)


def delete_yaml(inner: str, keys: list[str]) -> str:
    """Return `inner` without the key (and its value lines); unchanged when absent."""
    edit = _Edit(inner, newline="\n")
    node = edit.root
    for key in keys[:-1]:
        found = _find(node, key) if isinstance(node, MappingNode) else None
        if found is None:
            return inner
        node = found[1]
    found = _find(node, keys[-1]) if isinstance(node, MappingNode) else None
    if found is None or not isinstance(node, MappingNode):
        return inner
    key_node, value_node = found
    if node.flow_style is True:
        return _delete_flow_entry(edit, key_node, value_node)
    start = inner.rfind("\n", 0, key_node.start_mark.index) + 1
    end = _line_end(inner, max(_content_end(key_node, value_node, inner), key_node.start_mark.index))
    return inner[:start] + inner[end:]


_FLOW_COMMA_AFTER = re.compile(r"(?:\s|#[^\n]*)*,[ \t]*")


def _delete_flow_entry(edit: _Edit, key_node: Node, value_node: Node) -> str:
    """`{a: 1, b: 2}` without `a`: the entry goes with its comma (the one after, or before)."""
    inner = edit.inner
    start = key_node.start_mark.index
    colon = _COLON_RE.match(inner, key_node.end_mark.index)
    end = max(colon.end() if colon else key_node.end_mark.index, value_node.end_mark.index)
    after = _FLOW_COMMA_AFTER.match(inner, end)
    if after is not None:
        return inner[:start] + inner[after.end() :]
    before = re.search(r",\s*$", inner[:start])
    if before is not None:
        start = before.start()
    return inner[:start] + inner[end:]

