"""Start the window: `writer [PATH] [--screenshot OUT.png] [--size WxH] [--theme light|dark]`."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from writer.core.hugo.index import CONTENT_EXTS
from writer.core.paths import user_sample_site


def _add_chromium_flag(flag: str) -> None:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if flag.split("=")[0] not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " " + flag).strip()


def _quiet_qt() -> None:
    """Qt's and Chromium's own log lines (GPU back ends, D-Bus, plugins) are for developers:
    without --verbose only critical messages reach the console. (Rules, not a Python message
    handler: Qt logs from its own threads, which must never wait for Python.)"""
    rules = os.environ.get("QT_LOGGING_RULES", "")
    quiet = "*.debug=false;*.info=false;*.warning=false"
    os.environ["QT_LOGGING_RULES"] = f"{rules};{quiet}" if rules else quiet
    _add_chromium_flag("--log-level=3")  # Chromium's processes: fatal messages only


def _prepare_qt(verbose: bool = False) -> None:
    """Settings WebEngine needs before the QApplication exists."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        _add_chromium_flag("--no-sandbox")
    # The preview is a document, not a game: Qt's software scene graph shows it without loading
    # an OpenGL stack into Writer's process (Mesa's llvmpipe alone is 36 MB where there is no
    # GPU); a writer who wants the GPU sets QT_QUICK_BACKEND themselves.
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    if not verbose:
        _quiet_qt()
    with contextlib.suppress(ImportError):
        import PySide6.QtWebEngineWidgets  # noqa: F401 - must be imported before QApplication

        from writer.ui.preview_scheme import register_scheme

        register_scheme()  # the preview's own URL scheme: registered before QApplication or never


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="writer", description="Markdown authoring for Hugo sites")
    parser.add_argument("path", nargs="?", help="a site folder, a folder inside one, or a page")
    parser.add_argument("--screenshot", metavar="OUT.png", help="write a picture of the window and exit")
    parser.add_argument("--size", default="1400x900", help="window size for --screenshot (WxH)")
    parser.add_argument("--theme", choices=["auto", "light", "dark"], help="colour theme")
    parser.add_argument("--verbose", action="store_true", help="show Qt's and Chromium's own log lines")
    parser.add_argument("--self-check", action="store_true",
                        help="print where resources, dictionaries and the web engine were found; exit")
    return parser.parse_args(argv)


def start_path(arg: str | None, last_site: str | None, data_dir: Path) -> Path:
    if arg:
        return Path(arg)
    if last_site and Path(last_site).is_dir():
        return Path(last_site)
    return user_sample_site(data_dir)


def self_check() -> int:
    """What a bundle must carry: preview CSS, the sample site, dictionaries, the web engine."""
    import json

    from writer.core.paths import resources_dir
    from writer.core.spell import SpellChecker, available_languages

    resources = resources_dir()
    report = {
        "resources": str(resources),
        "css": (resources / "preview" / "preview.css").is_file(),
        "sample_site": (resources / "sample-site" / "hugo.toml").is_file(),
        "icon": (resources / "icons" / "writer-256.png").is_file(),
        "dictionaries": list(available_languages()),
        "german_loads": SpellChecker("de").load() and SpellChecker("de").supported,
    }
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401

        report["webengine"] = True
    except ImportError:
        report["webengine"] = False
    print(json.dumps(report, indent=2))
    ok = report["css"] and report["sample_site"] and len(report["dictionaries"]) >= 8 and report["german_loads"]
    return 0 if ok else 1


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.self_check:
        return self_check()
    if args.path and not Path(args.path).exists():
        print(f"writer: {args.path}: no such file or folder", file=sys.stderr)
        return 2
    if args.path and Path(args.path).is_file() and not args.path.lower().endswith(CONTENT_EXTS):
        print(f"writer: {args.path}: not a content page (Writer opens {', '.join(CONTENT_EXTS)} files "
              "or a site folder)", file=sys.stderr)
        return 2
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        if not (200 <= width <= 10_000 and 150 <= height <= 10_000):
            raise ValueError
    except ValueError:
        print(f"writer: --size {args.size}: expected WIDTHxHEIGHT between 200x150 and 10000x10000, "
              "e.g. 1400x900", file=sys.stderr)
        return 2
    _prepare_qt(args.verbose)
    from PySide6.QtWidgets import QApplication

    from writer.ui.main_window import MainWindow
    from writer.ui.settings import AppSettings, app_data_dir
    from writer.ui.theme import apply_palette, resolve_theme

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("Writer")
    app.setApplicationName("Writer")
    from PySide6.QtGui import QIcon

    from writer.core.paths import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "writer-256.png")))
    settings = AppSettings()
    theme = args.theme or str(settings.q.value("view/theme", "auto"))
    apply_palette(app, resolve_theme(theme))
    window = MainWindow(settings, theme=args.theme)
    path = start_path(args.path, settings.last_site, app_data_dir())
    if args.screenshot:
        from writer.ui.screenshot import take_screenshot

        return take_screenshot(app, window, path, Path(args.screenshot), (width, height))
    window.open_path(path)
    window.show()
    return app.exec()
