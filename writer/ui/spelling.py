"""Spellcheckers for the open pages: one per site and language, dictionaries loaded in the background."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QColor, QInputMethodEvent, QTextCharFormat
from PySide6.QtWidgets import QLineEdit

from writer.core.spell import SpellChecker, utf16_index
from writer.core.spell.tokenizer import line_words


class _Loaded(QObject):
    done = Signal(str)


class _LoadJob(QRunnable):
    def __init__(self, checker: SpellChecker, signal: _Loaded) -> None:
        super().__init__()
        self.checker, self.signal = checker, signal

    def run(self) -> None:
        self.checker.load()
        with contextlib.suppress(RuntimeError):  # the window closed while the dictionary loaded
            self.signal.done.emit(self.checker.lang)


class SpellingService(QObject):
    """Hands out checkers; `ready(lang)` once a dictionary has loaded."""

    ready = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._checkers: dict[tuple[str, str], SpellChecker] = {}
        self._signal = _Loaded()
        self._signal.done.connect(self.ready.emit)

    def checker(self, site_root: Path | None, lang: str) -> SpellChecker:
        key = (str(site_root), lang)
        checker = self._checkers.get(key)
        if checker is None:
            checker = SpellChecker(lang, site_root)
            self._checkers[key] = checker
            if checker.supported:
                self.pool.start(_LoadJob(checker, self._signal))
        return checker

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)


def underline_line_edit(edit: QLineEdit, spell: SpellChecker | None) -> None:
    """Wavy underlines under the misspelled words of a one-line field."""
    attributes = []
    text = edit.text()
    if spell is not None and spell.loaded:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        fmt.setUnderlineColor(QColor("#e0362c"))
        cursor = edit.cursorPosition()
        for word in line_words(text):
            if not spell.is_correct(word.text):
                start = utf16_index(text, word.start)
                length = utf16_index(text, word.end) - start
                attributes.append(QInputMethodEvent.Attribute(
                    QInputMethodEvent.AttributeType.TextFormat, start - cursor, length, fmt))
    edit.setProperty("misspelled", len(attributes))
    QCoreApplication.sendEvent(edit, QInputMethodEvent("", attributes))
