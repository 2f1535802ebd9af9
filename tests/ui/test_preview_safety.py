"""Preview safety: no remote requests unless allowed, dangerous links do nothing, no programs run.

The hostile-page corpus (issue 14) runs each page in the real WebEngine preview, for a site with
`unsafe` on and off and remote images on and off, against tripwires: a localhost canary server
(no connection, no request), an inotify watch on a folder beside the site (no file opened), the
system's URL handlers (no program started) and the preview's own URL (never left)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from canary import Canary, OpenWatch
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtTest import QTest

from writer.core.hugo.render_context import SiteModel
from writer.core.render import preview_page
from writer.ui.preview import Preview

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"


def test_remote_images_are_blocked_unless_allowed() -> None:
    html = preview_page('<img src="https://example.org/x.png">')
    csp = html.split('Content-Security-Policy" content="')[1].split('"')[0]
    assert "https:" not in csp and "default-src 'none'" in csp and "script-src" not in csp
    allowed = preview_page("<p>x</p>", remote_images=True)
    assert "img-src writer-preview: data: https: http:" in allowed and "default-src 'none'" in allowed
    assert "file:" not in html and "file:" not in allowed


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
    for url in ("javascript:alert(1)", "vbscript:x", "data:text/html,<script>1</script>", "ftp://x/y",
                "someapp://launch/x", "mailto:a@b.c?attach=/etc/passwd", "mailto:a@b.c?%61ttach=x", "file://host/x"):
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


# -- the hostile-page corpus --------------------------------------------------------------------

FILL = 'style="position:fixed;inset:0;display:block;z-index:9"'  # a click anywhere hits it


@dataclass(frozen=True)
class Case:
    name: str
    body: str  # Markdown; {port} is the canary's port, {outside} the folder beside the site
    click: str | None = None  # a CSS selector: the writer clicks it
    raw: bool = False  # carried by raw HTML only (shown when the site is unsafe)
    opens: str | None = None  # the URL handed to the system after the click
    site_link: str | None = None  # the page of the site Writer is asked to open after the click
    remote: tuple[str, ...] = ()  # canary paths a preview with remote images may fetch
    check: str = "true"  # JavaScript that must hold in the preview's document


CASES = [
    Case("form-program", f'<form action="someapp://launch/payload"><button {FILL}>Weiter</button></form>',
         click="button", raw=True),
    Case("form-file", f'<form action="file://{{outside}}/secret.txt"><button {FILL}>x</button></form>',
         click="button", raw=True),
    Case("form-post", f'<form method=post action="http://127.0.0.1:{{port}}/form"><input name=q value=1>'
         f"<button {FILL}>x</button></form>", click="button", raw=True),
    Case("form-new-window", f'<form target=_blank action="http://127.0.0.1:{{port}}/blank"><button {FILL}>x'
         "</button></form>", click="button", raw=True),
    Case("button-formaction", f'<form><button formaction="someapp://launch/f" formtarget=_blank {FILL}>x'
         "</button></form>", click="button", raw=True),
    Case("refresh-file", '<meta http-equiv="refresh" content="0; url=file://{outside}/secret.txt">', raw=True),
    Case("refresh-canary", '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:{port}/refresh">',
         raw=True),
    Case("refresh-program", '<meta http-equiv="refresh" content="0; url=someapp://launch/refresh">', raw=True),
    Case("frames", '<iframe src="http://127.0.0.1:{port}/frame"></iframe><iframe src="file://{outside}/secret.txt">'
         '</iframe><object data="http://127.0.0.1:{port}/object"></object><embed src="file://{outside}/secret.txt">',
         raw=True),
    Case("srcdoc", '<iframe srcdoc="<p>inner</p><img src=http://127.0.0.1:{port}/srcdoc.png>'
         "<meta http-equiv=refresh content='0;url=http://127.0.0.1:{port}/inner'>\"></iframe>", raw=True,
         check="document.querySelectorAll('iframe').length == 0"),
    Case("prefetch", '<link rel=preconnect href="http://127.0.0.1:{port}/"><link rel=dns-prefetch '
         'href="//127.0.0.1:{port}/"><link rel=prefetch href="http://127.0.0.1:{port}/prefetch">'
         '<link rel=stylesheet href="http://127.0.0.1:{port}/style.css">', raw=True),
    Case("base-href", '<base href="http://127.0.0.1:{port}/">\n\n[Installation](/docs/install/)', click="a",
         site_link="/docs/install/"),
    Case("new-window-link", f'<a target=_blank href="someapp://launch/blank" {FILL}>x</a>', click="a", raw=True),
    Case("new-window-web-link", f'<a target=_blank href="https://example.org/blank" {FILL}>x</a>', click="a",
         raw=True, opens="https://example.org/blank"),
    Case("figure-target", '{{< figure src="/images/logo.png" link="https://example.org/figure" target="_blank" >}}',
         click="a", opens="https://example.org/figure"),
    Case("ping", f'<a href="https://example.org/pinged" ping="http://127.0.0.1:{{port}}/ping" {FILL}>x</a>',
         click="a", raw=True, opens="https://example.org/pinged"),
    Case("scripts", '<script>location="http://127.0.0.1:{port}/js"</script>'
         "<img src=x onerror=\"window.open('http://127.0.0.1:{port}/open')\">", raw=True),
    Case("css-images", '<div style="width:9px;height:9px;background:url(file://{outside}/secret.png)"></div>'
         "<style>body{background:url(http://127.0.0.1:{port}/css.png)}</style>", raw=True, remote=("/css.png",)),
    Case("raw-outside-image", '<img src="file://{outside}/secret.png"><img src="../../outside/secret.png">',
         raw=True),
    Case("md-program-link", "[Weiter](someapp://launch/md)", click="a"),
    Case("md-mail-attach", "[Mail](mailto:a@example.org?attach=/etc/passwd)", click="a"),
    Case("md-web-link", "[Web](https://example.org/ok)", click="a", opens="https://example.org/ok"),
    Case("md-remote-image", "![x](http://127.0.0.1:{port}/remote.png)", remote=("/remote.png",)),
    Case("md-unc-image", "![x](//localhost{outside}/secret.png) ![y](//127.0.0.1:{port}/unc.png)"),
    Case("md-outside-image", "![x](../../outside/secret.png) ![y](file://{outside}/secret.png)"),
    Case("autolink-attribute", 'www.example.org/{{< figure class="x style=position:fixed;inset:0" >}}',
         check="document.querySelectorAll('a[style], a[x], [style*=fixed]').length == 0"),
    Case("placeholder-collision", "[a](WRSC5CSW) {{< x >}}",
         check="!document.querySelector('.writer-render-error') && !!document.querySelector('a[href=WRSC5CSW]')"),
]


class Launches(QObject):
    """Registered as the system's handler for URL schemes: what WebEngine itself would launch."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def record(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture()
