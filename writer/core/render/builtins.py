"""HTML for shortcodes: Hugo's built-ins as Hugo renders them, offline boxes for the rest."""

from __future__ import annotations

from html import escape

from .highlight import parse_code_options
from .shortcodes import Shortcode
from .state import RenderState
from .urls import safe_url

EMBEDS = {
    "youtube": ("YouTube video", ("id",)),
    "vimeo": ("Vimeo video", ("id",)),
    "x": ("X post", ("user", "id")),
    "twitter": ("X post", ("user", "id")),
    "tweet": ("X post", ("user", "id")),
    "instagram": ("Instagram post", ("id",)),
    "gist": ("GitHub gist", ("user", "id", "file")),
    "qr": ("QR code", ("text",)),
}
INLINE_SHORTCODES = frozenset({"ref", "relref", "param"})
MAX_DEPTH = 12


def _attr(value: str) -> str:
    return escape(value, quote=True)


def render_shortcode(sc: Shortcode, state: RenderState, block: bool) -> str:
    """The HTML standing in for one shortcode (block: it stands alone in its paragraph)."""
    if sc.error:
        return _error(sc, sc.error, block)
    name = sc.name
    if name in ("ref", "relref"):
        return _ref_text(sc, state)
    if name in state.known_shortcodes() and name not in ("ref", "relref"):
        return _box(sc, state, block)  # the site's own template replaces Hugo's
    if name == "param":
        return _param(sc, state)
    if name == "comment":
        return ""  # Hugo's comment shortcode writes nothing
    if name == "details":
        return _details(sc, state)
    if name == "figure":
        return _figure(sc, state)
    if name == "highlight":
        return _highlight(sc, state)
    if name in EMBEDS:
        return _embed(sc, block)
    return _box(sc, state, block)


def _param(sc: Shortcode, state: RenderState) -> str:
    name = sc.get("name", 0) or ""
    answer = state.param(name)
    if answer is None:  # no site to ask: the name, marked
        return f'<span class="writer-shortcode writer-param" title="site parameter">{escape(name)}</span>'
    found, text = answer
    if not found:
        return _error(sc, f'param "{name}" is set neither on the page nor for the site', False)
    if sc.delim == "%" and state.depth < MAX_DEPTH:  # {{% %}}: the value is Markdown
        return state.render_inline(text, state.depth + 1)
    return escape(text)


def _details(sc: Shortcode, state: RenderState) -> str:
    """Hugo's `details`: a disclosure box, its summary and inner text as Markdown."""
    if sc.delim == "%" and not state.options.unsafe:
        return "<!-- raw HTML omitted -->\n"  # its HTML goes through Markdown, where raw HTML is omitted
    depth = state.depth + 1
    summary = sc.get("summary") or "Details"
    attrs = "".join(f' {key}="{_attr(value)}"' for key in ("class", "name") if (value := sc.get(key)))
    if (sc.get("open") or "").lower() in ("true", "1", "yes"):
        attrs += " open"
    if title := sc.get("title"):
        attrs += f' title="{_attr(title)}"'
    inner = state.render_block(sc.inner or "", sc.inner_line, depth) if depth <= MAX_DEPTH else ""
    head = state.render_inline(summary, depth) if depth <= MAX_DEPTH else escape(summary)
    return f"<details{attrs}>\n<summary>{head}</summary>\n{inner}</details>\n"


def ref_target(sc: Shortcode) -> str:
    return sc.get("path", 0) or ""


def _ref_text(sc: Shortcode, state: RenderState) -> str:
    target = ref_target(sc)
    if state.context is None:
        return f'<span class="ref-unresolved">{escape(target)}</span>'
    resolved = state.resolve_ref(target, sc.name, sc.get("lang"))
    if resolved is None:
        return broken_ref_marker(sc.name, target) + escape(target)
    return escape(resolved.url)


def broken_ref_marker(kind: str, target: str) -> str:
    title = _attr(f'Broken {kind}: "{target}" was not found')
    return f'<span class="writer-broken-ref" title="{title}">\u26a0</span>'


def _error(sc: Shortcode, message: str, block: bool) -> str:
    tag = "div" if block else "span"
    return (
        f'<{tag} class="writer-shortcode writer-shortcode-error" title="{_attr(message)}">'
        f"{escape(sc.source)}</{tag}>"
    )


