"""Where Writer's bundled resources live (source tree or frozen app) and the user's sample copy."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: next to the package in a checkout, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def app_data_dir() -> Path:
    """Writer's data folder (recovery copies, the sample site, index caches), where Qt puts an
    application's data: `WRITER_DATA_DIR` when set (tests), else the platform's place."""
    override = os.environ.get("WRITER_DATA_DIR")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "Writer" / "Writer"


def bundled_sample_site() -> Path:
    return resources_dir() / "sample-site"


def sample_copy_path(data_dir: Path) -> Path:
    """Where the user's copy of the sample site lives (whether made yet or not)."""
    return data_dir / "sample-site"


def user_sample_site(data_dir: Path) -> Path:
    """A copy of the sample site in the user's data folder, made on first use.

    The bundled copy is never edited: the app opens this copy. An existing copy
    (with the user's edits) is left as it is.
    """
    target = sample_copy_path(data_dir)
    if not target.exists():
        import shutil  # only here: its import costs every command a few milliseconds

        data_dir.mkdir(parents=True, exist_ok=True)
        partial = data_dir / ".sample-site.partial"
        if partial.exists():
            shutil.rmtree(partial)
        shutil.copytree(bundled_sample_site(), partial)
        partial.rename(target)
    return target
