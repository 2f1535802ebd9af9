"""New page, rename or move, and delete: the weekly site operations, each previewed first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from writer.core.errors import WriterError
from writer.core.hugo.drafts import inbound_links
from writer.core.hugo.index import ContentIndex, PageInfo
from writer.core.hugo.move import MovePlan, apply_move, plan_move
from writer.core.hugo.newpage import apply_new_page, plan_new_page, section_of, sections, slug_for, slug_style
from writer.ui import messages


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _error_label() -> QLabel:
    label = messages.label()
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    return label


class NewPageDialog(QDialog):
    def __init__(self, index: ContentIndex, section: str = "", lang: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Page")
        self.index = index
        self.created: Path | None = None
        self.section = QComboBox()
        self.section.setEditable(True)
        self.section.addItems(sections(index))
        if section:
            self.section.setCurrentText(section)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("The page's title")
        self.slug_edit = QLineEdit()
        self.slug_edit.setPlaceholderText("made from the title")
        self.lang = QComboBox()
        for language in index.site.languages:
            self.lang.addItem(f"{language.label or language.code} ({language.code})", language.code)
        self.lang.setCurrentIndex(max(0, self.lang.findData(lang or index.site.default_language)))
        self.where = messages.label()
        self.where.setStyleSheet("color: palette(mid);")
        self.error = _error_label()
        self.new_section = QCheckBox("Create this section (the folder does not exist yet)")
        self.new_section.setVisible(False)
        form = QFormLayout()
        form.addRow("Section", self.section)
        form.addRow("", self.new_section)
        form.addRow("Title", self.title_edit)
        form.addRow("Slug", self.slug_edit)
        form.addRow("Language", self.lang)
        form.addRow("", self.where)
        buttons = _buttons(self, "Create Draft")
        buttons.accepted.connect(self.create)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._slug_edited = False
        self.title_edit.textChanged.connect(self._on_title_changed)
        self.lang.currentIndexChanged.connect(self._on_title_changed)
        self.slug_edit.textEdited.connect(self._on_slug_edit_text_edited)
        for signal in (self.slug_edit.textChanged, self.section.currentTextChanged, self.lang.currentIndexChanged,
                       self.title_edit.textChanged, self.new_section.toggled):
            signal.connect(self._update_where)
        self._update_where()

    def _on_title_changed(self, _title: str = "") -> None:
        if not self._slug_edited:  # the site's own spelling (fuer or für) for the chosen language
            title = self.title_edit.text()
            style = slug_style(self.index, self.lang.currentData())
            self.slug_edit.setText(slug_for(title, style) if title.strip() else "")

    def _on_slug_edit_text_edited(self, _text: str) -> None:
        self._slug_edited = True
        self._update_where()

    def _plan(self):
        slug = self.slug_edit.text().strip() if self._slug_edited else ""
        return plan_new_page(self.index, self.section.currentText(), self.title_edit.text().strip(),
                             self.lang.currentData(), slug=slug or None,
                             new_section=not self.new_section.isHidden() and self.new_section.isChecked())

    def _section_is_new(self) -> bool:
        """Whether the typed section does not exist but could be made (then the check box shows)."""
        text = self.section.currentText()
        try:
            section_of(self.index, text)
        except WriterError:
            try:
                section_of(self.index, text, new_section=True)
            except WriterError:
                return False
            return True
        return False

    def _update_where(self, *_args) -> None:
        self.new_section.setVisible(self._section_is_new())
        try:
            plan = self._plan()
        except WriterError as exc:
            self.where.setText("")
            self.error.setText(exc.message if self.title_edit.text().strip() or "title" not in exc.message else "")
            self.ok.setEnabled(False)
            return
        self.error.setText("")
        self.ok.setEnabled(True)
        self.where.setText(self.index.site.rel(plan.target))

    def create(self) -> None:
        if not self.title_edit.text().strip():
            self.error.setText("A new page needs a title.")
            return
        try:
            plan = self._plan()
            self.created = apply_new_page(plan, self.index.site.root)
        except (WriterError, OSError) as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class MoveDialog(QDialog):
    """Shows every file the move changes before anything is written."""

    def __init__(self, index: ContentIndex, page: PageInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rename or Move")
        self.resize(640, 420)
        self.index, self.page = index, page
        self.plan: MovePlan | None = None
        self.new_path = QLineEdit(page.logical)
        self.changes = QListWidget()
        self.error = _error_label()
        form = QFormLayout()
        form.addRow("Page", messages.label(page.title or page.path))
        form.addRow("New path", self.new_path)
        buttons = _buttons(self, "Move")
        buttons.accepted.connect(self.apply)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(messages.label("Files that will change:"))
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.new_path.textChanged.connect(self.preview)
        self.preview()  # the home page and section pages cannot move: say so at once

    def preview(self, *_args) -> None:
        self.changes.clear()
        self.plan = None
        self.ok.setEnabled(False)
        target = self.new_path.text().strip()
        if target.strip("/") == self.page.logical and self.page.kind == "page":
            self.error.setText("")
            return
        try:
            self.plan = plan_move(self.index, self.page, target)
        except (WriterError, OSError) as exc:
            self.error.setText(exc.message if isinstance(exc, WriterError) and exc.path is None else str(exc))
            return
        self.error.setText("")
        self.ok.setEnabled(True)
        self.changes.addItems(self.plan.changed_files(self.index.site.root))

    def apply(self) -> None:
        if self.plan is None:
            self.preview()
        if self.plan is None:
            return
        try:
            apply_move(self.plan, self.index.site.root)
        except (WriterError, OSError) as exc:
            self.error.setText(f"Nothing was changed: {exc}")
            return
        self.accept()


class DeleteDialog(QDialog):
    """Moves the page (all languages or one) to the system trash; lists the pages linking to it."""

    def __init__(self, index: ContentIndex, page: PageInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete Page")
        self.index, self.page = index, page
        self.trashed: list[Path] = []
        self.all_languages = QCheckBox(f"All languages ({', '.join(sorted({page.lang, *index.translations(page)}))})")
        self.all_languages.setChecked(False)
        links = QListWidget()
        for path, line in inbound_links(index, page):
            links.addItem(f"{path}:{line}")
        self.error = _error_label()
        buttons = _buttons(self, "Move to Trash")
        buttons.accepted.connect(self.delete)
        layout = QVBoxLayout(self)
        layout.addWidget(messages.label(f"{page.title or page.path} ({page.lang.upper()})", bold=True))
        layout.addWidget(self.all_languages)
        layout.addWidget(messages.label(f"{links.count()} link(s) to it will break:"))
        layout.addWidget(links)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.links = links

    def files(self) -> list[Path]:
        root = self.index.site.root
        members = [self.page, *self.index.translations(self.page).values()] if self.all_languages.isChecked() \
            else [self.page]
        if self.page.bundle == "leaf" and self.all_languages.isChecked():
            return [(root / self.page.path).parent]  # the bundle with its images
        return [root / m.path for m in members]

    def delete(self) -> None:
        for path in self.files():
            if not QFile.moveToTrash(str(path)):
                self.error.setText(f"{path.name} could not be moved to the trash; nothing else was deleted.")
                return
            self.trashed.append(path)
        self.accept()
