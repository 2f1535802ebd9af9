from __future__ import annotations

from writer.core.paths import bundled_sample_site, resources_dir, user_sample_site


def test_resources_are_found_from_the_source_tree() -> None:
    assert (resources_dir() / "sample-site" / "hugo.toml").is_file()


def test_sample_site_is_copied_once_and_never_overwritten(tmp_path) -> None:
    copy = user_sample_site(tmp_path / "data")
    page = next(copy.rglob("index.de.md"))
    page.write_text("edited by the user", encoding="utf-8")
    again = user_sample_site(tmp_path / "data")
    assert again == copy
    assert page.read_text(encoding="utf-8") == "edited by the user"
    original = bundled_sample_site() / page.relative_to(copy)
    assert original.read_text(encoding="utf-8") != "edited by the user"
