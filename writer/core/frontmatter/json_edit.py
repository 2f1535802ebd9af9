"""Edit one value of a JSON front matter object in place, keeping key order and layout."""

from __future__ import annotations

import datetime as dt
import json
from json.decoder import scanstring
from typing import Any

from writer.core.errors import FrontMatterError

_DECODER = json.JSONDecoder()
_WS = " \t\r\n"


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def object_spans(text: str, start: int) -> tuple[dict[str, tuple[int, int, int]], int]:
    """Keys of the object at `start` mapped to (key_start, value_start, value_end); and its end."""
    if text[start] != "{":
        raise FrontMatterError("front matter JSON is not an object")
    spans: dict[str, tuple[int, int, int]] = {}
    i = _skip(text, start + 1)
    if text[i] == "}":
        return spans, i + 1
    while True:
        key_start = i
        key, i = scanstring(text, i + 1)
        i = _skip(text, i)
        i = _skip(text, i + 1)  # past ':'
        _, end = _DECODER.raw_decode(text, i)
        spans[key] = (key_start, i, end)
        i = _skip(text, end)
        if text[i] == "}":
            return spans, i + 1
        i = _skip(text, i + 1)  # past ','


def _dump(value: Any) -> str:
    def default(obj: Any) -> str:
        if isinstance(obj, (dt.date, dt.datetime)):
            return obj.isoformat()
        raise TypeError(f"cannot write {type(obj).__name__} as JSON")

    return json.dumps(value, ensure_ascii=False, default=default)


def set_json(inner: str, keys: list[str], value: Any, newline: str = "\n") -> str:
    start = _skip(inner, 0)
    for depth, key in enumerate(keys):
        spans, end = object_spans(inner, start)
        if key not in spans:
            nested: Any = value
            for k in reversed(keys[depth + 1 :]):
                nested = {k: nested}
            return _insert(inner, start, end, spans, key, nested, newline)
        _, vstart, vend = spans[key]
        if depth == len(keys) - 1:
            return inner[:vstart] + _dump(value) + inner[vend:]
        if inner[vstart] != "{":
            where = ".".join(keys[: depth + 1])
            raise FrontMatterError(f"'{where}' is not an object, so '{keys[-1]}' cannot be set in it")
        start = vstart
    raise AssertionError("unreachable")


def _insert(
    inner: str, start: int, end: int, spans: dict, key: str, value: Any, newline: str
) -> str:
    close = end - 1
    entry = f"{_dump(key)}: {_dump(value)}"
    if not spans:
        return inner[:close] + entry + inner[close:]
    last_key_start, _, last_end = max(spans.values(), key=lambda s: s[2])
    line_start = inner.rfind("\n", 0, last_key_start) + 1
    indent = inner[line_start:last_key_start]
    if indent.strip():  # keys share a line: stay on it
        return inner[:last_end] + ", " + entry + inner[last_end:]
    return inner[:last_end] + "," + newline + indent + entry + inner[last_end:]


def delete_json(inner: str, keys: list[str]) -> str:
    start = _skip(inner, 0)
    for key in keys[:-1]:
        spans, _ = object_spans(inner, start)
        if key not in spans or inner[spans[key][1]] != "{":
            return inner
        start = spans[key][1]
    spans, end = object_spans(inner, start)
    if keys[-1] not in spans:
        return inner
    key_start, _, value_end = spans[keys[-1]]
    after = _skip(inner, value_end)
    if inner[after] == ",":
        return inner[:key_start] + inner[_skip(inner, after + 1) :]
    before = inner.rfind(",", start, key_start)
    if before < 0:
        return inner[:key_start] + inner[value_end:]
    return inner[:before] + inner[value_end:]