def hostile(tmp_path, monkeypatch):
    site = Path(shutil.copytree(FIXTURES / "suffix", tmp_path / "site"))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret\n", encoding="utf-8")
    shutil.copy(site / "static" / "images" / "logo.png", outside / "secret.png")
    canary = Canary()
    watch = OpenWatch(outside) if OpenWatch.available else None
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    launches = Launches()
    schemes = ("someapp", "file", "mailto", "http", "https")
    for scheme in schemes:
        QDesktopServices.setUrlHandler(scheme, launches, "record")
    yield site, outside, canary, watch, opened, launches
    for scheme in schemes:
        QDesktopServices.unsetUrlHandler(scheme)
    canary.close()
    if watch is not None:
        watch.close()


def _js(preview: Preview, qtbot, script: str):
    out: list[object] = []
    preview.web.page().runJavaScript(script, 1, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=5000)
    return out[0]


def _click(preview: Preview, qtbot, selector: str) -> bool:
    script = ("(function(){var e = document.querySelector(SELECTOR); if (!e) return '[]';"
              "var r = e.getBoundingClientRect(); return JSON.stringify([r.left + r.width / 2,"
              " r.top + r.height / 2]);})()")  # a JSON string: arrays come back empty
    found = _js(preview, qtbot, script.replace("SELECTOR", json.dumps(selector)))
    where = json.loads(str(found))
    if not where:
        return False
    QTest.mouseClick(preview.web.focusProxy(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(where[0]), int(where[1])))
    return True


