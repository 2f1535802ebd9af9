"""Two versions of a page side by side: the changes between them, and a merge that takes
either version per change (the Compare dialog's model; no Qt)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Change:
    """Lines `theirs[t0:t1]` and `mine[m0:m1]` differ (one of them may be empty)."""

    t0: int
    t1: int
    m0: int
    m1: int


@dataclass(frozen=True)
class Comparison:
    theirs: list[str]  # lines with their line breaks
    mine: list[str]
    changes: list[Change]

    def merge(self, take_mine: list[bool]) -> str:
        """The text with each change taken from mine (True) or theirs (False); the lines both
        versions share stay as they are."""
        out: list[str] = []
        t = 0
        for change, mine in zip(self.changes, take_mine, strict=True):
            out.extend(self.theirs[t : change.t0])
            out.extend(self.mine[change.m0 : change.m1] if mine else self.theirs[change.t0 : change.t1])
            t = change.t1
        out.extend(self.theirs[t:])
        return "".join(out)


def compare(theirs: str, mine: str) -> Comparison:
    a, b = theirs.splitlines(keepends=True), mine.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    changes = [Change(t0, t1, m0, m1) for tag, t0, t1, m0, m1 in matcher.get_opcodes() if tag != "equal"]
    return Comparison(a, b, changes)


def changed_words(old: str, new: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the words that differ, in `old` and in `new` (for marking them)."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    offsets_a = _offsets(a)
    offsets_b = _offsets(b)
    spans_a: list[tuple[int, int]] = []
    spans_b: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i0, i1, j0, j1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 > i0:
            spans_a.append((offsets_a[i0], offsets_a[i1]))
        if j1 > j0:
            spans_b.append((offsets_b[j0], offsets_b[j1]))
    return spans_a, spans_b


def _offsets(tokens: list[str]) -> list[int]:
    out = [0]
    for token in tokens:
        out.append(out[-1] + len(token))
    return out
