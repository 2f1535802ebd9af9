"""Fixtures of the core tests."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-site"


def age(root: Path, seconds: float = 100) -> None:
    """Every file a while old: the index cache trusts times only outside its two-second window."""
    past = time.time() - seconds
    for path in root.rglob("*"):
        os.utime(path, (past, past))


@pytest.fixture()
def aged_sample(tmp_path) -> Path:
    """A copy of the sample site whose files are all a while old."""
    root = Path(shutil.copytree(SAMPLE, tmp_path / "site"))
    age(root)
    return root