def _figure(sc: Shortcode, state: RenderState) -> str:
    get = sc.get
    src = safe_url(get("src") or "")
    url, found = state.resolve_image(src) if src else (src, True)
    alt = get("alt")
    caption = get("caption") or ""
    parts = ["<figure", f' class="{_attr(get("class") or "")}">' if get("class") else ">"]
    link = get("link")
    if link:
        target = f' target="{_attr(get("target") or "")}"' if get("target") else ""
        rel = f' rel="{_attr(get("rel") or "")}"' if get("rel") else ""
        parts.append(f'<a href="{_attr(safe_url(link))}"{target}{rel}>')
    if not alt and caption:
        alt = _plain(state.render_inline(caption, state.depth + 1))
    img = f'<img src="{_attr(url)}"'
    img += f' alt="{_attr(alt)}"' if alt else ""
    for key in ("width", "height", "loading"):
        if get(key):
            img += f' {key}="{_attr(get(key) or "")}"'
    parts.append(img + ">")
    if link:
        parts.append("</a>")
    if not found:
        parts.append(missing_label(src))
    parts.append(_figcaption(sc, state))
    parts.append("</figure>")
    return "".join(parts)


def _figcaption(sc: Shortcode, state: RenderState) -> str:
    title, caption, attr = sc.get("title"), sc.get("caption"), sc.get("attr")
    if not (title or caption or attr):
        return ""
    out = ["<figcaption>"]
    if title:
        out.append(f"<h4>{escape(title)}</h4>")
    if caption or attr:
        out.append("<p>")
        if caption:
            out.append(state.render_inline(caption, state.depth + 1))
        if attr:
            out.append("\n" if caption else "")
            attrlink = sc.get("attrlink")
            inner = state.render_inline(attr, state.depth + 1)
            out.append(f'<a href="{_attr(safe_url(attrlink))}">{inner}</a>' if attrlink else inner)
        out.append("</p>")
    out.append("</figcaption>")
    return "".join(out)


def missing_label(src: str) -> str:
    return f'<span class="writer-missing-label">image not found: {escape(src)}</span>'


def _plain(html: str) -> str:
    out, inside = [], False
    for char in html:
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)


def _highlight(sc: Shortcode, state: RenderState) -> str:
    lang = sc.get("lang", 0) or ""
    opts = sc.get("options", 1) or ""
    code = (sc.inner or "").strip("\n")
    options = parse_code_options(opts, state.options.line_numbers)
    return state.highlighter.block(code + "\n", lang, options)


def _embed(sc: Shortcode, block: bool) -> str:
    label, keys = EMBEDS[sc.name]
    values = [sc.get(key, i) for i, key in enumerate(keys)]
    if sc.name == "qr" and not values[0] and sc.inner:
        values = [sc.inner.strip()]  # {{< qr >}}text{{< /qr >}}
    details = " ".join(
        f"<code>{escape(f'{key}={value}')}</code>"
        for key, value in zip(keys, values, strict=True)
        if value
    )
    tag = "div" if block else "span"
    return (
        f'<{tag} class="writer-embed writer-embed-{_attr(sc.name)}" '
        f'data-shortcode="{_attr(sc.name)}"><span class="writer-embed-label">'
        f"{escape(label)} (offline preview)</span> {details}</{tag}>"
    )


def _box(sc: Shortcode, state: RenderState, block: bool) -> str:
    known = sc.name in state.known_shortcodes()
    kind = "writer-shortcode-site" if known else "writer-shortcode-unknown"
    tag = "div" if block else "span"
    args = sc.args_text()
    label = (
        f'<span class="writer-shortcode-label">{escape(sc.name)}</span>'
        + (f' <span class="writer-shortcode-args">{escape(args)}</span>' if args else "")
        + ("" if known else ' <span class="writer-shortcode-note">(not defined in the site)</span>')
    )
    inner = ""
    if sc.inner is not None and sc.inner.strip():
        if sc.delim == "%" and state.depth < MAX_DEPTH:
            body = state.render_block(sc.inner, sc.inner_line, state.depth + 1)
            inner = f'<{tag} class="writer-shortcode-inner">{body}</{tag}>'
        else:
            inner = f'<{tag} class="writer-shortcode-inner writer-raw">{escape(sc.inner)}</{tag}>'
    return (
        f'<{tag} class="writer-shortcode {kind}" data-shortcode="{_attr(sc.name)}">'
        f'<{tag} class="writer-shortcode-head">{label}</{tag}>{inner}</{tag}>'
    )
