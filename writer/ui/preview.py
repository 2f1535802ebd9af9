"""The live preview: a web view (or a text browser where WebEngine is missing)."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QStackedLayout, QTextBrowser, QWidget

from writer.core.render import preview_page
from writer.core.render.policy import (
    EXTERNAL,
    PREVIEW_SCHEME,
    SITE,
    document_url,
    link_action,
    local_file_allowed,
    preview_image,
    site_url,
)
from writer.core.render.template import CSP, CSP_REMOTE_IMAGES

try:
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from writer.ui.preview_page import PreviewPage, RequestGuard
    from writer.ui.preview_scheme import SCHEME, PreviewSchemeHandler, register_scheme, scheme_registered

    register_scheme()  # a program that imports the preview before making its QApplication gets it
    HAVE_WEBENGINE = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_WEBENGINE = False

log = logging.getLogger(__name__)
_FULLY = QUrl.ComponentFormattingOption.FullyEncoded
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
WEB_DELAY_MS = 150  # after the window's first paint (it comes about 0.1 s after show)
SYNC_QUIET_S = 0.25  # after scrolling to follow the editor, the preview's own scroll events wait
# Links with a target would ask for a new window, which the page refuses: they open as the
# others do (Writer decides where), so the target goes.
_UNTARGET = (
    "document.querySelectorAll('[target],[formtarget]').forEach(function(e){"
    "e.removeAttribute('target'); e.removeAttribute('formtarget');});"
)
_REPLACE = "document.querySelector('article.writer-preview').innerHTML = %s; " + _UNTARGET + " true"
_AFTER_LOAD = _UNTARGET + " true"


class _TextBrowser(QTextBrowser):
    """The preview without WebEngine: reads local files only from inside the allowed roots;
    the site's images named in Writer's scheme as the web preview's handler would serve them."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.roots: tuple[str, ...] = ()

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802
        if name.scheme() == "data":
            return super().loadResource(kind, name)
        if name.scheme() == PREVIEW_SCHEME:
            image = preview_image(name.toString(_FULLY), self.roots[0] if self.roots else None)
            return QByteArray(image[0]) if image is not None else None
        if name.scheme() == "file":
            path = name.toLocalFile()
        elif name.isRelative() and self.searchPaths():
            path = str(Path(self.searchPaths()[0]) / name.path())
        else:
            return None  # nothing from the network, nothing Qt would look up elsewhere
        url = QUrl.fromLocalFile(path)
        if not local_file_allowed(url.toString(_FULLY), self.roots):
            return None
        return super().loadResource(kind, url)


