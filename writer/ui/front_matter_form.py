"""The front matter form: one editor per field, generated from the page and its siblings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import yaml
from PySide6.QtCore import QDate, QDateTime, QRegularExpression, Qt, QTime, Signal
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from writer.core.document import Page
from writer.core.frontmatter.yaml_load import load_yaml
from writer.core.spell import SpellChecker
from writer.ui import messages
from writer.ui.exact_text import ExactText
from writer.ui.highlighter import SpellHighlighter
from writer.ui.spelling import underline_line_edit

SPELL_KEYS = {"title", "description", "summary", "subtitle", "seo.title", "seo.description", "caption"}
LENGTH_HINTS = {"seo.title": 60, "seo.description": 160, "description": 160}
MULTILINE_KEYS = {"description", "summary", "seo.description", "abstract"}
_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
Emit = Callable[[Any], None]


def _date_like(value: Any) -> bool:
    return isinstance(value, dt.date) or (isinstance(value, str) and bool(_ISO_DATE.match(value)))


class FrontMatterForm(QWidget):
    """Emits `field_edited(key, value)` for every change; the page itself is edited by the owner."""

    field_edited = Signal(str, object)
    field_removed = Signal(str)
    field_added = Signal(str)
    raw_applied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.tabs.addTab(self.scroll, "Fields")
        raw = QWidget()
        raw_layout = QVBoxLayout(raw)
        self.error_label = messages.label()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.raw_edit = QPlainTextEdit()
        self.raw_edit.setObjectName("raw-front-matter")
        self.raw_exact = ExactText(self.raw_edit)  # Apply hands back the block's own characters
        apply = QPushButton("Apply raw front matter")
        apply.clicked.connect(lambda: self.raw_applied.emit(self.raw_exact.text()))
        raw_layout.addWidget(self.error_label)
        raw_layout.addWidget(self.raw_edit)
        raw_layout.addWidget(apply)
        self.tabs.addTab(raw, "Raw")
        self.editors: dict[str, QWidget] = {}
        self.hints: dict[str, QLabel] = {}
        self.suggestions: dict[str, Any] = {}
        self.completions: dict[str, list[str]] = {}
        self.spell: SpellChecker | None = None
        self._spell_highlighters: list[SpellHighlighter] = []

    def set_spell(self, spell: SpellChecker | None) -> None:
        """Underline misspelled words in the prose fields (title, description, seo...)."""
        self.spell = spell
        self._spell_highlighters = []
        for key, editor in self.editors.items():
            if key not in SPELL_KEYS:
                continue
            if isinstance(editor, QLineEdit):
                underline_line_edit(editor, spell)
                if not editor.property("spell-wired"):
                    editor.setProperty("spell-wired", True)
                    editor.textChanged.connect(lambda _t, e=editor: underline_line_edit(e, self.spell))
                    editor.cursorPositionChanged.connect(lambda *_a, e=editor: underline_line_edit(e, self.spell))
            elif isinstance(editor, QPlainTextEdit):
                self._spell_highlighters.append(SpellHighlighter(editor.document(), spell))

    def load_raw_only(self, page: Page) -> None:
        """Safe mode: only the Raw tab, no fields built from the page."""
        self.editors.clear()
        self.hints.clear()
        self.raw_exact.set_text(page.front_matter.block, page.newline)
        self.tabs.setTabEnabled(0, False)
        self.tabs.setCurrentIndex(1)

    def load(self, page: Page, suggestions: dict[str, Any], completions: dict[str, list[str]]) -> None:
        """Build the form for `page`; `suggestions` are dotted keys (with a sample value) its
        section uses; `completions` are values used across the site, by key."""
        self.suggestions = suggestions
        self.completions = completions
        self.editors.clear()
        self.hints.clear()
        self.raw_exact.set_text(page.front_matter.block, page.newline)
        error = page.error
        body = QWidget()
        outer = QVBoxLayout(body)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if error is not None:
            self.error_label.setText(
                f"The front matter does not parse (line {error.line}"
                + (f", column {error.column}" if error.column else "")
                + f"): {error.message}"
            )
            self.error_label.show()
            form.addRow(messages.label("The front matter has an error: fix it in the Raw tab."))
            self.tabs.setCurrentIndex(1)
        else:
            self.error_label.hide()
            fields = dict(page.fields)
            self._add_rows(form, fields, "")
            missing = {
                k: v for k, v in suggestions.items()
                if not _has_key(fields, k) and not ("." in k and _is_group(fields, k.rsplit(".", 1)[0]))
            }  # a missing field of a group the page has is offered inside that group
            if missing:
                form.addRow(_section_label("Used by other pages of this section"))
                for key in sorted(missing):
                    self._add_row(form, key, key, None, suggested=True)
            add = QPushButton("Add field…")
            add.clicked.connect(self._ask_new_field)
            form.addRow(add)
            self.tabs.setCurrentIndex(0)
        self.scroll.setWidget(body)
        if self.spell is not None:
            self.set_spell(self.spell)

    def _add_rows(self, form: QFormLayout, fields: dict[str, Any], prefix: str) -> None:
        for key, value in fields.items():
            dotted = prefix + key
            if isinstance(value, dict):
                group = QGroupBox(key)
                inner = QFormLayout(group)
                self._add_rows(inner, value, dotted + ".")
                for sug in sorted(self.suggestions):
                    if sug.lower().startswith(dotted.lower() + ".") and "." not in sug[len(dotted) + 1 :]:
                        name = sug[len(dotted) + 1 :]
                        if not any(k.lower() == name.lower() for k in value):
                            # the page's own spelling of the group wins (`SEO.description`)
                            self._add_row(inner, name, f"{dotted}.{name}", None, suggested=True)
                form.addRow(group)
            else:
                self._add_row(form, key, dotted, value)

    def _add_row(self, form: QFormLayout, label: str, key: str, value: Any, suggested: bool = False) -> None:
        sample = value if value is not None else self.suggestions.get(key)
        editor = self._editor_for(key, value, sample)
        editor.setObjectName(f"field:{key}")
        self.editors[key] = editor
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor, 1)
        limit = LENGTH_HINTS.get(key)
        if limit:
            hint = messages.label()
            self.hints[key] = hint
            layout.addWidget(hint)
            self._update_hint(key, value)
        if not suggested:
            remove = QToolButton()
            remove.setText("×")
            remove.setToolTip(messages.tip(f"Remove the field {key}"))
            remove.clicked.connect(lambda _=False, k=key: self.field_removed.emit(k))
            layout.addWidget(remove)
        name = messages.label(label)
        if suggested:
            name.setStyleSheet("color: palette(mid);")
        form.addRow(name, row)

    def _emit(self, key: str) -> Emit:
        def emit(value: Any) -> None:
            self._update_hint(key, value)
            self.field_edited.emit(key, value)

        return emit

    def _update_hint(self, key: str, value: Any) -> None:
        hint = self.hints.get(key)
        if hint is None:
            return
        limit = LENGTH_HINTS[key]
        length = len(value) if isinstance(value, str) else 0
        hint.setText(f"{length}/{limit}")
        hint.setStyleSheet("color: #c0392b; font-weight: bold;" if length > limit else "color: palette(mid);")

    def _editor_for(self, key: str, value: Any, sample: Any) -> QWidget:
        emit = self._emit(key)
        kind = sample if sample is not None else value
        if isinstance(kind, bool):
            return _checkbox(bool(value), emit)
        if isinstance(kind, int) and not isinstance(kind, bool):
            return _int_box(value if isinstance(value, int) else 0, emit)
        if isinstance(kind, float):
            return _float_box(value if isinstance(value, float) else 0.0, emit)
        if isinstance(kind, dt.datetime):
            return _datetime_edit(value if isinstance(value, dt.datetime) else None, emit)
        if _date_like(kind) and (value is None or _date_like(value)):
            return _date_edit(value, emit)
        if isinstance(kind, list) and all(not isinstance(v, (dict, list)) for v in kind) \
                and _comma_list_ok(value or []):
            return _list_edit(value or [], self.completions.get(key, []), emit)
        if isinstance(kind, str) and _COLOR.match(kind):
            return _color_edit(value or "", emit)
        if isinstance(value, (list, dict)):
            return _yaml_edit(value, emit)
        if key in MULTILINE_KEYS or (isinstance(value, str) and "\n" in value):
            return _text_edit(value, emit)
        return _line_edit(value, emit)

    def _ask_new_field(self) -> None:
        key, ok = QInputDialog.getText(self, "Add field", "Field name (dotted for nested, e.g. seo.title):")
        if ok and key.strip():
            self.field_added.emit(key.strip())


def _has_key(fields: dict[str, Any], dotted: str) -> bool:
    """Whether the page has the field, or a group it belongs to, in any case (as Hugo reads keys)."""
    node: Any = fields
    for part in dotted.split("."):
        if not isinstance(node, dict):
            return False
        names = [k for k in node if str(k).lower() == part.lower()]
        if not names:
            return False
        node = node[names[0]]
    return True


def _is_group(fields: dict[str, Any], dotted: str) -> bool:
    node: Any = fields
    for part in dotted.split("."):
        names = [k for k in node if str(k).lower() == part.lower()] if isinstance(node, dict) else []
        if not names:
            return False
        node = node[names[0]]
    return isinstance(node, dict)


def _section_label(text: str) -> QLabel:
    label = messages.label(text)
    label.setStyleSheet("font-weight: bold; margin-top: 6px;")
    return label


def _checkbox(value: bool, emit: Emit) -> QWidget:
    box = QCheckBox()
    box.setChecked(value)
    box.toggled.connect(emit)
    return box


_WHOLE = QRegularExpression(r"[-+]?[0-9]*")


def _int_box(value: int, emit: Emit) -> QWidget:
    """A whole number of any size (a tweet id does not fit a QSpinBox's 32 bits)."""
    edit = QLineEdit(str(value))
    edit.setObjectName("int-box")
    edit.setValidator(QRegularExpressionValidator(_WHOLE, edit))

    def changed(text: str) -> None:
        digits = text.strip()
        if digits not in ("", "-", "+"):
            emit(int(digits))

    edit.textEdited.connect(changed)
    return edit


def _float_box(value: float, emit: Emit) -> QWidget:
    box = QDoubleSpinBox()
    box.setRange(-1e12, 1e12)
    box.setDecimals(4)
    box.setValue(value)
    box.valueChanged.connect(emit)
    return box


def _date_edit(value: Any, emit: Emit) -> QWidget:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.date):
        edit.setDate(QDate(value.year, value.month, value.day))
    else:
        edit.setDate(QDate.currentDate())
    edit.dateChanged.connect(lambda d: emit(dt.date(d.year(), d.month(), d.day())))
    return edit


