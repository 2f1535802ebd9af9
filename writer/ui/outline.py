"""The outline panel: the page's headings; a click jumps to one."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def headings(body: str) -> list[tuple[int, int, str]]:
    """(level, 1-based line, text) of ATX headings outside code fences."""
    out = []
    fence: str | None = None
    for number, line in enumerate(body.split("\n"), start=1):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif line.strip().startswith(fence):
                fence = None
            continue
        if fence is None:
            heading = _HEADING.match(line.rstrip("\r"))
            if heading:
                out.append((len(heading.group(1)), number, heading.group(2)))
    return out


class OutlinePanel(QTreeWidget):
    line_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.itemClicked.connect(self._on_item_clicked)
        self._last: list[tuple[int, int, str]] = []

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.line_activated.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def update_from(self, body: str) -> None:
        found = headings(body)
        if found == self._last:
            return
        self._last = found
        self.clear()
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for level, line, text in found:
            item = QTreeWidgetItem([text])
            item.setData(0, Qt.ItemDataRole.UserRole, line)
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack:
                stack[-1][1].addChild(item)
            else:
                self.addTopLevelItem(item)
            stack.append((level, item))
        self.expandAll()
