"""The live preview in the window: render in the background, show, follow the editor's scroll."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from writer.ui import messages
from writer.ui.workers import RenderScheduler

if TYPE_CHECKING:
    from writer.ui.main_window import MainWindow
    from writer.ui.page_editor import PageEditor

LARGE_PAGE_NOTICE = "<p><em>The live preview is paused for this large page.</em></p>"
SAFE_MODE_NOTICE = "<p><em>Safe mode: this page closed Writer last time, so it is not previewed.</em></p>"


class PreviewController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.preview = window.preview
        self.scheduler = RenderScheduler(self)
        self.scheduler.rendered.connect(self._on_rendered)
        self.label = messages.label()
        self._following_preview = False
        self.preview.page_link_clicked.connect(self.link_clicked)
        self.preview.loaded.connect(window.preview_updated.emit)
        self.preview.top_line_changed.connect(self._on_top_line_changed)

    def attach(self, editor: PageEditor) -> None:
        editor.editor.verticalScrollBar().valueChanged.connect(lambda _v, e=editor: self.sync(e))

    def request(self, editor: PageEditor, immediate: bool = False) -> None:
        model = self.window.model
        if model is None:
            return
        if editor.safe_mode:
            self.preview.show_html(SAFE_MODE_NOTICE, None)
            return
        if editor.large:
            self.preview.show_html(LARGE_PAGE_NOTICE, None)
            return
        body, file = editor.body_text(), editor.path

        def render() -> str:  # images as URLs of the preview's own scheme
            return model.render_body(body, file, preview=True)

        self.scheduler.request(render, len(body), immediate)

    def _on_rendered(self, html: str, seconds: float) -> None:
        editor = self.window.current_editor()
        base = editor.path.parent if editor and editor.path else None
        model = self.window.model
        # the preview serves the site's images (from inside the site only, symlinks resolved)
        self.preview.set_image_roots([model.site.root] if model is not None else [])
        self.preview.show_html(html, base)
        self.label.setText(f"preview {seconds * 1000:.0f} ms")
        if self.preview.backend == "textbrowser":
            self.window.preview_updated.emit()

    def _scroll_sync_on(self) -> bool:
        return self.window.actions["sync_scroll"].isChecked()

    def sync(self, editor: PageEditor) -> None:
        """The editor scrolled: bring the preview to the same source line."""
        if self._following_preview:
            return
        if editor is self.window.current_editor() and self._scroll_sync_on():
            self.preview.scroll_to_line(editor.editor.first_visible_line())

    def _on_top_line_changed(self, line: int) -> None:
        editor = self.window.current_editor()
        if editor is None or not self._scroll_sync_on():
            return
        if abs(editor.editor.first_visible_line() - line) > 2 and not editor.editor.hasFocus():
            self._following_preview = True
            editor.editor.scroll_to_line(line)
            self._following_preview = False

    def link_clicked(self, url_path: str) -> None:
        """A link to a page of this site in the preview opens that page."""
        model = self.window.model
        if model is None:
            return
        wanted = url_path.rstrip("/") + "/"
        for page in model.index.pages:
            if page.permalink.rstrip("/") + "/" == wanted:
                self.window.open_page(page.path)
                return
        self.window.statusBar().showMessage(f"No page of this site at {url_path}", 6000)

    def wait(self) -> None:
        self.scheduler.wait()
