from __future__ import annotations

import shutil
from pathlib import Path

import PySide6.QtWebEngineWidgets  # noqa: F401 - before the QApplication exists
import pytest
from PySide6.QtCore import QSettings

from writer.ui.main_window import MainWindow
from writer.ui.settings import AppSettings

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"


@pytest.fixture()
def site(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURES / "suffix", tmp_path / "site"))


@pytest.fixture()
def settings(tmp_path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture()
def window(qtbot, settings, tmp_path) -> MainWindow:
    win = MainWindow(settings, use_webengine=False, recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """Message boxes answer at once (Discard) and are recorded, so no test waits on a modal."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind, answer):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, f"{title}: {text}"))
            return answer

        return show

    answers = {"question": QMessageBox.StandardButton.Discard}

    def answer(box, kind):  # writer.ui.messages: every plain-text message box of Writer
        shown.append((kind, f"{box.windowTitle()}: {box.text()}"))
        return answers.get(kind, QMessageBox.StandardButton.Ok)

    monkeypatch.setattr("writer.ui.messages._exec", answer)
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(("box", self.text())) or 0)
    return shown
