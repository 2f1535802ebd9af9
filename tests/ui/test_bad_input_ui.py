"""Bad input in the window: each gives a clear message, nothing crashes, nothing is lost."""

from __future__ import annotations

import os

from writer.core.document import Page


def test_fifty_megabyte_page_opens_without_the_heavy_parts(window, site) -> None:
    path = site / "content" / "gross.md"
    line = "Ein sehr langer Text über große Dateien, der sich wiederholt. " * 20 + "\n"
    path.write_text("---\ntitle: Groß\n---\n" + line * (50_000_000 // len(line)), encoding="utf-8")
    window.open_site(site)
    editor = window.open_page("content/gross.md")
    assert editor.large and editor.spell is None
    assert "large" in window.statusBar().currentMessage()
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    editor.editor.insertPlainText("Ende.")
    assert window.save_current()
    assert path.read_bytes().endswith(b"Ende.")
    assert Page.load(path).get("title") == "Groß"


def test_unknown_yaml_tag_opens_raw_with_position(window, site) -> None:
    (site / "content" / "tag.md").write_text("---\ntitle: x\ncustom: !geheim 42\n---\nBody\n")
    window.open_site(site)
    editor = window.open_page("content/tag.md")
    assert editor.form.tabs.currentIndex() == 1
    assert "line 3" in editor.form.error_label.text()
    assert editor.editor.toPlainText() == "Body\n"


def test_odd_file_names_open_and_save(window, site) -> None:
    folder = site / "content" / "[alt] Seite mit Klammern"
    odd = folder / "Страница с пробелами.md"
    odd.write_text("---\ntitle: Привет\n---\nТекст\n", encoding="utf-8")
    window.open_site(site)
    editor = window.open_page(window.model.site.rel(odd))
    editor.editor.insertPlainText("Новый ")
    assert window.save_current()
    assert odd.read_text(encoding="utf-8").endswith("Новый Текст\n")


def test_broken_config_and_empty_file_and_unreadable_folder(window, site, no_modal_dialogs, monkeypatch) -> None:
    (site / "content" / "leer.md").write_bytes(b"")
    locked = site / "content" / "gesperrt"
    locked.mkdir()
    (locked / "x.md").write_text("x")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("gesperrt"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    window.open_site(site)
    editor = window.open_page("content/leer.md")
    assert editor.editor.toPlainText() == "" and editor.page.error is None
    assert "content/gesperrt/x.md" not in window.site_tree.visible_paths()
    assert any("gesperrt" in str(p.path) and "permission denied" in p.message for p in window.model.index.problems)
    (site / "hugo.yaml").write_text("languages: [\n", encoding="utf-8")
    assert window.open_site(site) is False
    assert any("hugo.yaml:2" in text or "hugo.yaml:1" in text for kind, text in no_modal_dialogs)


def test_binary_page_is_refused_with_its_name(window, site, no_modal_dialogs) -> None:
    (site / "content" / "bild.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    window.open_site(site)
    assert window.open_page("content/bild.md") is None
    assert any("bild.md" in text and "binary" in text for kind, text in no_modal_dialogs)


def test_bad_window_arguments_exit_2_naming_the_problem(site, capsys) -> None:
    from writer.cli import main

    assert main([str(site), "--screenshot", str(site / "x.png"), "--size", "0x0"]) == 2
    assert "--size 0x0: expected WIDTHxHEIGHT" in capsys.readouterr().err
    assert main([str(site / "hugo.yaml"), "--screenshot", str(site / "x.png")]) == 2
    assert "hugo.yaml: not a content page" in capsys.readouterr().err
    assert not (site / "x.png").exists()


def test_a_file_that_is_not_markdown_is_not_opened_as_a_page(window, site, no_modal_dialogs) -> None:
    before = (site / "hugo.yaml").read_bytes()
    window.open_site(site)
    assert window.open_page("hugo.yaml") is None
    assert any("not a content page" in text for _, text in no_modal_dialogs)
    assert (site / "hugo.yaml").read_bytes() == before
