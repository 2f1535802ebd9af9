"""Remembered window state and preferences, in QSettings (a file of our choosing in tests)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from writer.core.hugo.images import DEFAULT_JPEG_QUALITY
from writer.core.paths import app_data_dir as core_app_data_dir

MAX_RECENT = 10


def app_data_dir() -> Path:
    """Writer's data folder: the one the command line uses too (writer.core.paths)."""
    return core_app_data_dir()


class AppSettings:
    """Typed access to the settings Writer keeps between runs."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            path = os.environ.get("WRITER_SETTINGS")
            qsettings = QSettings(path, QSettings.Format.IniFormat) if path else QSettings()
        self.q = qsettings

    def _list(self, key: str) -> list[str]:
        value = self.q.value(key, [])
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value or []]

    @property
    def recent_sites(self) -> list[str]:
        return self._list("sites/recent")

    def add_recent_site(self, root: Path) -> None:
        path = str(root)
        recent = [p for p in self.recent_sites if p != path]
        self.q.setValue("sites/recent", [path, *recent][:MAX_RECENT])
        self.q.setValue("sites/last", path)

    @property
    def last_site(self) -> str | None:
        value = self.q.value("sites/last", "")
        return str(value) if value else None

    def open_pages(self, root: Path) -> list[str]:
        return self._list(f"open-pages/{_key(root)}")

    def set_open_pages(self, root: Path, pages: list[str]) -> None:
        self.q.setValue(f"open-pages/{_key(root)}", pages)

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_value(self, key: str, value: object) -> None:
        self.q.setValue(key, value)

    def int_value(self, key: str, default: int) -> int:
        try:
            return int(self.q.value(key, default))
        except (TypeError, ValueError):
            return default

    def bool_value(self, key: str, default: bool) -> bool:
        value = self.q.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("true", "1")
        return bool(value)

    @property
    def jpeg_quality(self) -> int:
        """The quality (1-100) of the JPEG and lossy WebP images Writer writes; 85 unless set."""
        return max(1, min(100, self.int_value("images/jpeg-quality", DEFAULT_JPEG_QUALITY)))

    def set_jpeg_quality(self, quality: int) -> None:
        self.q.setValue("images/jpeg-quality", max(1, min(100, int(quality))))

    @property
    def update_lastmod(self) -> bool:
        """Saving a changed page sets its `lastmod` (when it or its section carries one) to today."""
        return self.bool_value("editing/update-lastmod", True)

    def set_update_lastmod(self, on: bool) -> None:
        self.q.setValue("editing/update-lastmod", bool(on))

    def sync(self) -> None:
        self.q.sync()


def _key(root: Path) -> str:
    return str(root).replace("/", "|").replace("\\", "|")
