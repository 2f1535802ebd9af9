"""Bare URLs and e-mail addresses become links the way Goldmark's linkify extension finds them.

Goldmark looks for `http://`, `https://`, `ftp://`, `www.` and e-mail addresses only at the
start of a line or after a space, `*`, `_`, `~` or `(`; a URL is matched by an ASCII-only
pattern (so it ends at the first non-ASCII letter), then loses a final `.`, an unbalanced `)`,
an entity-like `&amp;` and finally any trailing `?!.,:*_~`. The destination is the text as
written (`www.` ones get a scheme). This core rule runs where markdown-it's linkify would, on
the text tokens of each inline block, outside links.
"""

from __future__ import annotations

import re

import mdurl
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .state import ENV_KEY

_PATH = r"""(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}\[\]`]*)?"""
_URL_RE = re.compile(r"(?:http|https|ftp)://[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+(?::\d+)?" + _PATH)
_WWW_RE = re.compile(r"www\.[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+" + _PATH)
_EMAIL_LOCAL_RE = re.compile(r"[-!#$%&'*+./0-9=?A-Z^_`a-z{|}~]+")
_EMAIL_DOMAIN_RE = re.compile(
    r"[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*"
)
_TRIGGERS = " \t*_~("
_TRAILING = "?!.,:*_~"
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _url_end(text: str, start: int) -> tuple[int, str] | None:
    """(end, kind) of a URL at `start`: kind "url" or "www"; None when there is none."""
    match = None
    kind = "url"
    if text.startswith(("http:", "https:", "ftp:"), start):
        match = _URL_RE.match(text, start)
    if match is None and text.startswith("www.", start):
        match, kind = _WWW_RE.match(text, start), "www"
    if match is None:
        return None
    end = match.end()
    while end - 1 > start and text[end - 1] in _TRAILING:  # Hugo's Goldmark trims these first
        end -= 1
    last = text[end - 1]
    if last == ".":
        end -= 1
    elif last == ")":
        closing = text.count(")", start, end) - text.count("(", start, end)
        if closing > 0:
            end -= closing
    elif last == ";":
        i = end - 2
        while i >= start and text[i] in _ALNUM:
            i -= 1
        if i != end - 2 and text[i] == "&":
            end = i
    return end, kind


def _email_end(text: str, start: int) -> int | None:
    if text[start] in _PUNCT:
        return None
    local = _EMAIL_LOCAL_RE.match(text, start)
    if local is None or local.end() >= len(text) or text[local.end()] != "@":
        return None
    at = local.end()
    domain = _EMAIL_DOMAIN_RE.match(text, at + 1)
    if domain is None:
        return None
    end = domain.end()
    if "." not in text[at:end - 1]:
        return None
    if text[end - 1] == ".":
        end -= 1
    if end < len(text) and text[end] in "-_":
        return None
    return end


def _find(text: str, start: int) -> tuple[int, str] | None:
    """Goldmark's linkify at one position: (end, kind) with kind "url", "www" or "email"."""
    found = _url_end(text, start)
    if found is None:
        email = _email_end(text, start)
        if email is None:
            return None
        found = (email, "email")
    end, kind = found
    while kind == "email" and end - 1 > start and text[end - 1] in _TRAILING:
        end -= 1
    return end, kind


def _link_tokens(text: str, kind: str, level: int) -> list[Token]:
    if kind == "email":
        href = "mailto:" + text
    elif kind == "www":
        href = "https://" + text  # Hugo publishes Goldmark's http:// for www. links as https://
    else:
        href = text
    opening = Token("link_open", "a", 1, attrs={"href": mdurl.encode(href)}, markup="linkify", info="auto")
    opening.level = level
    # text_special: the typographer leaves it alone (Goldmark's does not curl a URL's
    # quotes); markdown-it's text_join turns it back into plain text afterwards.
    label = Token("text_special", "", 0, content=text)
    label.level = level + 1
    closing = Token("link_close", "a", -1, markup="linkify", info="auto")
    closing.level = level
    return [opening, label, closing]


def _may_hold_link(content: str) -> bool:
    return "://" in content or "www." in content or "@" in content


def _follows_mark(before: str, typographer: bool) -> bool:
    """Goldmark tries linkify after whitespace, `*_~(`, and after any inline node, which
    with the typographer on includes its quotes, dashes, ellipses and guillemets."""
    if not before:
        return True
    last = before[-1]
    if last in _TRIGGERS:
        return True
    return typographer and (last in "\"'\u00ab\u00bb" or before.endswith(("--", "...")))


def _split(token: Token, before: str, typographer: bool, label: list[int]) -> list[Token] | None:
    """The text token as text and link tokens, or None when it holds no link.

    `before` is the text just before the token ("" after an inline node or at the start).
    `label[0]` counts the `[` still open: Goldmark links nothing inside a link label, even
    one that never becomes a link (`[2021(https://…)]`, `[ see https://…`)."""
    text = token.content
    emails = "@" in text
    brackets = "[" in text or "]" in text
    out: list[Token] = []
    done = 0
    position = 0
    while position < len(text):
        if brackets and text[position] in "[]":
            label[0] = label[0] + 1 if text[position] == "[" else max(0, label[0] - 1)
            position += 1
            continue
        if label[0]:
            position += 1
            continue
        if emails or text[position] in "hfw":
            preceding = text[max(0, position - 3) : position] if position else before
            found = _find(text, position) if _follows_mark(preceding, typographer) else None
        else:
            found = None
        if found is None or found[0] <= position:
            position += 1
            continue
        end, kind = found
        if position > done:
            out.append(_text(text[done:position], token.level))
        out.extend(_link_tokens(text[position:end], kind, token.level))
        done = position = end
    if not out:
        return None
    if done < len(text):
        out.append(_text(text[done:], token.level))
    return out


def _count_brackets(text: str, label: list[int]) -> None:
    if "[" not in text and "]" not in text:
        return
    for char in text:
        if char == "[":
            label[0] += 1
        elif char == "]" and label[0]:
            label[0] -= 1


def _text(content: str, level: int) -> Token:
    token = Token("text", "", 0, content=content)
    token.level = level
    return token


def _text_before(children: list[Token], index: int) -> str:
    """What decides a link at the token's start: the end of a text token before it; "" (any
    position) after another inline node; "x" (no link) after an escaped character."""
    if index == 0:
        return ""
    previous = children[index - 1]
    if previous.type == "text":
        return previous.content[-3:]
    return "x" if previous.type == "text_special" else ""


def linkify(state: StateCore) -> None:
    """Core rule: link bare URLs and addresses in every inline block, outside Markdown links
    (like Goldmark, and unlike markdown-it, raw HTML `<a>` tags do not count)."""
    typographer = state.env[ENV_KEY].options.typographer
    for block in state.tokens:
        if block.type != "inline" or not block.children or not _may_hold_link(block.content):
            continue
        children = block.children
        result: list[Token] = []
        inside_link = 0
        changed = False
        label = [0]
        for index, child in enumerate(children):
            kind = child.type
            if kind == "link_open":
                inside_link += 1
            elif kind == "link_close":
                inside_link -= 1
            elif kind == "text" and inside_link <= 0 and _may_hold_link(child.content):
                parts = _split(child, _text_before(children, index), typographer, label)
                if parts is not None:
                    result.extend(parts)
                    changed = True
                    continue
            elif kind == "text" and inside_link <= 0:
                _count_brackets(child.content, label)
            result.append(child)
        if changed:
            block.children = result
