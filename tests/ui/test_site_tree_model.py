"""The site tree as a model/view tree (issue 17): sections list their first pages and a "more"
row; the writer's scrolling or a click brings the rest; the filter and selection reach every
page, shown yet or not."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSlider

from writer.core.hugo.index import ContentIndex, PageInfo
from writer.core.hugo.site import Site
from writer.ui import site_tree
from writer.ui.site_tree import SiteTree


def _index(tmp_path: Path, per_section: int) -> ContentIndex:
    (tmp_path / "hugo.toml").write_text('defaultContentLanguage = "de"\n[languages.de]\n[languages.en]\n')
    site = Site.open(tmp_path)
    pages = []
    for section in ("blog", "docs"):
        for n in range(per_section):
            for lang in ("de", "en"):
                logical = f"{section}/seite-{n:04d}"
                pages.append(PageInfo(
                    path=f"content/{logical}/index.{lang}.md", content_path=f"{logical}/index.{lang}.md",
                    lang=lang, kind="page", bundle="leaf", title=f"Seite {n:04d} {lang}", draft=n % 7 == 0,
                    date=None, permalink=f"/{logical}/", logical=logical, translation_key=f"page:{logical}"))
    return ContentIndex(site, pages, [])


@pytest.fixture()
def tree(qtbot, tmp_path) -> SiteTree:
    widget = SiteTree()
    qtbot.addWidget(widget)
    widget.resize(320, 400)
    widget.show()
    widget.load(_index(tmp_path, 1200))
    return widget


def test_a_section_shows_its_first_pages_then_more_as_the_writer_scrolls(tree, qtbot) -> None:
    model = tree.model
    blog = model.top[0]
    assert model.rowCount(model.index_of(blog)) == site_tree.FIRST_ROWS + 1  # and the "more" row
    more = model.index(site_tree.FIRST_ROWS, 0, model.index_of(blog))
    assert "700 more pages" in more.data()
    assert len(set(tree.visible_paths())) == 4800  # every page, shown yet or not
    tree.tree.scrollTo(more)  # a jump puts nothing in (it would push a selected page away)
    qtbot.wait(20)
    assert model.shown_pages(blog) == site_tree.FIRST_ROWS
    tree.tree.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
    qtbot.waitUntil(lambda: model.shown_pages(blog) == 1200)
    assert model.rowCount(model.index_of(blog)) == 1200  # all shown: no "more" row left
    docs = model.index_of(model.top[1])
    clicked: list[str] = []
    tree.page_activated.connect(clicked.append)
    tree._on_index(model.index(site_tree.FIRST_ROWS, 0, docs))  # a click on "more"
    assert model.shown_pages(model.top[1]) == 1200 and clicked == []


def test_the_filter_and_a_selection_reach_pages_below_the_more_row(tree) -> None:
    tree.filter.setText("seite 11")  # Seite 1100-1199 and Seite 0011, 0110-0119 ... in both sections
    paths = set(tree.visible_paths())
    assert "content/docs/seite-1150/index.en.md" in paths and "content/blog/seite-0500/index.de.md" not in paths
    tree.filter.setText("")
    tree.select_path("content/docs/seite-1150/index.en.md")
    current = tree.tree.currentIndex()
    assert current.data(site_tree.PATH_ROLE) == "content/docs/seite-1150/index.en.md"
    assert current.data() == "EN · Seite 1150 en" and tree.tree.isExpanded(current.parent())
    assert tree.tree.viewport().rect().intersects(tree.tree.visualRect(current))  # scrolled into view
    tree.state.setCurrentIndex(tree.state.findData("draft"))
    drafts = {p for p in tree.visible_paths() if p.endswith(".de.md")}
    assert len(drafts) == 2 * len(range(0, 1200, 7))
    assert tree.model.match(tree.model.index(0, 0), Qt.ItemDataRole.DisplayRole, "Seite 0007 de  (draft)", 1,
                            Qt.MatchFlag.MatchRecursive)
