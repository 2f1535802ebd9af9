"""Rendering off the UI thread: bursts of edits merge, stale results are dropped."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal


class _Signals(QObject):
    finished = Signal(int, str, float)  # generation, html, seconds


class _RenderJob(QRunnable):
    def __init__(self, generation: int, render: Callable[[], str], signals: _Signals) -> None:
        super().__init__()
        self.generation = generation
        self.render = render
        self.signals = signals

    def run(self) -> None:
        start = time.perf_counter()
        try:
            html = self.render()
        except Exception as exc:  # the renderer never raises; this is the last guard
            html = f"<p class='writer-render-error'>The preview failed: {type(exc).__name__}</p>"
        self.signals.finished.emit(self.generation, html, time.perf_counter() - start)


def render_delay_ms(size: int) -> int:
    """Wait longer on bigger pages: 60 ms for short ones, up to 400 ms at 500 KB."""
    return int(min(400, 60 + size / 1500))


class RenderScheduler(QObject):
    """Schedules renders: one in flight at a time, the newest request wins."""

    rendered = Signal(str, float)  # html, seconds

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self._pending: Callable[[], str] | None = None
        self._busy = False
        self._signals = _Signals()
        self._signals.finished.connect(self._on_job_finished)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)

    def request(self, render: Callable[[], str], size: int, immediate: bool = False) -> None:
        self.generation += 1
        self._pending = render
        self._timer.start(0 if immediate else render_delay_ms(size))

    def _start(self) -> None:
        if self._busy or self._pending is None:
            return
        job = _RenderJob(self.generation, self._pending, self._signals)
        self._pending = None
        self._busy = True
        self.pool.start(job)

    def _on_job_finished(self, generation: int, html: str, seconds: float) -> None:
        self._busy = False
        if generation == self.generation:
            self.rendered.emit(html, seconds)
        elif self._pending is not None:
            self._start()  # a newer request waited for this one

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)


class _IndexSignals(QObject):
    finished = Signal(int, object)  # generation, result (or the exception raised)


class _IndexJob(QRunnable):
    def __init__(self, generation: int, build: Callable[[], object], signals: _IndexSignals) -> None:
        super().__init__()
        self.generation = generation
        self.build = build
        self.signals = signals

    def run(self) -> None:
        try:
            result: object = self.build()
        except Exception as exc:  # noqa: BLE001 - handed to the window, which says what failed
            result = exc
        self.signals.finished.emit(self.generation, result)


class IndexScheduler(QObject):
    """Builds the site's index off the UI thread: one build at a time; a request made while one
    runs starts one more build when it ends (its result is the one delivered)."""

    built = Signal(object)  # the build's result, or the exception it raised

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self._pending: Callable[[], object] | None = None
        self._busy = False
        self._signals = _IndexSignals()
        self._signals.finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        return self._busy or self._pending is not None

    def request(self, build: Callable[[], object]) -> None:
        self.generation += 1
        self._pending = build
        self._start()

    def cancel(self) -> None:
        """Forget pending work (a build under way finishes; its result is dropped)."""
        self.generation += 1
        self._pending = None

    def _start(self) -> None:
        if self._busy or self._pending is None:
            return
        job = _IndexJob(self.generation, self._pending, self._signals)
        self._pending = None
        self._busy = True
        self.pool.start(job)

    def _on_finished(self, generation: int, result: object) -> None:
        self._busy = False
        if generation == self.generation:
            self.built.emit(result)
        else:
            self._start()  # a newer request waited for this one

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
