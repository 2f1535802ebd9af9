"""The site's index for the window: built off the UI thread through the persistent cache, and
shown again only when what the tree and the translation panel show has changed.

Opening a site waits a moment for its index (a small or cached site is there at once); a big
site opens its page first, with an index of that page alone, and the tree, the link picker,
the translation status and the checks fill in when the whole index arrives. Saves and files
changed on disk index again in the background (through the cache: only changed files are read)."""

from __future__ import annotations

import gc
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QProgressBar

from writer.core import processes
from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.index_cache import IndexCache, fingerprint
from writer.core.hugo.lastmod import sections
from writer.core.hugo.render_context import SiteModel
from writer.core.hugo.site import Site, config_files
from writer.core.hugo.translate import TranslationStatus, translation_status
from writer.ui.site_tree import TreeRows, build_rows
from writer.ui.workers import IndexScheduler, release_off_ui_thread

if TYPE_CHECKING:
    from writer.ui.main_window import MainWindow


def _settle_heap() -> None:
    """Move what lives now (the index, the tree) out of the collector's way: a full collection
    walks every tracked object (a 20,000-page site's index and tree: some 290,000, a quarter of a
    second), and one could start in the middle of typing. Freezing scans nothing; the garbage it
    keeps is collected when the writer pauses (`IndexController.tidy`) or opens another site."""
    gc.freeze()


IDLE_TIDY_MS = 60_000  # a minute after the index changed, when nobody typed for a while
QUIET_S = 10.0
OPEN_WAIT_MS = 300  # a site indexed within this opens with its whole index at once
RELOAD_WAIT_MS = 3000  # after Writer itself added or moved pages


@dataclass
class Built:
    """An index built off the UI thread, with what the window shows of it."""

    model: SiteModel
    shown: tuple  # what the tree and translation panel show (equal: no new widgets)
    statuses: list[TranslationStatus]
    rows: TreeRows | None  # the tree's rows, None when the tree stays as it is
    cache: IndexCache | None
    opening: bool  # the first index of a site just opened


def _shown(model: SiteModel) -> tuple[tuple, list[TranslationStatus]]:
    statuses = translation_status(model.index)
    status = tuple((s.source.path, tuple(s.missing), tuple(p.path for p in s.outdated)) for s in statuses)
    return (model.index.outline(), status), statuses


BIG_CACHE_BYTES = 4 * 1024 * 1024  # a cache this large: some 5,000 pages or more


def _known_big(root: Path) -> bool:
    """Whether the site is known to be big (its index cache is), so that opening it need not
    wait for its index at all."""
    try:
        return IndexCache.file_for(root).stat().st_size > BIG_CACHE_BYTES
    except OSError:
        return False


def _without_collection(build):
    """Run `build` with the collector off (a full collection of the whole heap holds the GIL)."""
    def run() -> Built:
        collecting = gc.isenabled()
        gc.disable()
        try:
            result = build()
            _settle_heap()
            return result
        finally:
            if collecting:
                gc.enable()
    return run


