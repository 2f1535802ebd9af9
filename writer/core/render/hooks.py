"""Hugo's embedded link render hook (`markup.goldmark.renderHooks.link.useEmbedded`).

Hugo 0.168 turns it on by default (`auto`) on a multilingual single-host site. The hook
(`_markup/render-link.html`) parses the destination as a URL and:

- `#top` becomes the page's own RelPermalink plus the fragment (`/fr/page/#top`);
- a relative or site-absolute path is looked up as a page (`GetPage`: `/about` on a French
  page is `/fr/about/`), then as a resource of the page's bundle, then under `assets/`;
  found, it becomes that RelPermalink with the query and fragment put back;
- anything else is kept as written.

The href then passes through Go's html/template, which percent-encodes `'`, `(`, `)` and
the other characters URLs may not hold unescaped (`Grok_(chatbot)` → `Grok_%28chatbot%29`).
Whether the hook is on is the site's business (RenderContext.embedded_hooks).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_KEEP = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!#$&*+,/:;=?@[]%"
)


def template_url(url: str) -> str:
    """Go html/template's URL normalisation of an attribute value (valid escapes kept)."""
    if all(char in _KEEP for char in url):
        return url
    return "".join(
        char if char in _KEEP else "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))
        for char in url
    )


def split_url(url: str) -> tuple[str, str, str]:
    """(path, query, fragment) of a relative URL."""
    rest, _, fragment = url.partition("#")
    path, _, query = rest.partition("?")
    return path, query, fragment


def embedded_link(
    href: str,
    page_url: str | None,
    find: Callable[[str], str | None],
) -> str:
    """The href Hugo's embedded link hook publishes for a (percent-encoded) destination.

    `page_url` is the current page's RelPermalink; `find` looks up a path (decoded) as a page,
    a page resource or an asset and gives its RelPermalink, or None."""
    if href.startswith("#"):
        return template_url((page_url or "") + href) if page_url is not None else template_url(href)
    if not href or _SCHEME_RE.match(href) or href.startswith("//"):
        return template_url(href)
    path, query, fragment = split_url(href)
    if path.startswith("./"):
        path = path[2:]
    try:
        found = find(unquote(path))
    except Exception:  # noqa: BLE001 - a site question must never break the preview
        found = None
    if found is None:
        return template_url(href)
    return template_url(found + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else ""))
