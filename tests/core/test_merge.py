from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from writer.core.merge import changed_words, compare

THEIRS = "---\ntitle: Alt\n---\nErster Absatz.\n\nZweiter Absatz von ihnen.\nEnde\n"
MINE = "---\ntitle: Neu\n---\nErster Absatz.\n\nZweiter Absatz von mir.\nEnde\nNachtrag\n"


def test_each_change_can_come_from_either_version() -> None:
    comparison = compare(THEIRS, MINE)
    assert len(comparison.changes) == 3
    assert comparison.merge([True, True, True]) == MINE
    assert comparison.merge([False, False, False]) == THEIRS
    mixed = comparison.merge([False, True, False])  # their title, my paragraph, no addendum
    assert mixed == THEIRS.replace("von ihnen", "von mir")


def test_changed_words_are_marked_not_whole_lines() -> None:
    old, new = "Zweiter Absatz von ihnen.", "Zweiter Absatz von mir."
    spans_old, spans_new = changed_words(old, new)
    assert [old[a:b] for a, b in spans_old] == ["ihnen"] and [new[a:b] for a, b in spans_new] == ["mir"]


lines = st.lists(st.sampled_from(["a\n", "b\n", "c\r\n", "\u00a0d\n", "e"]), max_size=12).map("".join)


@given(lines, lines, st.data())
def test_any_choice_gives_a_text_made_of_the_two(theirs: str, mine: str, data) -> None:
    comparison = compare(theirs, mine)
    choices = data.draw(st.lists(st.booleans(), min_size=len(comparison.changes), max_size=len(comparison.changes)))
    assert comparison.merge([True] * len(choices)) == mine
    assert comparison.merge([False] * len(choices)) == theirs
    merged = comparison.merge(choices).splitlines(keepends=True)
    assert all(line in theirs.splitlines(keepends=True) + mine.splitlines(keepends=True) for line in merged)
