"""Paragraph positions, to scroll a translation and its source together by paragraph."""

from __future__ import annotations


def paragraph_starts(text: str) -> list[int]:
    """0-based line numbers where a paragraph (a run of non-blank lines) starts."""
    starts = []
    previous_blank = True
    for number, line in enumerate(text.split("\n")):
        blank = not line.strip()
        if not blank and previous_blank:
            starts.append(number)
        previous_blank = blank
    return starts


def paragraph_at(starts: list[int], line: int) -> int:
    """The index of the paragraph holding (or last starting before) a 0-based line."""
    index = 0
    for i, start in enumerate(starts):
        if start > line:
            break
        index = i
    return index


def line_of_paragraph(starts: list[int], index: int) -> int:
    if not starts:
        return 0
    return starts[min(index, len(starts) - 1)]
