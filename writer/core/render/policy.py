"""Where the preview may go and what it may load: decisions on URL strings, without Qt.

The preview shows pages that others wrote, so every navigation it did not start itself and
every request its page makes are decided here (writer/ui/preview_page.py asks):

- a click on a link: a page of the site opens in Writer; `http`, `https` and `mailto` (without
  attachments) go to the system; anything else does nothing;
- requests: Writer's own page (`data:`), images from inside the site (`file:` without a host,
  resolving inside an allowed root after symlinks), `data:` images, and remote images only
  when the writer allowed them. Nothing else: no frames, prefetches, pings, fonts, UNC paths.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

SITE = "site"  # open the page of the site at this URL in Writer
EXTERNAL = "external"  # hand the URL to the system (browser, mail program)
DROP = "drop"  # nothing happens

MAIN_FRAME = "main_frame"
IMAGE = "image"
OTHER = "other"

_MAILTO_FIELDS = frozenset({"to", "cc", "bcc", "subject", "body"})


def link_action(url: str) -> str:
    """What a writer's click on a link to `url` (fully encoded, absolute) does."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return EXTERNAL if parts.hostname else DROP
    if scheme == "mailto":
        return EXTERNAL if mailto_allowed(url) else DROP
    if scheme == "file" and not parts.netloc:
        return SITE
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


def request_allowed(url: str, kind: str, *, remote_images: bool, roots: Iterable[str]) -> bool:
    """May the preview page load `url` (fully encoded) as a `kind` resource?

    `kind` is MAIN_FRAME (the document itself), IMAGE or OTHER; `roots` are the folders
    local images may come from (the site root), symlinks already resolved."""
    scheme = url[: url.find(":")].lower() if ":" in url else ""
    if scheme == "data":
        return kind in (MAIN_FRAME, IMAGE)
    if kind != IMAGE:
        return False
    if scheme in ("http", "https"):
        return remote_images
    if scheme == "file":
        return local_file_allowed(url, roots)
    return False


def local_file_allowed(url: str, roots: Iterable[str]) -> bool:
    """A `file:` URL naming a file on this machine inside one of `roots` (after symlinks).

    A host (`file://host/share`, a Windows UNC path) would open a network connection that
    can hand the user's credentials to that host: never."""
    parts = urlsplit(url)
    if parts.netloc:
        return False
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
