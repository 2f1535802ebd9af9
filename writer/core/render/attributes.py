"""Goldmark attribute lists: `{#id .class key=value key="quoted value"}`."""

from __future__ import annotations

import re

_ITEM_RE = re.compile(
    r"""\s*(?:\#([^\s#.{}"'=]+)|\.([^\s#.{}"'=]+)|([A-Za-z_:][\w:.\-]*)\s*=\s*"""
    r"""("[^"]*"|'[^']*'|[^\s"'{}]+))""",
)
TRAILING_RE = re.compile(r"[ \t]*(\{[^{}\n]*\})[ \t]*$")
LINE_RE = re.compile(r"[ \t]{0,3}(\{[^{}\n]*\})[ \t]*$")


def parse_attributes(text: str) -> list[tuple[str, str]] | None:
    """Parse `{...}`; None when it is not a valid attribute list. Classes are merged.

    Like Hugo, names starting with `on` (event handlers, in any letter case) are dropped."""
    if not (text.startswith("{") and text.endswith("}")):
        return None
    inner = text[1:-1]
    pos = 0
    result: list[tuple[str, str]] = []
    classes: list[str] = []
    found = False
    while pos < len(inner):
        if inner[pos:].strip() == "":
            break
        match = _ITEM_RE.match(inner, pos)
        if match is None:
            return None
        found = True
        ident, cls, key, value = match.groups()
        if ident is not None:
            result.append(("id", ident))
        elif cls is not None:
            if not classes:
                result.append(("class", ""))
            classes.append(cls)
        else:
            if value[:1] in "\"'":
                value = value[1:-1]
            if key == "class":
                if not classes:
                    result.append(("class", ""))
                classes.append(value)
            elif not key.lower().startswith("on"):
                result.append((key, value))
        pos = match.end()
    if not found:
        return None
    return [(k, " ".join(classes) if k == "class" else v) for k, v in result]
