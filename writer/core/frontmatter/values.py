"""Helpers on front matter values shared by the format editors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any


def same_value(a: Any, b: Any) -> bool:
    """Equality that also compares types (so True is not 1 and a date is not its string)."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def split_key(key: str) -> list[str]:
    parts = [part.strip() for part in key.split(".")]
    if not parts or any(not part for part in parts):
        raise ValueError(f"not a usable field name: {key!r}")
    return parts


def lookup(fields: Mapping[str, Any], keys: list[str]) -> tuple[bool, Any]:
    """(found, value) of a dotted path inside nested maps."""
    node: Any = fields
    for key in keys:
        if not isinstance(node, Mapping) or key not in node:
            return False, None
        node = node[key]
    return True, node


def scalar_text(value: Any) -> str:
    """The plain text of a scalar, as a writer would type it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def plain_data(value: Any) -> Any:
    """Nested maps with string keys, lists, and scalars: what the rest of Writer works with."""
    if isinstance(value, Mapping):
        return {str(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_data(v) for v in value]
    return value
