from __future__ import annotations

from pathlib import Path

from writer.core.hugo.fields import flatten, sibling_fields, site_values
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site
from writer.core.textstats import text_stats

SUFFIX = Path(__file__).parent.parent / "fixtures" / "sites" / "suffix"


def test_flatten_walks_maps() -> None:
    assert flatten({"a": 1, "seo": {"title": None, "x": {"y": [1]}}}) == {
        "a": 1, "seo.title": None, "seo.x.y": [1],
    }


def test_sibling_fields_offer_what_the_section_uses(tmp_path) -> None:
    (tmp_path / "hugo.toml").write_text("")
    blog = tmp_path / "content" / "blog"
    blog.mkdir(parents=True)
    (blog / "a.md").write_text("---\ntitle: A\nseo:\n  title: S\ntags: [x, y]\n---\n")
    (blog / "b.md").write_text("---\ntitle: B\ntags: [y]\n---\n")
    (tmp_path / "content" / "other.md").write_text("---\nweight: 3\n---\n")
    index = ContentIndex.build(Site.open(tmp_path))
    new = index.get("content/blog/b.md")
    assert sibling_fields(index, new) == {"title": "A", "seo.title": "S", "tags": ["x", "y"]}
    assert site_values(index)["tags"] == ["y", "x"]


def test_text_stats_counts_prose_not_markup() -> None:
    body = (
        "## Heading here\n\nL'équipe d'été works [well](https://example.org/a-b-c).\n"
        '{{< relref "x/y/z" >}} <span class="a b">two words</span>\n'
    )
    stats = text_stats(body)
    assert stats.words == 8
    assert stats.characters == len(body)
    assert stats.minutes == 1
    assert text_stats("").minutes == 0
    assert text_stats("word " * 401).minutes == 3
