"""Spelling in the window: which checker each tab uses, the status label, added/ignored words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from writer.core.errors import WriterError
from writer.ui import messages
from writer.ui.spelling import SpellingService

if TYPE_CHECKING:
    from writer.ui.main_window import MainWindow
    from writer.ui.page_editor import PageEditor


class SpellController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = SpellingService(window)
        self.service.ready.connect(self._on_ready)
        self.label = messages.label()

    def attach(self, editor: PageEditor, lang: str) -> None:
        """Give a newly opened tab the checker of its language (none for a large page)."""
        model = self.window.model
        if editor.large or model is None:
            editor.spell = None
        else:
            editor.spell = self.service.checker(model.site.root, lang)
        editor.editor.word_added.connect(lambda word, e=editor: self._on_word_added(e, word))
        editor.editor.word_ignored.connect(lambda word, e=editor: self._on_word_ignored(e, word))
        self._apply(editor)

    def _apply(self, editor: PageEditor) -> None:
        spell = editor.spell
        if spell is not None and spell.loaded:
            editor.editor.highlighter.set_spell(spell)
            editor.form.set_spell(spell)
        if editor is self.window.current_editor():
            self.update_label(editor)

    def update_label(self, editor: PageEditor | None) -> None:
        spell = editor.spell if editor else None
        if spell is None:
            self.label.setText("")
        elif not spell.supported:
            self.label.setText(f"No dictionary for '{spell.lang}': spelling is not checked")
        else:
            self.label.setText(f"Spelling: {spell.lang.upper()}" + ("" if spell.loaded else " (loading…)"))

    def _on_ready(self, lang: str) -> None:
        for editor in self.window.editors():
            if editor.spell is not None and editor.spell.lang == lang:
                self._apply(editor)
                problem = getattr(editor.spell, "site_dictionary_error", None)
                if problem:  # a binary, huge or misplaced site dictionary: named, not read
                    self.window.statusBar().showMessage(f"Site dictionary not used: {problem}", 15000)

    def _on_word_added(self, editor: PageEditor, word: str) -> None:
        if editor.spell is None:
            return
        status = self.window.statusBar()
        try:
            path = editor.spell.add_to_site_dictionary(word)
        except (OSError, ValueError, WriterError) as exc:
            status.showMessage(f"Cannot add “{word}”: {exc}", 8000)
            return
        status.showMessage(f"Added “{word}” to {path.name}", 5000)
        self._on_ready(editor.spell.lang)

    def _on_word_ignored(self, editor: PageEditor, word: str) -> None:
        if editor.spell is not None:
            editor.spell.ignore(word)
            editor.editor.highlighter.set_spell(editor.spell)

    def next_misspelling(self, backward: bool = False) -> None:
        editor = self.window.current_editor()
        if editor is not None and not editor.editor.next_misspelling(backward):
            self.window.statusBar().showMessage("No misspelled words", 4000)

    def wait(self) -> None:
        self.service.wait()
