"""Writer's own URL scheme for the web preview: its document (any size) and the site's images.

`QWebEngineView.setHtml` refuses documents over 2 MB (they travel as a data: URL) and its
pages could only name local images as `file:` URLs. Instead the preview loads
`writer-preview://site/<page folder>/?writer-render=<n>` (a new n for each full load) from
the handler below, which serves that document and nothing else but the site's images:
`writer-preview://site/<path below the site root>`, as writer.core.render.policy.site_file
decides (inside the root after symbolic links, no link, a regular image file, bounded).

The scheme must be registered before the QApplication exists (`register_scheme`). Flags:
`SecureScheme` (treated like https) and `NoAccessAllowed` (its documents get an opaque origin);
not `LocalScheme`, which would need `LocalAccessAllowed` for the page's own images and that
would let its documents load `file:` URLs: as it is, the engine itself refuses every `file:`
URL to the preview ("Not allowed to load local resource"), besides the page's policy and the
request guard. No CORS, no fetch API, no service workers.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from writer.core.render.policy import PREVIEW_SCHEME, preview_image

SCHEME = PREVIEW_SCHEME.encode("ascii")
_ENCODED = QUrl.ComponentFormattingOption.FullyEncoded
_Error = QWebEngineUrlRequestJob.Error
_CSP_HEADER = QByteArray(b"Content-Security-Policy")


def register_scheme() -> bool:
    """Register Writer's scheme (once; only possible before the QApplication exists).
    True if it is registered."""
    if scheme_registered():
        return True
    if QCoreApplication.instance() is not None:
        return False
    import PySide6.QtWebEngineWidgets  # noqa: F401 - it too must come before the QApplication

    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setDefaultPort(QWebEngineUrlScheme.SpecialPort.PortUnspecified.value)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme | QWebEngineUrlScheme.Flag.NoAccessAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    return True


def scheme_registered() -> bool:
    return bytes(QWebEngineUrlScheme.schemeByName(SCHEME).name().data()) == SCHEME


class PreviewSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the current document at its URL and the site's images; refuses everything else
    (an error for the page, nothing read)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root: str | None = None  # the site root (symlinks resolved); None: no image at all
        self._document = QUrl()
        self._html = QByteArray()
        self._csp = b""
        self.refused: list[str] = []  # the latest refused URLs, for tests and --verbose

    def set_document(self, url: QUrl, html: bytes, csp: str) -> None:
        """The document to serve at `url` from now on (the previous one is forgotten)."""
        self._document = QUrl(url)
        self._html = QByteArray(html)
        self._csp = csp.encode("ascii")

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802
        url = job.requestUrl()
        if bytes(job.requestMethod().data()) != b"GET":
            self._refuse(job, _Error.RequestDenied)
        elif not self._document.isEmpty() and url == self._document:
            # the policy travels as a header too: it holds from the document's first byte
            job.setAdditionalResponseHeaders({_CSP_HEADER: [QByteArray(self._csp)]})  # a multimap
            self._reply(job, b"text/html", self._html)
        else:
            image = preview_image(url.toString(_ENCODED), self.root)
            if image is None:
                self._refuse(job, _Error.UrlNotFound)
            else:
                self._reply(job, image[1].encode("ascii"), QByteArray(image[0]))

    def _reply(self, job: QWebEngineUrlRequestJob, mime: bytes, data: QByteArray) -> None:
        buffer = QBuffer(job)  # lives as long as the job
        buffer.setData(data)
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)

    def _refuse(self, job: QWebEngineUrlRequestJob, error: QWebEngineUrlRequestJob.Error) -> None:
        self.refused = [*self.refused[-49:], job.requestUrl().toString(_ENCODED)]
        job.fail(error)
