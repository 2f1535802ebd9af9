"""A page with a stray NUL byte is a page (Hugo builds it): Writer indexes, checks and renders it
like Hugo, and keeps its bytes; a file full of NULs stays a binary file (issue 16, point 15)."""

from __future__ import annotations

from hugo_build import build
from hugo_snippets import hugo_render
from reader_view import reader_view

from writer.cli import main
from writer.core.document import Page
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site
from writer.core.render import Renderer

BODY = "Before the stray byte\x00after it, in a paragraph long enough to be a page of text.\n\nMore text.\n"


def test_a_stray_nul_is_text_rendered_like_hugo(tmp_path, capsys) -> None:
    site = tmp_path / "site-src"
    site.mkdir()
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "t"\n', encoding="utf-8")
    page = site / "content" / "nul.md"
    page.parent.mkdir()
    data = f"---\ntitle: 'Nul'\n---\n\n{BODY}".encode()
    page.write_bytes(data)
    (site / "content" / "blob.md").write_bytes(b"\x00\x01\x02\x00" * 64)  # really binary
    index = ContentIndex.build(Site.open(site))
    assert index.get("content/nul.md") is not None
    assert any("blob.md" in str(p.path) and "binary" in p.message for p in index.problems)
    loaded = Page.load(page)
    assert "\x00" in loaded.body and loaded.to_bytes() == data  # nothing changed on the way
    (site / "content" / "blob.md").unlink()  # Hugo would stop at it; Writer lists it as a problem
    published = build(site, tmp_path / "built")
    assert published.pages["content/nul.md"].permalink == index.get("content/nul.md").permalink
    theirs = hugo_render({"nul": BODY})["nul"]
    assert reader_view(Renderer().render(BODY), writer=True) == reader_view(theirs, writer=False)
    capsys.readouterr()
    main(["check", str(site)])
    assert "nul.md" not in capsys.readouterr().out