class IndexController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tidy_timer = QTimer(self, singleShot=True, interval=IDLE_TIDY_MS)
        self.tidy_timer.timeout.connect(self.tidy)
        self.cache: IndexCache | None = None
        self.outline: tuple = ()
        self.complete = False  # the window's index holds the whole site (not only its open pages)
        self._again = False  # files changed while the first index was being built
        self.rows: TreeRows | None = None  # built with the index just opened, for the window to show
        self.statuses: list[TranslationStatus] | None = None
        self.stopping = threading.Event()  # set when the window closes: a build under way ends
        self.scheduler = IndexScheduler(self)
        self.scheduler.built.connect(self._built)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: how long is not known beforehand
        self.progress.setMaximumWidth(140)
        self.progress.setFormat("Indexing…")
        self.progress.setTextVisible(True)
        self.progress.setToolTip("Writer is reading the site's pages; the page can be edited meanwhile")
        self.progress.hide()

    # -- opening -----------------------------------------------------------------

    def open(self, site: Site, path: Path, pages: list[Path]) -> SiteModel:
        """The model of `site` (opened at `path`). Whole when its index is built within a
        moment; else an index of `pages` alone, the rest arriving in the background."""
        self.stopping.set()  # the last site's first index, if still being read, ends now
        self.scheduler.cancel()
        self.scheduler.wait()
        self.stopping.clear()
        self._save_cache()
        self.cache, self.outline, self.complete, self._again = None, (), False, False
        gc.unfreeze()  # a new site: what the old one left may go now
        gc.collect()
        gc.freeze()  # and what lives now is out of the collector's way while the site is indexed

        def build() -> Built:
            cache = IndexCache.for_site(site.root, config_files(site.root))
            index = ContentIndex.build(site, cache, persist=True, workers=processes.METHOD, stop=self.stopping)
            model = SiteModel.from_index(index)
            sections(model.index)  # worked out with the rest of the opening, not at the first save
            shown, statuses = _shown(model)
            return Built(model, shown, statuses, build_rows(model.index), cache, opening=True)

        done = self._run(_without_collection(build), 0 if _known_big(site.root) else OPEN_WAIT_MS)
        if isinstance(done, Built):
            self._adopt(done)
            return done.model
        self.progress.show()
        wanted = [path] if path.is_file() else pages
        return SiteModel.from_index(ContentIndex.of_files(site, [site.root / p for p in wanted]))

    def _run(self, build, wait_ms: int) -> Built | None:
        """Start `build` off the UI thread and wait up to `wait_ms` for it: its result when it
        finished (delivered here, not again by the signal), else None (the signal brings it)."""
        result: list[object] = []

        def job() -> object:
            out = build()
            result.append(out)
            return out

        self.scheduler.request(job)
        if self.scheduler.wait(wait_ms) and result:  # delivered here, not by the signal
            return result[0] if isinstance(result[0], Built) else None
        return None

    def _adopt(self, built: Built) -> None:
        """Take a just-opened site's whole index (the window loads its tree itself)."""
        self.cache = built.cache
        self.outline = built.shown
        self.complete = True
        self.rows, self.statuses = built.rows, built.statuses
        QTimer.singleShot(0, _settle_heap)  # once the window shows the new site's tree

    def take_rows(self) -> tuple[TreeRows | None, list[TranslationStatus] | None]:
        """The tree's rows and translation status built with the index just adopted (once)."""
        out = self.rows, self.statuses
        self.rows = self.statuses = None
        return out

    # -- indexing again ------------------------------------------------------------

    def reload(self) -> None:
        """Index the site again now (after Writer itself added, moved or deleted pages)."""
        if self.window.model is None:
            return
        if not self.complete:
            self._again = True
            return
        self.scheduler.cancel()
        self.scheduler.wait()
        done = self._run(self._refresh_job(), RELOAD_WAIT_MS)
        if isinstance(done, Built):
            self._show(done)

    def refresh_in_background(self, folders: list[Path] | None = None) -> None:
        """Index the site again off the UI thread (files changed on disk); typing goes on. With
        `folders`, only what lies below them is walked again (unless the configuration changed)."""
        if self.window.model is None:
            return
        if not self.complete:  # the first index is still being built: once more after it
            self._again = True
            return
        self.scheduler.request(self._refresh_job(folders))

    def _refresh_job(self, folders: list[Path] | None = None):
        window = self.window
        assert window.model is not None
        root, cache, before, previous = window.model.site.root, self.cache, self.outline, window.model

        def build() -> Built:
            if folders and cache is not None and cache.stamp == fingerprint(root, config_files(root)):
                model = SiteModel.from_index(previous.index.refreshed(folders, cache), previous.made_renderer)
            else:
                model = SiteModel.open(root, cache, persist=False, previous=previous)
            sections(model.index)  # what a save asks of the index, worked out here
            shown, statuses = _shown(model)
            rows = None if shown == before else build_rows(model.index)  # compared here, not on the UI thread
            return Built(model, shown if rows is not None else before, statuses, rows, None, opening=False)

        return _without_collection(build)

    def _built(self, result: object) -> None:
        window = self.window
        if isinstance(result, WriterError):
            self.progress.hide()
            window.statusBar().showMessage(f"The site could not be indexed: {result}", 8000)
            return
        if not isinstance(result, Built) or window.model is None:
            self.progress.hide()
            return
        if result.model.site.root != window.model.site.root:
            return  # another site was opened meanwhile
        if result.opening:
            self.cache = result.cache
            self.complete = True
        self._show(result)
        if result.opening:
            window.site_index_arrived(result.model)
        if self._again:  # files changed while it was built: where is not known, so everywhere
            self._again = False
            self.refresh_in_background()

    def _show(self, built: Built) -> None:
        window = self.window
        old, window.model = window.model, built.model
        if old is not None and old is not built.model:
            release_off_ui_thread(old)
        del old
        self.progress.hide()
        if built.rows is not None and (built.opening or built.shown != self.outline):
            window.site_tree.load(built.model.index, built.rows)
            window.translations.load(built.model.index, built.statuses)
            release_off_ui_thread(self.outline)
            self.outline = built.shown
        else:  # the same tree: only what its filters read of the pages is new
            window.site_tree.index = built.model.index
        for editor in window.editors():
            window.update_tab_title(editor)
        _settle_heap()
        self.tidy_timer.start()

    def tidy(self) -> None:
        """Collect all garbage, frozen or not, once the writer has paused (a quarter of a second
        on a 20,000-page site, never while typing); then freeze again."""
        if time.monotonic() - self.window.guard.last_edit < QUIET_S or self.scheduler.busy:
            self.tidy_timer.start(int(QUIET_S * 1000))
            return
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _save_cache(self) -> None:
        if self.cache is not None:
            self.cache.save()

    def shutdown(self) -> None:
        self.stopping.set()  # a big site's first index ends early (its pool of processes too)
        self.scheduler.cancel()
        self.scheduler.wait()
        self._save_cache()
