"""Tables Goldmark finds inside a paragraph (checked with Hugo 0.168).

markdown-it starts a table only where the header line has a `|` and the delimiter row is
indented like it. Goldmark looks at each paragraph once it is complete: the first line (after
the first) made only of cells like `--`, `:--`, `--:`, `:-:` is a delimiter row when the line
above has no more cells (fewer are filled with empty ones) and it is not indented four columns
beyond the paragraph; the line above becomes the header, the lines below the table's rows, the
lines above stay a paragraph. So `a` then `:--` is a one-column table, and so is a list item's
text followed by a `--` at the margin (a lazy line).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_DELIMITER_CELL = re.compile(r"\s*(:?)-+(:?)\s*")
_ALIGN = {(True, False): "left", (False, True): "right", (True, True): "center"}


def _cells(line: str) -> list[str]:
    """A row's cells: split at `|` not escaped, the outer pipes dropped."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells, current, escaped = [], [], False
    for char in text:
        if char == "|" and not escaped:
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        escaped = char == "\\" and not escaped
    cells.append("".join(current).strip())
    return cells


def _aligns(line: str) -> list[str] | None:
    """The alignments a delimiter row gives, or None when the line is no delimiter row."""
    if "-" not in line or not set(line.strip()) <= set("|:- \t"):
        return None
    aligns = []
    for cell in _cells(line):
        match = _DELIMITER_CELL.fullmatch(cell)
        if match is None:
            return None
        aligns.append(_ALIGN.get((bool(match.group(1)), bool(match.group(2))), ""))
    return aligns


def _row(tokens: list[Token], cells: list[str], aligns: list[str], level: int, head: bool,
         line: int | None) -> None:
    tag = "th" if head else "td"
    opening = Token("tr_open", "tr", 1)
    opening.level, opening.block = level, True
    opening.map = [line, line + 1] if line is not None else None
    tokens.append(opening)
    for index, align in enumerate(aligns):
        cell = Token(f"{tag}_open", tag, 1)
        cell.level, cell.block = level + 1, True
        if align:
            cell.attrs["style"] = f"text-align:{align}"
        inline = Token("inline", "", 0)
        inline.level, inline.block, inline.children = level + 2, True, []
        inline.content = cells[index] if index < len(cells) else ""
        inline.map = opening.map
        closing = Token(f"{tag}_close", tag, -1)
        closing.level, closing.block = level + 1, True
        tokens += [cell, inline, closing]
    closing = Token("tr_close", "tr", -1)
    closing.level, closing.block = level, True
    tokens.append(closing)


def _table(lines: list[str], delimiter: int, aligns: list[str], level: int, first_line: int | None) -> list[Token]:
    def at(offset: int) -> int | None:
        return None if first_line is None else first_line + offset

    out: list[Token] = []

    def tag(kind: str, name: str, nesting: int, depth: int) -> Token:
        token = Token(kind, name, nesting)
        token.level, token.block = depth, True
        out.append(token)
        return token

    table = tag("table_open", "table", 1, level)
    table.map = [at(delimiter - 1), at(len(lines))] if first_line is not None else None
    tag("thead_open", "thead", 1, level + 1)
    _row(out, _cells(lines[delimiter - 1]), aligns, level + 2, True, at(delimiter - 1))
    tag("thead_close", "thead", -1, level + 1)
    if delimiter + 1 < len(lines):
        tag("tbody_open", "tbody", 1, level + 1)
        for offset in range(delimiter + 1, len(lines)):
            _row(out, _cells(lines[offset]), aligns, level + 2, False, at(offset))
        tag("tbody_close", "tbody", -1, level + 1)
    tag("table_close", "table", -1, level)
    return out


def _indent(line: str) -> int:
    column = 0
    for char in line:
        if char == " ":
            column += 1
        elif char == "\t":
            column += 4 - column % 4
        else:
            break
    return column


def _indented_code_like(source: list[str] | None, first_line: int | None, offset: int) -> bool:
    """Whether the line `offset` of a paragraph is indented four columns or more beyond its first
    line in the source (such a line is text to Goldmark, not a delimiter row)."""
    if source is None or first_line is None or first_line + offset >= len(source):
        return False
    return _indent(source[first_line + offset]) - _indent(source[first_line]) >= 4


def pipeless_tables(state: StateCore) -> None:
    tokens = state.tokens
    source: list[str] | None = None
    index = 0
    while index < len(tokens) - 2:
        opening, inline = tokens[index], tokens[index + 1]
        if opening.type != "paragraph_open" or "\n" not in inline.content or "-" not in inline.content:
            index += 1
            continue
        lines = inline.content.split("\n")
        first_line = opening.map[0] if opening.map else None
        if source is None:
            source = state.src.split("\n")
        found = next(((n, aligns) for n in range(1, len(lines)) if (aligns := _aligns(lines[n])) is not None
                      and len(_cells(lines[n - 1])) <= len(aligns)
                      and not _indented_code_like(source, first_line, n)), None)
        if found is None:
            index += 1
            continue
        delimiter, aligns = found
        replacement: list[Token] = []
        if delimiter > 1:  # the lines above the header stay a paragraph
            inline.content = "\n".join(lines[: delimiter - 1])
            replacement = tokens[index:index + 3]
        replacement += _table(lines, delimiter, aligns, opening.level, first_line)
        tokens[index:index + 3] = replacement
        index += len(replacement)


def install(md: MarkdownIt) -> None:
    """Run after the block parser, before inline content is parsed."""
    md.core.ruler.after("block", "writer_pipeless_tables", pipeless_tables)
