"""A big site in the window (issue 17): saving a page never waits for the site. The index is
built again off the UI thread after the save (the folder changed on disk), through the cache,
and the tree is rebuilt only when what it shows changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer

LANGS = ("de", "en", "fr", "es")


def _generate(root: Path, bundles: int) -> None:
    """`bundles` page bundles in four languages, written a while ago (a site's pages are older
    than the two seconds in which the index cache does not trust a file's time)."""
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndefaultContentLanguage = "de"\n'
        + "".join(f"[languages.{code}]\nweight = {n + 1}\n" for n, code in enumerate(LANGS)),
        encoding="utf-8")
    for n in range(bundles):
        folder = root / "content" / ("blog", "docs", "news", "team")[n % 4] / f"seite-{n}"
        folder.mkdir(parents=True)
        for code in LANGS:
            (folder / f"index.{code}.md").write_text(
                f"---\ntitle: 'Seite {n} {code}'\ndate: 2024-05-{n % 28 + 1:02d}\ntags: [a, b]\n---\n\n"
                f"Ein Absatz auf der Seite {n}.\n", encoding="utf-8")
    past = time.time() - 60
    for path in root.rglob("*.md"):
        os.utime(path, (past, past))


class _Stalls:
    """The longest gap between ticks of a 1 ms timer on the UI thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=1)
        self.timer.timeout.connect(self._tick)
        self.longest = 0
        self.last = 0

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> int:
        self.timer.stop()
        return self.longest


def test_saving_on_a_20000_page_site_never_stalls_the_window(window, qtbot, tmp_path) -> None:
    root = tmp_path / "big"
    root.mkdir()
    _generate(root, 5000)  # 20,000 pages in four languages
    assert window.open_site(root)
    assert len(window.model.index.pages) == 20_000
    rel = "content/blog/seite-8/index.de.md"
    editor = window.open_page(rel)
    window.spelling.wait()  # the page's dictionary loads first (its own stalls are issue 18's)
    qtbot.wait(200)
    tree_before = window.site_tree.tree.topLevelItem(0)
    built: list[object] = []
    window.indexing.scheduler.built.connect(built.append)
    stalls = _Stalls()
    stalls.start()
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    for char in "Noch ein Satz.":
        qtbot.keyClicks(editor.editor, char)
        qtbot.wait(5)
    assert window.save_current()
    qtbot.waitUntil(lambda: bool(built), timeout=60_000)  # the watcher's refresh, off the UI thread
    start = time.monotonic()
    while time.monotonic() - start < 0.3:  # and the window afterwards
        qtbot.wait(10)
    longest = stalls.stop()
    print(f"longest UI stall while typing, saving and indexing again: {longest} ms")
    assert longest < 50, f"the UI thread stalled {longest} ms"
    assert "Noch ein Satz." in (root / rel).read_text(encoding="utf-8")
    assert window.model.index.get(rel) is not None
    assert window.site_tree.tree.topLevelItem(0) is tree_before  # same tree: not rebuilt for a save
    assert window.indexing.cache is not None and window.indexing.cache.misses <= 2  # only the saved page read
