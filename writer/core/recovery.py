"""Autosaved copies of unsaved pages, kept apart from the site, to recover after a crash.

Each running Writer is a *session* that holds an operating-system lock on its own lock file
in the recovery folder for as long as it runs; the lock goes with the process, whatever kills
it. A session's records are its own: its save of a page removes only its record, and another
window never offers them as crash leftovers while the session lives. Records of a session
whose lock is free (the process is gone) are what recovery offers. A session also marks the
pages it has open, so a second window on the same page can say so.
"""

from __future__ import annotations

import atexit
import contextlib
import difflib
import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from writer.core.errors import ReadError
from writer.core.textio import atomic_write, clean_leftovers, read_bytes

if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


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


def page_key(page: Path) -> str:
    """One key per file, however it is reached (a symbolic link and its target share it)."""
    return hashlib.sha1(os.path.realpath(page).encode("utf-8", "surrogateescape")).hexdigest()[:20]


class RecoveryStore:
    """Records `<page key>.<session>.json`, written atomically; `<session>.lock` held while the
    session runs; `<page key>.<session>.open` for each page the session has open."""

    def __init__(self, folder: Path, session: str | None = None) -> None:
        self.folder = folder
        self.session = session or f"{os.getpid()}-{secrets.token_hex(4)}"
        self._lock: IO[bytes] | None = None

    # -- this session ---------------------------------------------------------------

    def _start(self) -> None:
        if self._lock is not None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = open(self.folder / f"{self.session}.lock", "a+b")  # noqa: SIM115 - held for the session
        if not _try_lock(handle):
            handle.close()
            raise OSError(f"the recovery session {self.session} is in use by another process")
        self._lock = handle
        atexit.register(self.close)  # a normal exit ends the session; a crash leaves its marks

    def close(self) -> None:
        """End the session (its remaining records become recoverable leftovers; the pages it
        was opening or had open are no longer marked)."""
        for pattern in (f"*.{self.session}.open", f"*.{self.session}.opening"):
            for mark in self.folder.glob(pattern) if self.folder.is_dir() else []:
                mark.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.close()
            self._lock = None
            (self.folder / f"{self.session}.lock").unlink(missing_ok=True)

    def _record(self, page: Path) -> Path:
        return self.folder / f"{page_key(page)}.{self.session}.json"

    def save(self, page: Path, text: str, bom: bool = False) -> Path:
        """Keep `text` as this session's unsaved text of `page` (the path as it was opened)."""
        self._start()
        record = self._record(page)
        data = {"page": os.path.abspath(page), "text": text, "bom": bom, "saved_at": time.time(),
                "session": self.session}
        atomic_write(record, json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        return record

    def discard(self, page: Path) -> None:
        """This session's record of `page` goes (after a save, or when its edits are dropped)."""
        self._record(page).unlink(missing_ok=True)

    def discard_record(self, item: Recovered) -> None:
        item.record.unlink(missing_ok=True)

    # -- pages open in several windows ------------------------------------------------

    def claim(self, page: Path) -> list[str]:
        """Mark `page` as open in this session; returns the other live sessions that have it open."""
        self._start()
        key = page_key(page)
        (self.folder / f"{key}.{self.session}.open").touch()
        return [s for s in self._sessions_of(f"{key}.*.open") if s != self.session and self._alive(s)]

    def release(self, page: Path) -> None:
        (self.folder / f"{page_key(page)}.{self.session}.open").unlink(missing_ok=True)

    def _sessions_of(self, pattern: str) -> list[str]:
        if not self.folder.is_dir():
            return []
        return [p.name.split(".")[1] for p in self.folder.glob(pattern) if p.name.count(".") == 2]

    def _alive(self, session: str) -> bool:
        """Whether the session's process still runs (it holds the lock on its lock file)."""
        if session == self.session:
            return True
        lock = self.folder / f"{session}.lock"
        try:
            handle = open(lock, "r+b")  # noqa: SIM115 - closed below
        except OSError:
            return False
        with handle:
            if not _try_lock(handle):
                return True
        with contextlib.suppress(OSError):
            lock.unlink()  # a leftover of a session that is gone
        return False

    # -- pages that crashed Writer while opening -------------------------------------------

    def opening(self, page: Path) -> None:
        """Mark `page` as being opened (its form and preview are being built)."""
        self._start()
        try:
            info = os.stat(page)
            state = [info.st_size, info.st_mtime_ns]
        except OSError:
            state = None
        mark = self.folder / f"{page_key(page)}.{self.session}.opening"
        mark.write_text(json.dumps({"page": os.path.abspath(page), "state": state}), encoding="utf-8")

    def opened(self, page: Path) -> None:
        (self.folder / f"{page_key(page)}.{self.session}.opening").unlink(missing_ok=True)

    def crashed_opening(self, page: Path) -> bool:
        """Whether a Writer that is gone died while opening `page`, and the file is unchanged
        since (then it opens in safe mode; once it changes, it opens normally again)."""
        if not self.folder.is_dir():
            return False
        try:
            info = os.stat(page)
            state = [info.st_size, info.st_mtime_ns]
        except OSError:
            state = None
        crashed = False
        for mark in self.folder.glob(f"{page_key(page)}.*.opening"):
            session = mark.name.split(".")[1]
            if session == self.session or self._alive(session):
                continue
            try:
                same = json.loads(mark.read_text(encoding="utf-8")).get("state") == state
            except (OSError, ValueError, AttributeError):
                same = False
            if same:
                crashed = True
            else:
                mark.unlink(missing_ok=True)  # the page changed since: it gets a new chance
        return crashed

    # -- after a crash -----------------------------------------------------------------

    def pending(self) -> list[Recovered]:
        """Records of sessions that are gone whose text differs from the page on disk (records
        equal to the disk are removed; live sessions' records are theirs and left alone)."""
        found = []
        if not self.folder.is_dir():
            return found
        alive: dict[str, bool] = {}
        for leftover in self.folder.glob(".*.tmp"):  # a record write that a kill interrupted
            clean_leftovers(self.folder / leftover.name[1:-4].rsplit(".", 2)[0])
        for record in sorted(self.folder.glob("*.json")):
            parts = record.name.split(".")
            session = parts[1] if len(parts) == 3 else ""  # records of older releases have none
            if session and alive.setdefault(session, self._alive(session)):
                continue
            try:
                data = json.loads(record.read_text(encoding="utf-8", errors="surrogatepass"))
                item = Recovered(Path(data["page"]), data["text"], bool(data.get("bom")),
                                 float(data["saved_at"]), record)
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a record we cannot read is left for a person to look at
            if item.disk_text() == item.text:
                record.unlink(missing_ok=True)
                continue
            found.append(item)
        for mark in self.folder.glob("*.open"):
            session = mark.name.split(".")[1] if mark.name.count(".") == 2 else ""
            if not alive.setdefault(session, self._alive(session)):
                mark.unlink(missing_ok=True)
        return sorted(found, key=lambda item: item.saved_at)
