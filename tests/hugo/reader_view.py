"""What a reader sees in a page's HTML: block texts, heading ids, links, image alts, footnotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "figcaption", "pre",
          "blockquote"}
VOID = {"img", "br", "hr", "input", "meta", "link", "source", "col", "wbr"}


@dataclass
class ReaderView:
    blocks: list[str] = field(default_factory=list)
    heading_ids: list[tuple[str, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    image_alts: list[str] = field(default_factory=list)
    footnote_ids: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, drop_classes: set[str], drop_tags_with_class: set[tuple[str, str]]) -> None:
        super().__init__(convert_charrefs=True)
        self.view = ReaderView()
        self.drop_classes = drop_classes
        self.drop_tags = drop_tags_with_class
        self.stack: list[tuple[str, bool]] = []  # tag, dropped
        self.texts: list[list[str]] = []  # open block texts

    def _dropping(self) -> bool:
        return any(dropped for _, dropped in self.stack)

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        dropped = bool(classes & self.drop_classes) or any((tag, c) in self.drop_tags for c in classes)
        if tag not in VOID:
            self.stack.append((tag, dropped))
        if self._dropping() or dropped:
            return
        if tag in BLOCKS:
            self.texts.append([])
        if re.fullmatch(r"h[1-6]", tag) and attributes.get("id"):
            self.view.heading_ids.append((tag, attributes["id"]))
        if tag == "a" and "href" in attributes:
            href = attributes["href"] or ""
            self.view.links.append("" if "writer-broken" in classes else href)
        if tag == "img":
            self.view.image_alts.append(attributes.get("alt") or "")
        element_id = attributes.get("id") or ""
        if element_id.startswith(("fn:", "fnref:")):
            self.view.footnote_ids.append(element_id)

    def handle_endtag(self, tag) -> None:
        if tag in VOID:
            return
        while self.stack:
            open_tag, dropped = self.stack.pop()
            if not dropped and not self._dropping() and open_tag in BLOCKS and self.texts:
                text = " ".join("".join(self.texts.pop()).split())
                if text:
                    self.view.blocks.append(f"{open_tag}: {text}")
            if open_tag == tag:
                break

    def handle_data(self, data) -> None:
        if not self._dropping():
            for text in self.texts:
                text.append(data)


def reader_view(html: str, *, writer: bool) -> ReaderView:
    """Writer's own markers and a site shortcode's own output are left out on each side."""
    if writer:
        parser = _Reader({"writer-shortcode", "writer-embed", "writer-broken-ref", "writer-missing-label"}, set())
    else:
        parser = _Reader(set(), {("aside", "callout")})
    parser.feed(html)
    parser.close()
    return parser.view
