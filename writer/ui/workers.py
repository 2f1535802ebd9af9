"""Work off the UI thread, one job at a time: bursts of requests merge, stale results are dropped.
Previews are rendered this way, and the site's index is built again."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal


class _Signals(QObject):
    finished = Signal(int, object, float)  # generation, result, seconds


class _Job(QRunnable):
    def __init__(self, generation: int, work: Callable[[], object], signals: _Signals,
                 failed: Callable[[Exception], object]) -> None:
        super().__init__()
        self.generation = generation
        self.work = work
        self.signals = signals
        self.failed = failed

    def run(self) -> None:
        start = time.perf_counter()
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 - the last guard: the scheduler says what it means
            result = self.failed(exc)
        self.signals.finished.emit(self.generation, result, time.perf_counter() - start)


class _Release(QRunnable):
    def __init__(self, value: object) -> None:
        super().__init__()
        self.value = value

    def run(self) -> None:
        self.value = None


def release_off_ui_thread(value: object) -> None:
    """Drop a reference to a big structure (an old index: hundreds of thousands of objects)
    on a pool thread, so that freeing it does not stall the UI thread."""
    QThreadPool.globalInstance().start(_Release(value))


class _NewestWins(QObject):
    """One job at a time on a thread of its own. A request made while a job runs starts when it
    ends, and only the newest request's result is delivered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self._pending: Callable[[], object] | None = None
        self._busy = False
        self._running = -1  # the generation of the job under way
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)

    def _submit(self, work: Callable[[], object]) -> None:
        self.generation += 1
        self._pending = work

    def _start(self) -> None:
        if self._busy or self._pending is None:
            return
        job = _Job(self.generation, self._pending, self._signals, self._failed)
        self._pending = None
        self._busy = True
        self._running = self.generation
        self.pool.start(job)

    def _on_finished(self, generation: int, result: object, seconds: float) -> None:
        if generation != self._running:
            return  # a job whose end was already taken (`IndexScheduler.wait`)
        self._busy = False
        self._running = -1
        if generation == self.generation:
            self._deliver(result, seconds)
        else:
            self._start()  # a newer request waited for this one

    def _failed(self, error: Exception) -> object:
        return error

    def _deliver(self, result: object, seconds: float) -> None:
        raise NotImplementedError

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)


def render_delay_ms(size: int) -> int:
    """Wait longer on bigger pages: 60 ms for short ones, up to 400 ms at 500 KB."""
    return int(min(400, 60 + size / 1500))


class RenderScheduler(_NewestWins):
    """Schedules renders after a pause that grows with the page."""

    rendered = Signal(str, float)  # html, seconds

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)

    def request(self, render: Callable[[], str], size: int, immediate: bool = False) -> None:
        self._submit(render)
        self._timer.start(0 if immediate else render_delay_ms(size))

    def _failed(self, error: Exception) -> object:  # the renderer never raises; this is the last guard
        return f"<p class='writer-render-error'>The preview failed: {type(error).__name__}</p>"

    def _deliver(self, result: object, seconds: float) -> None:
        self.rendered.emit(str(result), seconds)


class IndexScheduler(_NewestWins):
    """Builds the site's index again off the UI thread."""

    built = Signal(object)  # the build's result, or the exception it raised

    @property
    def busy(self) -> bool:
        return self._busy or self._pending is not None

    def request(self, build: Callable[[], object]) -> None:
        self._submit(build)
        self._start()

    def cancel(self) -> None:
        """Forget pending work (a build under way finishes; its result is dropped)."""
        self.generation += 1
        self._pending = None

    def _deliver(self, result: object, seconds: float) -> None:
        self.built.emit(result)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the job under way. When it ends in time its result is not delivered (the
        caller takes it, or cancelled it) and the next request starts at once."""
        if not self.pool.waitForDone(msecs):
            return False
        if self._busy:
            self._busy = False
            self._running = -1
            self.generation += 1
        return True