def _render(site: Path, case: Case, unsafe: bool, port: int, outside: Path) -> tuple[str, Path]:
    config = site / "hugo.yaml"
    text = config.read_text(encoding="utf-8").replace("unsafe: true", "unsafe: false")
    config.write_text(text.replace("unsafe: false", f"unsafe: {str(unsafe).lower()}"), encoding="utf-8")
    page = site / "content" / "hostile.md"
    body = case.body.replace("{port}", str(port)).replace("{outside}", outside.as_posix())
    page.write_text(f"---\ntitle: Hostile\n---\n{body}\n", encoding="utf-8")
    return SiteModel.open(site).render_body(body, page.resolve(), preview=True), page.parent


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_page_is_harmless_in_the_web_preview(qtbot, hostile, case: Case) -> None:
    site, outside, canary, watch, opened, launches = hostile
    preview = Preview(use_webengine=True)
    qtbot.addWidget(preview)
    preview.resize(800, 600)
    preview.show()
    preview.set_image_roots([site])
    asked: list[str] = []
    preview.page_link_clicked.connect(asked.append)
    tried: set[tuple[str, bool]] = set()
    for unsafe in (True, False):
        for remote in (False, True):
            label = f"{case.name}, unsafe={unsafe}, remote images={remote}"
            fragment, base = _render(site, case, unsafe, canary.port, outside)
            if (fragment, remote) in tried:
                continue  # Markdown without raw HTML renders alike for both settings of unsafe
            tried.add((fragment, remote))
            preview.set_remote_images(remote)  # and a fresh document for each round
            with qtbot.waitSignal(preview.loaded, timeout=15000):
                preview.show_html(fragment, base)
            qtbot.wait(250)  # meta refresh, frames, prefetches
            if case.click is not None and _click(preview, qtbot, case.click):
                qtbot.wait(300)
            active = unsafe or not case.raw
            url = preview.web.page().url()
            assert url.toString().partition("#")[0] == preview.document_url.toString(), label
            assert url.scheme() == "writer-preview" and url.path() == "/content/", label
            assert _js(preview, qtbot, case.check) is True, label
            assert opened == ([case.opens] if case.opens and active else []), label
            assert asked == ([case.site_link] if case.site_link and active else []), label
            assert launches.urls == [], label
            allowed = {("GET", path) for path in case.remote} if remote else set()
            assert set(canary.requests) <= allowed, label
            assert len(canary.connections) <= len(canary.requests), label  # no bare connection
            if watch is not None:
                assert watch.events() == [], label
            for seen in (opened, asked, canary.requests, canary.connections):
                seen.clear()
    preview.release()


def test_the_canary_and_the_watch_see_what_they_should(qtbot, hostile) -> None:
    """The tripwires work: a remote image the writer allowed reaches the canary; a read is seen."""
    site, outside, canary, watch, opened, launches = hostile
    remote_image = next(case for case in CASES if case.name == "md-remote-image")
    fragment, base = _render(site, remote_image, False, canary.port, outside)
    preview = Preview(use_webengine=True)
    qtbot.addWidget(preview)
    preview.set_remote_images(True)
    with qtbot.waitSignal(preview.loaded, timeout=15000):
        preview.show_html(fragment, base)
    qtbot.waitUntil(lambda: ("GET", "/remote.png") in canary.requests, timeout=5000)
    preview.release()
    if watch is not None:
        (outside / "secret.txt").read_text(encoding="utf-8")
        assert "secret.txt" in watch.events()


