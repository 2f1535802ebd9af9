"""URL helpers: Goldmark's dangerous-URL rule and what counts as a local image."""

from __future__ import annotations

import re
from urllib.parse import unquote

_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE_RE = re.compile(r"[\t\n\r]+")
_SAFE_DATA_IMAGES = ("png", "gif", "jpeg", "webp", "svg")
_DANGEROUS = ("javascript:", "vbscript:", "file:", "data:")
_REMOTE_RE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|//)")


def scheme_text(url: str) -> str:
    """The start of `url` as a browser reads it: leading C0 controls and spaces gone (all of
    them), tabs and line breaks removed everywhere (the URL standard), in lower case."""
    text = url.lstrip(_C0_AND_SPACE)
    if "\t" in text or "\n" in text or "\r" in text:
        text = _TAB_OR_NEWLINE_RE.sub("", text)
    return text[:32].lower()


def is_dangerous(url: str) -> bool:
    """True for javascript:, vbscript:, file: and data: (except common image types)."""
    low = scheme_text(url)
    if low.startswith("data:image/"):
        return not low[11:].startswith(_SAFE_DATA_IMAGES)
    return low.startswith(_DANGEROUS)


def safe_url(url: str) -> str:
    return "" if is_dangerous(url) else url


def is_local(src: str) -> bool:
    """A relative or site-absolute path (not http:, data:, //host, #anchor)."""
    return bool(src) and not src.startswith("#") and _REMOTE_RE.match(src) is None


def decode(src: str) -> str:
    """Undo the percent-encoding markdown-it applies to link destinations."""
    return unquote(src) if "%" in src else src
