"""The translation status panel: pages missing a language, translations older than their source."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from writer.core.hugo.index import ContentIndex
from writer.core.hugo.translate import TranslationStatus, translation_status
from writer.ui import messages

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN = 1000  # a big site's list stays quick to build; the tree's filter finds the rest


class TranslationPanel(QTreeWidget):
    page_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(["Page", "Missing", "Older than source"])
        self.setRootIsDecorated(False)
        self.itemActivated.connect(self._on_item)
        self.itemClicked.connect(self._on_item)

    def load(self, index: ContentIndex, statuses: list[TranslationStatus] | None = None) -> None:
        """The pages missing a language or with older translations (`statuses` worked out
        beforehand, off the UI thread, or here); at most SHOWN of them, then how many more."""
        self.clear()
        statuses = translation_status(index) if statuses is None else statuses
        for status in statuses[:SHOWN]:
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
        if len(statuses) > SHOWN:
            more = QTreeWidgetItem([f"… and {len(statuses) - SHOWN:,} more pages", "", ""])
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(more)
        self.resizeColumnToContents(1)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.page_activated.emit(str(path))
