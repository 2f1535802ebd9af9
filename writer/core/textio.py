"""Bytes in, text out, and back: BOM, newline style and every space are kept exactly.

Text is decoded without translating newlines, so a CRLF file stays CRLF and a
file without a final newline stays without one. Writing is atomic: a temporary
file in the same folder is flushed to disk and renamed over the original.
"""

from __future__ import annotations

import _thread
import contextlib
import errno
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from writer.core.errors import ReadError

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = {b"\xff\xfe": "UTF-16 LE", b"\xfe\xff": "UTF-16 BE"}
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class TextFile:
    """A decoded text file: `text` holds the original newlines; `bom` and `newline` describe it."""

    text: str
    bom: bool = False
    newline: str = "\n"

    def to_bytes(self) -> bytes:
        return encode_text(self.text, bom=self.bom)


def detect_newline(text: str) -> str:
    """The newline style of the first line break ("\\r\\n" or "\\n"); "\\n" when there is none."""
    first = text.find("\n")
    if first > 0 and text[first - 1] == "\r":
        return "\r\n"
    return "\n"


def _line_col(data: bytes, index: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, index) + 1
    start = data.rfind(b"\n", 0, index) + 1
    return line, index - start + 1


def _guess_legacy_encoding(data: bytes) -> str:
    """A plain guess for a non-UTF-8 file, used only to name it in a message."""
    if any(0x80 <= b <= 0x9F for b in data):
        return "Windows-1252"
    return "ISO-8859-1 (Latin-1)"


def _looks_binary(payload: bytes) -> bool:
    """NUL bytes in more than 1 of 100 of the first 8 KB: a binary file. A text page with a
    stray NUL here and there is text (Hugo builds it; the editor shows the NUL)."""
    sniff = payload[:_SNIFF_BYTES]
    nuls = sniff.count(b"\x00")
    return nuls > 0 and nuls * 100 > len(sniff)


def decode_bytes(data: bytes, path: str | Path | None = None) -> TextFile:
    """Decode a file's bytes as UTF-8 (with or without BOM), or raise a ReadError naming the problem."""
    for bom, name in _UTF16_BOMS.items():
        if data.startswith(bom):
            raise ReadError(f"the file is encoded as {name}; Writer edits UTF-8 files only", path)
    has_bom = data.startswith(UTF8_BOM)
    payload = data[len(UTF8_BOM) :] if has_bom else data
    if _looks_binary(payload):
        raise ReadError("this is a binary file, not text (it contains NUL bytes)", path)
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(payload, exc.start)
        guess = _guess_legacy_encoding(payload)
        raise ReadError(
            f"the file is not UTF-8 (byte 0x{payload[exc.start]:02X}; it looks like {guess})",
            path,
            line,
            col,
        ) from exc
    return TextFile(text=text, bom=has_bom, newline=detect_newline(text))


def decode_legacy(data: bytes) -> tuple[str, str]:
    """Text of a file that is not UTF-8, decoded with the likely encoding, and that encoding's
    name: for showing it read-only (it is never written back re-encoded)."""
    name = _guess_legacy_encoding(data)
    codec = "cp1252" if name.startswith("Windows") else "latin-1"
    return data.decode(codec, errors="replace"), name


MB = 1024 * 1024
MAX_PAGE_BYTES = 64 * MB  # a page Writer opens, checks or rewrites (a 50 MB page opens)
MAX_SETTINGS_BYTES = 5 * MB  # a configuration file, a site dictionary
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISDIR, "this is a folder, not a file"),
          (stat.S_ISFIFO, "this is a named pipe (FIFO), not a file: Writer reads only regular files"),
          (stat.S_ISSOCK, "this is a socket, not a file: Writer reads only regular files"))


def size_text(size: int) -> str:
    """A file size as a writer reads it: `1,024 MB`, `3.5 MB`, `12 KB`, `10 bytes`."""
    if size >= 10 * MB:
        return f"{size / MB:,.0f} MB"
    if size >= MB:
        return f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{round(size / 1024):,} KB"
    return f"{size} bytes"


def _os_error(exc: OSError, p: Path) -> ReadError:
    if isinstance(exc, FileNotFoundError):
        return ReadError("the file does not exist", p)
    if isinstance(exc, IsADirectoryError):
        return ReadError("this is a folder, not a file", p)
    if isinstance(exc, PermissionError):
        return ReadError("permission denied: the file cannot be read", p)
    if exc.errno == errno.ELOOP:
        return ReadError("the file is a symbolic link that leads back to itself", p)
    return ReadError(f"the file cannot be read ({exc.strerror or exc})", p)


def _check_regular(info: os.stat_result, p: Path) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    for test, message in _KINDS:
        if test(mode):
            raise ReadError(message, p)
    raise ReadError("this is a device, not a file: Writer reads only regular files", p)


def regular_file_size(path: str | Path) -> int:
    """The size of a regular file (symbolic links followed), without opening it; a ReadError
    for a missing file, a folder, a named pipe (FIFO), a device or a socket."""
    p = Path(path)
    try:
        info = os.stat(p)
    except (OSError, ValueError) as exc:
        raise _os_error(exc if isinstance(exc, OSError) else OSError(str(exc)), p) from exc
    _check_regular(info, p)
    return info.st_size


