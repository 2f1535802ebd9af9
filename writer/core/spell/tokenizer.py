"""The words of Markdown text worth checking, with their offsets.

Skipped: fenced and indented code, code spans, URLs and e-mail addresses, link and image
targets, shortcodes with their arguments, HTML tags and comments, heading ids, footnote labels,
and words with digits or underscores. Apostrophes (straight or typographic) and hyphens inside
a word keep it whole: l'équipe, aujourd'hui, don't, E-Mail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SKIP = re.compile(
    r"(`+)[^`]*?\1"  # code spans
    r"|\{\{[<%].*?[>%]\}\}"  # shortcodes and their arguments
    r"|<!--.*?-->|</?[A-Za-z][^<>]*>"  # HTML comments and tags
    r"|<[a-z][a-z0-9+.-]*:[^<>\s]*>"  # autolinks
    r"|\]\([^)]*\)|\]\[[^\]]*\]"  # link and image targets, reference links
    r"|^\s{0,3}\[[^\]]+\]:\s*\S+.*$"  # reference definitions
    r"|\[\^[^\]]*\]"  # footnote labels
    r"|\{#[^}]*\}|\{\.[^}]*\}"  # attribute lists
    r"|\b[a-z][a-z0-9+.-]*://\S+|\bwww\.\S+|\bmailto:\S+"  # URLs
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"  # e-mail addresses
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|de|fr|es|pt|ru|it|nl|eu|ch|at|uk|info|app|dev)\b",  # domains
    re.M | re.I,
)
_TOKEN = re.compile(r"[\w'’-]+")
APOSTROPHES = "'’"


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # index in the Python string
    end: int


def _masked(line: str) -> str:
    return _SKIP.sub(lambda m: " " * (m.end() - m.start()), line)


def line_words(line: str, offset: int = 0) -> Iterator[Word]:
    """Words of one line outside code; offsets are `offset` plus the index in the line."""
    masked = _masked(line)
    for match in _TOKEN.finditer(masked):
        raw = match.group(0)
        stripped = raw.strip("'’-")
        if not stripped or any(ch.isdigit() or ch == "_" for ch in stripped):
            continue
        start = match.start() + (len(raw) - len(raw.lstrip("'’-")))
        yield Word(stripped, offset + start, offset + start + len(stripped))


def markdown_words(text: str, in_fence: bool = False) -> tuple[list[Word], bool]:
    """Words of a Markdown text, and whether it ends inside a code fence."""
    words: list[Word] = []
    fence: str | None = "```" if in_fence else None
    position = 0
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and \
                    not line.strip().strip(fence[0]):
                fence = None
        elif match:
            fence = match.group(1)
        elif not line.startswith(("    ", "\t")) or not line.strip():
            words.extend(line_words(line, position))
        position += len(line) + 1
    return words, fence is not None


def utf16_index(text: str, index: int) -> int:
    """The position Qt uses (UTF-16 code units) for a Python string index."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)
