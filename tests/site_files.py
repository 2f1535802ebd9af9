"""Helpers for tests that must show a refused command wrote nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

from writer.cli import main

SAMPLE = Path(__file__).parent.parent / "resources" / "sample-site"


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder of the site, with the bytes of each file."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(root.rglob("*"))}


def refused(capsys, root: Path, *args: str) -> str:
    """Run `writer ARGS`: exit 2, one line on stderr, nothing on stdout, no file changed."""
    before = snapshot(root)
    capsys.readouterr()
    assert main(list(args)) == 2
    out, err = capsys.readouterr()
    assert snapshot(root) == before, args
    assert out == "" and err.count("\n") == 1 and err.startswith("writer: "), err
    return err
