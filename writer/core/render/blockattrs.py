"""Hugo's block attributes: a `{.class #id key=value}` line applies to the block above it."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .attributes import LINE_RE, parse_attributes

TOKEN_TYPE = "writer_attrs"
_IGNORED_TARGETS = frozenset({"fence", "code_block"})


def attribute_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start] + state.tShift[start]
    if begin >= len(state.src) or state.src[begin] != "{":
        return False
    line = state.src[begin : state.eMarks[start]]
    match = LINE_RE.match(line)
    if match is None:
        return False
    attrs = parse_attributes(match.group(1))
    if attrs is None:
        return False
    if silent:
        return True
    token = state.push(TOKEN_TYPE, "", 0)
    token.meta = {"attrs": attrs}
    token.map = [start, start + 1]
    state.line = start + 1
    return True


def apply(tokens: list[Token]) -> list[Token]:
    """Move each attribute line's attributes onto the previous block at its level."""
    last_at_level: dict[int, Token] = {}
    out: list[Token] = []
    for token in tokens:
        if token.type == TOKEN_TYPE:
            target = last_at_level.get(token.level)
            if target is not None and target.type not in _IGNORED_TARGETS:
                _merge(target, token.meta["attrs"])
            continue
        if token.block and token.nesting >= 0 and token.type != "inline":
            last_at_level[token.level] = token
        out.append(token)
    return out


def _merge(target: Token, attrs: list[tuple[str, str]]) -> None:
    for key, value in attrs:
        if key == "class" and target.attrs.get("class"):
            target.attrSet("class", f"{target.attrs['class']} {value}")
        else:
            target.attrSet(key, value)


def install(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "table", "writer_attrs", attribute_line, {"alt": ["paragraph", "blockquote", "list"]}
    )
    md.add_render_rule(TOKEN_TYPE, lambda *args: "")
