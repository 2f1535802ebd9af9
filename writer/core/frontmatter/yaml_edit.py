"""Edit one value of a YAML front matter block by replacing only its text.

The block is composed with ruamel.yaml to learn where each key and value sits;
the new value is formatted in the style of the old one (quotes, flow or block
list) and spliced in. Nothing else of the text is touched, so comments, odd
indents, whitespace-only lines and key order all stay.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError as RuamelMarkedError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from writer.core.errors import FrontMatterError
from writer.core.frontmatter.values import scalar_text

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")
_NULL_TAG = "tag:yaml.org,2002:null"
_COLON_RE = re.compile(r"[ \t]*:")  # the `:` after a key (`key :` too)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_YAML11_TAGS = {_BOOL_TAG, _INT_TAG, _FLOAT_TAG, "tag:yaml.org,2002:value"}


class HugoYamlLoader(_FAST_LOADER):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader with the plain-scalar types Hugo's YAML library gives.

    Checked against Hugo 0.168 (tests/hugo/test_yaml_types_vs_hugo.py): `yes`, `no`, `on`,
    `off` are strings (YAML 1.1 made them booleans, keys too); `1:30` is a string (1.1 read
    it as 90 in base 60); `0o14` is the number 12; a lone `=` is a string. A key written
    twice in one map is an error, as in Hugo ("mapping key already defined").
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _YAML11_TAGS]
        for first, resolvers in _FAST_LOADER.yaml_implicit_resolvers.items()
    }

    def construct_document(self, node: Any) -> Any:
        _check_duplicate_keys(node)  # before merge keys (`<<`) are flattened into their maps
        return super().construct_document(node)


def _check_duplicate_keys(root: Any) -> None:
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in node.value:
                stack.append(value_node)
                if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                    continue
                if key_node.value in keys:
                    raise yaml.constructor.ConstructorError(
                        None, None,
                        f"the key '{key_node.value}' is written a second time here (Hugo stops at "
                        "this too): keep one of them",
                        key_node.start_mark,
                    )
                keys.add(key_node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


HugoYamlLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
HugoYamlLoader.add_implicit_resolver(
    _INT_TAG,
    re.compile(
        r"^(?:[-+]?0b[0-1_]+|[-+]?0o[0-7_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
        r"|[-+]?0x[0-9a-fA-F_]+)$"
    ),
    list("-+0123456789"),
)
HugoYamlLoader.add_implicit_resolver(
    _FLOAT_TAG,
    re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


def load_yaml(text: str) -> Any:
    """Parse YAML the way Hugo reads front matter and configuration (fast, safe)."""
    return yaml.load(text, Loader=HugoYamlLoader)  # noqa: S506 - a safe loader


def _compose(inner: str) -> Node | None:
    try:
        return YAML(typ="rt").compose(inner)
    except RuamelMarkedError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise FrontMatterError(f"front matter does not parse: {exc.problem}", None, line) from exc


# -- formatting values -------------------------------------------------------


def _parses_back(text: str, value: Any) -> bool:
    """`k: text` reads back as `value`, both in Hugo and in YAML 1.1 readers (older Hugo
    releases, other tools): Writer writes `'yes'` even though today's Hugo reads `yes` as text."""
    for loader in (HugoYamlLoader, _FAST_LOADER):
        try:
            loaded = yaml.load(f"k: {text}\n", Loader=loader)  # noqa: S506 - safe loaders
        except yaml.YAMLError:
            return False
        if not isinstance(loaded, dict) or type(loaded.get("k")) is not type(value) or loaded["k"] != value:
            return False
    return True


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _printable(ch: str) -> bool:
    """What YAML allows unescaped (and what survives a reader's line-break folding)."""
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF):
        return False
    return not 0xD800 <= code <= 0xDFFF


