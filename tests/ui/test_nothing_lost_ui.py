"""Nothing lost, adversarially: steady typing then a kill, two windows on one page, symbolic
links, files deleted and written again, read-only files, leftovers of killed saves."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from PySide6.QtCore import QSettings

from writer.core.recovery import RecoveryStore
from writer.ui.main_window import MainWindow
from writer.ui.settings import AppSettings

PAGE = "content/docs/install.md"

STEADY_TYPIST = textwrap.dedent('''
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
    window.open_path(page)  # the real autosave timings
    editor = window.current_editor().editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    print("ready", flush=True)
    n = 0
    next_key = time.monotonic()
    while True:
        app.processEvents()
        if time.monotonic() >= next_key:
            editor.insertPlainText(f"<{n}>")
            print(f"typed {n} {time.time():.3f}", flush=True)
            n += 1
            next_key += 0.5  # two keys a second, without a pause
        time.sleep(0.005)
''')


def _answer(button: str, seen: list[str], text):
    """A stand-in for the person at the message box: note what it says, click `button`."""
    def ask(box):
        seen.append(text(box))
        return next(b for b in box.buttons() if b.text() == button)
    return ask


def _window(qtbot, tmp_path: Path, name: str, recovery: Path) -> MainWindow:
    win = MainWindow(AppSettings(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)),
                     use_webengine=False, recovery_dir=recovery)
    qtbot.addWidget(win)
    return win


def test_steady_typing_then_a_kill_loses_at_most_five_seconds(qtbot, site, tmp_path) -> None:
    page = site / PAGE
    recovery = tmp_path / "recovery"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", STEADY_TYPIST, str(site), str(page), str(recovery),
                             str(tmp_path / "a.ini")],
                            stdout=subprocess.PIPE, text=True, env=env, cwd=Path(__file__).parents[2])
    typed: list[tuple[int, float]] = []
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        while len(typed) < 25:  # 12 s of typing
            _, n, at = proc.stdout.readline().split()
            typed.append((int(n), float(at)))
    finally:
        proc.send_signal(signal.SIGKILL)
        killed_at = time.time()
        proc.wait(timeout=10)
    [item] = RecoveryStore(recovery).pending()
    kept = [n for n, _ in typed if f"<{n}>" in item.text]
    lost_since = min((at for n, at in typed if n not in kept), default=killed_at)
    assert kept == list(range(len(kept))) and len(kept) >= 10
    assert killed_at - lost_since <= 5.0, f"{len(typed) - len(kept)} keys lost, {killed_at - lost_since:.1f} s"


def test_two_windows_on_one_page_keep_their_own_recovery(qtbot, site, tmp_path, no_modal_dialogs) -> None:
    recovery = tmp_path / "recovery"
    first = _window(qtbot, tmp_path, "first", recovery)
    first.open_path(site / PAGE)
    first.current_editor().editor.insertPlainText("Erstes Fenster ")
    first.guard.autosave()
    first.guard.flush()
    assert not any("another Writer window" in text for _, text in no_modal_dialogs)
    second = _window(qtbot, tmp_path, "second", recovery)
    offered: list[str] = []
    second.guard.ask = lambda box: offered.append(box.text())
    second.open_path(site / PAGE)
    assert offered == []  # the first window's autosave is not a crash leftover
    assert any("also open in another Writer window" in text for _, text in no_modal_dialogs)
    assert second.current_editor().open_elsewhere
    second.current_editor().editor.insertPlainText("Zweites ")
    assert second.save_current()
    records = list(recovery.glob("*.json"))
    assert len(records) == 1 and "Erstes Fenster" in records[0].read_text(encoding="utf-8")
    # the first window's save now finds the file written by the second: it asks
    asked: list[str] = []
    first.guard.ask = lambda box: asked.append(box.text()) or next(b for b in box.buttons() if b.text() == "Keep Mine")
    assert first.save_current()
    assert asked and "changed by another program" in asked[0]
    assert "Erstes Fenster" in (site / PAGE).read_text(encoding="utf-8")


def test_a_symlinked_page_opens_saves_through_and_recovers(qtbot, site, tmp_path) -> None:
    readme = site / "README.md"
    readme.write_text("---\ntitle: Liesmich\n---\nText\n", encoding="utf-8")
    link = site / "content" / "x.md"
    link.symlink_to(os.path.join("..", "README.md"))
    recovery = tmp_path / "recovery"
    window = _window(qtbot, tmp_path, "w", recovery)
    window.open_path(link)
    editor = window.current_editor()
    assert editor is not None and editor.path == link
    editor.editor.insertPlainText("Neu ")
    window.guard.autosave()
    window.guard.flush()
    window.guard.store.close()  # as if the process died here
    after = _window(qtbot, tmp_path, "after", recovery)
    offered: list[str] = []
    after.guard.ask = _answer("Restore", offered, lambda box: box.text())
    after.open_path(link)
    assert offered and "x.md" in offered[0]
    assert after.save_current()
    assert link.is_symlink() and readme.read_text(encoding="utf-8") == "---\ntitle: Liesmich\n---\nNeu Text\n"


def test_a_page_deleted_and_written_again_is_watched_and_never_overwritten_unasked(window, site, qtbot) -> None:
    path = site / PAGE
    window.open_site(site)
    editor = window.open_page(PAGE)
    editor.editor.insertPlainText("Ungespeichert ")
    path.unlink()
    qtbot.waitUntil(lambda: editor.missing_on_disk, timeout=5000)
    path.write_text("---\ntitle: Von git stash pop\n---\nDeren Text\n", encoding="utf-8")
    asked: list[str] = []
    window.guard.ask = lambda box: asked.append(box.text()) or next(b for b in box.buttons() if b.text() == "Keep Mine")
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)  # noticed by itself, with the edits unsaved
    assert str(path) in window.guard.watcher.files()
    path.write_text("---\ntitle: Noch einmal\n---\nWieder deren\n", encoding="utf-8")
    window.guard.watcher.blockSignals(True)  # even if no notice came: Save itself checks
    asked.clear()
    window.guard.ask = lambda box: asked.append(box.text()) or None  # the writer closes the box
    assert window.save_current() is False
    assert asked and path.read_text(encoding="utf-8").endswith("Wieder deren\n")
    window.guard.watcher.blockSignals(False)


def test_restore_after_a_crash_when_the_file_is_gone_writes_it_again(qtbot, site, tmp_path) -> None:
    recovery = tmp_path / "recovery"
    path = site / "content" / "docs" / "gone.md"
    path.write_text("---\ntitle: Weg\n---\nAlt\n", encoding="utf-8")
    crashed = RecoveryStore(recovery)
    crashed.save(path, "---\ntitle: Weg\n---\nAlt und neu\n")
    crashed.close()
    path.unlink()
    window = _window(qtbot, tmp_path, "w", recovery)
    offered: list[str] = []
    window.guard.ask = _answer("Restore", offered, lambda box: box.informativeText())
    window.open_path(site)
    assert offered and "no longer exists" in offered[0]
    assert path.read_text(encoding="utf-8") == "---\ntitle: Weg\n---\nAlt und neu\n"
    assert window.current_editor().path == path and RecoveryStore(recovery).pending() == []


def test_a_read_only_file_is_not_replaced_and_save_as_is_offered(window, site) -> None:
    path = site / PAGE
    before = path.read_bytes()
    path.chmod(0o444)
    window.open_site(site)
    editor = window.open_page(PAGE)
    editor.editor.insertPlainText("Geschützt ")
    offered: list[str] = []
    window.guard.ask = lambda box: offered.append(box.text()) or None
    assert window.save_current() is False
    assert offered and "read-only" in offered[0] and "install.md" in offered[0] and "Save As" in offered[0]
    assert path.read_bytes() == before and "Geschützt" in editor.editor.toPlainText()


def test_leftovers_of_a_killed_save_go_when_the_page_opens(window, site) -> None:
    leftover = site / "content" / "docs" / ".install.md.999999.k1.tmp"
    leftover.write_bytes(b"x" * 4096)
    window.open_site(site)
    window.open_page(PAGE)
    assert not leftover.exists()


def test_save_as_moves_the_recovery_record_and_the_watch_to_the_new_name(window, site, tmp_path, monkeypatch) -> None:
    window.open_site(site)
    editor = window.open_page(PAGE)
    editor.editor.insertPlainText("Kopie ")
    window.guard.autosave()
    window.guard.flush()
    assert len(list((tmp_path / "recovery").glob("*.json"))) == 1
    target = site / "content" / "docs" / "kopie.md"
    monkeypatch.setattr("writer.ui.file_guard.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save_as()
    assert editor.path == target and "Kopie" in target.read_text(encoding="utf-8")
    assert list((tmp_path / "recovery").glob("*.json")) == []  # nothing stale to offer after a crash
    assert str(target) in window.guard.watcher.files()
    assert [p.name for p in (tmp_path / "recovery").glob("*.open")] != []


def test_a_page_turned_binary_on_disk_keeps_the_text_shown(window, site, no_modal_dialogs) -> None:
    path = site / PAGE
    window.open_site(site)
    editor = window.open_page(PAGE)
    shown = editor.editor.toPlainText()
    path.write_bytes(b"\x00\x01binary now")
    window.guard.check_disk(editor)  # no unsaved edits: it would reload, but cannot
    assert editor.editor.toPlainText() == shown
    assert "cannot be read any more" in window.statusBar().currentMessage()
    editor.editor.insertPlainText("Meins ")
    path.write_bytes(b"\xff\xfe\x00still binary")
    window.guard.ask = lambda box: next(b for b in box.buttons() if b.text() == "Take Theirs")
    window.guard.check_disk(editor)
    assert "Meins" in editor.editor.toPlainText()
    assert any("Cannot take their version" in text for _, text in no_modal_dialogs)


CRASH_WHILE_OPENING = textwrap.dedent('''
    import os, sys
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
    window.open_path(page)
    os.abort()  # as a crash inside Qt while the page's form or preview is built
''')


def test_a_page_that_crashed_writer_opens_in_safe_mode_until_it_changes(qtbot, site, tmp_path, no_modal_dialogs) -> None:
    page = site / PAGE
    recovery = tmp_path / "recovery"
    proc = subprocess.run([sys.executable, "-c", CRASH_WHILE_OPENING, str(site), str(page), str(recovery),
                           str(tmp_path / "a.ini")], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                          cwd=Path(__file__).parents[2], capture_output=True, timeout=120)
    assert proc.returncode != 0
    window = _window(qtbot, tmp_path, "after", recovery)
    window.open_path(page)
    editor = window.current_editor()
    assert editor.safe_mode and not editor.form.tabs.isTabEnabled(0) and editor.form.editors == {}
    assert any("safe mode" in text and "content/docs/install.md" in text for _, text in no_modal_dialogs)
    editor.editor.insertPlainText("Repariert ")
    assert window.save_current()  # the file changed: the next opening is a normal one
    again = _window(qtbot, tmp_path, "again", recovery)
    again.open_path(page)
    assert not again.current_editor().safe_mode and again.current_editor().form.tabs.isTabEnabled(0)


def test_restore_brings_the_preview_and_the_word_count_along(qtbot, site, tmp_path) -> None:
    recovery = tmp_path / "recovery"
    path = site / PAGE
    crashed = RecoveryStore(recovery)
    crashed.save(path, path.read_text(encoding="utf-8") + "\nWiederhergestellt " * 40)
    crashed.close()
    window = _window(qtbot, tmp_path, "w", recovery)
    window.guard.ask = _answer("Restore", [], lambda box: box.text())
    window.open_path(path)
    from writer.core.textstats import text_stats

    expected = text_stats(window.current_editor().body_text()).summary()
    assert "Wiederhergestellt" in window.current_editor().body_text()
    qtbot.waitUntil(lambda: window.stats_label.text() == expected, timeout=5000)
    seen: list[str] = []
    qtbot.waitUntil(lambda: window.preview.text(seen.append) or (seen and "Wiederhergestellt" in seen[-1]),
                    timeout=5000)
