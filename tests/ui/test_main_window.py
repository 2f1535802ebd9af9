"""The writing window, driven as a writer would (offscreen)."""

from __future__ import annotations

import difflib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox

from writer.ui.page_editor import PageEditor


def _open(window, site, rel: str) -> PageEditor:
    window.open_site(site)
    editor = window.open_page(rel)
    assert isinstance(editor, PageEditor)
    return editor


def _preview_text(window, qtbot) -> str:
    out: list[str] = []
    window.preview.text(out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=3000)
    return out[0]


def test_site_tree_groups_translations_and_marks_drafts(window, site) -> None:
    window.open_site(site)
    paths = window.site_tree.visible_paths()
    assert "content/docs/install.md" in paths and "content/docs/install.fr.md" in paths
    model = window.site_tree.model
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    items = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, "Installation", -1, flags)
    assert len(items) == 1 and items[0].siblingAtColumn(1).data() == "DE EN FR"
    assert model.rowCount(items[0]) == 3
    assert model.index(0, 0, items[0]).data() == "DE · Installation"
    drafts = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, "JSON Seite  (draft)", -1, flags)
    assert drafts and drafts[0].data(Qt.ItemDataRole.FontRole).italic()
    assert window.site_tree.tree.isExpanded(items[0].parent()) and not window.site_tree.tree.isExpanded(items[0])
    window.site_tree.filter.setText("klammern")
    assert window.site_tree.visible_paths() == ["content/[alt] Seite mit Klammern/Ä Page.md"]


def test_typing_updates_the_preview(window, site, qtbot) -> None:
    editor = _open(window, site, "content/docs/install.md")
    with qtbot.waitSignal(window.preview_updated, timeout=5000):
        pass
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.preview_updated, timeout=5000):
        qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.editor, "Neuer Absatz mit Wort")
    assert "Neuer Absatz mit Wort" in _preview_text(window, qtbot)
    assert window.tabs.tabText(0).startswith("● ")


def test_form_edit_and_save_changes_exactly_that_line(window, site, qtbot) -> None:
    rel = "content/odd.de.md"
    before = (site / rel).read_text(encoding="utf-8")
    editor = _open(window, site, rel)
    title = editor.form.editors["title"]
    assert isinstance(title, QLineEdit)
    title.selectAll()
    qtbot.keyClicks(title, "Neuer Titel")
    seo = editor.form.editors["seo.title"]
    assert isinstance(seo, QLineEdit)
    assert editor.form.hints["seo.title"].text() == "0/60"
    assert window.save_current()
    after = (site / rel).read_text(encoding="utf-8")
    diff = [d for d in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
            if d[:1] in "+-" and not d.startswith(("+++", "---"))]
    assert diff == ["-title:   'Ungerade Einrückung'", "+title:   'Neuer Titel'"]
    assert not window.tabs.tabText(0).startswith("● ")


def test_checkbox_and_date_fields_write_their_types(window, site) -> None:
    editor = _open(window, site, "content/json.de.md")
    draft = editor.form.editors["draft"]
    assert isinstance(draft, QCheckBox) and draft.isChecked()
    draft.setChecked(False)
    window.save_current()
    assert '"draft": false,' in (site / "content/json.de.md").read_text(encoding="utf-8")


def test_broken_front_matter_shows_raw_tab_with_error(window, site) -> None:
    (site / "content" / "broken.md").write_text("---\ntitle: 'open\n---\nBody\n", encoding="utf-8")
    editor = _open(window, site, "content/broken.md")
    form = editor.form
    assert form.tabs.currentIndex() == 1
    assert "line 2" in form.error_label.text() and form.error_label.isVisibleTo(form)
    assert "title: 'open" in form.raw_edit.toPlainText()
    form.raw_edit.setPlainText("---\ntitle: 'closed'\n---\n")
    form.raw_applied.emit(form.raw_edit.toPlainText())
    assert editor.page.error is None and editor.page.get("title") == "closed"
    assert form.tabs.currentIndex() == 0


def test_outline_jumps_to_heading(window, site, qtbot) -> None:
    editor = _open(window, site, "content/docs/install.md")
    editor.editor.setPlainText("intro\n\n## Eins\n\ntext\n\n## Zwei\n\nmore\n")
    window._update_stats_and_outline()
    outline = window.outline
    assert [outline.topLevelItem(i).text(0) for i in range(outline.topLevelItemCount())] == ["Eins", "Zwei"]
    outline.itemClicked.emit(outline.topLevelItem(1), 0)
    assert editor.editor.textCursor().blockNumber() == 6
    assert "words" in window.stats_label.text()


def test_find_and_replace(window, site, qtbot) -> None:
    editor = _open(window, site, "content/docs/install.md")
    editor.editor.setPlainText("Apfel apfel APFEL Birne\n")
    bar = window.find_bar
    bar.show_bar()
    bar.find_edit.setText("apfel")
    bar.case.setChecked(True)
    assert bar.find_next()
    assert editor.editor.textCursor().selectionStart() == 6
    bar.case.setChecked(False)
    bar.regex.setChecked(True)
    bar.find_edit.setText(r"a(pf)el")
    bar.replace_edit.setText(r"[\1]")
    assert bar.replace_all() == 3
    assert editor.editor.toPlainText() == "[pf] [pf] [PF] Birne\n"
    assert "[pf] [pf]" in editor.page.body


def test_closing_with_unsaved_changes_asks(window, site, monkeypatch) -> None:
    editor = _open(window, site, "content/docs/install.md")
    editor.editor.insertPlainText("ungespeichert ")
    asked: list[str] = []

    def answer(box, kind):
        asked.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr("writer.ui.messages._exec", answer)
    assert window.close() is False
    assert asked and "install.md" in asked[0]
    monkeypatch.setattr("writer.ui.messages._exec", lambda box, kind: QMessageBox.StandardButton.Discard)
    original = (site / "content/docs/install.md").read_bytes()
    assert window.close() is True
    assert (site / "content/docs/install.md").read_bytes() == original


def test_ctrl_click_target_and_preview_link_open_pages(window, site) -> None:
    editor = _open(window, site, "content/docs/guide/index.de.md")
    text = editor.editor.toPlainText()
    position = text.index('relref "install"') + 3
    assert editor.editor.ref_at(position) == "install"
    window.open_ref("install", editor)
    assert window.current_editor().path.name == "install.md"
    window.previews.link_clicked("/en/setup/")
    assert window.current_editor().path.name == "install.en.md"


def test_remembers_open_pages_and_geometry(qtbot, settings, site) -> None:
    from writer.ui.main_window import MainWindow

    first = MainWindow(settings, use_webengine=False)
    qtbot.addWidget(first)
    first.open_site(site)
    first.open_page("content/docs/install.md")
    first.open_page("content/toml.de.md")
    first.resize(640, 480)
    first.close()
    second = MainWindow(settings, use_webengine=False)
    qtbot.addWidget(second)
    second.open_path(site)
    assert [e.path.name for e in second.editors()] == ["install.md", "toml.de.md"]
    assert second.size().width() == 640
    assert settings.recent_sites[0] == str(site.resolve())


def test_open_sample_site_opens_the_copy_and_says_where_it_is(window, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("writer.ui.main_window.app_data_dir", lambda: tmp_path / "data")
    window.actions["open_sample"].trigger()
    copy = (tmp_path / "data" / "sample-site").resolve()
    assert window.model is not None and window.model.site.root == copy
    assert "sample site" in window.statusBar().currentMessage() and str(copy) in window.statusBar().currentMessage()
    assert window.current_editor() is not None
