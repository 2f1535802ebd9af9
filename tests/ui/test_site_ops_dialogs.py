"""New page, rename or move, delete, publish and the draft filter, driven through the window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QFile

from writer.ui.dialogs.site_ops import DeleteDialog, MoveDialog, NewPageDialog

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


def answer(monkeypatch, cls, act) -> None:
    def exec_(self):
        act(self)
        return self.result()

    monkeypatch.setattr(cls, "exec", exec_)


def test_new_page_dialog_creates_a_draft_and_opens_it(window, sample, monkeypatch) -> None:
    window.open_site(sample)
    window.open_page("content/blog/gemeinsam-schreiben/index.de.md")

    def fill(dialog: NewPageDialog) -> None:
        assert dialog.section.currentText() == "blog" and dialog.lang.currentData() == "de"
        dialog.title_edit.setText("Schreiben im Zug")
        assert dialog.slug_edit.text() == "schreiben-im-zug"
        assert dialog.where.text() == "content/blog/schreiben-im-zug/index.de.md"
        dialog.create()

    answer(monkeypatch, NewPageDialog, fill)
    window.helpers.new_page()
    editor = window.current_editor()
    assert editor.path == sample / "content/blog/schreiben-im-zug/index.de.md"
    assert editor.page.get("title") == "Schreiben im Zug" and editor.page.get("draft") is True
    assert "content/blog/schreiben-im-zug/index.de.md" in window.site_tree.visible_paths()


def test_move_dialog_previews_then_moves(window, sample, monkeypatch) -> None:
    window.open_site(sample)
    window.open_page("content/blog/gemeinsam-schreiben/index.de.md")
    previewed: list[str] = []

    def move(dialog: MoveDialog) -> None:
        dialog.new_path.setText("blog/zusammen-schreiben")
        previewed.extend(dialog.changes.item(i).text() for i in range(dialog.changes.count()))
        dialog.apply()

    answer(monkeypatch, MoveDialog, move)
    window.helpers.move_page()
    assert any(line.endswith("content/blog/zusammen-schreiben/index.de.md") for line in previewed)
    assert window.current_editor().path == sample / "content/blog/zusammen-schreiben/index.de.md"
    assert (sample / "content/blog/zusammen-schreiben/entwurf.png").is_file()
    assert not (sample / "content/blog/gemeinsam-schreiben").exists()


def test_delete_dialog_lists_links_and_trashes(window, sample, monkeypatch) -> None:
    window.open_site(sample)
    window.open_page("content/blog/remote-teams/index.fr.md")
    trashed: list[str] = []
    monkeypatch.setattr(QFile, "moveToTrash", staticmethod(lambda path: trashed.append(path) or True))

    def delete(dialog: DeleteDialog) -> None:
        assert dialog.links.count() >= 1
        assert dialog.files() == [sample / "content/blog/remote-teams/index.fr.md"]
        dialog.all_languages.setChecked(True)
        assert dialog.files() == [sample / "content/blog/remote-teams"]
        dialog.all_languages.setChecked(False)
        dialog.delete()

    answer(monkeypatch, DeleteDialog, delete)
    window.helpers.delete_page()
    assert trashed == [str(sample / "content/blog/remote-teams/index.fr.md")]


def test_publish_and_the_draft_filter(window, sample) -> None:
    window.open_site(sample)
    tree = window.site_tree
    tree.state.setCurrentIndex(tree.state.findData("draft"))
    assert tree.visible_paths() == ["content/blog/notizen-aufraeumen/index.de.md"]
    tree.state.setCurrentIndex(tree.state.findData(""))
    editor = window.open_page("content/blog/notizen-aufraeumen/index.de.md")
    window.actions["publish"].trigger()
    assert editor.page.get("draft") is False and editor.page.modified
    assert window.save_current()
    window.reload_index()
    tree.state.setCurrentIndex(tree.state.findData("draft"))
    assert tree.visible_paths() == []
