"""Where the preview may go and what it may load (issue 14, points 1, 2, 3, 5 and 8): Qt-free decisions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from writer.core.render.policy import (
    DROP,
    EXTERNAL,
    IMAGE,
    MAIN_FRAME,
    MAX_IMAGE_BYTES,
    OTHER,
    PREVIEW_SCHEME,
    SITE,
    document_url,
    is_document_url,
    link_action,
    mailto_allowed,
    preview_image,
    request_allowed,
    site_file,
    site_url,
)


@pytest.mark.parametrize(
    ("url", "action"),
    [
        ("https://example.org/x", EXTERNAL),
        ("HTTP://example.org/", EXTERNAL),
        ("mailto:a@example.org", EXTERNAL),
        ("mailto:a@example.org?subject=Hi&body=x%20y&cc=b@example.org", EXTERNAL),
        ("writer-preview://site/docs/install/", SITE),
        ("writer-preview://site/content/docs/?writer-render=3#top", SITE),
        ("writer-preview://elsewhere/docs/install/", DROP),
        ("file:///docs/install/", DROP),  # the preview shows no file: document, so no file: link is Writer's
        ("file:///site/content/docs/#top", DROP),
        ("http:///nohost", DROP),
        ("someapp://launch/payload", DROP),
        ("javascript:alert(1)", DROP),
        ("vbscript:x", DROP),
        ("data:text/html,<p>x", DROP),
        ("ftp://example.org/x", DROP),
        ("file://host/share/x", DROP),
        ("smb://host/share", DROP),
        ("ms-settings:", DROP),
        ("view-source:https://example.org/", DROP),
        ("about:blank", DROP),
        ("", DROP),
    ],
)
def test_a_click_on_a_link(url: str, action: str) -> None:
    assert link_action(url) == action


@pytest.mark.parametrize(
    "url",
    [
        "mailto:a@example.org?attach=/home/me/.ssh/id_rsa",
        "mailto:a@example.org?subject=x&ATTACH=/etc/passwd",
        "mailto:a@example.org?%61ttach=/etc/passwd",
        "mailto:a@example.org?attachment=/etc/passwd",
        "mailto:a@example.org%3Fattach=/etc/passwd",
        "mailto:a@example.org?body=x%26attach%3D/etc/passwd",
        "mailto:a@example.org?subject=x;attach=/etc/passwd",
        "mailto:a@example.org?%2561ttach=/etc/passwd",
        "mailto:a@example.org?x-unknown=1",
    ],
)
def test_a_mailto_with_anything_but_plain_fields_is_dropped(url: str) -> None:
    assert not mailto_allowed(url) and link_action(url) == DROP


@pytest.fixture()
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    (root / "content" / "blog").mkdir(parents=True)
    (root / "content" / "blog" / "a.png").write_bytes(b"png")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"secret")
    try:
        os.symlink(outside / "secret.png", root / "content" / "blog" / "leak.png")
        os.symlink(outside, root / "content" / "linked")
    except OSError:  # pragma: no cover - no symlinks on this system
        pass
    return root


def _allowed(url: str, kind: str = IMAGE, remote: bool = False) -> bool:
    return request_allowed(url, kind, remote_images=remote)


def test_no_file_url_is_ever_requested(site: Path) -> None:
    inside = (site / "content" / "blog" / "a.png").resolve().as_uri()
    for kind in (IMAGE, MAIN_FRAME, OTHER):
        assert not _allowed(inside, kind)
        assert not _allowed(inside, kind, remote=True)
    for url in ("file://host/share/x.png", "file://127.0.0.1/share/x.png", "file://localhost/etc/x.png",
                "file:////host/share/x.png", "file:///%2F%2Fhost/share/x.png"):
        assert not _allowed(url) and not _allowed(url, remote=True)


def test_writers_scheme_serves_its_document_and_site_images_only() -> None:
    document = document_url("writer-preview://site/content/blog/", 7)
    assert document == "writer-preview://site/content/blog/?writer-render=7" and is_document_url(document)
    assert _allowed(document, MAIN_FRAME)
    assert not _allowed(document, IMAGE) and not _allowed(document, OTHER)
    assert not _allowed("writer-preview://site/content/blog/", MAIN_FRAME)  # a folder is no document
    assert _allowed("writer-preview://site/content/blog/a.png", IMAGE)
    assert not _allowed("writer-preview://site/content/blog/a.png", OTHER)  # no fonts, no prefetch
    assert not _allowed("writer-preview://elsewhere/a.png", IMAGE)
    assert not _allowed("writer-preview://site/a.png?writer-render=7", IMAGE)


def test_site_urls_name_files_inside_the_site_root(site: Path) -> None:
    root = str(site)
    assert site_url(site / "content" / "blog" / "a.png", root) == "writer-preview://site/content/blog/a.png"
    assert site_url(site / "content" / "blog", root) == "writer-preview://site/content/blog/"
    assert site_url(site, root) == "writer-preview://site/"
    assert site_url(site.parent / "outside" / "secret.png", root) is None
    (site / "content" / "a b#%.png").write_bytes(b"png")
    url = site_url(site / "content" / "a b#%.png", root)
    assert url == "writer-preview://site/content/a%20b%23%25.png"
    assert site_file(url, root) == os.path.realpath(site / "content" / "a b#%.png")
    if (site / "content" / "linked").is_symlink():  # a folder linked out of the site has no URL
        assert site_url(site / "content" / "linked" / "secret.png", root) is None


def test_a_site_image_is_served_with_its_type(site: Path) -> None:
    root = str(site)
    data, mime = preview_image("writer-preview://site/content/blog/a.png", root)
    assert (data, mime) == (b"png", "image/png")
    (site / "content" / "blog" / "b.SVG").write_bytes(b"<svg/>")
    assert preview_image("writer-preview://site/content/blog/b.SVG", root)[1] == "image/svg+xml"
    assert preview_image("writer-preview://site/content/blog/a.png#x", root)[0] == b"png"


@pytest.mark.parametrize(
    "path",
    [
        "../outside/secret.png",
        "content/../../outside/secret.png",
        "%2e%2e/outside/secret.png",
        "%2E%2E/outside/secret.png",
        "content/%2e%2e%2f%2e%2e%2foutside/secret.png",
        "content/blog/..%2f..%2f..%2foutside/secret.png",
        "content/blog/leak.png",  # a symbolic link out of the site
        "content/linked/secret.png",  # through a linked folder
        "/%2e%2e/outside/secret.png",
        "%2Ftmp/x.png",
        "./content/blog/a.png",
        "content//blog/a.png",
        "content/blog/a.png%00.png",
        "content\\blog\\a.png",
        "content/blog",  # a folder
        "content/blog/",
        "",
    ],
)
def test_a_preview_url_that_leaves_the_site_names_no_file(site: Path, path: str) -> None:
    url = f"writer-preview://site/{path}"
    assert site_file(url, str(site)) is None and preview_image(url, str(site)) is None


def test_only_image_files_of_the_site_are_served(site: Path) -> None:
    root = str(site)
    (site / "content" / "blog" / "post.md").write_text("draft", encoding="utf-8")
    assert site_file("writer-preview://site/content/blog/post.md", root) is None  # only images
    assert site_file("writer-preview://site/content/blog/a.png", None) is None  # no site: nothing
    assert site_file("writer-preview://other/content/blog/a.png", root) is None
    assert site_file("writer-preview://site/content/blog/a.png?x=1", root) is None
    assert site_file("file://" + str(site / "content" / "blog" / "a.png"), root) is None
    inner = site / "content" / "blog" / "inner.png"
    inner.symlink_to(site / "content" / "blog" / "a.png")
    assert site_file("writer-preview://site/content/blog/inner.png", root) is None  # Hugo publishes no link
    if hasattr(os, "mkfifo"):
        os.mkfifo(site / "content" / "blog" / "pipe.png")
        assert preview_image("writer-preview://site/content/blog/pipe.png", root) is None  # never opened
    big = site / "content" / "blog" / "big.png"
    with big.open("wb") as handle:
        handle.truncate(MAX_IMAGE_BYTES + 1)
    assert preview_image("writer-preview://site/content/blog/big.png", root) is None


def test_the_scheme_name() -> None:
    assert PREVIEW_SCHEME == "writer-preview"


def test_remote_images_only_when_allowed_and_only_images() -> None:
    assert not _allowed("https://example.org/x.png")
    assert _allowed("https://example.org/x.png", remote=True)
    assert _allowed("http://example.org/x.png", remote=True)
    for kind in (OTHER, MAIN_FRAME):  # prefetch, ping, font, frame, a page
        assert not _allowed("https://example.org/x", kind, remote=True)
    assert not _allowed("ftp://example.org/x.png", remote=True)
    assert not _allowed("ws://example.org/", OTHER, remote=True)


def test_data_images_but_no_data_document() -> None:
    assert not _allowed("data:text/html;charset=UTF-8,%3Cp%3Ex", MAIN_FRAME)  # Writer's document has its URL
    assert _allowed("data:image/png;base64,AAAA", IMAGE)
    assert not _allowed("data:text/html,x", OTHER)
    assert not _allowed("about:srcdoc", OTHER)
    assert not _allowed("blob:file:///x", IMAGE)
