"""Build the one-folder app with PyInstaller and start it: resources found, a window drawn."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def frozen(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist),
         "--work", str(tmp_path_factory.mktemp("work"))],
        capture_output=True, text=True, timeout=1200,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    print(proc.stdout)  # build time, folder size, archive size
    archive = next(dist.glob("Writer-*.tar.xz"))
    assert archive.stat().st_size < 170e6, f"{archive.name}: {archive.stat().st_size / 1e6:.0f} MB"
    return dist / "Writer" / "Writer"


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", WRITER_DATA_DIR=str(tmp_path / "data"),
                WRITER_SETTINGS=str(tmp_path / "settings.ini"), XDG_CACHE_HOME=str(tmp_path / "cache"))


def test_resources_and_dictionaries_are_inside_the_bundle(frozen, tmp_path) -> None:
    proc = subprocess.run([str(frozen), "--self-check"], capture_output=True, text=True, timeout=120,
                          env=_env(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["resources"].startswith(str(frozen.parent))  # not the source tree
    assert report["css"] and report["sample_site"] and report["icon"] and report["webengine"]
    assert {"de", "en", "fr", "es", "pt", "ru", "it", "nl"} <= set(report["dictionaries"])


def test_frozen_app_draws_the_sample_site(frozen, tmp_path) -> None:
    out = tmp_path / "shot.png"
    proc = subprocess.run([str(frozen), "--screenshot", str(out), "--size", "1200x800"],
                          capture_output=True, text=True, timeout=180, env=_env(tmp_path))
    assert proc.returncode == 0, proc.stderr[-3000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    colors = {image.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 800, 7)}
    assert len(colors) > 50  # a drawn window (tree, form, editor, preview), not a blank one
    assert (tmp_path / "data" / "sample-site" / "hugo.toml").is_file()  # first start copied it
