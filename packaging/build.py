"""Build the one-folder app with PyInstaller, pack it, and print sizes and build time.

    python packaging/build.py [--dist DIR] [--work DIR]

Linux: dist/Writer/ and Writer-<version>-linux-x86_64.tar.gz. Windows: then run Inno Setup on
packaging/windows/writer.iss. macOS: Writer.app, then packaging/macos/make_dmg.sh.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from writer import __version__  # noqa: E402


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(args.dist), "--workpath", str(args.work), str(ROOT / "packaging" / "writer.spec")],
        check=True,
    )
    built = time.perf_counter() - start
    app = args.dist / "Writer"
    print(f"build time: {built:.0f} s")
    print(f"one-folder app: {app} ({folder_size(app) / 1e6:.0f} MB)")
    if sys.platform.startswith("linux"):
        archive = args.dist / f"Writer-{__version__}-linux-{platform.machine()}.tar.xz"
        start = time.perf_counter()
        pack(app, archive)
        print(f"archive: {archive.name} ({archive.stat().st_size / 1e6:.0f} MB, packed in "
              f"{time.perf_counter() - start:.0f} s)")
    return 0


def pack(app: Path, archive: Path) -> None:
    """tar.xz of the app folder: the xz tool on all cores where present, else Python's lzma."""
    if shutil.which("xz") and shutil.which("tar"):
        with archive.open("wb") as out:
            tar = subprocess.Popen(["tar", "-C", str(app.parent), "-cf", "-", app.name], stdout=subprocess.PIPE)
            subprocess.run(["xz", "-T0", "-6"], stdin=tar.stdout, stdout=out, check=True)
            assert tar.stdout is not None
            tar.stdout.close()
            if tar.wait() != 0:
                raise RuntimeError("tar failed")
        return
    with tarfile.open(archive, "w:xz") as bundle:
        bundle.add(app, arcname=app.name)


if __name__ == "__main__":
    raise SystemExit(main())
