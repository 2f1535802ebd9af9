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


def test_writer_never_pushes_a_page_into_a_document_not_its_own(qtbot, tmp_path) -> None:
    """Should a foreign document ever get into the preview, Writer shows its own again and
    never swaps rendered text into the foreign one (issue 14, point 5)."""
    from PySide6.QtCore import QUrl

    from writer.ui.preview import Preview

    preview = Preview(use_webengine=True)
    qtbot.addWidget(preview)
    preview.resize(600, 400)
    preview.show()
    with qtbot.waitSignal(preview.loaded, timeout=15000):
        preview.show_html("<p>first</p>", tmp_path)
    foreign = QUrl("http://127.0.0.1:9/attacker/")
    with qtbot.waitSignal(preview.web.page().loadFinished, timeout=15000):
        preview.web.page().setHtml('<article class="writer-preview">attacker</article>', foreign)
    qtbot.waitUntil(lambda: preview.web.page().url().toString().startswith("file:"), timeout=5000)
    with qtbot.waitSignal(preview.loaded, timeout=15000):
        preview.show_html("<p>second secret draft</p>", tmp_path)
    qtbot.wait(200)
    assert preview.web.page().url() == QUrl.fromLocalFile(f"{tmp_path}/")
    out: list[str] = []
    preview.text(out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    assert "second secret draft" in out[0] and "attacker" not in out[0]
    preview.release()
