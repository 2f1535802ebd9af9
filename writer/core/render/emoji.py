"""`enableEmoji`: `:heavy_check_mark:` → ✔️ as Hugo's Goldmark (goldmark-emoji) writes it.

The table (resources/emoji/github.tsv) was generated from Hugo's own output; it is read on the
first render that needs it. A short name is letters, digits, `_`, `-` and `+` between colons;
an unknown one stays text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from writer.core.paths import resources_dir

_NAME_RE = re.compile(r":([A-Za-z0-9_+-]+):")
_URL_STARTS = frozenset(" \t\n*_~(")


def table_path() -> Path:
    return resources_dir() / "emoji" / "github.tsv"


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Short name → HTML (character references, as Hugo writes them)."""
    found: dict[str, str] = {}
    try:
        text = table_path().read_text(encoding="utf-8")
    except OSError:
        return found
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, points = line.partition("\t")
        found[name] = "".join(
            "&zwj;" if point == "200d" else f"&#x{point};" for point in points.split()
        )
    return found


def _in_bare_url(src: str, pos: int) -> bool:
    """Goldmark links a bare URL before it looks for emoji: `http://x.org/:smile:` stays."""
    start = pos
    while start > 0 and src[start - 1] not in _URL_STARTS:
        start -= 1
    return src.startswith(("http://", "https://", "ftp://", "www."), start)


def emoji(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != ":" or _in_bare_url(state.src, state.pos):
        return False
    match = _NAME_RE.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    html = table().get(match.group(1))
    if html is None:
        return False
    if not silent:
        token = state.push("html_inline", "", 0)
        token.content = html
        token.meta = {"writer": True, "emoji": match.group(1)}
    state.pos = match.end()
    return True


def install(md: MarkdownIt) -> None:
    md.inline.ruler.push("emoji", emoji)
