"""The real WebEngine preview: updates in place while typing, keeps scripts out, syncs scrolling."""

from __future__ import annotations

from PySide6.QtCore import Qt

from writer.ui.main_window import MainWindow


def _text(window, qtbot) -> str:
    out: list[str] = []
    window.preview.text(out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    return out[0]


def test_web_preview_follows_typing_and_keeps_scripts_out(qtbot, settings, site) -> None:
    window = MainWindow(settings, use_webengine=True)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    assert window.preview.backend == "webengine"
    with qtbot.waitSignal(window.preview_updated, timeout=15000):
        window.open_path(site / "content" / "docs" / "install.md")
    assert "Los geht" in _text(window, qtbot)
    editor = window.current_editor().editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.preview_updated, timeout=10000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, "Zweiter Absatz")
    assert "Zweiter Absatz" in _text(window, qtbot)
    with qtbot.waitSignal(window.preview_updated, timeout=10000):
        editor.appendPlainText(
            '\n<script>document.title="pwned"</script>\n[x](javascript:alert(1))\n'
            '<img src=x onerror="document.title=\'pwned\'">\n'
        )
    qtbot.wait(200)
    assert window.preview.web.page().title() != "pwned"
    assert "pwned" not in _text(window, qtbot)


def test_scroll_sync_moves_the_preview_to_the_editor_line(qtbot, settings, site) -> None:
    page = site / "content" / "long.de.md"
    page.write_text("---\ntitle: Lang\n---\n" + "".join(f"## Teil {n}\n\nText {n}.\n\n" for n in range(150)),
                    encoding="utf-8")
    window = MainWindow(settings, use_webengine=True)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    with qtbot.waitSignal(window.preview_updated, timeout=15000):
        window.open_path(page)
    editor = window.current_editor().editor
    editor.scroll_to_line(300)
    qtbot.waitUntil(lambda: window.preview.web.page().scrollPosition().y() > 1000, timeout=5000)
    editor.clearFocus()
    editor.scroll_to_line(1)
    qtbot.waitUntil(lambda: window.preview.web.page().scrollPosition().y() < 5, timeout=5000)
    qtbot.wait(300)
    window.preview.web.page().runJavaScript("window.scrollTo(0, 6000); 1", 1)
    qtbot.waitUntil(lambda: editor.first_visible_line() > 100, timeout=5000)
