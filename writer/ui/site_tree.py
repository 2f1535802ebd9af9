"""The site tree: sections and pages, translations grouped under one entry, drafts marked."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from writer.core.hugo.drafts import page_states
from writer.core.hugo.index import ContentIndex, PageInfo
from writer.ui import messages

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2


def _section_of(page: PageInfo) -> str:
    parts = page.logical.split("/")
    if page.kind == "home":
        return ""
    return parts[0] if len(parts) > 1 or page.kind == "section" else ""


class SiteTree(QWidget):
    """Emits `page_activated(path)` with a site-relative path."""

    page_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter pages…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.state = QComboBox()
        for text, data in (("All pages", ""), ("Drafts", "draft"), ("Future-dated", "future"),
                           ("Expired", "expired"), ("Published", "published")):
            self.state.addItem(text, data)
        self.state.currentIndexChanged.connect(lambda _i: self.apply_filter(self.filter.text()))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Page", "Languages"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.state)
        layout.addLayout(row)
        layout.addWidget(self.tree)
        self.index: ContentIndex | None = None

    def load(self, index: ContentIndex) -> None:
        self.index = index
        self.tree.clear()
        languages = index.site.language_codes
        groups: dict[str, list[PageInfo]] = defaultdict(list)
        for page in index.pages:
            groups[page.translation_key].append(page)
        sections: dict[str, QTreeWidgetItem] = {}
        for pages in sorted(groups.values(), key=lambda ps: _sort_key(ps, languages)):
            pages.sort(key=lambda p: languages.index(p.lang) if p.lang in languages else 99)
            main = pages[0]
            section = _section_of(main)
            parent = sections.get(section)
            if parent is None:
                parent = QTreeWidgetItem([section or "(site root)", ""])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                self.tree.addTopLevelItem(parent)
                sections[section] = parent
            self._add_group(parent, pages)
        self.tree.expandAll()
        self.apply_filter(self.filter.text())

    def _add_group(self, parent: QTreeWidgetItem, pages: list[PageInfo]) -> None:
        main = pages[0]
        badges = " ".join(p.lang.upper() for p in pages)
        item = QTreeWidgetItem([_label(main), badges])
        item.setData(0, PATH_ROLE, main.path)
        item.setData(0, STATE_ROLE, ",".join(sorted(set().union(*(page_states(p) for p in pages)))))
        item.setToolTip(0, messages.tip(main.path))
        _mark(item, main)
        parent.addChild(item)
        if len(pages) > 1:
            for page in pages:
                child = QTreeWidgetItem([f"{page.lang.upper()} · {_label(page)}", page.lang.upper()])
                child.setData(0, PATH_ROLE, page.path)
                child.setToolTip(0, messages.tip(page.path))
                _mark(child, page)
                item.addChild(child)
            item.setExpanded(False)

    def apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            any_visible = False
            for j in range(section.childCount()):
                group = section.child(j)
                hay = " ".join(
                    [group.text(0), str(group.data(0, PATH_ROLE))]
                    + [f"{group.child(k).text(0)} {group.child(k).data(0, PATH_ROLE)}"
                       for k in range(group.childCount())]
                ).lower()
                visible = (not needle or needle in hay) and self._state_matches(group)
                group.setHidden(not visible)
                any_visible = any_visible or visible
            section.setHidden(not any_visible)

    def _state_matches(self, group: QTreeWidgetItem) -> bool:
        wanted = self.state.currentData()
        states = set(filter(None, str(group.data(0, STATE_ROLE) or "").split(",")))
        if not wanted:
            return True
        return not states if wanted == "published" else wanted in states

    def select_path(self, path: str) -> None:
        for item in self._items():
            if item.data(0, PATH_ROLE) == path:
                self.tree.setCurrentItem(item)
                return

    def visible_paths(self) -> list[str]:
        return [
            str(item.data(0, PATH_ROLE))
            for item in self._items()
            if item.data(0, PATH_ROLE) and not _hidden(item)
        ]

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack.extend(item.child(k) for k in range(item.childCount()))
        return out

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.page_activated.emit(str(path))


def _hidden(item: QTreeWidgetItem) -> bool:
    while item is not None:
        if item.isHidden():
            return True
        item = item.parent()
    return False


def _label(page: PageInfo) -> str:
    if page.title:
        return page.title
    return page.content_path.rsplit("/", 1)[-1]


def _mark(item: QTreeWidgetItem, page: PageInfo) -> None:
    if page.draft:
        font = QFont(item.font(0))
        font.setItalic(True)
        item.setFont(0, font)
        item.setText(0, item.text(0) + "  (draft)")
        item.setForeground(0, QBrush(QColor("#8a8a8a")))
    if page.error is not None:
        item.setForeground(0, QBrush(QColor("#c0392b")))
        item.setToolTip(0, messages.tip(f"{page.path}\n{page.error.message}"))


def _sort_key(pages: list[PageInfo], languages: list[str]) -> tuple:
    main = min(pages, key=lambda p: languages.index(p.lang) if p.lang in languages else 99)
    order = {"home": 0, "section": 1, "page": 2}[main.kind]
    return (_section_of(main), order, _label(main).lower())
