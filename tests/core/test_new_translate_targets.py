"""`writer new` and `writer translate` with bad sections, titles and languages: exit 2, one line on
stderr, the site byte-identical; and new files get the permission bits of their sibling pages."""

from __future__ import annotations

import os
import stat
import sys

import pytest
from site_files import refused

from writer.cli import main
from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.newpage import plan_new_page, slug_for
from writer.core.hugo.site import Site
from writer.core.hugo.translate import plan_translations

PAGE = "content/blog/gemeinsam-schreiben/index.de.md"  # has de and en, no fr





@pytest.mark.parametrize(
    "section,title,message",
    [
        ("content/newz", "Hallo", "no section 'newz' in the content folder"),
        ("content/blgo", "Hallo", "no section 'blgo' in the content folder (did you mean blog?)"),
        ("blgo", "Hallo", "(did you mean blog?)"),
        ("loesungn", "Hallo", "(did you mean loesungen?)"),
        ("blog/2026", "Hallo", "no section 'blog/2026'"),
        ("content/blog/remote-teams", "Hallo", "inside the page bundle 'blog/remote-teams'"),
        ("blog/remote-teams", "Hallo", "inside the page bundle 'blog/remote-teams'"),
        ("content/../../x", "Hallo", "'..' is not allowed"),
        ("", "Hallo", "no section given"),
        ("blog", "", "a new page needs a title"),
        ("blog", "   ", "a new page needs a title"),
        ("/nowhere/at/all", "Hallo", "no such folder"),
    ],
)
def test_new_refuses_bad_sections_and_titles(sample, capsys, monkeypatch, section, title, message) -> None:
    monkeypatch.chdir(sample)
    assert message in refused(capsys, sample, "new", section, title)


def test_new_outside_the_content_folder(sample, capsys, monkeypatch) -> None:
    monkeypatch.chdir(sample)
    assert "not a folder inside the site's content" in refused(capsys, sample, "new", "layouts", "Hallo")


@pytest.mark.parametrize("section", ["blog", "content/blog", "./content/blog/", "content\\blog"])
def test_new_takes_a_section_from_the_content_or_the_site_root_never_doubled(sample, capsys, monkeypatch,
                                                                               section) -> None:
    monkeypatch.chdir(sample)
    capsys.readouterr()
    assert main(["new", section, "Hallo Welt"]) == 0
    assert capsys.readouterr().out.strip() == "content/blog/hallo-welt/index.de.md"
    assert not (sample / "content/content").exists()


def test_new_inside_the_content_folder_takes_names_from_there(sample, capsys, monkeypatch) -> None:
    monkeypatch.chdir(sample / "content")
    capsys.readouterr()
    assert main(["new", "blog", "Hallo Welt"]) == 0
    assert main(["new", "content/blog", "Hallo Welt"]) == 0  # no content/content/blog either
    out = capsys.readouterr().out.split()
    assert out == ["content/blog/hallo-welt/index.de.md", "content/blog/hallo-welt-2/index.de.md"]


def test_title_slugs_avoid_windows_names_existing_pages_and_anchors(sample) -> None:
    index = ContentIndex.build(Site.open(sample))
    assert plan_new_page(index, "blog", "Con").target.parent.name == "con-2"
    assert plan_new_page(index, "loesungen", "Redaktionen").target.parent.name == "redaktionen-2"
    assert plan_new_page(index, "blog", "Remote Teams").target.parent.name == "remote-teams-2"
    assert slug_for("C# lernen") == "c-lernen" and slug_for("100% sicher") == "100-sicher"
    assert slug_for("a\\b") == "a-b"


@pytest.mark.parametrize(
    "slug,message",
    [("con", "reserved device name"), ("a:b", "Windows does not allow"), ("x.", "ends with a dot"),
     (".x", "starts with a dot"), ("a/b", "makes a folder"), ("Remote-Teams", "already exists"),
     ("redaktionen", "already exists"), ("a#b", "anchor")],
)
def test_explicit_slugs_are_checked(sample, slug, message) -> None:
    index = ContentIndex.build(Site.open(sample))
    section = "loesungen" if slug == "redaktionen" else "blog"
    with pytest.raises(WriterError, match=message):
        plan_new_page(index, section, "Titel", slug=slug)


@pytest.mark.parametrize(
    "to,message",
    [
        ("", "no language given"),
        (" ", "no language given"),
        (",", "no language given"),
        ("fr,fr", "'fr' is named twice"),
        ("FR,fr", "'fr' is named twice"),
        ("fr,", "an empty language"),
        ("xx", "'xx' is not a language of this site (de, en, fr)"),
        ("fr,xx", "'xx' is not a language"),
        ("de", "the page is already in 'de'"),
        ("fr,de", "the page is already in 'de'"),
        ("en", "the 'en' translation already exists: content/blog/gemeinsam-schreiben/index.en.md"),
        ("fr,en", "the 'en' translation already exists"),
    ],
)
def test_translate_refuses_before_writing_anything(sample, capsys, to, message) -> None:
    assert message in refused(capsys, sample, "translate", str(sample / PAGE), "--to", to)


def test_two_languages_that_would_share_one_file(sample) -> None:
    """A site where two languages read one content folder without suffixes cannot take both copies."""
    (sample / "hugo.toml").write_text(
        'defaultContentLanguage = "de"\n[languages.de]\nweight = 1\ncontentDir = "content"\n'
        '[languages.en]\nweight = 2\ncontentDir = "english"\n[languages.fr]\nweight = 3\ncontentDir = "english"\n',
        encoding="utf-8")
    index = ContentIndex.build(Site.open(sample))
    source = index.get("content/blog/notizen-aufraeumen/index.de.md")
    with pytest.raises(WriterError, match="would both be english/blog/notizen-aufraeumen/index.md"):
        plan_translations(index, source, ["en", "fr"])


def test_translate_writes_each_language_once(sample, capsys) -> None:
    capsys.readouterr()
    assert main(["translate", str(sample / "content/about.de.md"), "--to", "FR"]) == 0
    assert capsys.readouterr().out.split() == ["content/about.fr.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_new_pages_and_translations_get_their_siblings_permissions(sample, capsys, monkeypatch) -> None:
    """Depends on textio.create_file/atomic_write giving a new file its siblings' mode (the lead's fix);
    tempfile.mkstemp alone makes it 0600, which a web server or a second user cannot read."""
    for page in (sample / "content").rglob("*.md"):
        page.chmod(0o664)
    monkeypatch.chdir(sample)
    old_umask = os.umask(0o022)
    try:
        capsys.readouterr()
        assert main(["new", "blog", "Rechte"]) == 0
        assert main(["translate", str(sample / PAGE), "--to", "fr"]) == 0
    finally:
        os.umask(old_umask)
    created = capsys.readouterr().out.split()
    assert created == ["content/blog/rechte/index.de.md", "content/blog/gemeinsam-schreiben/index.fr.md"]
    for rel in created:
        assert stat.S_IMODE((sample / rel).stat().st_mode) == 0o664, rel
