"""The writer's helpers in the window: insert image, link to a page, translated copies, side by side."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from writer.core.document import Page
from writer.core.errors import WriterError
from writer.core.hugo.drafts import publish
from writer.core.hugo.images import hugo_processes_webp
from writer.ui import messages
from writer.ui.page_editor import PageEditor

if TYPE_CHECKING:
    from writer.ui.main_window import MainWindow

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.webp *.svg *.avif)"


class Helpers:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _context(self) -> tuple[PageEditor, object] | None:
        editor = self.window.current_editor()
        model = self.window.model
        if editor is None or model is None or editor.path is None:
            return None
        return editor, model

    # -- images ---------------------------------------------------------------------

    def insert_image(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Insert Image", "", IMAGE_FILTER)
        if name:
            self.insert_image_files([Path(name)])

    def insert_image_files(self, files: list[Path]) -> None:
        for file in files:
            if not self.open_image_dialog(source=file):
                break

    def insert_pasted_image(self, image: QImage) -> None:
        self.open_image_dialog(image=image)

    def open_image_dialog(self, *, source: Path | None = None, image: QImage | None = None) -> bool:
        context = self._context()
        if context is None:
            return False
        editor, model = context
        info = model.index.page_for_file(editor.path)
        bundle = info.bundle if info else "none"
        settings = self.window.settings
        from writer.ui.dialogs.image import ImageDialog  # dialogs load on first use, not at start

        dialog = ImageDialog(model.site.root, editor.path, bundle, source=source, image=image,
                             max_width=settings.int_value("images/max-width", 0), quality=settings.jpeg_quality,
                             webp=hugo_processes_webp(model.site.config), parent=self.window)
        self.window.last_dialog = dialog
        if not dialog.exec():
            return False
        settings.set_value("images/max-width", dialog.width_box.value())
        settings.set_jpeg_quality(dialog.quality_box.value())
        if editor.path in dialog.moves:
            for open_editor in self.window.editors():
                if open_editor.path in dialog.moves:
                    open_editor.page.path = dialog.moves[open_editor.path]
        editor.editor.insertPlainText(dialog.markdown)
        self.window.reload_index()
        return True

    # -- links ------------------------------------------------------------------------

    def insert_link(self) -> None:
        context = self._context()
        if context is None:
            return
        editor, model = context
        selected = editor.editor.textCursor().selectedText()
        from writer.ui.dialogs.link import LinkDialog

        dialog = LinkDialog(model, model.index.page_for_file(editor.path), selected, self.window)
        self.window.last_dialog = dialog
        if dialog.exec() and dialog.markdown:
            editor.editor.textCursor().insertText(dialog.markdown)

    # -- translations ----------------------------------------------------------------

    def translate(self) -> None:
        context = self._context()
        if context is None:
            return
        editor, model = context
        info = model.index.page_for_file(editor.path)
        if info is None:
            messages.information(self.window, "Translated Copies", "Save the page inside the site first.")
            return
        from writer.ui.dialogs.translate import TranslateDialog

        dialog = TranslateDialog(model.index, info, self.window)
        self.window.last_dialog = dialog
        if dialog.exec() and dialog.created:
            self.window.reload_index()
            for path in dialog.created:
                self.window.open_page(model.site.rel(path))

    # -- site operations ---------------------------------------------------------

    def _current_info(self):
        editor = self.window.current_editor()
        model = self.window.model
        if editor is None or model is None or editor.path is None:
            return None
        return model.index.page_for_file(editor.path)

    def new_page(self) -> None:
        model = self.window.model
        if model is None:
            return
        info = self._current_info()
        section = info.logical.split("/")[0] if info and "/" in info.logical else ""
        last = str(self.window.settings.q.value("new_page/language", "") or "")
        lang = last if last in model.site.language_codes else model.site.default_language
        from writer.ui.dialogs.site_ops import NewPageDialog

        dialog = NewPageDialog(model.index, section, lang, self.window)
        self.window.last_dialog = dialog
        if dialog.exec() and dialog.created is not None:
            self.window.settings.q.setValue("new_page/language", dialog.lang.currentData())
            self.window.reload_index()
            self.window.open_page(model.site.rel(dialog.created))

    def move_page(self) -> None:
        info = self._current_info()
        if info is None:
            return
        model = self.window.model
        if any(e.page.modified for e in self.window.editors()):
            messages.information(self.window, "Rename or Move", "Save your pages first.")
            return
        from writer.ui.dialogs.site_ops import MoveDialog

        dialog = MoveDialog(model.index, info, self.window)
        self.window.last_dialog = dialog
        if dialog.exec() and dialog.plan is not None:
            moved = dict(dialog.plan.moves)
            for editor in self.window.editors():
                if editor.path in moved:
                    editor.page.path = moved[editor.path]
            for editor in self.window.editors():
                if editor.path is not None and editor.path.exists():
                    editor.reload_from_disk()
            self.window.reload_index()

    def delete_page(self) -> None:
        info = self._current_info()
        if info is None:
            return
        from writer.ui.dialogs.site_ops import DeleteDialog

        dialog = DeleteDialog(self.window.model.index, info, self.window)
        self.window.last_dialog = dialog
        if dialog.exec() and dialog.trashed:
            for editor in list(self.window.editors()):
                if editor.path is not None and not editor.path.exists():
                    editor.page.mark_disk_state(b"")  # gone on purpose: nothing to ask
                    self.window.guard.discarded(editor)
                    self.window.tabs.removeTab(self.window.tabs.indexOf(editor))
            self.window.reload_index()

    def publish(self) -> None:
        editor = self.window.current_editor()
        if editor is None:
            return
        if publish(editor.page):
            editor.form.load(editor.page, editor.suggestions, editor.completions)
            editor.modified_changed.emit(editor.page.modified)
            self.window.statusBar().showMessage("Published: draft is off and the date is now; save to keep it", 6000)

    def toggle_side_by_side(self, on: bool) -> None:
        editor = self.window.current_editor()
        model = self.window.model
        if editor is None or model is None or editor.path is None:
            return
        if not on:
            editor.show_source(None)
            return
        info = model.index.page_for_file(editor.path)
        if info is None:
            return
        group = {info.lang: info, **model.index.translations(info)}
        source = next((group[c] for c in model.site.language_codes if c in group and c != info.lang), None)
        if source is None:
            self.window.statusBar().showMessage("This page has no other language to compare with", 6000)
            return
        try:
            body = Page.load(model.site.root / source.path).body
        except WriterError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return
        editor.show_source(body, source.lang)
