"""Moving pages: every language and resource moves, inbound refs are rewritten, nothing half-done."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from writer.cli import main
from writer.core.document import Page
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.move import apply_move, plan_move
from writer.core.hugo.refs import RefResolver, find_refs
from writer.core.hugo.site import Site

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def broken_refs(root: Path) -> list[str]:
    index = ContentIndex.build(Site.open(root))
    resolver = RefResolver(index)
    broken = []
    for info in index.pages:
        for use in find_refs((root / info.path).read_text(encoding="utf-8-sig")):
            if resolver.resolve(use.target, info, use.lang) is None:
                broken.append(f"{info.path}: {use.target}")
    return broken


def test_move_a_bundle_with_inbound_links_in_bodies_and_front_matter(sample, capsys) -> None:
    before = snapshot(sample)
    old = sample / "content/blog/remote-teams/index.de.md"
    capsys.readouterr()
    assert main(["move", str(old), "blog/verteilte-teams", "--dry-run"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert snapshot(sample) == before  # a dry run writes nothing
    assert "content/blog/remote-teams/teamboard.png -> content/blog/verteilte-teams/teamboard.png" in listed
    assert "content/loesungen/forschungsteams/index.de.md" in listed  # a summary relref points at it
    assert main(["move", str(old), "blog/verteilte-teams"]) == 0
    assert not (sample / "content/blog/remote-teams").exists()
    for name in ("index.de.md", "index.en.md", "index.fr.md", "teamboard.png", "zeitzonen.jpg"):
        assert (sample / "content/blog/verteilte-teams" / name).is_file()
    assert broken_refs(sample) == []
    summary = Page.load(sample / "content/loesungen/forschungsteams/index.de.md").get("summary")
    assert "blog/verteilte-teams" in summary
    body = (sample / "content/blog/gemeinsam-schreiben/index.de.md").read_text(encoding="utf-8")
    assert 'relref "blog/verteilte-teams#zeitzonen-respektieren"' in body


def test_aliases_are_added_when_the_site_uses_them(sample) -> None:
    about = sample / "content/about.de.md"
    page = Page.load(about)
    page.set("aliases", ["/ueber/"])
    page.save()
    index = ContentIndex.build(Site.open(sample))
    plan = plan_move(index, index.get("content/about.de.md"), "team")
    apply_move(plan, sample)
    moved = Page.load(sample / "content/team.de.md")
    assert moved.get("aliases") == ["/ueber/", "/about/"]
    assert Page.load(sample / "content/team.en.md").get("aliases") == ["/about/"]  # Hugo adds /en


def test_a_failure_halfway_writes_nothing(sample, monkeypatch) -> None:
    before = snapshot(sample)
    index = ContentIndex.build(Site.open(sample))
    plan = plan_move(index, index.get("content/blog/remote-teams/index.de.md"), "blog/x")
    calls = {"n": 0}
    import writer.core.hugo.move as move

    real = move.atomic_write

    def failing(path, data):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(move, "atomic_write", failing)
    with pytest.raises(OSError):
        apply_move(plan, sample)
    monkeypatch.setattr(move, "atomic_write", real)
    assert snapshot(sample) == before


def test_refuses_to_overwrite(sample, capsys) -> None:
    old = sample / "content/blog/remote-teams/index.de.md"
    assert main(["move", str(old), "blog/gemeinsam-schreiben"]) == 2
    assert "already taken by content/blog/gemeinsam-schreiben/index.de.md" in capsys.readouterr().err


def _use_aliases(sample: Path) -> None:
    """The sample site has no aliases; one page with them makes the move add them."""
    page = Page.load(sample / "content/loesungen/redaktionen.de.md")
    page.set("aliases", ["/redaktion/"])
    page.save()


def test_a_page_with_a_fixed_url_gets_no_alias(sample) -> None:
    """remote-teams sets `url:` in all three languages: its URLs stay, so an alias would only name
    the page itself (issue 15, point 6)."""
    _use_aliases(sample)
    index = ContentIndex.build(Site.open(sample))
    plan = plan_move(index, index.get("content/blog/remote-teams/index.de.md"), "loesungen/remote-teams")
    apply_move(plan, sample)
    for lang in ("de", "en", "fr"):
        assert Page.load(sample / f"content/loesungen/remote-teams/index.{lang}.md").get("aliases") is None


def test_only_the_languages_whose_url_changes_get_an_alias(sample) -> None:
    _use_aliases(sample)
    page = Page.load(sample / "content/blog/gemeinsam-schreiben/index.en.md")
    page.set("url", "/en/writing-together/")
    page.save()
    index = ContentIndex.build(Site.open(sample))
    plan = plan_move(index, index.get("content/blog/gemeinsam-schreiben/index.de.md"), "loesungen/schreiben")
    assert "content/loesungen/schreiben/index.en.md" not in plan.changed_files(sample)
    apply_move(plan, sample)
    assert Page.load(sample / "content/loesungen/schreiben/index.de.md").get("aliases") == [
        "/blog/gemeinsam-schreiben/"]
    assert Page.load(sample / "content/loesungen/schreiben/index.en.md").get("aliases") is None


def test_a_bundle_folder_and_a_new_path_as_a_shell_completes_them(sample, capsys, monkeypatch) -> None:
    """`writer move content/posts/workshop-planen posts/workshop-planung` and a target written from the
    site root (`content/pages/solutions/marketing`), run in the site root."""
    monkeypatch.chdir(sample)
    assert main(["move", "content/blog/gemeinsam-schreiben", "blog/zusammen-schreiben"]) == 0
    assert sorted(p.name for p in (sample / "content/blog/zusammen-schreiben").iterdir()) == [
        "entwurf.png", "index.de.md", "index.en.md"]
    assert main(["move", "content/blog/zusammen-schreiben/", "content/loesungen/zusammen-schreiben"]) == 0
    assert (sample / "content/loesungen/zusammen-schreiben/index.de.md").is_file()
    assert main(["move", "content/loesungen/redaktionen.de.md", "content/blog/redaktionen"]) == 0
    assert (sample / "content/blog/redaktionen.en.md").is_file()
    assert not (sample / "content/content").exists() and not (sample / "content/blog/content").exists()
    assert broken_refs(sample) == []
