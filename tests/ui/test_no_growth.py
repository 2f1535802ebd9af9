"""A day in one window: opening and closing pages and dialogs leaves nothing behind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDialog, QMessageBox

from writer.ui import messages
from writer.ui.dialogs.site_ops import MoveDialog
from writer.ui.dialogs.translate import TranslateDialog

PAGE = "content/blog/remote-teams/index.de.md"


def _settle() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def _counts(window) -> tuple[int, int, int]:
    _settle()
    return (len(window.findChildren(QObject)), len(window.findChildren(QDialog)),
            len(window.guard.watcher.files()))


def test_opening_and_closing_a_page_again_and_again_leaves_nothing_behind(window, sample) -> None:
    window.open_site(sample)
    window.open_page("content/about.de.md")  # one tab stays open throughout
    for _ in range(2):  # warm up: caches and lazily built parts of the window
        window.open_page(PAGE)
        window.close_tab(window.tabs.currentIndex())
    before = _counts(window)
    pages = [p.path for p in window.model.index.pages if p.path != "content/about.de.md"][:8]
    for _ in range(3):
        for rel in pages:  # tabs of many pages opened and closed, as over a day
            window.open_page(rel)
            window.close_tab(window.tabs.currentIndex())
    after = _counts(window)
    assert after[1:] == before[1:]  # dialogs and file watches where they were
    assert after[0] - before[0] < 24, (before, after)  # no per-open leftovers (24 opens)


def test_dialogs_and_message_boxes_are_deleted_after_they_close(window, sample, monkeypatch) -> None:
    monkeypatch.setattr(TranslateDialog, "exec", lambda self: 0)
    monkeypatch.setattr(MoveDialog, "exec", lambda self: 0)
    monkeypatch.setattr("writer.ui.messages._exec", lambda box, kind: QMessageBox.StandardButton.Ok)
    window.open_site(sample)
    window.open_page(PAGE)
    window.helpers.translate()
    before = _counts(window)
    for _ in range(10):
        window.helpers.translate()
        window.helpers.move_page()
        messages.warning(window, "Hinweis", "zehnmal")
    assert _counts(window)[1] <= before[1]  # only the newest helper dialog is kept
