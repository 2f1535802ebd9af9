"""Message boxes, labels and tooltips that show text as text.

Qt guesses whether a string is rich text (HTML) when a label, a message box or a tooltip
shows it: a page title, a front matter key or a file name such as `<img src="/dev/zero">`
would make Qt load that file. Everything Writer shows that comes from a page, a file name
or an error goes through these helpers, which never let Qt guess.
"""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton
_ICONS = {"warning": QMessageBox.Icon.Warning, "critical": QMessageBox.Icon.Critical,
          "question": QMessageBox.Icon.Question, "information": QMessageBox.Icon.Information}


def label(text: str = "", parent: QWidget | None = None, *, bold: bool = False) -> QLabel:
    """A QLabel that shows `text` as it is (never as HTML)."""
    widget = QLabel(parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setText(text)
    if bold:
        font = widget.font()
        font.setBold(True)
        widget.setFont(font)
    return widget


def tip(text: str) -> str:
    """A tooltip for `text`: escaped HTML, so Qt shows the characters and loads nothing."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def box(parent: QWidget | None, kind: str, title: str, text: str,
        buttons: Button = Button.Ok) -> QMessageBox:
    """A message box whose text and informative text are plain text."""
    message = QMessageBox(_ICONS[kind], title, text, buttons, parent)
    message.setTextFormat(Qt.TextFormat.PlainText)
    return message


interactive = True  # False for --screenshot: nobody is there to answer, nothing may wait


def _exec(message: QMessageBox, kind: str) -> Button:  # tests answer here instead of a person
    clicked = ask(message)
    return message.standardButton(clicked) if clicked is not None else Button.NoButton


def ask(message: QMessageBox):
    """Show a box with buttons of its own; the button clicked (None when nobody can answer)."""
    if not interactive:
        print(f"writer: {message.windowTitle()}: {message.text()}", file=sys.stderr)
        return None
    message.exec()
    return message.clickedButton()


def show(parent: QWidget | None, kind: str, title: str, text: str, buttons: Button = Button.Ok) -> Button:
    message = box(parent, kind, title, text, buttons)
    try:
        return _exec(message, kind)
    finally:
        message.deleteLater()  # a closed box does not stay alive as a child of the window


def warning(parent: QWidget | None, title: str, text: str) -> Button:
    return show(parent, "warning", title, text)


def critical(parent: QWidget | None, title: str, text: str) -> Button:
    return show(parent, "critical", title, text)


def information(parent: QWidget | None, title: str, text: str) -> Button:
    return show(parent, "information", title, text)


def question(parent: QWidget | None, title: str, text: str, buttons: Button) -> Button:
    return show(parent, "question", title, text, buttons)
