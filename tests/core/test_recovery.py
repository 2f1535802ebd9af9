from __future__ import annotations

from writer.core.recovery import RecoveryStore


def test_autosaved_text_is_found_until_the_page_is_saved(tmp_path) -> None:
    page = tmp_path / "site" / "index.de.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: A\n---\nAlt\n", encoding="utf-8")
    store = RecoveryStore(tmp_path / "recovery")
    store.save(page, "---\ntitle: A\n---\nNeu getippt\n")
    [item] = store.pending()
    assert item.page == page.resolve() and "Neu getippt" in item.text
    assert "-Alt\n" in item.diff() and "+Neu getippt\n" in item.diff()
    page.write_text(item.text, encoding="utf-8")  # saved meanwhile: nothing to recover
    assert store.pending() == []
    assert list((tmp_path / "recovery").iterdir()) == []


def test_deleted_page_is_still_recoverable_and_discard_removes(tmp_path) -> None:
    page = tmp_path / "gone.md"
    store = RecoveryStore(tmp_path / "r")
    store.save(page, "text")
    [item] = store.pending()
    assert item.disk_text() is None and "+text" in item.diff()
    store.discard(page)
    assert store.pending() == []


def test_unreadable_records_are_skipped(tmp_path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "broken.json").write_text("{not json")
    assert RecoveryStore(folder).pending() == []
    assert (folder / "broken.json").exists()
