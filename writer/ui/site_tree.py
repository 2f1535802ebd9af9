"""The site tree: sections and pages, translations grouped under one entry, drafts marked.

A model/view tree: the rows are plain Python objects built once per index (off the UI thread
when the window indexes in the background). The filter box walks precomputed lower-case texts;
a section then lists its first matching pages and a "more" row that brings the next ones when
scrolled into view, so the view never lays out tens of thousands of rows at once (a tree view
asks the model about every row of an open section)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from writer.core.hugo.drafts import page_states
from writer.core.hugo.index import ContentIndex, PageInfo
from writer.ui import messages
from writer.ui.workers import release_off_ui_thread

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument

_GREY = QBrush(QColor("#8a8a8a"))
_RED = QBrush(QColor("#c0392b"))


class Row:
    """One line of the tree: a section, a page (or a group of translations) or one translation."""

    __slots__ = ("id", "parent", "row", "label", "badges", "path", "states", "tip", "draft", "error",
                 "children", "shown", "hay")

    def __init__(self, parent: Row | None, label: str, badges: str = "", path: str = "",
                 tip: str = "", draft: bool = False, error: bool = False) -> None:
        self.id = 0
        self.parent = parent
        self.row = 0
        self.label = label
        self.badges = badges
        self.path = path
        self.states = ""
        self.tip = tip
        self.draft = draft
        self.error = error
        self.children: list[Row] = []
        self.shown: list[Row] = []  # the children that pass the filter
        self.hay = ""


def _section_of(page: PageInfo) -> str:
    parts = page.logical.split("/")
    if page.kind == "home":
        return ""
    return parts[0] if len(parts) > 1 or page.kind == "section" else ""


class TreeRows:
    """The tree's sections with their pages, every row numbered (its id), and each section's
    "more" row: built off the UI thread, shown by the model without another pass over them."""

    def __init__(self, sections: list[Row]) -> None:
        self.sections = sections
        rows: list[Row | None] = [None]  # id 0: the invisible root
        self.more: dict[int, Row] = {}
        for section in sections:
            section.id = len(rows)
            rows.append(section)
            more = self.more[section.id] = Row(section, "")
            more.id = len(rows)
            rows.append(more)
            for group in section.children:
                group.id = len(rows)
                rows.append(group)
                for number, child in enumerate(group.children):
                    child.id = len(rows)
                    child.row = number
                    rows.append(child)
                group.shown = group.children
        self.rows = rows


def build_rows(index: ContentIndex) -> TreeRows:
    """The tree's rows for an index (plain Python, safe off the UI thread)."""
    return TreeRows(_sections(index))


def _sections(index: ContentIndex) -> list[Row]:
    languages = index.site.language_codes
    order = {code: i for i, code in enumerate(languages)}
    groups: dict[str, list[PageInfo]] = defaultdict(list)
    for page in index.pages:
        groups[page.translation_key].append(page)
    sections: dict[str, Row] = {}
    out: list[Row] = []
    for pages in sorted(groups.values(), key=lambda ps: _sort_key(ps, order)):
        pages.sort(key=lambda p: order.get(p.lang, 99))
        section = _section_of(pages[0])
        parent = sections.get(section)
        if parent is None:
            parent = sections[section] = Row(None, section or "(site root)")
            out.append(parent)
        parent.children.append(_group(parent, pages))
    return out


def _group(parent: Row, pages: list[PageInfo]) -> Row:
    main = pages[0]
    item = _page_row(parent, main, _label(main), " ".join(p.lang.upper() for p in pages))
    item.states = ",".join(sorted(set().union(*(page_states(p) for p in pages))))
    hay = [item.label, main.path]
    if len(pages) > 1:
        for page in pages:
            child = _page_row(item, page, f"{page.lang.upper()} · {_label(page)}", page.lang.upper())
            item.children.append(child)
            hay += [child.label, page.path]
    item.hay = " ".join(hay).lower()
    return item


def _page_row(parent: Row, page: PageInfo, label: str, badges: str) -> Row:
    tip = page.path if page.error is None else f"{page.path}\n{page.error.message}"
    if page.draft:
        label += "  (draft)"
    return Row(parent, label, badges, page.path, tip, page.draft, page.error is not None)


def _label(page: PageInfo) -> str:
    if page.title:
        return page.title
    return page.content_path.rsplit("/", 1)[-1]


