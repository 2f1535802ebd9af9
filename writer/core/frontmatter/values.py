"""Helpers on front matter values shared by the format editors."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from writer.core.errors import FrontMatterError


def same_value(a: Any, b: Any) -> bool:
    """Equality that also compares types (so True is not 1 and a date is not its string)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def split_key(key: str) -> list[str]:
    """`seo.title` -> ["seo", "title"]; an empty part (`.`, `a..b`, `.x`) is refused."""
    if not isinstance(key, str) or "\n" in key or "\r" in key:
        raise FrontMatterError(f"not a usable field name: {key!r}")
    parts = [part.strip() for part in key.split(".")]
    if any(not part for part in parts):
        raise FrontMatterError(
            f"not a usable field name: {key!r} (a dotted name needs a name on each side of every dot)")
    return parts


def lookup(fields: Mapping[str, Any], keys: list[str]) -> tuple[bool, Any]:
    """(found, value) of a path of exact keys inside nested maps."""
    node: Any = fields
    for key in keys:
        if not isinstance(node, Mapping) or key not in node:
            return False, None
        node = node[key]
    return True, node


def _same_name(node: Mapping[str, Any], name: str) -> list[str]:
    """The keys of a map that are `name` without regard to case (Hugo lower-cases them)."""
    return [k for k in node if isinstance(k, str) and k.lower() == name.lower()]


def _hugos_pick(names: list[str]) -> str:
    """Of keys that differ only by case, the one Hugo keeps (measured: `SEO` wins over `seo`)."""
    upper = [n for n in names if n != n.lower()]
    return upper[-1] if upper else names[0]


def _twice(names: list[str]) -> str:
    listed = " and ".join(f"'{n}'" for n in names)
    return f"the page has {listed}, one field for Hugo (it ignores case): keep one of them"


def resolve(fields: Mapping[str, Any], key: str, *, literal_keys: bool = True) -> tuple[list[str], str | None]:
    """The path of real keys a dotted name means, as Hugo reads it, and a problem (or None).

    Keys match without regard to case (`seo.description` finds `SEO: {Description: …}`).
    A literal dotted key (`seo.title: x`) is what `.Param "seo.title"` reads; it is used when
    no nested `seo: {title: …}` exists; both at once is a problem (two readings). Keys not
    found keep the spelling given.
    """
    parts = split_key(key)
    path: list[str] = []
    problem: str | None = None
    node: Any = fields
    for depth, part in enumerate(parts):
        if not isinstance(node, Mapping):
            return path + parts[depth:], problem
        rest = ".".join(parts[depth:])
        literal = _same_name(node, rest) if literal_keys and depth < len(parts) - 1 else []
        matches = _same_name(node, part)
        if len(literal) > 1 or len(matches) > 1:
            problem = problem or _twice(literal if len(literal) > 1 else matches)
        if literal:
            nested, _ = resolve(node, rest, literal_keys=False)
            if matches and lookup(node, nested)[0]:
                problem = problem or (
                    f"the page has both '{_hugos_pick(literal)}' and '{rest}' as nested fields: Hugo's "
                    ".Param reads the first, .Params the second; keep one of them")
            return [*path, _hugos_pick(literal)], problem
        if not matches:
            return path + parts[depth:], problem
        path.append(_hugos_pick(matches))
        node = node[path[-1]]
    return path, problem


def find(fields: Mapping[str, Any], key: str) -> tuple[bool, Any]:
    """(found, value) of a dotted name, matched as `resolve` does."""
    if isinstance(key, str) and "." not in key and key.strip() == key and key and "\n" not in key \
            and "\r" not in key:  # one plain name (the index asks five a page): no path to resolve
        matches = _same_name(fields, key)
        return (True, fields[_hugos_pick(matches)]) if matches else (False, None)
    path, _ = resolve(fields, key)
    return lookup(fields, path)


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
