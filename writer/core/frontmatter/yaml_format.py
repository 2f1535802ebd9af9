"""Write YAML values and keys that Hugo reads back as exactly what was set.

Plain only when the text loads back as itself both in Hugo's reading and in YAML 1.1 (older
Hugo, other tools); single quotes when every character is safe there; double quotes with
escapes otherwise. Hugo 0.168 drops a tab inside a plain scalar ("Kapitel 1\tEinleitung" is
read as "Kapitel 1Einleitung"), and PyYAML reads U+0085, U+2028 and U+2029 as line breaks,
so those are always escaped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import yaml

from writer.core.errors import FrontMatterError
from writer.core.frontmatter.values import scalar_text
from writer.core.frontmatter.yaml_load import _FAST_LOADER, HugoYamlLoader

_FLOW_UNSAFE = re.compile(r"[,\[\]{}:]")
# Hugo's YAML reader fails on `k: x:` and reads `{a:b: 1}` as {a: "b: 1"}: a plain scalar has no
# `:` at its end or before a space, and does not start with an indicator character
_PLAIN_UNSAFE = re.compile(r":$|:\s|^[-?:,\[\]{}#&*!|>'\"%@`]")
_INT_MIN, _UINT_MAX = -(2**63), 2**64 - 1


def _loads_as(text: str, value: Any, *, key: bool = False, flow: bool = False) -> bool:
    """`text` as a value (`k: text`, `k: [text]`) or a key (`text: 0`, `{text: 0}`) reads back
    as `value` in Hugo's reading and in YAML 1.1 readers."""
    line = (f"{{{text}: 0}}\n" if flow else f"{text}: 0\n") if key else (f"k: [{text}]\n" if flow else f"k: {text}\n")
    for loader in (HugoYamlLoader, _FAST_LOADER):
        try:
            loaded = yaml.load(line, Loader=loader)  # noqa: S506 - safe loaders
        except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
            return False
        if not isinstance(loaded, dict) or len(loaded) != 1:
            return False
        got = next(iter(loaded)) if key else loaded.get("k")
        if flow and not key:
            if not isinstance(got, list) or len(got) != 1:
                return False
            got = got[0]
        if type(got) is not type(value) or got != value:
            return False
    return True


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _printable(ch: str) -> bool:
    """What may stand unescaped in a quoted YAML scalar and reads back the same everywhere."""
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF):
        return False
    return not 0xD800 <= code <= 0xDFFF


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}


def _double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or not all(_printable(c) for c in text) or _PLAIN_UNSAFE.search(text):
        return False
    if flow and _FLOW_UNSAFE.search(text):
        return False
    return _loads_as(text, text, flow=flow)


def quoted_text(text: str, style: str | None = None) -> str:
    """`text` in quotes: the old style when it can hold it, else single, else double."""
    if style == '"' or not all(_printable(c) for c in text):
        return _double_quoted(text)
    return _single_quoted(text)


def format_key(key: str, *, flow: bool = False) -> str:
    """A map key that reads back as the string `key` (`#x`, `true`, `1`, `a: b` get quotes)."""
    if flow and _FLOW_UNSAFE.search(key):
        return quoted_text(key)
    plain = key and key == key.strip() and all(_printable(c) for c in key) and not _PLAIN_UNSAFE.search(key)
    if plain and _loads_as(key, key, key=True, flow=flow):
        return key
    return quoted_text(key)


def format_scalar(value: Any, style: str | None = None, *, flow: bool = False) -> str:
    """A YAML scalar for `value`. `style` is the old node's quote style ("'", '"' or None).

    A value that was a quoted string stays a quoted string, whatever type it is given as.
    """
    if value is None:
        return "null" if flow else ""
    if style in ("'", '"') or isinstance(value, str):
        text = scalar_text(value)
        if style is None and _plain_ok(text, flow):
            return text
        return quoted_text(text, style)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, int):
        if not _INT_MIN <= value <= _UINT_MAX:
            raise FrontMatterError(f"{value} is too large a number for Hugo (it reads it as text); "
                                   "write it as text")
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


def format_flow_list(items: list[Any], style: str | None) -> str:
    return "[" + ", ".join(inline(v, style if isinstance(v, str) else None, flow=True) for v in items) + "]"


def format_block(value: Any, indent: int, unit: int, newline: str, style: str | None = None) -> str:
    """Lines (each ending with `newline`) for a map or list nested at `indent`."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            name = format_key(str(key))
            if isinstance(item, dict) and item:
                lines.append(f"{pad}{name}:{newline}")
                lines.append(format_block(item, indent + unit, unit, newline, style))
            else:
                lines.append(f"{pad}{name}: {inline(item, style)}".rstrip() + newline)
    else:
        for item in value:
            text = inline(item, style if isinstance(item, str) else None, flow=item is None)
            lines.append(f"{pad}- {text}".rstrip() + newline)
    return "".join(lines)


def inline(value: Any, style: str | None, flow: bool = False) -> str:
    """A value on one line: scalars, and lists and maps in flow style."""
    if isinstance(value, (list, tuple)):
        return format_flow_list(list(value), style)
    if isinstance(value, dict):
        entries = (f"{format_key(str(k), flow=True)}: {inline(v, None, flow=True)}" for k, v in value.items())
        return "{" + ", ".join(entries) + "}"
    return format_scalar(value, style, flow=flow)
