"""Preview safety: no remote requests unless allowed, dangerous links do nothing, no programs run."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from writer.core.render import preview_page
from writer.ui.preview import Preview


def test_remote_images_are_blocked_unless_allowed() -> None:
    html = preview_page('<img src="https://example.org/x.png">')
    csp = html.split('Content-Security-Policy" content="')[1].split('"')[0]
    assert "https:" not in csp and "default-src 'none'" in csp and "script-src" not in csp
    allowed = preview_page("<p>x</p>", remote_images=True)
    assert "img-src file: data: https: http:" in allowed and "default-src 'none'" in allowed


def test_window_toggle_changes_the_policy(window, site) -> None:
    window.open_site(site)
    window.actions["remote_images"].trigger()
    assert window.preview.remote_images is True
    assert "https:" in window.preview._page_html("<p>x</p>", "")


def test_dangerous_links_do_nothing(qtbot, monkeypatch) -> None:
    preview = Preview(use_webengine=False)
    qtbot.addWidget(preview)
    opened: list[QUrl] = []
    clicked: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    preview.page_link_clicked.connect(clicked.append)
    for url in ("javascript:alert(1)", "vbscript:x", "data:text/html,<script>1</script>", "ftp://x/y"):
        preview._on_link(QUrl(url))
    assert opened == [] and clicked == []
    preview._on_link(QUrl("https://example.org/"))
    assert [u.toString() for u in opened] == ["https://example.org/"]


def test_file_links_outside_the_site_open_nothing(window, site) -> None:
    window.open_site(site)
    window.open_page("content/docs/install.md")
    before = window.tabs.count()
    window.previews.link_clicked("/etc/passwd")
    assert window.tabs.count() == before
    assert "No page of this site" in window.statusBar().currentMessage()


def test_opening_a_site_runs_no_program(window, site, monkeypatch) -> None:
    (site / "layouts").mkdir(exist_ok=True)
    calls: list[object] = []

    def forbidden(*args, **kwargs):
        calls.append(args)
        raise AssertionError("a program was started")

    monkeypatch.setattr(subprocess, "Popen", forbidden)
    monkeypatch.setattr(subprocess, "run", forbidden)
    window.open_path(site)
    window.open_page("content/docs/guide/index.de.md")
    assert calls == []
