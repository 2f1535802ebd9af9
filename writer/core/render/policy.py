"""Where the preview may go and what it may load: decisions on URL strings, without Qt.

The preview shows pages that others wrote, so every navigation it did not start itself and
every request its page makes are decided here (writer/ui/preview_page.py asks):

- a click on a link: a page of the site opens in Writer; `http`, `https` and `mailto` (without
  attachments) go to the system; anything else does nothing;
- requests: Writer's own document and the site's images, both in Writer's own URL scheme
  (`writer-preview://site/...`, served by writer/ui/preview_scheme.py from the decisions
  below), `data:` images, and remote images only when the writer allowed them. Never a
  `file:` URL; nothing else: no frames, prefetches, pings, fonts, UNC paths.

A URL of the scheme names a path below the site root: `site_file` is the one decision of which
file that is (an image file inside the root once symbolic links are resolved, never a link
itself, as Hugo publishes none), `site_url` its inverse.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from writer.core.errors import ReadError
from writer.core.textio import read_limited

SITE = "site"  # open the page of the site at this URL in Writer
EXTERNAL = "external"  # hand the URL to the system (browser, mail program)
DROP = "drop"  # nothing happens

MAIN_FRAME = "main_frame"
IMAGE = "image"
OTHER = "other"

PREVIEW_SCHEME = "writer-preview"
SITE_HOST = "site"
_SITE = f"{PREVIEW_SCHEME}://{SITE_HOST}/"
DOCUMENT_KEY = "writer-render"  # the query naming one rendering of Writer's document
MAX_IMAGE_BYTES = 64 * 1024 * 1024
IMAGE_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".svg": "image/svg+xml", ".avif": "image/avif", ".bmp": "image/bmp",
    ".tif": "image/tiff", ".tiff": "image/tiff", ".ico": "image/x-icon",
}

_MAILTO_FIELDS = frozenset({"to", "cc", "bcc", "subject", "body"})


def link_action(url: str) -> str:
    """What a writer's click on a link to `url` (fully encoded, absolute) does."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return EXTERNAL if parts.hostname else DROP
    if scheme == "mailto":
        return EXTERNAL if mailto_allowed(url) else DROP
    if scheme == PREVIEW_SCHEME:  # a link in Writer's document to a path of the site
        return SITE if parts.netloc.lower() == SITE_HOST else DROP
    return DROP


def mailto_allowed(url: str) -> bool:
    """A `mailto:` URL whose fields are only to, cc, bcc, subject and body, however encoded.

    Mail programs attach files named by `attach=` and the like; such a link never leaves."""
    seen = url
    for _ in range(4):  # each decoding a mail program might apply
        _, _, query = seen.partition("?")
        for field in query.replace(";", "&").split("&"):
            name = unquote(field.partition("=")[0]).strip().lower()
            if name and name not in _MAILTO_FIELDS:
                return False
        decoded = unquote(seen)
        if decoded == seen:
            return True
        seen = decoded
    return False


def request_allowed(url: str, kind: str, *, remote_images: bool) -> bool:
    """May the preview page load `url` (fully encoded) as a `kind` resource?

    `kind` is MAIN_FRAME (the document itself), IMAGE or OTHER. Writer's document and the
    site's images come through Writer's scheme (whose handler decides which file, if any);
    `data:` images; remote images only when the writer allowed them; never a `file:` URL."""
    scheme = url[: url.find(":")].lower() if ":" in url else ""
    if scheme == PREVIEW_SCHEME:
        if kind == MAIN_FRAME:
            return is_document_url(url)
        parts = urlsplit(url)
        return kind == IMAGE and parts.netloc.lower() == SITE_HOST and not parts.query
    if kind != IMAGE:
        return False
    if scheme == "data":
        return True
    if scheme in ("http", "https"):
        return remote_images
    return False


# -- Writer's scheme: the document and the site's images --------------------------------


def site_url(path: str | Path, root: str | Path | None) -> str | None:
    """The preview's URL of a file or folder inside the site `root` (symbolic links resolved,
    folders end in /), or None for anything outside."""
    if root is None:
        return None
    real_root, real = os.path.realpath(root), os.path.realpath(path)
    if not _inside(os.path.normcase(real), os.path.normcase(real_root)):
        return None
    rel = os.path.relpath(real, real_root)
    parts = [] if rel == os.curdir else rel.split(os.sep)
    url = _SITE + "/".join(quote(part, safe="") for part in parts)
    return url + "/" if parts and os.path.isdir(real) else url


def document_url(folder_url: str, generation: int) -> str:
    """The URL of one rendering of Writer's document, in the folder whose relative links and
    images it resolves (`site_url` of the page's folder, or the site root)."""
    return f"{folder_url}?{DOCUMENT_KEY}={generation}"


def is_document_url(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme.lower() == PREVIEW_SCHEME and parts.netloc.lower() == SITE_HOST
            and parts.query.startswith(f"{DOCUMENT_KEY}=") and parts.path.endswith("/"))


def site_file(url: str, root: str | Path | None) -> str | None:
    """The image file inside the site `root` that a URL of Writer's scheme names, or None.

    Nothing is opened: the path is decoded once; `..`, `.`, empty segments, backslashes and
    NUL are refused; the result must resolve (symbolic links followed) inside the root, be no
    link itself (Hugo publishes no linked file) and be a regular file with an image suffix."""
    parts = urlsplit(url)
    if (root is None or parts.scheme.lower() != PREVIEW_SCHEME or parts.netloc.lower() != SITE_HOST
            or parts.query):
        return None
    path = unquote(parts.path)
    segments = path.split("/")[1:]
    if not segments or any(seg in ("", ".", "..") or "\\" in seg or "\0" in seg for seg in segments):
        return None
    if os.path.splitext(segments[-1])[1].lower() not in IMAGE_TYPES:
        return None
    real_root = os.path.realpath(root)
    candidate = os.path.join(real_root, *segments)
    real = os.path.realpath(candidate)
    if not _inside(os.path.normcase(real), os.path.normcase(real_root)):
        return None
    try:
        if not stat.S_ISREG(os.lstat(candidate).st_mode):  # a link, a folder, a pipe, a device
            return None
    except (OSError, ValueError):
        return None
    return real


def preview_image(url: str, root: str | Path | None) -> tuple[bytes, str] | None:
    """(bytes, MIME type) of the site image a URL of Writer's scheme names (`site_file`), read
    with a bound (MAX_IMAGE_BYTES) and only if still a regular file; None otherwise."""
    path = site_file(url, root)
    if path is None:
        return None
    try:
        data = read_limited(path, MAX_IMAGE_BYTES, "image")
    except (ReadError, OSError):
        return None
    return data, IMAGE_TYPES[os.path.splitext(path)[1].lower()]


def local_file_allowed(url: str, roots: Iterable[str]) -> bool:
    """A `file:` URL naming a file on this machine inside one of `roots` (after symlinks): what
    the text browser (the preview without WebEngine) may read; the web preview reads none.

    A host (`file://host/share`, a Windows UNC path) would open a network connection that
    can hand the user's credentials to that host: never."""
    parts = urlsplit(url)
    if parts.netloc:
        return False
    from urllib.request import url2pathname  # (http.client and ssl come with it: load when needed)

    path = url2pathname(parts.path)
    if path.startswith(("//", "\\\\")) or not os.path.isabs(path):
        return False
    real = os.path.normcase(os.path.realpath(path))
    return any(_inside(real, root) for root in roots)


def _inside(path: str, root: str) -> bool:
    root = os.path.normcase(root)
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # another drive
        return False
