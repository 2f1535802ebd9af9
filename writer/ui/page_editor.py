"""One open page: its front matter form above its Markdown editor, over a core Page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from writer.core.document import Page, raw_block_problem
from writer.core.errors import WriterError
from writer.core.paragraphs import line_of_paragraph, paragraph_at, paragraph_starts
from writer.ui import messages
from writer.ui.editor import MarkdownEditor
from writer.ui.exact_text import ExactText
from writer.ui.front_matter_form import FrontMatterForm


class PageEditor(QWidget):
    """Owns a `Page`; every form or body edit goes through the lossless core."""

    modified_changed = Signal(bool)
    body_edited = Signal()
    edited = Signal()  # any edit, of the body or of the front matter
    edit_failed = Signal(str)

    def __init__(self, page: Page, theme: str = "light", parent: QWidget | None = None, large: bool = False) -> None:
        super().__init__(parent)
        self.page = page
        self.large = large
        self.form = FrontMatterForm()
        self.editor = MarkdownEditor(theme=theme)
        if large:
            self.editor.highlighter.setDocument(None)  # highlighting 50 MB would freeze the window
        self.editor.setObjectName("markdown-editor")
        self.exact = ExactText(self.editor)  # the page's own text: no character normalised
        self.source_view = QPlainTextEdit()
        self.source_view.setObjectName("source-language")
        self.source_view.setReadOnly(True)
        self.source_view.setFont(self.editor.font())
        self.source_caption = messages.label(bold=True)  # "Source: DE (read-only)"
        self.source_box = QWidget()
        source_layout = QVBoxLayout(self.source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(self.source_caption)
        source_layout.addWidget(self.source_view)
        self.source_box.hide()  # no highlighter, no spelling: the page's checker is another language's
        self.source_lang = ""
        self.text_row = QSplitter(Qt.Orientation.Horizontal)
        self.text_row.addWidget(self.source_box)
        self.text_row.addWidget(self.editor)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.form)
        self.splitter.addWidget(self.text_row)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._loading = False
        self._plain: str | None = None  # the editor's text, cached until the next edit
        self._was_modified = False
        self.spell = None  # the page language's SpellChecker, set by the window
        self.missing_on_disk = False
        self.open_elsewhere = False  # the page is open in another Writer window too
        self.safe_mode = False  # it crashed Writer while opening last time: no form, no preview
        self.read_only = ""  # the reason, when the page can be read but not saved
        self.suggestions: dict[str, Any] = {}
        self.completions: dict[str, list[str]] = {}
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.editor.verticalScrollBar().valueChanged.connect(self._follow_with_source)
        self.form.field_edited.connect(self._on_form_field_edited)
        self.form.field_removed.connect(self._on_form_field_removed)
        self.form.field_added.connect(self._on_form_field_added)
        self.form.raw_applied.connect(self._on_form_raw_applied)
        self._load_body()

    @property
    def path(self) -> Path | None:
        return self.page.path

    def set_form_data(self, suggestions: dict[str, Any], completions: dict[str, list[str]]) -> None:
        self.suggestions, self.completions = suggestions, completions
        self.form.load(self.page, suggestions, completions)

    def _reload_form(self) -> None:
        if self.safe_mode:
            self.form.load_raw_only(self.page)
        else:
            self.form.load(self.page, self.suggestions, self.completions)

    def _load_body(self) -> None:
        self._loading = True
        self.exact.set_text(self.page.body, self.page.newline)
        self._plain = None
        self._loading = False

    def body_text(self) -> str:
        """The editor's text with `\n` line breaks (positions are the editor's), every other
        character as in the page; built once per edit."""
        if self._plain is None:
            self._plain = self.exact.display()
        return self._plain

    # -- edits ----------------------------------------------------------------

    def _on_editor_text_changed(self) -> None:
        # Re-highlighting (spelling underlines arriving, a theme change) also signals a change
        # of the document; only real edits reach the page and the preview.
        if self._loading or self.editor.highlighter.rechecking:
            return
        self._plain = None
        self.page.set_body(self.exact.text(), exact=True)
        self.body_edited.emit()
        self._check_modified()

    def _on_form_field_edited(self, key: str, value: Any) -> None:
        try:
            self.page.set(key, value)
        except (WriterError, ValueError) as exc:
            self.edit_failed.emit(str(exc))
        self._check_modified()

    def _on_form_field_removed(self, key: str) -> None:
        try:
            self.page.delete(key)
        except (WriterError, ValueError) as exc:
            self.edit_failed.emit(str(exc))
        self._reload_form()
        self._check_modified()

    def _on_form_field_added(self, key: str) -> None:
        try:
            if self.page.get(key) is None:
                self.page.set(key, "")
        except (WriterError, ValueError) as exc:
            self.edit_failed.emit(str(exc))
        self._reload_form()
        self._check_modified()

    def _on_form_raw_applied(self, text: str) -> None:
        newline = self.page.newline
        block = text
        if block and not block.endswith(("\n", "\r")):
            block += newline
        problem = raw_block_problem(block)
        if problem:
            self.edit_failed.emit(
                f"The raw front matter was not applied: {problem}. Your text is still in the Raw tab.")
            return  # the Raw tab keeps what was typed
        self.page.set_front_matter_text(block)
        self._reload_form()
        self._check_modified()

    def _check_modified(self) -> None:
        self.edited.emit()
        modified = self.page.modified
        if modified != self._was_modified:
            self._was_modified = modified
            self.modified_changed.emit(modified)

    # -- side by side with the source language ------------------------------------------

    def show_source(self, body: str | None, lang: str = "") -> None:
        """Show the source language's body read-only beside the editor (None hides it)."""
        if body is None:
            self.source_box.hide()
            self.source_lang = ""
            return
        self.source_lang = lang
        self.source_view.setPlainText(body.replace("\r\n", "\n"))
        self.source_caption.setText(f"Source: {lang.upper()} (read-only)")
        self.source_view.setToolTip(messages.tip(f"Source language: {lang.upper()} (read-only)"))
        self.source_box.show()
        self._follow_with_source()

    def _follow_with_source(self, *_args) -> None:
        if not self.source_view.isVisible():
            return
        line = self.editor.firstVisibleBlock().blockNumber()
        index = paragraph_at(paragraph_starts(self.editor.toPlainText()), line)
        target = line_of_paragraph(paragraph_starts(self.source_view.toPlainText()), index)
        self.source_view.verticalScrollBar().setValue(target)

    def save(self) -> Path:
        """Write the page atomically; raises OSError with the text kept in the editor."""
        path = self.page.save()
        self._check_modified()
        return path

    def set_read_only(self, reason: str) -> None:
        self.read_only = reason
        self.editor.setReadOnly(True)
        self.form.setEnabled(False)
        self.setToolTip(messages.tip(reason))

    def replace_text(self, text: str) -> None:
        """Put a whole text (a recovered one) into the editor; the file is written on save."""
        self.page.set_text(text)
        self._load_body()
        self._reload_form()
        self.body_edited.emit()  # the preview, word count and outline follow the new text
        self._check_modified()

    def reload_from_disk(self) -> None:
        assert self.page.path is not None
        self.page = Page.load(self.page.path)
        self._load_body()
        self._reload_form()
        self.body_edited.emit()
        self._check_modified()
