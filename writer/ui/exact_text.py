"""Keep the exact text behind a QPlainTextEdit from its edit deltas (see core/sourcetext.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from writer.core.sourcetext import SourceText


class ExactText(QObject):
    """The widget shows `display()`; `text()` is the original text with only the writer's
    edits applied (no U+00A0 turned into a space, no line break style evened out)."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self.source = SourceText("")
        self._loading = False
        edit.document().contentsChange.connect(self._on_document_contents_change)

    def set_text(self, text: str, newline: str = "\n") -> None:
        self.source = SourceText(text, newline)
        self._loading = True
        try:
            self.edit.setPlainText(self.source.display())
        finally:
            self._loading = False

    def text(self) -> str:
        return self.source.text()

    def display(self) -> str:
        return self.source.display()

    def _on_document_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._loading:
            return
        document = self.edit.document()
        end = min(position + added, document.characterCount() - 1)
        block = document.findBlock(position)
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(max(end, position), QTextCursor.MoveMode.KeepAnchor)
        self.source.apply(block.blockNumber(), position - block.position(), removed, cursor.selectedText())
