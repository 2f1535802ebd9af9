"""Spellchecking speed: dictionary loads, the first check of a 10 KB page, typing with checking on.

    python benchmarks/spell.py

Goals: the first full check of a 10 KB page under 100 ms (dictionary loaded); no UI stall over
16 ms while typing into a 200 KB page with checking on.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qt_bench import SECTION, measure  # noqa: E402

from writer.core.spell import SpellChecker, available_languages  # noqa: E402

LANGS = ["de", "en", "fr", "es", "pt", "ru", "it", "nl"]


def main() -> None:
    quick = "--quick" in sys.argv[1:]  # tiny sizes: checks that the benchmark runs
    print("dictionary load time per language:")
    for lang in LANGS[:1] if quick else LANGS:
        if lang not in available_languages():
            print(f"  {lang}: no dictionary")
            continue
        start = time.perf_counter()
        SpellChecker(lang).load()
        print(f"  {lang}: {(time.perf_counter() - start) * 1000:.0f} ms")
    page = ""
    n = 0
    while len(page) < 10_000:
        page += SECTION.format(n=n)
        n += 1
    times = []
    for _ in range(5):
        checker = SpellChecker("de")
        checker.load()  # not timed: only the check of a fresh (uncached) checker
        start = time.perf_counter()
        wrong = checker.misspelled(page)
        times.append((time.perf_counter() - start) * 1000)
    print(f"first full check of a {len(page) // 1000} KB page: best {min(times):.1f} ms, "
          f"worst {max(times):.1f} ms ({len(wrong)} misspelled)")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from writer.ui.editor import MarkdownEditor

    big = ""
    while len(big) < (5_000 if quick else 200_000):
        big += SECTION.format(n=n)
        n += 1
    editor = MarkdownEditor()
    editor.setPlainText(big)
    checker = SpellChecker("de")
    checker.load()
    start = time.perf_counter()
    editor.highlighter.set_spell(checker)
    worst = (time.perf_counter() - start) * 1000
    while editor.highlighter._pending.isValid():
        tick = time.perf_counter()
        app.processEvents()
        worst = max(worst, (time.perf_counter() - tick) * 1000)
    print(f"underlining a 200 KB page when its dictionary arrives: {(time.perf_counter() - start) * 1000:.0f} ms "
          f"in slices, the longest {worst:.1f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        stall, latency, _ = measure(app, 2_000 if quick else 200_000, Path(tmp), spelling=True,
                                    keys=20 if quick else 200)
        print(f"typing 200 keys into a 200 KB page with checking on: longest UI stall {stall:.1f} ms")
    print("goals: first check < 100 ms; no stall over 16 ms")


if __name__ == "__main__":
    main()
