"""Module mounts as Writer reads them (Hugo's view is checked in tests/hugo/test_site_model_vs_hugo.py)."""

from __future__ import annotations

from pathlib import Path

from writer.core.check import Checker
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site


def _site(root: Path, config: str, files: dict[str, str]) -> Site:
    (root / "hugo.toml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return Site.open(root)


def test_the_older_lang_key_of_a_mount_sets_the_language(tmp_path) -> None:
    site = _site(tmp_path, (
        'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n'
        '[[module.mounts]]\nsource = "de"\ntarget = "content"\nlang = "de"\n'
        '[[module.mounts]]\nsource = "en"\ntarget = "content"\nlang = "en"\n'),
        {"de/a.md": "---\ntitle: A\n---\n", "en/a.md": "---\ntitle: A\n---\n", "content/x.md": "x\n"})
    pages = {p.path: p for p in ContentIndex.build(site).pages}
    assert set(pages) == {"de/a.md", "en/a.md"}
    assert (pages["de/a.md"].lang, pages["de/a.md"].permalink) == ("de", "/de/a/")
    assert pages["en/a.md"].permalink == "/a/"
    assert site.language("de").content_dir == "de"


def test_a_mount_outside_the_site_is_named_and_never_read(tmp_path) -> None:
    outside = tmp_path / "elsewhere"
    (outside / "secret.md").parent.mkdir(parents=True)
    (outside / "secret.md").write_text("---\ntitle: Secret\n---\n", encoding="utf-8")
    (outside / "logo.png").write_bytes(b"PNG")
    root = tmp_path / "site"
    root.mkdir()
    site = _site(root, (
        '[[module.mounts]]\nsource = "../elsewhere"\ntarget = "content/x"\n'
        '[[module.mounts]]\nsource = "../elsewhere"\ntarget = "static/images"\n'
        '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'),
        {"content/a.md": "---\ntitle: A\n---\n![Logo](/images/logo.png)\n"})
    index = ContentIndex.build(site)
    assert [p.path for p in index.pages] == ["content/a.md"]
    assert any(e.kind == "outside-site" for e in index.problems)
    codes = [p.code for p in Checker(site, index).check_site()]
    assert "missing-image" in codes and "outside-site" in codes


def test_a_static_mount_replaces_the_default_static_folder(tmp_path) -> None:
    site = _site(tmp_path, '[[module.mounts]]\nsource = "media"\ntarget = "static/img"\n', {
        "content/a.md": "![A](/img/a.png)\n![B](/b.png)\n", "media/a.png": "PNG", "static/b.png": "PNG"})
    problems = Checker(site).check_site()
    assert [(p.line, p.code) for p in problems if p.code == "missing-image"] == [(2, "missing-image")]
