"""Time `writer pages` and in-process indexing of a generated 10,000-page, 4-language site.

    python benchmarks/index_site.py [--pages 10000]

Prints the figures; the goal is under 2 s for each on a 2-core machine.
"""

from __future__ import annotations

import argparse
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

        def cli() -> None:
            subprocess.run(
                [sys.executable, "-m", "writer", "pages", str(root), "--json"],
                check=True, stdout=subprocess.DEVNULL,
            )

        best, median = best_of(args.runs, cli)
        print(f"`writer pages --json` (whole process): best {best:.3f} s, median {median:.3f} s")


if __name__ == "__main__":
    main()
