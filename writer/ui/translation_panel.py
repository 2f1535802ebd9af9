"""The translation status panel: pages missing a language, translations older than their source."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from writer.core.hugo.index import ContentIndex
from writer.core.hugo.translate import translation_status
from writer.ui import messages

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class TranslationPanel(QTreeWidget):
    page_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(["Page", "Missing", "Older than source"])
        self.setRootIsDecorated(False)
        self.itemActivated.connect(self._on_item)
        self.itemClicked.connect(self._on_item)

    def load(self, index: ContentIndex) -> None:
        self.clear()
        for status in translation_status(index):
            page = status.source
            item = QTreeWidgetItem([
                f"{page.title or page.path} ({page.lang.upper()})",
                " ".join(code.upper() for code in status.missing),
                " ".join(p.lang.upper() for p in status.outdated),
            ])
            item.setData(0, PATH_ROLE, page.path)
            item.setToolTip(0, messages.tip(page.path))
            self.addTopLevelItem(item)
            for old in status.outdated:
                child = QTreeWidgetItem([f"{old.lang.upper()} · {old.title or old.path}", "", "older"])
                child.setData(0, PATH_ROLE, old.path)
                item.addChild(child)
        self.resizeColumnToContents(1)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.page_activated.emit(str(path))
