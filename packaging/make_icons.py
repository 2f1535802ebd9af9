"""Render resources/icons/writer.svg to the platform formats (PNG sizes, .ico, .icns).

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICONS / "writer.svg")).render(painter)
    painter.end()
    return image


def main() -> None:
    QGuiApplication([])
    for size in (16, 32, 64, 128, 256, 512):
        render(size).save(str(ICONS / f"writer-{size}.png"))
    render(256).save(str(ICONS / "writer.ico"), "ICO")
    render(512).save(str(ICONS / "writer.icns"), "ICNS")


if __name__ == "__main__":
    main()
