"""A hostile site reads nothing outside its root (issue 14, points 3 and 4).

Images (`../`, `%2e%2e/`, a figure, a front matter field, a symlinked bundle image), a theme
or contentDir outside the site, configuration files and pages that are symbolic links:
nothing outside the site root is read, listed or pointed at, and each is a clear problem.
What Hugo does with each is checked in tests/hugo/test_hostile_site_hugo.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from writer.cli import main
from writer.core.check import Checker
from writer.core.errors import ConfigError
from writer.core.hugo.images import image_file, locate_image
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.render_context import SiteModel
from writer.core.hugo.site import Site


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def secret(tmp_path) -> Path:
    """Files beside the site, never to be read: a picture and a page-like text file."""
    write(tmp_path / "secret.txt", "---\ntitle: SECRET TITLE\n---\nSECRET BODY\n")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG secret")
    write(tmp_path / "elsewhere" / "page.md", "---\ntitle: ELSEWHERE\n---\nOUTSIDE\n")
    (tmp_path / "elsewhere" / "x.png").write_bytes(b"\x89PNG elsewhere")
    return tmp_path


@pytest.fixture()
def root(secret) -> Path:
    site = secret / "site"
    write(site / "hugo.toml", 'baseURL = "https://example.org/"\n')
    write(site / "content" / "_index.md", "---\ntitle: Home\n---\n")
    (site / "static").mkdir()
    return site


def check_json(capsys, target: Path) -> tuple[int, list[dict]]:
    capsys.readouterr()
    code = main(["check", str(target), "--json"])
    return code, json.loads(capsys.readouterr().out)["problems"]


# -- point 3: images ----------------------------------------------------------------------

HOSTILE_IMAGES = (
    "../../../secret.png",
    "%2e%2e/%2e%2e/%2e%2e/secret.png",
    "..%2F..%2F..%2Fsecret.png",
    "../../../elsewhere/x.png",
    "/../../secret.png",
)


@pytest.mark.parametrize("src", HOSTILE_IMAGES)
def test_an_image_path_leaving_the_site_finds_nothing(root, src) -> None:
    page = write(root / "content" / "blog" / "post.md", "---\ntitle: x\n---\n")
    assert (root / "content" / "blog" / "../../../secret.png").resolve().is_file()  # it is there
    assert image_file(src, page, [root / "static"]) is None
    assert locate_image(src, page, [root / "static"], root).state == "outside"


def test_check_names_images_outside_the_site(root, capsys) -> None:
    write(root / "content" / "blog" / "post.md", (
        "---\ntitle: x\nimage: ../../../secret.png\n---\n"
        "![a](../../../secret.png)\n\n![b](%2e%2e/%2e%2e/%2e%2e/secret.png)\n\n"
        '{{< figure src="../../../secret.png" alt="c" >}}\n'))
    code, problems = check_json(capsys, root)
    mine = [p for p in problems if p["path"] == "content/blog/post.md"]
    assert code == 0  # warnings: Hugo builds such a page (it publishes the src as written)
    assert [(p["line"], p["code"]) for p in mine] == [(5, "missing-image"), (7, "missing-image"),
                                                       (9, "missing-image"), (3, "missing-image")]
    assert all("outside the site" in p["message"] for p in mine)
    assert 'front matter field "image"' in mine[-1]["message"]


def test_a_symlinked_bundle_image_is_not_followed(root, secret, capsys) -> None:
    bundle = root / "content" / "team"
    write(bundle / "index.md", "---\ntitle: Team\n---\n![out](out.png)\n\n![in](in.png)\n\n![ok](ok.png)\n")
    (bundle / "out.png").symlink_to(secret / "secret.png")
    (root / "assets").mkdir()
    (root / "assets" / "real.png").write_bytes(b"png")
    (bundle / "in.png").symlink_to(root / "assets" / "real.png")
    (bundle / "ok.png").write_bytes(b"png")
    statics = [root / "static"]
    assert image_file("out.png", bundle / "index.md", statics) is None
    assert image_file("in.png", bundle / "index.md", statics) is None  # Hugo publishes no link
    assert image_file("ok.png", bundle / "index.md", statics) == bundle / "ok.png"
    _, problems = check_json(capsys, bundle / "index.md")
    messages = {p["line"]: p["message"] for p in problems}
    assert "outside the site" in messages[4] and "symbolic link" in messages[6] and 8 not in messages


def test_the_preview_points_at_no_file_outside_the_site(root, secret) -> None:
    (root / "static" / "logo.png").write_bytes(b"png")
    (root / "static" / "escape").symlink_to(secret)
    page = write(root / "content" / "blog" / "post.md", "---\ntitle: x\n---\n")
    body = "".join(f"![x]({src})\n\n" for src in HOSTILE_IMAGES) + (
        '{{< figure src="../../../secret.png" >}}\n\n![y](/escape/secret.png)\n\n![logo](/logo.png)\n')
    html = SiteModel.open(root).render_body(body, page.resolve())
    assert re.findall(r'"(file:[^"]*)"', html) == [(root / "static" / "logo.png").resolve().as_uri()]
    assert html.count("image not found:") == len(HOSTILE_IMAGES) + 2  # + figure, linked folder


def test_a_theme_outside_the_site_is_not_read(root, secret, capsys) -> None:
    write(secret / "evil" / "layouts" / "shortcodes" / "leak.html", "x")
    (secret / "evil" / "static").mkdir()
    (secret / "evil" / "static" / "t.png").write_bytes(b"png")
    write(root / "themes" / "good" / "layouts" / "shortcodes" / "fine.html", "x")
    write(root / "hugo.toml", 'theme = ["../../evil", "good"]\n')
    write(root / "content" / "p.md", "---\ntitle: p\n---\n![t](/t.png)\n")
    site = Site.open(root)
    assert site.shortcode_names() == frozenset({"fine"})
    assert site.theme_dirs == [root / "themes" / "good"]
    code, problems = check_json(capsys, root)
    codes = {(p["path"], p["code"], p["severity"]) for p in problems}
    assert codes == {(".", "outside-site", "warning"), ("content/p.md", "missing-image", "warning")}
    assert 'theme = "../../evil"' in next(p["message"] for p in problems if p["code"] == "outside-site")


@pytest.mark.parametrize("config", [
    'contentDir = "../elsewhere"\n',
    'contentDir = "/"\n',
    'defaultContentLanguage = "de"\n[languages.de]\ncontentDir = "content"\n'
    '[languages.en]\ncontentDir = "../elsewhere"\n',
])
def test_a_content_dir_outside_the_site_is_named_not_read(root, config, capsys) -> None:
    write(root / "hugo.toml", config)
    index = ContentIndex.build(Site.open(root))  # was: reads there, then ValueError
    assert all("ELSEWHERE" not in p.title and not p.path.startswith("/") for p in index.pages)
    assert any(p.kind == "outside-site" and "contentDir" in p.message for p in index.problems)
    capsys.readouterr()
    assert main(["pages", str(root), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "ELSEWHERE" not in out and "names a folder outside the site" in err


def test_a_content_folder_linked_inside_the_site_is_followed(root) -> None:
    (root / "content").rename(root / "real-content")
    (root / "content").symlink_to(root / "real-content")
    write(root / "real-content" / "p.md", "---\ntitle: P\n---\n")
    index = ContentIndex.build(Site.open(root))
    assert {p.title for p in index.pages} == {"Home", "P"} and index.problems == []


def test_a_configuration_file_linked_outside_the_site_is_refused(root, secret) -> None:
    write(secret / "params.toml", 'token = "SECRET"\n')
    (root / "config" / "_default").mkdir(parents=True)
    (root / "config" / "_default" / "params.toml").symlink_to(secret / "params.toml")
    with pytest.raises(ConfigError, match="outside the site") as info:
        Site.open(root)
    assert info.value.path == root / "config" / "_default" / "params.toml"


# -- point 4: symbolic links in content/ --------------------------------------------------

def test_symlinked_pages_and_folders_are_left_out_like_hugo(root, secret, capsys) -> None:
    blog = root / "content" / "blog"
    write(blog / "normal.md", "---\ntitle: Normal\n---\n")
    (blog / "leak.de.md").symlink_to(secret / "secret.txt")
    (blog / "outdir").symlink_to(secret / "elsewhere")
    write(root / "drafts" / "inner.md", "---\ntitle: Inner\n---\n")
    (blog / "indir").symlink_to(root / "drafts")
    (blog / "alias.md").symlink_to(blog / "normal.md")
    index = ContentIndex.build(Site.open(root))
    assert sorted(p.path for p in index.pages) == ["content/_index.md", "content/blog/normal.md"]
    skipped = sorted(Path(str(p.path)).name for p in index.problems if p.kind == "symlink")
    assert skipped == ["alias.md", "indir", "leak.de.md", "outdir"]
    code, problems = check_json(capsys, root)
    assert code == 0 and "SECRET" not in json.dumps(problems)
    assert sorted((p["path"], p["severity"]) for p in problems) == [
        ("content/blog/alias.md", "warning"), ("content/blog/indir", "warning"),
        ("content/blog/leak.de.md", "warning"), ("content/blog/outdir", "warning")]


def test_checking_a_linked_page_reads_nothing_outside(root, secret, capsys) -> None:
    (root / "content" / "leak.md").symlink_to(secret / "secret.txt")
    (root / "content" / "outdir").symlink_to(secret / "elsewhere")
    for target, code in ((root / "content" / "leak.md", "outside-site"),
                         (root / "content" / "outdir" / "page.md", "outside-site")):
        status, problems = check_json(capsys, target)
        assert status == 1 and [p["code"] for p in problems] == [code]
        assert "SECRET" not in json.dumps(problems) and "ELSEWHERE" not in json.dumps(problems)
    write(root / "content" / "real.md", "---\ntitle: Real\n---\n")
    (root / "content" / "copy.md").symlink_to(root / "content" / "real.md")
    status, problems = check_json(capsys, root / "content" / "copy.md")
    assert status == 0 and [(p["path"], p["code"]) for p in problems] == [("content/copy.md", "symlink")]


def test_a_checker_never_loads_a_page_outside_the_site(root, secret, monkeypatch) -> None:
    import writer.core.check as check_module

    (root / "content" / "leak.md").symlink_to(secret / "secret.txt")
    checker = Checker(Site.open(root))
    monkeypatch.setattr(check_module.Page, "load", lambda path: pytest.fail(f"read {path}"))
    assert [p.code for p in checker.check_file(root / "content" / "leak.md")] == ["outside-site"]
