"""Link parsing details where Goldmark and markdown-it disagree.

- A destination may hold ASCII control characters (`[x](\\x01)` links to `%01`); only white
  space ends it.
- A link may not hold another link, even inside an image of its text: in
  `[ ![ [b](c) ](x) ](y)` the image forms and the outer brackets stay text (CommonMark's
  rule, which Goldmark follows and markdown-it misses for images).
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import markdown_it.helpers as helpers
from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.helpers import parseLinkDestination as markdown_it_destination
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_ASCII_SPACE = frozenset(" \t\n\v\f\r")
_MAX_PARENS = 32


class _Result:
    __slots__ = ("ok", "pos", "str")

    def __init__(self) -> None:
        self.ok = False
        self.pos = 0
        self.str = ""


def parse_link_destination(string: str, pos: int, maximum: int) -> _Result:
    """markdown-it's parseLinkDestination, except that control characters do not end an
    unbracketed destination (Goldmark stops at white space only)."""
    if pos < maximum and string[pos] == "<":
        return markdown_it_destination(string, pos, maximum)  # type: ignore[return-value]
    start = pos
    result = _Result()
    level = 0
    while pos < maximum:
        char = string[pos]
        if char in _ASCII_SPACE:
            break
        if char == "\\" and pos + 1 < maximum:
            if string[pos + 1] == " ":
                break
            pos += 2
            continue
        if char == "(":
            level += 1
            if level > _MAX_PARENS:
                return result
        elif char == ")":
            if level == 0:
                break
            level -= 1
        pos += 1
    if start == pos or level != 0:
        return result
    result.str = unescapeAll(string[start:pos])
    result.pos = pos
    result.ok = True
    return result


def _holds_link(tokens: list[Token]) -> bool:
    for token in tokens:
        if token.type == "link_open":
            return True
        if token.children and _holds_link(token.children):
            return True
    return False


def _image_holds_link(tokens: list[Token]) -> bool:
    return any(t.type == "image" and t.children and _holds_link(t.children) for t in tokens)


def _no_nested_links(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    def link(state: StateInline, silent: bool) -> bool:
        start = state.pos
        count, pending, level = len(state.tokens), state.pending, state.pendingLevel
        if not rule(state, silent):
            return False
        end = state.pos
        if "![" not in state.src[start:end]:
            return True
        if silent:  # parse it for real to look inside, then take the tokens back
            state.pos = start
            rule(state, False)
        nested = _image_holds_link(state.tokens[count:])
        if silent or nested:
            del state.tokens[count:]
            del state.tokens_meta[count:]
            state.pending, state.pendingLevel = pending, level
        state.pos = start if nested else end
        return not nested

    return link


def install(md: MarkdownIt) -> None:
    """Give `md` its own helpers (the module's stay untouched) and wrap its link rule."""
    md.helpers = SimpleNamespace(  # type: ignore[assignment]
        **{name: getattr(helpers, name) for name in helpers.__all__},
    )
    md.helpers.parseLinkDestination = parse_link_destination
    for rule in md.inline.ruler.__rules__:
        if rule.name == "link":
            rule.fn = _no_nested_links(rule.fn)
    md.inline.ruler.__cache__ = None

