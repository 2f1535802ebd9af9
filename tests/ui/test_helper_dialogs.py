"""The helpers driven through their dialogs: image, link to a page, translated copies, side by side."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QColor, QImage

from writer.ui.dialogs.image import ImageDialog
from writer.ui.dialogs.link import LinkDialog
from writer.ui.dialogs.translate import TranslateDialog

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


def make_png(path: Path, width: int = 800, height: int = 400) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    assert image.save(str(path), "PNG")
    return path


def answer(monkeypatch, cls, act) -> None:
    def exec_(self):
        act(self)
        return self.result()

    monkeypatch.setattr(cls, "exec", exec_)


def test_image_dialog_copies_into_the_bundle(window, sample, tmp_path, monkeypatch) -> None:
    window.open_site(sample)
    editor = window.open_page("content/blog/remote-teams/index.de.md")
    shot = make_png(tmp_path / "Bildschirmfoto Übersicht.PNG")

    def fill(dialog: ImageDialog) -> None:
        assert dialog.alt_warning.isVisibleTo(dialog)
        dialog.alt_edit.setText("Übersicht der Zeitzonen")
        assert not dialog.alt_warning.isVisibleTo(dialog)
        dialog.caption_edit.setText("Drei Städte, drei Uhren.")
        dialog.width_box.setValue(400)
        dialog.insert()

    answer(monkeypatch, ImageDialog, fill)
    window.helpers.insert_image_files([shot])
    target = sample / "content/blog/remote-teams/bildschirmfoto-uebersicht.png"
    assert QImage(str(target)).width() == 400
    assert target.stat().st_size < 1_000  # one flat colour: Writer used to write 240 KB (zlib level 0)
    assert "![Übersicht der Zeitzonen](bildschirmfoto-uebersicht.png)\n\nDrei Städte, drei Uhren.\n" in (
        editor.editor.toPlainText())
    assert window.settings.int_value("images/max-width", 0) == 400


def test_plain_page_is_turned_into_a_bundle_and_stays_open(window, sample, tmp_path, monkeypatch) -> None:
    window.open_site(sample)
    editor = window.open_page("content/loesungen/redaktionen.de.md")
    answer(monkeypatch, ImageDialog, lambda d: (d.alt_edit.setText("Ein Bild"), d.as_figure.setChecked(True),
                                                d.insert()))
    window.helpers.insert_image_files([make_png(tmp_path / "plan.png")])
    folder = sample / "content/loesungen/redaktionen"
    assert (folder / "plan.png").is_file() and (folder / "index.de.md").is_file()
    assert (folder / "index.en.md").is_file() and not (sample / "content/loesungen/redaktionen.de.md").exists()
    assert editor.path == folder / "index.de.md"
    assert '{{< figure src="plan.png" alt="Ein Bild" >}}' in editor.editor.toPlainText()
    assert window.save_current()
    assert window.model.index.get("content/loesungen/redaktionen/index.de.md").bundle == "leaf"


def test_dropped_files_and_pasted_screenshots_open_the_dialog(window, sample, tmp_path, monkeypatch) -> None:
    window.open_site(sample)
    editor = window.open_page("content/blog/remote-teams/index.de.md")
    seen: list[tuple] = []
    answer(monkeypatch, ImageDialog, lambda d: (seen.append((d.source, d.image)), d.reject()))
    drop = QMimeData()
    drop.setUrls([QUrl.fromLocalFile(str(make_png(tmp_path / "drop.png")))])
    assert editor.editor.canInsertFromMimeData(drop)
    editor.editor.insertFromMimeData(drop)
    paste = QMimeData()
    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    paste.setImageData(image)
    editor.editor.insertFromMimeData(paste)
    assert seen[0][0].name == "drop.png"
    assert seen[1][0] is None and seen[1][1].width() == 20
    assert "drop.png" not in editor.editor.toPlainText()


def test_link_dialog_inserts_a_relref_with_anchor(window, sample, monkeypatch) -> None:
    window.open_site(sample)
    editor = window.open_page("content/blog/gemeinsam-schreiben/index.de.md")
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)

    def pick(dialog: LinkDialog) -> None:
        dialog.search.setText("remote")
        assert "remote-teams/index.de.md" in dialog.chosen().path  # own language first
        index = dialog.anchor.findData("zeitzonen-respektieren")
        assert index > 0
        dialog.anchor.setCurrentIndex(index)
        dialog.insert()

    answer(monkeypatch, LinkDialog, pick)
    window.helpers.insert_link()
    assert editor.editor.toPlainText().endswith(
        '[Remote-Teams gut führen: Was wir aus drei Zeitzonen gelernt haben]'
        '({{< relref "blog/remote-teams#zeitzonen-respektieren" >}})'
    )


def test_translate_dialog_creates_the_missing_language(window, sample, monkeypatch) -> None:
    window.open_site(sample)
    window.open_page("content/blog/gemeinsam-schreiben/index.de.md")

    def choose(dialog: TranslateDialog) -> None:
        assert not dialog.boxes["en"].isEnabled() and "exists" in dialog.boxes["en"].text()
        assert dialog.boxes["fr"].isEnabled()
        dialog.boxes["fr"].setChecked(True)
        dialog.create()

    answer(monkeypatch, TranslateDialog, choose)
    window.helpers.translate()
    created = sample / "content/blog/gemeinsam-schreiben/index.fr.md"
    assert created.is_file()
    assert window.current_editor().path == created
    assert window.current_editor().page.get("draft") is True


def test_translation_panel_and_side_by_side(window, sample) -> None:
    window.open_site(sample)
    panel = window.translations
    rows = {panel.topLevelItem(i).data(0, panel_role()): panel.topLevelItem(i).text(1)
            for i in range(panel.topLevelItemCount())}
    assert rows["content/blog/gemeinsam-schreiben/index.de.md"] == "FR"
    editor = window.open_page("content/blog/remote-teams/index.fr.md")
    window.resize(1400, 700)
    window.actions["side_by_side"].trigger()
    assert editor.source_view.isVisible() and editor.source_lang == "de"
    assert editor.source_view.isReadOnly() and editor.source_caption.text() == "Source: DE (read-only)"
    from PySide6.QtGui import QSyntaxHighlighter

    # the French page's spell checker never underlines the German source
    assert editor.source_view.document().findChildren(QSyntaxHighlighter) == []
    text = editor.editor.toPlainText()
    line = text[: text.index("###", len(text) // 2)].count("\n")
    editor.editor.scroll_to_line(line + 1)
    editor._follow_with_source()
    assert editor.source_view.verticalScrollBar().value() > 10
    window.actions["side_by_side"].trigger()
    assert not editor.source_view.isVisible()


def panel_role():
    from writer.ui.translation_panel import PATH_ROLE

    return PATH_ROLE


def test_dialogs_leave_the_site_alone_when_cancelled(window, sample, tmp_path, monkeypatch) -> None:
    window.open_site(sample)
    window.open_page("content/blog/remote-teams/index.de.md")
    before = sorted(p.relative_to(sample) for p in sample.rglob("*"))
    answer(monkeypatch, ImageDialog, lambda d: d.reject())
    answer(monkeypatch, TranslateDialog, lambda d: d.reject())
    window.helpers.insert_image_files([make_png(tmp_path / "x.png")])
    window.helpers.translate()
    assert sorted(p.relative_to(sample) for p in sample.rglob("*")) == before


def test_new_page_defaults_to_the_sites_language_then_the_last_choice(window, sample, monkeypatch) -> None:
    from writer.ui.dialogs.site_ops import NewPageDialog

    monkeypatch.setattr(NewPageDialog, "exec", lambda self: 0)
    window.open_site(sample)
    window.open_page("content/blog/remote-teams/index.fr.md")  # the open tab is French
    window.helpers.new_page()
    assert window.last_dialog.lang.currentData() == window.model.site.default_language == "de"
    window.settings.q.setValue("new_page/language", "en")  # what the writer chose last time
    window.helpers.new_page()
    assert window.last_dialog.lang.currentData() == "en"


def test_an_anchor_in_a_heading_is_not_coloured_as_a_link() -> None:
    from writer.core.render.template import preview_page

    css = preview_page("<h2><a id='x'>Allgemein</a></h2>", title="t")
    assert "a:not([href]) { color: inherit; }" in css and "a[href] { color: var(--link)" in css
