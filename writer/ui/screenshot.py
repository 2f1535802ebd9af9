"""`--screenshot`: open, wait until form, editor and preview are drawn, save a PNG, exit."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from writer.ui.main_window import MainWindow

TIMEOUT_S = 20


def _wait(app: QApplication, condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def take_screenshot(
    app: QApplication, window: MainWindow, path: Path, out: Path, size: tuple[int, int]
) -> int:
    from writer.ui import messages

    messages.interactive = False  # a message is printed, never waited for
    updated: list[bool] = []
    window.preview_updated.connect(lambda: updated.append(True))
    window.resize(*size)
    window.show()
    window.open_path(path)
    if window.current_editor() is not None and not _wait(app, lambda: bool(updated), TIMEOUT_S):
        print("writer: the preview did not finish loading; the picture may be incomplete", file=sys.stderr)
    loop = QEventLoop()
    QTimer.singleShot(250, loop.quit)  # a web view paints a moment after loadFinished
    loop.exec()
    app.processEvents()
    image = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        print(f"writer: {out}: the picture could not be written", file=sys.stderr)
        return 2
    window.settings.sync()
    window.indexing.shutdown()  # a big site's index may still be read: it ends before Writer does
    window.hide()
    return 0