def _too_large(p: Path, size: int, limit: int) -> ReadError:
    return ReadError(f"the file is {size_text(size)}; Writer reads files up to {size_text(limit)}", p)


def read_bytes(path: str | Path, limit: int = MAX_PAGE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; a ReadError names every other case
    (missing, a folder, a FIFO or device, never opened; too large, never read)."""
    p = Path(path)
    size = regular_file_size(p)
    if size > limit:
        raise _too_large(p, size, limit)
    if size == 0:  # empty, or a special file that does not tell its size (/proc): bounded read
        data = read_prefix(p, limit + 1)[0]
    else:
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise _os_error(exc, p) from exc
    if len(data) > limit:  # it grew between the look and the read, or did not tell its size
        raise ReadError(f"the file is larger than {size_text(limit)}, the most Writer reads", p)
    return data


def read_prefix(path: str | Path, count: int) -> tuple[bytes, int]:
    """The first `count` bytes of a regular file and the file's size (what an index needs of a
    huge page). The file is looked at before it is opened, and opened without waiting, so a
    named pipe or a device is never read; a ReadError names the file and the problem."""
    p = Path(path)
    regular_file_size(p)
    try:
        fd = os.open(p, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise _os_error(exc if isinstance(exc, OSError) else OSError(str(exc)), p) from exc
    try:
        info = os.fstat(fd)
        _check_regular(info, p)  # it was swapped for something else after the look
        chunks, wanted = [], min(count, info.st_size) if info.st_size else count
        while wanted > 0:
            chunk = os.read(fd, wanted)
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
    except OSError as exc:
        raise _os_error(exc, p) from exc
    finally:
        os.close(fd)
    return b"".join(chunks), info.st_size


def read_limited(path: str | Path, limit: int, what: str = "file") -> bytes:
    """All bytes of a regular file of at most `limit` bytes (a configuration file, a
    dictionary): a ReadError, never a hang or a huge read, for anything else."""
    data, size = read_prefix(path, limit + 1)
    if max(size, len(data)) > limit:
        raise ReadError(f"the {what} is {size_text(max(size, len(data)))}; Writer reads no "
                        f"{what} over {size_text(limit)}", Path(path))
    return data


def read_text(path: str | Path, limit: int = MAX_PAGE_BYTES) -> TextFile:
    return decode_bytes(read_bytes(path, limit), path)


def encode_text(text: str, *, bom: bool = False) -> bytes:
    data = text.encode("utf-8")
    return UTF8_BOM + data if bom else data


def atomic_write(path: str | Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.

    A symbolic link is written through: its target is replaced and the link stays. The
    original file's permission bits are kept; a new file gets those of a file beside it (or
    the user's default). A file without write permission is never replaced: PermissionError.
    Raises OSError (with the original untouched) when the folder is not writable or the disk
    is full. Temporary files left by a killed save of this page are removed.
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    if mode is not None and (not mode & 0o222 or not os.access(target, os.W_OK)):
        raise PermissionError(errno.EACCES, "the file is read-only (no write permission)", str(target))
    if mode is None:
        mode = _new_file_mode(folder)
    clean_leftovers(target)
    import tempfile  # here: reading pages (every command) never needs it

    fd, tmp_name = tempfile.mkstemp(prefix=f"{_tmp_prefix(target)}{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)


def _tmp_prefix(target: Path) -> str:
    return f".{target.name}."


_LEFTOVER_AGE = 60.0  # a temporary file without a process id older than this is a leftover


def clean_leftovers(page: str | Path) -> list[Path]:
    """Remove the temporary files that a killed save of `page` left beside it (ours only:
    `.NAME.PID.XXXX.tmp` of a process that is gone, or older ones without a process id)."""
    target = Path(os.path.realpath(page))
    prefix = _tmp_prefix(target)
    removed = []
    try:
        candidates = [p for p in target.parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(".tmp")]
    except OSError:
        return removed
    for leftover in candidates:
        middle = leftover.name[len(prefix) : -len(".tmp")]
        pid_text = middle.split(".", 1)[0]
        try:
            if pid_text.isdigit() and "." in middle:
                stale = int(pid_text) != os.getpid() and not _process_alive(int(pid_text))
            else:
                stale = time.time() - leftover.stat().st_mtime > _LEFTOVER_AGE
            if stale and leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue
    return removed


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # without a cheap check, leave it (old ones go by age on the next save)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


_UMASK_LOCK = _thread.allocate_lock()  # threading's Lock, without that module's import


def _new_file_mode(folder: Path) -> int:
    """The permission bits a new file gets: those of a text file beside it, else 0666 - umask."""
    try:
        for sibling in sorted(folder.iterdir())[:200]:
            if sibling.suffix.lower() in (".md", ".markdown", ".html", ".toml", ".yaml", ".yml") \
                    and sibling.is_file() and not sibling.name.startswith("."):
                return stat.S_IMODE(sibling.stat().st_mode)
    except OSError:
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def create_file(target: Path, data: bytes, inside: Path) -> Path:
    """Write a new file under `inside`: never outside it, never over an existing file."""
    from writer.core.errors import WriterError

    resolved = target.resolve()
    if not resolved.is_relative_to(inside.resolve()):
        raise WriterError("refusing to write outside the site", target)
    if resolved.exists():
        raise WriterError("refusing to overwrite an existing file", target)
    resolved.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(resolved, data)
    return resolved


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
