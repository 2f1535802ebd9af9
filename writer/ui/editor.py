"""The Markdown source editor: formatting actions, zoom, wrap, current line, Ctrl+click on refs."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontDatabase, QImage, QMouseEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QWidget

from writer.core.hugo.images import IMAGE_EXTS
from writer.core.hugo.refs import SHORTCODE_REF, parse_ref_args
from writer.core.spell import markdown_words, utf16_index
from writer.core.spell.tokenizer import line_words
from writer.ui.highlighter import MarkdownHighlighter

_HEADING = re.compile(r"^(#{1,6})\s+")
_LIST = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+")


class MarkdownEditor(QPlainTextEdit):
    """A plain text editor for Markdown bodies."""

    ref_activated = Signal(str)  # the target of a ref/relref that was Ctrl+clicked
    image_files_dropped = Signal(list)  # paths of image files dropped or pasted
    image_pasted = Signal(QImage)  # an image from the clipboard (a screenshot)
    word_added = Signal(str)  # "Add to site dictionary"
    word_ignored = Signal(str)  # "Ignore in this page"
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, theme: str = "light") -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(11)
        self.setFont(font)
        self.base_size = font.pointSize()
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.highlighter = MarkdownHighlighter(self.document(), theme)
        self.theme = theme
        self.set_wrap(True)
        self.cursorPositionChanged.connect(self._highlight_current_line)
        self._highlight_current_line()

    # -- view -------------------------------------------------------------------

    def set_wrap(self, wrap: bool) -> None:
        mode = QPlainTextEdit.LineWrapMode.WidgetWidth if wrap else QPlainTextEdit.LineWrapMode.NoWrap
        self.setLineWrapMode(mode)

    def zoom(self, steps: int) -> None:
        font = self.font()
        font.setPointSize(max(6, min(48, font.pointSize() + steps)))
        self.setFont(font)
        self.zoom_changed.emit(font.pointSize())

    def reset_zoom(self) -> None:
        font = self.font()
        font.setPointSize(self.base_size)
        self.setFont(font)
        self.zoom_changed.emit(font.pointSize())

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self.highlighter.set_theme(theme)
        self._highlight_current_line()

    def _highlight_current_line(self) -> None:
        selection = QTextEdit.ExtraSelection()
        color = QColor("#2a2d34") if self.theme == "dark" else QColor("#f3f6fb")
        selection.format.setBackground(color)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = self.textCursor()
        selection.cursor.clearSelection()
        self.setExtraSelections([selection])

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of a 1-based line and show it near the top."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
        self.ensureCursorVisible()
        self.setFocus()

    def first_visible_line(self) -> int:
        return self.firstVisibleBlock().blockNumber() + 1

    def scroll_to_line(self, line: int) -> None:
        self.verticalScrollBar().setValue(max(0, line - 1))

    # -- formatting actions -----------------------------------------------------

    def wrap_selection(self, before: str, after: str | None = None, placeholder: str = "") -> None:
        """Wrap the selection in markers, or remove them when it is already wrapped."""
        after = before if after is None else after
        cursor = self.textCursor()
        text = cursor.selectedText() or placeholder
        cursor.beginEditBlock()
        if text.startswith(before) and text.endswith(after) and len(text) >= len(before + after):
            cursor.insertText(text[len(before) : len(text) - len(after)])
        else:
            start = cursor.selectionStart()
            cursor.insertText(before + text + after)
            cursor.setPosition(start + len(before))
            cursor.setPosition(start + len(before) + len(text), QTextCursor.MoveMode.KeepAnchor)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def bold(self) -> None:
        self.wrap_selection("**", placeholder="bold")

    def italic(self) -> None:
        self.wrap_selection("*", placeholder="italic")

    def inline_code(self) -> None:
        cursor = self.textCursor()
        if "\u2029" in cursor.selectedText():
            self.wrap_selection("```\n", "\n```")
        else:
            self.wrap_selection("`", placeholder="code")

    def link(self, url: str = "https://") -> None:
        cursor = self.textCursor()
        text = cursor.selectedText() or "link text"
        cursor.insertText(f"[{text}]({url})")
        self.setTextCursor(cursor)

    def _each_selected_line(self, change) -> None:
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        doc = self.document()
        first, last = doc.findBlock(start), doc.findBlock(end)
        cursor.beginEditBlock()
        block = first
        while block.isValid():
            line_cursor = QTextCursor(block)
            line_cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            new = change(block.text())
            if new != block.text():
                line_cursor.insertText(new)
            if block == last:
                break
            block = block.next()
        cursor.endEditBlock()

    def heading(self, level: int | None = None) -> None:
        """Cycle the current line through heading levels (none, #, ##, ... ######)."""

        def change(text: str) -> str:
            match = _HEADING.match(text)
            current = len(match.group(1)) if match else 0
            bare = text[match.end() :] if match else text
            new_level = level if level is not None else (current % 6) + 1
            return ("#" * new_level + " " + bare) if new_level else bare

        self._each_selected_line(change)

    def bullet_list(self) -> None:
        self._toggle_prefix("- ", _LIST)

    def quote(self) -> None:
        self._toggle_prefix("> ", re.compile(r"^>\s?"))

    def _toggle_prefix(self, prefix: str, pattern: re.Pattern[str]) -> None:
        def change(text: str) -> str:
            match = pattern.match(text)
            return text[match.end() :] if match else prefix + text

        self._each_selected_line(change)

    # -- spelling ------------------------------------------------------------------------

    def misspelling_at(self, position: int) -> tuple[int, int, str] | None:
        """(start, end, word) in document positions of a misspelled word at `position`."""
        spell = self.highlighter.spell
        if spell is None or not spell.loaded:
            return None
        block = self.document().findBlock(position)
        column = position - block.position()
        text = block.text()
        for word in line_words(text):
            start, end = utf16_index(text, word.start), utf16_index(text, word.end)
            if start <= column <= end and not spell.is_correct(word.text):
                return block.position() + start, block.position() + end, word.text
        return None

    def spelling_menu(self, position: int) -> QMenu:
        """The context menu at a document position: suggestions first for a misspelled word."""
        menu = self.createStandardContextMenu()
        found = self.misspelling_at(position)
        spell = self.highlighter.spell
        if found is None or spell is None:
            return menu
        start, end, word = found
        first = menu.actions()[0] if menu.actions() else None
        entries = []
        for suggestion in spell.suggestions(word) or []:
            action = QAction(suggestion, menu)
            action.triggered.connect(lambda _c=False, s=suggestion: self.replace_range(start, end, s))
            entries.append(action)
        if not entries:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            entries.append(none)
        add = QAction(f"Add “{word}” to Site Dictionary", menu)
        add.triggered.connect(lambda: self.word_added.emit(word))
        ignore = QAction("Ignore in This Page", menu)
        ignore.triggered.connect(lambda: self.word_ignored.emit(word))
        for action in [*entries, add, ignore]:
            menu.insertAction(first, action)
        menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        position = self.cursorForPosition(event.pos()).position()
        self.spelling_menu(position).exec(event.globalPos())

    def replace_range(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)

    def next_misspelling(self, backward: bool = False) -> bool:
        """Select the next (or previous) misspelled word after the cursor, wrapping around."""
        spell = self.highlighter.spell
        if spell is None or not spell.loaded:
            return False
        doc = self.document()
        here = self.textCursor().selectionEnd() if not backward else self.textCursor().selectionStart()
        hits: list[tuple[int, int]] = []
        block = doc.begin()
        in_fence = False
        while block.isValid():
            text = block.text()
            words, in_fence_after = markdown_words(text, in_fence)
            if not in_fence:
                for word in words:
                    if not spell.is_correct(word.text):
                        hits.append((block.position() + utf16_index(text, word.start),
                                     block.position() + utf16_index(text, word.end)))
            in_fence = in_fence_after
            block = block.next()
        if not hits:
            return False
        if backward:
            before = [h for h in hits if h[1] < here]
            start, end = before[-1] if before else hits[-1]
        else:
            after = [h for h in hits if h[0] >= here]
            start, end = after[0] if after else hits[0]
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return True

    # -- images dropped or pasted ----------------------------------------------------

    def _image_files(self, source: QMimeData) -> list[Path]:
        files = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()] if source.hasUrls() else []
        return [f for f in files if f.suffix.lower() in IMAGE_EXTS and f.is_file()]

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt's name
        return bool(self._image_files(source)) or source.hasImage() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        files = self._image_files(source)
        if files:
            self.image_files_dropped.emit(files)
        elif source.hasImage() and not source.hasText():
            self.image_pasted.emit(QImage(source.imageData()))
        else:
            super().insertFromMimeData(source)

    # -- Ctrl+click on refs -----------------------------------------------------

    def ref_at(self, position: int) -> str | None:
        block = self.document().findBlock(position)
        column = position - block.position()
        for match in SHORTCODE_REF.finditer(block.text()):
            if match.start() <= column <= match.end():
                return parse_ref_args(match.group("args"))[0] or None
        return None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.highlighter.typed()
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            target = self.ref_at(self.cursorForPosition(event.position().toPoint()).position())
            if target:
                self.ref_activated.emit(target)
                return
        super().mouseReleaseEvent(event)