def _shown(preview: Preview, qtbot, fragment: str, base: Path) -> list[int]:
    """Show `fragment`; the natural width of each image once all are settled (0: not loaded)."""
    with qtbot.waitSignal(preview.loaded, timeout=15000):
        preview.show_html(fragment, base)
    qtbot.waitUntil(lambda: _js(preview, qtbot, "[...document.images].every(i => i.complete)") is True,
                    timeout=5000)
    return json.loads(str(_js(preview, qtbot, "JSON.stringify([...document.images].map(i => i.naturalWidth))")))


@pytest.mark.parametrize("remote", [False, True])
def test_the_preview_document_allows_no_file_url(qtbot, tmp_path, remote: bool) -> None:
    """The policy of the document in the preview: images from Writer's scheme (and data:, and
    the web when allowed), never `file:` (issue 14, point 3)."""
    preview = Preview(use_webengine=True)
    qtbot.addWidget(preview)
    preview.set_remote_images(remote)
    with qtbot.waitSignal(preview.loaded, timeout=15000):
        preview.show_html("<p>x</p>", tmp_path)
    csp = str(_js(preview, qtbot, "document.querySelector('meta[http-equiv=Content-Security-Policy]').content"))
    images = re.search(r"img-src ([^;]*)", csp).group(1).split()
    assert "file:" not in csp and "default-src 'none'" in csp
    assert images == (["writer-preview:", "data:", "https:", "http:"] if remote else ["writer-preview:", "data:"])
    preview.release()


def test_site_images_load_through_writers_scheme_and_file_urls_never(qtbot, hostile) -> None:
    """A `file:` image, inside the site or outside, is never loaded; the site's own images come
    through Writer's scheme (issue 14, point 3)."""
    site, outside, canary, watch, opened, launches = hostile
    private = site / "static" / "private"
    private.mkdir()
    shutil.copy(site / "static" / "images" / "logo.png", private / "inside.png")
    inside_watch = OpenWatch(private) if OpenWatch.available else None
    page = site / "content" / "pictures.md"
    body = ("![logo](/images/logo.png)\n\n"
            f'<img src="{(private / "inside.png").as_uri()}"> <img src="{(outside / "secret.png").as_uri()}"> '
            f'<img src="file://localhost{outside.as_posix()}/secret.png"> <img src="file:secret.png">\n')
    page.write_text(f"---\ntitle: Bilder\n---\n{body}", encoding="utf-8")
    fragment = SiteModel.open(site).render_body(body, page.resolve(), preview=True)
    assert 'src="writer-preview://site/static/images/logo.png"' in fragment
    preview = Preview(use_webengine=True)
    qtbot.addWidget(preview)
    preview.set_image_roots([site])
    for remote in (False, True):
        preview.set_remote_images(remote)
        widths = _shown(preview, qtbot, fragment, page.parent)
        assert widths[0] > 0 and widths[1:] == [0, 0, 0, 0], remote
    if inside_watch is not None:
        assert inside_watch.events() == []
        inside_watch.close()
    if watch is not None:
        assert watch.events() == []
    preview.release()


ESCAPES = (
    "writer-preview://site/../outside/secret.png",
    "writer-preview://site/%2e%2e/outside/secret.png",
    "writer-preview://site/static/images/%2e%2e%2f%2e%2e%2f%2e%2e%2foutside/secret.png",
    "writer-preview://site/static/images/..%2F..%2F..%2Foutside/secret.png",
    "writer-preview://site/%2F{outside}/secret.png",
    "writer-preview://site/static/images/leak.png",  # a symbolic link out of the site
    "writer-preview://site/static/out/secret.png",  # through a linked folder
    "writer-preview://site/content/hostile.md",  # inside the site, but no image
)


