"""Raw HTML of a page (shown when the site sets `unsafe`), without what reaches out of the preview.

The preview has no scripts and a Content-Security-Policy, but some elements act before or
beside it: `<link rel=preconnect>` opens a connection the policy does not cover, `<meta
http-equiv=refresh>` navigates, `<base href>` redirects the site's own links, and an `<iframe
srcdoc>` renders a second document. None of them shows anything in a page's body, so the
preview leaves these elements out (the whole start tag: the element never exists).
"""

from __future__ import annotations

import re

# The start tag as the browser reads it: the name, then anything up to the first `>` that is
# not inside quotes. Where quotes are unbalanced the match stops early; what it leaves is
# text, since the `<name` that would have opened the element is gone.
_DROPPED_TAG_RE = re.compile(
    r"""<(?:base|meta|link|iframe|frame|frameset|object|embed|applet|portal|fencedframe)"""
    r"""(?=[\s/>]|$)(?:[^>"']|"[^"]*"|'[^']*')*>?""",
    re.IGNORECASE,
)


def neutralize(html: str) -> str:
    """`html` with the dropped elements' start tags replaced by a space.

    A space, not nothing: `<<link>link ...>` must not close up into a new `<link ...>` tag,
    and no tag name runs across a space."""
    if "<" not in html:
        return html
    return _DROPPED_TAG_RE.sub(" ", html)