def _datetime_edit(value: dt.datetime | None, emit: Emit) -> QWidget:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
    value = value or dt.datetime.now().replace(microsecond=0)
    tz = value.tzinfo
    edit.setDateTime(
        QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))
    )

    def changed(qdt: QDateTime) -> None:
        d, t = qdt.date(), qdt.time()
        emit(dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), tzinfo=tz))

    edit.dateTimeChanged.connect(changed)
    return edit


def _line_edit(value: Any, emit: Emit) -> QWidget:
    edit = QLineEdit("" if value is None else str(value))
    edit.setCursorPosition(0)  # a long value shows its beginning, not its end
    was_none = value is None
    edit.textEdited.connect(lambda text: emit(None if was_none and not text else text))
    return edit


def _text_edit(value: Any, emit: Emit) -> QWidget:
    edit = QPlainTextEdit()
    exact = ExactText(edit)  # a no-break space elsewhere in the value stays one
    exact.set_text("" if value is None else str(value))
    edit.setMaximumHeight(70)
    edit.setTabChangesFocus(True)
    was_none = value is None
    edit.textChanged.connect(lambda: emit(None if was_none and not exact.text() else exact.text()))
    return edit


def _comma_list_ok(value: Any) -> bool:
    """A list a comma-separated line gives back exactly: texts without commas or outer spaces
    (numbers, dates, `true` or "Berlin, Germany" would come back as other values)."""
    return isinstance(value, list) and all(
        isinstance(v, str) and v and "," not in v and v == v.strip() for v in value)


