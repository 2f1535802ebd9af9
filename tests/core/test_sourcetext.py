"""The exact text behind the editor: one keystroke changes one character of the page."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from writer.core.sourcetext import SourceText

SPECIAL = ["\u00a0", "\u202f", "\u2028", "\u2029", "\r", "\r\n", "\n", "\t", "\x0b", "\x85", "\ufeff", "\x00"]
texts = st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(max_size=3)), max_size=30).map("".join)
typed = st.text(alphabet=st.sampled_from(["a", "ä", " ", "\u00a0", "\n", "\u2028", "é", "\t"]), max_size=4)


def _widget_text(text: str) -> str:
    """What a Qt document holds for `text`: every kind of line break is one block break."""
    return re.sub("\r\n|\r|\n|\u2029", "\n", text)


def _position(doc: str, pos: int) -> tuple[int, int]:
    line = doc.count("\n", 0, pos)
    return line, pos - (doc.rfind("\n", 0, pos) + 1)


def _edit(source: SourceText, doc: str, pos: int, removed: int, inserted: str) -> str:
    line, column = _position(doc, pos)
    source.apply(line, column, removed, inserted.replace("\n", "\u2029"))
    return doc[:pos] + inserted + doc[pos + removed :]


@given(texts, st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 8), typed), max_size=12))
def test_the_widget_view_follows_every_edit(text: str, edits: list[tuple[int, int, str]]) -> None:
    source = SourceText(text)
    doc = _widget_text(text)
    assert source.display() == doc and source.text() == text
    for raw_pos, raw_removed, inserted in edits:
        pos = raw_pos % (len(doc) + 1)
        removed = min(raw_removed, len(doc) - pos)
        doc = _edit(source, doc, pos, removed, inserted)
        assert source.display() == doc
        assert _widget_text(source.text()) == doc


@given(texts, st.integers(0, 10**6), st.sampled_from(["x", "ü", "\u00a0", " "]))
def test_typing_one_character_changes_nothing_else(text: str, raw_pos: int, char: str) -> None:
    source = SourceText(text)
    doc = _widget_text(text)
    pos = raw_pos % (len(doc) + 1)
    _edit(source, doc, pos, 0, char)
    # the same place in the page's own text: count widget characters through the original
    index = 0
    for seen, match in enumerate(re.finditer("\r\n|\r|\n|\u2029|.", text, re.S)):
        if seen == pos:
            break
        index = match.end()
    assert source.text() == text[:index] + char + text[index:]


@given(texts, st.integers(0, 10**6), st.integers(0, 10**6))
def test_a_formatting_change_over_any_range_changes_no_byte(text: str, a: int, b: int) -> None:
    """Qt reports re-highlighting as "n characters replaced by the same n" (sometimes more)."""
    source = SourceText(text)
    doc = _widget_text(text)
    start, end = sorted((a % (len(doc) + 1), b % (len(doc) + 1)))
    _edit(source, doc, start, end - start, doc[start:end])
    assert source.text() == text


def test_breaks_keep_their_own_style_and_typed_ones_get_the_pages() -> None:
    source = SourceText("Bonjour\u00a0!\r\nline\rlone cr\u2028sep\r\n", newline="\r\n")
    assert source.display() == "Bonjour\u00a0!\nline\nlone cr\u2028sep\n"
    source.apply(1, 4, 0, "\u2029new")  # Enter and a word after "line"
    assert source.text() == "Bonjour\u00a0!\r\nline\r\nnew\rlone cr\u2028sep\r\n"
    source.apply(0, 0, 0, "X")
    assert source.text() == "XBonjour\u00a0!\r\nline\r\nnew\rlone cr\u2028sep\r\n"
    source.apply(1, 4, 1, "")  # join "line" and "new" again: the typed break goes
    assert source.text() == "XBonjour\u00a0!\r\nlinenew\rlone cr\u2028sep\r\n"


def test_replacing_the_whole_text_with_itself_keeps_it() -> None:
    text = "a\r\nb\rc\n\u2029d\u00a0"
    source = SourceText(text)
    source.apply(0, 0, len(source.display()) + 1, source.display())  # Qt may count the end too
    assert source.text() == text


def test_an_edit_spanning_lines_that_keeps_their_number_keeps_their_breaks() -> None:
    """Replace-all reports one change from the first match to the last."""
    source = SourceText("one\rtwo\r\nthree\nfour", newline="\r\n")
    source.apply(0, 0, len("one\ntwo\nthree\nfo"), "ONE\u2029TWO\u2029THREE\u2029FO")
    assert source.text() == "ONE\rTWO\r\nTHREE\nFOur"


def test_a_lone_cr_and_a_typed_newline_never_merge_into_one_break() -> None:
    source = SourceText("a\r")
    source.apply(1, 0, 0, "\u2029")  # Enter on the empty last line
    assert source.text() == "a\n\n" and source.display() == "a\n\n"
    source = SourceText("a\rb\nc")
    source.apply(1, 0, 1, "")  # "b" deleted: "\r" + "\n" would become one break
    assert source.text() == "a\n\nc" and source.display() == "a\n\nc"


def test_breaks_kept_apart_after_several_lone_crs() -> None:
    source = SourceText("\r\r")
    source.apply(2, 0, 0, "\u2029")  # found by the property test: the fix must not make a new pair
    assert source.display() == "\n\n\n" and source.text().count("\n") + source.text().count("\r") - \
        source.text().count("\r\n") == 3
