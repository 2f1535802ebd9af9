from __future__ import annotations

import datetime as dt
from pathlib import Path

from writer.core.document import Page
from writer.core.hugo.drafts import inbound_links, page_states, publish
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"
NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.timezone.utc)


def test_states(tmp_path) -> None:
    (tmp_path / "hugo.toml").write_text("")
    content = tmp_path / "content"
    content.mkdir()
    (content / "d.md").write_text("---\ndraft: true\n---\n")
    (content / "f.md").write_text("---\ndate: 2099-01-01\n---\n")
    (content / "e.md").write_text("---\nexpiryDate: 2020-01-01\n---\n")
    (content / "p.md").write_text("---\ndate: '2024-05-01'\n---\n")
    index = ContentIndex.build(Site.open(tmp_path))
    states = {p.path: page_states(p, NOW) for p in index.pages}
    assert states == {"content/d.md": {"draft"}, "content/f.md": {"future"},
                      "content/e.md": {"expired"}, "content/p.md": set()}


def test_publish_keeps_the_date_form() -> None:
    page = Page("---\ntitle: x\ndate: '2025-01-01'\ndraft: true\n---\nBody\n")
    assert publish(page, NOW)
    assert page.text() == "---\ntitle: x\ndate: '2026-11-29'\ndraft: false\n---\nBody\n"
    page = Page("---\ndate: 2025-01-01T08:00:00+01:00\ndraft: true\n---\n")
    publish(page, NOW)
    assert "date: 2026-11-29T12:00:00+00:00\n" in page.text()


def test_inbound_links_of_a_page() -> None:
    index = ContentIndex.build(Site.open(SAMPLE))
    links = inbound_links(index, index.get("content/blog/remote-teams/index.de.md"))
    paths = {path for path, _ in links}
    assert "content/loesungen/forschungsteams/index.de.md" in paths
    assert "content/blog/gemeinsam-schreiben/index.de.md" in paths
    assert all(isinstance(line, int) and line > 0 for _, line in links)
