"""The persistent index cache (issue 17): a warm open reads only what changed; configuration
changes and outside edits are seen; a damaged or planted cache file costs a full read, nothing else."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tests.core.conftest import age
from writer.cli import main
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.index_cache import IndexCache
from writer.core.hugo.site import Site, config_files

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-site"


@pytest.fixture()
def site(aged_sample) -> Path:
    return aged_sample


def _build(root: Path, folder: Path) -> tuple[ContentIndex, IndexCache]:
    opened = Site.open(root)
    cache = IndexCache.for_site(opened.root, config_files(opened.root), folder)
    return ContentIndex.build(opened, cache), cache


def _shape(index: ContentIndex) -> list:
    return [(p.path, p.lang, p.kind, p.permalink, p.title, p.draft, p.translation_key, p.fields) for p in index.pages]


def test_a_warm_open_reads_no_page_and_gives_the_same_index(site, tmp_path) -> None:
    folder = tmp_path / "cache"
    cold, first = _build(site, folder)
    assert first.hits == 0 and first.misses == len(cold.pages)
    assert list(folder.iterdir()) and not any(p.suffix == ".cache" for p in site.rglob("*"))  # never in the site
    warm, second = _build(site, folder)
    assert second.misses == 0 and second.hits == len(cold.pages)
    assert _shape(warm) == _shape(cold) == _shape(ContentIndex.build(Site.open(site)))
    assert [str(p) for p in warm.problems] == [str(p) for p in cold.problems]


def test_an_outside_edit_a_new_page_and_a_deleted_one_are_seen(site, tmp_path) -> None:
    folder = tmp_path / "cache"
    _build(site, folder)
    page = site / "content" / "about.de.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title = 'Über uns'", "title = 'Wer wir sind'"),
                    encoding="utf-8")
    (site / "content" / "neu.de.md").write_text("---\ntitle: Neu\n---\n", encoding="utf-8")
    gone = site / "content" / "blog" / "gemeinsam-schreiben" / "index.en.md"
    gone.unlink()
    warm, cache = _build(site, folder)
    assert warm.get("content/about.de.md").title == "Wer wir sind"
    assert warm.get("content/neu.de.md") is not None and warm.get(gone.relative_to(site).as_posix()) is None
    assert cache.misses == 2  # the edited page and the new one; nothing else was read
    assert not any(str(gone) in key for key in IndexCache.for_site(site, config_files(site), folder).entries)


def test_a_configuration_change_drops_the_cache(site, tmp_path) -> None:
    folder = tmp_path / "cache"
    cold, _ = _build(site, folder)
    config = site / "hugo.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[permalinks]\nblog = "/notes/:slug/"\n',
                      encoding="utf-8")
    warm, cache = _build(site, folder)
    assert cache.hits == 0
    assert _shape(warm) == _shape(ContentIndex.build(Site.open(site)))
    assert any(p.permalink.startswith("/notes/") for p in warm.pages)


def test_a_change_within_the_same_tick_is_not_missed(site, tmp_path) -> None:
    """A file written just before the cache (same size, same time) is read again next time."""
    folder = tmp_path / "cache"
    page = site / "content" / "about.de.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")  # now: inside the two-second window
    stamp = page.stat()
    _build(site, folder)
    page.write_text(text.replace("Über uns", "Über Uns"), encoding="utf-8")  # same size
    os.utime(page, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # and the same time
    warm, _ = _build(site, folder)
    assert warm.get("content/about.de.md").title == "Über Uns"


@pytest.mark.parametrize("payload", [
    b"not a pickle at all",
    pickle.dumps(("stamp", 0, {})) + b"garbage",
    b"cos\nsystem\n(S'touch /tmp/writer-index-cache-pwned'\ntR.",  # a planted file that would run a command
])
def test_a_damaged_or_planted_cache_file_is_only_a_full_read(site, tmp_path, payload) -> None:
    folder = tmp_path / "cache"
    cold, cache = _build(site, folder)
    assert cache.file is not None
    cache.file.write_bytes(payload)
    warm, again = _build(site, folder)
    assert again.hits == 0 and _shape(warm) == _shape(cold)
    assert not Path("/tmp/writer-index-cache-pwned").exists()


def test_the_command_line_uses_the_cache_unless_told_not_to(site, capsys) -> None:
    data = Path(os.environ["WRITER_DATA_DIR"]) / "index-cache"
    before = set(data.iterdir()) if data.is_dir() else set()
    assert main(["pages", str(site), "--no-cache"]) == 0
    assert (set(data.iterdir()) if data.is_dir() else set()) == before
    cold = capsys.readouterr().out
    assert main(["pages", str(site)]) == 0
    assert set(data.iterdir()) - before  # the cache was written
    assert main(["pages", str(site)]) == 0
    out = capsys.readouterr().out
    assert out == cold + cold


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_pool_processes_read_the_same_index_as_one_process(site, tmp_path, monkeypatch, method) -> None:
    from writer.core.hugo import index as index_module

    (site / "content" / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    age(site)
    monkeypatch.setattr(index_module, "PARALLEL_FILES", 1)
    monkeypatch.setattr(index_module, "_CHUNK", 3)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    serial = ContentIndex.build(Site.open(site))
    folder = tmp_path / "cache"
    opened = Site.open(site)
    cache = IndexCache.for_site(opened.root, config_files(opened.root), folder)
    pooled = ContentIndex.build(opened, cache, workers=method)
    assert _shape(pooled) == _shape(serial)
    assert [str(p) for p in pooled.problems] == [str(p) for p in serial.problems]
    assert any("broken.md" in str(p) for p in pooled.problems)
    warm, second = _build(site, folder)  # what the pool read is in the cache
    assert second.misses == 0 and _shape(warm) == _shape(serial)


def test_a_pool_that_fails_leaves_the_reading_to_this_process(site, monkeypatch) -> None:
    import multiprocessing

    from writer.core.hugo import index as index_module

    monkeypatch.setattr(index_module, "PARALLEL_FILES", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    def no_processes(_method):
        raise OSError("no processes here")

    monkeypatch.setattr(multiprocessing, "get_context", no_processes)
    assert _shape(ContentIndex.build(Site.open(site), workers="fork")) == _shape(ContentIndex.build(Site.open(site)))
