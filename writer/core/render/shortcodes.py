"""Find Hugo shortcodes in a page body and hide them from the Markdown parser.

Hugo replaces each shortcode with a placeholder before Goldmark runs and puts the
shortcode's output back afterwards; we do the same. The scan is linear: every
`{{<`/`{{%` is looked at once, and the search for a closing delimiter is cached so
that many unterminated openers cannot make it quadratic.
"""

from __future__ import annotations

import os
import re
import string
from bisect import bisect_left
from dataclasses import dataclass, field

_OPEN_RE = re.compile(r"\{\{([<%])")
_NAME_RE = re.compile(r"[\w.\-/]+")
_ARG_RE = re.compile(
    r"""\s*(?:([\w\-.]+)\s*=\s*)?("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`=]+)""",
    re.DOTALL,
)
_CLOSERS = {"<": ">}}", "%": "%}}"}
_MAX_TAG = 20_000


_NONCE_LENGTH = 10


@dataclass(frozen=True)
class Marker:
    """The placeholders of one scan: `WRSC<nonce><n>CSW`, with a nonce the scanned text lacks.

    Letters and digits only, so Markdown treats a placeholder like Hugo's own (a word); the
    nonce is random and checked against the text, so a page cannot forge one (a literal
    `WRSC5CSW` or a copied placeholder stays text)."""

    prefix: str
    pattern: re.Pattern[str]

    @classmethod
    def new(cls) -> Marker:
        nonce = "".join(string.ascii_lowercase[byte % 26] for byte in os.urandom(_NONCE_LENGTH))
        return cls("WRSC" + nonce, re.compile("WRSC" + nonce + r"(\d+)CSW"))

    def placeholder(self, index: int) -> str:
        return f"{self.prefix}{index}CSW"

    def within(self, value: str) -> bool:
        return self.prefix in value


_markers: list[Marker] = []  # the one in use; replaced when a text holds its prefix


def marker_for(text: str) -> Marker:
    """A marker whose prefix does not occur in `text` (the same one as long as possible)."""
    if not _markers:
        _markers.append(Marker.new())
    while _markers[0].prefix in text:
        _markers[0] = Marker.new()
    return _markers[0]


@dataclass(frozen=True)
class Shortcode:
    """One shortcode call, with its arguments and (when paired) its inner text."""

    name: str
    delim: str  # "<" or "%"
    positional: tuple[str, ...] = ()
    named: tuple[tuple[str, str], ...] = ()
    inner: str | None = None
    line: int = 0  # 0-based line of the opening tag in the scanned text
    inner_line: int = 0  # 0-based line where the inner text starts
    source: str = ""  # the opening tag as written
    error: str = ""  # e.g. an unmatched closing tag

    def get(self, key: str, position: int | None = None) -> str | None:
        for name, value in self.named:
            if name == key:
                return value
        if position is not None and not self.named and position < len(self.positional):
            return self.positional[position]
        return None

    def args_text(self) -> str:
        parts = [f'{k}="{v}"' for k, v in self.named]
        parts.extend(f'"{v}"' if (" " in v or not v) else v for v in self.positional)
        return " ".join(parts)


@dataclass
class _Tag:
    start: int
    end: int
    name: str
    delim: str
    args: str
    closing: bool
    self_closing: bool
    comment: bool = False
    pair: int = -1  # index of the matching closing tag
    dropped: bool = False


@dataclass
class Extraction:
    """The text with placeholders, the shortcodes, and a map back to source lines."""

    text: str
    shortcodes: list[Shortcode] = field(default_factory=list)
    marker: Marker | None = None  # None: no shortcode, so no placeholder either
    _breaks: list[int] = field(default_factory=list)
    _offsets: list[int] = field(default_factory=list)

    def holds_placeholder(self, value: str) -> bool:
        return self.marker is not None and self.marker.prefix in value

    def plain(self, value: str) -> str:
        """`value` with every placeholder turned back into its shortcode's source text."""
        if self.marker is None or self.marker.prefix not in value:
            return value
        return self.marker.pattern.sub(lambda m: self.shortcodes[int(m.group(1))].source, value)

    def source_line(self, line: int) -> int:
        """Map a 0-based line of `text` to the 0-based line of the scanned body."""
        k = bisect_left(self._breaks, line)
        return line + (self._offsets[k - 1] if k else 0)


