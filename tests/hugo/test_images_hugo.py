"""Hugo judges the images Writer writes: every format the image dialog offers (a palette PNG,
a grey PNG, an RGB PNG, JPEG, WebP lossy and lossless) is an image Hugo's image processing reads."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hugo_build import build
from PySide6.QtGui import QColor, QImage, QPainter

from writer.ui.image_encode import encode, writable_formats

sys.path.insert(0, str(Path(__file__).parent.parent / "ui"))
from image_samples import screenshot  # noqa: E402

LAYOUT = """{{ range .Resources.ByType "image" }}{{ $small := .Resize "300x" -}}
<img data-name="{{ .Name }}" data-width="{{ .Width }}" data-small="{{ $small.Width }}x{{ $small.Height }}">
{{ end }}"""


def few_colours() -> QImage:
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for i in range(40):
        painter.fillRect((i * 37) % 540, (i * 53) % 370, 60, 30, QColor.fromHsv((i * 9) % 360, 200, 200))
    painter.end()
    return image


def test_hugo_processes_every_image_writer_writes(qapp, tmp_path) -> None:
    site = tmp_path / "site"
    bundle = site / "content" / "bilder"
    bundle.mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    (bundle / "index.md").write_text("---\ntitle: Bilder\n---\n", encoding="utf-8")
    (site / "layouts").mkdir()
    (site / "layouts" / "all.html").write_text(LAYOUT, encoding="utf-8")
    shot = screenshot(900, 600)
    grey = shot.convertToFormat(QImage.Format.Format_Grayscale8).convertToFormat(QImage.Format.Format_RGB32)
    images = {"flat.png": (few_colours(), "png"), "grey.png": (grey, "png"), "shot.png": (shot, "png")}
    for fmt in writable_formats():
        images[f"shot-{fmt}.{fmt.split('-')[0]}"] = (shot, fmt)
    for name, (image, fmt) in images.items():
        (bundle / name).write_bytes(encode(image, fmt, 85))
    result = build(site, tmp_path / "build", probe=False)
    page = (result.root / "public" / "bilder" / "index.html").read_text(encoding="utf-8")
    seen = dict(re.findall(r'data-name="([^"]+)" data-width="\d+" data-small="(\d+x\d+)"', page))
    assert "ERROR" not in result.output, result.output
    assert seen == {name: f"300x{round(image.height() * 300 / image.width())}" for name, (image, _) in
                    images.items()}, result.output
