"""The preview's web page: it shows only what Writer puts into it and goes nowhere by itself.

The page lives in a profile of its own (off the record: nothing stored, nothing shared with
any other view) that serves Writer's scheme (writer/ui/preview_scheme.py). Every navigation
the page did not get from Writer (a click, a form, a meta refresh, a frame, a new window,
back/forward, a drop) is refused; a click on a link in the page is handed to Writer to decide
(writer.core.render.policy.link_action). Every request the page makes passes the interceptor,
which lets through only writer.core.render.policy.request_allowed: never a `file:` URL.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from writer.core.render.policy import IMAGE, MAIN_FRAME, OTHER, request_allowed

_Nav = QWebEnginePage.NavigationType
_Res = QWebEngineUrlRequestInfo.ResourceType
_KINDS = {_Res.ResourceTypeMainFrame: MAIN_FRAME, _Res.ResourceTypeImage: IMAGE}
_ENCODED = QUrl.ComponentFormattingOption.FullyEncoded
_Attr = QWebEngineSettings.WebAttribute
_OFF = (
    _Attr.JavascriptEnabled,  # Writer's own snippets run in an isolated world regardless
    _Attr.JavascriptCanOpenWindows,
    _Attr.JavascriptCanAccessClipboard,
    _Attr.LocalContentCanAccessRemoteUrls,  # Writer's document is no local content: not needed
    _Attr.LocalContentCanAccessFileUrls,  # no file: URL, ever (site images come by Writer's scheme)
    _Attr.PluginsEnabled,
    _Attr.PdfViewerEnabled,
    _Attr.HyperlinkAuditingEnabled,  # <a ping>
    _Attr.DnsPrefetchEnabled,
    _Attr.NavigateOnDropEnabled,  # a file dropped on the preview would replace it
    _Attr.AutoLoadIconsForPage,
    _Attr.FullScreenSupportEnabled,
    _Attr.ScreenCaptureEnabled,
    _Attr.WebGLEnabled,
)


def encoded(url: QUrl) -> str:
    return url.toString(_ENCODED)


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request of the preview page that the policy does not allow."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.remote_images = False
        self.blocked: list[str] = []  # the latest blocked URLs, for tests and --verbose

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802
        url = encoded(info.requestUrl())
        kind = _KINDS.get(info.resourceType(), OTHER)
        if not request_allowed(url, kind, remote_images=self.remote_images):
            info.block(True)
            self.blocked = [*self.blocked[-49:], url]


class PreviewPage(QWebEnginePage):
    """Accepts only the document Writer loads (`document`); reports a writer's link clicks."""

    link_clicked = Signal(QUrl)  # a click on a link, for Writer to decide (after the refusal)
    refused = Signal(QUrl)  # any navigation refused (clicks included)

    def __init__(self, profile: QWebEngineProfile, guard: RequestGuard, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.document = QUrl()  # the URL of Writer's document, set before Writer loads it
        self.setUrlRequestInterceptor(guard)
        settings = self.settings()
        for attribute in _OFF:
            settings.setAttribute(attribute, False)
        settings.setAttribute(_Attr.AutoLoadImages, True)

    def acceptNavigationRequest(self, url: QUrl, kind, is_main_frame: bool) -> bool:  # noqa: N802
        # Writer's load() arrives as a typed navigation to its document's URL; nothing in a page
        # can start a typed navigation, nor does it know the URL of the next rendering.
        if kind == _Nav.NavigationTypeTyped and is_main_frame and url == self.document:
            return True
        url = QUrl(url)
        self.refused.emit(url)
        if kind == _Nav.NavigationTypeLinkClicked and is_main_frame:
            # decided after this call returns: the decision may load another page here
            QTimer.singleShot(0, self, lambda: self.link_clicked.emit(url))
        return False

    def createWindow(self, _kind) -> None:  # noqa: N802
        """No new windows or tabs (target=_blank, a form's target, "open in new window")."""
        return None
