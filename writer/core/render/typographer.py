"""Goldmark's typographer: quotes, apostrophes, dashes and ellipses as Hugo publishes them.

markdown-it's smartquotes pairs quotes its own way (an unmatched `"` stays straight, `'n'`
becomes ‘n’, image alt text is left alone). Goldmark decides each quote as it meets it, from
the character before it in the source, the rest of its line, and how many quotes are open in
the document so far. This core rule rebuilds each inline block's source from its tokens (text as
written, markup such as `**`, `[`, `](…)` and code spans around it) and makes the same
decision for every quote of a text token, image alt text included.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_DASHES_RE = re.compile(r"---|--|\.\.\.")
_DASHES = {"---": "\u2014", "--": "\u2013", "...": "\u2026"}
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ASCII_SPACE = frozenset(" \t\n\v\f\r")
_APOSTROPHE, _LSQUO, _RSQUO, _LDQUO, _RDQUO = "\u2019", "\u2018", "\u2019", "\u201c", "\u201d"
_CONTRACTION_1 = frozenset("smtd")  # Alice's, I'm, Don't, You'd
_CONTRACTION_2 = ("ve", "ll", "re")  # I've, I'll, You're


def dashes_in(text: str) -> str:
    return _DASHES_RE.sub(lambda m: _DASHES[m.group(0)], text)


def _punct_rune(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _punct(char: str) -> bool:  # unicode.IsPunct
    return unicodedata.category(char)[0] == "P"


def _byte_punct(line: str, index: int) -> bool:  # util.IsPunct on a byte
    return line[index] in _ASCII_PUNCT


def _byte_space(line: str, index: int) -> bool:
    return line[index] in _ASCII_SPACE


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    before_punct, after_punct = _punct_rune(before), _punct_rune(after)
    before_space, after_space = before.isspace(), after.isspace()
    left = not after_space and (not after_punct or before_space or before_punct)
    right = not before_space and (not before_punct or after_space or after_punct)
    return left, right


class _Quotes:
    """The open-quote counters of a document (Goldmark's unclosed counter)."""

    def __init__(self) -> None:
        self.single = 0
        self.double = 0

    def decide(self, line: str, before: str) -> str | None:
        """The replacement of the quote starting `line`, or None to keep it straight."""
        after = line[1] if len(line) > 1 else " "
        can_open, can_close = _flanking(before, after)
        if not can_open and not can_close:
            return None
        if line[0] == "'":
            return self._single(line, before, can_open, can_close)
        return self._double(line, before, can_open, can_close)

    def _single(self, line: str, before: str, can_open: bool, can_close: bool) -> str | None:
        if _apostrophe(line, before, can_open, can_close):
            return _APOSTROPHE
        if can_open and not can_close:
            if _contraction(line):
                return _RSQUO
            self.single += 1
            return _LSQUO
        if len(line) > 2 and not line[1].isdigit():  # Smiths', doin'
            return _RSQUO
        if self.single > 0 and _closes(line, can_open, can_close):
            self.single -= 1
            return _RSQUO
        return None

    def _double(self, line: str, before: str, can_open: bool, can_close: bool) -> str | None:
        if can_open and not can_close:
            self.double += 1
            return _LDQUO
        if self.double > 0 and _closes(line, can_open, can_close):
            if len(line) > 1 and line[1] == '"' and _digit(before):  # "Monitor 21""
                return None
            self.double -= 1
            return _RDQUO
        return None


def _digit(char: str) -> bool:
    return unicodedata.category(char) == "Nd"


def _apostrophe(line: str, before: str, can_open: bool, can_close: bool) -> bool:
    decade = (  # '90s
        can_open and not can_close and len(line) > 3 and line[1:3].isascii()
        and line[1:3].isdigit() and line[3] == "s"
    )
    if decade and (len(line) == 4 or line[4].isspace() or _punct_rune(line[4])):
        return True
    if len(line) > 1 and (_punct(before) or before.isspace()) and line[1] in "tenl":
        return True  # 'twas, 'em, 'net
    return len(line) > 1 and (_digit(before) or before.isalpha()) and line[1].isalpha()


def _contraction(line: str) -> bool:
    if len(line) > 1 and line[1] in _CONTRACTION_1 and (
        len(line) < 3 or _byte_punct(line, 2) or _byte_space(line, 2)
    ):
        return True
    if len(line) > 2 and line[1:3] in _CONTRACTION_2:
        return len(line) < 4 or _byte_punct(line, 3) or _byte_space(line, 3)
    return False


def _closes(line: str, can_open: bool, can_close: bool) -> bool:
    if can_close and not can_open:
        return True
    return (
        can_close
        and can_open
        and len(line) > 1
        and _punct(line[1])
        and (len(line) == 2 or (len(line) > 2 and _byte_punct(line, 2)) or _byte_space(line, 2))
    )


def _raw(token: Token, parts: list[str], texts: list[tuple[Token, int]], size: int) -> int:
    """Append the source text of `token` to `parts`; note text tokens and where they start."""
    kind = token.type
    if kind == "text":
        texts.append((token, size))
        piece = token.content
    elif kind in ("softbreak", "hardbreak"):
        piece = "\n"
    elif kind == "code_inline":
        piece = token.markup + token.content + token.markup
    elif kind == "image":
        size = _raw_list(token.children or [], parts, texts, size + 2, prefix="![")
        piece = "](x)"
    elif kind == "link_open":
        piece = "" if token.markup == "linkify" else ("<" if token.info == "auto" else "[")
    elif kind == "link_close":
        piece = "" if token.markup == "linkify" else (">" if token.info == "auto" else "](x)")
    elif kind == "text_special":
        piece = token.markup or token.content
    elif kind == "html_inline":
        piece = token.content
    else:
        piece = token.markup
    parts.append(piece)
    return size + len(piece)


def _raw_list(
    tokens: list[Token], parts: list[str], texts: list[tuple[Token, int]], size: int,
    prefix: str = "",
) -> int:
    if prefix:
        parts.append(prefix)
    autolink = 0
    for token in tokens:
        if token.type == "link_open" and token.info == "auto":
            autolink += 1
        elif token.type == "link_close" and token.info == "auto":
            autolink -= 1
        if autolink and token.type == "text":  # an autolink's URL: written as it is
            token = Token("text_special", "", 0, content=token.content)
        size = _raw(token, parts, texts, size)
    return size


def _curl(text: Token, start: int, raw: str, quotes: _Quotes) -> None:
    content = text.content
    out: list[str] = []
    done = 0
    for index, char in enumerate(content):
        if char != "'" and char != '"':
            continue
        position = start + index
        end = raw.find("\n", position)
        line = raw[position : end + 1 if end >= 0 else len(raw)]
        before = raw[position - 1] if position > 0 else "\n"
        replacement = quotes.decide(line, before)
        if replacement is not None:
            out.append(content[done:index])
            out.append(replacement)
            done = index + 1
    if out:
        out.append(content[done:])
        text.content = "".join(out)


def typographer(state: StateCore) -> None:
    """Core rule (where markdown-it's smartquotes would run). Goldmark keeps one count of open
    quotes for the whole document: a quote left open in one block lets a later block close it."""
    quotes = _Quotes()
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        content = block.content
        has_quotes = "'" in content or '"' in content
        if not has_quotes and "--" not in content and "..." not in content:
            continue
        parts: list[str] = []
        texts: list[tuple[Token, int]] = []
        _raw_list(block.children, parts, texts, 0)
        raw = "".join(parts)
        for token, start in texts:
            if has_quotes and ("'" in token.content or '"' in token.content):
                _curl(token, start, raw, quotes)
            if "--" in token.content or "..." in token.content:
                token.content = dashes_in(token.content)