def _sort_key(pages: list[PageInfo], order: dict[str, int]) -> tuple:
    main = min(pages, key=lambda p: order.get(p.lang, 99))
    kind = {"home": 0, "section": 1, "page": 2}[main.kind]
    return (_section_of(main), kind, _label(main).lower())


FIRST_ROWS = 500  # a section shows this many pages at first; more as the writer scrolls to them
MORE_ROWS = 2000


class SiteTreeModel(QAbstractItemModel):
    """Rows by id (a QModelIndex carries the id of its row). A section lists its first pages
    and a "more" row; scrolling to that row (or clicking it) shows the next ones, so that the
    view never lays out tens of thousands of rows at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections: list[Row] = []
        self.top: list[Row] = []  # the sections that pass the filter
        self.rows: list[Row | None] = [None]  # id -> row (0: the invisible root)
        self.matches: dict[int, list[Row]] = {}  # section id -> its pages that pass the filter
        self.more: dict[int, Row] = {}  # section id -> its "more" row
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_rows(self, tree: TreeRows, needle: str, state: str) -> None:
        self.beginResetModel()
        release_off_ui_thread((self.sections, self.rows, self.matches, self.more))  # a big site's rows
        self.sections, self.rows, self.more = tree.sections, tree.rows, tree.more
        self._filter(needle, state)
        self.endResetModel()

    def filter(self, needle: str, state: str) -> None:
        self.beginResetModel()
        self._filter(needle, state)
        self.endResetModel()

    def _filter(self, needle: str, state: str) -> None:
        top: list[Row] = []
        self.matches = {}
        for section in self.sections:
            children = section.children
            if needle:
                children = [g for g in children if needle in g.hay]
            if state == "published":
                children = [g for g in children if not g.states]
            elif state:
                children = [g for g in children if state in g.states]
            self.matches[section.id] = children
            self._show_first(section, FIRST_ROWS)
            if children:
                section.row = len(top)
                top.append(section)
        self.top = top

    def _show_first(self, section: Row, count: int) -> None:
        matches = self.matches[section.id]
        shown = matches[:count]
        for number, group in enumerate(shown):
            group.row = number
        rest = len(matches) - len(shown)
        if rest > 0:
            more = self.more[section.id]
            more.label = f"… {rest:,} more pages (scroll on or click to show them)"
            more.row = len(shown)
            shown = [*shown, more]
        section.shown = shown

    def shown_pages(self, section: Row) -> int:
        """How many of a section's matching pages are rows now."""
        shown = section.shown
        return len(shown) - (1 if shown and shown[-1] is self.more.get(section.id) else 0)

    def show_more(self, section: Row, at_least: int = 0) -> bool:
        """Show the next pages of a section (at least up to `at_least`); False when all show."""
        matches = self.matches.get(section.id, [])
        now = self.shown_pages(section)
        if now >= len(matches):
            return False
        want = min(len(matches), max(now + MORE_ROWS, at_least + 1))
        parent = self.index_of(section)
        had_more = now < len(section.shown)
        self.beginInsertRows(parent, now, want - 1)
        for number in range(now, want):
            matches[number].row = number
        section.shown = [*matches[:want], *section.shown[now:]]
        if had_more:
            self.more[section.id].row = want
        self.endInsertRows()
        more = self.more[section.id]
        if want >= len(matches) and had_more:
            self.beginRemoveRows(parent, want, want)
            section.shown = matches[:want]
            self.endRemoveRows()
        elif had_more:
            more.label = f"… {len(matches) - want:,} more pages (scroll on or click to show them)"
            index = self.index_of(more)
            self.dataChanged.emit(index, index)
        return True

    # -- QAbstractItemModel -------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        kids = self.rows[parent.internalId()].shown if parent.isValid() else self.top  # type: ignore[union-attr]
        if 0 <= row < len(kids) and 0 <= column < 2:
            return self.createIndex(row, column, kids[row].id)
        return QModelIndex()

    def parent(self, child: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        row = self.rows[child.internalId()] if child.isValid() else None
        if row is None or row.parent is None:
            return QModelIndex()
        return self.createIndex(row.parent.row, 0, row.parent.id)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self.top)
        return len(self.rows[parent.internalId()].shown) if parent.column() == 0 else 0  # type: ignore[union-attr]

    def hasChildren(self, parent: _Index = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Page", "Languages")[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.internalId()] if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label if column == 0 else row.badges
        if column != 0:
            return None
        if role == PATH_ROLE:
            return row.path or None
        if role == STATE_ROLE:
            return row.states
        if role == Qt.ItemDataRole.ToolTipRole:
            return messages.tip(row.tip) if row.tip else None
        if row.parent is None:  # a section
            return self._bold if role == Qt.ItemDataRole.FontRole else None
        faint = row.draft or not row.path  # a draft, or a section's "more" row
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if faint else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _RED if row.error else (_GREY if faint else None)
        return None

    def index_of(self, row: Row) -> QModelIndex:
        return self.createIndex(row.row, 0, row.id)

    def section_of_more(self, index: QModelIndex) -> Row | None:
        """The section whose "more" row `index` is."""
        row = self.rows[index.internalId()] if index.isValid() else None
        if row is not None and row.parent is not None and self.more.get(row.parent.id) is row:
            return row.parent
        return None

    def visible(self) -> Iterator[Row]:
        """Every page row that passes the filter (shown yet or below a "more" row), with its
        section first, depth first."""
        for section in self.top:
            yield section
            for group in self.matches.get(section.id, ()):
                yield group
                yield from group.shown

    def find(self, path: str) -> Row | None:
        """The row of a page that passes the filter, its section's rows extended to it."""
        for section in self.top:
            for number, group in enumerate(self.matches.get(section.id, ())):
                hit = group if group.path == path else next((c for c in group.shown if c.path == path), None)
                if hit is not None:
                    if number >= self.shown_pages(section):
                        self.show_more(section, number)
                    return hit
        return None


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
        self.model = SiteTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # the view lays out only the rows it shows
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(100)  # the first rows tell the width: no pass over all
        self.tree.activated.connect(self._on_index)
        self.tree.clicked.connect(self._on_index)
        # the writer's own scrolling (wheel, bar, keys on the bar) brings more rows; a jump to a
        # selected page does not (rows put in above it would push it out of view)
        self.tree.verticalScrollBar().actionTriggered.connect(lambda _a: self._fill_in())
        self._fill_timer = QTimer(self, singleShot=True, interval=0)
        self._fill_timer.timeout.connect(self._fill_in_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.state)
        layout.addLayout(row)
        layout.addWidget(self.tree)
        self.index: ContentIndex | None = None

    def load(self, index: ContentIndex, rows: TreeRows | None = None) -> None:
        """Show a site's pages (`rows` built beforehand, off the UI thread, or here)."""
        self.index = index
        current = self.current_path()
        self.model.set_rows(build_rows(index) if rows is None else rows, *self._wanted())
        self._expand_sections()
        if current:
            self.select_path(current)

    def _wanted(self) -> tuple[str, str]:
        return self.filter.text().strip().lower(), str(self.state.currentData() or "")

    def apply_filter(self, _text: str = "") -> None:
        current = self.current_path()
        self.model.filter(*self._wanted())
        self._expand_sections()
        if current:
            self.select_path(current, scroll=False)

    def _expand_sections(self) -> None:
        self.tree.expandToDepth(0)  # sections open, translations folded
        self._fill_in()

    def _fill_in(self) -> None:
        self._fill_timer.start()

    def _fill_in_now(self) -> None:
        """Show the next pages of a section whose "more" row has come into view."""
        area = self.tree.viewport().rect()
        for section_id, more in self.model.more.items():
            section = self.model.rows[section_id]
            if section is None or not section.shown or section.shown[-1] is not more or section not in self.model.top:
                continue
            rect = self.tree.visualRect(self.model.index_of(more))
            if rect.isValid() and rect.intersects(area) and self.model.show_more(section):
                self._fill_in()
                return

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fill_in()

    def current_path(self) -> str:
        return str(self.tree.currentIndex().data(PATH_ROLE) or "")

    def select_path(self, path: str, *, scroll: bool = True) -> None:
        row = self.model.find(path) if path else None
        if row is not None:
            index = self.model.index_of(row)
            if row.parent is not None and row.parent.parent is not None:  # a translation: open its group
                self.tree.expand(index.parent())
            self.tree.setCurrentIndex(index)
            if scroll:
                self.tree.scrollTo(index)

    def visible_paths(self) -> list[str]:
        """The pages the tree shows now (translations of a folded group included)."""
        return [row.path for row in self.model.visible() if row.path]

    def _on_index(self, index: QModelIndex) -> None:
        section = self.model.section_of_more(index)
        if section is not None:
            self.model.show_more(section)
            return
        path = index.data(PATH_ROLE)
        if path:
            self.page_activated.emit(str(path))
