"""Create translated copies: the site's languages, which exist, and copies for the chosen ones."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex, PageInfo
from writer.core.hugo.translate import TranslationPlan, apply_translation, plan_translations
from writer.ui import messages


class TranslateDialog(QDialog):
    def __init__(self, index: ContentIndex, page: PageInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Translated Copies")
        self.index, self.page = index, page
        self.created: list[Path] = []
        existing = index.translations(page)
        layout = QVBoxLayout(self)
        layout.addWidget(messages.label(f"{page.title or page.path} ({page.lang.upper()})", bold=True))
        self.boxes: dict[str, QCheckBox] = {}
        for language in index.site.languages:
            code = language.code
            if code == page.lang:
                continue
            box = QCheckBox(f"{language.label or code} ({code})")
            if code in existing:
                box.setText(box.text() + f" — exists: {existing[code].path}")
                box.setChecked(True)
                box.setEnabled(False)
            self.boxes[code] = box
            box.toggled.connect(self._check)
            layout.addWidget(box)
        self.draft = QCheckBox("Mark the copies as drafts (draft: true)")
        self.draft.setChecked(True)
        layout.addWidget(self.draft)
        self.message = messages.label()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Create copies")
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.draft.toggled.connect(self._check)
        self._check()

    def chosen(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isEnabled() and box.isChecked()]

    def _plans(self) -> list[TranslationPlan]:
        return plan_translations(self.index, self.page, self.chosen(), draft=self.draft.isChecked())

    def _check(self, *_args) -> None:
        """OK only when the chosen languages can all be written: every copy is planned first."""
        self.ok.setEnabled(False)
        if not self.chosen():
            every = not any(box.isEnabled() for box in self.boxes.values())
            self.message.setText("Every language of the site has a copy." if every
                                 else "Choose the languages to copy the page into.")
            return
        try:
            self._plans()
        except (WriterError, OSError) as exc:
            self._show_error(exc)
            return
        self.message.setText("")
        self.ok.setEnabled(True)

    def _show_error(self, exc: Exception) -> None:
        self.message.setText(f"<span style='color:#c0392b'>{exc}</span>")

    def create(self) -> None:
        try:
            plans = self._plans()
            for plan in plans:
                self.created.append(apply_translation(plan, self.index.site.root))
        except (WriterError, OSError) as exc:
            self._show_error(exc)
            return
        self.accept()
