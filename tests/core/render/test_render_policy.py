"""Where the preview may go and what it may load (issue 14, points 1, 2 and 5): Qt-free decisions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from writer.core.render.policy import (
    DROP,
    EXTERNAL,
    IMAGE,
    MAIN_FRAME,
    OTHER,
    SITE,
    link_action,
    mailto_allowed,
    request_allowed,
)


@pytest.mark.parametrize(
    ("url", "action"),
    [
        ("https://example.org/x", EXTERNAL),
        ("HTTP://example.org/", EXTERNAL),
        ("mailto:a@example.org", EXTERNAL),
        ("mailto:a@example.org?subject=Hi&body=x%20y&cc=b@example.org", EXTERNAL),
        ("file:///docs/install/", SITE),
        ("file:///site/content/docs/#top", SITE),
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


def _allowed(url: str, kind: str = IMAGE, remote: bool = False, roots=()) -> bool:
    return request_allowed(url, kind, remote_images=remote, roots=roots)


def test_site_images_load_and_nothing_outside_does(site: Path) -> None:
    roots = (str(site.resolve()),)
    inside = (site / "content" / "blog" / "a.png").resolve().as_uri()
    assert _allowed(inside, roots=roots)
    assert not _allowed(inside, roots=())  # no site: no local image
    assert not _allowed(inside, OTHER, roots=roots)
    assert not _allowed(inside, MAIN_FRAME, roots=roots)  # never a file: document
    outside = (site.parent / "outside" / "secret.png").as_uri()
    assert not _allowed(outside, roots=roots)
    assert not _allowed(inside.replace("/content/blog/a.png", "/content/blog/../../../outside/secret.png"), roots=roots)
    assert not _allowed(inside.replace("/content/blog/a.png", "/content/blog/%2e%2e/%2e%2e/%2e%2e/outside/secret.png"),
                        roots=roots)
    if (site / "content" / "linked").is_symlink():
        assert not _allowed((site / "content" / "blog" / "leak.png").absolute().as_uri(), roots=roots)
        assert not _allowed((site / "content" / "linked" / "secret.png").absolute().as_uri(), roots=roots)


@pytest.mark.parametrize(
    "url",
    [
        "file://host/share/x.png",
        "file://127.0.0.1/share/x.png",
        "file://localhost/etc/x.png",
        "file:////host/share/x.png",
        "file:///%2F%2Fhost/share/x.png",
    ],
)
def test_never_a_unc_or_file_host_url(url: str) -> None:
    assert not _allowed(url, roots=("/",))


def test_remote_images_only_when_allowed_and_only_images() -> None:
    assert not _allowed("https://example.org/x.png")
    assert _allowed("https://example.org/x.png", remote=True)
    assert _allowed("http://example.org/x.png", remote=True)
    for kind in (OTHER, MAIN_FRAME):  # prefetch, ping, font, frame, a page
        assert not _allowed("https://example.org/x", kind, remote=True)
    assert not _allowed("ftp://example.org/x.png", remote=True)
    assert not _allowed("ws://example.org/", OTHER, remote=True)


def test_writer_document_and_data_images() -> None:
    assert _allowed("data:text/html;charset=UTF-8,%3Cp%3Ex", MAIN_FRAME)
    assert _allowed("data:image/png;base64,AAAA", IMAGE)
    assert not _allowed("data:text/html,x", OTHER)
    assert not _allowed("about:srcdoc", OTHER)
    assert not _allowed("blob:file:///x", IMAGE)
