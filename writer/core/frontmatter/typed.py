"""Text typed for a field (on the command line) made into the value Hugo should read.

The contract (DESIGN.md, `writer set`): a value takes the type of the field it replaces (a
string stays a string, whatever it looks like); a new field's value is typed as Hugo reads
it, never by YAML 1.1 (`no`, `1:30`, `01234` stay text), and only when the text is the
value's usual spelling.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from writer.core.errors import FrontMatterError
from writer.core.frontmatter.yaml_load import load_yaml

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = {"null", "~", "Null", "NULL"}


def _hugo_reading(text: str) -> tuple[bool, Any]:
    """(ok, value) of `text` as a YAML value in Hugo's reading; not ok when it is no value."""
    try:
        return True, load_yaml(f"k: {text}\n")["k"]
    except (yaml.YAMLError, FrontMatterError, ValueError, TypeError, KeyError, RecursionError):
        return False, None


def new_value(text: str) -> Any:
    """A new field's value as Hugo reads `key: text`, when `text` is that value's usual spelling."""
    stripped = text.strip()
    if stripped == "" or stripped in _NULLS:
        return None
    if stripped in _BOOLS:
        return _BOOLS[stripped]
    if _INT.match(stripped):
        return int(stripped)
    if _FLOAT.match(stripped):
        return float(stripped)
    if stripped.startswith(("[", "{")):
        ok, value = _hugo_reading(stripped)
        if ok and isinstance(value, (list, dict)):
            return value
        return text
    ok, value = _hugo_reading(stripped)
    if ok and isinstance(value, (dt.date, dt.datetime)) and value.isoformat()[:10] == stripped[:10]:
        return value
    return text


def value_for(text: str, found: bool, current: Any, key: str) -> Any:
    """`text` as a value for a field that holds `current` (when `found`), or a new field."""
    if not found or current is None:
        return new_value(text)
    if isinstance(current, str):
        return text
    typed = new_value(text)
    if isinstance(current, bool):
        if isinstance(typed, bool):
            return typed
        raise FrontMatterError(f"'{key}' is true or false; '{text}' is neither")
    if isinstance(current, (int, float)):
        if isinstance(typed, (int, float)) and not isinstance(typed, bool):
            return typed
        if re.fullmatch(r"[-+]?[0-9]+", text.strip()):
            return int(text.strip())  # `01234` for a number field is the number 1234
        raise FrontMatterError(f"'{key}' is a number; '{text}' is not one")
    if isinstance(current, (dt.date, dt.datetime)):
        if isinstance(typed, (dt.date, dt.datetime)):
            return typed
        raise FrontMatterError(f"'{key}' is a date; '{text}' is not one (write it like 2024-05-01)")
    if isinstance(current, list):
        return typed if isinstance(typed, list) else [typed]
    if isinstance(current, dict):
        if isinstance(typed, dict):
            return typed
        raise FrontMatterError(f"'{key}' is a group of fields; set one of them, like {key}.name=…")
    return typed
