"""Encode an imported image with Qt, small: PNG at full zlib compression in the leanest lossless
pixel format (no alpha channel when all is opaque, grey, or a palette of at most 256 colours),
JPEG optimised and progressive, WebP lossy or lossless. `ImageEncoder` does it off the UI thread
so that the image dialog can show the size of the file before it is written."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter

from writer.core.hugo.images import ENCODED_FORMATS, PixelFacts

SAMPLE_WIDTH, SAMPLE_HEIGHT = 400, 250  # pixels looked at to judge an image (100,000)
Fmt = QImage.Format


def writable_formats() -> tuple[str, ...]:
    """The formats of `ENCODED_FORMATS` this Qt can write (WebP needs Qt's WebP image plugin)."""
    have = {bytes(f.data()).decode().lower() for f in QImageWriter.supportedImageFormats()}
    qt_name = {"png": "png", "jpg": "jpeg", "webp": "webp", "webp-lossless": "webp"}
    return tuple(fmt for fmt in ENCODED_FORMATS if qt_name[fmt] in have)


def is_opaque(image: QImage) -> bool:
    if not image.hasAlphaChannel():
        return True
    alpha = image.convertToFormat(Fmt.Format_Alpha8)
    full = QImage(alpha.size(), Fmt.Format_Alpha8)
    full.fill(QColor(0, 0, 0, 255))
    return alpha == full


def _sample(image: QImage) -> QImage:
    """At most 400 x 250 of the image's own pixels (picked, not blended: no new colours)."""
    if image.width() * image.height() > SAMPLE_WIDTH * SAMPLE_HEIGHT:
        image = image.scaled(min(image.width(), SAMPLE_WIDTH), min(image.height(), SAMPLE_HEIGHT),
                             Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation)
    return image.convertToFormat(Fmt.Format_ARGB32)


def pixel_facts(image: QImage) -> PixelFacts:
    """Translucency of the whole image, distinct colours of a sample (a few ms at any size)."""
    sample = _sample(image)
    words = memoryview(sample.constBits()).cast("I")  # ARGB32 lines have no padding
    return PixelFacts(not is_opaque(image), len(set(words)), len(words))


def png_candidates(image: QImage) -> list[QImage]:
    """The image in the leanest pixel formats that keep every pixel: 8-bit grey, or a palette
    when it has at most 256 colours (Qt writes an indexed image as a palette PNG; its conversion
    holds the GIL, so it is tried only when a sample has few colours), else as it is."""
    if not image.hasAlphaChannel() and image.isGrayscale():
        grey = image.convertToFormat(Fmt.Format_Grayscale8)
        if grey.convertToFormat(image.format()) == image:
            return [grey]
    candidates = [image]
    if len(set(memoryview(_sample(image).constBits()).cast("I"))) <= 256:
        indexed = image.convertToFormat(Fmt.Format_Indexed8)
        if indexed.convertToFormat(Fmt.Format_ARGB32) == image.convertToFormat(Fmt.Format_ARGB32):
            candidates.insert(0, indexed)
    return candidates


def on_white(image: QImage) -> QImage:
    """The image over white, without alpha (JPEG has none: transparent would turn black)."""
    if not image.hasAlphaChannel():
        return image
    flat = QImage(image.size(), Fmt.Format_RGB32)
    flat.setDotsPerMeterX(image.dotsPerMeterX())
    flat.setDotsPerMeterY(image.dotsPerMeterY())
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def write(image: QImage, qt_format: bytes, quality: int, *, optimised: bool = False) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(qt_format))
    writer.setQuality(quality)
    if optimised:
        writer.setOptimizedWrite(True)
        writer.setProgressiveScanWrite(True)
    if not writer.write(image):
        raise OSError(f"the image could not be encoded: {writer.errorString()}")
    return bytes(data.data())


def encode(image: QImage, fmt: str, quality: int, scale_to: int = 0) -> bytes:
    """The image as `fmt` (one of `ENCODED_FORMATS`), scaled down to `scale_to` px wide first."""
    if scale_to and image.width() > scale_to:
        image = image.scaledToWidth(scale_to, Qt.TransformationMode.SmoothTransformation)
    if image.hasAlphaChannel() and is_opaque(image):
        image = image.convertToFormat(Fmt.Format_RGB32)  # no alpha channel to store
    if fmt == "png":  # Qt's PNG quality 0 is zlib level 9 (quality 90 was level 0)
        return min((write(c, b"png", 0) for c in png_candidates(image)), key=len)
    if fmt == "jpg":
        return write(on_white(image), b"jpeg", quality, optimised=True)
    if fmt == "webp":
        return write(image, b"webp", min(quality, 99))  # 100 means lossless to Qt
    if fmt == "webp-lossless":
        return write(image, b"webp", 100)
    raise ValueError(f"Writer cannot write {fmt} images")


@dataclass(frozen=True)
class EncodeKey:
    """One way to encode the dialog's image; quality only counts for the lossy formats."""

    fmt: str
    scale_to: int
    quality: int

    @classmethod
    def of(cls, fmt: str, scale_to: int, quality: int) -> EncodeKey:
        return cls(fmt, scale_to, quality if fmt in ("jpg", "webp") else 0)


class _Signals(QObject):
    encoded = Signal(object, bytes)  # EncodeKey, the file's bytes (empty: it failed)


class _EncodeJob(QRunnable):
    def __init__(self, encoder: ImageEncoder, generation: int, image: QImage, keys: list[EncodeKey]) -> None:
        super().__init__()
        self.encoder, self.generation, self.image, self.keys = encoder, generation, image, keys
        self.signals = encoder.signals

    def run(self) -> None:
        for key in self.keys:
            if self.encoder.stale(self.generation):
                return  # the options changed: a newer job encodes what is wanted now
            try:
                data = encode(self.image, key.fmt, key.quality, key.scale_to)
            except (OSError, ValueError):
                data = b""
            with contextlib.suppress(RuntimeError):  # the dialog closed while this ran
                self.signals.encoded.emit(key, data)


class ImageEncoder(QObject):
    """Encodes an image in the background, `delay_ms` after the last request (bursts of
    changes to the options merge); `encoded(key, data)` for each result, in order of `keys`."""

    encoded = Signal(object, bytes)

    def __init__(self, image: QImage, delay_ms: int = 150, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self.signals = _Signals()
        self.signals.encoded.connect(self.encoded.emit)
        self._keys: list[EncodeKey] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)

    def request(self, keys: list[EncodeKey]) -> None:
        self.generation += 1
        self._keys = keys
        self._timer.start()

    def stale(self, generation: int) -> bool:
        return generation != self.generation

    def _start(self) -> None:
        if self._keys:
            self.pool.start(_EncodeJob(self, self.generation, self.image, self._keys))
            self._keys = []

    def stop(self) -> None:
        """Drop what waits; a job already running finishes its current image and stops."""
        self._timer.stop()
        self.generation += 1
        self.pool.clear()

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)
