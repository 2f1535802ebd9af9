"""A persistent cache of the content index, so that a site opens again without reading every page.

One file per site in Writer's data folder (never inside the site). Each content file's entries
(its pages and the problems found reading it) are kept with the file's size and modification
time; a file whose size or time differs is read again. The whole cache is dropped when the site's
configuration, Writer's version or its indexing code changes. A file changed within two seconds
before it was read is read again as well: its time may not show a second change made in the same
tick.

The file holds plain values only (tuples, strings, numbers, dates); reading it refuses anything
else, so a damaged or planted cache file can only cost a full read of the site.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
import sys
import time
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any

from writer.core import errors as errors_module
from writer.core.errors import WriterError
from writer.core.textio import atomic_write

CACHE_FORMAT = 3
_SLICE = 2000  # entries pickled (and read) in one call: no call holds the interpreter lock long
RACY_NS = 2_000_000_000  # files changed this close before the cache was written are read again
_SAFE_GLOBALS = {("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")}
_SAFE_GLOBALS |= {("builtins", name) for name in ("set", "frozenset", "complex", "slice", "bytearray")}


def default_folder() -> Path:
    """Writer's data folder (as the window uses it) for cache files."""
    from writer.core.paths import app_data_dir

    return app_data_dir() / "index-cache"


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _SAFE_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in an index cache")


@functools.cache
def _error_classes() -> dict[str, type[WriterError]]:
    from writer.core.hugo import index, site

    classes: dict[str, type[WriterError]] = {}
    for module in (errors_module, index, site):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, WriterError):
                classes[value.__name__] = value
    return classes


