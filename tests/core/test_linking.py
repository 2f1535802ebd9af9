"""The link picker's core: fuzzy matching, the site's relref style, anchors; every link resolves."""

from __future__ import annotations

from pathlib import Path

from writer.core.hugo.index import ContentIndex
from writer.core.hugo.linking import (
    RefStyle,
    fuzzy_score,
    heading_anchors,
    pick_pages,
    relref_markdown,
    site_ref_style,
)
from writer.core.hugo.refs import RefResolver
from writer.core.hugo.site import Site
from writer.core.render import Renderer

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"
SUFFIX = Path(__file__).parent.parent / "fixtures" / "sites" / "suffix"


def test_fuzzy_score_orders_by_closeness() -> None:
    assert fuzzy_score("remote", "Remote-Teams gut führen") > fuzzy_score("rmt", "Remote-Teams")
    assert fuzzy_score("rmt", "Remote-Teams") is not None
    assert fuzzy_score("xyz", "Remote-Teams") is None
    assert fuzzy_score("", "anything") == 0


def test_picker_puts_the_current_language_first() -> None:
    index = ContentIndex.build(Site.open(SAMPLE))
    current = index.get("content/blog/gemeinsam-schreiben/index.en.md")
    found = pick_pages(index, "remote", current)
    assert found[0].lang == "en" and "remote-teams" in found[0].path
    assert {p.lang for p in found} == {"de", "en", "fr"}
    assert current not in pick_pages(index, "", current)


def test_style_follows_the_site_and_every_picked_path_resolves() -> None:
    for root in (SAMPLE, SUFFIX):
        index = ContentIndex.build(Site.open(root))
        style = site_ref_style(index)
        resolver = RefResolver(index)
        for page in index.pages:
            path = style.path_for(page)
            found = resolver.resolve(path, page)  # from the page itself, in its language
            assert found is not None and found.page.path == page.path, (root.name, path)


def test_style_variants() -> None:
    index = ContentIndex.build(Site.open(SAMPLE))
    page = index.get("content/blog/remote-teams/index.de.md")
    assert RefStyle().path_for(page) == "blog/remote-teams"
    assert RefStyle(True, True).path_for(page) == "/blog/remote-teams/index.md"
    assert RefStyle(False, True).path_for(index.get("content/about.de.md")) == "about.md"


def test_anchors_are_the_preview_heading_ids() -> None:
    index = ContentIndex.build(Site.open(SAMPLE))
    anchors = heading_anchors(index, index.get("content/blog/remote-teams/index.de.md"), Renderer())
    assert (3, "Zeitzonen respektieren", "zeitzonen-respektieren") in anchors


def test_markdown_of_a_link() -> None:
    assert relref_markdown("Teams [neu]", "blog/x", "teil-2") == (
        '[Teams \\[neu\\]]({{< relref "blog/x#teil-2" >}})'
    )
