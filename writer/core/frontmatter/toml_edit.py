"""Edit one value of a TOML front matter block through tomlkit, which keeps the rest verbatim."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import tomlkit
from tomlkit.exceptions import ParseError
from tomlkit.items import AoT, Item, String, Table

from writer.core.errors import FrontMatterError
from writer.core.frontmatter.toml_load import _INT_MAX, _INT_MIN, load_toml  # noqa: F401 - load_toml kept here too
from writer.core.frontmatter.values import scalar_text


def _check_value(value: Any, was_string: bool) -> None:
    """Refuse what TOML cannot hold or Hugo cannot read back."""
    if isinstance(value, dict):
        for item in value.values():
            _check_value(item, False)
    elif isinstance(value, (list, tuple)):
        for item in value:
            if item is None:
                raise FrontMatterError("TOML has no empty (null) value for a list item; leave it out")
            _check_value(item, False)
    elif isinstance(value, int) and not isinstance(value, bool) and not was_string and not (
        _INT_MIN <= value <= _INT_MAX
    ):
        raise FrontMatterError(f"{value} is too large a whole number for Hugo's TOML reader "
                                   "(64 bits at most); write it as text")


def _item_for(value: Any, old: Item | None) -> Item:
    was_string = isinstance(old, String)
    _check_value(value, was_string)
    if was_string or isinstance(value, str):
        literal = was_string and old.type.is_literal()  # type: ignore[union-attr]
        text = scalar_text(value)
        if literal and ("'" in text or any(c in text for c in _NOT_IN_LITERAL)):
            literal = False
        return tomlkit.string(text, literal=literal)
    if isinstance(value, dt.datetime):
        return tomlkit.datetime(value.isoformat())
    if isinstance(value, dt.date):
        return tomlkit.date(value.isoformat())
    return tomlkit.item(value)


_NOT_IN_LITERAL = {chr(c) for c in range(0x20) if c != 9} | {"\x7f"}


def _old_item(container: Any, key: str) -> Item | None:
    """The item itself (tomlkit hands out booleans as plain `bool`, which have no trivia)."""
    try:
        return container.item(key) if key in container else None
    except (KeyError, AttributeError):
        return None


def set_toml(inner: str, keys: list[str], value: Any, newline: str = "\n") -> str:
    try:
        doc = tomlkit.parse(inner)
    except ParseError as exc:
        raise FrontMatterError(f"front matter does not parse: {exc}", None, exc.line, exc.col) from exc
    container: Any = doc
    for depth, key in enumerate(keys[:-1]):
        if key not in container:
            container[key] = tomlkit.table()
        container = container[key]
        if not isinstance(container, (Table, dict)) or isinstance(container, str):
            where = ".".join(keys[: depth + 1])
            raise FrontMatterError(f"'{where}' is not a table, so '{keys[-1]}' cannot be set in it")
    last = keys[-1]
    old = _old_item(container, last)
    new = _item_for("" if value is None else value, old)
    if old is not None and hasattr(old, "trivia") and not isinstance(old, (Table, AoT)):
        new.trivia.indent = old.trivia.indent
        new.trivia.comment_ws = old.trivia.comment_ws
        new.trivia.comment = old.trivia.comment
        new.trivia.trail = old.trivia.trail
    container[last] = new
    return _restyled(inner, doc.as_string(), newline)


def _restyled(old: str, new: str, newline: str) -> str:
    """Give only the changed stretch of text the file's line breaks (tomlkit writes "\n")."""
    if newline == "\n" or old == new:
        return new
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    middle = new[head : len(new) - tail]
    middle = re.sub(r"(?<!\r)\n", newline, middle)
    if head and new[head - 1] == "\r" and middle.startswith("\r\n"):
        middle = middle[1:]  # the "\r" before was already the start of this line break
    return new[:head] + middle + new[len(new) - tail :]


def delete_toml(inner: str, keys: list[str]) -> str:
    doc = tomlkit.parse(inner)
    container: Any = doc
    for key in keys[:-1]:
        if key not in container:
            return inner
        container = container[key]
    if keys[-1] in container:
        del container[keys[-1]]
    return doc.as_string()
