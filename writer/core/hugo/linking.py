"""Linking pages: a fuzzy page picker, the site's own relref path style, a target's anchors."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from writer.core.document import Page
from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex, PageInfo
from writer.core.hugo.refs import find_refs
from writer.core.textio import read_text

if TYPE_CHECKING:
    from writer.core.render.renderer import Renderer

_HEADING = re.compile(r'<h([1-6])[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")
STYLE_SAMPLE_PAGES = 400


@dataclass(frozen=True)
class RefStyle:
    """How the site writes relref paths: `blog/x`, `/blog/x`, `blog/x.md`, `/blog/x/index.md`."""

    leading_slash: bool = False
    extension: bool = False

    def path_for(self, page: PageInfo) -> str:
        if page.kind == "home":
            return "/"
        path = page.logical
        if self.extension:  # the file's own path, without its language suffix
            path = re.sub(r"\.[a-z]{2}(?:-[a-z]+)?\.(md|markdown)$", r".\1", page.content_path)
        return ("/" if self.leading_slash else "") + path


def site_ref_style(index: ContentIndex) -> RefStyle:
    """The majority style of the refs the site already has (the plain `blog/x` when it has none)."""
    slash, ext, total = Counter(), Counter(), 0
    for page in index.pages[:STYLE_SAMPLE_PAGES]:
        try:
            text = read_text(index.site.root / page.path).text  # bounded, regular files only
        except WriterError:
            continue
        for use in find_refs(text):
            target = use.target.split("#")[0]
            if not target or target.startswith("."):
                continue
            total += 1
            slash[target.startswith("/")] += 1
            ext[target.endswith((".md", ".markdown"))] += 1
    if not total:
        return RefStyle()
    return RefStyle(leading_slash=slash[True] > slash[False], extension=ext[True] > ext[False])


def fuzzy_score(query: str, text: str) -> int | None:
    """A score when every character of `query` appears in order in `text` (higher is better)."""
    query, text = query.lower().strip(), text.lower()
    if not query:
        return 0
    if query in text:
        return 1000 - text.index(query) + (200 if text.startswith(query) else 0)
    score, position, previous = 0, 0, -2
    for char in query:
        if char == " ":
            continue
        found = text.find(char, position)
        if found < 0:
            return None
        score += 10 if found == previous + 1 else 1
        if found == 0 or not text[found - 1].isalnum():
            score += 5
        previous, position = found, found + 1
    return score


def pick_pages(index: ContentIndex, query: str, current: PageInfo | None, limit: int = 200) -> list[PageInfo]:
    """Pages matching `query` by title, section or path; the current page's language first."""
    lang = current.lang if current else index.site.default_language
    scored = []
    for page in index.pages:
        if current is not None and page.path == current.path:
            continue
        score = fuzzy_score(query, f"{page.title} {page.logical} {page.path}")
        if score is not None:
            scored.append((page.lang != lang, -score, page.title.lower(), page.path, page))
    scored.sort(key=lambda row: row[:4])
    return [row[-1] for row in scored[:limit]]


def heading_anchors(index: ContentIndex, page: PageInfo, renderer: Renderer) -> list[tuple[int, str, str]]:
    """(level, text, id) of the headings of a page, with the ids its preview (and Hugo) give."""
    try:
        body = Page.load(index.site.root / page.path).body
    except WriterError:
        return []
    rendered = renderer.render(body)
    return [
        (int(level), html.unescape(_TAG.sub("", inner)).strip(), ident)
        for level, ident, inner in _HEADING.findall(rendered)
    ]


def relref_markdown(text: str, path: str, anchor: str = "", lang: str | None = None) -> str:
    """`[text]({{< relref "path#anchor" >}})`; `lang` for a page in another language."""
    target = path + (f"#{anchor}" if anchor else "")
    label = text.replace("[", "\\[").replace("]", "\\]")
    if lang:
        return f'[{label}]({{{{< relref path="{target}" lang="{lang}" >}}}})'
    return f'[{label}]({{{{< relref "{target}" >}}}})'
