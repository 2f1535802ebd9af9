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


def test_new_page_without_archetype_writes_no_empty_fields_the_form_offers_them(sample) -> None:
    from writer.core.hugo.fields import sibling_fields

    index = ContentIndex.build(Site.open(sample))
    plan = plan_new_page(index, "blog", "Ohne Vorlage", "en", now=NOW)
    assert plan.target == sample / "content/blog/ohne-vorlage/index.en.md"
    page = Page(plan.text)
    assert page.error is None and page.get("title") == "Ohne Vorlage" and page.get("draft") is True
    assert set(page.fields) == {"title", "date", "draft"}  # no empty `author:` or `seo:` lines
    sibling = index.get("content/blog/remote-teams/index.en.md")
    assert "seo.title" in sibling_fields(index, sibling)  # what the form offers a page of the section


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


# -- slugs in the site's own style (issue 15, point 7) ------------------------------------------

def _site(root: Path, pages: dict[str, str], config: str = 'defaultContentLanguage = "de"\n') -> Path:
    root.mkdir()
    (root / "hugo.toml").write_text(config, encoding="utf-8")
    for rel, title in pages.items():
        file = root / "content" / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"---\ntitle: '{title}'\n---\n", encoding="utf-8")
    (root / "content/blog").mkdir(parents=True, exist_ok=True)
    return root


def test_ascii_slugs_transliterate_like_image_names() -> None:
    from writer.core.hugo.images import safe_image_name
    from writer.core.hugo.newpage import ASCII, transliterate

    assert slug_for("Neue Preise für Teams 2026", ASCII) == "neue-preise-fuer-teams-2026"
    assert slug_for("Größer, schneller: Übermorgen!", ASCII) == "groesser-schneller-uebermorgen"
    assert slug_for("Équipe à distance, cœur", ASCII) == "equipe-a-distance-coeur"
    assert transliterate("Привет Straße") == "Привет Strasse"  # other scripts have no ASCII spelling
    for title in ("Neue Preise für Teams", "Öffnungszeiten im März", "Straße", "Café crème", "Åre og ødegaard"):
        assert slug_for(title, ASCII) == safe_image_name(title + ".png")[:-4], title


def test_the_sample_site_writes_fuer_so_new_pages_do(sample, capsys) -> None:
    """The seed's url is `remote-teams-gut-fuehren` for a title with `führen`."""
    capsys.readouterr()
    assert main(["new", str(sample / "content/blog"), "Neue Preise für Teams 2026"]) == 0
    assert capsys.readouterr().out.strip() == "content/blog/neue-preise-fuer-teams-2026/index.de.md"
    assert main(["new", str(sample / "content/blog"), "Équipes à distance", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.strip() == "content/blog/equipes-a-distance/index.fr.md"


def test_a_site_with_non_ascii_names_keeps_hugos_default(tmp_path) -> None:
    from writer.core.hugo.newpage import HUGO, slug_style

    root = _site(tmp_path / "s", {"blog/über-uns.md": "Über uns", "blog/grüße/index.md": "Grüße",
                                  "blog/ankündigung.md": "Ankündigung", "blog/plan.md": "Plan"})
    index = ContentIndex.build(Site.open(root))
    assert slug_style(index, "de") == HUGO
    plan = plan_new_page(index, "blog", "Neue Preise für Teams", "de", now=NOW)
    assert plan.target == root / "content/blog/neue-preise-für-teams/index.md"


def test_the_style_is_read_per_language(tmp_path) -> None:
    from writer.core.hugo.newpage import ASCII, HUGO, slug_style

    config = ('defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n[languages.fr]\nweight = 2\n')
    root = _site(tmp_path / "s", {"blog/ueber-uns.de.md": "Über uns", "blog/preise.de.md": "Preise",
                                  "blog/équipe.fr.md": "Équipe", "blog/été.fr.md": "Été"}, config)
    index = ContentIndex.build(Site.open(root))
    assert (slug_style(index, "de"), slug_style(index, "fr")) == (ASCII, HUGO)
    assert plan_new_page(index, "blog", "Große Pläne", "de", now=NOW).target.parent.name == "grosse-plaene"
    assert plan_new_page(index, "blog", "Fête d'été", "fr", now=NOW).target.parent.name == "fête-dété"


def test_the_style_follows_url_and_slug_fields(tmp_path) -> None:
    from writer.core.hugo.newpage import ASCII, HUGO, slug_style

    root = _site(tmp_path / "s", {"blog/a.md": "Über uns", "blog/b.md": "Für Teams"})
    (root / "content/blog/a.md").write_text("---\ntitle: Über uns\nurl: /über-uns/\n---\n", encoding="utf-8")
    (root / "content/blog/b.md").write_text("---\ntitle: Für Teams\nslug: für-teams\n---\n", encoding="utf-8")
    assert slug_style(ContentIndex.build(Site.open(root)), "de") == HUGO
    (root / "content/blog/a.md").write_text("---\ntitle: Über uns\nurl: /ueber-uns/\n---\n", encoding="utf-8")
    (root / "content/blog/b.md").write_text("---\ntitle: Für Teams\nslug: fuer-teams\n---\n", encoding="utf-8")
    assert slug_style(ContentIndex.build(Site.open(root)), "de") == ASCII


def test_ascii_names_mean_ascii_and_an_empty_site_means_hugos_default(tmp_path) -> None:
    from writer.core.hugo.newpage import ASCII, HUGO, slug_style

    english = _site(tmp_path / "en", {"blog/hello.md": "Hello", "about.md": "About"}, "")
    assert slug_style(ContentIndex.build(Site.open(english)), "en") == ASCII
    empty = _site(tmp_path / "empty", {}, "")
    assert slug_style(ContentIndex.build(Site.open(empty)), "en") == HUGO
