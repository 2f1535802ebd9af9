"""The live preview: a web view (or a text browser where WebEngine is missing)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QStackedLayout, QTextBrowser, QWidget

from writer.core.render import preview_page

try:
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
    from PySide6.QtWebEngineWidgets import QWebEngineView

    HAVE_WEBENGINE = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_WEBENGINE = False

WORLD = 1  # QWebEngineScript.ApplicationWorld: isolated; runs though page scripts are off
# Every snippet returns a value: a callback handed None by runJavaScript corrupts None's
# reference count in PySide6 6.12 (seen as "none_dealloc" after many calls).
_SCROLL_TO = """(function(line){
  var els = document.querySelectorAll('[data-source-line]'), best = null, next = null;
  for (var i = 0; i < els.length; i++) {
    var l = parseInt(els[i].getAttribute('data-source-line'));
    if (l <= line) { best = els[i]; } else { next = els[i]; break; }
  }
  if (!best || best === els[0]) { window.scrollTo(0, 0); return 0; }
  window.scrollTo(0, best.getBoundingClientRect().top + window.scrollY - 8);
  return 1;
})(%d)"""
_TOP_LINE = """(function(){
  var els = document.querySelectorAll('[data-source-line]');
  for (var i = 0; i < els.length; i++) {
    if (els[i].getBoundingClientRect().bottom > 4) return parseInt(els[i].getAttribute('data-source-line'));
  }
  return 0;
})()"""
SYNC_QUIET_S = 0.25  # after scrolling to follow the editor, the preview's own scroll events wait
_REPLACE = "document.querySelector('article.writer-preview').innerHTML = %s; true"


if HAVE_WEBENGINE:

    class _Page(QWebEnginePage):
        link_clicked = Signal(QUrl)

        def acceptNavigationRequest(self, url: QUrl, kind, is_main_frame: bool) -> bool:  # noqa: N802
            if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
                self.link_clicked.emit(url)
                return False
            return True


class Preview(QWidget):
    """Shows rendered HTML; keeps the scroll position across updates."""

    page_link_clicked = Signal(str)  # a site-absolute URL path of a page of the site
    loaded = Signal()
    top_line_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, use_webengine: bool = True) -> None:
        super().__init__(parent)
        self.theme = "light"
        self.remote_images = False
        self.base_url = QUrl()
        self._loaded_once = False
        self._quiet_until = 0.0
        layout = QStackedLayout(self)
        self.web = None
        if HAVE_WEBENGINE and use_webengine:
            self.web = QWebEngineView(self)
            page = _Page(self.web)
            self.web.setPage(page)
            settings = page.settings()
            settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
            settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
            settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadImages, True)
            page.link_clicked.connect(self._on_link)
            page.loadFinished.connect(self._on_load_finished)
            page.scrollPositionChanged.connect(self._on_scrolled)
            layout.addWidget(self.web)
            self.browser = None
        else:
            self.browser = QTextBrowser(self)
            self.browser.setOpenLinks(False)
            self.browser.anchorClicked.connect(self._on_link)
            layout.addWidget(self.browser)

    def release(self) -> None:
        """Delete the web view and its page now: a page outliving its profile at exit crashes."""
        if self.web is not None:
            web, self.web = self.web, None
            self._loaded_once = False
            shiboken6.delete(web)

    @property
    def backend(self) -> str:
        return "webengine" if self.web is not None else "textbrowser"

    def _page_html(self, fragment: str, title: str) -> str:
        return preview_page(fragment, theme=self.theme, title=title, remote_images=self.remote_images)

    def set_remote_images(self, allowed: bool) -> None:
        """Let the preview fetch remote images (off by default: nothing leaves the machine)."""
        self.remote_images = allowed
        self._loaded_once = False
        if self.web is not None:
            self.web.page().settings().setAttribute(
                QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, allowed)

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self._loaded_once = False

    def show_html(self, fragment: str, base_dir: Path | None = None, title: str = "") -> None:
        """Show a rendered fragment; after the first load only the article's content is swapped."""
        base = QUrl.fromLocalFile(str(base_dir) + "/") if base_dir else QUrl()
        if self.web is None:
            if self.browser is None:
                return  # released
            self.browser.setSearchPaths([str(base_dir)] if base_dir else [])
            bar = self.browser.verticalScrollBar().value()
            self.browser.setHtml(self._page_html(fragment, title))
            self.browser.verticalScrollBar().setValue(bar)
            self.loaded.emit()
            return
        if self._loaded_once and base == self.base_url:
            self.web.page().runJavaScript(_REPLACE % json.dumps(fragment), WORLD, self._on_replaced)
            return
        self.base_url = base
        self._loaded_once = False
        self.web.setHtml(self._page_html(fragment, title), base)

    def _on_replaced(self, _result) -> None:
        self.loaded.emit()

    def _on_load_finished(self, ok: bool) -> None:
        self._loaded_once = ok
        self.loaded.emit()

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.scheme() == "file" or not url.scheme():
            self.page_link_clicked.emit(url.path())
        # javascript:, data: and anything else: nothing happens

    # -- scroll sync ------------------------------------------------------------

    def scroll_to_line(self, line: int) -> None:
        """Scroll so the block of an editor line is at the top; our own scrolling is not echoed."""
        if self.web is not None and self._loaded_once:
            self._quiet_until = time.monotonic() + SYNC_QUIET_S
            self.web.page().runJavaScript(_SCROLL_TO % line, WORLD, self._sync_done)

    def _sync_done(self, _result) -> None:
        self._quiet_until = time.monotonic() + SYNC_QUIET_S

    def _on_scrolled(self, _pos) -> None:
        if time.monotonic() < self._quiet_until or self.web is None:
            return
        self.web.page().runJavaScript(_TOP_LINE, WORLD, self._emit_top_line)

    def _emit_top_line(self, line) -> None:
        if isinstance(line, (int, float)) and line > 0:
            self.top_line_changed.emit(int(line))

    def text(self, callback) -> None:
        """The visible text of the preview, handed to `callback` (for tests and checks)."""
        if self.web is not None:
            self.web.page().toPlainText(callback)
        else:
            callback(self.browser.toPlainText() if self.browser is not None else "")

