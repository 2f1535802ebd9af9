"""Goldmark's passthrough extension (`markup.goldmark.extensions.passthrough`): text between
configured delimiters (math, usually) is published as written, with no Markdown inside.

A block pair opening a line (`$$` … `$$`, `\\[` … `\\]`) makes a block of its own, which may
interrupt a paragraph; an inline pair (`\\(` … `\\)`) keeps its text, backslashes included.
A block pair inside a line is kept the inline way (Hugo splits the paragraph there).
Writer escapes `<`, `>` and `&` in the kept text: the same text for a reader, and no HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

Pairs = tuple[tuple[str, str], ...]
DEFAULT_BLOCK: Pairs = (("\\[", "\\]"), ("$$", "$$"))
DEFAULT_INLINE: Pairs = (("\\(", "\\)"),)
TOKEN = "writer_passthrough"


def _block_rule(pairs: Pairs):
    def passthrough_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.sCount[start] - state.blkIndent >= 4:
            return False
        pos = state.bMarks[start] + state.tShift[start]
        src = state.src
        for opening, closing in pairs:
            if not src.startswith(opening, pos):
                continue
            close = src.find(closing, pos + len(opening))
            if close < 0:
                continue
            last = start
            while last < end and state.eMarks[last] < close:
                last += 1
            if last >= end:
                continue
            if silent:
                return True
            token = state.push(TOKEN, "", 0)
            token.content = src[pos : close + len(closing)]
            token.map = [start, last + 1]
            token.block = True
            state.line = last + 1
            return True
        return False

    return passthrough_block


def _inline_rule(pairs: Pairs, block: Pairs):
    def passthrough_inline(state: StateInline, silent: bool) -> bool:
        src, pos = state.src, state.pos
        for opening, closing in pairs:
            if not src.startswith(opening, pos):
                continue
            close = src.find(closing, pos + len(opening), state.posMax)
            if close < 0 or close == pos + len(opening):
                continue
            if not silent:
                token = state.push("html_inline", "", 0)
                token.content = escape(src[pos : close + len(closing)], quote=False)
                token.meta = {"writer": True, "passthrough_block": (opening, closing) in block}
            state.pos = close + len(closing)
            return True
        return False

    passthrough_inline.triggers = "".join(sorted({opening[0] for opening, _ in pairs}))  # type: ignore[attr-defined]
    return passthrough_inline


def render_block(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    if token.meta.get("escaped"):
        return token.content
    return escape(token.content, quote=False)  # Hugo writes no line break after it


def _is_block_pair(token: Token) -> bool:
    return token.type == "html_inline" and bool(token.meta.get("passthrough_block"))


def split_paragraphs(state: Any) -> None:
    """Core rule: a block pair inside a paragraph ends it there, as in Goldmark:
    `Text $$ x $$ after` is a paragraph, the kept text, and a paragraph."""
    tokens = state.tokens
    if not any(
        t.type == "inline" and t.children and any(_is_block_pair(c) for c in t.children)
        for t in tokens
    ):
        return
    out: list[Token] = []
    for index, token in enumerate(tokens):
        opening = tokens[index - 1] if index else None
        if (
            token.type != "inline" or not token.children or opening is None
            or opening.type != "paragraph_open" or not any(map(_is_block_pair, token.children))
        ):
            out.append(token)
            continue
        out.pop()  # the paragraph_open, reissued per piece
        _split(token, opening, out)
    state.tokens = [t for i, t in enumerate(out) if not _orphan_close(out, i)]


def _split(inline: Token, opening: Token, out: list[Token]) -> None:
    piece: list[Token] = []

    def flush() -> None:
        if piece and any(t.type != "softbreak" for t in piece):
            part = Token("inline", "", 0, children=list(piece), content="x", map=inline.map)
            out.extend([_copy(opening), part, Token("paragraph_close", "p", -1)])
        piece.clear()

    for child in inline.children or []:
        if _is_block_pair(child):
            flush()
            block = Token(TOKEN, "", 0, content=child.content, map=inline.map, block=True)
            block.meta = {"escaped": True}
            out.append(block)
        else:
            piece.append(child)
    flush()
    out.append(Token("writer_split_end", "", 0))


def _copy(token: Token) -> Token:
    return Token(token.type, token.tag, token.nesting, attrs=dict(token.attrs), map=token.map,
                 block=True)


def _orphan_close(tokens: list[Token], index: int) -> bool:
    """Drop the marker and the original paragraph_close that follows it."""
    token = tokens[index]
    if token.type == "writer_split_end":
        return True
    return (
        token.type == "paragraph_close" and index > 0
        and tokens[index - 1].type == "writer_split_end"
    )


def install(md: MarkdownIt, block: Pairs, inline: Pairs) -> None:
    if block:
        md.block.ruler.before(
            "fence", "passthrough", _block_rule(block),
            {"alt": ["paragraph", "reference", "blockquote", "list"]},
        )
    pairs = tuple(inline) + tuple(block)
    if pairs:
        md.inline.ruler.before("escape", "passthrough", _inline_rule(pairs, block))
    if block:
        md.core.ruler.after("inline", "passthrough_split", split_paragraphs)
    md.add_render_rule(TOKEN, render_block)
