"""Heading ids like Goldmark's GitHub style, and `## Title {#id .class}` attributes."""

from __future__ import annotations

import re
import unicodedata

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .attributes import TRAILING_RE, parse_attributes
from .shortcodes import Marker

_KEEP_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd"})
_NUMBER_CATEGORIES = frozenset({"Nd", "Nl", "No"})
_ASCII_DROPPED_RE = re.compile(r"[^A-Za-z0-9_ -]+")


def slugify(text: str, id_type: str = "github") -> str:
    """Hugo's `autoHeadingIDType`: `github` (lower case; letters, digits, `_` and `-` kept; a
    space becomes `-`; the rest dropped), `github-ascii` (the same after removing accents, then
    non-ASCII dropped) or `blackfriday` (runs of anything but letters and digits become one
    `-` between words)."""
    if id_type == "blackfriday":
        return _slugify_blackfriday(text)
    if id_type == "github-ascii" and not text.isascii():
        text = _remove_accents(text).encode("ascii", "ignore").decode("ascii")
    if text.isascii():
        return _ASCII_DROPPED_RE.sub("", text).replace(" ", "-").lower()
    return _slugify_chars(text)


def _slugify_chars(text: str) -> str:
    out = []
    for char in text:
        if char == " " or char == "-":
            out.append("-")
        elif char == "_" or (char.isalnum() and unicodedata.category(char) in _KEEP_CATEGORIES):
            out.append(char.lower())
    return "".join(out)


def _remove_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def _slugify_blackfriday(text: str) -> str:
    out: list[str] = []
    dash = False
    for char in text:
        if char.isalpha() or unicodedata.category(char) in _NUMBER_CATEGORIES:
            if dash and out:
                out.append("-")
            dash = False
            out.append(char.lower())
        else:
            dash = True
    return "".join(out)


def heading_text(inline: Token, marker: Marker | None = None) -> str:
    """The plain text of a heading's inline content, as Hugo collects it for the id: only the
    nodes that start on its last line (a setext heading `Foo\nBar\n---` gets `bar`; the tail
    of an emphasis or link begun on an earlier line counts for nothing), placeholders of
    `marker` left out."""
    parts: list[str] = []
    depth = 0
    begun_before = False  # inside a node that began on an earlier line
    for child in inline.children or ():
        if child.type in ("softbreak", "hardbreak"):
            parts.clear()
            begun_before = begun_before or depth > 0
            continue
        depth += child.nesting
        if child.nesting == -1 and depth == 0:
            begun_before = False
        if begun_before:
            continue
        if child.type in ("text", "code_inline", "text_special"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(heading_text(child, marker))
        elif child.type == "html_inline" and child.meta.get("emoji"):
            parts.append(child.meta["emoji"])  # Hugo's id holds the short name
    text = "".join(parts)
    if marker is not None and marker.prefix in text:
        text = marker.pattern.sub("", text)
    return text.strip()


class HeadingIds:
    """Hands out unique ids: the first `title`, then `title-1`, `title-2`, …"""

    def __init__(self, id_type: str = "github") -> None:
        self.id_type = id_type
        self.used: set[str] = set()
        self._next: dict[str, int] = {}  # where to resume counting for a slug (keeps it linear)

    def reserve(self, value: str) -> None:
        self.used.add(value)

    def generate(self, text: str) -> str:
        base = slugify(text, self.id_type) or "heading"
        candidate = base
        counter = self._next.get(base, 0)
        if counter:
            candidate = f"{base}-{counter}"
        while candidate in self.used:
            counter += 1
            candidate = f"{base}-{counter}"
        self._next[base] = counter + 1
        self.used.add(candidate)
        return candidate


def title_attributes(state: StateCore) -> None:
    """Core rule (before inline): move a trailing `{...}` of a heading into its attributes."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        content = inline.content
        if not content.endswith("}"):
            continue
        match = TRAILING_RE.search(content)
        if match is None:
            continue
        attrs = parse_attributes(match.group(1))
        if attrs is None:
            continue
        inline.content = content[: match.start()].rstrip()
        for key, value in attrs:
            token.attrSet(key, value)


def assign_ids(
    tokens: list[Token],
    marker: Marker | None = None,
    id_type: str = "github",
    terms: bool = False,
    headings: bool = True,
) -> None:
    """Give every heading (and with `terms`, every definition term) an id, in document order
    (as Hugo does: `autoHeadingID`, `autoHeadingIDType`, `autoDefinitionTermID`).

    A custom `{#id}` is taken as written (even if used before) and reserves the id;
    an automatic id gets `-1`, `-2`, … when its slug is taken. It goes after other attributes.
    """
    ids = HeadingIds(id_type)
    kinds = ("heading_open" if headings else "", "dt_open" if terms else "")
    for index, token in enumerate(tokens):
        if token.type not in kinds:
            continue
        custom = token.attrs.get("id")
        if custom is not None:
            ids.reserve(str(custom))
            continue
        text = heading_text(tokens[index + 1], marker)
        if text:  # no text at all (`#`, an image without alt, a tail begun above): no id, like Hugo
            token.attrs["id"] = ids.generate(text)
