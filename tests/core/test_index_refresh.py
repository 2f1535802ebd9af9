"""Incremental index updates (issue 17): after a save, a new page, a move or a deletion, the
index read again below the changed folders only equals a whole new index of the site, and no
other folder is walked."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from writer.core.hugo import index as index_module
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.index_cache import IndexCache
from writer.core.hugo.site import Site, config_files


@pytest.fixture()
def site(aged_sample) -> Path:
    return aged_sample


def _age_new(root: Path) -> None:
    """Files written in the last minute made older (outside the cache's two-second window)."""
    past = time.time() - 50
    for path in root.rglob("*"):
        if path.stat().st_mtime > time.time() - 60:
            os.utime(path, (past, past))


def _shape(index: ContentIndex) -> list:
    return [(p.path, p.lang, p.kind, p.bundle, p.permalink, p.title, p.draft, p.translation_key, p.fields)
            for p in index.pages]


def _problems(index: ContentIndex) -> list[str]:
    return sorted(str(p) for p in index.problems)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path.parent


def _edit(root: Path) -> list[Path]:
    page = root / "content/blog/remote-teams/index.de.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title:", "title: 'Neu' #", 1), encoding="utf-8")
    return [page.parent]


def _new_bundle(root: Path) -> list[Path]:
    _write(root / "content/blog/neu/index.de.md", "---\ntitle: Neu\n---\nText\n")
    return [root / "content/blog"]


def _delete_bundle(root: Path) -> list[Path]:
    shutil.rmtree(root / "content/blog/remote-teams")
    return [root / "content/blog/remote-teams", root / "content/blog"]


def _move(root: Path) -> list[Path]:
    (root / "content/blog/remote-teams").rename(root / "content/loesungen/remote-teams")
    return [root / "content/blog", root / "content/loesungen"]


def _resource_folder(root: Path) -> list[Path]:  # inside a leaf bundle: resources, not pages
    return [_write(root / "content/blog/remote-teams/notes/extra.md", "---\ntitle: Kein Artikel\n---\n")]


def _becomes_leaf(root: Path) -> list[Path]:  # an index file turns a section's pages into resources
    return [_write(root / "content/loesungen/index.de.md", "---\ntitle: Blatt\n---\n")]


def _cascade(root: Path) -> list[Path]:  # a section's cascade reaches pages in other folders
    section = root / "content/blog/_index.de.md"
    section.write_text(section.read_text(encoding="utf-8").replace("---\n", "---\ncascade:\n  draft: true\n", 1),
                       encoding="utf-8")
    return [section.parent]


def _broken(root: Path) -> list[Path]:
    return [_write(root / "content/blog/kaputt.md", "---\ntitle: [offen\n---\n")]


@pytest.mark.parametrize("change", [_edit, _new_bundle, _delete_bundle, _move, _resource_folder, _becomes_leaf,
                                    _cascade, _broken])
def test_a_refresh_below_the_changed_folders_equals_a_whole_new_index(site, tmp_path, change) -> None:
    opened = Site.open(site)
    cache = IndexCache.for_site(opened.root, config_files(opened.root), tmp_path / "cache")
    before = ContentIndex.build(opened, cache)
    folders = change(site)
    _age_new(site)
    walked: list[str] = []
    real_walk = index_module._walk

    def walk(folder, *args, **kwargs):
        walked.append(str(folder))
        return real_walk(folder, *args, **kwargs)

    index_module._walk = walk
    try:
        after = before.refreshed(folders, cache)
    finally:
        index_module._walk = real_walk
    fresh = ContentIndex.build(Site.open(site))
    assert _shape(after) == _shape(fresh)
    assert _problems(after) == _problems(fresh)
    assert str(site / "content") not in walked  # the whole content folder is not walked again
    assert cache.misses <= 3  # only changed (or moved: a bundle of three) files are read


def test_a_save_reads_one_file_and_a_second_refresh_builds_on_the_first(site, tmp_path) -> None:
    opened = Site.open(site)
    cache = IndexCache.for_site(opened.root, config_files(opened.root), tmp_path / "cache")
    index = ContentIndex.build(opened, cache)
    index = index.refreshed(_edit(site), cache)
    assert cache.misses == 1 and cache.hits <= 3
    index = index.refreshed(_new_bundle(site), cache)
    assert index.get("content/blog/neu/index.de.md") is not None
    assert index.get("content/blog/remote-teams/index.de.md").title == "Neu"
    assert _shape(index) == _shape(ContentIndex.build(Site.open(site)))


def test_a_folder_outside_the_content_changes_nothing(site, tmp_path) -> None:
    index = ContentIndex.build(Site.open(site))
    _write(site / "static/neu/x.md", "---\ntitle: x\n---\n")
    assert _shape(index.refreshed([site / "static/neu"])) == _shape(index)
