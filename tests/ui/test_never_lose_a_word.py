"""Autosave and recovery after a kill, failed saves, and changes made on disk by others."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from PySide6.QtCore import QSettings

from writer.ui.main_window import MainWindow
from writer.ui.settings import AppSettings

DRIVER = textwrap.dedent('''
    import sys, time
    from pathlib import Path
    import PySide6.QtWebEngineWidgets
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from writer.ui.main_window import MainWindow
    from writer.ui.settings import AppSettings
    site, page, recovery, ini = map(Path, sys.argv[1:5])
    app = QApplication([])
    window = MainWindow(AppSettings(QSettings(str(ini), QSettings.Format.IniFormat)),
                        use_webengine=False, recovery_dir=recovery)
    window.guard.autosave_timer.setInterval(200)
    window.open_path(page)
    editor = window.current_editor().editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("Getippt vor dem Absturz.")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not any(recovery.glob("*.json")):
        app.processEvents()
        time.sleep(0.01)
    print("autosaved", flush=True)
    editor.insertPlainText(" Nach dem letzten Autosave.")
    while True:
        app.processEvents()
        time.sleep(0.01)
''')


def test_sigkill_mid_typing_then_the_next_start_recovers(qtbot, site, tmp_path) -> None:
    page = site / "content" / "docs" / "install.md"
    original = page.read_bytes()
    recovery = tmp_path / "recovery"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(site), str(page), str(recovery), str(tmp_path / "a.ini")],
        stdout=subprocess.PIPE, text=True, env=env, cwd=Path(__file__).parents[2],
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "autosaved"
        time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert page.read_bytes() == original  # the kill never touched the page
    window = MainWindow(AppSettings(QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)),
                        use_webengine=False, recovery_dir=recovery)
    qtbot.addWidget(window)
    offered: list[str] = []

    def restore_first(box):
        offered.append(box.detailedText())
        return box.buttons()[0] if box.buttons()[0].text() == "Restore" else box.buttons()[1]

    window.guard.ask = restore_first
    window.open_path(page)
    assert offered and "+Getippt vor dem Absturz." in offered[0]
    text = window.current_editor().editor.toPlainText()
    assert text.endswith("Getippt vor dem Absturz.")
    assert window.current_editor().page.modified
    assert page.read_bytes() == original
    assert window.save_current()
    assert page.read_text(encoding="utf-8").endswith("Getippt vor dem Absturz.")
    assert list(recovery.glob("*.json")) == []


def test_autosave_writes_the_recovery_copy_and_save_removes_it(window, site, tmp_path) -> None:
    window.open_site(site)
    editor = window.open_page("content/docs/install.md")
    editor.editor.insertPlainText("Zwischenstand ")
    window.guard.autosave()
    window.guard.flush()
    records = list((tmp_path / "recovery").glob("*.json"))
    assert len(records) == 1 and "Zwischenstand" in records[0].read_text(encoding="utf-8")
    assert (site / "content/docs/install.md").read_text(encoding="utf-8").count("Zwischenstand") == 0
    window.save_current()
    assert list((tmp_path / "recovery").glob("*.json")) == []


def test_a_failed_save_keeps_the_text_and_says_why(window, site, monkeypatch, no_modal_dialogs) -> None:
    window.open_site(site)
    editor = window.open_page("content/docs/install.md")
    before = (site / "content/docs/install.md").read_bytes()
    editor.editor.insertPlainText("Wichtig ")

    def full_disk(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("writer.core.document.atomic_write", full_disk)
    assert window.save_current() is False
    assert any("No space left" in text and "Save As" in text for kind, text in no_modal_dialogs)
    assert "Wichtig" in editor.editor.toPlainText() and editor.page.modified
    assert (site / "content/docs/install.md").read_bytes() == before


def test_outside_change_without_local_edits_reloads(window, site, qtbot) -> None:
    window.open_site(site)
    editor = window.open_page("content/docs/install.md")
    path = site / "content/docs/install.md"
    path.write_text("---\ntitle: Neu von git pull\n---\nAnderer Text\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "Anderer Text" in editor.editor.toPlainText(), timeout=5000)
    assert editor.page.get("title") == "Neu von git pull" and not editor.page.modified


def test_outside_change_with_local_edits_asks(window, site) -> None:
    window.open_site(site)
    editor = window.open_page("content/docs/install.md")
    path = site / "content/docs/install.md"
    editor.editor.insertPlainText("Meins ")
    path.write_text("---\ntitle: Theirs\n---\nTheirs\n", encoding="utf-8")
    window.guard.ask = lambda box: next(b for b in box.buttons() if b.text() == "Keep Mine")
    window.guard.check_disk(editor)
    assert "Meins" in editor.editor.toPlainText() and editor.page.modified
    window.save_current()
    assert "Meins" in path.read_text(encoding="utf-8")
    path.write_text("---\ntitle: Theirs again\n---\nTheirs\n", encoding="utf-8")
    editor.editor.insertPlainText("Nochmal ")
    window.guard.ask = lambda box: next(b for b in box.buttons() if b.text() == "Take Theirs")
    window.guard.check_disk(editor)
    assert editor.editor.toPlainText() == "Theirs\n" and editor.page.get("title") == "Theirs again"


def test_deleted_file_keeps_its_text_and_is_marked(window, site) -> None:
    window.open_site(site)
    editor = window.open_page("content/docs/install.md")
    text = editor.editor.toPlainText()
    (site / "content/docs/install.md").unlink()
    window.guard.check_disk(editor)
    assert editor.editor.toPlainText() == text
    assert "(deleted on disk)" in window.tabs.tabText(window.tabs.indexOf(editor))
    assert window.save_current()
    assert (site / "content/docs/install.md").exists()
    assert "(deleted on disk)" not in window.tabs.tabText(window.tabs.indexOf(editor))


def test_site_tree_follows_new_pages(window, site, qtbot) -> None:
    window.open_site(site)
    (site / "content" / "docs" / "neu.md").write_text("---\ntitle: Ganz neu\n---\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "content/docs/neu.md" in window.site_tree.visible_paths(), timeout=5000)
    (site / "content" / "docs" / "neu.md").unlink()
    qtbot.waitUntil(lambda: "content/docs/neu.md" not in window.site_tree.visible_paths(), timeout=5000)


def test_compare_shows_the_differences_then_asks_again(window, site) -> None:
    window.open_site(site)
    editor = window.open_page("content/docs/install.md")
    editor.editor.insertPlainText("Meins ")
    (site / "content/docs/install.md").write_text("---\ntitle: x\n---\nTheirs\n", encoding="utf-8")
    answers = iter(["Compare…", "Keep Mine"])
    asked: list[str] = []

    def ask(box):
        asked.append(box.text())
        wanted = next(answers)
        return next(b for b in box.buttons() if b.text() == wanted)

    window.guard.ask = ask
    shown: list[tuple[str, str, str]] = []
    window.guard.show_diff = lambda name, theirs, mine: shown.append((name, theirs, mine))  # closed: no merge
    window.guard.check_disk(editor)
    assert shown and shown[0][1].endswith("Theirs\n") and "Meins" in shown[0][2]
    assert "content/docs/install.md" in shown[0][0] and "content/docs/install.md" in asked[0]
    assert "Meins" in editor.editor.toPlainText()


def test_compare_merges_a_change_from_each_side(window, site, qtbot) -> None:
    from PySide6.QtCore import Qt

    from writer.ui.dialogs.compare import CompareDialog

    path = site / "content/docs/install.md"
    window.open_site(site)
    editor = window.open_page("content/docs/install.md")
    original = path.read_text(encoding="utf-8")
    cursor = editor.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.editor.setTextCursor(cursor)
    editor.editor.insertPlainText("Mein Nachtrag\n")
    theirs = original.replace("title: Installation", "title: Von git Installation")
    path.write_text(theirs, encoding="utf-8")
    dialogs: list[CompareDialog] = []

    def show_diff(name, their_text, my_text):
        dialog = CompareDialog(name, their_text, my_text, window)
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        # keep my addendum (ticked) and take their title (unticked)
        for row, change in enumerate(dialog.comparison.changes):
            mine_lines = "".join(dialog.comparison.mine[change.m0:change.m1])
            if "Nachtrag" not in mine_lines:
                dialog.changes.item(row).setCheckState(Qt.CheckState.Unchecked)
        return dialog.merged()

    window.guard.show_diff = show_diff
    window.guard.ask = lambda box: next(b for b in box.buttons() if b.text() == "Compare…")
    assert window.save_current()  # Save finds their version, the merge is written
    saved = path.read_text(encoding="utf-8")
    assert "Von git" in saved and saved.rstrip().endswith("Mein Nachtrag")
    assert len(dialogs[0].comparison.changes) == 2 and dialogs[0].theirs_view.extraSelections()


def test_failed_save_offers_save_as(window, site, monkeypatch, tmp_path) -> None:
    window.open_site(site)
    editor = window.open_page("content/docs/install.md")
    editor.editor.insertPlainText("Rettung ")

    def read_only(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("writer.core.document.atomic_write", read_only)
    offered: list[str] = []

    def choose_save_as(box):
        offered.append(box.text())
        return next(b for b in box.buttons() if b.text() == "Save As…")

    window.guard.ask = choose_save_as
    saved_to: list[str] = []
    monkeypatch.setattr(window, "save_as", lambda: saved_to.append("called") or True)
    assert window.save_current() is True
    assert "Permission denied" in offered[0] and saved_to == ["called"]


def test_non_utf8_page_opens_read_only_with_its_encoding_named(window, site, no_modal_dialogs) -> None:
    path = site / "content" / "alt.md"
    data = "---\ntitle: Café\n---\nÄltere Datei\n".encode("cp1252")
    path.write_bytes(data)
    window.open_site(site)
    editor = window.open_page("content/alt.md")
    assert editor is not None and editor.editor.isReadOnly()
    assert "Ältere Datei" in editor.editor.toPlainText()
    assert any("not UTF-8" in text and "Latin-1" in text for kind, text in no_modal_dialogs)
    assert window.save_current() is False
    assert path.read_bytes() == data
