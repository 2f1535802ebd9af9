"""Links and images: ref/relref targets, safe URLs, local image files, linkify fixes."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from markdown_it.token import Token

from .builtins import broken_ref_marker, missing_label, ref_target
from .hooks import embedded_link, template_url
from .state import ENV_KEY, RenderState
from .urls import safe_url

_REF_NAMES = ("ref", "relref")


def _raw_html(content: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = content
    token.meta = {"writer": True}
    return token


def _resolve_ref_href(token: Token, state: RenderState) -> Token | None:
    """Resolve `[x]({{< relref "p" >}})`; return a marker token to insert when broken."""
    href = str(token.attrs.get("href", ""))
    extraction = state.extraction
    match = extraction.marker.pattern.search(href) if extraction.marker else None
    if match is None:
        return None
    shortcode = extraction.shortcodes[int(match.group(1))]
    if shortcode.name == "param" and not shortcode.error:  # `[mail]({{< param "email" >}})`
        answer = state.param(shortcode.get("name", 0) or "")
        if answer is not None and answer[0]:
            before, after = extraction.plain(href[: match.start()]), extraction.plain(href[match.end() :])
            token.attrs["href"] = before + answer[1] + after
            return None
    if shortcode.name not in _REF_NAMES or shortcode.error:
        token.attrs["href"] = extraction.plain(href)
        return None
    target = ref_target(shortcode)
    prefix, suffix = href[: match.start()], extraction.plain(href[match.end() :])
    if state.context is None:
        token.attrs["href"] = prefix + target + suffix
        token.attrs["class"] = "ref-unresolved"
        return None
    resolved = state.resolve_ref(target, shortcode.name, shortcode.get("lang"))
    if resolved is None:
        token.attrs["href"] = prefix + target + suffix
        token.attrs["class"] = "writer-broken"
        token.attrs["data-writer-ref"] = target
        return _raw_html(broken_ref_marker(shortcode.name, target))
    token.attrs["href"] = prefix + resolved.url + suffix
    token.attrs["data-writer-ref"] = resolved.path
    return None


def fix_inline(inline: Token, state: RenderState) -> None:
    """Post-process an inline token's children: link targets, shortcodes in attributes."""
    children = inline.children
    if not children:
        return
    inserts: list[tuple[int, Token]] = []
    holds = state.extraction.holds_placeholder
    for index, child in enumerate(children):
        if child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            marker = None
            shortcode = holds(href)
            if shortcode:
                marker = _resolve_ref_href(child, state)
                if marker is not None:
                    inserts.append((index + 1, marker))
                href = str(child.attrs["href"])
            # Hugo's hook sees a shortcode's placeholder, finds nothing and keeps it
            if not shortcode and state.embedded_hooks()[0]:
                href = embedded_link(href, state.page_url(), state.link_target)
            child.attrs["href"] = safe_url(href)
            title = child.attrs.get("title")
            if title and holds(str(title)):
                child.attrs["title"] = state.extraction.plain(str(title))
        elif child.type == "image":
            for key, value in child.attrs.items():
                if holds(str(value)):
                    child.attrs[key] = state.extraction.plain(str(value))
    for position, token in reversed(inserts):
        children.insert(position, token)


def render_image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    state: RenderState = env[ENV_KEY]
    alt = self.renderInlineAsText(token.children or [], options, env)
    alt = state.extraction.plain(alt)
    src = safe_url(str(token.attrs.get("src", "")))
    url, found = state.resolve_image(src) if src else (src, True)
    if url == src and state.embedded_hooks()[1]:
        url = src = template_url(src)  # Hugo's image hook writes the src through html/template
    html = f'<img src="{escape(url)}" alt="{escape(alt)}"'
    title = token.attrs.get("title")
    if title:
        html += f' title="{escape(str(title))}"'
    if url != src:
        html += f' data-writer-src="{escape(src)}"'
    html += ">"
    if found:
        return html
    return (
        f'<span class="writer-missing-image" title="{escape("Image not found: " + src)}">'
        f"{html}{missing_label(src)}</span>"
    )
