"""Spelling in the window: underlines, suggestions, the site dictionary, fields, navigation."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QLineEdit

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(editor, word: str) -> bool:
    doc = editor.document()
    text = doc.toPlainText()
    position = text.index(word)
    block = doc.findBlock(position)
    column = position - block.position()
    return any(
        r.start <= column < r.start + r.length and r.format.underlineStyle() == SPELL
        for r in block.layout().formats()
    )


def open_with_spelling(window, site, qtbot, rel: str, body: str):
    page = site / rel
    page.write_text("---\ntitle: 'Ein Titl mit Fehlr'\ndescription: 'Gut'\n---\n" + body, encoding="utf-8")
    window.open_site(site)
    editor = window.open_page(rel)
    qtbot.waitUntil(lambda: editor.spell is not None and editor.spell.loaded, timeout=10000)
    qtbot.waitUntil(lambda: editor.editor.highlighter.spell is not None, timeout=5000)
    return editor


def test_misspelled_word_is_underlined_and_a_suggestion_replaces_it(window, site, qtbot) -> None:
    editor = open_with_spelling(window, site, qtbot, "content/spell.de.md",
                                "Die Besprechnug war kurz und gut.\n\n`Codewrot` bleibt.\n")
    assert underlined(editor.editor, "Besprechnug")
    assert not underlined(editor.editor, "kurz") and not underlined(editor.editor, "Codewrot")
    assert window.spell_label.text() == "Spelling: DE"
    position = editor.editor.toPlainText().index("Besprechnug") + 2
    menu = editor.editor.spelling_menu(position)
    suggestion = next(a for a in menu.actions() if a.text() == "Besprechung")
    suggestion.trigger()
    assert "Die Besprechung war kurz" in editor.editor.toPlainText()
    assert "Die Besprechung war kurz" in editor.page.body
    assert not underlined(editor.editor, "Besprechung")


def test_add_to_site_dictionary_writes_the_file_and_the_underline_goes(window, site, qtbot) -> None:
    editor = open_with_spelling(window, site, qtbot, "content/spell.de.md", "Lumenwerkstatt liefert.\n")
    assert underlined(editor.editor, "Lumenwerkstatt")
    menu = editor.editor.spelling_menu(3)
    next(a for a in menu.actions() if a.text().startswith("Add “Lumenwerkstatt”")).trigger()
    assert (site / ".writer" / "dictionary.de.txt").read_text(encoding="utf-8") == "Lumenwerkstatt\n"
    assert not underlined(editor.editor, "Lumenwerkstatt")


def test_ignore_next_misspelling_and_form_fields(window, site, qtbot) -> None:
    editor = open_with_spelling(window, site, qtbot, "content/spell.de.md", "Erstns gut. Zweitns auch.\n")
    window.next_misspelling()
    assert editor.editor.textCursor().selectedText() == "Erstns"
    window.next_misspelling()
    assert editor.editor.textCursor().selectedText() == "Zweitns"
    next(a for a in editor.editor.spelling_menu(editor.editor.textCursor().position() - 1).actions()
         if a.text() == "Ignore in This Page").trigger()
    assert not underlined(editor.editor, "Zweitns")
    title = editor.form.editors["title"]
    assert isinstance(title, QLineEdit)
    assert title.property("misspelled") == 2  # "Titl" and "Fehlr"
    title.setText("Ein Titel ohne Fehler")
    assert title.property("misspelled") == 0


def test_language_without_dictionary_says_so(window, site, qtbot) -> None:
    config = (site / "hugo.yaml").read_text(encoding="utf-8")
    (site / "hugo.yaml").write_text(config.replace("  fr:\n", "  sv:\n    weight: 4\n  fr:\n"), encoding="utf-8")
    page = site / "content" / "hej.sv.md"
    page.write_text("---\ntitle: Hej\n---\nDetta ar fel stavat.\n", encoding="utf-8")
    window.open_site(site)
    editor = window.open_page("content/hej.sv.md")
    assert "No dictionary for 'sv'" in window.spell_label.text()
    assert editor.editor.highlighter.spell is None
