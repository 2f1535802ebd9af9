from __future__ import annotations

import os
import stat

import pytest

from writer.core.errors import ReadError
from writer.core.textio import atomic_write, decode_bytes, detect_newline, read_text


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
