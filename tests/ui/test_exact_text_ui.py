"""One keystroke changes one character of the file: no normalised spaces or line breaks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

ODD_BODY = (
    "Bonjour\u00a0! Prix\u202f: 5\u00a0€\r\n"
    "line one\u2028still one\rlone CR line\n"
    "mixed CRLF\r\n\r\n"
    "para\u2029sep\ttab \x0b vt\x85nel end"
)
PAGE = "---\r\ntitle: \"Caf\u00e9\u00a0!\"\r\ntags: [a]\r\n---\r\n" + ODD_BODY


def _type(widget, text: str) -> None:
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def _open(window, site):
    path = site / "content" / "odd.md"
    path.write_bytes(PAGE.encode("utf-8"))
    window.open_site(site)
    return path, window.open_page("content/odd.md")


def test_typing_one_letter_changes_one_letter(window, site) -> None:
    path, editor = _open(window, site)
    assert not editor.page.modified
    cursor = editor.editor.textCursor()
    cursor.setPosition(3)
    editor.editor.setTextCursor(cursor)
    _type(editor.editor, "X")
    assert window.save_current()
    expected = PAGE.replace("Bonjour", "BonXjour", 1)
    assert path.read_bytes() == expected.encode("utf-8")


def test_enter_gets_the_pages_line_break_and_undo_restores_every_byte(window, site, qtbot) -> None:
    path, editor = _open(window, site)
    cursor = editor.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.editor.setTextCursor(cursor)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    _type(editor.editor, "Fin")
    assert editor.page.text() == PAGE + "\r\nFin"
    for _ in range(4):
        editor.editor.undo()
    assert editor.page.text() == PAGE and not editor.page.modified


def test_replace_all_keeps_every_other_character_and_line_break(window, site) -> None:
    path, editor = _open(window, site)
    window.find_bar.attach(editor.editor)
    window.find_bar.find_edit.setText("e")
    window.find_bar.replace_edit.setText("E")
    assert window.find_bar.replace_all() > 5  # one edit block from the first line to the last
    front, body = PAGE.split("---\r\n", 2)[1:]
    assert editor.page.text() == "---\r\n" + front + "---\r\n" + body.replace("e", "E")


def test_raw_tab_apply_keeps_no_break_spaces_and_line_breaks(window, site) -> None:
    path, editor = _open(window, site)
    form = editor.form
    form.raw_applied.emit(form.raw_exact.text())
    assert editor.page.text() == PAGE and not editor.page.modified
    raw = form.raw_edit
    cursor = raw.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock, n=2)  # the block ends "---\n"
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.Left)  # before the "]" of "tags: [a]"
    raw.setTextCursor(cursor)
    _type(raw, ", b")
    form.raw_applied.emit(form.raw_exact.text())
    assert editor.page.text() == PAGE.replace("tags: [a]", "tags: [a, b]")


def test_raw_tab_without_its_closing_line_is_refused_and_kept(window, site) -> None:
    path, editor = _open(window, site)
    failures: list[str] = []
    editor.edit_failed.connect(failures.append)
    form = editor.form
    typed = "---\ntitle: x\n"  # the closing --- deleted
    form.raw_edit.setPlainText(typed)
    form.raw_applied.emit(form.raw_exact.text())
    assert failures and "closing '---' line is missing" in failures[0]
    assert editor.page.text() == PAGE and not editor.page.modified
    assert form.raw_edit.toPlainText() == typed
