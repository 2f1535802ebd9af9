"""Markdown syntax colours: headings, emphasis, code, links, images, shortcodes, raw HTML."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

IN_FENCE = 1
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


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, theme: str = "light") -> None:
        super().__init__(document)
        self.set_theme(theme, rehighlight=False)

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
            self.rehighlight()

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
            return
        if re.match(r"^ {0,3}>", text):
            self.setFormat(0, len(text), self.formats["quote"])
        marker = re.match(r"^\s*([-*+]|\d+[.)])\s", text)
        if marker:
            self.setFormat(marker.start(1), len(marker.group(1)), self.formats["list"])
        for name, pattern in _INLINE_RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
