"""Typing latency of the writing window (offscreen Qt, real WebEngine preview).

    python benchmarks/typing.py

For a 10 KB and a 200 KB page: types 200 characters at 30 ms per key, records the longest
stall of the UI thread (the largest gap between ticks of a 1 ms timer), then measures the time
from the last key to the preview showing the text. Also the cold start of `writer PAGE` to the
first painted window, in a fresh process. Goals: no stall over 16 ms (10 KB) / 50 ms (200 KB);
preview within 150 ms of the pause (10 KB); start under 1.5 s.
"""

from __future__ import annotations

import faulthandler
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import PySide6.QtWebEngineWidgets  # noqa: E402,F401
from PySide6.QtCore import QElapsedTimer, QEvent, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from writer.ui.main_window import MainWindow  # noqa: E402
from writer.ui.settings import AppSettings  # noqa: E402

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


def wait(app: QApplication, condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        app.processEvents()
        time.sleep(0.001)
    return condition()


def measure(app: QApplication, size: int, tmp: Path) -> tuple[float, float, float]:
    page = make_site(tmp / f"site{size}", size)
    settings = AppSettings(QSettings(str(tmp / f"s{size}.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, theme="light")
    window.resize(1400, 900)
    window.show()
    updates: list[float] = []
    window.preview_updated.connect(lambda: updates.append(time.perf_counter()))
    window.open_path(page)
    wait(app, lambda: bool(updates))
    editor = window.current_editor().editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(tick)
    ticker.start(1)
    text = ("Schnell getippter Text " * 10)[:200]
    for ch in text:
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
        QApplication.sendEvent(editor, event)
        end = time.perf_counter() + 0.030
        while time.perf_counter() < end:
            app.processEvents()
    ticker.stop()
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


def cold_start(page: Path, tmp: Path) -> float:
    code = (
        "import sys, time\n"
        "from writer.ui.app import _prepare_qt\n"
        "_prepare_qt()\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from writer.ui.main_window import MainWindow\n"
        "from writer.ui.settings import AppSettings\n"
        "app = QApplication([])\n"
        "w = MainWindow(AppSettings())\n"
        f"w.open_path(__import__('pathlib').Path({str(page)!r}))\n"
        "w.show()\n"
        "w.repaint()\n"
        "app.processEvents()\n"
        "print('painted', flush=True)\n"
    )
    env = dict(os.environ, WRITER_SETTINGS=str(tmp / "cold.ini"))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("painted"):
            elapsed = time.perf_counter() - start
            break
    proc.wait()
    return elapsed


def main() -> None:
    faulthandler.dump_traceback_later(120, exit=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print(f"{'page':>8} {'longest stall ms':>17} {'median tick ms':>15} {'preview after pause ms':>23}")
        for size in (10_000, 200_000):
            stall, latency, typical = measure(app, size, tmp)
            print(f"{size // 1000:>6}KB {stall:>17.1f} {typical:>15.2f} {latency:>23.0f}")
        starts = [cold_start(make_site(tmp / f"cold{i}", 10_000), tmp) for i in range(3)]
        print(f"cold start to first painted window: best {min(starts):.2f} s, "
              f"median {statistics.median(starts):.2f} s")
    print("goals: stall <= 16 ms (10KB), <= 50 ms (200KB); preview <= 150 ms (10KB); start < 1.5 s")


if __name__ == "__main__":
    main()
