"""Definition lists as Goldmark reads them (checked with Hugo 0.168).

    Term one
    Term two
    :   A definition for both terms.

        More of it, after a blank line.

- Every line of the paragraph above a `:` line is a term (`dt`); one blank line may come
  between the terms and the first definition.
- A definition (`dd`) starts with `:` at the list's own indentation, then a space or tab. Its
  content starts after the marker and its spaces (at most five of them count: more make the
  first line indented code); later lines belong to it when indented to that column.
- A definition is tight unless a blank line comes before it: then its paragraphs before any
  blank line inside it are shown without `<p>`.
- More definitions (`:` lines) may follow, and more terms with their definitions.

The tokens are markdown-it's usual `dl`/`dt`/`dd` ones.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_MAX_TERMS = 64  # a paragraph longer than this is read as text, not as terms


def _marker(state: StateBlock, line: int, indent: int, end: int) -> int:
    """The position after a definition's `:` and its spaces on `line`, or -1."""
    if line >= end or state.sCount[line] != indent:
        return -1
    pos = state.bMarks[line] + state.tShift[line]
    stop = state.eMarks[line]
    if pos + 1 >= stop or state.src[pos] != ":" or state.src[pos + 1] not in " \t":
        return -1
    after = pos + 1
    while after < stop and state.src[after] in " \t":
        after += 1
    return -1 if after >= stop else pos + 1


def install(md: MarkdownIt) -> None:
    """Add the rule before the paragraph rule (markdown-it's own definition lists are not used)."""

    def interrupts(state: StateBlock, line: int, end: int) -> bool:
        return any(rule(state, line, end, True) for rule in md.block.ruler.getRules("paragraph"))

    def terms_end(state: StateBlock, start: int, end: int) -> int:
        """The line after the terms starting at `start`, when a definition follows; else -1."""
        indent = state.blkIndent
        if _marker(state, start, indent, end) >= 0:
            return -1  # a definition line is no term
        line = start
        while line < end and line - start <= _MAX_TERMS:
            if line > start:
                if state.isEmpty(line):
                    return line if _marker(state, line + 1, indent, end) >= 0 else -1
                if _marker(state, line, indent, end) >= 0:
                    return line
                if state.sCount[line] < indent or interrupts(state, line, end):
                    return -1
            line += 1
        return -1

    def definition(state: StateBlock, line: int, indent: int, end: int, tight: bool) -> int:
        """Tokens of one definition from its `:` line; the line after it."""
        after_marker = _marker(state, line, indent, end)
        pos, column = after_marker, state.sCount[line] + 1
        while pos < state.eMarks[line] and state.src[pos] in " \t":
            column += 4 - column % 4 if state.src[pos] == "\t" else 1
            pos += 1
        padding = column - state.sCount[line] - 1
        base = state.sCount[line] + 1 + min(padding, 5)
        opening = state.push("dd_open", "dd", 1)
        opening.map = [line, line]
        first = len(state.tokens)
        saved = (state.blkIndent, state.tShift[line], state.sCount[line], state.tight, state.ddIndent,
                 state.parentType)
        state.tShift[line] = pos - state.bMarks[line]
        state.sCount[line] = column
        state.blkIndent, state.ddIndent, state.tight, state.parentType = base, indent, True, "deflist"
        state.md.block.tokenize(state, line, end)
        state.blkIndent, state.tShift[line], state.sCount[line], state.tight, state.ddIndent, \
            state.parentType = saved
        stop = state.line
        if tight:  # paragraphs before the first blank line inside the definition lose their <p>
            blank = next((n for n in range(line, stop) if state.isEmpty(n)), stop)
            _hide_first_paragraphs(state.tokens, first, opening.level + 1, blank)
        opening.map[1] = stop
        state.push("dd_close", "dd", -1)
        return stop

    def deflist(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent:  # a `:` line ends the paragraph of the definition above it
            return state.ddIndent >= 0 and _marker(state, start, state.ddIndent, end) >= 0
        if state.sCount[start] - state.blkIndent >= 4:
            return False
        stop = terms_end(state, start, end)
        if stop < 0:
            return False
        indent = state.blkIndent
        opening = state.push("dl_open", "dl", 1)
        opening.map = [start, start]
        line = start
        while True:
            for term in range(line, stop):
                state.push("dt_open", "dt", 1).map = [term, term + 1]
                inline = state.push("inline", "", 0)
                inline.map = [term, term + 1]
                inline.content = state.getLines(term, term + 1, indent, False).strip()
                inline.children = []
                state.push("dt_close", "dt", -1)
            line = stop
            while True:  # the definitions of these terms
                blank_before = state.isEmpty(line)
                while line < end and state.isEmpty(line):
                    line += 1
                if _marker(state, line, indent, end) < 0:
                    break
                line = definition(state, line, indent, end, tight=not blank_before)
            after = line
            while after < end and state.isEmpty(after):
                after += 1
            if after >= end or state.sCount[after] != indent:
                break
            stop = terms_end(state, after, end)
            if stop < 0:
                break
            line = after
        state.push("dl_close", "dl", -1)
        opening.map[1] = line
        state.line = line
        return True

    md.block.ruler.before("paragraph", "deflist", deflist, {"alt": ["paragraph", "reference", "blockquote"]})


def _hide_first_paragraphs(tokens: list, first: int, level: int, blank: int) -> None:
    """Hide the `<p>` of the paragraphs at `level` that start before line `blank`."""
    hiding = False
    for token in tokens[first:]:
        if token.level != level:
            continue
        if token.type == "paragraph_open":
            hiding = token.map is not None and token.map[0] < blank
        if token.type in ("paragraph_open", "paragraph_close") and hiding:
            token.hidden = True
