"""Every benchmark still runs (tiny sizes), as a script, the way the README tells to run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
QUICK = {
    "index_site.py": ["--pages", "40", "--runs", "1", "--window"],
    "render.py": ["--quick"],
    "spell.py": ["--quick"],
    "startup.py": ["--quick"],
    "typing_latency.py": ["--quick"],
}


def test_every_benchmark_has_a_quick_run() -> None:
    scripts = {p.name for p in BENCHMARKS.glob("*.py")} - {"qt_bench.py"}
    assert scripts == set(QUICK), "add the new benchmark's quick arguments here"


@pytest.mark.parametrize("script", sorted(QUICK))
def test_the_benchmark_runs_as_a_script(script: str, tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WRITER_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, str(BENCHMARKS / script), *QUICK[script]], capture_output=True,
                          text=True, env=env, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert any(ch.isdigit() for ch in proc.stdout), proc.stdout  # it printed figures
