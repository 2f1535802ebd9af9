"""Insert a link to a page: a fuzzy picker over the site, then optionally one of its headings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from writer.core.hugo.index import PageInfo
from writer.core.hugo.linking import heading_anchors, pick_pages, relref_markdown, site_ref_style
from writer.core.hugo.render_context import SiteModel
from writer.ui import messages

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkDialog(QDialog):
    def __init__(self, model: SiteModel, current: PageInfo | None, selected_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link to a Page")
        self.resize(640, 480)
        self.model, self.current, self.selected_text = model, current, selected_text
        self.style = site_ref_style(model.index)
        self.markdown = ""
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type to search titles, sections and paths…")
        self.results = QListWidget()
        self.anchor = QComboBox()
        self.text_edit = QLineEdit(selected_text)
        self.text_edit.setPlaceholderText("Link text (the page's title when empty)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.insert)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Heading", self.anchor)
        form.addRow("Text", self.text_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh)
        self.results.currentItemChanged.connect(self._on_results_current_changed)
        self.results.itemActivated.connect(lambda _item: self.insert())
        self.refresh("")

    def refresh(self, query: str) -> None:
        self.results.clear()
        for page in pick_pages(self.model.index, query, self.current):
            section = page.logical.rsplit("/", 1)[0] if "/" in page.logical else ""
            label = f"{page.title or page.path}    —  {section or '/'} · {page.lang.upper()}"
            item = QListWidgetItem(label)
            item.setToolTip(messages.tip(page.path))
            item.setData(PAGE_ROLE, page.path)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def chosen(self) -> PageInfo | None:
        item = self.results.currentItem()
        return self.model.index.get(item.data(PAGE_ROLE)) if item else None

    def _on_results_current_changed(self, *_args) -> None:
        self.anchor.clear()
        self.anchor.addItem("(the top of the page)", "")
        page = self.chosen()
        if page is None:
            return
        for level, text, ident in heading_anchors(self.model.index, page, self.model.renderer):
            self.anchor.addItem(f"{'  ' * (level - 1)}{text}", ident)

    def insert(self) -> None:
        page = self.chosen()
        if page is None:
            return
        lang = page.lang if self.current is not None and page.lang != self.current.lang else None
        text = self.text_edit.text().strip() or page.title or page.logical
        self.markdown = relref_markdown(text, self.style.path_for(page), self.anchor.currentData() or "", lang)
        self.accept()