def _double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif not _printable(ch):
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def format_scalar(value: Any, style: str | None = None, *, flow: bool = False) -> str:
    """A YAML scalar for `value`. `style` is the old node's quote style ("'", '"' or None).

    A value that was a quoted string stays a quoted string, whatever type it is given as.
    """
    if value is None:
        return ""
    if style in ("'", '"') or isinstance(value, str):
        text = scalar_text(value)
        if style is None and _plain_ok(text, flow):
            return text
        if style == '"' or "\n" in text or not all(_printable(c) for c in text):
            return _double_quoted(text)
        return _single_quoted(text)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return _single_quoted(str(value))


def _float_text(value: float) -> str:
    """A float that reads back as a float (YAML 1.1 wants `1.0e+20`, `.inf`, `.nan`)."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    if "e" in text and "." not in text.split("e")[0]:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}.0e{exponent}"
    return text


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text:
        return False
    if flow and _FLOW_UNSAFE.search(text):
        return False
    return _parses_back(text, text)


def _item_style(node: Node | None) -> str | None:
    if isinstance(node, SequenceNode) and node.value:
        first = node.value[0]
        if isinstance(first, ScalarNode) and first.style in ("'", '"'):
            return first.style
    return None


def format_flow_list(items: list[Any], style: str | None) -> str:
    return "[" + ", ".join(_inline(v, style if isinstance(v, str) else None, flow=True) for v in items) + "]"


def format_block(value: Any, indent: int, unit: int, newline: str, style: str | None = None) -> str:
    """Lines (each ending with `newline`) for a map or list nested at `indent`."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict) and item:
                lines.append(f"{pad}{key}:{newline}")
                lines.append(format_block(item, indent + unit, unit, newline, style))
            else:
                lines.append(f"{pad}{key}: {_inline(item, style)}".rstrip() + newline)
    else:
        for item in value:
            lines.append(f"{pad}- {_inline(item, style if isinstance(item, str) else None)}".rstrip() + newline)
    return "".join(lines)


def _inline(value: Any, style: str | None, flow: bool = False) -> str:
    if isinstance(value, list):
        return format_flow_list(value, style)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_inline(v, None, flow=True)}" for k, v in value.items()) + "}"
    return format_scalar(value, style, flow=flow)


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


def _content_end(key: Node, value: Node) -> int:
    """Where the last written character of a key's value ends (not counting blank lines after)."""
    if _is_empty(value):
        return key.end_mark.index
    if isinstance(value, MappingNode) and value.value and value.flow_style is not True:
        last_key, last_value = value.value[-1]
        return _content_end(last_key, last_value)
    if isinstance(value, SequenceNode) and value.value and value.flow_style is not True:
        last = value.value[-1]
        return _content_end(last, last) if not _is_empty(last) else last.start_mark.index
    return value.end_mark.index


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
            if depth == len(keys) - 1:
                return self._replace(key_node, value_node, value)
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
        pos = _line_end(self.inner, max(_content_end(last_key, last_value) - 1, 0))
        prefix = "" if pos == 0 or self.inner[pos - 1] == "\n" else self.newline
        return self.splice(pos, pos, prefix + self._new_lines(keys, value, indent))

    def _insert_flow(self, mapping: MappingNode, keys: list[str], value: Any) -> str:
        close = self.inner.rfind("}", 0, mapping.end_mark.index)
        nested: Any = value
        for key in reversed(keys[1:]):
            nested = {key: nested}
        entry = f"{keys[0]}: {_inline(nested, None, flow=True)}"
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
            end = _content_end(key_node, old)
            text = self._fresh_value(key_node, value)
            return self.splice(colon + 1, end, text)
        start, end = old.start_mark.index, _content_end(key_node, old)
        if isinstance(old, ScalarNode) and old.style in ("|", ">"):
            # a block scalar's end includes the blank lines after it: they are not its text
            kept = self.inner[start:end].rstrip("\r\n")
            end = start + len(kept) + len(self.newline if self.inner[start + len(kept):end] else "")
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
    end = _line_end(inner, max(_content_end(key_node, value_node) - 1, key_node.start_mark.index))
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
