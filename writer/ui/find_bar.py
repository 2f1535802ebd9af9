"""Find and replace in the editor: plain text or regular expression, with or without case."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from writer.ui import messages


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: QPlainTextEdit | None = None
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Find")
        self.replace_edit = QLineEdit()
        self.replace_edit.setPlaceholderText("Replace with")
        self.regex = QCheckBox("Regex")
        self.case = QCheckBox("Match case")
        self.status = messages.label()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.find_edit, self.replace_edit, self.regex, self.case):
            layout.addWidget(widget)
        for text, slot in (("Previous", self.find_previous), ("Next", self.find_next),
                           ("Replace", self.replace_one), ("Replace all", self.replace_all),
                           ("×", self.hide_bar)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addWidget(self.status)
        self.find_edit.returnPressed.connect(self.find_next)

    def attach(self, editor: QPlainTextEdit | None) -> None:
        self.editor = editor

    def show_bar(self, replace: bool = False) -> None:
        self.show()
        if self.editor is not None and self.editor.textCursor().hasSelection():
            self.find_edit.setText(self.editor.textCursor().selectedText())
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()

    def hide_bar(self) -> None:
        self.hide()
        self.closed.emit()
        if self.editor is not None:
            self.editor.setFocus()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _pattern(self):
        text = self.find_edit.text()
        if not self.regex.isChecked():
            return text
        options = QRegularExpression.PatternOption.NoPatternOption
        if not self.case.isChecked():
            options |= QRegularExpression.PatternOption.CaseInsensitiveOption
        return QRegularExpression(text, options)

    def find(self, backward: bool = False) -> bool:
        if self.editor is None or not self.find_edit.text():
            return False
        doc = self.editor.document()
        pattern = self._pattern()
        if isinstance(pattern, QRegularExpression) and not pattern.isValid():
            self.status.setText("Invalid regular expression")
            return False
        cursor = doc.find(pattern, self.editor.textCursor(), self._flags(backward))
        if cursor.isNull():  # wrap around
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            cursor = doc.find(pattern, start, self._flags(backward))
        if cursor.isNull():
            self.status.setText("Not found")
            return False
        self.status.setText("")
        self.editor.setTextCursor(cursor)
        return True

    def find_next(self) -> bool:
        return self.find(False)

    def find_previous(self) -> bool:
        return self.find(True)

    def _replacement(self, matched: str) -> str:
        if not self.regex.isChecked():
            return self.replace_edit.text()
        expression = self._pattern()
        match = expression.match(matched)
        text = self.replace_edit.text()
        for group in range(expression.captureCount(), -1, -1):
            text = text.replace(f"\\{group}", match.captured(group))
        return text

    def replace_one(self) -> None:
        if self.editor is None:
            return
        cursor = self.editor.textCursor()
        if cursor.hasSelection() and self._selection_matches(cursor.selectedText()):
            cursor.insertText(self._replacement(cursor.selectedText()))
        self.find_next()

    def _selection_matches(self, selected: str) -> bool:
        pattern = self._pattern()
        if isinstance(pattern, QRegularExpression):
            match = pattern.match(selected)
            return match.hasMatch() and match.capturedLength() == len(selected)
        if self.case.isChecked():
            return selected == pattern
        return selected.lower() == pattern.lower()

    def replace_all(self) -> int:
        if self.editor is None or not self.find_edit.text():
            return 0
        doc = self.editor.document()
        pattern = self._pattern()
        cursor = QTextCursor(doc)
        count = 0
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        while True:
            cursor = doc.find(pattern, cursor, self._flags())
            if cursor.isNull() or not cursor.hasSelection():
                break
            cursor.insertText(self._replacement(cursor.selectedText()))
            count += 1
        edit.endEditBlock()
        self.status.setText(f"{count} replaced")
        return count
