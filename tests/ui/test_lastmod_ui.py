"""Saving a changed page sets its lastmod to today (issue 15, point 8); File ▸ Update lastmod on Save
turns it off; an unchanged page is never touched."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from writer.ui.page_editor import PageEditor
from writer.ui.settings import AppSettings

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"
POST = "content/blog/gemeinsam-schreiben/index.de.md"  # lastmod: '2025-04-22'


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


def _changed_lines(before: str, after: str) -> list[str]:
    return [d for d in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
            if d[:1] in "+-" and not d.startswith(("+++", "---"))]


def _type_at_end(editor: PageEditor, text: str) -> None:
    cursor = editor.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText(text)


def test_saving_a_changed_page_sets_lastmod_in_its_form(window, sample) -> None:
    before = (sample / POST).read_text(encoding="utf-8")
    window.open_site(sample)
    editor = window.open_page(POST)
    assert isinstance(editor, PageEditor) and window.actions["update_lastmod"].isChecked()
    _type_at_end(editor, "Noch ein Satz.\n")
    assert window.save_current()
    after = (sample / POST).read_text(encoding="utf-8")
    today = dt.date.today().isoformat()
    assert _changed_lines(before, after) == ["-lastmod: '2025-04-22'", f"+lastmod: '{today}'", "+Noch ein Satz."]
    assert editor.page.get("lastmod") == today and not editor.page.modified
    shown = editor.form.editors["lastmod"]
    assert today in (shown.text() if hasattr(shown, "text") else shown.date().toString("yyyy-MM-dd"))


def test_an_unchanged_page_and_the_switched_off_setting_leave_lastmod(window, sample, settings) -> None:
    before = (sample / POST).read_text(encoding="utf-8")
    window.open_site(sample)
    editor = window.open_page(POST)
    assert window.save_current()
    assert (sample / POST).read_text(encoding="utf-8") == before  # nothing changed: nothing stamped
    window.actions["update_lastmod"].trigger()  # File ▸ Update lastmod on Save, off
    assert settings.update_lastmod is False
    _type_at_end(editor, "Ohne Datum.\n")
    assert window.save_current()
    assert _changed_lines(before, (sample / POST).read_text(encoding="utf-8")) == ["+Ohne Datum."]


def test_the_setting_is_remembered(tmp_path) -> None:
    path = str(tmp_path / "s.ini")
    first = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    assert first.update_lastmod is True  # on by default
    first.set_update_lastmod(False)
    first.sync()
    assert AppSettings(QSettings(path, QSettings.Format.IniFormat)).update_lastmod is False
