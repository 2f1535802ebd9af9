"""The content index, permalinks, translations and broken refs, judged by a real Hugo build."""

from __future__ import annotations

import json
import subprocess

import pytest
from hugo_build import FIXTURES, SAMPLE, Build, build, hugo_binary

from writer.cli import main
from writer.core.check import Checker
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site, load_config

SITES = {
    "suffix": FIXTURES / "suffix",
    "folders": FIXTURES / "folders-repo" / "src",
    "sample": SAMPLE,
}


@pytest.fixture(scope="module", params=sorted(SITES))
def built(request, tmp_path_factory) -> tuple[str, Build]:
    name = request.param
    return name, build(SITES[name], tmp_path_factory.mktemp(name))


def writer_pages(root, capsys) -> dict:
    capsys.readouterr()
    assert main(["pages", str(root), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_page_and_permalink_matches_hugo(built, capsys) -> None:
    name, result = built
    data = writer_pages(result.root, capsys)
    ours = {p["path"]: p for p in data["pages"]}
    assert set(ours) == set(result.pages), name
    for path, published in result.pages.items():
        assert ours[path]["permalink"] == published.permalink, path
        assert ours[path]["lang"] == published.lang, path
        assert ours[path]["kind"] == published.kind, path


def test_translations_match_hugo(built, capsys) -> None:
    name, result = built
    data = writer_pages(result.root, capsys)
    for page in data["pages"]:
        hugo_side = {lang: f for lang, f in result.pages[page["path"]].translations.items() if f}
        assert page["translations"] == hugo_side, page["path"]


def test_broken_refs_match_hugo_ref_not_found(built) -> None:
    name, result = built
    site = Site.open(result.root)
    problems = Checker(site).check_site()
    ours = sorted(
        (p.path, p.line, p.column)
        for p in problems
        if p.code == "broken-ref" and not _in_front_matter(result.root / p.path, p.line)
    )
    assert ours == [(f, line, col) for f, line, col, _ in result.missing_refs], result.output


def _in_front_matter(file, line) -> bool:
    lines = file.read_text(encoding="utf-8-sig").splitlines()
    if not lines or lines[0].strip() not in ("---", "+++"):
        return False
    closing = next(i for i, text in enumerate(lines[1:], start=2) if text.strip() == lines[0].strip())
    return line <= closing


def test_hugo_built_without_errors(built) -> None:
    name, result = built
    errors = [
        line for line in result.output.splitlines()
        if line.startswith("ERROR") and "REF_NOT_FOUND" not in line and "logged" not in line
    ]
    assert errors == [], result.output
    if name == "sample":
        assert "WARN" not in result.output, result.output


def test_config_reading_matches_hugo_config(tmp_path) -> None:
    for name, root in SITES.items():
        proc = subprocess.run(
            [str(hugo_binary()), "config", "--format", "json", "--source", str(root)],
            capture_output=True, text=True, check=True,
        )
        hugo = json.loads(proc.stdout[proc.stdout.index("{"):])
        ours = load_config(root)
        site = Site.open(root)
        assert site.default_language == hugo["defaultcontentlanguage"], name
        assert site.default_in_subdir == hugo.get("defaultcontentlanguageinsubdir", False), name
        hugo_langs = sorted(hugo["languages"], key=lambda c: (hugo["languages"][c]["weight"], c))
        assert site.language_codes == hugo_langs, name
        mounts = {}
        for mount in hugo["module"].get("mounts", []):
            if mount["target"] == "content":
                for code in mount.get("sites", {}).get("matrix", {}).get("languages", hugo_langs):
                    mounts.setdefault(code, mount["source"])
        for code in hugo_langs:
            assert site.language(code).content_dir == mounts.get(code, "content"), (name, code)
        for path in (("highlight", "style"), ("goldmark", "parser", "attribute", "block"),
                     ("goldmark", "renderer", "unsafe")):
            theirs, mine = hugo["markup"], ours.get("markup", {})
            for key in path:
                theirs = theirs.get(key, {}) if isinstance(theirs, dict) else {}
                mine = mine.get(key, {}) if isinstance(mine, dict) else {}
            if mine != {}:
                # `hugo config` leaves out settings that are false
                assert mine == (theirs if theirs != {} else False), (name, path)
        assert ours.get("params", {}) == {k: v for k, v in hugo.get("params", {}).items()
                                          if k in ours.get("params", {})}, name


def test_site_found_from_repository_root_and_from_inside() -> None:
    repo = FIXTURES / "folders-repo"
    assert Site.open(repo).root == (repo / "src").resolve()
    deep = repo / "src" / "content" / "english" / "blog" / "first-post" / "index.md"
    assert Site.open(deep).root == (repo / "src").resolve()
    index = ContentIndex.build(Site.open(deep))
    assert index.page_for_file(deep).lang == "en"


def test_front_matter_keys_in_any_case_give_hugos_permalinks(tmp_path, capsys) -> None:
    """Hugo lower-cases front matter keys: `URL:`, `Slug:`, `Title:`, `Date:` are url, slug..."""
    src = tmp_path / "src"
    (src / "content" / "posts").mkdir(parents=True)
    (src / "hugo.toml").write_text('baseURL = "https://example.org/"\n[permalinks]\nposts = "/:year/:title/"\n',
                                   encoding="utf-8")
    (src / "content" / "about.md").write_text("---\nTitle: Über uns\nURL: /ueber-uns/\n---\n", encoding="utf-8")
    (src / "content" / "team.md").write_text("---\ntitle: Team\nSlug: Das Team\n---\n", encoding="utf-8")
    (src / "content" / "posts" / "a.md").write_text(
        "+++\nTITLE = 'Großer Titel'\nDate = 2024-03-05\n+++\n", encoding="utf-8")
    result = build(src, tmp_path / "built")
    ours = {p["path"]: p["permalink"] for p in writer_pages(result.root, capsys)["pages"]}
    for path in ("content/about.md", "content/team.md", "content/posts/a.md"):
        assert ours[path] == result.pages[path].permalink, (path, result.pages[path].permalink)
    assert ours["content/about.md"] == "/ueber-uns/" and ours["content/posts/a.md"].startswith("/2024/")
