from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from writer.core.recovery import RecoveryStore


def _crashed(folder, page, text: str) -> None:
    """A session in another process autosaves `text` of `page` and is killed."""
    code = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from writer.core.recovery import RecoveryStore
        store = RecoveryStore(Path({str(folder)!r}))
        store.save(Path({str(page)!r}), {text!r})
        store.claim(Path({str(page)!r}))
        os._exit(9)
    """)
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 9


def test_autosaved_text_of_a_crashed_session_is_found_until_the_page_is_saved(tmp_path) -> None:
    page = tmp_path / "site" / "index.de.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: A\n---\nAlt\n", encoding="utf-8")
    _crashed(tmp_path / "recovery", page, "---\ntitle: A\n---\nNeu getippt\n")
    store = RecoveryStore(tmp_path / "recovery")
    [item] = store.pending()
    assert item.page == page and "Neu getippt" in item.text
    assert "-Alt\n" in item.diff() and "+Neu getippt\n" in item.diff()
    page.write_text(item.text, encoding="utf-8")  # saved meanwhile: nothing to recover
    assert store.pending() == []
    assert list((tmp_path / "recovery").iterdir()) == []  # records, marks and locks of the dead


def test_deleted_page_is_still_recoverable_and_discard_removes(tmp_path) -> None:
    page = tmp_path / "gone.md"
    _crashed(tmp_path / "r", page, "text")
    store = RecoveryStore(tmp_path / "r")
    [item] = store.pending()
    assert item.disk_text() is None and "+text" in item.diff()
    store.discard_record(item)
    assert store.pending() == []


def test_unreadable_records_are_skipped(tmp_path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "broken.json").write_text("{not json")
    assert RecoveryStore(folder).pending() == []
    assert (folder / "broken.json").exists()


def test_two_windows_keep_their_own_records(tmp_path) -> None:
    """A second window's save removes only its own record; a running window's autosave is
    never offered as a crash leftover; each knows the other has the page open."""
    page = tmp_path / "p.md"
    page.write_text("old\n", encoding="utf-8")
    first, second = RecoveryStore(tmp_path / "r"), RecoveryStore(tmp_path / "r")
    assert first.claim(page) == []
    assert second.claim(page) == [first.session]
    first.save(page, "first's unsaved text\n")
    second.save(page, "second's text\n")
    second.discard(page)  # the second window saved
    assert second.pending() == []  # the first is alive: its record is not a leftover
    records = list((tmp_path / "r").glob("*.json"))
    assert [json.loads(r.read_text())["text"] for r in records] == ["first's unsaved text\n"]
    second.release(page)
    assert first.claim(page) == []
    first.close()  # the first window ends without saving (as a crash would leave it)
    [item] = RecoveryStore(tmp_path / "r").pending()
    assert item.text == "first's unsaved text\n"


def test_a_symlinked_page_is_one_page_kept_by_the_name_it_was_opened_with(tmp_path) -> None:
    (tmp_path / "README.md").write_text("readme\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    link = tmp_path / "content" / "x.md"
    link.symlink_to(os.path.join("..", "README.md"))
    _crashed(tmp_path / "r", link, "edited readme\n")
    store = RecoveryStore(tmp_path / "r")
    [item] = store.pending()
    assert item.page == link and item.disk_text() == "readme\n"
    assert store.claim(link) == [] and store.claim(tmp_path / "README.md") == []
    assert len(list((tmp_path / "r").glob("*.open"))) == 1  # the link and its target: one page


def test_a_record_write_cut_by_a_kill_leaves_nothing_behind(tmp_path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    half = folder / f".0123456789abcdef0123.{dead.pid}-ab12cd34.json.{dead.pid}.x1y2.tmp"
    half.write_bytes(b'{"page": "/x.md", "te')
    assert RecoveryStore(folder).pending() == []
    assert not half.exists()


def test_a_page_that_crashed_writer_while_opening_is_known_until_it_changes(tmp_path) -> None:
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    code = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from writer.core.recovery import RecoveryStore
        RecoveryStore(Path({str(tmp_path / "r")!r})).opening(Path({str(page)!r}))
        os.abort()
    """)
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode != 0
    store = RecoveryStore(tmp_path / "r")
    assert store.crashed_opening(page) and store.crashed_opening(page)  # until the file changes
    live = RecoveryStore(tmp_path / "r2")
    live.opening(page)  # another window busy opening it is no crash
    assert not RecoveryStore(tmp_path / "r2").crashed_opening(page)
    live.opened(page)
    page.write_text("---\ntitle: fixed by hand\n---\n", encoding="utf-8")
    assert not store.crashed_opening(page)
    assert not any((tmp_path / "r").glob("*.opening")) and not any((tmp_path / "r2").glob("*.opening"))
