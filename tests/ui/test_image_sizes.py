"""Images Writer writes are small: a file that fits is copied byte for byte, a screenshot is a
fully compressed (and, with few colours, palette) PNG, a photo a JPEG at the quality setting;
the dialog shows the size before anything is written, and encodes off the UI thread."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from image_samples import photo, screenshot
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter

from writer.core.textio import size_text
from writer.ui.dialogs import image as image_dialog
from writer.ui.dialogs.image import ImageDialog
from writer.ui.image_encode import encode, writable_formats

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"
PAGE = "content/blog/remote-teams/index.de.md"


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


def answer(monkeypatch, act) -> None:
    def exec_(self):
        act(self)
        return self.result()

    monkeypatch.setattr(ImageDialog, "exec", exec_)


def insert_with(dialog: ImageDialog, **options) -> None:
    dialog.alt_edit.setText("Ein Bild")
    if "width" in options:
        dialog.width_box.setValue(options["width"])
    if "fmt" in options:
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(options["fmt"]))
    dialog.insert()


def old_encoding(image: QImage, width: int) -> bytes:
    """What Writer wrote before: `image.save(buffer, "PNG", 90)`, zlib level 0."""
    from PySide6.QtCore import Qt

    image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 90)
    return bytes(data.data())


def same_pixels(a: QImage, b: QImage) -> bool:
    return a.convertToFormat(QImage.Format.Format_ARGB32) == b.convertToFormat(QImage.Format.Format_ARGB32)


def test_a_pasted_screenshot_is_as_small_as_pillows_optimised_png(qapp) -> None:
    pillow = pytest.importorskip("PIL.Image")
    shot = screenshot(1600, 1000)
    ours = encode(shot, "png", 85)
    assert same_pixels(QImage.fromData(ours), shot)  # lossless
    out = io.BytesIO()
    pillow.open(io.BytesIO(ours)).convert("RGB").save(out, "PNG", optimize=True)  # the same pixels
    print(f"screenshot 1,600 x 1,000: Writer {len(ours):,} bytes, Pillow optimize=True {len(out.getvalue()):,}")
    assert len(ours) <= 1.2 * len(out.getvalue()), (len(ours), len(out.getvalue()))
    assert len(ours) < 400_000  # ImageMagick made 376 KB of the reported 247 KB screenshot


def test_few_colours_become_a_palette_png_and_grey_stays_grey(qapp) -> None:
    flat = QImage(1200, 800, QImage.Format.Format_ARGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    for i in range(150):
        painter.fillRect((i * 37) % 1100, (i * 53) % 760, 90, 30, QColor.fromHsv((i * 7) % 360, 200, 200))
    painter.end()
    data = encode(flat, "png", 85)
    assert QImage.fromData(data).format() == QImage.Format.Format_Indexed8 and same_pixels(QImage.fromData(data), flat)
    grey = screenshot(800, 500).convertToFormat(QImage.Format.Format_Grayscale8).convertToFormat(
        QImage.Format.Format_RGB32)
    data = encode(grey, "png", 85)
    assert QImage.fromData(data).format() == QImage.Format.Format_Grayscale8 and same_pixels(
        QImage.fromData(data), grey)


def test_translucent_pixels_survive_and_jpeg_gets_a_white_ground(qapp) -> None:
    badge = QImage(300, 200, QImage.Format.Format_ARGB32)
    badge.fill(QColor(0, 0, 0, 0))
    painter = QPainter(badge)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(QColor(200, 30, 30, 180))
    painter.drawEllipse(20, 20, 260, 160)
    painter.end()
    assert same_pixels(QImage.fromData(encode(badge, "png", 85)), badge)
    corner = QImage.fromData(encode(badge, "jpg", 85)).pixelColor(2, 2)
    assert min(corner.red(), corner.green(), corner.blue()) > 240  # white, not black


def test_a_dropped_file_that_fits_is_copied_byte_for_byte(window, sample, tmp_path, monkeypatch) -> None:
    window.open_site(sample)
    window.open_page(PAGE)
    png = tmp_path / "Diagramm.png"
    shot = screenshot(800, 500)
    shot.setText("Author", "kept as it is")  # a chunk that re-encoding would drop
    assert shot.save(str(png), "PNG", 90)  # even a badly compressed file is the writer's own
    jpg = tmp_path / "Foto.jpeg"
    assert photo(600, 400).save(str(jpg), "JPG", 97)
    answer(monkeypatch, lambda d: insert_with(d, width=1200))
    window.helpers.insert_image_files([png, jpg])
    folder = sample / "content/blog/remote-teams"
    assert (folder / "diagramm.png").read_bytes() == png.read_bytes()
    assert (folder / "foto.jpg").read_bytes() == jpg.read_bytes()


def test_a_downscaled_png_is_far_smaller_than_before(window, sample, tmp_path, monkeypatch) -> None:
    window.open_site(sample)
    window.open_page(PAGE)
    source = tmp_path / "wide.png"
    assert screenshot(2400, 1500).save(str(source), "PNG", 0)
    answer(monkeypatch, lambda d: insert_with(d, width=1200))
    window.helpers.insert_image_files([source])
    written = sample / "content/blog/remote-teams/wide.png"
    assert QImage(str(written)).width() == 1200
    before = len(old_encoding(QImage(str(source)), 1200))
    print(f"2,400 px PNG of {source.stat().st_size:,} bytes at 1,200 px: now {written.stat().st_size:,}, before {before:,}")
    assert written.stat().st_size * 8 < before, (written.stat().st_size, before)


def test_jpeg_quality_follows_the_setting(window, sample, monkeypatch) -> None:
    window.open_site(sample)
    window.open_page(PAGE)
    picture = photo(1200, 800)
    sizes = {}
    for quality in (40, 95):
        window.settings.set_jpeg_quality(quality)

        def check(dialog: ImageDialog, quality=quality) -> None:
            assert dialog.format_box.currentData() == "jpg"  # a photo is suggested as JPEG
            assert dialog.quality_box.value() == quality and dialog.quality_box.isEnabled()
            assert dialog.name_edit.text() == "screenshot.jpg"
            insert_with(dialog)
            sizes[quality] = dialog.written.stat().st_size
            assert dialog.written.read_bytes() == encode(picture, "jpg", quality)

        answer(monkeypatch, check)
        window.helpers.insert_pasted_image(picture)
    print(f"photo 1,200 x 800 as JPEG: quality 40 {sizes[40]:,} bytes, 95 {sizes[95]:,}")
    assert sizes[40] * 3 < sizes[95]
    assert window.settings.jpeg_quality == 95
    window.settings.set_value("images/jpeg-quality", "rubbish")
    assert window.settings.jpeg_quality == 85


def test_the_dialog_shows_the_size_before_inserting(qtbot, sample) -> None:
    page = sample / PAGE
    dialog = ImageDialog(sample, page, "leaf", image=screenshot(1600, 1000), max_width=1200)
    qtbot.addWidget(dialog)
    assert dialog.format_box.currentData() == "png"  # a screenshot stays PNG
    assert "working it out" in dialog.size_label.text()  # nothing encoded on the UI thread
    assert dialog.wait_for_size()
    data = dialog.file_bytes()
    assert dialog.size_label.text() == f"{size_text(len(data))} as PNG, 1,200 × 750 px"
    assert dialog.format_box.itemText(0) == f"PNG: {size_text(len(data))}"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("jpg"))
    assert dialog.name_edit.text() == "screenshot.jpg"
    assert dialog.wait_for_size()
    assert dialog.size_label.text().endswith("as JPEG, 1,200 × 750 px")
    dialog.alt_edit.setText("Der Editor")
    dialog.insert()
    assert dialog.written.name == "screenshot.jpg"
    assert size_text(dialog.written.stat().st_size) in dialog.size_label.text()


def test_a_kept_file_shows_its_own_size(qtbot, sample, tmp_path) -> None:
    source = tmp_path / "logo.png"
    assert screenshot(400, 300).save(str(source), "PNG")
    dialog = ImageDialog(sample, sample / PAGE, "leaf", source=source, max_width=1200)
    qtbot.addWidget(dialog)
    assert dialog.output().keep_bytes
    assert dialog.size_label.text() == f"{size_text(source.stat().st_size)}, the file as it is"
    assert not dialog.quality_box.isEnabled()
    dialog.width_box.setValue(200)
    assert not dialog.output().keep_bytes and dialog.wait_for_size()
    assert "as PNG, 200 × 150 px" in dialog.size_label.text()


def test_encoding_leaves_the_ui_thread_free(qtbot, qapp, sample, monkeypatch) -> None:
    """Every format's size is worked out in a worker thread, none on the UI thread (one PNG
    encoding of this picture stands the UI still for about half a second)."""
    import threading

    from writer.ui import image_encode

    threads: list[int] = []
    real_encode = image_encode.encode

    def recording_encode(*args, **kwargs):
        threads.append(threading.get_ident())
        return real_encode(*args, **kwargs)

    monkeypatch.setattr(image_encode, "encode", recording_encode)
    big = screenshot(2400, 1500)
    dialog = ImageDialog(sample, sample / PAGE, "leaf", image=big, max_width=0)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.encoded) == dialog.format_box.count(), timeout=60000)
    assert len(threads) == dialog.format_box.count() >= 2  # every format was encoded meanwhile
    assert threading.main_thread().ident not in threads


def test_webp_is_offered_only_when_qt_can_write_it(qtbot, sample, monkeypatch) -> None:
    dialog = ImageDialog(sample, sample / PAGE, "leaf", image=screenshot(400, 300))
    qtbot.addWidget(dialog)
    offered = [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())]
    assert offered == list(writable_formats())
    monkeypatch.setattr(image_dialog, "writable_formats", lambda: ("png", "jpg"))
    for webp in (True, False):
        dialog = ImageDialog(sample, sample / PAGE, "leaf", image=screenshot(400, 300), webp=webp)
        qtbot.addWidget(dialog)
        assert [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())] == ["png", "jpg"]
    monkeypatch.undo()
    dialog = ImageDialog(sample, sample / PAGE, "leaf", image=screenshot(400, 300), webp=False)
    qtbot.addWidget(dialog)
    assert not any(str(dialog.format_box.itemData(i)).startswith("webp") for i in range(dialog.format_box.count()))


def test_an_svg_is_copied_as_it_is(window, sample, tmp_path, monkeypatch) -> None:
    window.open_site(sample)
    window.open_page(PAGE)
    svg = tmp_path / "Plan.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="10"><rect width="3000" '
                   'height="10" fill="red"/></svg>\n', encoding="utf-8")
    answer(monkeypatch, lambda d: insert_with(d, width=800))
    window.helpers.insert_image_files([svg])
    assert (sample / "content/blog/remote-teams/plan.svg").read_bytes() == svg.read_bytes()


def test_a_camera_rotated_jpeg_is_encoded_upright(qtbot, sample, tmp_path) -> None:
    from PySide6.QtGui import QImageIOHandler, QImageWriter

    source = tmp_path / "hochkant.jpg"
    writer = QImageWriter(str(source), b"jpeg")
    writer.setTransformation(QImageIOHandler.Transformation.TransformationRotate90)  # EXIF orientation
    assert writer.write(photo(400, 200))
    dialog = ImageDialog(sample, sample / PAGE, "leaf", source=source, max_width=50)
    qtbot.addWidget(dialog)
    assert dialog.image.size().toTuple() == (200, 400)
    assert dialog.wait_for_size() and "50 × 100 px" in dialog.size_label.text()
    assert QImage.fromData(dialog.file_bytes()).size().toTuple() == (50, 100)


def test_an_unreadable_image_is_named_and_nothing_is_written(qtbot, sample, tmp_path) -> None:
    broken = tmp_path / "kaputt.bmp"
    broken.write_bytes(b"BM not really an image")
    dialog = ImageDialog(sample, sample / PAGE, "leaf", source=broken)
    qtbot.addWidget(dialog)
    assert dialog.size_label.text() == "The image cannot be read."
    dialog.alt_edit.setText("Kaputt")
    dialog.insert()
    assert "cannot be read" in dialog.error.text() and dialog.written is None
    assert not list((sample / "content/blog/remote-teams").glob("kaputt*"))
