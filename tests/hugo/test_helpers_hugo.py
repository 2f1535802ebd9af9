"""The writer's helpers judged by Hugo: translated copies appear in .Translations."""

from __future__ import annotations

import shutil

import pytest
from hugo_build import FIXTURES, SAMPLE, build

from writer.cli import main

CASES = {
    "file-name": (SAMPLE, "content/blog/gemeinsam-schreiben/index.de.md", "fr"),
    "folders": (FIXTURES / "folders-repo" / "src", "content/english/only-english.md", "de"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_translated_copy_is_among_hugos_translations(case, tmp_path, capsys) -> None:
    source_site, page, lang = CASES[case]
    site = shutil.copytree(source_site, tmp_path / "site")
    capsys.readouterr()
    assert main(["translate", str(site / page), "--to", lang, "--draft"]) == 0
    created = capsys.readouterr().out.strip()
    result = build(site, tmp_path / "build")
    assert result.pages[page].translations.get(lang) == created, result.output
    assert result.pages[created].translations.get(result.pages[page].lang) == page


def test_every_link_the_picker_inserts_resolves_in_hugo(tmp_path) -> None:
    from writer.core.hugo.index import ContentIndex
    from writer.core.hugo.linking import heading_anchors, relref_markdown, site_ref_style
    from writer.core.hugo.site import Site
    from writer.core.render import Renderer

    site = shutil.copytree(SAMPLE, tmp_path / "site")
    index = ContentIndex.build(Site.open(site))
    style = site_ref_style(index)
    lines, expected = [], []
    for page in index.pages:
        lang = None if page.lang == "de" else page.lang
        anchors = heading_anchors(index, page, Renderer())
        anchor = anchors[0][2] if anchors else ""
        lines.append(relref_markdown(page.title or page.path, style.path_for(page), anchor, lang))
        expected.append(page.permalink + (f"#{anchor}" if anchor else ""))
    links = site / "content" / "blog" / "verweise"
    links.mkdir()
    (links / "index.de.md").write_text("---\ntitle: Verweise\n---\n\n" + "\n\n".join(lines) + "\n",
                                       encoding="utf-8")
    result = build(site, tmp_path / "build")
    assert result.missing_refs == [], result.output
    import re

    hrefs = re.findall(r'href="([^"]*)"', result.pages["content/blog/verweise/index.de.md"].content)
    assert hrefs == expected


def test_a_page_made_by_writer_new_builds(tmp_path, capsys) -> None:
    site = shutil.copytree(SAMPLE, tmp_path / "site")
    capsys.readouterr()
    assert main(["new", str(site / "content" / "blog"), "Ein neuer Beitrag", "--lang", "de"]) == 0
    created = capsys.readouterr().out.strip()
    result = build(site, tmp_path / "build")
    assert created in result.pages, result.output
    assert result.pages[created].permalink == "/blog/ein-neuer-beitrag/"
    assert "ERROR" not in result.output


def test_after_writer_move_hugo_finds_every_ref_and_the_old_url_redirects(tmp_path, capsys) -> None:
    from writer.core.document import Page

    site = shutil.copytree(SAMPLE, tmp_path / "site")
    about = Page.load(site / "content/about.de.md")
    about.set("aliases", ["/ueber/"])  # the site uses aliases
    about.save()
    capsys.readouterr()
    assert main(["move", str(site / "content/blog/gemeinsam-schreiben/index.de.md"), "blog/zusammen-schreiben"]) == 0
    result = build(site, tmp_path / "build")
    assert result.missing_refs == [] and "REF_NOT_FOUND" not in result.output, result.output
    assert result.pages["content/blog/zusammen-schreiben/index.de.md"].permalink == "/blog/zusammen-schreiben/"
    redirect = (result.root / "public" / "blog" / "gemeinsam-schreiben" / "index.html").read_text(encoding="utf-8")
    assert "/blog/zusammen-schreiben/" in redirect and 'http-equiv="refresh"' in redirect
    english = (result.root / "public" / "en" / "blog" / "gemeinsam-schreiben" / "index.html").read_text(encoding="utf-8")
    assert "/en/blog/zusammen-schreiben/" in english
