"""Shared by the window benchmarks: a generated site, and typing into the window with a UI-stall probe."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")  # as `writer` sets it (writer/ui/app.py)
if os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import PySide6.QtWebEngineWidgets  # noqa: E402,F401
from PySide6.QtCore import QElapsedTimer, QEvent, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from writer.ui.main_window import MainWindow  # noqa: E402
from writer.ui.preview_scheme import register_scheme  # noqa: E402
from writer.ui.settings import AppSettings  # noqa: E402

register_scheme()  # the preview's URL scheme, before any QApplication (as writer.ui.app does)

PARAGRAPH = (
    "Ein Absatz über verteilte Teams mit *Betonung*, einem [Link](https://example.org) und "
    "etwas `Code`. Wir schreiben Entscheidungen auf, damit alle sie finden.\n\n"
)
SECTION = "## Abschnitt {n}\n\n" + PARAGRAPH * 3 + "- Punkt eins\n- Punkt zwei\n\n"


def make_site(root: Path, size: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text('defaultContentLanguage = "de"\n')
    bundle = root / "content" / "blog" / "seite"
    bundle.mkdir(parents=True)
    body, n = [], 0
    while sum(map(len, body)) < size:
        body.append(SECTION.format(n=n))
        n += 1
    page = bundle / "index.md"
    page.write_text("---\ntitle: 'Messung'\ndate: 2025-01-01\n---\n\n" + "".join(body), encoding="utf-8")
    return page


class Ticks:
    """The gaps between ticks of a 1 ms timer on the UI thread, in ms: a stall is a long gap."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = 0

    def start(self) -> None:
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.timer.start(1)

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.gaps.append((now - self.last) / 1e6)
        self.last = now

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.gaps


def wait(app: QApplication, condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        app.processEvents()
        time.sleep(0.001)
    return condition()


AUTOSAVES: list[int] = []  # recovery records written while typing, one entry a measure()


def measure(app: QApplication, size: int, tmp: Path, spelling: bool = True,
            keys: int = 200, wait_spelling: bool = True) -> tuple[float, float, float]:
    """(longest UI stall ms, preview after the pause ms, median timer tick ms) for typing 200 keys.

    Autosave runs with its real timings (a record at most 4 s behind steady typing): typing
    200 keys at 30 ms a key takes 6 s, so the stall figure includes autosaves."""
    page = make_site(tmp / f"site{size}", size)
    settings = AppSettings(QSettings(str(tmp / f"s{size}.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, theme="light", recovery_dir=tmp / f"recovery{size}")
    writes = [0]
    store_save = window.guard.store.save
    window.guard.store.save = lambda *a: writes.__setitem__(0, writes[0] + 1) or store_save(*a)
    window.resize(1400, 900)
    window.show()
    updates: list[float] = []
    window.preview_updated.connect(lambda: updates.append(time.perf_counter()))
    window.open_path(page)
    wait(app, lambda: bool(updates))
    page_editor = window.current_editor()
    if spelling and wait_spelling:  # the dictionary is loaded and the page checked before typing
        wait(app, lambda: page_editor.editor.highlighter.spell is not None, 20.0)
    else:
        page_editor.editor.highlighter.set_spell(None)
    editor = page_editor.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    ticks = Ticks()
    ticks.start()
    text = ("Schnell getippter Text " * (keys // 20 + 1))[:keys]
    for ch in text:
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
        QApplication.sendEvent(editor, event)
        end = time.perf_counter() + 0.030
        while time.perf_counter() < end:
            app.processEvents()
    gaps = ticks.stop()
    AUTOSAVES.append(writes[0])
    typed_at = time.perf_counter()
    updates.clear()
    seen: list[bool] = []

    def check() -> bool:
        if updates and not seen:
            window.preview.text(lambda t: seen.append(text[-20:] in t))
        return bool(seen) and seen[-1]

    wait(app, check, 10.0)
    latency = (updates[-1] - typed_at) * 1000 if updates else float("nan")
    stall = max(gaps[5:]) if len(gaps) > 5 else float("nan")
    typical = statistics.median(gaps) if gaps else float("nan")
    window.save_all()  # a temporary page: saving avoids the unsaved-changes question
    window.close()
    return stall, latency, typical


