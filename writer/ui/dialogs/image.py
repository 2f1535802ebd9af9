"""Insert an image: copy it into the page's bundle (or static/), ask for alt text and caption.

A file that fits and keeps its format is copied byte for byte; otherwise the image is encoded
small (see `writer.ui.image_encode`) in the background, and the dialog shows the file's size
before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, Qt
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
    DEFAULT_JPEG_QUALITY,
    ENCODED_FORMATS,
    FORMAT_LABELS,
    WEB_FORMATS,
    ImageOutput,
    ImagePlan,
    apply_image_import,
    image_format,
    image_markdown,
    offered_formats,
    plan_image_import,
    plan_output,
    safe_image_name,
    suggested_format,
    with_format,
)
from writer.core.textio import size_text
from writer.ui import messages
from writer.ui.image_encode import EncodeKey, ImageEncoder, encode, pixel_facts, writable_formats


def read_image(source: Path) -> QImage:
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)  # upright as the camera's orientation says: encoding drops EXIF
    return reader.read()


class ImageDialog(QDialog):
    """Give it a file (dropped or chosen) or a clipboard image; `markdown` is set on accept."""

    def __init__(self, site_root: Path, page_file: Path, bundle: str, *, source: Path | None = None,
                 image: QImage | None = None, max_width: int = 0, quality: int = DEFAULT_JPEG_QUALITY,
                 webp: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Insert Image")
        self.site_root, self.page_file, self.bundle = site_root, page_file, bundle
        self.source, self.image = source, image
        self.markdown = ""
        self.written: Path | None = None
        self.moves: dict[Path, Path] = {}
        if image is None and source is not None:
            self.image = read_image(source)
        readable = self.image is not None and not self.image.isNull()
        self.source_format = image_format(source.name) if source else None
        if readable:
            offered = offered_formats(self.source_format, writable_formats(), webp=webp)
        else:  # kept as it is (an SVG), or nothing to insert
            offered = (self.source_format,) if self.source_format in WEB_FORMATS else ()
        fmt = suggested_format(self.source_format, pixel_facts(self.image) if readable else None, offered) \
            if offered else "png"
        self.encoded: dict[EncodeKey, bytes] = {}
        self.encoder = ImageEncoder(self.image if readable else QImage(), parent=self)
        self.encoder.encoded.connect(self._on_encoder_encoded)
        self._build(offered, fmt, max_width, quality)
        self._refresh()

    def _build(self, offered: tuple[str, ...], fmt: str, max_width: int, quality: int) -> None:
        thumb = messages.label()
        if self.image is not None and not self.image.isNull():
            thumb.setPixmap(QPixmap.fromImage(self.image).scaled(
                320, 180, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.name_edit = QLineEdit(with_format(safe_image_name(self.source.name if self.source else "screenshot.png"),
                                               fmt))
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
        if self.bundle == "none":
            self.place.addItem("Turn the page into a bundle and copy the image into it", "bundle")
            self.place.addItem("Copy to static/images/<section>/", "static")
        else:
            self.place.addItem("Copy into the page's bundle", "bundle")
        self.width_box = QSpinBox()
        self.width_box.setRange(0, 10000)
        self.width_box.setSpecialValueText("keep the original size")
        self.width_box.setSuffix(" px")
        self.width_box.setValue(max_width)
        self.format_box = QComboBox()
        for key in offered:
            self.format_box.addItem(self._format_label(key), key)
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(fmt)))
        self.quality_box = QSpinBox()
        self.quality_box.setRange(1, 100)
        self.quality_box.setValue(quality)
        self.quality_box.setToolTip("JPEG and WebP quality: lower is smaller, 85 shows no visible loss in photos")
        self.size_label = messages.label()
        self.size_label.setWordWrap(True)
        self._lay_out(thumb)
        self.alt_edit.textChanged.connect(lambda text: self.alt_warning.setVisible(not text.strip()))
        self.format_box.currentIndexChanged.connect(self._on_format_box_changed)
        self.width_box.valueChanged.connect(self._refresh)
        self.quality_box.valueChanged.connect(self._refresh)

    def _lay_out(self, thumb: QWidget) -> None:
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
        form.addRow("Format", self.format_box)
        form.addRow("Quality", self.quality_box)
        form.addRow("File size", self.size_label)
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

    # -- the file that will be written ------------------------------------------------

    def _width(self) -> int:
        return self.image.width() if self.image is not None and not self.image.isNull() else 0

    def _output_as(self, fmt: str) -> ImageOutput:
        return plan_output(self.source_format, fmt, self._width(), self.width_box.value())

    def output(self) -> ImageOutput:
        """What will be written with the options as they are now."""
        return self._output_as(self.format_box.currentData() or "png")

    def _key(self, fmt: str) -> EncodeKey:
        scale_to = plan_output(None, fmt, self._width(), self.width_box.value()).scale_to
        return EncodeKey.of(fmt, scale_to, self.quality_box.value())

    def _format_label(self, fmt: str, size: int | None = None) -> str:
        label = FORMAT_LABELS.get(fmt, fmt.upper())
        if fmt == self.source_format:
            label += " (the file's format)"
        return f"{label}: {size_text(size)}" if size is not None else label

    def _on_format_box_changed(self) -> None:
        fmt = self.format_box.currentData()
        if fmt:
            self.name_edit.setText(with_format(self.name_edit.text().strip() or "image", fmt))
        self._refresh()

    def _refresh(self) -> None:
        """Show what is known of the sizes now; encode the rest in the background, the chosen
        format first (never on the UI thread: a large image takes a second)."""
        output = self.output()
        self.quality_box.setEnabled(output.fmt in ("jpg", "webp") and not output.keep_bytes)
        formats = [self.format_box.itemData(i) for i in range(self.format_box.count())]
        keys = {fmt: self._key(fmt) for fmt in formats
                if self._width() and fmt in ENCODED_FORMATS and not self._output_as(fmt).keep_bytes}
        self.encoded = {key: data for key, data in self.encoded.items() if key in keys.values()}
        for index, fmt in enumerate(formats):
            data = self.encoded.get(keys[fmt]) if fmt in keys else None
            size = len(data) if data else self._source_size() if fmt not in keys else None
            self.format_box.setItemText(index, self._format_label(fmt, size))
        self._show_size(output)
        missing = sorted((key for key in keys.values() if key not in self.encoded), key=lambda k: k.fmt != output.fmt)
        if missing:
            self.encoder.request(missing)

    def _source_size(self) -> int | None:
        return self.source.stat().st_size if self.source is not None and self.source.is_file() else None

    def _show_size(self, output: ImageOutput) -> None:
        limit = self.width_box.value()
        if output.keep_bytes:
            wider = limit and (not self._width() or self._width() > limit)
            note = f" ({FORMAT_LABELS.get(output.fmt, output.fmt)} is not resized)" if wider else ""
            self.size_label.setText(f"{size_text(self._source_size() or 0)}, the file as it is{note}")
            return
        if not self._width():
            self.size_label.setText("The image cannot be read.")
            return
        width, height = self.image.width(), self.image.height()
        if output.scale_to:
            width, height = output.scale_to, max(1, round(height * output.scale_to / width))
        data = self.encoded.get(self._key(output.fmt))
        size = size_text(len(data)) if data else "working it out…"
        self.size_label.setText(f"{size} as {FORMAT_LABELS[output.fmt]}, {width:,} × {height:,} px")

    def _on_encoder_encoded(self, key: EncodeKey, data: bytes) -> None:
        if not data or key != self._key(key.fmt):
            return  # failed, or the options changed meanwhile
        self.encoded[key] = data
        index = self.format_box.findData(key.fmt)
        if index >= 0:
            self.format_box.setItemText(index, self._format_label(key.fmt, len(data)))
        self._show_size(self.output())

    # -- inserting ---------------------------------------------------------------------

    def plan(self) -> ImagePlan:
        name = with_format(self.name_edit.text().strip() or "image", self.output().fmt)
        return plan_image_import(self.site_root, self.page_file, name, self.bundle, mode=self.place.currentData())

    def insert(self) -> None:
        try:
            plan = self.plan()
            apply_image_import(plan, self.file_bytes())
        except (WriterError, OSError) as exc:
            self.error.setText(str(exc))
            return
        self.written = plan.target
        self.moves = plan.page_after_moves
        self.markdown = image_markdown(plan.src, self.alt_edit.text().strip(), self.caption_edit.text().strip(),
                                       figure=self.as_figure.isChecked())
        self.accept()

    def file_bytes(self) -> bytes:
        """The bytes of the file to write: the source's own, or the image encoded as chosen."""
        output = self.output()
        if output.keep_bytes and self.source is not None:
            return self.source.read_bytes()  # the file as it is, byte for byte
        if self.image is None or self.image.isNull() or output.fmt not in ENCODED_FORMATS:
            raise WriterError("the image cannot be read", self.source)
        key = self._key(output.fmt)
        data = self.encoded.get(key)
        return data if data else encode(self.image, key.fmt, key.quality, key.scale_to)

    def wait_for_size(self, msecs: int = 10000) -> bool:
        """Wait (events running) until the chosen format's size is known (tests, screenshots)."""
        deadline = QDeadlineTimer(msecs)
        while not deadline.hasExpired():
            QCoreApplication.processEvents()
            output = self.output()
            if output.keep_bytes or self._key(output.fmt) in self.encoded:
                return True
            self.encoder.wait(20)
        return False

    def done(self, result: int) -> None:
        self.encoder.stop()
        super().done(result)
