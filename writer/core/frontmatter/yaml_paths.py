"""Which paths of a YAML block share one node: aliases (`*t`) and merges (`<<: *b`) of an
anchored value, which change with it by design when it is edited."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from writer.core.frontmatter.yaml_edit import _compose, _find, alias_span


def shared_paths(inner: str, keys: list[str]) -> list[list[str]]:
    """Other paths whose value is the very node `keys` names (aliases or merges of an anchored
    value): editing that value changes them too, by design. None when `keys` is an alias."""
    root = _compose(inner)
    node: Any = root
    found = None
    for key in keys:
        found = _find(node, key) if isinstance(node, MappingNode) else None
        if found is None:
            return []
        node = found[1]
    if found is None or alias_span(inner, *found) is not None:
        return []
    target = found[1]
    return [path for path, value in _node_paths(root) if value is target and path != keys]


def _node_paths(root: Node | None, limit: int = 100_000) -> list[tuple[list[str], Node]]:
    """Every (path, node) of the data as read, merges (`<<`) included."""
    out: list[tuple[list[str], Node]] = []
    stack: list[tuple[list[str], Node]] = [([], root)] if root is not None else []
    while stack and len(out) < limit:
        path, node = stack.pop()
        out.append((path, node))
        if isinstance(node, MappingNode):
            for key, value in _entries(node):
                stack.append(([*path, str(key.value)], value))
    return out


def _entries(node: MappingNode, depth: int = 0) -> list[tuple[Node, Node]]:
    entries: list[tuple[Node, Node]] = []
    for key, value in node.value:
        if isinstance(key, ScalarNode) and str(key.tag).endswith(":merge") and depth < 50:
            maps = value.value if isinstance(value, SequenceNode) else [value]
            for item in maps:
                if isinstance(item, MappingNode):
                    entries.extend(_entries(item, depth + 1))
        else:
            entries.append((key, value))
    return entries
