"""Test set-up shared by every suite: headless Qt, caches in a temporary folder."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="writer-test-cache-"))
os.environ["WRITER_DATA_DIR"] = tempfile.mkdtemp(prefix="writer-test-data-")  # never the user's
