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
