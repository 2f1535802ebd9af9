"""Nothing lost: autosave to a recovery folder, restore after a crash, follow changes on disk."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from writer.core.errors import WriterError
from writer.core.recovery import Recovered, RecoveryStore
from writer.core.textio import atomic_write, clean_leftovers, encode_text, read_bytes
from writer.ui import messages
from writer.ui.dialogs.compare import CompareDialog

if TYPE_CHECKING:
    from writer.ui.main_window import MainWindow
    from writer.ui.page_editor import PageEditor

AUTOSAVE_MS = 3000  # after a pause in typing
AUTOSAVE_MAX_MS = 4000  # at the latest, while typing goes on: at most this much typing is lost
MAX_WATCHED_FOLDERS = 2000
OPENING_MS = 4000  # a crash this soon after opening a page marks it for safe mode


class FileGuard(QObject):
    autosave_failed = Signal(str)  # emitted by the writer thread, shown by the UI thread

    def __init__(self, window: MainWindow, recovery_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.store = RecoveryStore(recovery_dir)
        # recovery records are written off the UI thread, in order, one at a time
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._autosaved: dict[int, str] = {}  # id(editor) -> the text last handed to the writer
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.deadline_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MAX_MS)
        self.deadline_timer.timeout.connect(self.autosave)
        self.autosave_failed.connect(lambda message: self.window.statusBar().showMessage(message, 8000))
        self.last_edit = 0.0  # time.monotonic() of the last edit in any page
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_watcher_file_changed)
        self.watcher.directoryChanged.connect(self._on_watcher_directory_changed)
        self._tree_timer = QTimer(self, singleShot=True, interval=500)
        self._tree_timer.timeout.connect(self._refresh_index)
        self.changed_folders: set[Path] = set()  # where files changed since the index was refreshed

    # -- autosave and recovery ------------------------------------------------------

    def edited(self) -> None:
        self.last_edit = time.monotonic()
        self.autosave_timer.start()  # a pause in typing saves soon ...
        if not self.deadline_timer.isActive():
            self.deadline_timer.start()  # ... and steady typing is saved every few seconds

    def autosave(self) -> None:
        self.autosave_timer.stop()
        self.deadline_timer.stop()
        for editor in self.window.editors():
            if editor.path is None or not editor.page.modified:
                continue
            text = editor.page.text()
            if self._autosaved.get(id(editor)) == text:
                continue
            self._autosaved[id(editor)] = text
            self._submit(self._write_record, editor.path, text, editor.page.bom)

    def _write_record(self, page: Path, text: str, bom: bool) -> None:
        try:
            self.store.save(page, text, bom)
        except OSError as exc:
            self.autosave_failed.emit(f"Autosave of {page.name} failed: {exc}")

    def _submit(self, task, *args):
        try:
            return self._writer.submit(task, *args)
        except RuntimeError:  # the window is closing: write in this thread
            task(*args)
            return None

    def flush(self) -> None:
        """Wait until every autosave handed to the writer thread is on disk."""
        future = self._submit(lambda: None)
        if future is not None:
            future.result()

    def _discard(self, editor: PageEditor) -> None:
        self._autosaved.pop(id(editor), None)
        if editor.path is not None:
            path = editor.path
            future = self._submit(self.store.discard, path)
            if future is not None:
                future.result()  # after any write still queued for it

    def saved(self, editor: PageEditor) -> None:
        if editor.path is not None:
            self._discard(editor)
            self.watch(editor)

    def discarded(self, editor: PageEditor) -> None:
        self._discard(editor)

    def opened(self, editor: PageEditor) -> None:
        """A page was opened in this window: mark it ours, say when another window has it too."""
        if editor.path is None:
            return
        clean_leftovers(editor.path)
        try:
            others = self.store.claim(editor.path)
        except OSError:
            return
        if others:
            editor.open_elsewhere = True
            messages.warning(
                self.window, "Open in another window",
                f"{self.window.page_name(editor)} is also open in another Writer window. Edit it in one window: "
                "Writer asks before a save in either window writes over the other's.")

    def crashed_opening(self, page: Path) -> bool:
        try:
            return self.store.crashed_opening(page)
        except OSError:
            return False

    def opening(self, page: Path) -> None:
        """Mark the page as being opened until its form and preview had time to appear."""
        try:
            self.store.opening(page)
        except OSError:
            return
        QTimer.singleShot(OPENING_MS, self, lambda: self.store.opened(page))

    def closed(self, editor: PageEditor) -> None:
        if editor.path is None:
            return
        self.store.release(editor.path)
        self._autosaved.pop(id(editor), None)
        path = str(editor.path)
        still_open = any(e is not editor and e.path is not None and str(e.path) == path for e in self.window.editors())
        if not still_open and path in self.watcher.files():
            self.watcher.removePath(path)  # watches do not pile up as tabs open and close

    def shutdown(self) -> None:
        self._writer.shutdown(wait=True)
        self.store.close()

    def offer_recovery(self, site_root: Path) -> None:
        """After a crash: offer each autosaved page of this site, showing what it changes."""
        root = Path(os.path.abspath(site_root))
        for item in self.store.pending():
            if not (item.page.is_relative_to(root) or item.page.is_relative_to(site_root.resolve())):
                continue
            gone = not item.page.exists()
            box = messages.box(self.window, "question", "Recover unsaved text",
                               f"Writer found unsaved text of {self.window.name_for_path(item.page)} "
                               "from the last session.",
                               QMessageBox.StandardButton.NoButton)
            if gone:
                box.setInformativeText(f"The file {item.page} no longer exists. Restore it as that file?")
            else:
                box.setInformativeText("Restore it into the editor (the file on disk stays as it is until you save)?")
            box.setDetailedText(item.diff())
            restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
            choice = self.ask(box)
            box.deleteLater()
            if choice is restore:
                self.restore(item)
            else:
                self.store.discard_record(item)

    def ask(self, box: QMessageBox):
        return messages.ask(box)

    def restore(self, item: Recovered) -> None:
        window = self.window
        if window.model is None:
            return
        page = item.page
        root = window.model.site.root
        try:
            rel = Path(os.path.abspath(page)).relative_to(root).as_posix()
        except ValueError:
            rel = window.model.site.rel(page.resolve())
        if not page.exists():  # the file is gone: the writer chose to have it back
            try:
                page.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(page, encode_text(item.text, bom=item.bom))
            except OSError as exc:
                messages.critical(window, "Cannot restore", f"{page}: {exc.strerror or exc}")
                return
            self.store.discard_record(item)
            window.reload_index()
            window.open_page(rel)
            return
        editor = window.open_page(rel)
        if editor is not None:
            editor.replace_text(item.text)
            self.store.discard_record(item)
            self.autosave()  # the restored text is this session's unsaved text now

    # -- changes on disk ------------------------------------------------------------

    def watch(self, editor: PageEditor) -> None:
        if editor.path is not None and editor.path.exists():
            path = str(editor.path)
            if path not in self.watcher.files():
                self.watcher.addPath(path)

    def watch_site(self, root: Path, content_dirs: list[Path]) -> None:
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        folders: list[str] = []
        for content in content_dirs:
            if not content.is_dir():
                continue
            # folders only (os.walk lists them without a Python object per file), and no more
            # than the watcher may take: a 100,000-page site is not walked to the end here
            for current, subfolders, _files in os.walk(content):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                folders.append(current)
                if len(folders) >= MAX_WATCHED_FOLDERS:
                    break
            if len(folders) >= MAX_WATCHED_FOLDERS:
                break
        if folders:
            self.watcher.addPaths(folders)

    def _refresh_index(self) -> None:
        folders, self.changed_folders = sorted(self.changed_folders), set()
        self.window.indexing.refresh_in_background(folders)

    def _on_watcher_directory_changed(self, folder: str) -> None:
        self.changed_folders.add(Path(folder))
        self._tree_timer.start()
        for editor in self.window.editors():  # a page deleted and written again is watched again
            if editor.path is not None and str(editor.path.parent) == folder and editor.path.exists() \
                    and str(editor.path) not in self.watcher.files():
                self.check_disk(editor)
                self.watch(editor)

    def _on_watcher_file_changed(self, path: str) -> None:
        editor = next((e for e in self.window.editors() if e.path is not None and str(e.path) == path), None)
        if editor is None:
            return
        self.check_disk(editor)
        self.watch(editor)  # an atomic replace ends the old watch

    def check_disk(self, editor: PageEditor) -> None:
        assert editor.path is not None
        if not editor.path.exists():
            editor.missing_on_disk = True
            self.window.mark_missing(editor)
            return
        try:
            data = read_bytes(editor.path)
        except WriterError:
            return
        editor.missing_on_disk = False
        if data == editor.page.saved_bytes:
            return  # our own save, or nothing new
        if not editor.page.modified:
            try:
                editor.reload_from_disk()
            except WriterError as exc:  # now binary, not UTF-8, ...: keep what is shown
                editor.page.mark_disk_state(data)
                self.window.statusBar().showMessage(
                    f"{self.window.page_name(editor)} changed on disk and cannot be read any more ({exc.message}); "
                    "the text shown is the last one read: saving writes it back", 15000)
                return
            self.window.statusBar().showMessage(f"{self.window.page_name(editor)} changed on disk and was reloaded",
                                                6000)
            return
        self.resolve_conflict(editor, data)

    # -- saving -------------------------------------------------------------------

    def save(self, editor: PageEditor) -> bool:
        """Save a page: never over another program's version unasked; a failed save keeps the
        text and offers Save As."""
        from writer.core.hugo.lastmod import touch_lastmod

        window = self.window
        if editor.read_only:
            messages.warning(window, "Read-only", editor.read_only)
            return False
        if not self.before_save(editor):
            return False
        stamped = editor.page.modified and window.settings.update_lastmod and touch_lastmod(
            editor.page, window.model.index if window.model is not None else None)
        try:
            path = editor.save()
        except OSError as exc:
            box = messages.box(window, "critical", "Cannot save",
                               f"{editor.path}: {exc.strerror or exc}. Your text is still here; use Save As.",
                               QMessageBox.StandardButton.Cancel)
            save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
            choice = self.ask(box)
            box.deleteLater()
            if choice is save_as:
                return window.save_as()
            return False
        editor.missing_on_disk = False
        if stamped:  # the form shows the new lastmod
            editor.set_form_data(editor.suggestions, editor.completions)
        self.saved(editor)
        window.update_tab_title(editor)
        window.statusBar().showMessage(f"Saved {path.name}", 4000)
        self.changed_folders.add(path.parent)
        self._tree_timer.start()  # the index learns the page's new state off the UI thread
        return True

    def save_as(self, editor: PageEditor) -> bool:
        name, _ = QFileDialog.getSaveFileName(self.window, "Save As", str(editor.path or ""), "Markdown (*.md)")
        if not name:
            return False
        self.discarded(editor)  # the old name's autosave and mark go with the old name
        self.closed(editor)
        try:
            editor.page.save(Path(name))
        except OSError as exc:
            messages.critical(self.window, "Cannot save", f"{name}: {exc.strerror or exc}")
            self.opened(editor)
            self.autosave()  # the text is still unsaved: keep its recovery copy
            return False
        editor.missing_on_disk = False
        self.opened(editor)
        self.saved(editor)
        self.window.update_tab_title(editor)
        return True

    def before_save(self, editor: PageEditor) -> bool:
        """Whether saving may go on: a file another program wrote since it was read (changed,
        or deleted and written again) is never overwritten without asking."""
        if editor.path is None:
            return True
        try:
            data = read_bytes(editor.path)
        except WriterError:
            return True  # gone (saving writes it again) or unreadable (the save reports it)
        if data == editor.page.saved_bytes:
            return True
        return self.resolve_conflict(editor, data) == "mine"

    def resolve_conflict(self, editor: PageEditor, disk: bytes) -> str | None:
        """Ask Keep Mine / Take Theirs / Compare; returns "mine", "theirs" or None (closed).
        Compare shows both versions side by side and may give a merge of the two."""
        theirs_text = disk.decode("utf-8", errors="replace").removeprefix("\ufeff")
        box = messages.box(self.window, "question", "Changed on disk",
                           f"{self.window.page_name(editor)} was changed by another program, "
                           "and you have unsaved edits.",
                           QMessageBox.StandardButton.NoButton)
        box.setDetailedText(_diff(theirs_text, editor.page.text()))
        mine = box.addButton("Keep Mine", QMessageBox.ButtonRole.AcceptRole)
        theirs = box.addButton("Take Theirs", QMessageBox.ButtonRole.DestructiveRole)
        compare = box.addButton("Compare…", QMessageBox.ButtonRole.ActionRole)
        try:
            return self._decide(editor, disk, theirs_text, box, (mine, theirs, compare))
        finally:
            box.deleteLater()

    def _decide(self, editor: PageEditor, disk: bytes, theirs_text: str, box: QMessageBox, buttons) -> str | None:
        mine, theirs, compare = buttons
        choice = self.ask(box)
        while choice is compare:  # both versions side by side; a merge, or back to the question
            merged = self.show_diff(self.window.page_name(editor), theirs_text, editor.page.text())
            if merged is not None:
                editor.replace_text(merged)
                editor.page.mark_disk_state(disk)  # saving writes the merge over theirs
                return "mine"
            choice = self.ask(box)
        if choice is theirs:
            try:
                editor.reload_from_disk()
            except WriterError as exc:
                messages.warning(self.window, "Cannot take their version",
                                 f"{exc}. Your text stays in the editor.")
                return None
            return "theirs"
        if choice is mine:
            editor.page.mark_disk_state(disk)  # saving later writes mine over theirs
            return "mine"
        return None

    def show_diff(self, name: str, theirs: str, mine: str) -> str | None:
        """The Compare dialog; the merged text when the writer uses it, else None."""
        dialog = CompareDialog(name, theirs, mine, self.window)
        try:
            if not messages.interactive or not dialog.exec():
                return None
            return dialog.merged()
        finally:
            dialog.deleteLater()


def _diff(theirs: str, mine: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(theirs.splitlines(True), mine.splitlines(True), "on disk", "yours", n=1))
