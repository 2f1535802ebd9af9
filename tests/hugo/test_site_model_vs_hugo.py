"""The site as Hugo sees it (issue 16): module mounts, per-language settings, uglyURLs and
permalinks, front matter of other types, errors as Hugo judges them; each fixture site is
built by the real Hugo and compared with `writer pages` and `writer check`."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from hugo_build import FIXTURES, Build, build, hugo_binary

from writer.cli import main
from writer.core.check import Checker
from writer.core.hugo.site import Site


@pytest.fixture(scope="module")
def built_sites(tmp_path_factory) -> dict[str, Build]:
    return {}


def _built(name: str, cache: dict[str, Build], tmp_path_factory) -> Build:
    if name not in cache:
        cache[name] = build(FIXTURES / name, tmp_path_factory.mktemp(name))
    return cache[name]


def _pages(root, capsys) -> dict[str, dict]:
    capsys.readouterr()
    assert main(["pages", str(root), "--json"]) == 0
    return {p["path"]: p for p in json.loads(capsys.readouterr().out)["pages"]}


def _hugo_errors(result: Build) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("ERROR") and "logged" not in line]


def _assert_pages_match(result: Build, capsys) -> dict[str, dict]:
    ours = _pages(result.root, capsys)
    published = {p: ours[p]["permalink"] for p in ours if ours[p]["permalink"]}
    assert set(published) == set(result.pages), result.output
    for path, page in result.pages.items():
        assert (ours[path]["permalink"], ours[path]["lang"], ours[path]["kind"]) == (
            page.permalink, page.lang, page.kind), path
        hugo_side = {lang: f for lang, f in page.translations.items() if f}
        assert ours[path]["translations"] == hugo_side, path
    return ours


def test_mounted_content_gets_hugos_permalinks(built_sites, tmp_path_factory, capsys) -> None:
    """`content/en` mounted as `content` for English, `content/fr` for French, `docs` as
    `content/manual`: Hugo publishes /about/features/, /manual/howto/install/ and never the
    file left in the unmounted `content/` folder."""
    result = _built("mounts", built_sites, tmp_path_factory)
    assert _hugo_errors(result) == [], result.output
    ours = _assert_pages_match(result, capsys)
    assert "content/LICENSE.md" not in ours
    assert ours["content/en/about/features.md"]["permalink"] == "/about/features/"
    assert ours["docs/howto/install.fr.md"]["permalink"] == "/fr/manual/howto/install/"


def test_mounted_images_and_refs_are_found(built_sites, tmp_path_factory) -> None:
    """An image in a folder mounted as `static/images`, one in a mounted `assets/images`
    (published by Hugo's embedded image render hook) and refs to mounted pages."""
    result = _built("mounts", built_sites, tmp_path_factory)
    assert (result.root / "public" / "images" / "logo.png").is_file()
    assert (result.root / "public" / "images" / "banner.png").is_file()
    problems = Checker(Site.open(result.root)).check_site()
    assert [p for p in problems if p.severity == "error"] == [], problems
    assert result.missing_refs == []


def test_per_language_settings_give_hugos_permalinks(built_sites, tmp_path_factory, capsys) -> None:
    """`languages.fr.yaml` with its own `permalinks` (which replace the site's, so the French
    blog post gets no pattern), `languages.es.permalinks` in the older flat form with its own
    contentDir, and a disabled language whose page Hugo never publishes."""
    result = _built("perlang", built_sites, tmp_path_factory)
    assert _hugo_errors(result) == [], result.output
    ours = _assert_pages_match(result, capsys)
    assert ours["content/memos/first.fr.md"]["permalink"] == "/fr/memos/premier/"
    assert ours["content/blog/post.fr.md"]["permalink"] == "/fr/blog/post/"
    assert ours["content/memos/first.de.md"]["permalink"] == ""
    assert "de" not in ours["content/memos/first.md"]["translations"]


def test_ugly_urls_by_section_and_permalink_tokens(built_sites, tmp_path_factory, capsys) -> None:
    """`[uglyURLs] post = true` (the section's list page too is `index.html`), patterns per kind
    with `:sections[1:]`, `:sections[last]`, `:slugorfilename`, `:contentbasename`,
    `:monthname`, `:weekdayname`, and a number as slug."""
    result = _built("ugly", built_sites, tmp_path_factory)
    assert _hugo_errors(result) == [], result.output
    ours = _assert_pages_match(result, capsys)
    assert ours["content/post/numslug.md"]["permalink"] == "/post/1.html"
    assert ours["content/docs/guide/_index.md"]["permalink"] == "/documentation/guide/"


def test_ugly_urls_for_the_whole_site(tmp_path, capsys) -> None:
    """`uglyURLs = true`: every page `name.html`, every list page `index.html`; a front matter
    `url` (also a number) stays as written."""
    site = tmp_path / "src"
    shutil.copytree(FIXTURES / "ugly", site)
    config = (site / "hugo.toml").read_text(encoding="utf-8")
    (site / "hugo.toml").write_text(config.replace("[uglyURLs]\npost = true\n", "uglyURLs = true\n"),
                                    encoding="utf-8")
    (site / "content" / "_index.md").write_text("---\ntitle: Home\n---\n", encoding="utf-8")
    (site / "content" / "misc" / "num.md").write_text("---\ntitle: N\nurl: 2024\n---\n", encoding="utf-8")
    result = build(site, tmp_path / "built")
    assert _hugo_errors(result) == [], result.output
    ours = _assert_pages_match(result, capsys)
    assert ours["content/_index.md"]["permalink"] == "/index.html"
    assert ours["content/misc/num.md"]["permalink"] == "/2024/"


def test_build_options_and_cascades_publish_what_hugo_publishes(built_sites, tmp_path_factory, capsys) -> None:
    """`build.render: never` (or `false`), `headless: true` and the same cascaded from a section
    (to the section itself too, or only to `target.kind: page`): no page, so an empty permalink;
    `render: link` keeps its permalink though Hugo writes no file; `list: never` is published;
    refs to unpublished pages are no error (Hugo writes an empty link)."""
    result = _built("buildopts", built_sites, tmp_path_factory)
    assert _hugo_errors(result) == [] and result.missing_refs == [], result.output
    ours = _pages(result.root, capsys)
    link_only = "content/plain/linkonly.md"
    assert ours.pop(link_only)["permalink"] == "/plain/linkonly/" and link_only not in result.pages
    published = {path for path, page in ours.items() if page["permalink"]}
    assert published == set(result.pages), result.output
    for path, page in result.pages.items():
        assert ours[path]["permalink"] == page.permalink, path
    assert ours["content/drafts/sketch.md"]["draft"] is ours["content/drafts/_index.md"]["draft"] is True
    problems = Checker(Site.open(result.root)).check_site()
    assert [p for p in problems if p.severity == "error"] == [], problems


def test_errors_as_hugo_judges_them(built_sites, tmp_path_factory, tmp_path, capsys) -> None:
    """A relref inside a front matter string is never run by Hugo: a warning, not an error.
    A broken ref inside a paired shortcode's inner text fails Hugo's build, which names it
    `1:1`; Writer keeps its real line and column."""
    result = _built("judged", built_sites, tmp_path_factory)
    assert sorted((f, line, col, target) for f, line, col, target in result.missing_refs) == [
        ("content/inner.md", 1, 1, "absent"), ("content/inner.md", 1, 1, "not-there")], result.output
    problems = Checker(Site.open(result.root)).check_site()
    errors = sorted((p.path, p.line, p.column, p.code) for p in problems if p.severity == "error")
    assert errors == [("content/inner.md", 8, 6, "broken-ref"), ("content/inner.md", 12, 6, "broken-ref")]
    in_front_matter = [(p.line, p.column, p.severity) for p in problems if p.path == "content/page.md"]
    assert in_front_matter == [(3, 19, "warning")]

    site = tmp_path / "clean"
    shutil.copytree(FIXTURES / "judged", site)
    (site / "content" / "inner.md").unlink()
    clean = build(site, tmp_path / "built")
    assert "ERROR" not in clean.output, clean.output
    capsys.readouterr()
    assert main(["check", str(clean.root)]) == 0


@pytest.mark.parametrize("name", ["mounts", "perlang", "ugly", "buildopts", "judged"])
def test_languages_and_content_folders_match_hugo_config(name) -> None:
    """Enabled languages by weight, and each language's content folder as `hugo config` mounts it."""
    proc = subprocess.run([str(hugo_binary()), "config", "--format", "json", "--source", str(FIXTURES / name)],
                          capture_output=True, text=True, check=True)
    hugo = json.loads(proc.stdout[proc.stdout.index("{"):])
    languages = hugo.get("languages") or {hugo["defaultcontentlanguage"]: {"weight": 0}}
    enabled = {code: lang for code, lang in languages.items() if not lang.get("disabled")}
    site = Site.open(FIXTURES / name)
    assert site.language_codes == sorted(enabled, key=lambda code: (enabled[code]["weight"], code))
    assert site.disabled_languages == {code for code in languages if code not in enabled}
    for code in enabled:
        whole = [m for m in hugo["module"]["mounts"] if m["target"] == "content"]
        folders = [m["source"] for m in whole if code in m.get("sites", {}).get("matrix", {}).get("languages", [])]
        folders += [m["source"] for m in whole if "sites" not in m]
        assert site.language(code).content_dir == (folders[0] if folders else "content"), (name, code)


def test_html_content_files_are_pages_like_hugos(built_sites, tmp_path_factory, capsys) -> None:
    """`.html`/`.htm` content files are pages (issue 16, point 5): permalinks, translations and a
    section holding only HTML pages as Hugo publishes them, refs to them resolve, the preview
    shows the HTML as written (no Markdown), and `writer check` finds nothing."""
    from reader_view import reader_view

    from writer.core.document import Page
    from writer.core.hugo.render_context import SiteModel

    result = _built("htmlcontent", built_sites, tmp_path_factory)
    assert _hugo_errors(result) == [], result.output
    ours = _assert_pages_match(result, capsys)
    assert ours["content/pages/parts.html"]["permalink"] == "/pages/parts/"
    model = SiteModel.open(result.root)
    for path in ("content/about.html", "content/pages/parts.html", "content/docs/tuning.md"):
        file = result.root / path
        html = model.render_body(Page.load(file).body, file)
        assert reader_view(html, writer=True) == reader_view(result.pages[path].content, writer=False), path
    assert "*Not emphasis*" in model.render_body(Page.load(result.root / "content/pages/parts.html").body,
                                                 result.root / "content/pages/parts.html")
    assert [p for p in Checker(Site.open(result.root)).check_site() if p.severity == "error"] == []


def test_html_content_that_hugo_refuses_is_an_error(tmp_path) -> None:
    """Without `security.allowContent` allowing it, Hugo 0.168 refuses `.html` content and stops;
    `writer check` says so for each such page, naming the setting."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "htmlcontent", site)
    config = site / "hugo.toml"
    config.write_text(config.read_text(encoding="utf-8").split("[security]")[0], encoding="utf-8")
    refused = build(site, tmp_path / "built")
    assert "not whitelisted" in refused.output
    errors = [p for p in Checker(Site.open(site)).check_site() if p.severity == "error"]
    assert sorted(p.path for p in errors) == [
        "content/about.fr.html", "content/about.html", "content/kit/bundle/index.html",
        "content/pages/parts.html", "content/pages/tools.htm"]
    assert all(p.code == "content-not-allowed" and "allowContent" in p.message for p in errors)


def test_a_mounts_files_setting_picks_the_files_hugo_sees(built_sites, tmp_path_factory, capsys) -> None:
    """`files = ["! /drafts/**", ...]` and `files = ["/kept/**", "/top.md"]` on two content mounts:
    Writer lists exactly the pages Hugo publishes."""
    result = _built("mountfiles", built_sites, tmp_path_factory)
    assert _hugo_errors(result) == [], result.output
    ours = _assert_pages_match(result, capsys)
    assert "content/drafts/idea.md" not in ours and "content/guides/README.md" not in ours
    assert "notes/loose.md" not in ours and ours["notes/kept/one.md"]["permalink"] == "/notes/kept/one/"


def test_removed_mount_settings_stop_hugo_and_are_an_error(tmp_path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "mountfiles", site)
    config = site / "hugo.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'files = ["! /drafts/**", "! **/README.md", "! *.txt.md"]', 'excludeFiles = "/drafts/**"'), encoding="utf-8")
    assert "excludeFiles was deprecated" in build(site, tmp_path / "built").output
    errors = [p for p in Checker(Site.open(site)).check_site() if p.severity == "error"]
    assert len(errors) == 1 and "excludeFiles" in errors[0].message and errors[0].path == "hugo.toml"


def test_a_mount_for_several_languages_publishes_each_file_in_each(tmp_path, capsys) -> None:
    """`sites.matrix languages = ['en', 'fr']` on one content mount: Hugo publishes each of its
    files in both languages, as translations of each other; Writer lists both."""
    site = tmp_path / "src"
    for folder in ("shared", "content/en", "content/fr"):
        (site / folder).mkdir(parents=True)
    (site / "shared" / "common.md").write_text("---\ntitle: Shared\n---\nOne text for both.\n", encoding="utf-8")
    (site / "content" / "en" / "e.md").write_text("---\ntitle: E\n---\nx\n", encoding="utf-8")
    (site / "content" / "fr" / "f.md").write_text("---\ntitle: F\n---\nx\n", encoding="utf-8")
    mounts = "".join(
        f"[[module.mounts]]\nsource = '{source}'\ntarget = '{target}'\n"
        f"[module.mounts.sites.matrix]\nlanguages = {langs}\n"
        for source, target, langs in (("content/en", "content", "['en']"), ("content/fr", "content", "['fr']"),
                                      ("shared", "content/shared", "['en', 'fr']")))
    (site / "hugo.toml").write_text(
        "baseURL = 'https://example.org/'\ntitle = 't'\ndefaultContentLanguage = 'en'\n"
        f"[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n{mounts}", encoding="utf-8")
    result = build(site, tmp_path / "built")
    assert _hugo_errors(result) == [], result.output
    public = result.root / "public"
    assert (public / "shared/common/index.html").is_file() and (public / "fr/shared/common/index.html").is_file()
    capsys.readouterr()
    assert main(["pages", str(site), "--json"]) == 0
    shared = [p for p in json.loads(capsys.readouterr().out)["pages"] if p["path"] == "shared/common.md"]
    assert sorted((p["lang"], p["permalink"], p["translations"]) for p in shared) == [
        ("en", "/shared/common/", {"fr": "shared/common.md"}),
        ("fr", "/fr/shared/common/", {"en": "shared/common.md"})]


def test_a_themes_own_mounts_replace_its_static_folder(tmp_path) -> None:
    """A theme whose configuration mounts `pics` as `static/images`: Hugo publishes
    /images/a.png from it and no longer the theme's own `static/` (its mounts replace the
    defaults); `writer check` and the preview find the same files."""
    from writer.core.hugo.render_context import SiteModel

    site = tmp_path / "src"
    for folder in ("content", "themes/t/pics", "themes/t/static", "themes/t/layouts"):
        (site / folder).mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "t"\ntheme = "t"\n', encoding="utf-8")
    (site / "themes/t/hugo.toml").write_text('[[module.mounts]]\nsource = "pics"\ntarget = "static/images"\n'
                                             '[[module.mounts]]\nsource = "layouts"\ntarget = "layouts"\n',
                                             encoding="utf-8")
    (site / "themes/t/pics/a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (site / "themes/t/static/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    page = site / "content" / "p.md"
    page.write_text("---\ntitle: P\n---\n\n![mounted](/images/a.png) ![default](/logo.png)\n", encoding="utf-8")
    result = build(site, tmp_path / "built", probe=False)
    assert (result.root / "public/images/a.png").is_file()
    assert not (result.root / "public/logo.png").exists()
    problems = [(p.code, p.message) for p in Checker(Site.open(site)).check_site()]
    assert [m for code, m in problems if code == "missing-image"] == ['image "/logo.png" does not exist']
    html = SiteModel.open(site).render_body(page.read_text(encoding="utf-8").split("---\n", 2)[2], page)
    assert "themes/t/pics/a.png" in html and "writer-missing" in html
