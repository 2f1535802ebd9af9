"""Site discovery, configuration forms, the content index and permalinks (no Hugo needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from writer.core.errors import ConfigError
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site, find_site_root, load_config
from writer.core.hugo.urls import make_path, page_permalink, sanitize_path, urlize

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name,text",
    [
        ("hugo.toml", 'defaultContentLanguage = "fr"\n[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n'),
        ("hugo.yaml", "defaultContentLanguage: fr\nlanguages:\n  fr: {weight: 1}\n  en: {weight: 2}\n"),
        ("config.yml", "defaultContentLanguage: fr\nlanguages:\n  en: {weight: 2}\n  fr: {weight: 1}\n"),
        ("config.json", '{"defaultContentLanguage": "fr", "languages": {"fr": {"weight": 1}, "en": {"weight": 2}}}'),
    ],
)
def test_every_config_file_form(tmp_path, name, text) -> None:
    write(tmp_path / name, text)
    site = Site.open(tmp_path)
    assert site.default_language == "fr"
    assert site.language_codes == ["fr", "en"]
    assert site.lang_prefix("fr") == "" and site.lang_prefix("en") == "/en"


def test_config_folder_merges_files_under_their_names(tmp_path) -> None:
    folder = tmp_path / "config" / "_default"
    write(folder / "hugo.toml", 'defaultContentLanguage = "de"\n')
    write(folder / "languages.de.toml", "weight = 1\nlabel = 'Deutsch'\n")
    write(folder / "languages.en.toml", "weight = 2\ncontentDir = 'content/en'\n")
    write(folder / "menus.en.toml", "[[main]]\nname = 'Home'\n")
    write(folder / "params.yaml", "Color: blue\n")
    config = load_config(tmp_path)
    assert config["languages"]["de"]["label"] == "Deutsch"
    assert config["menus"]["en"]["main"][0]["name"] == "Home"
    assert config["params"] == {"color": "blue"}
    site = Site(tmp_path, config)
    assert site.language("en").content_dir == "content/en"
    assert site.language("de").content_dir == "content"


def test_weights_sort_like_hugo_with_zero_last(tmp_path) -> None:
    write(tmp_path / "hugo.toml", "[languages.ru]\n[languages.es]\nweight = 2\n[languages.pt]\nweight = 1\n")
    assert Site.open(tmp_path).language_codes == ["pt", "es", "en", "ru"]


def test_broken_config_names_file_line_and_column(tmp_path) -> None:
    write(tmp_path / "hugo.toml", 'title = "ok"\nbaseURL = \n')
    with pytest.raises(ConfigError) as info:
        Site.open(tmp_path)
    err = info.value
    assert err.path == tmp_path / "hugo.toml" and err.line == 2
    write(tmp_path / "hugo.toml", "")
    (tmp_path / "hugo.toml").unlink()
    write(tmp_path / "config.yaml", "title: ok\n  bad: [\n")
    with pytest.raises(ConfigError, match="config.yaml:2"):
        Site.open(tmp_path)


def test_site_found_in_parent_and_in_subfolder(tmp_path) -> None:
    write(tmp_path / "repo" / "src" / "hugo.toml", "")
    page = write(tmp_path / "repo" / "src" / "content" / "a" / "b.md", "x")
    assert find_site_root(page) == (tmp_path / "repo" / "src").resolve()
    assert find_site_root(tmp_path / "repo") == (tmp_path / "repo" / "src").resolve()


def test_folder_without_config_opens_as_plain_markdown(tmp_path) -> None:
    write(tmp_path / "notes" / "one.md", "---\ntitle: Eins\n---\n")
    write(tmp_path / "notes" / "sub" / "two.md", "Zwei\n")
    site = Site.open(tmp_path / "notes")
    assert site.plain
    index = ContentIndex.build(site)
    assert [p.path for p in index.pages] == ["one.md", "sub/two.md"]
    assert index.pages[0].title == "Eins"


def test_hugo_path_sanitising() -> None:
    assert make_path("[alt] Seite Mit Klammern") == "alt-seite-mit-klammern"
    assert make_path("Ä Page") == "ä-page"
    assert sanitize_path("a  b  c") == "a-b-c"
    assert urlize("Hallo Welt!") == "hallo-welt"
    assert urlize("Überschrift äöü") == "überschrift-äöü"


def test_permalink_rules() -> None:
    def link(**kw):
        base = dict(kind="page", dirs=["blog"], name="x", fields={}, lang_prefix="")
        base.update(kw)
        return page_permalink(**base)

    assert link() == "/blog/x/"
    assert link(lang_prefix="/en") == "/en/blog/x/"
    assert link(fields={"slug": "My Slug"}) == "/blog/my-slug/"
    assert link(fields={"url": "/fr/chez-nous"}, lang_prefix="/fr") == "/fr/chez-nous/"
    assert link(fields={"url": "chez-nous"}, lang_prefix="/fr") == "/fr/chez-nous/"
    assert link(fields={"url": "/feed.xml"}) == "/feed.xml"
    pattern = {"blog": "/:year/:month/:slug/"}
    assert link(fields={"title": "Hi There", "date": "2024-05-06"}, patterns=pattern) == "/2024/05/hi-there/"
    assert link(dirs=["Ä b"], name="ö") == "/%C3%A4-b/%C3%B6/"
    assert link(kind="section", dirs=[], name="blog", lang_prefix="/en") == "/en/blog/"
    assert link(kind="home", dirs=[], name="", base_path="/docs") == "/docs/"


def test_index_of_suffix_fixture() -> None:
    index = ContentIndex.build(Site.open(FIXTURES / "suffix"))
    pages = {p.path: p for p in index.pages}
    assert "content/docs/guide/notes.md" not in pages  # a leaf bundle's resource
    guide = pages["content/docs/guide/index.de.md"]
    assert (guide.lang, guide.kind, guide.bundle, guide.title) == ("de", "page", "leaf", "Anleitung")
    assert pages["content/docs/_index.de.md"].bundle == "branch"
    assert pages["content/_index.md"].kind == "home"
    assert pages["content/json.de.md"].draft is True
    assert pages["content/news/hallo-welt.md"].permalink == "/2024/hallo-welt/"
    about = pages["content/ueber-uns.de.md"]
    assert {k: v.path for k, v in index.translations(about).items()} == {"en": "content/about-us.en.md"}
    install = pages["content/docs/install.md"]
    assert sorted(index.translations(install)) == ["en", "fr"]
    assert index.problems == []


def test_index_of_folder_fixture() -> None:
    index = ContentIndex.build(Site.open(FIXTURES / "folders-repo"))
    pages = {p.path: p for p in index.pages}
    first = pages["content/english/blog/first-post/index.md"]
    assert first.lang == "en" and first.permalink == "/docs/en/blog/2024/02/first-post/"
    assert index.translations(first)["de"].path == "content/deutsch/blog/erster-beitrag/index.md"
    assert pages["content/deutsch/_index.md"].permalink == "/docs/de/"


def test_unreadable_files_are_reported_and_listed(tmp_path) -> None:
    write(tmp_path / "hugo.toml", "")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "latin.md").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "content" / "bin.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "content" / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "content" / "loop").symlink_to(tmp_path / "content")
    write(tmp_path / "content" / "ok.md", "---\ntitle: ok\n---\n")
    index = ContentIndex.build(Site.open(tmp_path))
    messages = {Path(str(p.path)).name: p.message for p in index.problems}
    assert "not UTF-8" in messages["latin.md"]
    assert "binary" in messages["bin.md"]
    assert sorted(p.path for p in index.pages) == ["content/bin.md", "content/latin.md", "content/ok.md"]