class Preview(QWidget):
    """Shows rendered HTML; keeps the scroll position across updates.

    The web page only ever holds Writer's own document, loaded from Writer's scheme (see
    preview_scheme.py and preview_page.py); link clicks are decided here: pages of the site
    are asked for with `page_link_clicked`, http(s) and mailto go to the system, the rest does
    nothing (writer.core.render.policy)."""

    page_link_clicked = Signal(str)  # a site-absolute URL path of a page of the site
    loaded = Signal()
    top_line_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, use_webengine: bool = True) -> None:
        super().__init__(parent)
        self.theme = "light"
        self.remote_images = False
        self.root: str | None = None  # the site root, symlinks resolved
        self.document_url = QUrl()  # the URL of the document in the web view
        self._folder: tuple[str | None, str] | None = None  # (site root, folder URL) of that document
        self._generation = 0
        self._loaded_once = False
        self._quiet_until = 0.0
        self._shown: tuple[str, Path | None, str] | None = None  # the last show_html call
        layout = QStackedLayout(self)
        self.web = None
        self._placeholder: QWidget | None = None
        self.guard = None
        self.profile = None
        self.scheme = None
        self._layout = layout
        self.browser: _TextBrowser | None = None
        if HAVE_WEBENGINE and use_webengine and scheme_registered():
            # the web view (a tenth of a second to make, and its processes) comes after the
            # window's first paint: until then an empty page holds its place
            self._placeholder = QWidget(self)
            layout.addWidget(self._placeholder)
            QTimer.singleShot(WEB_DELAY_MS, self, self.start_web)
        else:
            if HAVE_WEBENGINE and use_webengine:
                log.warning("the preview's URL scheme was not registered before the QApplication "
                            "(writer.ui.preview_scheme.register_scheme): the plain preview is used")
            self.browser = _TextBrowser(self)
            self.browser.setOpenLinks(False)
            self.browser.setOpenExternalLinks(False)
            self.browser.anchorClicked.connect(self._on_link)
            layout.addWidget(self.browser)

    def start_web(self) -> None:
        """Make the web view now (once); what was shown meanwhile is shown in it."""
        if self.web is not None or self._placeholder is None:
            return
        self._make_web(self._layout)
        self._layout.removeWidget(self._placeholder)
        self._placeholder.deleteLater()
        self._placeholder = None
        if self._shown is not None:
            self.show_html(*self._shown)

    def _make_web(self, layout: QStackedLayout) -> None:
        self.guard = RequestGuard(self)
        self.web = QWebEngineView(self)
        layout.addWidget(self.web)
        layout.setCurrentWidget(self.web)
        # The preview's own profile, off the record: nothing stored or shared with another view.
        # Made after the view is in place, so that of this widget's children the view and its
        # page are deleted first (a profile deleted before its page warns and may crash).
        self.profile = QWebEngineProfile(self)
        self.scheme = PreviewSchemeHandler(self.profile)
        self.scheme.root = self.root  # what was set before the view was made
        self.guard.remote_images = self.remote_images
        self.profile.installUrlSchemeHandler(SCHEME, self.scheme)
        page = PreviewPage(self.profile, self.guard, self.web)
        self.web.setPage(page)
        page.link_clicked.connect(self._on_link)
        page.loadFinished.connect(self._on_load_finished)
        page.scrollPositionChanged.connect(self._on_scrolled)
        page.urlChanged.connect(self._on_url_changed)

    def release(self) -> None:
        """Delete the web view and its page now: a page outliving its profile at exit crashes."""
        if self.web is not None:
            web, self.web = self.web, None
            self._loaded_once = False
            shiboken6.delete(web)

    @property
    def backend(self) -> str:
        return "webengine" if self.web is not None or self._placeholder is not None else "textbrowser"

    def _page_html(self, fragment: str, title: str) -> str:
        return preview_page(fragment, theme=self.theme, title=title, remote_images=self.remote_images)

    def set_remote_images(self, allowed: bool) -> None:
        """Let the preview fetch remote images (off by default: nothing leaves the machine)."""
        self.remote_images = allowed
        self._loaded_once = False
        if self.guard is not None:
            self.guard.remote_images = allowed

    def set_image_roots(self, roots: list[Path]) -> None:
        """The site root local images may be loaded from (symlinks resolved); none: no image."""
        self.root = str(Path(roots[0]).resolve()) if roots else None
        if self.scheme is not None:
            self.scheme.root = self.root
        if self.browser is not None:
            self.browser.roots = tuple(str(Path(root).resolve()) for root in roots)

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self._loaded_once = False

    def show_html(self, fragment: str, base_dir: Path | None = None, title: str = "") -> None:
        """Show a rendered fragment; after the first load only the article's content is swapped."""
        self._shown = (fragment, base_dir, title)
        if self.web is None:
            if self.browser is not None:  # else released
                self._show_in_browser(fragment, base_dir, title)
            return
        folder = (self.root, self._folder_url(base_dir))
        if self._loaded_once and folder == self._folder and self._own_page():
            self.web.page().runJavaScript(_REPLACE % json.dumps(fragment), WORLD, self._on_replaced)
            return
        self._folder = folder
        self._loaded_once = False
        self._generation += 1
        self.document_url = QUrl(document_url(folder[1], self._generation))
        csp = CSP_REMOTE_IMAGES if self.remote_images else CSP
        self.scheme.set_document(self.document_url, self._page_html(fragment, title).encode("utf-8"), csp)
        page = self.web.page()
        page.document = self.document_url
        page.load(self.document_url)

    def _folder_url(self, base_dir: Path | None) -> str:
        """The document's folder in Writer's scheme: the page's, else the site root."""
        url = site_url(base_dir, self.root) if base_dir is not None else None
        return url if url is not None and url.endswith("/") else f"{PREVIEW_SCHEME}://site/"

    def _show_in_browser(self, fragment: str, base_dir: Path | None, title: str) -> None:
        self.browser.setSearchPaths([str(base_dir)] if base_dir else [])
        bar = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self._page_html(fragment, title))
        self.browser.verticalScrollBar().setValue(bar)
        self.loaded.emit()

    def _own_page(self) -> bool:
        """Is the page still Writer's document? (Only then may Writer's scripts touch it.)

        Only Writer's document has its URL (plus a #fragment after a click on an anchor)."""
        if self.web is None or self.document_url.isEmpty():
            return False
        url = self.web.page().url().toString(_FULLY).partition("#")[0]
        return url == self.document_url.toString(_FULLY)

    def _on_url_changed(self, _url: QUrl) -> None:
        """Belt and braces: should the page ever hold another document, show Writer's again."""
        if self.web is not None and self._shown is not None and not self._own_page():
            self._loaded_once = False
            QTimer.singleShot(0, self, self._show_again)

    def _show_again(self) -> None:
        if self._shown is not None and self.web is not None and not self._own_page():
            self.show_html(*self._shown)

    def _on_replaced(self, _result) -> None:
        self.loaded.emit()

    def _on_load_finished(self, ok: bool) -> None:
        self._loaded_once = ok and self._own_page()
        if self._loaded_once and self.web is not None:
            self.web.page().runJavaScript(_AFTER_LOAD, WORLD, self._on_untargeted)
        self.loaded.emit()

    def _on_untargeted(self, _result) -> None:
        pass

    def _on_link(self, url: QUrl) -> None:
        """A click on a link: a page of the site, the system's browser or mail, or nothing."""
        action = link_action(url.toString(_FULLY))
        if action == EXTERNAL:
            QDesktopServices.openUrl(url)
        elif action == SITE or (url.isRelative() and self.web is None):  # the text browser's
            self.page_link_clicked.emit(url.path())

    # -- scroll sync ------------------------------------------------------------

    def scroll_to_line(self, line: int) -> None:
        """Scroll so the block of an editor line is at the top; our own scrolling is not echoed."""
        if self.web is not None and self._loaded_once and self._own_page():
            self._quiet_until = time.monotonic() + SYNC_QUIET_S
            self.web.page().runJavaScript(_SCROLL_TO % line, WORLD, self._sync_done)

    def _sync_done(self, _result) -> None:
        self._quiet_until = time.monotonic() + SYNC_QUIET_S

    def _on_scrolled(self, _pos) -> None:
        if time.monotonic() < self._quiet_until or not self._own_page():
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

