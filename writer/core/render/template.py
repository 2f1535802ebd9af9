"""The full preview document: bundled CSS inline, and a Content-Security-Policy: no script."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path

from writer.core.paths import resources_dir
from writer.core.render.policy import PREVIEW_SCHEME

# No scripts, frames, plugins, forms or other requests; `base-uri 'none'` ignores every
# <base> after the policy (Writer's own comes before it), so a page cannot redirect its links.
_LOCKED = "base-uri 'none'; form-action 'none'; frame-src 'none'; child-src 'none'; object-src 'none'"
# Images only from Writer's own scheme (the site's files, see policy.py) and data: URLs; no
# `file:` URL at all.
CSP = f"default-src 'none'; img-src {PREVIEW_SCHEME}: data:; style-src 'unsafe-inline'; {_LOCKED}"
# When the writer allows remote images: still nothing else.
CSP_REMOTE_IMAGES = (f"default-src 'none'; img-src {PREVIEW_SCHEME}: data: https: http:; "
                     f"style-src 'unsafe-inline'; {_LOCKED}")
_CSS_PATH = resources_dir() / "preview" / "preview.css"
_MINIMAL_CSS = "body{font-family:sans-serif;max-width:50em;margin:1em auto;padding:0 1em}"
_THEMES = {"light": "theme-light", "dark": "theme-dark", "auto": "theme-auto"}


@lru_cache(maxsize=4)
def preview_css(path: Path = _CSS_PATH) -> str:
    """The bundled preview stylesheet (a small built-in one if the file is missing)."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return _MINIMAL_CSS


def preview_page(
    fragment: str,
    *,
    theme: str = "auto",
    base_url: str | None = None,
    title: str = "",
    remote_images: bool = False,
) -> str:
    """Wrap a rendered fragment in a complete HTML document for the preview pane.

    Remote images load only when `remote_images` is set (the writer allowed them). A
    `base_url` element comes first, before the policy that forbids any other (the web preview
    needs none: its document has its folder's URL)."""
    csp = CSP_REMOTE_IMAGES if remote_images else CSP
    theme_class = _THEMES.get(theme, "theme-auto")
    base = f'<base href="{escape(base_url, quote=True)}">\n' if base_url else ""
    scheme = {"light": "light", "dark": "dark"}.get(theme, "light dark")
    return (
        f'<!DOCTYPE html>\n<html class="{theme_class}">\n<head>\n<meta charset="utf-8">\n'
        f'{base}<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f'<meta name="color-scheme" content="{scheme}">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{preview_css()}</style>\n</head>\n"
        f'<body>\n<article class="writer-preview">\n{fragment}</article>\n</body>\n</html>\n'
    )
