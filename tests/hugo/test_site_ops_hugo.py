"""After each accepted odd target of `writer move`, `new` and `translate`, the real Hugo builds the
site, publishes the page at the permalink `writer pages` reports, and finds every ref."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hugo_build import SAMPLE, build

from writer.cli import main


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


def writer_permalinks(root: Path, capsys) -> dict[str, str]:
    capsys.readouterr()
    assert main(["pages", str(root), "--json"]) == 0
    return {p["path"]: p["permalink"] for p in json.loads(capsys.readouterr().out)["pages"]}


def assert_hugo_agrees(root: Path, tmp_path: Path, capsys, expected: dict[str, str]) -> None:
    ours = writer_permalinks(root, capsys)
    result = build(root, tmp_path / "build")
    assert result.missing_refs == [], result.output
    assert "ERROR" not in result.output, result.output
    for path, permalink in expected.items():
        assert ours[path] == permalink, path
        assert result.pages[path].permalink == permalink, (path, result.pages[path].permalink)
    assert {p: ours[p] for p in result.pages} == {p: v.permalink for p, v in result.pages.items()}


@pytest.mark.parametrize(
    "target,files,permalinks",
    [
        ("team.md", ("content/team.de.md", "content/team.en.md"), ("/team/", "/en/team/")),
        ("content/team", ("content/team.de.md", "content/team.en.md"), ("/team/", "/en/team/")),
        ("/blog/team/index.md", ("content/blog/team.de.md", "content/blog/team.en.md"),
         ("/blog/team/", "/en/blog/team/")),
        ("BLOG/Über uns", ("content/blog/Über uns.de.md", "content/blog/Über uns.en.md"),
         ("/blog/%C3%BCber-uns/", "/en/blog/%C3%BCber-uns/")),
        ("loesungen/wer-wir-sind!", ("content/loesungen/wer-wir-sind!.de.md",
                                     "content/loesungen/wer-wir-sind!.en.md"),
         ("/loesungen/wer-wir-sind/", "/en/loesungen/wer-wir-sind/")),
    ],
)
def test_moved_page_is_published_where_writer_says(sample, tmp_path, capsys, target, files, permalinks) -> None:
    assert main(["move", str(sample / "content/about.de.md"), target]) == 0
    assert_hugo_agrees(sample, tmp_path, capsys, dict(zip(files, permalinks, strict=True)))


def test_moved_bundle_given_with_the_content_prefix(sample, tmp_path, capsys) -> None:
    old = sample / "content/blog/gemeinsam-schreiben/index.de.md"
    assert main(["move", str(old), "content/loesungen/gemeinsam-schreiben.md"]) == 0
    assert_hugo_agrees(sample, tmp_path, capsys, {
        "content/loesungen/gemeinsam-schreiben/index.de.md": "/loesungen/gemeinsam-schreiben/",
        "content/loesungen/gemeinsam-schreiben/index.en.md": "/en/loesungen/gemeinsam-schreiben/",
    })
    old = sample / "content/blog/remote-teams/index.de.md"  # its url is in front matter: it stays
    assert main(["move", str(old), "/loesungen/remote-teams/"]) == 0
    assert_hugo_agrees(sample, tmp_path, capsys, {
        "content/loesungen/remote-teams/index.de.md": "/remote-teams-gut-fuehren/",
    })


def test_new_page_and_translation_from_odd_input(sample, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(sample)
    capsys.readouterr()
    assert main(["new", "content/blog", "C# lernen: 100% sicher"]) == 0
    assert main(["new", "content\\loesungen", "Con"]) == 0
    created = capsys.readouterr().out.split()
    assert created == ["content/blog/c-lernen-100-sicher/index.de.md", "content/loesungen/con-2/index.de.md"]
    assert main(["translate", created[0], "--to", "FR"]) == 0
    assert capsys.readouterr().out.split() == ["content/blog/c-lernen-100-sicher/index.fr.md"]
    assert_hugo_agrees(sample, tmp_path, capsys, {
        "content/blog/c-lernen-100-sicher/index.de.md": "/blog/c-lernen-100-sicher/",
        "content/blog/c-lernen-100-sicher/index.fr.md": "/fr/blog/c-lernen-100-sicher/",
        "content/loesungen/con-2/index.de.md": "/loesungen/con-2/",
    })


def test_moved_pages_old_urls_redirect_and_fixed_urls_keep_their_page(sample, tmp_path, capsys) -> None:
    """With aliases in use, the moved page's old URL is a redirect Hugo writes; a page with a fixed
    `url:` gets no alias (it would name the page itself) and Hugo still publishes it there."""
    from writer.core.document import Page

    other = Page.load(sample / "content/loesungen/redaktionen.de.md")
    other.set("aliases", ["/redaktion/"])
    other.save()
    assert main(["move", str(sample / "content/blog/gemeinsam-schreiben"), "loesungen/gemeinsam-schreiben"]) == 0
    assert main(["move", str(sample / "content/blog/remote-teams"), "loesungen/remote-teams"]) == 0
    for lang in ("de", "en", "fr"):
        assert Page.load(sample / f"content/loesungen/remote-teams/index.{lang}.md").get("aliases") is None
    result = build(sample, tmp_path / "build")
    assert "ERROR" not in result.output, result.output
    redirect = (result.root / "public/blog/gemeinsam-schreiben/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in redirect and "/loesungen/gemeinsam-schreiben/" in redirect
    assert result.pages["content/loesungen/remote-teams/index.de.md"].permalink == "/remote-teams-gut-fuehren/"
    kept = (result.root / "public/remote-teams-gut-fuehren/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in kept


def test_new_page_slug_follows_the_sites_ascii_style(sample, tmp_path, capsys) -> None:
    """The sample site writes `fuehren` in its urls: a new German page with `für` in its title is
    published at a plain ASCII URL, not at Hugo's `%C3%BC` spelling."""
    capsys.readouterr()
    assert main(["new", str(sample / "content/blog"), "Neue Preise für Teams 2026"]) == 0
    created = capsys.readouterr().out.strip()
    assert created == "content/blog/neue-preise-fuer-teams-2026/index.de.md"
    assert_hugo_agrees(sample, tmp_path, capsys, {created: "/blog/neue-preise-fuer-teams-2026/"})
