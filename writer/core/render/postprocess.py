"""One pass over the token stream after parsing: Goldmark details and source lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from . import blockattrs
from .builtins import INLINE_SHORTCODES, render_shortcode
from .goldmark import state_of
from .headings import assign_ids
from .links import fix_inline
from .state import RenderState

SHORTCODE_TOKEN = "writer_shortcode"
_TASK_PREFIXES = {"[ ]": False, "[x]": True, "[X]": True}
_CHECKBOX = {
    True: '<input checked="" disabled="" type="checkbox">',
    False: '<input disabled="" type="checkbox">',
}


def postprocess(state: StateCore) -> None:
    """Core rule, run last."""
    rs = state_of(state.env)
    tokens = state.tokens
    if rs.options.block_attributes:
        tokens = blockattrs.apply(tokens)
    options = rs.options
    assign_ids(
        tokens, rs.extraction.marker, options.heading_id_type,
        options.definition_term_id, options.auto_heading_id,
    )
    has_shortcodes = bool(rs.extraction.shortcodes)
    source_line = rs.source_line
    lines = _Lines(state.src)
    unwrapped: dict[int, Token] = {}  # paragraph_open index -> the shortcode replacing it
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "inline":
            if token.children:
                _inline(tokens, index, rs)
        elif token.map is not None and token.nesting >= 0:
            token.attrs["data-source-line"] = str(source_line(token.map[0]))
            if has_shortcodes and kind == "paragraph_open":
                shortcode = _standalone_shortcode(tokens, index, rs)
                if shortcode is not None:
                    unwrapped[index] = shortcode
            elif kind == "dd_open":
                _tight_definition(tokens, index, lines, rs)
        elif kind == "td_open" or kind == "th_open":
            if "style" in token.attrs:
                token.attrs["style"] = str(token.attrs["style"]).replace(":", ": ", 1)
        elif kind == "footnote_block_open":
            _footnote_line(tokens, index, rs)
    if unwrapped:
        tokens = _replace_paragraphs(tokens, unwrapped)
    state.tokens = tokens


def _replace_paragraphs(tokens: list[Token], unwrapped: dict[int, Token]) -> list[Token]:
    """Put each standalone shortcode in place of its paragraph (open, inline, close)."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        if index in unwrapped:
            out.append(unwrapped[index])
            index += 3
        else:
            out.append(tokens[index])
            index += 1
    return out


def _inline(tokens: list[Token], index: int, rs: RenderState) -> None:
    inline = tokens[index]
    if (
        index >= 2
        and tokens[index - 1].type == "paragraph_open"
        and tokens[index - 2].type == "list_item_open"
    ):
        _task_item(inline)
    content = inline.content
    if "[" in content or "<" in content:
        fix_inline(inline, rs)  # only text that can hold a link, an autolink or an image


def _task_item(inline: Token) -> None:
    first = inline.children[0] if inline.children else None
    if first is None or first.type != "text":
        return
    checked = _TASK_PREFIXES.get(first.content[:3])
    if checked is None:
        return
    first.content = first.content[3:].lstrip(" \t")
    box = Token("html_inline", "", 0)
    box.content = _CHECKBOX[checked] + " "
    box.meta = {"writer": True}
    inline.children.insert(0, box)


def _standalone_shortcode(tokens: list[Token], index: int, rs: RenderState) -> Token | None:
    """A paragraph holding nothing but one block shortcode is replaced by the shortcode."""
    inline = tokens[index + 1]
    content = inline.content.strip()
    marker = rs.extraction.marker
    if marker is None or not content.startswith(marker.prefix) or len(content) > len(marker.prefix) + 12:
        return None
    match = marker.pattern.fullmatch(content)
    if match is None:
        return None
    number = int(match.group(1))
    shortcode = rs.extraction.shortcodes[number]
    if shortcode.name in INLINE_SHORTCODES and shortcode.delim == "%":
        return None  # its output is Markdown text: a paragraph, as in Hugo
    token = Token(SHORTCODE_TOKEN, "", 0)
    token.map = tokens[index].map
    token.block = True
    token.meta = {"index": number}
    token.attrs = dict(tokens[index].attrs)
    rs.block_shortcodes.add(number)
    return token


class _Lines:
    """Line starts of the parsed text, computed on first use (only definition lists need it)."""

    def __init__(self, src: str) -> None:
        self.src = src
        self._starts: list[int] | None = None

    def blank_before(self, line: int) -> bool:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.src)]
        if line <= 0 or line >= len(self._starts):
            return False
        return self.src[self._starts[line - 1] : self._starts[line]].strip() == ""


def _tight_definition(tokens: list[Token], index: int, lines: _Lines, rs: RenderState) -> None:
    """Goldmark: a definition is tight unless a blank line precedes its `:` line.

    A tight one shows its first paragraph without <p>; later paragraphs keep theirs.
    """
    dd = tokens[index]
    first_para = tokens[index + 1] if index + 1 < len(tokens) else dd
    line = (first_para.map or dd.map or [0])[0]
    loose = lines.blank_before(line)
    dd.attrs["data-source-line"] = str(rs.source_line(line))
    first = True
    for later in tokens[index + 1 :]:
        if later.type == "dd_close" and later.level == dd.level:
            return
        if later.type in ("paragraph_open", "paragraph_close") and later.level == dd.level + 1:
            later.hidden = first and not loose
            if later.type == "paragraph_close":
                first = False


def _footnote_line(tokens: list[Token], index: int, rs: RenderState) -> None:
    for later in tokens[index + 1 : index + 50]:
        if later.map is not None:
            tokens[index].attrs["data-source-line"] = str(rs.source_line(later.map[0]))
            return
    for earlier in reversed(tokens[:index]):  # empty notes: the last block before them
        if earlier.map is not None:
            tokens[index].attrs["data-source-line"] = str(rs.source_line(earlier.map[1] - 1))
            return


_STARTS_WITH_TAG = re.compile(r"<[A-Za-z]")


def render_shortcode_block(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    token = tokens[idx]
    rs = state_of(env)
    html = render_shortcode(rs.extraction.shortcodes[token.meta["index"]], rs, True)
    extra = "".join(f' {k}="{escape(str(v))}"' for k, v in token.attrs.items() if k != "class")
    end = html.find(">")
    if extra and _STARTS_WITH_TAG.match(html) and end > 0:  # never into a comment or text
        html = html[:end] + extra + html[end:]
    return html + "\n"
