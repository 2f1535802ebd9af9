"""Edit one value of a TOML front matter block through tomlkit, which keeps the rest verbatim."""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import Any

import tomlkit
from tomlkit.exceptions import ParseError
from tomlkit.items import Item, String, Table

from writer.core.errors import FrontMatterError
from writer.core.frontmatter.values import scalar_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = None


def load_toml(text: str) -> dict[str, Any]:
    """Parse TOML quickly (tomllib where present)."""
    if tomllib is not None:
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise _error(str(exc), exc) from exc
    try:
        return tomlkit.parse(text).unwrap()
    except ParseError as exc:
        raise FrontMatterError(f"front matter does not parse: {exc}", None, exc.line, exc.col) from exc


def _error(message: str, exc: Exception) -> FrontMatterError:
    line = getattr(exc, "lineno", None)
    col = getattr(exc, "colno", None)
    where = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if line is None and where:
        line, col = int(where.group(1)), int(where.group(2))
    text = message.split(" (at ")[0]
    return FrontMatterError(f"front matter does not parse: {text}", None, line, col)


def _item_for(value: Any, old: Item | None) -> Item:
    was_string = isinstance(old, String)
    if was_string or isinstance(value, str):
        literal = was_string and old.type.is_literal()  # type: ignore[union-attr]
        text = scalar_text(value)
        if literal and ("'" in text or "\n" in text):
            literal = False
        return tomlkit.string(text, literal=literal)
    if isinstance(value, dt.datetime):
        return tomlkit.datetime(value.isoformat())
    if isinstance(value, dt.date):
        return tomlkit.date(value.isoformat())
    return tomlkit.item(value)


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
    old = container.get(last) if hasattr(container, "get") else None
    if value is None:
        value = ""
    new = _item_for(value, old)
    if old is not None:
        new.trivia.indent = old.trivia.indent
        new.trivia.comment_ws = old.trivia.comment_ws
        new.trivia.comment = old.trivia.comment
        new.trivia.trail = old.trivia.trail
    container[last] = new
    text = doc.as_string()
    if newline == "\r\n":  # tomlkit writes new lines with "\n"; the file uses CRLF
        text = re.sub(r"(?<!\r)\n", "\r\n", text)
    return text


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
