"""Nothing lost: autosave to a recovery folder, restore after a crash, follow changes on disk."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from writer.core.errors import WriterError
from writer.core.recovery import RecoveryStore
from writer.core.textio import read_bytes

if TYPE_CHECKING:
    from writer.ui.main_window import MainWindow
    from writer.ui.page_editor import PageEditor

AUTOSAVE_MS = 3000
MAX_WATCHED_FOLDERS = 2000


class FileGuard(QObject):
    def __init__(self, window: MainWindow, recovery_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.store = RecoveryStore(recovery_dir)
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_watcher_file_changed)
        self.watcher.directoryChanged.connect(lambda _p: self._tree_timer.start())
        self._tree_timer = QTimer(self, singleShot=True, interval=500)
        self._tree_timer.timeout.connect(window.reload_index)

    # -- autosave and recovery ------------------------------------------------------

    def edited(self) -> None:
        self.autosave_timer.start()

    def autosave(self) -> None:
        for editor in self.window.editors():
            if editor.path is not None and editor.page.modified:
                try:
                    self.store.save(editor.path, editor.page.text(), editor.page.bom)
                except OSError as exc:
                    self.window.statusBar().showMessage(f"Autosave failed: {exc}", 8000)

    def saved(self, editor: PageEditor) -> None:
        if editor.path is not None:
            self.store.discard(editor.path)
            self.watch(editor)

    def discarded(self, editor: PageEditor) -> None:
        if editor.path is not None:
            self.store.discard(editor.path)

    def offer_recovery(self, site_root: Path) -> None:
        """After a crash: offer each autosaved page of this site, showing what it changes."""
        for item in self.store.pending():
            if not item.page.is_relative_to(site_root.resolve()):
                continue
            box = QMessageBox(self.window)
            box.setWindowTitle("Recover unsaved text")
            box.setText(f"Writer found unsaved text of {item.page.name} from the last session.")
            box.setInformativeText("Restore it into the editor (the file on disk stays as it is until you save)?")
            box.setDetailedText(item.diff())
            restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
            if self.ask(box) is restore:
                self.restore(item.page, item.text)
            else:
                self.store.discard(item.page)

    def ask(self, box: QMessageBox):
        box.exec()
        return box.clickedButton()

    def restore(self, page: Path, text: str) -> None:
        window = self.window
        if window.model is None:
            return
        try:
            rel = window.model.site.rel(page)
        except ValueError:
            return
        editor = window.open_page(rel) if page.exists() else None
        if editor is not None:
            editor.replace_text(text)

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
            if content.is_dir():
                folders.append(str(content))
                for sub in content.rglob("*"):
                    if sub.is_dir() and len(folders) < MAX_WATCHED_FOLDERS:
                        folders.append(str(sub))
        if folders:
            self.watcher.addPaths(folders)

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
            editor.reload_from_disk()
            self.window.statusBar().showMessage(f"{editor.path.name} changed on disk and was reloaded", 6000)
            return
        self.resolve_conflict(editor, data)

    def resolve_conflict(self, editor: PageEditor, disk: bytes) -> None:
        box = QMessageBox(self.window)
        box.setWindowTitle("Changed on disk")
        box.setText(f"{editor.path.name} was changed by another program, and you have unsaved edits.")
        box.setDetailedText(_diff(disk.decode("utf-8", errors="replace"), editor.page.text()))
        mine = box.addButton("Keep Mine", QMessageBox.ButtonRole.AcceptRole)
        theirs = box.addButton("Take Theirs", QMessageBox.ButtonRole.DestructiveRole)
        compare = box.addButton("Compare", QMessageBox.ButtonRole.ActionRole)
        choice = self.ask(box)
        while choice is compare:  # show the differences, then ask again
            self.show_diff(box.detailedText())
            choice = self.ask(box)
        if choice is theirs:
            editor.reload_from_disk()
        elif choice is mine:
            editor.page.mark_disk_state(disk)  # saving later writes mine over theirs


    def show_diff(self, diff: str) -> None:
        view = QMessageBox(QMessageBox.Icon.Information, "Differences", "On disk (-) and yours (+):",
                           QMessageBox.StandardButton.Close, self.window)
        view.setDetailedText(diff)
        self.compare_shown = diff
        view.exec()


def _diff(theirs: str, mine: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(theirs.splitlines(True), mine.splitlines(True), "on disk", "yours", n=1))
