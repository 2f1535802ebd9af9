"""Shortcuts through markdown-it's parsers that give the same tokens in less time.

markdown-it tries every block rule, in order, at the start of every block, and runs the whole
inline parser on every paragraph. Most of those attempts cannot succeed: a heading needs a
`#`, a fence a backtick or tilde, a table a delimiter row on the next line. Here:

- the block tokenizer asks only the rules whose first character (or next line) can match;
- the inline text rule stops only at characters an enabled inline rule reacts to;
- inline content without a single such character becomes one text token without the
  inline parser;
- the HTML renderer writes plain tags and text itself instead of a method call per token.

All keep markdown-it's own rule order and results; tests/core/render/test_render_fastpath.py
compares the tokens and the HTML with an unmodified markdown-it on generated Markdown.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .emoji import emoji as emoji_rule

# The characters a block rule's first line can start with (after indentation). Rules not
# listed may start with anything and are asked unless a guard below rules them out.
_FIRST_CHARS = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "footnote_def": "[",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
    "writer_attrs": "{",
}
# Rules that look at the line after the first one.
_TABLE_ROW = "|-:"
# The characters at which each inline rule can match (markdown-it-py 4, mdit-py-plugins,
# goldmark.guillemets).
_INLINE_TRIGGERS = {
    "text": "",
    "linkify": ":",
    "newline": "\n",
    "escape": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "emphasis": "*_",
    "link": "[",
    "image": "!",
    "footnote_ref": "[",
    "autolink": "<",
    "guillemets": "<>",
    "html_inline": "<",
    "entity": "&",
    "emoji": ":",
}
_DEFINITION = ":"


def _first_char(state: StateBlock, line: int) -> str:
    pos = state.bMarks[line] + state.tShift[line]
    return state.src[pos] if pos < state.eMarks[line] else ""


def _table_possible(state: StateBlock, line: int, end: int) -> bool:
    """A delimiter row follows: `|`, `:` or `-` first, and not a `- ` list item."""
    if line + 2 > end:
        return False
    pos = state.bMarks[line + 1] + state.tShift[line + 1]
    if pos + 1 >= state.eMarks[line + 1] or state.src[pos] not in _TABLE_ROW:
        return False
    return not (state.src[pos] == "-" and state.src[pos + 1] in " \t")


def _setext_possible(state: StateBlock, line: int, end: int) -> bool:
    return line + 1 < end and not state.isEmpty(line + 1)


def _definition_possible(state: StateBlock, line: int, end: int) -> bool:
    """A `:` line further down the paragraph (terms may be several lines), or after one blank."""
    following = line + 1
    while following < end and not state.isEmpty(following):
        if _first_char(state, following) in _DEFINITION:
            return True
        following += 1
    return following + 1 < end and _first_char(state, following + 1) in _DEFINITION


def _char_in(chars: str | None, char: str) -> bool:
    return chars is None or (char != "" and char in chars)


class _BlockDispatch:
    """ParserBlock.tokenize that skips the rules that cannot match at a line."""

    def __init__(self, md: MarkdownIt) -> None:
        rules = [(rule.name, rule.fn) for rule in md.block.ruler.__rules__ if rule.enabled]
        self._all = [fn for _, fn in rules]
        self._rules = rules
        self._by_key: dict[tuple[str, bool, bool, bool], list] = {}
        self._max_nesting = md.options["maxNesting"]

    def _candidates(self, char: str, table: bool, setext: bool, definition: bool) -> list:
        key = (char, table, setext, definition)
        found = self._by_key.get(key)
        if found is None:
            allowed = {"table": table, "lheading": setext, "deflist": definition}
            found = [
                fn
                for name, fn in self._rules
                if name != "code" and allowed.get(name, True) and _char_in(_FIRST_CHARS.get(name), char)
            ]
            self._by_key[key] = found
        return found

    def rules_at(self, state: StateBlock, line: int, end: int) -> list:
        if state.sCount[line] - state.blkIndent >= 4:
            return self._all  # indented code, or a lazy line: let every rule look
        return self._candidates(
            _first_char(state, line),
            _table_possible(state, line, end),
            _setext_possible(state, line, end),
            _definition_possible(state, line, end),
        )

    def tokenize(self, state: StateBlock, start: int, end: int) -> None:
        """Same loop and termination rules as markdown-it's ParserBlock.tokenize."""
        line = start
        had_empty = False
        while line < end:
            state.line = line = state.skipEmptyLines(line)
            if line >= end or state.sCount[line] < state.blkIndent:
                break
            if state.level >= self._max_nesting:
                state.line = end
                break
            for rule in self.rules_at(state, line, end):
                if rule(state, line, end, False):
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break
            else:
                raise RuntimeError("none of the block rules matched")
            state.tight = not had_empty
            line = state.line
            if line - 1 < end and state.isEmpty(line - 1):
                had_empty = True
            if line < end and state.isEmpty(line):
                had_empty = True
                line += 1
                state.line = line


