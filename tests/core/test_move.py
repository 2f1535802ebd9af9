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
