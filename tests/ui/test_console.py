"""A start prints nothing on the console unless asked (--verbose shows Qt's and Chromium's logs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _screenshot(page: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "writer", str(page), "--screenshot", str(out), *extra],
                          capture_output=True, text=True, env=env, timeout=180, cwd=Path(__file__).parents[2])


def test_a_start_is_quiet_and_verbose_shows_the_logs(sample, tmp_path) -> None:
    page = sample / "content" / "blog" / "remote-teams" / "index.de.md"
    quiet = _screenshot(page, tmp_path / "a.png")
    assert quiet.returncode == 0 and (tmp_path / "a.png").stat().st_size > 10_000
    assert quiet.stderr == "" and quiet.stdout == ""
    verbose = _screenshot(page, tmp_path / "b.png", "--verbose")
    assert verbose.returncode == 0 and verbose.stderr != ""  # offscreen Qt always has something to say
    again = _screenshot(page, tmp_path / "c.png")  # a normal exit left no mark: no safe mode, no message
    assert again.returncode == 0 and again.stderr == ""
