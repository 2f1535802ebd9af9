"""Test set-up shared by every suite: headless Qt, caches in a temporary folder."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="writer-test-cache-"))
os.environ["WRITER_DATA_DIR"] = tempfile.mkdtemp(prefix="writer-test-data-")  # never the user's


import contextlib  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

with contextlib.suppress(ImportError):  # before any QApplication, as writer.ui.app does
    from writer.ui.preview_scheme import register_scheme

    register_scheme()

import pytest  # noqa: E402
from site_files import SAMPLE  # noqa: E402


@pytest.fixture()
def sample(tmp_path) -> Path:
    """A copy of the bundled sample site."""
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))