def _narrow_terminators(md: MarkdownIt) -> None:
    """Stop markdown-it's text rule only where an enabled inline rule can match.

    markdown-it stops at every character reserved for any extension (`-`, `:`, `=`, `#`,
    ...) and then asks every rule there; characters no rule takes go to the same pending
    text either way, so stopping less often gives the same tokens. `]` stays: link labels
    are scanned with the text rule and must halt at it.
    """
    inline = md.inline
    if getattr(inline, "terminator_re", None) is None:
        return
    chars = {"]"}
    for rule in inline.ruler.__rules__:
        if not rule.enabled:
            continue
        triggers = getattr(rule.fn, "triggers", None)  # rules that say where they match
        if isinstance(triggers, str):
            chars.update(triggers)
            continue
        if rule.name not in _INLINE_TRIGGERS:
            return  # a rule we do not know: keep markdown-it's full set
        chars.update(_INLINE_TRIGGERS[rule.name])
    if not md.options.get("linkify") and not md.inline.ruler.getRules("").count(emoji_rule):
        chars.discard(":")
    inline.terminator_re = re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def _plain_inline(md: MarkdownIt) -> None:
    """Inline content no rule reacts to is one text token: skip the inline parser for it."""
    inline = md.inline
    terminators = getattr(inline, "terminator_re", None)
    if terminators is None:
        return
    parse = inline.parse
    search = terminators.search

    def fast_parse(src: str, md: MarkdownIt, env: object, tokens: list[Token]) -> list[Token]:
        if not src or search(src) is not None:
            return parse(src, md, env, tokens)
        token = Token("text", "", 0)
        token.content = src
        tokens.append(token)
        return tokens

    inline.parse = fast_parse  # type: ignore[method-assign]


def _render_tag(tokens: list[Token], idx: int, options, env) -> str:
    """markdown-it's RendererHTML.renderToken, in fewer steps (same output)."""
    token = tokens[idx]
    if token.hidden:
        return ""
    nesting = token.nesting
    block = token.block
    if nesting == -1:
        result = "</" + token.tag
    elif block and idx and tokens[idx - 1].hidden:
        result = "\n<" + token.tag
    else:
        result = "<" + token.tag
    if token.attrs:
        for key, value in token.attrs.items():
            result += " " + escapeHtml(key) + '="' + escapeHtml(str(value)) + '"'
    if nesting == 0 and options["xhtmlOut"]:
        result += " /"
    if not block:
        return result + ">"
    if nesting == 1 and idx + 1 < len(tokens):
        after = tokens[idx + 1]
        if after.type == "inline" or after.hidden or (after.nesting == -1 and after.tag == token.tag):
            return result + ">"
    return result + ">\n"


def _fast_rendering(md: MarkdownIt) -> None:
    """The renderer's loops with the default text rule and tag writing inlined; a rule that a
    plugin or Writer registers for a token type is still called (looked up at render time)."""
    renderer = md.renderer
    default_text = renderer.rules.get("text")

    def render_inline(tokens, options, env) -> str:
        rules = renderer.rules
        plain_text = rules.get("text") == default_text
        out = []
        append = out.append
        for idx, token in enumerate(tokens):
            kind = token.type
            if kind == "text" and plain_text:
                append(escapeHtml(token.content))
            elif kind in rules:
                append(rules[kind](tokens, idx, options, env))
            else:
                append(_render_tag(tokens, idx, options, env))
        return "".join(out)

    def render(tokens, options, env) -> str:
        rules = renderer.rules
        out = []
        append = out.append
        for idx, token in enumerate(tokens):
            kind = token.type
            if kind == "inline":
                if token.children:
                    append(render_inline(token.children, options, env))
            elif kind in rules:
                append(rules[kind](tokens, idx, options, env))
            else:
                append(_render_tag(tokens, idx, options, env))
        return "".join(out)

    renderer.render = render  # type: ignore[method-assign]
    renderer.renderInline = render_inline  # type: ignore[method-assign]
    renderer.renderToken = _render_tag  # type: ignore[method-assign]  # plugins' rules call it too


def _guard_terminators(md: MarkdownIt) -> None:
    """The rules that may end a paragraph (or a reference, quote or list) are asked on every
    line of it; each one asks first whether the line can start what it looks for."""
    ruler = md.block.ruler
    ruler.getRules("")  # compiles the chains
    names = {rule.fn: rule.name for rule in ruler.__rules__}
    cache = ruler.__cache__  # markdown-it keeps each chain's rule list here
    for chain in ("paragraph", "reference", "blockquote", "list"):
        guarded = []
        for fn in cache.get(chain) or []:
            name = names.get(fn)
            if name == "table":
                guarded.append(_when(fn, lambda state, line, end: _table_possible(state, line, end)))
            elif name == "deflist":
                guarded.append(_when(fn, lambda state, line, end: _first_char(state, line) in _DEFINITION))
            elif name in _FIRST_CHARS:
                chars = _FIRST_CHARS[name]
                guarded.append(_when(fn, lambda state, line, end, chars=chars: _first_char(state, line) in chars))
            else:
                guarded.append(fn)
        cache[chain] = guarded


def _when(rule, possible):
    def guarded(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        if state.sCount[line] - state.blkIndent < 4 and not possible(state, line, end):
            return False
        return rule(state, line, end, silent)

    return guarded


def install(md: MarkdownIt) -> None:
    """Call last, after every plugin has added its rules."""
    md.block.tokenize = _BlockDispatch(md).tokenize  # type: ignore[method-assign]
    _guard_terminators(md)
    _narrow_terminators(md)
    _plain_inline(md)
    _fast_rendering(md)
