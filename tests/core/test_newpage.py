"""New pages: slugs, archetype expressions, the site's file style, collisions."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from writer.cli import main
from writer.core.document import Page
from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.newpage import expand_archetype, plan_new_page, slug_for
from writer.core.hugo.site import Site

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"
FOLDERS = Path(__file__).parent.parent / "fixtures" / "sites" / "folders-repo" / "src"
NOW = dt.datetime(2026, 11, 29, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


def test_slugs() -> None:
    assert slug_for("Größer, schneller: Notizen 2026!") == "größer-schneller-notizen-2026"
    assert slug_for("  ") == "page"


def test_archetype_expressions() -> None:
    template = (
        '---\ntitle: "{{ replace .File.ContentBaseName "-" " " | title }}"\ndate: {{ .Date }}\n'
        "slug: {{ .Name }}\nauthor: {{ .Site.Params.author }}\nweird: {{ now.Year }}\n---\n"
    )
    text, warnings = expand_archetype(template, name="neue-idee", title="", date=NOW.isoformat(),
                                      params={"author": "Sam"})
    assert 'title: "Neue Idee"' in text and "date: 2026-11-29T10:30:00+01:00" in text
    assert "slug: neue-idee" in text and "author: Sam" in text
    assert "weird: {{ now.Year }}" in text and warnings == ["left as written: {{ now.Year }}"]


def test_new_page_from_the_archetype_in_the_sites_style(sample) -> None:
    (sample / "archetypes").mkdir()
    (sample / "archetypes" / "blog.md").write_text(
        "---\ntitle: '{{ replace .Name \"-\" \" \" | title }}'\ndate: {{ .Date }}\ndraft: true\n"
        "seo:\n    title:\n---\n", encoding="utf-8")
    index = ContentIndex.build(Site.open(sample))
    plan = plan_new_page(index, "blog", "Schreiben im Winter", "de", now=NOW)
    assert plan.target == sample / "content/blog/schreiben-im-winter/index.de.md"
    page = Page(plan.text)
    # the title the writer typed, not one rebuilt from the slug
    assert page.get("title") == "Schreiben im Winter" and page.get("draft") is True
    assert page.get("date") == NOW


def test_new_page_without_archetype_uses_the_sections_fields(sample) -> None:
    index = ContentIndex.build(Site.open(sample))
    plan = plan_new_page(index, "blog", "Ohne Vorlage", "en", now=NOW)
    assert plan.target == sample / "content/blog/ohne-vorlage/index.en.md"
    page = Page(plan.text)
    assert page.error is None and page.get("title") == "Ohne Vorlage" and page.get("draft") is True
    assert "seo" in page.fields and "title" in page.fields["seo"]


def test_folder_site_and_collisions(tmp_path, capsys) -> None:
    site = Path(shutil.copytree(FOLDERS, tmp_path / "f"))
    index = ContentIndex.build(Site.open(site))
    plan = plan_new_page(index, "blog", "First post", "de", now=NOW)
    # english/blog/first-post exists: a German first-post would silently become its translation
    assert plan.target == site / "content/deutsch/blog/first-post-2/index.md"
    again = plan_new_page(index, "blog", "First Post", "en", now=NOW)  # the title's slug is taken
    assert again.target == site / "content/english/blog/first-post-2/index.md"
    with pytest.raises(WriterError, match="already exists"):
        plan_new_page(index, "blog", "Anything", "en", slug="first-post", now=NOW)
    capsys.readouterr()
    assert main(["new", str(site / "content/english/blog"), "Noch ein Beitrag", "--lang", "en"]) == 0
    created = capsys.readouterr().out.strip()
    assert created == "content/english/blog/noch-ein-beitrag/index.md"
    assert main(["new", str(site / "content/english/blog"), "Noch ein Beitrag", "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == "content/english/blog/noch-ein-beitrag-2/index.md"
