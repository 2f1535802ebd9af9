"""The preview's web page: it shows only what Writer puts into it and goes nowhere by itself.

Every navigation the page did not get from Writer (a click, a form, a meta refresh, a frame,
a new window, back/forward, a drop) is refused; a click on a link in the page is handed to
Writer to decide (writer.core.render.policy.link_action). Every request the page makes passes
the interceptor, which lets through only writer.core.render.policy.request_allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
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
    _Attr.LocalContentCanAccessRemoteUrls,  # on only while remote images are allowed
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
        self.roots: tuple[str, ...] = ()
        self.blocked: list[str] = []  # the latest blocked URLs, for tests and --verbose

    def set_roots(self, roots: Iterable[Path]) -> None:
        """The folders local images may come from (symlinks resolved here)."""
        self.roots = tuple(str(Path(root).resolve()) for root in roots)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802
        url = encoded(info.requestUrl())
        kind = _KINDS.get(info.resourceType(), OTHER)
        if not request_allowed(url, kind, remote_images=self.remote_images, roots=self.roots):
            info.block(True)
            self.blocked = [*self.blocked[-49:], url]


class PreviewPage(QWebEnginePage):
    """Accepts only Writer's own documents (`setHtml`); reports a writer's link clicks."""

    link_clicked = Signal(QUrl)  # a click on a link, for Writer to decide (after the refusal)
    refused = Signal(QUrl)  # any navigation refused (clicks included)

    def __init__(self, guard: RequestGuard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setUrlRequestInterceptor(guard)
        settings = self.settings()
        for attribute in _OFF:
            settings.setAttribute(attribute, False)
        settings.setAttribute(_Attr.AutoLoadImages, True)
        settings.setAttribute(_Attr.LocalContentCanAccessFileUrls, True)  # site images; guarded

    def acceptNavigationRequest(self, url: QUrl, kind, is_main_frame: bool) -> bool:  # noqa: N802
        # setHtml arrives as a typed navigation to a data: URL; nothing in a page can start one.
        if kind == _Nav.NavigationTypeTyped and is_main_frame and url.scheme() == "data":
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
