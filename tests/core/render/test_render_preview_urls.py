"""The preview's image URLs are in Writer's own scheme, never `file:` (issue 14, points 3 and 8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from writer.core.hugo.render_context import SiteModel
from writer.core.render import preview_page
from writer.core.render.policy import site_file

OUTSIDE_IMAGES = ("../../../secret.png", "%2e%2e/%2e%2e/%2e%2e/secret.png", "/../../secret.png",
                  "..%2f..%2f..%2fsecret.png", "/escape/secret.png", "out.png")


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def root(tmp_path) -> Path:
    (tmp_path / "secret.png").write_bytes(b"\x89PNG secret")
    site = tmp_path / "site"
    _write(site / "hugo.toml", 'baseURL = "https://example.org/"\n')
    (site / "static").mkdir()
    (site / "static" / "logo.png").write_bytes(b"\x89PNG logo")
    (site / "static" / "escape").symlink_to(tmp_path)
    return site


def test_site_images_get_the_preview_scheme_and_nothing_outside_gets_a_url(root: Path) -> None:
    page = _write(root / "content" / "blog" / "post" / "index.md", "---\ntitle: x\n---\n")
    (page.parent / "team.jpg").write_bytes(b"jpg")
    (page.parent / "out.png").symlink_to(root.parent / "secret.png")
    body = "".join(f"![x]({src})\n\n" for src in OUTSIDE_IMAGES) + (
        '{{< figure src="../../../../secret.png" >}}\n\n![logo](/logo.png)\n\n{{< figure src="team.jpg" >}}\n')
    html = SiteModel.open(root).render_body(body, page.resolve(), preview=True)
    urls = re.findall(r'src="([^"]*)"', html)
    assert "writer-preview://site/static/logo.png" in urls
    assert "writer-preview://site/content/blog/post/team.jpg" in urls
    assert "file:" not in html
    for url in urls:
        if url.startswith("writer-preview:"):
            assert site_file(url, str(root)) is not None, url
    assert html.count("image not found:") == len(OUTSIDE_IMAGES) + 1


def test_writer_render_keeps_file_urls(root: Path) -> None:
    """`writer render` prints HTML for people: images there stay `file:` URLs of the site."""
    page = _write(root / "content" / "p.md", "---\ntitle: x\n---\n")
    html = SiteModel.open(root).render_body("![logo](/logo.png)\n", page.resolve())
    assert (root / "static" / "logo.png").resolve().as_uri() in html


@pytest.mark.parametrize("remote", [False, True])
def test_the_policy_names_no_file_url(remote: bool) -> None:
    page = preview_page("<p>x</p>", remote_images=remote)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    images = re.search(r"img-src ([^;]*)", csp).group(1).split()
    assert "file:" not in csp
    assert images == ["writer-preview:", "data:", "https:", "http:"] if remote else ["writer-preview:", "data:"]
