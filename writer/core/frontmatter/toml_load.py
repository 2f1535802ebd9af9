"""Read TOML front matter and configuration as Hugo reads it (no editing library needed)."""

from __future__ import annotations

import math
import re
import sys
from typing import Any

from writer.core.errors import FrontMatterError

_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1
_NUMBER = re.compile(r"(?<![\w.\-+\"'])[-+]?\d[\d_]*(?:\.[\d_]+)?(?:[eE][-+]?[\d_]+)?(?![\w.])")


def load_toml(text: str) -> dict[str, Any]:
    """Parse TOML quickly (tomllib where present); what Hugo refuses is refused too."""
    try:
        if sys.version_info >= (3, 11):
            import tomllib  # here, not at the top: sites with YAML never pay for its import

            data = tomllib.loads(text)
        else:  # pragma: no cover - Python 3.10
            data = _tomlkit_loads(text)
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply to read", None, 1, 1) from None
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise _error(str(exc), exc) from exc
    _check_numbers(text)
    return data


def _check_numbers(text: str) -> None:
    """Hugo's TOML reader stops at integers beyond 64 bits and floats beyond float64."""
    if not any(len(m.group()) >= 19 for m in _NUMBER.finditer(text)) and "e" not in text.lower():
        return
    for match in _NUMBER.finditer(text):
        digits = match.group().replace("_", "")
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        if re.fullmatch(r"[-+]?\d+", digits) and not _INT_MIN <= int(digits) <= _INT_MAX:
            raise FrontMatterError("front matter does not parse: toml: decimal number is too large to fit "
                                   "in a 64-bit signed integer", None, line, col)
        if not re.fullmatch(r"[-+]?\d+", digits) and math.isinf(float(digits)):
            raise FrontMatterError(f"front matter does not parse: toml: unable to parse float: {digits} "
                                   "is out of range", None, line, col)


def _error(message: str, exc: Exception) -> FrontMatterError:
    line = getattr(exc, "lineno", None)
    col = getattr(exc, "colno", None)
    where = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if line is None and where:
        line, col = int(where.group(1)), int(where.group(2))
    text = message.split(" (at ")[0]
    return FrontMatterError(f"front matter does not parse: {text}", None, line, col)




def _tomlkit_loads(text: str) -> dict[str, Any]:  # pragma: no cover - Python 3.10 only
    import tomlkit
    from tomlkit.exceptions import ParseError

    try:
        return tomlkit.parse(text).unwrap()
    except ParseError as exc:
        raise FrontMatterError(f"front matter does not parse: {exc}", None, exc.line, exc.col) from exc
