"""The Renderer: one markdown-it instance set up like Hugo's Goldmark, reused for every page."""

from __future__ import annotations

import gc
from html import escape

import mdurl
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from . import autolinks, blockattrs, deflist, emoji, fastpath, goldmark, linkrules, passthrough, tables
from .builtins import MAX_DEPTH, ref_target, render_shortcode
from .context import RenderContext
from .headings import title_attributes
from .highlight import Highlighter
from .links import render_image
from .options import RenderOptions
from .postprocess import SHORTCODE_TOKEN, postprocess, render_shortcode_block
from .rawhtml import neutralize
from .shortcodes import Shortcode, extract
from .state import ENV_KEY, RenderState

_MAX_NESTING = 100


def _build(options: RenderOptions) -> MarkdownIt:
    md = MarkdownIt(
        "default",
        {
            "html": True,
            "linkify": False,  # Goldmark's own rules: autolinks.linkify
            "typographer": options.typographer,
            "maxNesting": _MAX_NESTING,
            "strikethrough_single_tilde": True,
        },
    )
    md.enable(["table", "strikethrough"])
    md.disable(["normalize", "linkify"])  # normalize: done once in _normalize, before shortcodes
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # made safe when rendered
    # Goldmark percent-encodes a destination as written: no punycode for hostnames, and
    # no parse-and-reassemble (markdown-it's default), which is also much faster.
    md.normalizeLink = mdurl.encode  # type: ignore[method-assign]
    md.normalizeLinkText = lambda url: url  # type: ignore[method-assign]  # shown as written
    md.use(footnote_plugin, inline=False)
    deflist.install(md)
    tables.install(md)
    linkrules.install(md)
    goldmark.install(md, options.typographer)
    if options.linkify:
        md.core.ruler.before("linkify", "goldmark_linkify", autolinks.linkify)
    if options.title_attributes:
        md.core.ruler.after("block", "writer_title_attrs", title_attributes)
    if options.block_attributes:
        blockattrs.install(md)
    if options.emoji:
        emoji.install(md)
    if options.passthrough_block or options.passthrough_inline:
        passthrough.install(md, options.passthrough_block, options.passthrough_inline)
    md.core.ruler.push("writer_post", postprocess)
    md.add_render_rule("image", render_image)
    md.add_render_rule(SHORTCODE_TOKEN, render_shortcode_block)
    fastpath.install(md)
    return md


def _normalize(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return text


class Renderer:
    """Markdown → preview HTML like Hugo's Goldmark. Build once, call `render` often."""

    def __init__(self, options: RenderOptions = RenderOptions()) -> None:  # noqa: B008
        self.options = options
        self._md = _build(options)
        self._inline_md = _build(RenderOptions(**{**options.__dict__, "block_attributes": False}))
        self.highlighter = Highlighter(options.highlight_style)

    def render(self, body: str, context: RenderContext | None = None) -> str:
        """The HTML fragment of a page body. Never raises.

        The cyclic garbage collector is paused while rendering: a 200 KB page makes some
        50,000 short-lived tokens, freed by reference counting, and the collector's passes over
        them cost about a tenth of the time (benchmarks/render.py).
        """
        collecting = gc.isenabled()
        gc.disable()
        try:
            text = _normalize(body if isinstance(body, str) else str(body))
            return self._render_block(text, context, 0, 0)
        except Exception as error:  # noqa: BLE001 - the preview must show something
            import logging  # only on failure: its import costs every start a few ms

            logging.getLogger(__name__).exception("render failed")
            return _fallback(body, error)
        finally:
            if collecting:
                gc.enable()

    def render_html(self, body: str, context: RenderContext | None = None) -> str:
        """An HTML content file's body as Hugo publishes it: no Markdown, shortcodes run, and
        (like raw HTML in `unsafe` mode) without the elements that reach out of the preview.
        Never raises."""
        try:
            text = _normalize(body if isinstance(body, str) else str(body))
            state = self._state(text, context, 0, 0)
            return _fill_placeholders(neutralize(state.extraction.text), state)
        except Exception as error:  # noqa: BLE001 - the preview must show something
            import logging

            logging.getLogger(__name__).exception("render failed")
            return _fallback(body, error)

    def _state(self, text: str, context: RenderContext | None, offset: int, depth: int):
        extraction = extract(text)
        return RenderState(
            options=self.options,
            context=context,
            extraction=extraction,
            highlighter=self.highlighter,
            render_block=lambda md, line, d: self._render_block(md, context, line, d),
            render_inline=lambda md, d: self._render_inline(md, context, d),
            line_offset=offset,
            depth=depth,
        )

    def _render_block(
        self, text: str, context: RenderContext | None, offset: int, depth: int
    ) -> str:
        state = self._state(text, context, offset, depth)
        html = self._md.render(state.extraction.text, {ENV_KEY: state})
        return _fill_placeholders(html, state)

    def _render_inline(self, text: str, context: RenderContext | None, depth: int) -> str:
        if depth > MAX_DEPTH:
            return escape(text)
        state = self._state(text, context, 0, depth)
        html = self._inline_md.renderInline(state.extraction.text, {ENV_KEY: state})
        return _fill_placeholders(html, state)


def _fill_placeholders(html: str, state: RenderState) -> str:
    """Put each shortcode's HTML where its placeholder is.

    A placeholder inside a tag (an attribute such as a linkified `href`, a heading's `{#id}`
    or a fence's language) gets the shortcode's text, escaped, never HTML: Writer's own
    attribute values escape `<` and `>`, so the last of them before a placeholder says
    whether it is inside a tag."""
    extraction = state.extraction
    marker = extraction.marker
    if marker is None or not extraction.shortcodes:
        return html
    out: list[str] = []
    pos = 0
    in_tag = False
    for match in marker.pattern.finditer(html):
        start = match.start()
        opened, closed = html.rfind("<", pos, start), html.rfind(">", pos, start)
        if opened != closed:
            in_tag = opened > closed
        out.append(html[pos:start])
        number = int(match.group(1))
        if number < len(extraction.shortcodes):
            out.append(_shortcode_html(extraction.shortcodes[number], state, in_tag))
        else:  # cannot happen: only the scan writes the marker's prefix
            out.append(escape(match.group(0)))
        pos = match.end()
    out.append(html[pos:])
    return "".join(out)


def _shortcode_html(shortcode: Shortcode, state: RenderState, in_tag: bool) -> str:
    if not in_tag:
        return render_shortcode(shortcode, state, False)
    if shortcode.name in ("ref", "relref") and not shortcode.error:
        resolved = state.resolve_ref(ref_target(shortcode), shortcode.name, shortcode.get("lang"))
        if resolved is not None:
            return escape(resolved.url, quote=True)
    if shortcode.name == "param" and not shortcode.error and shortcode.name not in state.known_shortcodes():
        answer = state.param(shortcode.get("name", 0) or "")
        if answer is not None and answer[0]:
            return escape(answer[1], quote=True)
    return escape(shortcode.source, quote=True)


def _fallback(body: object, error: BaseException) -> str:
    text = body if isinstance(body, str) else repr(body)
    return (
        '<div class="writer-render-error" data-source-line="1">'
        f"<p>The preview could not be rendered ({escape(type(error).__name__)}).</p>"
        f"<pre>{escape(text)}</pre></div>\n"
    )
