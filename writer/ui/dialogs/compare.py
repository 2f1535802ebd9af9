"""Compare: the version on disk and yours side by side, changed words marked, and a choice of
either version for each change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from writer.core.merge import Change, Comparison, changed_words, compare
from writer.ui import messages

_LINE = {"theirs": QColor("#fde2e1"), "mine": QColor("#dcf5dc")}
_WORD = {"theirs": QColor("#f5a8a3"), "mine": QColor("#97db97")}


class CompareDialog(QDialog):
    """`merged()` is the text with each change taken from the ticked side (yours by default)."""

    def __init__(self, title: str, theirs: str, mine: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Compare — {title}")
        self.setSizeGripEnabled(True)
        self.resize(1100, 700)
        self.comparison: Comparison = compare(theirs, mine)
        self.theirs_view = self._pane(theirs)
        self.mine_view = self._pane(mine)
        self.changes = QListWidget()
        self.changes.setObjectName("compare-changes")
        for number, change in enumerate(self.comparison.changes, start=1):
            item = QListWidgetItem(self._describe(number, change))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.changes.addItem(item)
        self.changes.currentRowChanged.connect(self._show_change)
        panes = QSplitter(Qt.Orientation.Horizontal)
        for caption, view in (("On disk (theirs)", self.theirs_view), ("Yours", self.mine_view)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(messages.label(caption, bold=True))
            column.addWidget(view)
            panes.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        use = buttons.addButton("Use This Result", QDialogButtonBox.ButtonRole.AcceptRole)
        use.setObjectName("use-result")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(messages.label(
            "Each change is taken from your version when ticked, from the version on disk when not."))
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(panes)
        outer.addWidget(self.changes)
        outer.setStretchFactor(0, 4)
        outer.setStretchFactor(1, 1)
        layout.addWidget(outer)
        layout.addWidget(buttons)
        self._mark()

    @staticmethod
    def _pane(text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        return view

    def _describe(self, number: int, change: Change) -> str:
        comparison = self.comparison
        if change.t0 == change.t1:
            what = f"added by you: {''.join(comparison.mine[change.m0:change.m1]).strip()[:60]}"
        elif change.m0 == change.m1:
            what = f"only on disk: {''.join(comparison.theirs[change.t0:change.t1]).strip()[:60]}"
        else:
            what = f"changed: {''.join(comparison.mine[change.m0:change.m1]).strip()[:60]}"
        return f"{number}. line {change.m0 + 1}: {what}"

    def take_mine(self) -> list[bool]:
        return [self.changes.item(i).checkState() == Qt.CheckState.Checked for i in range(self.changes.count())]

    def merged(self) -> str:
        return self.comparison.merge(self.take_mine())

    def _mark(self) -> None:
        comparison = self.comparison
        marks: dict[str, list[QTextEdit.ExtraSelection]] = {"theirs": [], "mine": []}
        for change in comparison.changes:
            old = "".join(comparison.theirs[change.t0 : change.t1])
            new = "".join(comparison.mine[change.m0 : change.m1])
            words_old, words_new = changed_words(old, new)
            for side, view, lines, first, count, words in (
                ("theirs", self.theirs_view, comparison.theirs, change.t0, change.t1 - change.t0, words_old),
                ("mine", self.mine_view, comparison.mine, change.m0, change.m1 - change.m0, words_new),
            ):
                start = _position(lines, first)
                marks[side].extend(self._selections(view, side, first, count, start, words))
        self.theirs_view.setExtraSelections(marks["theirs"])
        self.mine_view.setExtraSelections(marks["mine"])

    @staticmethod
    def _selections(view: QPlainTextEdit, side: str, first: int, count: int, start: int,
                    words: list[tuple[int, int]]) -> list[QTextEdit.ExtraSelection]:
        out = []
        document = view.document()
        for number in range(first, first + count):
            block = document.findBlockByNumber(number)
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(_LINE[side])
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            out.append(selection)
        for a, b in words:
            selection = QTextEdit.ExtraSelection()
            word = QTextCharFormat()
            word.setBackground(_WORD[side])
            selection.format = word
            cursor = QTextCursor(document)
            cursor.setPosition(min(start + a, document.characterCount() - 1))
            cursor.setPosition(min(start + b, document.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            out.append(selection)
        return out

    def _show_change(self, row: int) -> None:
        if not 0 <= row < len(self.comparison.changes):
            return
        change = self.comparison.changes[row]
        for view, line in ((self.theirs_view, change.t0), (self.mine_view, change.m0)):
            block = view.document().findBlockByNumber(line)
            view.setTextCursor(QTextCursor(block))
            view.centerCursor()


def _position(lines: list[str], first: int) -> int:
    """Where line `first` starts in a text widget (every kind of line break is one character)."""
    before = lines[:first]
    return sum(len(line) for line in before) - sum(line.endswith("\r\n") for line in before)
