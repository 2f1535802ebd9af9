"""Several terms for one definition, as Goldmark reads a definition list.

mdit-py-plugins' definition lists take only the line just above a `:` line as the term; Goldmark
takes every line of that paragraph, each a term of its own:

    Term 1
    Term 2
    :   One definition for both

This block rule runs just before the plugin's: it finds the paragraph's lines above a `:` line,
lets the plugin build the list from the last of them, and puts the other terms in front.
"""

from __future__ import annotations

import copy

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_MAX_TERMS = 64  # a paragraph longer than this is read as text, not as terms


def _marker_after(state: StateBlock, line: int, end: int) -> bool:
    """Whether the definition marker (`:` or `~` and a space) starts `line`."""
    if line >= end or state.sCount[line] < state.blkIndent or state.sCount[line] - state.blkIndent >= 4:
        return False
    start = state.bMarks[line] + state.tShift[line]
    text = state.src[start:state.eMarks[line]]
    return len(text) >= 2 and text[0] in ":~" and text[1] in " \t"


def _marker_below(state: StateBlock, start: int, end: int) -> bool:
    """A quick look (no rule asked): a line starting with `:` or `~` two or more lines down,
    before the paragraph's blank line ends it (or just after it)."""
    line = start + 1
    while line < end and line - start <= _MAX_TERMS + 1:
        if state.isEmpty(line):
            return line > start + 1 and _marker_after(state, line + 1, end)
        if line > start + 1 and _marker_after(state, line, end):
            return True
        line += 1
    return False


def install(md: MarkdownIt) -> None:
    """Call after `deflist_plugin`."""
    deflist = next(rule.fn for rule in md.block.ruler.__rules__ if rule.name == "deflist")

    def interrupts(state: StateBlock, line: int, end: int) -> bool:
        return any(rule(state, line, end, True) for rule in md.block.ruler.getRules("paragraph"))

    def several_terms(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent or state.sCount[start] - state.blkIndent >= 4 or not _marker_below(state, start, end):
            return False
        last = start
        while True:
            after = last + 1
            if after < end and state.isEmpty(after):
                after += 1  # one blank line may come between the terms and the definition
                if not _marker_after(state, after, end):
                    return False
            if _marker_after(state, after, end):
                break
            if (after >= end or state.isEmpty(after) or last - start >= _MAX_TERMS
                    or state.sCount[after] < state.blkIndent or interrupts(state, after, end)):
                return False
            last = after
        if last == start:
            return False  # one term: the plugin's own rule
        first_token = len(state.tokens)
        if not deflist(state, last, end, False):
            return False
        opening = state.tokens[first_token]
        opening.map = [start, opening.map[1]] if opening.map else None
        template = state.tokens[first_token + 1:first_token + 4]  # dt_open, inline, dt_close
        extra = []
        for line in range(start, last):
            dt_open, inline, dt_close = (copy.copy(token) for token in template)
            for token in (dt_open, inline, dt_close):
                token.attrs, token.meta = dict(token.attrs), {}
            dt_open.map = inline.map = [line, line]
            inline.content = state.getLines(line, line + 1, state.blkIndent, False).strip()
            inline.children = []
            extra += [dt_open, inline, dt_close]
        state.tokens[first_token + 1:first_token + 1] = extra
        return True

    md.block.ruler.before("deflist", "writer_terms", several_terms,
                          {"alt": ["paragraph", "reference", "blockquote"]})
