"""The real WebEngine preview: updates in place while typing, keeps scripts out, syncs scrolling."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from writer.ui.main_window import MainWindow

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"


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


def test_writer_never_pushes_a_page_into_a_document_not_its_own(qtbot, tmp_path, monkeypatch) -> None:
    """Should a foreign document ever get into the preview, Writer shows its own again and
    never swaps rendered text into the foreign one (issue 14, point 5)."""
    from PySide6.QtCore import QUrl

    from writer.ui.preview import Preview
    from writer.ui.preview_page import PreviewPage

    preview = Preview(use_webengine=True)
    qtbot.addWidget(preview)
    preview.resize(600, 400)
    preview.show()
    with qtbot.waitSignal(preview.loaded, timeout=15000):
        preview.show_html("<p>first</p>", tmp_path)
    page = preview.web.page()
    foreign = QUrl("http://127.0.0.1:9/attacker/")
    with monkeypatch.context() as patch:  # the page refuses every document but Writer's: pretend it did not
        patch.setattr(PreviewPage, "acceptNavigationRequest", lambda *args: True)
        with qtbot.waitSignal(page.loadFinished, timeout=15000):
            page.setHtml('<article class="writer-preview">attacker</article>', foreign)
    qtbot.waitUntil(lambda: page.url().scheme() == "writer-preview", timeout=5000)
    with qtbot.waitSignal(preview.loaded, timeout=15000):
        preview.show_html("<p>second secret draft</p>", tmp_path)
    qtbot.wait(200)
    assert page.url() == preview.document_url and page.url().scheme() == "writer-preview"
    out: list[str] = []
    preview.text(out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    assert "second secret draft" in out[0] and "attacker" not in out[0]
    preview.release()


def _js(preview, qtbot, script: str):
    out: list[object] = []
    preview.web.page().runJavaScript(script, 1, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    return out[0]


def _preview_text(preview, qtbot) -> str:
    out: list[str] = []
    preview.text(out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=10000)
    return out[0]


def test_a_page_of_several_megabytes_previews_whole(qtbot, tmp_path) -> None:
    """`setHtml` refuses documents over 2 MB (it shows nothing): Writer's document comes from
    its own URL scheme, any size (issue 14, point 8); small edits still update it in place."""
    from writer.ui.preview import Preview

    preview = Preview(use_webengine=True)
    qtbot.addWidget(preview)
    preview.resize(800, 600)
    preview.show()
    preview.set_image_roots([tmp_path])
    shutil.copy(FIXTURES / "suffix" / "static" / "images" / "logo.png", tmp_path / "logo.png")
    fragment = "".join(f'<p data-source-line="{n}">Absatz {n}</p>\n' for n in range(70_000))
    assert len(fragment) > 3_000_000
    with qtbot.waitSignal(preview.loaded, timeout=30000):
        preview.show_html(fragment + '<p>Das letzte Wort <img src="writer-preview://site/logo.png"></p>', tmp_path)
    assert "Das letzte Wort" in _preview_text(preview, qtbot)
    # the site's image at the end of the page came through Writer's scheme
    qtbot.waitUntil(lambda: _js(preview, qtbot, "document.images[0].complete") is True, timeout=5000)
    assert _js(preview, qtbot, "document.images[0].naturalWidth") > 0
    document = preview.document_url
    preview.web.page().runJavaScript("window.scrollTo(0, 50000); 1", 1)
    qtbot.waitUntil(lambda: preview.web.page().scrollPosition().y() > 40000, timeout=5000)
    with qtbot.waitSignal(preview.loaded, timeout=30000):
        preview.show_html(fragment + "<p>Ein neues letztes Wort</p>", tmp_path)
    assert "Ein neues letztes Wort" in _preview_text(preview, qtbot)
    assert preview.document_url == document  # swapped in place: no reload
    assert preview.web.page().scrollPosition().y() > 40000  # and the writer's place kept
    preview.release()
