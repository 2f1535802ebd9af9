"""The main window: site tree, form and editor tabs, preview. It wires; the core decides."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from writer.core.errors import WriterError
from writer.core.hugo.render_context import SiteModel
from writer.core.hugo.site import Site
from writer.core.paths import sample_copy_path, user_sample_site
from writer.core.textstats import text_stats
from writer.ui import messages, page_opening
from writer.ui.file_guard import FileGuard
from writer.ui.find_bar import FindBar
from writer.ui.helpers import Helpers
from writer.ui.index_controller import IndexController
from writer.ui.menus import build_menus
from writer.ui.outline import OutlinePanel
from writer.ui.page_editor import PageEditor
from writer.ui.preview import Preview
from writer.ui.preview_controller import PreviewController
from writer.ui.settings import AppSettings, app_data_dir
from writer.ui.site_tree import SiteTree, TreeRows
from writer.ui.spell_controller import SpellController
from writer.ui.theme import apply_palette, resolve_theme
from writer.ui.translation_panel import TranslationPanel

UI_SWITCH_INTERVAL_S = 0.001


class MainWindow(QMainWindow):
    site_opened = Signal(str)
    page_opened = Signal(str)
    preview_updated = Signal()

    def __init__(
        self,
        settings: AppSettings,
        *,
        use_webengine: bool = True,
        theme: str | None = None,
        recovery_dir: Path | None = None,
    ) -> None:
        super().__init__()
        # the UI thread waits at most this long for the interpreter lock when background work
        # (indexing, rendering) holds it: 1 ms instead of Python's 5 ms
        sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
        self.settings = settings
        self.model: SiteModel | None = None
        self.theme_choice = theme or str(settings.q.value("view/theme", "auto"))
        self.theme = resolve_theme(self.theme_choice)
        self.setWindowTitle("Writer")
        self.site_tree = SiteTree()
        self.outline = OutlinePanel()
        self.left = QTabWidget()
        self.left.addTab(self.site_tree, "Pages")
        self.left.addTab(self.outline, "Outline")
        self.translations = TranslationPanel()
        self.left.addTab(self.translations, "Translations")
        self.helpers = Helpers(self)
        self.indexing = IndexController(self)
        self.guard = FileGuard(self, recovery_dir or app_data_dir() / "recovery")
        self._last_dialog = None  # the most recent helper dialog (tests and screenshots look at it)
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.find_bar = FindBar()
        self.find_bar.hide()
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.tabs)
        center_layout.addWidget(self.find_bar)
        self.preview = Preview(use_webengine=use_webengine)
        self.preview.set_theme(self.theme)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.left, center, self.preview):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([260, 620, 520])
        self.setCentralWidget(self.splitter)
        self.stats_label = messages.label()
        self.previews = PreviewController(self)
        self.spelling = SpellController(self)
        self.spell_label = self.spelling.label
        for label in (self.indexing.progress, self.previews.label, self.stats_label, self.spell_label):
            self.statusBar().addPermanentWidget(label)
        self._stats_timer = QTimer(self, singleShot=True, interval=150)
        self._stats_timer.timeout.connect(self._update_stats_and_outline)
        self.actions: dict[str, QAction] = build_menus(self)
        self._wire()
        self._restore_geometry()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    # -- wiring ------------------------------------------------------------------

    def _wire(self) -> None:
        self.site_tree.page_activated.connect(self.open_page)
        self.translations.page_activated.connect(self.open_page)
        self.outline.line_activated.connect(self._on_outline_line_activated)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.tabs.tabCloseRequested.connect(self.close_tab)

    def _restore_geometry(self) -> None:
        geometry = self.settings.bytes_value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        sizes = self.settings.bytes_value("window/splitter")
        if sizes is not None:
            self.splitter.restoreState(sizes)

    # -- sites and pages ---------------------------------------------------------

    def open_site(self, path: Path) -> bool:
        try:
            site = Site.open(path)
        except WriterError as exc:
            messages.warning(self, "Cannot open the site", str(exc))
            return False
        if not self.close_all_tabs():
            return False
        model = self.indexing.open(site, path, self.settings.open_pages(site.root))
        self.model = model
        rows, statuses = self.indexing.take_rows()
        self.site_tree.load(model.index, rows if self.indexing.complete else TreeRows([]))
        self.translations.load(model.index, statuses if self.indexing.complete else [])
        self.settings.add_recent_site(model.site.root)
        self.setWindowTitle(f"Writer — {model.site.root.name}")
        self._show_problems(model)
        if model.site.root == sample_copy_path(app_data_dir()).resolve():
            self.statusBar().showMessage(
                f"This is Writer's sample site, a copy in {model.site.root}: change anything. "
                "File ▸ Open Site… opens your own.", 20000)
        content = [model.site.root / lang.content_dir for lang in model.site.languages]
        self.guard.watch_site(model.site.root, content)
        self.site_opened.emit(str(model.site.root))
        return True

    def _show_problems(self, model: SiteModel) -> None:
        for problem in model.index.problems[:1]:
            self.statusBar().showMessage(f"{problem}", 10000)

    def site_index_arrived(self, model: SiteModel) -> None:
        """The whole index of a big site, built after its page was opened: the first page when
        none is open yet, previews again (links to other pages resolve now)."""
        self._show_problems(model)
        if not self.editors():
            self._open_first_page()
        elif (editor := self.current_editor()) is not None:
            self.previews.request(editor, immediate=True)
            if editor.path is not None:  # once the new tree is laid out
                rel = model.site.rel(editor.path)
                QTimer.singleShot(0, lambda: self.site_tree.select_path(rel))

    @property
    def last_dialog(self):
        return self._last_dialog

    @last_dialog.setter
    def last_dialog(self, dialog) -> None:
        """Keep the newest helper dialog; the one before is deleted (closed dialogs do not pile up
        as children of the window over a day's work)."""
        if self._last_dialog is not None and self._last_dialog is not dialog:
            with contextlib.suppress(RuntimeError):  # already gone with its parent
                self._last_dialog.deleteLater()
        self._last_dialog = dialog

    def open_sample_site(self) -> None:
        """The copy of the bundled sample site in Writer's data folder (made again if deleted)."""
        self.open_path(user_sample_site(app_data_dir()))

    def open_path(self, path: Path) -> None:
        """Open a site (a folder) or a page and its site; offer text recovered after a crash."""
        if not self.open_site(path):
            return
        assert self.model is not None
        self._open_start_pages(path)
        self.guard.offer_recovery(self.model.site.root)

    def _open_start_pages(self, path: Path) -> None:
        assert self.model is not None
        if path.is_file():
            try:  # the name it was given (a symbolic link stays the page it names)
                rel = self.model.site.rel(Path(os.path.abspath(path)))
            except ValueError:
                rel = self.model.site.rel(path.resolve())
            self.open_page(rel)
            return
        remembered = [p for p in self.settings.open_pages(self.model.site.root) if self.model.index.get(p)]
        for rel in remembered:
            self.open_page(rel)
        if not remembered and self.indexing.complete:
            self._open_first_page()

    def _open_first_page(self) -> None:
        assert self.model is not None
        first = next((p for p in self.model.index.pages if p.kind == "page" and p.bundle == "leaf"), None)
        first = first or (self.model.index.pages[0] if self.model.index.pages else None)
        if first is not None:
            self.open_page(first.path)

    def reload_index(self) -> None:
        """Index the site again after Writer added or moved files; open pages stay open."""
        self.indexing.reload()

    def open_page(self, rel: str) -> PageEditor | None:
        if self.model is None:
            return None
        for i in range(self.tabs.count()):
            editor = self.tabs.widget(i)
            if isinstance(editor, PageEditor) and editor.path == self.model.site.root / rel:
                self.tabs.setCurrentIndex(i)
                return editor
        editor = page_opening.open_editor(self, self.model.site.root / rel, rel)
        if editor is None:
            return None
        info = self.model.index.get(rel)
        editor.modified_changed.connect(lambda _m, e=editor: self.update_tab_title(e))
        editor.edited.connect(self.guard.edited)
        self.guard.watch(editor)
        self.guard.opened(editor)
        editor.body_edited.connect(lambda e=editor: self._on_editor_body_edited(e))
        editor.edit_failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        editor.editor.ref_activated.connect(lambda target, e=editor: self.open_ref(target, e))
        editor.editor.image_files_dropped.connect(self.helpers.insert_image_files)
        editor.editor.image_pasted.connect(self.helpers.insert_pasted_image)
        self.spelling.attach(editor, info.lang if info else self.model.site.default_language)
        self.previews.attach(editor)
        index = self.tabs.addTab(editor, "")
        self.update_tab_title(editor)
        self.tabs.setCurrentIndex(index)
        self.site_tree.select_path(rel)
        self.page_opened.emit(rel)
        return editor

    def open_ref(self, target: str, editor: PageEditor) -> None:
        if self.model is None or editor.path is None:
            return
        found = self.model.resolver.resolve(target, self.model.index.page_for_file(editor.path))
        if found is None or not found.page.path:
            self.statusBar().showMessage(f'relref "{target}": page not found', 6000)
            return
        self.open_page(found.page.path)

    def current_editor(self) -> PageEditor | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, PageEditor) else None

    def editors(self) -> list[PageEditor]:
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), PageEditor)]

    def update_tab_title(self, editor: PageEditor) -> None:
        index = self.tabs.indexOf(editor)
        if index < 0 or editor.path is None:
            return
        info = self.model.index.page_for_file(editor.path) if self.model else None
        name = info.title if info and info.title else editor.path.name
        lang = f" [{info.lang.upper()}]" if info else ""
        missing = "  (deleted on disk)" if editor.missing_on_disk else ""
        self.tabs.setTabText(index, ("● " if editor.page.modified else "") + name + lang + missing)
        self.tabs.setTabToolTip(index, messages.tip(str(editor.path)))

    def name_for_path(self, path: Path, title: str = "") -> str:
        return page_opening.page_label(self.model, path, title)

    def page_name(self, editor: PageEditor) -> str:
        title = editor.page.get("title")
        return self.name_for_path(editor.path, title if isinstance(title, str) else "") if editor.path else "untitled"

    def next_misspelling(self, backward: bool = False) -> None:
        self.spelling.next_misspelling(backward)

    # -- preview, stats, outline -------------------------------------------------

    def _on_tabs_current_changed(self, _index: int) -> None:
        editor = self.current_editor()
        self.find_bar.attach(editor.editor if editor else None)
        if "side_by_side" in self.actions:
            self.actions["side_by_side"].setChecked(bool(editor and editor.source_view.isVisible()))
        self.spelling.update_label(editor)
        if editor is not None:
            self.request_preview(editor, immediate=True)
            self._update_stats_and_outline()

    def _on_editor_body_edited(self, editor: PageEditor) -> None:
        if editor is self.current_editor():
            self.request_preview(editor)
            self._stats_timer.start()

    def request_preview(self, editor: PageEditor, immediate: bool = False) -> None:
        self.previews.request(editor, immediate)

    def _update_stats_and_outline(self) -> None:
        editor = self.current_editor()
        if editor is None:
            return
        body = editor.body_text()
        self.stats_label.setText(text_stats(body).summary())
        self.outline.update_from(body)

    def _on_outline_line_activated(self, line: int) -> None:
        editor = self.current_editor()
        if editor is not None:
            editor.editor.go_to_line(line)

    # -- saving and closing --------------------------------------------------------

    def save_current(self) -> bool:
        editor = self.current_editor()
        return self.save_editor(editor) if editor else False

    def save_editor(self, editor: PageEditor) -> bool:
        return self.guard.save(editor)

    def save_as(self) -> bool:
        editor = self.current_editor()
        return self.guard.save_as(editor) if editor is not None else False

    def save_all(self) -> None:
        for editor in self.editors():
            if editor.page.modified:
                self.save_editor(editor)

    def mark_missing(self, editor: PageEditor) -> None:
        self.update_tab_title(editor)
        self.statusBar().showMessage(
            f"{self.page_name(editor)} was deleted or moved on disk; "
            "its text is kept here (save to write it again)", 10000)

    def close_tab(self, index: int) -> bool:
        editor = self.tabs.widget(index)
        if isinstance(editor, PageEditor) and editor.page.modified and not self._confirm_discard([editor]):
            return False
        if isinstance(editor, PageEditor):
            self.guard.discarded(editor)
            self.guard.closed(editor)
        self.tabs.removeTab(index)
        if isinstance(editor, PageEditor):
            editor.deleteLater()
        return True

    def close_all_tabs(self) -> bool:
        if not self._confirm_discard([e for e in self.editors() if e.page.modified]):
            return False
        for editor in self.editors():
            self.guard.discarded(editor)
            self.guard.closed(editor)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        return True

    def _confirm_discard(self, editors: list[PageEditor]) -> bool:
        if not editors:
            return True
        names = "\n".join(self.page_name(e) for e in editors)
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        answer = messages.question(self, "Unsaved changes", f"Save changes to:\n{names}", buttons)
        if answer == QMessageBox.StandardButton.Save:
            return all(self.save_editor(e) for e in editors)
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.model is not None:
            open_pages = [self.model.site.rel(e.path) for e in self.editors() if e.path]
            self.settings.set_open_pages(self.model.site.root, open_pages)
        if not self.close_all_tabs():
            event.ignore()
            return
        self.settings.set_value("window/geometry", self.saveGeometry())
        self.settings.set_value("window/splitter", QByteArray(self.splitter.saveState()))
        self.settings.sync()
        self.previews.wait()
        self.spelling.wait()
        self.preview.release()
        self.guard.shutdown()
        self.indexing.shutdown()
        event.accept()

    # -- view ------------------------------------------------------------------------

    def set_theme_choice(self, choice: str) -> None:
        self.theme_choice = choice
        self.settings.set_value("view/theme", choice)
        self.theme = resolve_theme(choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, self.theme)
        self.preview.set_theme(self.theme)
        for editor in self.editors():
            editor.editor.set_theme(self.theme)
        current = self.current_editor()
        if current is not None:
            self.request_preview(current, immediate=True)

    def set_remote_images(self, allowed: bool) -> None:
        self.preview.set_remote_images(allowed)
        current = self.current_editor()
        if current is not None:
            self.request_preview(current, immediate=True)

    def _on_color_scheme_changed(self, _scheme) -> None:
        if self.theme_choice == "auto":
            self.set_theme_choice("auto")

    def open_site_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a Hugo site")
        if folder:
            self.open_path(Path(folder))
