"""Synthetic images like the ones writers paste: a screenshot of an application and a photo."""

from __future__ import annotations

import random

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPen, QRadialGradient

WORDS = ("lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod",
         "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim", "ad", "minim", "veniam",
         "quis", "nostrud", "exercitation", "ullamco")


def screenshot(width: int = 1600, height: int = 1000, seed: int = 7) -> QImage:
    """An editor window: flat title bar, sidebar, toolbar, anti-aliased text in a few colours,
    a card with a soft gradient and a chart (about 2,300 distinct colours), ARGB32 and opaque
    as a clipboard image is."""
    rnd = random.Random(seed)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#f6f7f9"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillRect(0, 0, width, 36, QColor("#2b2f36"))
    p.setPen(Qt.PenStyle.NoPen)
    for i, colour in enumerate(("#ff5f57", "#febc2e", "#28c840")):
        p.setBrush(QColor(colour))
        p.drawEllipse(QPoint(20 + 22 * i, 18), 6, 6)
    p.fillRect(0, 36, 260, height - 36, QColor("#e9ecf1"))
    p.setFont(QFont("DejaVu Sans", 10))
    p.setPen(QColor("#333842"))
    for i in range((height - 80) // 28):
        p.drawText(24, 70 + i * 28, " ".join(rnd.choice(WORDS) for _ in range(3)).capitalize())
    p.fillRect(8, 70 + 4 * 28 - 18, 244, 26, QColor(52, 120, 246, 60))
    p.fillRect(260, 36, width - 260, 48, QColor("#ffffff"))
    p.setPen(QColor("#d0d4da"))
    p.drawLine(260, 84, width, 84)
    p.setBrush(QColor("#eef1f5"))
    p.setPen(QColor("#c5cad3"))
    for i in range(12):
        p.drawRoundedRect(276 + i * 44, 44, 34, 32, 6, 6)
    p.setFont(QFont("DejaVu Sans Mono", 11))
    for y in range(120, height - 220, 22):
        p.setPen(QColor(rnd.choice(("#24292f", "#24292f", "#24292f", "#0550ae", "#8250df", "#116329"))))
        p.drawText(300, y, " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 14))))
    gradient = QLinearGradient(0, height - 200, 0, height - 20)
    gradient.setColorAt(0, QColor("#ffffff"))
    gradient.setColorAt(1, QColor("#eef3fb"))
    p.setBrush(gradient)
    p.setPen(QColor("#c8d1dc"))
    p.drawRoundedRect(QRect(300, height - 200, min(900, width - 320), 180), 10, 10)
    p.setPen(QPen(QColor("#3478f6"), 3))
    points = [QPoint(320 + i * 40, height - 40 - rnd.randint(10, 130)) for i in range(min(22, (width - 340) // 40))]
    for a, b in zip(points, points[1:], strict=False):
        p.drawLine(a, b)
    p.end()
    return image


def photo(width: int = 1200, height: int = 800, seed: int = 3) -> QImage:
    """Soft light, overlapping shapes and grain: nearly every pixel a colour of its own."""
    rnd = random.Random(seed)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    sky = QLinearGradient(0, 0, 0, height)
    sky.setColorAt(0, QColor("#6d8fb3"))
    sky.setColorAt(1, QColor("#d9b58c"))
    p.fillRect(image.rect(), sky)
    p.setPen(Qt.PenStyle.NoPen)
    for _ in range(60):
        centre = QPointF(rnd.uniform(0, width), rnd.uniform(0, height))
        radius = rnd.uniform(30, 260)
        glow = QRadialGradient(centre, radius)
        glow.setColorAt(0, QColor.fromHsv(rnd.randrange(360), rnd.randrange(60, 200), rnd.randrange(90, 250), 170))
        glow.setColorAt(1, QColor(0, 0, 0, 0))
        p.setBrush(glow)
        p.drawEllipse(centre, radius, radius)
    grain = QImage(bytes(rnd.randbytes(256 * 256 * 4)), 256, 256, QImage.Format.Format_ARGB32)
    p.setOpacity(0.12)
    for x in range(0, width, 256):
        for y in range(0, height, 256):
            p.drawImage(x, y, grain)
    p.end()
    return image