@functools.cache
def _source_stamp() -> str:
    """Sizes and times of Writer's core modules: a code change (in a checkout) drops the cache."""
    root = Path(__file__).resolve().parents[1]
    if getattr(sys, "frozen", False) or not root.is_dir():
        return ""
    parts = []
    for path in sorted(root.rglob("*.py")):
        try:
            info = path.stat()
        except OSError:
            continue
        parts.append(f"{path.relative_to(root)}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)


def fingerprint(root: Path, config_files: list[Path]) -> str:
    """What every cached entry depends on besides its own file."""
    from writer import __version__

    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{os.path.realpath(root)}|".encode())
    digest.update(_source_stamp().encode())
    for path in config_files:
        digest.update(f"|{path}|".encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


class IndexCache:
    """Entries by key (a content file and the mount it was read through)."""

    def __init__(self, file: Path | None, stamp: str) -> None:
        self.file = file
        self.stamp = stamp
        self.entries: dict[str, tuple[int, int, int, tuple, tuple]] = {}  # size, mtime, read at, ...
        # the objects an entry stands for, once built: handed out again as they are, so that a
        # window indexing again after a save makes no new objects for unchanged pages
        self._live: dict[str, tuple[list, list[WriterError]]] = {}
        self.changed = False
        self.used: set[str] = set()
        self.hits = self.misses = 0

    @staticmethod
    def file_for(root: Path, folder: Path | None = None) -> Path:
        """The cache file of a site (whether it exists or not)."""
        name = hashlib.sha256(os.path.realpath(root).encode("utf-8", "surrogatepass")).hexdigest()[:24]
        return (folder or default_folder()) / f"{name}.cache"

    @classmethod
    def for_site(cls, root: Path, config_files: list[Path], folder: Path | None = None) -> IndexCache:
        cache = cls(cls.file_for(root, folder), fingerprint(root, config_files))
        cache.load()
        return cache

    def load(self) -> None:
        if self.file is None:
            return
        try:
            data = _PlainUnpickler(io.BytesIO(self.file.read_bytes())).load()
            stamp, _written_ns, slices = data
            if stamp == self.stamp and isinstance(slices, list):
                entries: dict = {}
                for part in slices:
                    entries.update(_PlainUnpickler(io.BytesIO(part)).load())
                self.entries = entries
        except Exception:  # noqa: BLE001 - a missing or unreadable cache is an empty one
            self.entries = {}

    def begin(self) -> None:
        """Start a new walk over the site (what it does not meet again is dropped on save)."""
        self.used = set()
        self.hits = self.misses = 0

    def keep_all(self) -> None:
        """Keep every entry at the next save (a walk over part of the site only)."""
        self.used = set(self.entries)
        self.hits = self.misses = 0

    def refit(self, stamp: str) -> None:
        """Drop every entry when what they depend on (the configuration, Writer) changed."""
        if stamp != self.stamp:
            self.stamp, self.entries, self.changed = stamp, {}, True
            self._live = {}

    def lookup(self, key: str, size: int, mtime_ns: int) -> tuple[list, list[WriterError]] | None:
        """The pages and problems cached for a file, if it is the same file as then."""
        entry = self.entries.get(key)
        if entry is None or entry[0] != size or entry[1] != mtime_ns or mtime_ns >= entry[2] - RACY_NS:
            self.misses += 1
            return None
        live = self._live.get(key)
        if live is None:
            try:
                live = decode_entry((entry[3], entry[4]))
            except Exception:  # noqa: BLE001 - an entry of an older shape: read the file again
                self.misses += 1
                return None
            self._live[key] = live
        self.used.add(key)
        self.hits += 1
        return list(live[0]), list(live[1])

    def store(self, key: str, size: int, mtime_ns: int, pages: list, problems: list[WriterError]) -> None:
        self.entries[key] = (size, mtime_ns, time.time_ns(), *encode_entry(pages, problems))
        self._live[key] = (list(pages), list(problems))
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Write the cache when anything changed (entries of files gone are dropped)."""
        gone = set(self.entries) - self.used
        if self.file is None or not (self.changed or gone):
            return
        for key in gone:
            del self.entries[key]
            self._live.pop(key, None)
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            keys = list(self.entries)
            slices = [pickle.dumps({k: self.entries[k] for k in keys[at:at + _SLICE]}, protocol=pickle.HIGHEST_PROTOCOL)
                      for at in range(0, len(keys), _SLICE)]
            payload = pickle.dumps((self.stamp, time.time_ns(), slices), protocol=pickle.HIGHEST_PROTOCOL)
            atomic_write(self.file, payload)
        except (OSError, pickle.PicklingError, TypeError, ValueError, RecursionError):
            pass  # no cache this time: the next open reads the site again


def encode_entry(pages: list, problems: list[WriterError]) -> tuple[tuple, tuple]:
    """A file's pages and problems as plain values (what the cache file and pool processes carry)."""
    return tuple(_page_to(p) for p in pages), tuple(_error_to(e) for e in problems)


def decode_entry(entry: tuple[tuple, tuple]) -> tuple[list, list[WriterError]]:
    return [_page_from(p) for p in entry[0]], [_error_from(e) for e in entry[1]]


@functools.cache
def _page_fields() -> tuple[type, tuple[str, ...]]:
    from writer.core.hugo.index import PageInfo

    return PageInfo, tuple(f.name for f in dataclass_fields(PageInfo))


def _page_to(page: Any) -> tuple:
    values = [getattr(page, name) for name in _page_fields()[1]]
    return tuple(_error_to(v) if isinstance(v, WriterError) else v for v in values)


def _page_from(values: tuple) -> Any:
    page_class, names = _page_fields()
    if len(values) != len(names) or names[-1] != "error":
        raise ValueError("an entry of an older shape")
    if values[-1] is not None:
        values = (*values[:-1], _error_from(values[-1]))
    return page_class(*values)


def _error_to(error: WriterError) -> tuple:
    return (type(error).__name__, error.message, str(error.path) if error.path is not None else None,
            error.line, error.column, getattr(error, "severity", None))


def _error_from(values: tuple) -> WriterError:
    name, message, path, line, column, severity = values
    error = _error_classes()[name](message, path, line, column)
    if severity is not None:
        error.severity = severity  # type: ignore[attr-defined]
    return error
