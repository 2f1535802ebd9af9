"""Markdown syntax colours: headings, emphasis, code, links, images, shortcodes, raw HTML."""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from writer.core.spell import SpellChecker, utf16_index
from writer.core.spell.tokenizer import line_words

IN_FENCE = 1
RECHECK_BLOCKS_PER_SLICE = 120  # about 5 ms of highlighting on a 2-core laptop
TYPING_PAUSE_S = 0.4  # background re-checking resumes this long after the last key
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _fmt(color: str, *, bold: bool = False, italic: bool = False, mono: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFamilies(["monospace"])
    return fmt


PALETTES = {
    "light": {
        "heading": "#1f4e99", "emphasis": "#333333", "code": "#a31515", "link": "#0b6e4f",
        "image": "#8a3ffc", "shortcode": "#b45309", "html": "#7a7a7a", "quote": "#5c6370",
        "list": "#1f4e99",
    },
    "dark": {
        "heading": "#82aaff", "emphasis": "#e0e0e0", "code": "#f78c6c", "link": "#7fd1b9",
        "image": "#c792ea", "shortcode": "#ffcb6b", "html": "#8f8f8f", "quote": "#9aa5b1",
        "list": "#82aaff",
    },
}

_INLINE_RULES = [
    ("image", re.compile(r"!\[[^\]]*\]\([^)]*\)")),
    ("link", re.compile(r"(?<!!)\[[^\]]*\]\([^)]*\)|<https?://[^>]+>")),
    ("emphasis_bold", re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")),
    ("emphasis_italic", re.compile(r"(?<![*_])([*_])(?=\S)([^*_]+?)(?<=\S)\1(?![*_])")),
    ("html", re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->")),
    ("shortcode", re.compile(r"\{\{[<%].*?[>%]\}\}")),
    ("code", re.compile(r"(`+)[^`].*?\1")),
]


def underline_misspelled(highlighter: QSyntaxHighlighter, text: str, spell: SpellChecker | None) -> None:
    """Add a red wavy underline to the misspelled words of one line, keeping other formats."""
    if spell is None or not spell.loaded:
        return
    for word in line_words(text):
        if spell.is_correct(word.text):
            continue
        start, end = utf16_index(text, word.start), utf16_index(text, word.end)
        for position in range(start, end):
            fmt = QTextCharFormat(highlighter.format(position))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(QColor("#e0362c"))
            highlighter.setFormat(position, 1, fmt)


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, theme: str = "light") -> None:
        super().__init__(document)
        self.spell: SpellChecker | None = None
        self.rechecking = False
        self._last_key = 0.0
        self._pending = QTextBlock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._recheck_some)
        self.set_theme(theme, rehighlight=False)

    def set_spell(self, spell: SpellChecker | None) -> None:
        """Check the whole page again, a slice of blocks at a time so typing never waits long."""
        self.spell = spell
        self._pending = self.document().begin()
        self._recheck_some()

    def typed(self) -> None:
        """Called on every key: background re-checking waits while the writer types."""
        self._last_key = time.monotonic()

    def _recheck_some(self) -> None:
        if time.monotonic() - self._last_key < TYPING_PAUSE_S:
            self._timer.start(int(TYPING_PAUSE_S * 1000))
            return
        block = self._pending
        self.rechecking = True  # format changes only: the text did not change
        try:
            for _ in range(RECHECK_BLOCKS_PER_SLICE):
                if not block.isValid():
                    break
                self.rehighlightBlock(block)
                block = block.next()
        finally:
            self.rechecking = False
        self._pending = block
        if block.isValid():
            self._timer.start(0)

    def set_theme(self, theme: str, rehighlight: bool = True) -> None:
        colors = PALETTES.get(theme, PALETTES["light"])
        self.formats = {
            "heading": _fmt(colors["heading"], bold=True),
            "emphasis_bold": _fmt(colors["emphasis"], bold=True),
            "emphasis_italic": _fmt(colors["emphasis"], italic=True),
            "code": _fmt(colors["code"], mono=True),
            "link": _fmt(colors["link"]),
            "image": _fmt(colors["image"]),
            "shortcode": _fmt(colors["shortcode"], bold=True),
            "html": _fmt(colors["html"]),
            "quote": _fmt(colors["quote"], italic=True),
            "list": _fmt(colors["list"], bold=True),
        }
        if rehighlight:
            self.rechecking = True
            try:
                self.rehighlight()
            finally:
                self.rechecking = False

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        previous = self.previousBlockState()
        fence = _FENCE.match(text)
        if previous == IN_FENCE:
            self.setFormat(0, len(text), self.formats["code"])
            self.setCurrentBlockState(-1 if fence else IN_FENCE)
            return
        if fence:
            self.setFormat(0, len(text), self.formats["code"])
            self.setCurrentBlockState(IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        if re.match(r"^ {0,3}#{1,6}(\s|$)", text):
            self.setFormat(0, len(text), self.formats["heading"])
            underline_misspelled(self, text, self.spell)
            return
        if text.startswith(("    ", "\t")) and text.strip():
            return  # indented code
        if re.match(r"^ {0,3}>", text):
            self.setFormat(0, len(text), self.formats["quote"])
        marker = re.match(r"^\s*([-*+]|\d+[.)])\s", text)
        if marker:
            self.setFormat(marker.start(1), len(marker.group(1)), self.formats["list"])
        for name, pattern in _INLINE_RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
        underline_misspelled(self, text, self.spell)


class SpellHighlighter(QSyntaxHighlighter):
    """Only the spelling underline, for plain text fields of the front matter form."""

    def __init__(self, document: QTextDocument, spell: SpellChecker | None) -> None:
        super().__init__(document)
        self.spell = spell

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        underline_misspelled(self, text, self.spell)
