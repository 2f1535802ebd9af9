"""The window's site-operation dialogs refuse the same bad targets as the command line: the OK
button is off and a message names the problem, and pressing OK anyway writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from site_files import snapshot

from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site
from writer.ui.dialogs.site_ops import MoveDialog, NewPageDialog
from writer.ui.dialogs.translate import TranslateDialog


def index_of(root: Path) -> ContentIndex:
    return ContentIndex.build(Site.open(root))


def ok_button(dialog) -> object:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


@pytest.mark.parametrize(
    "target,message",
    [
        ("blog", "already taken"),
        ("team.de", "ends in a language"),
        (".", "content folder itself"),
        ("blgo/x", "did you mean blog?"),
        ("CON", "reserved device name"),
        ("blog/a:b", "Windows does not allow"),
        ("../x", "'..' is not allowed"),
        ("About", "only in letter case"),
    ],
)
def test_move_dialog_refuses_bad_targets(qtbot, sample, target, message) -> None:
    index = index_of(sample)
    dialog = MoveDialog(index, index.get("content/about.de.md"))
    qtbot.addWidget(dialog)
    before = snapshot(sample)
    dialog.new_path.setText(target)
    assert message in dialog.error.text()
    assert not ok_button(dialog).isEnabled() and dialog.changes.count() == 0
    dialog.apply()  # pressed anyway (a keyboard shortcut): nothing happens
    assert snapshot(sample) == before and dialog.result() == 0


def test_move_dialog_takes_x_md_and_enables_ok(qtbot, sample) -> None:
    index = index_of(sample)
    dialog = MoveDialog(index, index.get("content/about.de.md"))
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled()  # unchanged path
    dialog.new_path.setText("content/team.md")
    assert dialog.error.text() == "" and ok_button(dialog).isEnabled()
    dialog.apply()
    assert (sample / "content/team.de.md").is_file() and not (sample / "content/team.md.de.md").exists()


def test_move_dialog_on_the_home_page_says_why_at_once(qtbot, sample) -> None:
    index = index_of(sample)
    dialog = MoveDialog(index, index.get("content/_index.de.md"))
    qtbot.addWidget(dialog)
    assert "home page cannot move" in dialog.error.text() and not ok_button(dialog).isEnabled()


def test_new_page_dialog_refuses_a_missing_section_until_asked_to_create_it(qtbot, sample) -> None:
    dialog = NewPageDialog(index_of(sample), "blog", "de")
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled()  # no title yet
    dialog.title_edit.setText("Hallo Welt")
    assert ok_button(dialog).isEnabled() and dialog.where.text() == "content/blog/hallo-welt/index.de.md"
    dialog.section.setCurrentText("content/blgo")
    assert "did you mean blog?" in dialog.error.text() and not ok_button(dialog).isEnabled()
    assert not dialog.new_section.isHidden()
    before = snapshot(sample)
    dialog.create()
    assert snapshot(sample) == before
    dialog.new_section.setChecked(True)
    assert ok_button(dialog).isEnabled() and dialog.where.text() == "content/blgo/hallo-welt/index.de.md"
    dialog.section.setCurrentText("blog/remote-teams")
    assert "inside the page bundle" in dialog.error.text() and not ok_button(dialog).isEnabled()
    assert dialog.new_section.isHidden()


def test_new_page_dialog_slugs(qtbot, sample) -> None:
    dialog = NewPageDialog(index_of(sample), "blog", "de")
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Remote Teams")  # the title's slug is taken: made unique
    assert dialog.where.text() == "content/blog/remote-teams-2/index.de.md" and ok_button(dialog).isEnabled()
    dialog.slug_edit.clear()
    qtbot.keyClicks(dialog.slug_edit, "con")  # typed by the writer: taken as written
    assert "reserved device name" in dialog.error.text() and not ok_button(dialog).isEnabled()
    dialog.slug_edit.setText("remote-teams")
    assert "already exists" in dialog.error.text() and not ok_button(dialog).isEnabled()
    dialog.title_edit.setText("")
    assert not ok_button(dialog).isEnabled()


def test_translate_dialog_ok_only_for_copies_that_can_be_written(qtbot, sample) -> None:
    index = index_of(sample)
    page = index.get("content/blog/gemeinsam-schreiben/index.de.md")
    dialog = TranslateDialog(index, page)
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled() and "Choose" in dialog.message.text()
    (sample / "content/blog/gemeinsam-schreiben/index.fr.md").write_text("stray", encoding="utf-8")
    before = snapshot(sample)
    dialog.boxes["fr"].setChecked(True)  # a file appeared after the index was built
    assert "already exists" in dialog.message.text() and not ok_button(dialog).isEnabled()
    dialog.create()
    assert snapshot(sample) == before


def test_translate_dialog_when_every_language_exists(qtbot, sample) -> None:
    index = index_of(sample)
    dialog = TranslateDialog(index, index.get("content/blog/remote-teams/index.de.md"))
    qtbot.addWidget(dialog)
    assert "Every language" in dialog.message.text() and not ok_button(dialog).isEnabled()


def test_new_page_dialog_slug_follows_the_sites_spelling(qtbot, sample) -> None:
    index = ContentIndex.build(Site.open(sample))
    dialog = NewPageDialog(index, "blog", "de")
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Neue Preise für Teams 2026")
    assert dialog.slug_edit.text() == "neue-preise-fuer-teams-2026"  # the sample site writes fuer, ueber
