"""The exact text behind an editor widget, kept up to date from the widget's edit deltas.

A text widget normalises what it is given: its lines are blocks, so `\\r\\n`, a lone `\\r`,
`\\n` and U+2029 all become one block break, and reading the whole text back turns U+00A0
into a space and U+2028 into a line break. Reading the widget back after every keystroke
would rewrite every such character of the page. Instead, `SourceText` keeps the page's own
text as lines with their own line breaks, and each edit the widget reports (position,
characters removed, text inserted) replaces only the changed part. A line break typed by
the writer gets the page's newline style; every other character stays as it was read.
"""

from __future__ import annotations

import re

PARAGRAPH = "\u2029"  # how a widget reports a block break inside a fragment of its text
_BREAK = re.compile("\r\n|\r|\n|\u2029")  # what a Qt text document turns into a block break


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix (string slices compare in C: a binary search)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, min(len(a), len(b), limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


class SourceText:
    """A text as lines (what a widget shows as blocks) and each line's own line break."""

    def __init__(self, text: str, newline: str = "\n") -> None:
        self.newline = newline
        self.lines = _BREAK.split(text)
        self.breaks = [*_BREAK.findall(text), ""]  # the break after each line; none after the last

    def text(self) -> str:
        """The exact text: every line with its own line break."""
        return "".join(line + brk for line, brk in zip(self.lines, self.breaks, strict=True))

    def display(self) -> str:
        """The text as a widget holds it: lines joined by `\\n` (one character a break)."""
        return "\n".join(self.lines)

    def apply(self, line: int, column: int, removed: int, inserted: str) -> None:
        """Apply one widget edit: at (`line`, `column`) `removed` characters (a block break
        counts one) were replaced by `inserted` (block breaks given as U+2029 or `\\n`)."""
        inserted = inserted.replace("\n", PARAGRAPH)
        line = max(0, min(line, len(self.lines) - 1))
        column = max(0, min(column, len(self.lines[line])))
        last, rest = line, column + max(removed, 0)
        while rest > len(self.lines[last]) and last + 1 < len(self.lines):
            rest -= len(self.lines[last]) + 1
            last += 1
        end_column = min(rest, len(self.lines[last]))
        old = PARAGRAPH.join(self.lines[line : last + 1])
        new = self.lines[line][:column] + inserted + self.lines[last][end_column:]
        if new == old:
            return  # a formatting change, or a text put back as it was
        self.breaks[line:last] = self._breaks_for(old, new, self.breaks[line:last])
        added = new.split(PARAGRAPH)
        self.lines[line : last + 1] = added
        self._keep_breaks_apart(line, line + len(added))

    def _keep_breaks_apart(self, first: int, end: int) -> None:
        """A lone `\r`, an emptied line and a `\n` would read as one `\r\n` break: the
        `\r` takes the page's newline so that the text keeps the lines the widget shows."""
        for start in range(max(first, 1), min(end + 1, len(self.lines))):
            index = start
            # a `\r` turned `\n` may meet another lone `\r` before it: walk back while it does
            while index >= 1 and self.lines[index] == "" and self.breaks[index - 1] == "\r" \
                    and self.breaks[index].startswith("\n"):
                self.breaks[index - 1] = self.newline
                index -= 1

    def _breaks_for(self, old: str, new: str, old_breaks: list[str]) -> list[str]:
        """The line breaks inside `new`. When the edit kept the number of breaks (a replace-all
        inside lines, a formatting change), each keeps its own style; otherwise those in the
        unchanged head and tail of the region keep theirs, and typed breaks get the page's."""
        count = new.count(PARAGRAPH)
        if count == len(old_breaks):
            return list(old_breaks)
        head = _common_prefix(old, new)
        tail = _common_suffix(old, new, min(len(old), len(new)) - head)
        out = []
        position = -1
        for index in range(count):
            position = new.index(PARAGRAPH, position + 1)
            if position < head:
                out.append(old_breaks[index])
            elif position >= len(new) - tail:
                out.append(old_breaks[len(old_breaks) - (count - index)])
            else:
                out.append(self.newline)
        return out
