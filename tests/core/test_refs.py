"""ref/relref: every target form Hugo accepts, with positions of broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from writer.core.hugo.index import ContentIndex
from writer.core.hugo.refs import RefResolver, find_refs
from writer.core.hugo.site import Site

SUFFIX = Path(__file__).parent.parent / "fixtures" / "sites" / "suffix"


@pytest.fixture(scope="module")
def resolver() -> RefResolver:
    return RefResolver(ContentIndex.build(Site.open(SUFFIX)))


def page(resolver, path):
    return resolver.index.get(path)


@pytest.mark.parametrize(
    "target,url",
    [
        ("install", "/docs/install/"),
        ("/docs/install.md", "/docs/install/"),
        ("docs/install", "/docs/install/"),
        ("docs/install/", "/docs/install/"),
        ("docs/guide", "/docs/guide/"),
        ("docs/guide/index.de.md", "/docs/guide/"),
        ("docs/_index.de.md", "/docs/"),
        ("docs", "/docs/"),
        ("docs/install#schritt-1", "/docs/install/#schritt-1"),
        ("#oben", "#oben"),
        ("/", "/"),
        ("[alt] Seite mit Klammern/Ä Page", "/alt-seite-mit-klammern/%C3%A4-page/"),
        ("json", "/json/"),
    ],
)
def test_target_forms_resolve(resolver, target, url) -> None:
    current = page(resolver, "content/docs/guide/index.de.md")
    found = resolver.resolve(target, current)
    assert found is not None, target
    assert resolver.url("relref", found) == url


def test_language_of_current_page_first_and_explicit_lang(resolver) -> None:
    english = page(resolver, "content/docs/guide/index.en.md")
    found = resolver.resolve("docs/install", english)
    assert found.page.path == "content/docs/install.en.md" and found.url == "/en/setup/"
    german = page(resolver, "content/docs/guide/index.de.md")
    assert resolver.resolve("docs/install", german, "fr").url == "/fr/fr/installer/"


def test_ref_is_absolute_with_base_url(resolver) -> None:
    found = resolver.resolve("docs/install", page(resolver, "content/docs/install.md"))
    assert resolver.url("ref", found) == "https://example.com/docs/install/"


@pytest.mark.parametrize("target", ["docs/gibt-es-nicht", "../install", "nowhere", "docs/guide/notes"])
def test_broken_targets(resolver, target) -> None:
    assert resolver.resolve(target, page(resolver, "content/docs/guide/index.de.md")) is None


def test_find_refs_positions_and_forms() -> None:
    text = (
        "---\ntitle: x\nsummary: 'see [a]({{< relref \"a\" >}})'\n---\n"
        "Ü [b]({{% ref \"b\" %}}) {{<relref path=\"c\" lang=\"en\">}}\n"
        "{{</* relref \"comment\" */>}} {{< relref \"d\" />}}\n"
    )
    uses = list(find_refs(text))
    assert [(u.name, u.target, u.lang, u.line, u.column) for u in uses] == [
        ("relref", "a", None, 3, 19),
        ("ref", "b", None, 5, 8),  # columns count UTF-8 bytes, as Hugo's do
        ("relref", "c", "en", 5, 25),
        ("relref", "d", None, 6, 30),
    ]
