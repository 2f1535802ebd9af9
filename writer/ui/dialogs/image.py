"""Insert an image: copy it into the page's bundle (or static/), ask for alt text and caption."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from writer.core.errors import WriterError
from writer.core.hugo.images import (
    ImagePlan,
    apply_image_import,
    image_markdown,
    plan_image_import,
    safe_image_name,
)
from writer.ui import messages


def encode_image(image: QImage, name: str, max_width: int) -> bytes:
    """The image's bytes in the format its name says, scaled down to `max_width` if wider."""
    if max_width and image.width() > max_width:
        image = image.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    fmt = "JPG" if name.lower().endswith((".jpg", ".jpeg")) else name.rsplit(".", 1)[-1].upper()
    image.save(buffer, fmt, 90)
    return bytes(data.data())


class ImageDialog(QDialog):
    """Give it a file (dropped or chosen) or a clipboard image; `markdown` is set on accept."""

    def __init__(self, site_root: Path, page_file: Path, bundle: str, *, source: Path | None = None,
                 image: QImage | None = None, max_width: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Insert Image")
        self.site_root, self.page_file, self.bundle = site_root, page_file, bundle
        self.source, self.image = source, image
        self.markdown = ""
        self.written: Path | None = None
        self.moves: dict[Path, Path] = {}
        if image is None and source is not None:
            self.image = QImageReader(str(source)).read()
        thumb = messages.label()
        if self.image is not None and not self.image.isNull():
            thumb.setPixmap(QPixmap.fromImage(self.image).scaled(
                320, 180, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.name_edit = QLineEdit(safe_image_name(source.name if source else "screenshot.png"))
        self.alt_edit = QLineEdit()
        self.alt_edit.setPlaceholderText("What the image shows, for readers who cannot see it")
        self.alt_warning = messages.label("Without alt text the image is lost to screen readers and search engines.")
        self.alt_warning.setStyleSheet("color: #b45309;")
        self.alt_warning.setWordWrap(True)
        self.caption_edit = QLineEdit()
        self.caption_edit.setPlaceholderText("Optional caption")
        self.as_paragraph = QRadioButton("Caption as a paragraph under the image")
        self.as_figure = QRadioButton("figure shortcode")
        self.as_paragraph.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.as_paragraph)
        group.addButton(self.as_figure)
        self.place = QComboBox()
        if bundle == "none":
            self.place.addItem("Turn the page into a bundle and copy the image into it", "bundle")
            self.place.addItem("Copy to static/images/<section>/", "static")
        else:
            self.place.addItem("Copy into the page's bundle", "bundle")
        self.width_box = QSpinBox()
        self.width_box.setRange(0, 10000)
        self.width_box.setSpecialValueText("keep the original size")
        self.width_box.setSuffix(" px")
        self.width_box.setValue(max_width)
        form = QFormLayout()
        form.addRow(thumb)
        form.addRow("File name", self.name_edit)
        form.addRow("Alt text", self.alt_edit)
        form.addRow("", self.alt_warning)
        form.addRow("Caption", self.caption_edit)
        form.addRow("", self.as_paragraph)
        form.addRow("", self.as_figure)
        form.addRow("Where", self.place)
        form.addRow("Max. width", self.width_box)
        self.error = messages.label()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.insert)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.alt_edit.textChanged.connect(lambda text: self.alt_warning.setVisible(not text.strip()))

    def plan(self) -> ImagePlan:
        return plan_image_import(self.site_root, self.page_file, self.name_edit.text().strip() or "image.png",
                                 self.bundle, mode=self.place.currentData())

    def insert(self) -> None:
        try:
            plan = self.plan()
            apply_image_import(plan, self._bytes(plan.target.name))
        except (WriterError, OSError) as exc:
            self.error.setText(str(exc))
            return
        self.written = plan.target
        self.moves = plan.page_after_moves
        self.markdown = image_markdown(plan.src, self.alt_edit.text().strip(), self.caption_edit.text().strip(),
                                       figure=self.as_figure.isChecked())
        self.accept()

    def _bytes(self, name: str) -> bytes:
        width = self.width_box.value()
        needs_scaling = self.image is not None and bool(width) and self.image.width() > width
        if self.source is not None and not needs_scaling and safe_image_name(self.source.name).rsplit(
            ".", 1
        )[-1] == name.rsplit(".", 1)[-1]:
            return self.source.read_bytes()  # the file as it is, byte for byte
        if self.image is None or self.image.isNull():
            raise WriterError("the image cannot be read", self.source)
        return encode_image(self.image, name, width)
