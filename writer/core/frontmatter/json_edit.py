"""Edit one value of a JSON front matter object in place, keeping key order and layout."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from json.decoder import scanstring
from typing import Any

from writer.core.errors import FrontMatterError

_WS = " \t\r\n"
_EXACT = 2**53  # Hugo reads JSON numbers as float64: larger integers lose digits


def _constant(name: str) -> Any:
    raise ValueError(f"invalid character '{name[0]}' looking for beginning of value ({name} is not JSON)")


def _number(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"the number {text} is out of range")
    return value


def _integer(text: str) -> int | float:
    value = int(text)
    return value if abs(value) <= _EXACT else float(text)  # what Hugo reads


_DECODER = json.JSONDecoder(parse_constant=_constant, parse_float=_number, parse_int=_integer)


def _where(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def object_end(text: str, start: int) -> int:
    """Where the JSON object at `start` ends; FrontMatterError (line, column) when it is not one."""
    try:
        _, end = _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        raise FrontMatterError(f"front matter does not parse: {exc.msg}", None, exc.lineno, exc.colno) from exc
    except ValueError as exc:
        bad = re.search(r"-?\b(?:NaN|Infinity)\b|-?\d[\d.eE+-]*", text[start:])
        line, col = _where(text, start + bad.start()) if bad else (None, None)
        raise FrontMatterError(f"front matter does not parse: {exc}", None, line, col) from exc
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply to read", None, 1, 1) from None
    return end


def load_json(text: str) -> Any:
    start = _skip(text, 0)
    end = object_end(text, start)
    if text[end:].strip():
        line, col = _where(text, _skip(text, end))
        raise FrontMatterError("front matter does not parse: Extra data", None, line, col)
    return _DECODER.decode(text)


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

    _check(value)
    return json.dumps(value, ensure_ascii=False, default=default, allow_nan=False)


def _check(value: Any) -> None:
    """Refuse what Hugo would read as another value (it reads every JSON number as a float64)."""
    if isinstance(value, dict):
        for item in value.values():
            _check(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check(item)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > _EXACT:
        raise FrontMatterError(f"{value} is too large a whole number for JSON front matter (Hugo reads "
                               "it as a rounded float); write it as text")
    elif isinstance(value, float) and not math.isfinite(value):
        raise FrontMatterError(f"{value} cannot be written in JSON front matter")


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
