from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from writer.core.errors import ReadError
from writer.core.textio import atomic_write, clean_leftovers, decode_bytes, detect_newline, read_text


@pytest.mark.parametrize(
    "data",
    [
        b"plain\n",
        b"\xef\xbb\xbfbom and crlf\r\nline two\r\n",
        b"no final newline",
        b"trailing spaces  \nhard break  \n",
        "unicode: äöü ✓ 😀\n".encode(),
        b"",
        b"mixed\r\nnewlines\nhere\r",
    ],
)
def test_decode_encode_is_byte_identical(data: bytes) -> None:
    assert decode_bytes(data).to_bytes() == data


def test_newline_and_bom_are_detected() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbfa\r\nb\r\n")
    assert decoded.bom is True
    assert decoded.newline == "\r\n"
    assert decoded.text == "a\r\nb\r\n"
    assert detect_newline("a\nb") == "\n"


def test_binary_file_is_refused_with_its_name(tmp_path) -> None:
    path = tmp_path / "photo.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(ReadError) as info:
        read_text(path)
    assert "binary" in info.value.message
    assert str(path) in str(info.value)


def test_non_utf8_names_position_and_likely_encoding(tmp_path) -> None:
    path = tmp_path / "latin.md"
    path.write_bytes("title\ncaf\xe9 ok\n".encode("latin-1"))
    with pytest.raises(ReadError) as info:
        read_text(path)
    err = info.value
    assert (err.line, err.column) == (2, 4)
    assert "not UTF-8" in err.message and "Latin-1" in err.message


def test_utf16_is_named(tmp_path) -> None:
    path = tmp_path / "wide.md"
    path.write_bytes("hello".encode("utf-16"))
    with pytest.raises(ReadError, match="UTF-16"):
        read_text(path)


def test_missing_and_folder(tmp_path) -> None:
    with pytest.raises(ReadError, match="does not exist"):
        read_text(tmp_path / "nope.md")
    with pytest.raises(ReadError, match="folder"):
        read_text(tmp_path)


def test_atomic_write_replaces_and_keeps_permissions(tmp_path) -> None:
    path = tmp_path / "page.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    atomic_write(path, b"new  \r\n")
    assert path.read_bytes() == b"new  \r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch) -> None:
    path = tmp_path / "page.md"
    path.write_bytes(b"precious")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(path, b"new text")
    assert path.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_permission_denied_is_named(tmp_path, monkeypatch) -> None:
    path = tmp_path / "locked.md"
    path.write_text("x")

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", denied)
    with pytest.raises(ReadError) as info:
        read_text(path)
    assert "permission denied" in info.value.message and info.value.path == path


def test_a_symlinked_page_is_written_through(tmp_path) -> None:
    real = tmp_path / "README.md"
    real.write_bytes(b"old\n")
    (tmp_path / "content").mkdir()
    link = tmp_path / "content" / "x.md"
    link.symlink_to(Path("..") / "README.md")
    atomic_write(link, b"new\n")
    assert link.is_symlink() and os.readlink(link) == str(Path("..") / "README.md")
    assert real.read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "content"]


def test_a_read_only_file_is_never_replaced(tmp_path) -> None:
    page = tmp_path / "p.md"
    page.write_bytes(b"keep\n")
    page.chmod(0o444)
    with pytest.raises(PermissionError, match="read-only"):
        atomic_write(page, b"other\n")
    assert page.read_bytes() == b"keep\n" and stat.S_IMODE(page.stat().st_mode) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["p.md"]


def test_new_files_get_their_siblings_permissions(tmp_path) -> None:
    sibling = tmp_path / "index.de.md"
    sibling.write_bytes(b"x\n")
    sibling.chmod(0o664)
    atomic_write(tmp_path / "index.fr.md", b"y\n")
    assert stat.S_IMODE((tmp_path / "index.fr.md").stat().st_mode) == 0o664
    lonely = tmp_path / "empty"
    lonely.mkdir()
    atomic_write(lonely / "a.md", b"z\n")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((lonely / "a.md").stat().st_mode) == 0o666 & ~mask != 0o600


def test_leftovers_of_a_killed_save_are_removed(tmp_path) -> None:
    page = tmp_path / "index.md"
    page.write_bytes(b"text\n")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftover = tmp_path / f".index.md.{dead.pid}.abc123.tmp"
    leftover.write_bytes(b"x" * 1000)
    old_style = tmp_path / ".index.md.k3j2l1.tmp"  # before process ids were in the name
    old_style.write_bytes(b"y")
    os.utime(old_style, (time.time() - 3600, time.time() - 3600))
    fresh_old_style = tmp_path / ".index.md.zzzzzz.tmp"  # may be another program's save in progress
    fresh_old_style.write_bytes(b"z")
    running = tmp_path / f".index.md.{os.getppid()}.q1.tmp"  # a live process's save in progress
    running.write_bytes(b"w")
    other = tmp_path / ".other.md.1.x.tmp"
    other.write_bytes(b"v")
    removed = clean_leftovers(page)
    assert sorted(removed) == sorted([leftover, old_style])
    assert fresh_old_style.exists() and running.exists() and other.exists() and page.read_bytes() == b"text\n"
    leftover.write_bytes(b"x")
    atomic_write(page, b"new\n")  # saving cleans up too
    assert not leftover.exists()
