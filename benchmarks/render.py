"""Time Writer's preview pipeline against Python-Markdown (ReText's engine).

Run: python benchmarks/render.py [--runs N] [--profile]

Generated pages of about 10 KB and 200 KB shaped like real Hugo pages (mostly prose, with
headings, lists, tables, code fences, links, images and relref shortcodes), plus a "dense"
200 KB stress page where every section has every element. Writer's figure is
Renderer.render + preview_page with its highlight cache cleared before every run (a cold
render); Python-Markdown runs with extra + codehilite + toc. The two alternate, run by run,
so that a busy moment on the machine slows both alike; each figure is the median of the runs
(after a warm-up), with the best run beside it.

Then the whole process (`--cli-pages`, 120 by default): `writer render` of that many pages of a
generated 140-page site, against one Python-Markdown process converting the same pages; each is a
fresh Python process, so start-up, imports and (for Writer) opening the site count.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import markdown  # noqa: E402

from writer.core.render import RefTarget, Renderer, preview_page  # noqa: E402

WORDS = (
    *("team", "remote", "work", "meeting", "plan", "project", "goal", "week", "report"),
    *("client", "market", "sales", "idea", "note", "budget", "design", "review", "update"),
    *("launch", "quality", "process", "support", "service", "product"),
)
CODE = {
    "python": "def total(items):\n    result = 0\n    for item in items:\n"
    "        result += item.price * item.count\n    return result\n",
    "go": 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n',
    "yaml": "title: Example\nparams:\n  color: blue\n  tags: [a, b]\n",
}


class BenchContext:
    """Resolves every ref and image, like a site where nothing is broken."""

    def resolve_ref(self, target: str, kind: str) -> RefTarget | None:
        return RefTarget(url=f"/{target.strip('/')}/", path=f"content/{target}/index.md")

    def resolve_image(self, src: str) -> str | None:
        return f"file:///site/content/bench/{src.lstrip('/')}"

    def site_shortcodes(self) -> frozenset[str]:
        return frozenset({"notice"})


def _sentence(rng: random.Random, count: int) -> str:
    words = [rng.choice(WORDS) for _ in range(count)]
    return " ".join(words).capitalize()


def _paragraph(rng: random.Random, number: int) -> str:
    sentences = [_sentence(rng, rng.randint(8, 16)) + "." for _ in range(rng.randint(3, 6))]
    roll = rng.random()
    if roll < 0.3:
        sentences.insert(1, f'See [the guide]({{{{< relref "docs/guide-{number % 7}" >}}}}).')
    elif roll < 0.5:
        sentences.insert(1, f"Read [more](https://example.com/{rng.choice(WORDS)}/).")
    elif roll < 0.7:
        sentences.insert(2, f'The *{rng.choice(WORDS)}* is **"{rng.choice(WORDS)}"** -- mostly.')
    return " ".join(sentences)


def _section(rng: random.Random, number: int, dense: bool) -> str:
    """One `##` section: mostly prose (like real Hugo pages), or every element (dense)."""
    parts = [f"## Section {number}: {_sentence(rng, 3)}"]
    parts.extend(_paragraph(rng, number) for _ in range(1 if dense else rng.randint(2, 4)))
    if dense or number % 2 == 0:
        items = [f"- {_sentence(rng, 6)} with *emphasis* and `code`" for _ in range(4)]
        parts.append("\n".join(items))
    if dense or number % 4 == 1:
        rows = [
            f"| {_sentence(rng, 2)} | {rng.randint(1, 999)} | {rng.choice(WORDS)} |"
            for _ in range(4)
        ]
        parts.append("| Name | Count | Tag |\n|:-----|------:|:---:|\n" + "\n".join(rows))
    if dense or number % 3 == 0:
        lang = rng.choice(sorted(CODE))
        parts.append(f"```{lang}\n{CODE[lang]}```")
    if dense or number % 3 == 1:
        parts.append(f"![{_sentence(rng, 3)}](images/photo-{number % 5}.jpg)")
    if dense:
        parts.append(f'> {_sentence(rng, 10)} "quoted" -- said someone...')
        parts.append(f"1. {_sentence(rng, 5)}\n2. **{_sentence(rng, 4)}**")
    return "\n\n".join(parts) + "\n\n"


def make_page(size: int, seed: int = 7, dense: bool = False) -> str:
    """A deterministic Markdown page of about `size` characters."""
    rng = random.Random(seed)
    parts = ["# Benchmark page\n\n"]
    total = 0
    number = 1
    while total < size:
        section = _section(rng, number, dense)
        parts.append(section)
        total += len(section)
        number += 1
    return "".join(parts)


def _for_python_markdown(text: str) -> str:
    """Python-Markdown knows no shortcodes: give it the plain link targets instead."""
    return text.replace('{{< relref "', "/").replace('" >}}', "/")


def _timed_ms(func) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def _compare(ours, theirs, runs: int) -> tuple[list[float], list[float]]:
    """Alternate the two so that a busy moment on the machine slows both alike."""
    ours(), theirs()  # warm-up
    ours_ms, theirs_ms = [], []
    for _ in range(runs):
        ours_ms.append(_timed_ms(ours))
        theirs_ms.append(_timed_ms(theirs))
    return ours_ms, theirs_ms


def bench(size: int, runs: int, dense: bool = False) -> tuple[list[float], list[float]]:
    page = make_page(size, dense=dense)
    plain = _for_python_markdown(page)
    renderer = Renderer()
    context = BenchContext()

    def writer() -> None:
        renderer.highlighter.clear_cache()
        preview_page(renderer.render(page, context), theme="auto")

    md = markdown.Markdown(extensions=["extra", "codehilite", "toc"])

    def python_markdown() -> None:
        md.reset()
        md.convert(plain)

    return _compare(writer, python_markdown, runs)


PY_MARKDOWN_PROCESS = r"""
import sys
import markdown
md = markdown.Markdown(extensions=["extra", "codehilite", "toc"])
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as file:
        text = file.read()
    text = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    md.reset()
    print(md.convert(text.replace('{{< relref "', "/").replace('" >}}', "/")))
