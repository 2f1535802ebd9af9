"""Autosaved copies of unsaved pages, kept apart from the site, to recover after a crash."""

from __future__ import annotations

import difflib
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from writer.core.errors import ReadError
from writer.core.textio import atomic_write, read_bytes


@dataclass(frozen=True)
class Recovered:
    """An autosaved text of a page that differs from the file on disk."""

    page: Path
    text: str
    bom: bool
    saved_at: float
    record: Path

    def disk_text(self) -> str | None:
        try:
            data = read_bytes(self.page)
        except ReadError:
            return None
        return data.decode("utf-8", errors="replace").removeprefix("\ufeff")

    def diff(self) -> str:
        """What the recovered text changes against the file on disk (unified diff)."""
        disk = self.disk_text()
        before = [] if disk is None else disk.splitlines(keepends=True)
        lines = difflib.unified_diff(
            before, self.text.splitlines(keepends=True), "on disk", "recovered", n=1
        )
        return "".join(lines)


class RecoveryStore:
    """One JSON record a page, named by a hash of the page's path; written atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _record(self, page: Path) -> Path:
        digest = hashlib.sha1(str(page.resolve()).encode("utf-8")).hexdigest()[:20]
        return self.folder / f"{digest}.json"

    def save(self, page: Path, text: str, bom: bool = False) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        record = self._record(page)
        data = {"page": str(page.resolve()), "text": text, "bom": bom, "saved_at": time.time()}
        atomic_write(record, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        return record

    def discard(self, page: Path) -> None:
        self._record(page).unlink(missing_ok=True)

    def pending(self) -> list[Recovered]:
        """Records whose text differs from the page on disk (others are removed)."""
        found = []
        for record in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                data = json.loads(record.read_text(encoding="utf-8"))
                item = Recovered(Path(data["page"]), data["text"], bool(data.get("bom")),
                                 float(data["saved_at"]), record)
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a record we cannot read is left for a person to look at
            if item.disk_text() == item.text:
                record.unlink(missing_ok=True)
                continue
            found.append(item)
        return found
