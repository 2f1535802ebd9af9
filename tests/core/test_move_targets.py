"""`writer move` with bad targets: exit 2, one line on stderr naming the problem, the site untouched;
and the odd but usable targets (`x.md`, `content/...`, `/...`, `Blog/x`) taken the way Hugo reads them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from site_files import refused

from writer.cli import main

FOLDERS = Path(__file__).parent.parent / "fixtures" / "sites" / "folders-repo" / "src"





ABOUT = "content/about.de.md"
BUNDLE = "content/blog/remote-teams/index.de.md"


@pytest.mark.parametrize(
    "page,target,message",
    [
        (ABOUT, ".", "names the content folder itself"),
        (ABOUT, "content", "names the content folder itself"),
        (ABOUT, "", "no path given"),
        (ABOUT, "   ", "no path given"),
        (ABOUT, "blog", "already taken by content/blog/_index.de.md"),
        (ABOUT, "Blog", "already taken by content/blog/_index.de.md"),
        (ABOUT, "loesungen/redaktionen.md", "already taken by content/loesungen/redaktionen.de.md"),
        (ABOUT, "blog/Remote-Teams", "already taken by content/blog/remote-teams/index.de.md"),
        (ABOUT, "team.de", "ends in a language ('.de')"),
        (ABOUT, "team.fr.md", "ends in a language ('.fr')"),
        (ABOUT, "x.md.md", "two Markdown extensions"),
        (ABOUT, "about", "already at 'about'"),
        (ABOUT, "about.md", "already at 'about'"),
        (ABOUT, "About", "only in letter case"),
        (ABOUT, "../x", "'..' is not allowed"),
        (ABOUT, "blog/../../x", "'..' is not allowed"),
        (ABOUT, "/etc/passwd-like", "outside the site's content folder"),
        (ABOUT, "blgo/x", "no folder 'blgo' in the content folder (did you mean blog?)"),
        (ABOUT, "blog/remote-teams/x", "inside the page bundle 'blog/remote-teams'"),
        (ABOUT, "blog/a:b", "Windows does not allow"),
        (ABOUT, "blog/a?b", "Windows does not allow"),
        (ABOUT, 'blog/a"b', "Windows does not allow"),
        (ABOUT, "blog/a*b", "Windows does not allow"),
        (ABOUT, "blog/a|b", "Windows does not allow"),
        (ABOUT, "blog/a\tb", "control character"),
        (ABOUT, "blog/a#b", "anchor"),
        (ABOUT, "blog/100%", "breaks the URL"),
        (ABOUT, "blog/.hidden", "Hugo ignores"),
        (ABOUT, "CON", "reserved device name"),
        (ABOUT, "blog/nul.txt", "reserved device name"),
        (ABOUT, "blog/Com1", "reserved device name"),
        (ABOUT, "lpt9.md", "reserved device name"),
        (ABOUT, "x.", "ends with a dot"),
        (ABOUT, "blog/ x", "begins or ends with a space"),
        (ABOUT, "blog/x /y", "begins or ends with a space"),
        ("content/_index.de.md", "home", "the home page cannot move"),
        ("content/_index.en.md", "start", "the home page cannot move"),
        ("content/blog/_index.de.md", "artikel", "section page (_index) cannot move on its own"),
        ("content/loesungen/_index.fr.md", "blog/loesungen", "section page (_index) cannot move"),
        (BUNDLE, "blog/remote-teams/sub", "inside the bundle being moved"),
        (BUNDLE, "blog/remote-teams", "already at"),
        (BUNDLE, "blog/remote-teams/index.md", "already at"),
        (BUNDLE, "blog/REMOTE-teams", "only in letter case"),
        (BUNDLE, "loesungen/forschungsteams/x", "inside the page bundle"),
    ],
)
def test_bad_targets_are_refused_and_nothing_is_written(sample, capsys, page, target, message) -> None:
    err = refused(capsys, sample, "move", str(sample / page), target)
    assert message in err, err


def test_a_url_clash_is_refused(sample, capsys) -> None:
    """`a:b` is refused for Windows; `a!b` is a legal name that Hugo publishes at /ab/, like `ab`."""
    (sample / "content/blog/ab.md").write_text("---\ntitle: ab\n---\n", encoding="utf-8")
    err = refused(capsys, sample, "move", str(sample / ABOUT), "blog/a!b")
    assert "publish 'blog/a!b' at /blog/ab/, where content/blog/ab.md already is" in err


def test_absolute_target_in_another_folder_is_refused(sample, tmp_path, capsys) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert "outside the site's content folder" in refused(capsys, sample, "move", str(sample / ABOUT),
                                                          str(other / "x"))


@pytest.mark.parametrize(
    "target",
    ["team.md", "content/team", "content/team.md", "/team", "./team/", "team/index.md", "team.markdown"],
)
def test_targets_named_like_files_or_from_the_site_root(sample, capsys, target) -> None:
    capsys.readouterr()
    assert main(["move", str(sample / ABOUT), target]) == 0
    assert (sample / "content/team.de.md").is_file() and (sample / "content/team.en.md").is_file()
    assert not (sample / "content/content").exists()
    assert sorted(p.name for p in (sample / "content").glob("team*")) == ["team.de.md", "team.en.md"]


def test_absolute_path_inside_content_and_backslashes(sample, capsys) -> None:
    assert main(["move", str(sample / ABOUT), str(sample / "content" / "blog" / "ueber")]) == 0
    assert (sample / "content/blog/ueber.de.md").is_file()
    page = sample / "content/blog/ueber.de.md"
    assert main(["move", str(page), "loesungen\\ueber-uns"]) == 0
    assert (sample / "content/loesungen/ueber-uns.en.md").is_file()


def test_a_folders_letter_case_follows_the_disk(sample) -> None:
    assert main(["move", str(sample / ABOUT), "BLOG/ueber"]) == 0
    assert (sample / "content/blog/ueber.de.md").is_file()
    assert not any(p.name == "BLOG" for p in (sample / "content").iterdir())


def test_folder_site_target_with_a_language_content_dir(tmp_path, capsys) -> None:
    site = Path(shutil.copytree(FOLDERS, tmp_path / "f"))
    assert main(["move", str(site / "content/deutsch/about.md"), "content/english/blog/about"]) == 0
    assert (site / "content/deutsch/blog/about.md").is_file()
    assert not (site / "content/english/blog/content").exists()


def test_an_unrelated_page_that_is_not_utf8_does_not_block(sample, capsys) -> None:
    latin = sample / "content/loesungen/alt.de.md"
    latin.write_bytes(b'---\ntitle: "Gr\xfc\xdfe"\n---\nHallo {{< relref "blog/remote-teams" >}}\n')
    before = latin.read_bytes()
    assert main(["move", str(sample / ABOUT), "team"]) == 0
    assert latin.read_bytes() == before
    assert (sample / "content/team.de.md").is_file()


def test_a_page_that_needs_rewriting_but_is_not_utf8_is_named(sample, capsys) -> None:
    latin = sample / "content/loesungen/alt.de.md"
    latin.write_bytes(b'---\ntitle: "Gr\xfc\xdfe"\n---\nHallo {{< relref "about" >}}\n')
    err = refused(capsys, sample, "move", str(sample / ABOUT), "team")
    assert "loesungen/alt.de.md" in err and 'its ref "about"' in err and "not UTF-8" in err


def test_a_moved_page_that_is_not_utf8_moves_as_bytes(sample, capsys) -> None:
    latin = sample / "content/loesungen/alt.de.md"
    data = b'---\ntitle: "Gr\xfc\xdfe"\n---\nHallo\n'
    latin.write_bytes(data)
    assert main(["move", str(latin), "loesungen/neu"]) == 0
    assert (sample / "content/loesungen/neu.de.md").read_bytes() == data


def test_a_bundle_folder_stands_for_its_pages(sample, capsys) -> None:
    assert main(["move", str(sample / "content/blog/remote-teams") + "/", "blog/verteilt"]) == 0
    assert sorted(p.name for p in (sample / "content/blog/verteilt").iterdir()) == [
        "index.de.md", "index.en.md", "index.fr.md", "teamboard.png", "zeitzonen.jpg"]
    assert "section page (_index) cannot move" in refused(capsys, sample, "move", str(sample / "content/blog"), "x")
    assert "home page cannot move" in refused(capsys, sample, "move", str(sample / "content"), "x")
    assert "not a page bundle" in refused(capsys, sample, "move", str(sample / "static"), "x")