"""


def make_site(root: Path, pages: int) -> list[Path]:
    """A 2-language site of `pages` pages: 7 guides the bodies link to, the rest blog bundles with
    their images; returns the blog pages."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text('defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n'
                                    '[languages.en]\nweight = 2\n', encoding="utf-8")
    for n in range(7):
        guide = root / "content" / "docs" / f"guide-{n}.md"
        guide.parent.mkdir(parents=True, exist_ok=True)
        guide.write_text(f"---\ntitle: 'Guide {n}'\n---\n\nText.\n", encoding="utf-8")
    posts = []
    for n in range(max(pages - 7, 1)):
        bundle = root / "content" / "blog" / f"post-{n // 2}"
        (bundle / "images").mkdir(parents=True, exist_ok=True)
        for i in range(5):
            (bundle / "images" / f"photo-{i}.jpg").write_bytes(b"\xff\xd8\xff")
        post = bundle / f"index.{'de' if n % 2 == 0 else 'en'}.md"
        body = make_page(6_000, seed=n)
        post.write_text(f"---\ntitle: 'Post {n}'\nlastmod: '2025-01-01'\n---\n\n{body}", encoding="utf-8")
        posts.append(post)
    return posts


def _process_seconds(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def bench_cli(site_pages: int, rendered: int, runs: int) -> tuple[list[float], list[float]]:
    """Whole-process seconds of `writer render PAGE...` and of Python-Markdown on the same pages."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    # Compiled modules are kept, as in any installed copy (pip and the packaged app ship them):
    # the warm-up run writes Writer's own, should this shell forbid writing them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        pages = [str(p) for p in make_site(Path(tmp), site_pages)[:rendered]]
        ours = [sys.executable, "-m", "writer", "render", *pages]
        theirs = [sys.executable, "-c", PY_MARKDOWN_PROCESS, *pages]
        _process_seconds(ours, env), _process_seconds(theirs, env)  # warm-up (disk cache, .pyc)
        ours_s, theirs_s = [], []
        for _ in range(runs):
            ours_s.append(_process_seconds(ours, env))
            theirs_s.append(_process_seconds(theirs, env))
    return ours_s, theirs_s


def print_cli(site_pages: int, rendered: int, runs: int) -> None:
    ours, theirs = bench_cli(site_pages, rendered, runs)
    mine, other = statistics.median(ours), statistics.median(theirs)
    print(f"\nwhole process, {rendered} pages of a {site_pages}-page site (6 KB bodies):")
    print(f"  writer render {mine:.2f} s (best {min(ours):.2f}), Python-Markdown {other:.2f} s "
          f"(best {min(theirs):.2f}), ratio {mine / other:.2f}; goal: ratio <= 0.50")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", action="store_true", help="profile the 200 KB render")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks that the benchmark runs")
    parser.add_argument("--cli-pages", type=int, default=120, help="pages for the whole-process figure")
    parser.add_argument("--cli-only", action="store_true", help="only the whole-process figure")
    args = parser.parse_args()
    if args.profile:
        import cProfile
        import pstats

        page, renderer, context = make_page(200_000), Renderer(), BenchContext()
        renderer.render(page, context)
        profiler = cProfile.Profile()
        profiler.enable()
        renderer.highlighter.clear_cache()
        renderer.render(page, context)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return 0
    if args.cli_only:
        print_cli(args.cli_pages + 20, args.cli_pages, args.runs)
        return 0
    print(f"{'page':>14} {'Writer ms':>10} {'best':>6} {'Py-Markdown ms':>15} {'best':>6} {'ratio':>6}")
    cases = ((2_000, False),) if args.quick else ((10_000, False), (200_000, False), (200_000, True))
    for size, dense in cases:
        ours, theirs = bench(size, 1 if args.quick else args.runs, dense)
        label = f"{size // 1000}KB" + (" dense" if dense else "")
        mine, other = statistics.median(ours), statistics.median(theirs)
        print(
            f"{label:>14} {mine:>10.1f} {min(ours):>6.1f} {other:>15.1f} {min(theirs):>6.1f}"
            f" {mine / other:>6.2f}"
        )
    print("medians (best of the runs beside them); goals: ratio <= 0.50, 200KB Writer < 60 ms")
    if args.quick:
        print_cli(12, 10, 1)
    else:
        print_cli(args.cli_pages + 20, args.cli_pages, min(args.runs, 7))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
