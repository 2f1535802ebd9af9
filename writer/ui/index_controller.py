"""The site's index for the window: opened through the persistent cache, refreshed off the UI
thread when files change on disk (a save is one), and shown again only when what the tree and
the translation panel show has changed."""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from writer.core.errors import WriterError
from writer.core.hugo.index_cache import IndexCache
from writer.core.hugo.lastmod import sections
from writer.core.hugo.render_context import SiteModel
from writer.core.hugo.translate import translation_status
from writer.ui.workers import IndexScheduler

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


def _shown(model: SiteModel) -> tuple:
    """What the site tree and the translation panel show: equal values need no new widgets."""
    status = tuple((s.source.path, tuple(s.missing), tuple(p.path for p in s.outdated))
                   for s in translation_status(model.index))
    return model.index.outline(), status


class IndexController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tidy_timer = QTimer(self, singleShot=True, interval=IDLE_TIDY_MS)
        self.tidy_timer.timeout.connect(self.tidy)
        self.cache: IndexCache | None = None
        self.outline: tuple = ()
        self.scheduler = IndexScheduler(self)
        self.scheduler.built.connect(self._built)

    def open(self, path: Path) -> SiteModel:
        """The model of the site holding `path`, read through its cache (raises WriterError)."""
        self.scheduler.cancel()
        self.scheduler.wait()
        self._save_cache()
        model, cache = SiteModel.open_cached(path)
        sections(model.index)  # worked out with the rest of the opening, not at the first save
        self.cache = cache
        self.outline = _shown(model)
        gc.unfreeze()  # a new site: what the old one left may go now
        gc.collect()
        QTimer.singleShot(0, _settle_heap)  # once the window shows the new site's tree
        return model

    def reload(self) -> None:
        """Index the site again now (after Writer itself added, moved or deleted pages)."""
        window = self.window
        if window.model is None:
            return
        self.scheduler.cancel()
        self.scheduler.wait()
        self._show(SiteModel.open(window.model.site.root, self.cache, persist=False, previous=window.model))

    def refresh_in_background(self) -> None:
        """Index the site again off the UI thread (files changed on disk); typing goes on."""
        window = self.window
        if window.model is None:
            return
        root, cache, before, previous = window.model.site.root, self.cache, self.outline, window.model

        def build() -> tuple[SiteModel, tuple, tuple, bool]:
            collecting = gc.isenabled()
            gc.disable()  # no full collection of the whole heap while this runs (it holds the GIL)
            try:
                model = SiteModel.open(root, cache, persist=False, previous=previous)
                sections(model.index)  # what a save asks of the index, worked out here
                shown = _shown(model)
                same = shown == before  # compared here, not on the UI thread
                _settle_heap()
            finally:
                if collecting:
                    gc.enable()
            return model, shown, before, same

        self.scheduler.request(build)

    def _built(self, result: object) -> None:
        window = self.window
        if isinstance(result, WriterError):
            window.statusBar().showMessage(f"The site could not be indexed again: {result}", 8000)
            return
        if isinstance(result, BaseException) or not isinstance(result, tuple) or window.model is None:
            return
        model, outline, before, same = result
        if model.site.root != window.model.site.root:
            return  # another site was opened meanwhile
        self._show(model, outline, same=same and before is self.outline)

    def _show(self, model: SiteModel, outline: tuple | None = None, *, same: bool = False) -> None:
        window = self.window
        window.model = model
        outline = _shown(model) if outline is None else outline
        if not same and outline != self.outline:
            window.site_tree.load(model.index)
            window.translations.load(model.index)
            self.outline = outline
        else:  # the same tree: only what its filters read of the pages is new
            window.site_tree.index = model.index
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
        self.scheduler.cancel()
        self.scheduler.wait()
        self._save_cache()