def _list_edit(value: list[Any], completions: list[str], emit: Emit) -> QWidget:
    edit = QLineEdit(", ".join(str(v) for v in value))
    edit.setPlaceholderText("comma, separated, values")
    if completions:
        completer = QCompleter(completions, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(completer)

    def changed(text: str) -> None:
        emit([part.strip() for part in text.split(",") if part.strip()])

    edit.textEdited.connect(changed)
    return edit


def _color_edit(value: str, emit: Emit) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    edit = QLineEdit(value)
    swatch = QPushButton()
    swatch.setFixedWidth(32)
    swatch.setToolTip("Choose a colour")

    def paint(text: str) -> None:
        swatch.setStyleSheet(f"background: {text};" if _COLOR.match(text) else "")

    def pick() -> None:
        color = QColorDialog.getColor(QColor(edit.text() or "#ffffff"), box)
        if color.isValid():
            edit.setText(color.name())
            paint(color.name())
            emit(color.name())

    edit.textEdited.connect(lambda text: (paint(text), emit(text)))
    swatch.clicked.connect(pick)
    paint(value)
    layout.addWidget(edit, 1)
    layout.addWidget(swatch)
    return box


def _yaml_edit(value: Any, emit: Emit) -> QWidget:
    edit = QPlainTextEdit(yaml.safe_dump(value, allow_unicode=True, sort_keys=False).rstrip())
    edit.setMaximumHeight(90)

    def changed() -> None:
        try:
            parsed = load_yaml(edit.toPlainText())  # Hugo's reading: `yes` stays text
        except (yaml.YAMLError, ValueError, RecursionError):
            edit.setStyleSheet("border: 1px solid #c0392b;")
            return
        edit.setStyleSheet("")
        emit(parsed)

    edit.textChanged.connect(changed)
    return edit