def parse_args(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Split shortcode arguments into positional and named ones, unquoting values."""
    positional: list[str] = []
    named: list[tuple[str, str]] = []
    for match in _ARG_RE.finditer(text):
        key, raw = match.group(1), match.group(2)
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            value = re.sub(r"\\(.)", r"\1", raw[1:-1])
        elif raw.startswith("`") and raw.endswith("`") and len(raw) >= 2:
            value = raw[1:-1]
        else:
            value = raw
        if key:
            named.append((key, value))
        else:
            positional.append(value)
    return tuple(positional), tuple(named)


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.next_close = {"<": -2, "%": -2}

    def closer(self, delim: str, pos: int) -> int:
        cached = self.next_close[delim]
        if cached == -1 or cached >= pos:
            return cached
        found = self.text.find(_CLOSERS[delim], pos)
        self.next_close[delim] = found
        return found

    def tags(self) -> list[_Tag]:
        tags: list[_Tag] = []
        text = self.text
        pos = 0
        while True:
            match = _OPEN_RE.search(text, pos)
            if match is None:
                return tags
            tag = self._tag(match.start(), match.group(1))
            if tag is None:
                pos = match.start() + 3
                continue
            tags.append(tag)
            pos = tag.end

    def _tag(self, start: int, delim: str) -> _Tag | None:
        end = self.closer(delim, start + 3)
        if end < 0 or end - start > _MAX_TAG or self.text.find("{{", start + 3, end) >= 0:
            return None
        body = self.text[start + 3 : end]
        stripped = body.strip()
        if stripped.startswith("/*") and stripped.endswith("*/") and len(stripped) >= 4:
            return _Tag(start, end + 3, "", delim, stripped[2:-2], False, False, comment=True)
        closing = stripped.startswith("/")
        if closing:
            stripped = stripped[1:].lstrip()
        self_closing = stripped.endswith("/")
        if self_closing:
            stripped = stripped[:-1].rstrip()
        name_match = _NAME_RE.match(stripped)
        if name_match is None or "\n\n" in body:
            return None
        name = name_match.group(0)
        args = stripped[name_match.end() :]
        if args and not args[0].isspace() and not args.startswith(('"', "`")):
            return None
        return _Tag(start, end + 3, name, delim, args, closing, self_closing)


def _pair(tags: list[_Tag]) -> None:
    """Match closing tags with the nearest open tag of the same name (linear time)."""
    stack: list[int] = []
    open_by_name: dict[str, list[int]] = {}
    for index, tag in enumerate(tags):
        if tag.comment or tag.self_closing:
            continue
        if not tag.closing:
            stack.append(index)
            open_by_name.setdefault(tag.name, []).append(index)
            continue
        candidates = open_by_name.get(tag.name, [])
        while candidates and tags[candidates[-1]].dropped:
            candidates.pop()
        if not candidates:
            continue
        opener = candidates.pop()
        while stack:
            top = stack.pop()
            tags[top].dropped = True
            if top == opener:
                break
        tags[opener].pair = index


def extract(text: str) -> Extraction:
    """Replace every top-level shortcode (with its inner text) by a one-line placeholder."""
    if "{{" not in text:
        return Extraction(text)
    tags = _Scanner(text).tags()
    if not tags:
        return Extraction(text)
    _pair(tags)
    closing_used = {tag.pair for tag in tags if tag.pair >= 0}
    out: list[str] = []
    marker = marker_for(text)
    result = Extraction("", marker=marker)
    pos = 0
    line = 0  # current line in the output text
    removed = 0
    index = 0
    while index < len(tags):
        tag = tags[index]
        chunk = text[pos : tag.start]
        out.append(chunk)
        line += chunk.count("\n")
        if tag.comment:
            literal = "{{" + tag.delim + tag.args + tag.delim.replace("<", ">") + "}}"
            out.append(literal)
            gone = text.count("\n", tag.start, tag.end) - literal.count("\n")
            pos, index = tag.end, index + 1
        else:
            shortcode, pos, index = _make(text, tags, index, closing_used, line + removed)
            out.append(marker.placeholder(len(result.shortcodes)))
            result.shortcodes.append(shortcode)
            gone = text.count("\n", tag.start, pos)
        if gone:
            removed += gone
            result._breaks.append(line)
            result._offsets.append(removed)
    out.append(text[pos:])
    result.text = "".join(out)
    return result


def _make(
    text: str, tags: list[_Tag], index: int, closing_used: set[int], line: int
) -> tuple[Shortcode, int, int]:
    """Build the shortcode starting at tags[index]; return it, the end offset, the next tag."""
    tag = tags[index]
    positional, named = parse_args(tag.args)
    source = text[tag.start : tag.end]
    if tag.closing:
        error = "" if index in closing_used else f"closing tag without an opening {tag.name}"
        return (
            Shortcode(tag.name, tag.delim, line=line, source=source, error=error),
            tag.end,
            (index + 1),
        )
    if tag.pair < 0:
        shortcode = Shortcode(tag.name, tag.delim, positional, named, None, line, line, source)
        return shortcode, tag.end, index + 1
    closer = tags[tag.pair]
    inner = text[tag.end : closer.start]
    inner_line = line + text.count("\n", tag.start, tag.end)
    shortcode = Shortcode(tag.name, tag.delim, positional, named, inner, line, inner_line, source)
    return shortcode, closer.end, tag.pair + 1
