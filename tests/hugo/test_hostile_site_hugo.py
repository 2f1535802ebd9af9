"""Symbolic links and paths outside the site: what Hugo 0.168 publishes, and what Writer reads.

Measured with the real Hugo (issue 14, points 3 and 4):
- below the content folder Hugo publishes no symbolic link at all, file or folder, whether it
  points inside the site or outside; a linked bundle image and a linked file or folder in
  static/ are not published either. Writer's index leaves the same out, and its image
  lookup finds no linked file.
- the content folder itself may be a link (Hugo follows a mount's root); Writer follows it
  when it leads to a folder inside the site.
- `contentDir = "../elsewhere"` and `theme = "../../elsewhere"`: Hugo reads there. Writer
  does not (it reads nothing outside the site) and names the setting as a problem instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hugo_build import PROBE, _published, hugo_binary

from writer.core.check import Checker
from writer.core.hugo.images import image_file
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def hugo_in_place(root: Path) -> str:
    """Build `root` where it is (a copy would turn its links into files); Hugo's output."""
    (root / "layouts").mkdir(exist_ok=True)
    (root / "layouts" / "all.html").write_text((PROBE / "all.html").read_text())
    proc = subprocess.run(
        [str(hugo_binary()), "--source", str(root), "--destination", str(root / "public"), "--logLevel", "warn"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


@pytest.fixture()
def outside(tmp_path) -> Path:
    folder = tmp_path / "elsewhere"
    write(folder / "secret.txt", "---\ntitle: Secret\n---\nSECRET\n")
    write(folder / "dir" / "page.md", "---\ntitle: Outside folder page\n---\n")
    (folder / "secret.png").write_bytes(b"\x89PNG outside")
    return folder


@pytest.fixture()
def root(tmp_path) -> Path:
    site = tmp_path / "site"
    write(site / "hugo.toml", 'baseURL = "https://example.org/"\ndefaultContentLanguage = "de"\n'
                              "[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n")
    write(site / "content" / "_index.md", "---\ntitle: Start\n---\n")
    return site


def test_hugo_and_writer_leave_out_every_symlink_in_content(root, outside) -> None:
    blog = root / "content" / "blog"
    write(blog / "normal.md", "---\ntitle: Normal\n---\n")
    (blog / "leak.de.md").symlink_to(outside / "secret.txt")
    (blog / "outdir").symlink_to(outside / "dir")
    write(root / "drafts" / "inner.md", "---\ntitle: Inner\n---\n")
    (blog / "indir").symlink_to(root / "drafts")
    (blog / "alias.md").symlink_to("normal.md")
    hugo_in_place(root)
    published = _published(root)
    hugo_files = {path for path, page in published.items() if path.startswith("content/")}
    assert hugo_files == {"content/_index.md", "content/blog/normal.md"}
    index = ContentIndex.build(Site.open(root))
    assert {p.path for p in index.pages if p.lang == "de"} == hugo_files
    assert sorted(Path(str(e.path)).name for e in index.problems) == ["alias.md", "indir", "leak.de.md", "outdir"]


def test_hugo_publishes_no_linked_image_and_writer_finds_none(root, outside) -> None:
    bundle = root / "content" / "team"
    write(bundle / "index.md", "---\ntitle: Team\n---\n![a](out.png) ![b](in.png) ![c](ok.png)\n")
    (bundle / "out.png").symlink_to(outside / "secret.png")
    (root / "assets").mkdir()
    (root / "assets" / "real.png").write_bytes(b"png")
    (bundle / "in.png").symlink_to(root / "assets" / "real.png")
    (bundle / "ok.png").write_bytes(b"png")
    (root / "static").mkdir()
    (root / "static" / "linked.png").symlink_to(root / "assets" / "real.png")
    (root / "static" / "leakdir").symlink_to(outside)
    hugo_in_place(root)
    public = root / "public"
    assert (public / "team" / "ok.png").is_file()
    for gone in ("team/out.png", "team/in.png", "linked.png", "leakdir/secret.png"):
        assert not (public / gone).exists(), gone
    page, statics = bundle / "index.md", [root / "static"]
    assert image_file("ok.png", page, statics) == bundle / "ok.png"
    for src in ("out.png", "in.png", "/linked.png", "/leakdir/secret.png"):
        assert image_file(src, page, statics) is None, src


def test_a_linked_content_folder_is_followed_by_both(root) -> None:
    (root / "content").rename(root / "real-content")
    (root / "content").symlink_to(root / "real-content")
    write(root / "real-content" / "p.md", "---\ntitle: P\n---\n")
    hugo_in_place(root)
    published = _published(root)
    assert {page.permalink for page in published.values() if page.lang == "de"} >= {"/", "/p/"}
    index = ContentIndex.build(Site.open(root))
    assert {p.permalink for p in index.pages} == {"/", "/p/"} and index.problems == []


def test_hugo_reads_a_content_dir_and_theme_outside_the_site_writer_does_not(root, outside) -> None:
    write(outside / "content" / "extern.md", "---\ntitle: Extern\n---\n")
    write(outside / "theme" / "layouts" / "_shortcodes" / "fremd.html", "x")
    write(outside / "theme" / "static" / "fremd.txt", "x")
    write(root / "hugo.toml", 'baseURL = "https://example.org/"\ncontentDir = "../elsewhere/content"\n'
                              'theme = "../../elsewhere/theme"\n')
    hugo_in_place(root)  # it reads the page and the theme outside the site
    assert "Extern" in (root / "public" / "extern" / "index.html").read_text()
    assert (root / "public" / "fremd.txt").is_file()
    site = Site.open(root)
    index = ContentIndex.build(site)
    assert index.pages == [] and site.shortcode_names() == frozenset()
    problems = Checker(site, index).check_site()
    assert sorted(p.message.split(" names")[0] for p in problems) == [
        'contentDir = "../elsewhere/content"', 'theme = "../../elsewhere/theme"']
    assert all(p.code == "outside-site" and p.severity == "warning" for p in problems)
