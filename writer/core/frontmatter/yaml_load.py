"""Read YAML front matter the way Hugo 0.168 reads it, and never crash on what it cannot build.

PyYAML's safe loader with Hugo's plain-scalar types (no YAML 1.1 booleans, sexagesimals or
`=`), Hugo's merge keys (`<<`), and every value PyYAML cannot construct turned into either
Hugo's reading (an impossible date or a number out of range is text) or a YAMLError with a
line and column (a bad explicit tag, a value that contains itself, an alias bomb).
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_YAML11_TAGS = {_BOOL_TAG, _INT_TAG, _FLOAT_TAG, "tag:yaml.org,2002:value"}
_INF_TEXT = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_INT_MIN, _UINT_MAX = -(2**63), 2**64 - 1  # Hugo reads integers outside this range as text
MAX_VALUES = 100_000  # values after aliases are expanded: more is an "alias bomb"
_KINDS = {"str": "string", "int": "int", "float": "float", "bool": "bool", "null": "null",
          "seq": "sequence", "map": "mapping"}


def _error(problem: str, node: Node) -> ConstructorError:
    return ConstructorError(None, None, problem, node.start_mark)


class HugoYamlLoader(_FAST_LOADER):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader with the plain-scalar types Hugo's YAML library gives.

    Checked against Hugo 0.168 (tests/hugo/test_yaml_types_vs_hugo.py): `yes`, `no`, `on`,
    `off` are strings (YAML 1.1 made them booleans, keys too); `1:30` is a string (1.1 read
    it as 90 in base 60); `0o14` is the number 12; a lone `=` is a string. A key written
    twice in one map is an error, as in Hugo ("mapping key already defined"), `<<` too.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _YAML11_TAGS]
        for first, resolvers in _FAST_LOADER.yaml_implicit_resolvers.items()
    }

    aliases = True  # whether the text may hold an alias (`*name`); load_yaml says

    def construct_document(self, node: Any) -> Any:
        if self.aliases:
            _check_graph(node)  # duplicate keys, values that contain themselves, alias bombs
        else:
            _check_keys(node)  # a tree without aliases: only keys written twice to find
        return super().construct_document(node)

    def flatten_mapping(self, node: MappingNode) -> None:
        """Merge keys as Hugo reads them: entries apply in the order written and a later one
        wins, whether explicit or merged (`{x: 9, <<: {x: 1}}` is x=1); in `<<: [*a, *b]`,
        *b wins over *a. Independent of the PyYAML release (6.0.4 changed its own)."""
        entries: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                entries.extend(self._merged(value_node))
            else:
                entries.append((key_node, value_node))
        node.value = entries

    def _merged(self, value: Node) -> list[tuple[Node, Node]]:
        maps = value.value if isinstance(value, SequenceNode) else [value]
        entries: list[tuple[Node, Node]] = []
        for item in maps:
            if not isinstance(item, MappingNode):
                raise _error(f"{_kind(item)} was used where mapping is expected (a merge key "
                             "'<<' takes a map or a list of maps)", item)
            self.flatten_mapping(item)
            entries.extend(item.value)
        return entries

    def construct_undefined(self, node: Node) -> Any:
        """An unknown tag (`!custom x`): a page error at its place (Hugo silently drops the tag)."""
        raise _error(f"the tag '{node.tag}' is unknown (Hugo ignores it and reads the value under it): "
                     "remove the tag", node)

    def construct_yaml_int(self, node: ScalarNode) -> Any:
        try:
            value = super().construct_yaml_int(node)
        except ValueError:
            raise _error(f"'{node.value}' is not an integer (tag {node.tag})", node) from None
        return value if _INT_MIN <= value <= _UINT_MAX else node.value

    def construct_yaml_float(self, node: ScalarNode) -> Any:
        try:
            value = super().construct_yaml_float(node)
        except ValueError:
            raise _error(f"'{node.value}' is not a number (tag {node.tag})", node) from None
        if math.isinf(value) and not _INF_TEXT.match(node.value.strip()):
            return node.value  # out of range: Hugo reads `1.0e999` as text
        return value

    def construct_yaml_bool(self, node: ScalarNode) -> Any:
        value = self.construct_scalar(node)
        if value.lower() not in ("true", "false", "yes", "no", "on", "off"):
            raise _error(f"'{value}' is not true or false (tag {node.tag})", node)
        return value.lower() in ("true", "yes", "on")

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, TypeError, AttributeError, OverflowError):
            if self.timestamp_regexp.match(node.value):
                return node.value  # `2024-04-31`: Hugo reads an impossible date as text
            raise _error(f"'{node.value}' is not a date (tag {node.tag})", node) from None

    def construct_yaml_binary(self, node: ScalarNode) -> Any:
        try:
            return super().construct_yaml_binary(node)
        except ConstructorError:
            raise _error(f"'{node.value}' is not base64 data (tag {node.tag})", node) from None


HugoYamlLoader.add_constructor(None, HugoYamlLoader.construct_undefined)
for _tag, _method in (
    (_INT_TAG, HugoYamlLoader.construct_yaml_int),
    (_FLOAT_TAG, HugoYamlLoader.construct_yaml_float),
    (_BOOL_TAG, HugoYamlLoader.construct_yaml_bool),
    ("tag:yaml.org,2002:timestamp", HugoYamlLoader.construct_yaml_timestamp),
    ("tag:yaml.org,2002:binary", HugoYamlLoader.construct_yaml_binary),
    ("tag:yaml.org,2002:set", HugoYamlLoader.construct_yaml_map),  # Hugo reads the map
    ("tag:yaml.org,2002:omap", HugoYamlLoader.construct_yaml_seq),  # and the list of maps
    ("tag:yaml.org,2002:pairs", HugoYamlLoader.construct_yaml_seq),
):
    HugoYamlLoader.add_constructor(_tag, _method)
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


def _kind(node: Node) -> str:
    name = node.tag.rsplit(":", 1)[-1] if node.tag else ""
    if isinstance(node, SequenceNode):
        return "sequence"
    return _KINDS.get(name, "string" if isinstance(node, ScalarNode) else "mapping")


def _check_graph(root: Node) -> None:
    """Refuse what Hugo would stop at or Writer cannot hold, before anything is built."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    # an explicit stack (not recursion): (node, children visited yet)
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            open_nodes.discard(id(node))
            children = _children(node)
            sizes[id(node)] = 1 + sum(sizes.get(id(c), 0) for c in children)
            if sizes[id(node)] > MAX_VALUES:
                raise _error(f"the aliases here expand to more than {MAX_VALUES} values "
                             "(an 'alias bomb'): write the values out", node)
            continue
        if id(node) in sizes:
            continue
        if id(node) in open_nodes:
            raise _error("this anchored value contains an alias of itself (a value that "
                         "contains itself): Hugo reads null there; write it out", node)
        open_nodes.add(id(node))
        if isinstance(node, MappingNode):
            _check_duplicate_keys(node)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))


def _check_keys(root: Node) -> None:
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            _check_duplicate_keys(node)
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _check_duplicate_keys(node: MappingNode) -> None:
    keys: set[str] = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, ScalarNode):
            continue
        if key_node.value in keys:
            raise _error(
                f"the key '{key_node.value}' is written a second time here (Hugo stops at this "
                "too: mapping key already defined): keep one of them", key_node)
        keys.add(key_node.value)


def load_yaml(text: str) -> Any:
    """Parse YAML the way Hugo reads front matter and configuration (fast, safe)."""
    loader = HugoYamlLoader(text)
    loader.aliases = "*" in text  # no `*`, no alias: the values form a plain tree
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
