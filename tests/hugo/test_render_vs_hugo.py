"""`writer render` against the pages a real Hugo build published, for every page of every site."""

from __future__ import annotations

import pytest
from hugo_build import FIXTURES, SAMPLE, Build, build
from reader_view import reader_view

from writer.core.hugo.render_context import SiteModel

SITES = {"suffix": FIXTURES / "suffix", "folders": FIXTURES / "folders-repo" / "src", "sample": SAMPLE}


@pytest.fixture(scope="module", params=sorted(SITES))
def built(request, tmp_path_factory) -> tuple[str, Build, SiteModel]:
    name = request.param
    result = build(SITES[name], tmp_path_factory.mktemp(f"render-{name}"))
    return name, result, SiteModel.open(result.root)


def _pairs(result: Build, model: SiteModel):
    from writer.core.document import Page

    for rel, published in sorted(result.pages.items()):
        page = Page.load(result.root / rel)
        ours = model.render_body(page.body, (result.root / rel).resolve())
        yield rel, reader_view(published.content, writer=False), reader_view(ours, writer=True)


def test_block_texts_match(built) -> None:
    name, result, model = built
    for rel, hugo, ours in _pairs(result, model):
        assert ours.blocks == hugo.blocks, rel


def test_heading_ids_match(built) -> None:
    name, result, model = built
    for rel, hugo, ours in _pairs(result, model):
        assert ours.heading_ids == hugo.heading_ids, rel


def test_link_targets_match(built) -> None:
    name, result, model = built
    for rel, hugo, ours in _pairs(result, model):
        assert ours.links == hugo.links, rel


def test_image_alts_and_footnotes_match(built) -> None:
    name, result, model = built
    for rel, hugo, ours in _pairs(result, model):
        assert ours.image_alts == hugo.image_alts, rel
        assert ours.footnote_ids == hugo.footnote_ids, rel
