"""Render rules and small parser rules that give markdown-it Goldmark's HTML shape."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .highlight import parse_code_options
from .rawhtml import neutralize
from .state import ENV_KEY, RenderState
from .typographer import typographer as typographer_rule

_OMITTED = "<!-- raw HTML omitted -->"
# The first tag of a raw HTML block, when it closes on its first line (a source-line attribute
# goes into it; a tag left open, `<div id="x"` and text, is not touched).
_FIRST_TAG_RE = re.compile(r"<[A-Za-z][A-Za-z0-9-]*(?=[^\n<>]*>)")
# HTML blocks of CommonMark's kinds 1-5 and the text that ends each (Goldmark's "closure").
_CLOSURES = (
    (
        re.compile(r" {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I),
        re.compile(r"</(?:script|pre|style|textarea)>", re.I),
    ),
    (re.compile(r" {0,3}<!--"), re.compile(r"-->")),
    (re.compile(r" {0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r" {0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r" {0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
)


def state_of(env: Any) -> RenderState:
    return env[ENV_KEY]


def _source_attr(token: Token) -> str:
    line = token.attrs.get("data-source-line")
    return f' data-source-line="{line}"' if line is not None else ""


# --- raw HTML ---------------------------------------------------------------------------


def after_tight_text(tokens: Sequence[Token], idx: int) -> str:
    """The line break Goldmark writes between a tight list item's text and a block after it."""
    return "\n" if idx and tokens[idx - 1].hidden else ""


def _has_closure(content: str) -> bool:
    """A kind 1-5 HTML block whose end is on a later line than its start: Goldmark omits it
    with a second comment."""
    first, newline, rest = content.partition("\n")
    for start, end in _CLOSURES:
        if start.match(first):
            return bool(newline) and not end.search(first) and end.search(rest) is not None
    return False


def render_html_block(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    content = token.content
    if not state_of(env).options.unsafe:
        if content.startswith("<!--"):  # Hugo drops a comment that starts its line
            return ""
        omitted = after_tight_text(tokens, idx) + _OMITTED + "\n"
        return omitted + (_OMITTED + "\n" if _has_closure(content) else "")
    content = after_tight_text(tokens, idx) + neutralize(content)
    attr = _source_attr(token)
    match = _FIRST_TAG_RE.match(content)
    if attr and match:
        return content[: match.end()] + attr + content[match.end() :]
    return content


def render_html_inline(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    content = tokens[idx].content
    if tokens[idx].meta.get("writer"):
        return content
    if state_of(env).options.unsafe:
        return neutralize(content)
    return "" if content.startswith("<!--") else _OMITTED


def render_thead_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """A table of a header row only keeps an empty body in Goldmark's HTML."""
    empty = idx + 1 < len(tokens) and tokens[idx + 1].type == "table_close"
    return "</thead>\n<tbody>\n</tbody>\n" if empty else "</thead>\n"


# --- code -------------------------------------------------------------------------------


def _fence_code(token: Token) -> str:
    """The code of a fence as Goldmark keeps it: without the empty lines at its end (a line of
    spaces stays), and ending with a line break even when the fence is never closed."""
    kept = token.content.split("\n")
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept) + "\n" if kept else ""


def render_fence(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    state = state_of(env)
    info = token.info.strip()
    lang, _, rest = info.partition(" ")
    if lang.startswith("{"):
        lang, rest = "", info
    code = _fence_code(token)
    if lang == "goat":  # Hugo draws an SVG; the preview shows the drawing as text, in place
        return (
            f'{after_tight_text(tokens, idx)}<div class="goat svg-container writer-goat"{_source_attr(token)}>'
            f"<pre>{escape(code, quote=False)}</pre></div>\n"
        )
    brace = rest.find("{")
    code_options = parse_code_options(
        rest[brace:] if brace >= 0 else "", state.options.line_numbers
    )
    html = state.highlighter.block(code, lang, code_options, _source_attr(token))
    return after_tight_text(tokens, idx) + html


def render_code_block(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    code = escape(token.content, quote=False)
    return f"{after_tight_text(tokens, idx)}<pre{_source_attr(token)}><code>{code}</code></pre>\n"


# --- strikethrough ----------------------------------------------------------------------


def render_del_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "<del>"


def render_del_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "</del>"


# --- footnotes --------------------------------------------------------------------------


def _footnote_ids(token: Token) -> tuple[int, str]:
    """Goldmark's numbering: note n, and the id of its n-th (or later) reference."""
    n = token.meta["id"] + 1
    sub = token.meta.get("subId", 0)
    return n, (f"fnref{sub}:{n}" if sub > 0 else f"fnref:{n}")


def render_footnote_ref(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    n, ref_id = _footnote_ids(tokens[idx])
    link = f'<a href="#fn:{n}" class="footnote-ref" role="doc-noteref">{n}</a>'
    return f'<sup id="{ref_id}">{link}</sup>'


def render_footnote_block_open(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    attr = _source_attr(tokens[idx])
    return f'<div class="footnotes" role="doc-endnotes"{attr}>\n<hr>\n<ol>\n'


def render_footnote_block_close(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    return "</ol>\n</div>\n"


def render_footnote_open(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    return f'<li id="fn:{tokens[idx].meta["id"] + 1}">\n'


def render_footnote_close(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    return "</li>\n"


def render_footnote_anchor(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    n, ref_id = _footnote_ids(tokens[idx])
    return (
        f'&#160;<a href="#{ref_id}" class="footnote-backref" role="doc-backlink">'
        "&#x21a9;&#xfe0e;</a>"
    )


# --- typographer ------------------------------------------------------------------------


def guillemets(state: StateInline, silent: bool) -> bool:
    """Goldmark turns `<<` and `>>` into « and » before raw HTML is looked for."""
    pair = state.src[state.pos : state.pos + 2]
    if pair not in ("<<", ">>"):
        return False
    if not silent:
        token = state.push("text", "", 0)
        token.content = "\u00ab" if pair == "<<" else "\u00bb"
    state.pos += 2
    return True


def install(md: MarkdownIt, typographer: bool) -> None:
    """Register the Goldmark-shaped render rules (and typographer rules) on `md`."""
    rules = {
        "html_block": render_html_block,
        "html_inline": render_html_inline,
        "fence": render_fence,
        "code_block": render_code_block,
        "thead_close": render_thead_close,
        "s_open": render_del_open,
        "s_close": render_del_close,
        "footnote_ref": render_footnote_ref,
        "footnote_block_open": render_footnote_block_open,
        "footnote_block_close": render_footnote_block_close,
        "footnote_open": render_footnote_open,
        "footnote_close": render_footnote_close,
        "footnote_anchor": render_footnote_anchor,
    }
    for name, rule in rules.items():
        md.add_render_rule(name, rule)
    md.disable("replacements")
    if typographer:
        md.inline.ruler.before("html_inline", "guillemets", guillemets)
        md.disable("smartquotes")
        md.core.ruler.after("replacements", "goldmark_typographer", typographer_rule)
