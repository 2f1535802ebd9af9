"""Translated copies: where they go, url prefixes, drafts, lastmod, and never overwriting."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from writer.cli import main
from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site
from writer.core.hugo.translate import plan_translation, rewrite_url, translation_status

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"
SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


@pytest.fixture()
def folders(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURES / "folders-repo" / "src", tmp_path / "folders"))


def index_of(root: Path) -> ContentIndex:
    return ContentIndex.build(Site.open(root))


@pytest.mark.parametrize(
    "url,src,dst,expected",
    [
        ("/en/leading-remote-teams", "en", "fr", "/fr/leading-remote-teams"),
        ("/remote-teams-gut-fuehren", "de", "fr", "/fr/remote-teams-gut-fuehren"),
        ("/fr/diriger", "fr", "de", "/diriger"),
        ("en/relative", "en", "fr", "fr/relative"),
        ("plain-relative", "en", "fr", "plain-relative"),
    ],
)
def test_url_prefix_rewriting(sample, url, src, dst, expected) -> None:
    assert rewrite_url(url, src, dst, index_of(sample)) == expected


def test_copy_by_file_name_with_url_draft_and_lastmod(sample, capsys) -> None:
    source = sample / "content" / "blog" / "gemeinsam-schreiben" / "index.de.md"
    assert main(["translate", str(source), "--to", "fr", "--draft"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == "content/blog/gemeinsam-schreiben/index.fr.md"
    copy = (sample / out).read_text(encoding="utf-8")
    original = source.read_text(encoding="utf-8")
    assert copy.split("---", 2)[2] == original.split("---", 2)[2]  # the body, for translating
    from writer.core.document import Page

    page = Page.load(sample / out)
    assert page.get("draft") is True
    assert page.get("lastmod") == dt.date.today().isoformat()  # quoted like the source's
    index = index_of(sample)
    info = index.get("content/blog/gemeinsam-schreiben/index.de.md")
    assert index.translations(info)["fr"].path == out


def test_copy_into_the_language_folder(folders) -> None:
    index = index_of(folders)
    source = index.get("content/english/only-english.md")
    plan = plan_translation(index, source, "de", today=dt.date(2026, 1, 2))
    assert plan.target == folders / "content" / "deutsch" / "only-english.md"
    assert b"lastmod: 2026-01-02\n" in plan.text_bytes


def test_never_overwrites_and_rejects_unknown_languages(sample, capsys) -> None:
    source = sample / "content" / "blog" / "remote-teams" / "index.de.md"
    before = {p: p.read_bytes() for p in (sample / "content").rglob("*.md")}
    assert main(["translate", str(source), "--to", "fr"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["translate", str(source), "--to", "xx"]) == 2
    assert "not a language" in capsys.readouterr().err
    index = index_of(sample)
    with pytest.raises(WriterError):
        plan_translation(index, index.get("content/blog/remote-teams/index.de.md"), "de")
    assert {p: p.read_bytes() for p in (sample / "content").rglob("*.md")} == before


def test_status_lists_missing_and_outdated(sample) -> None:
    status = {s.source.path: s for s in translation_status(index_of(sample))}
    writing = status["content/blog/gemeinsam-schreiben/index.de.md"]
    assert writing.missing == ("fr",)
    page = sample / "content" / "blog" / "remote-teams" / "index.de.md"
    from writer.core.document import Page

    doc = Page.load(page)
    doc.set("lastmod", dt.date(2099, 1, 1))
    doc.save()
    status = {s.source.path: s for s in translation_status(index_of(sample))}
    outdated = {p.lang for p in status["content/blog/remote-teams/index.de.md"].outdated}
    assert outdated == {"en", "fr"}
