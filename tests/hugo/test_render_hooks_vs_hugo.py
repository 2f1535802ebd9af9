"""Hugo's embedded link render hook on a multilingual site (tests/fixtures/render-hooks), under
`useEmbedded` auto (the default: on for a multilingual single-host site) and never."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hugo_build import build
from reader_view import reader_view

from writer.core.document import Page
from writer.core.hugo.render_context import SiteModel

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "render-hooks"
SETTINGS = {
    "auto": "",
    "never": "[markup.goldmark.renderHooks.link]\nuseEmbedded = 'never'\n",
    "always": "[markup.goldmark.renderHooks.link]\nuseEmbedded = 'always'\n",
}


@pytest.fixture(scope="module", params=sorted(SETTINGS))
def built(request, tmp_path_factory):
    source = tmp_path_factory.mktemp("hooks-src") / "site"
    shutil.copytree(SITE, source)
    config = source / "hugo.toml"
    config.write_text(config.read_text(encoding="utf-8") + SETTINGS[request.param], encoding="utf-8")
    result = build(source, tmp_path_factory.mktemp(f"hooks-{request.param}"))
    return request.param, result, SiteModel.open(result.root)


def test_link_targets_match_hugo(built) -> None:
    name, result, model = built
    assert len(result.pages) >= 6
    for rel, published in sorted(result.pages.items()):
        body = Page.load(result.root / rel).body
        ours = model.render_body(body, (result.root / rel).resolve())
        hugo_links = reader_view(published.content, writer=False).links
        assert reader_view(ours, writer=True).links == hugo_links, (name, rel)


def test_french_page_links_are_french(built) -> None:
    name, result, model = built
    page = result.root / "content" / "blog" / "post" / "index.fr.md"
    html = model.render_body(Page.load(page).body, page.resolve())
    if name == "never":
        assert 'href="/about"' in html and 'href="#top"' in html
    else:
        assert 'href="/fr/about/"' in html and 'href="/fr/blog/post/#top"' in html
        assert "Grok_%28chatbot%29" in html and 'href="/blog/post/pic.png"' in html


def test_remote_image_sources_match_hugo(built) -> None:
    import re

    name, result, model = built
    remote = re.compile(r'<img src="(https?://[^"]*)"')
    for rel, published in sorted(result.pages.items()):
        ours = model.render_body(Page.load(result.root / rel).body, (result.root / rel).resolve())
        assert remote.findall(ours) == remote.findall(published.content), (name, rel)