def test_a_scheme_url_leaving_the_site_is_refused_and_reads_nothing(qtbot, hostile) -> None:
    site, outside, canary, watch, opened, launches = hostile
    (site / "static" / "images" / "leak.png").symlink_to(outside / "secret.png")
    (site / "static" / "out").symlink_to(outside)
    (site / "content" / "hostile.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    preview = Preview(use_webengine=True)
    qtbot.addWidget(preview)
    preview.set_image_roots([site])
    escapes = [url.replace("{outside}", outside.as_posix().lstrip("/")) for url in ESCAPES]
    fragment = "".join(f'<img src="{url}">' for url in ["writer-preview://site/static/images/logo.png", *escapes])
    widths = _shown(preview, qtbot, fragment, site / "content")
    assert widths[0] > 0 and widths[1:] == [0] * len(escapes)
    assert len(preview.scheme.refused) >= 6 and not any("logo.png" in url for url in preview.scheme.refused)
    if watch is not None:
        assert watch.events() == []
    preview.release()


def test_in_the_window_a_hostile_page_cannot_take_the_site_links(qtbot, settings, hostile, tmp_path) -> None:
    """`<base href>` and a full-window form on an unsafe site: the site link still opens the page
    in Writer, the form does nothing, and images from beside the site stay unread."""
    from writer.ui.main_window import MainWindow

    site, outside, canary, watch, opened, launches = hostile
    page = site / "content" / "hostile.md"
    page.write_text(
        "---\ntitle: Hostile\n---\n"
        f'<base href="http://127.0.0.1:{canary.port}/">\n\n[Installation](/docs/install/)\n\n'
        f'<img src="file://{outside.as_posix()}/secret.png">\n\n'
        f'<form action="someapp://launch/x"><button style="position:fixed;left:0;right:0;bottom:0;height:50%">x'
        "</button></form>\n", encoding="utf-8")
    window = MainWindow(settings, use_webengine=True, recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    with qtbot.waitSignal(window.preview_updated, timeout=15000):
        window.open_path(page)
    qtbot.wait(250)
    preview = window.preview
    assert _click(preview, qtbot, "button")
    qtbot.wait(300)
    assert launches.urls == [] and opened == []
    assert _click(preview, qtbot, "a")
    qtbot.waitUntil(lambda: window.current_editor().path.name == "install.md", timeout=5000)
    assert opened == [] and launches.urls == [] and canary.requests == [] and canary.connections == []
    if watch is not None:
        assert watch.events() == []


def test_the_text_browser_preview_reads_no_file_outside_the_site(qtbot, hostile) -> None:
    """Without WebEngine the preview is a QTextBrowser, which reads image files itself."""
    site, outside, canary, watch, opened, launches = hostile
    preview = Preview(use_webengine=False)
    qtbot.addWidget(preview)
    preview.set_image_roots([site])
    inside = site / "static" / "images" / "logo.png"
    preview.show_html(f'<p><img src="file://{outside.as_posix()}/secret.png"><img src="../../outside/secret.png">'
                      f'<img src="{outside.as_posix()}/secret.png"><img src="{inside.as_uri()}"></p>',
                      site / "content" / "docs")
    assert preview.browser.loadResource(2, QUrl.fromLocalFile(str(inside))) is not None  # the site's own
    assert preview.browser.loadResource(2, QUrl.fromLocalFile(str(outside / "secret.png"))) is None
    assert preview.browser.loadResource(2, QUrl(f"http://127.0.0.1:{canary.port}/x.png")) is None
    # the renderer names site images in Writer's scheme: the text browser serves them as the handler does
    (site / "static" / "images" / "leak.png").symlink_to(outside / "secret.png")
    logo = "writer-preview://site/static/images/logo.png"
    assert preview.browser.loadResource(2, QUrl(logo)) is not None
    for url in ("writer-preview://site/%2e%2e/outside/secret.png", "writer-preview://site/static/images/leak.png",
                f"writer-preview://site/%2F{outside.as_posix().lstrip('/')}/secret.png"):
        assert preview.browser.loadResource(2, QUrl(url)) is None, url
    preview.show_html(f'<p><img src="{logo}"></p>', site / "content")
    preview.browser.document().size()  # laid out: its images loaded
    image = preview.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(logo))
    assert image is not None and not image.isNull()  # decoded into a picture
    if watch is not None:
        assert watch.events() == []
