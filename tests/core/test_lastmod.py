"""`lastmod` on save (issue 15, point 8): today, in the form the page or its section uses."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from writer.core.document import Page
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.lastmod import lastmod_update, section_fields, touch_lastmod, value_like
from writer.core.hugo.site import Site

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"
NOW = dt.datetime(2026, 5, 4, 9, 30, 12, 345678, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


def _stamped(text: str, siblings=(), now=NOW) -> str:
    page = Page(text, Path("/nowhere/x.md"))
    update = lastmod_update(page.fields, list(siblings), now)
    if update is not None:
        page.set(update.key, update.value)
    return page.text()


@pytest.mark.parametrize(
    "before,after",
    [
        ("---\ntitle: x\nlastmod: '2025-03-18'\n---\n", "---\ntitle: x\nlastmod: '2026-05-04'\n---\n"),
        ('---\nlastmod: "2025-03-18"\n---\nb\n', '---\nlastmod: "2026-05-04"\n---\nb\n'),
        ("---\nlastmod: 2025-03-18\n---\n", "---\nlastmod: 2026-05-04\n---\n"),
        ("---\nlastmod: 2025-03-18T10:00:00+01:00\n---\n", "---\nlastmod: 2026-05-04T09:30:12+02:00\n---\n"),
        ("---\nlastmod: 2025-03-18T10:00:00\n---\n", "---\nlastmod: 2026-05-04T09:30:12\n---\n"),
        ("---\nlastmod: '2025-03-18T10:00:00Z'\n---\n", "---\nlastmod: '2026-05-04T07:30:12Z'\n---\n"),
        ("---\nlastmod: '2025-03-18 10:00'\n---\n", "---\nlastmod: '2026-05-04 09:30'\n---\n"),
        ("---\nlastmod: '2025-03-18T10:00:00.000+0100'\n---\n", "---\nlastmod: '2026-05-04T09:30:12.000+0200'\n---\n"),
        ("---\nLastMod: '2025-03-18'\n---\n", "---\nLastMod: '2026-05-04'\n---\n"),
        ("---\nmodified: '2025-03-18'\n---\n", "---\nmodified: '2026-05-04'\n---\n"),
        ("+++\ntitle = 'x'\nlastmod = 2025-03-01\n+++\n", "+++\ntitle = 'x'\nlastmod = 2026-05-04\n+++\n"),
        ("+++\nlastmod = 2025-03-01T10:00:00+01:00\n+++\n", "+++\nlastmod = 2026-05-04T09:30:12+02:00\n+++\n"),
        ('+++\nlastmod = "2025-03-01"\n+++\n', '+++\nlastmod = "2026-05-04"\n+++\n'),
        ('{\n  "title": "x",\n  "lastmod": "2025-03-01"\n}\n', '{\n  "title": "x",\n  "lastmod": "2026-05-04"\n}\n'),
    ],
)
def test_the_pages_own_form_is_kept(before, after) -> None:
    assert _stamped(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: x\n---\n",  # no lastmod, no section
        "---\nlastmod: '2026-05-04'\n---\n",  # already today
        "---\nlastmod: 2026-05-04\n---\n",
        "---\nlastmod: 'last spring'\n---\n",  # not a date Writer can imitate: left alone
        "---\nlastmod: 'March 4, 2025'\n---\n",
        "---\nlastmod: 42\n---\n",
    ],
)
def test_nothing_to_do(text) -> None:
    assert _stamped(text) == text


def test_a_page_without_lastmod_follows_most_of_its_section() -> None:
    quoted = [{"title": "a", "lastmod": "2025-01-01"}, {"title": "b", "lastmod": "2025-02-02"},
              {"title": "c", "lastmod": dt.date(2025, 3, 3)}]
    assert _stamped("---\ntitle: x\n---\n", quoted) == "---\ntitle: x\nlastmod: '2026-05-04'\n---\n"
    dates = [{"lastmod": dt.date(2025, 1, 1)}, {"lastmod": dt.date(2025, 2, 2)}]
    assert _stamped("---\ntitle: x\n---\n", dates) == "---\ntitle: x\nlastmod: 2026-05-04\n---\n"
    half = [{"lastmod": "2025-01-01"}, {"title": "no lastmod"}]  # not most: nothing added
    assert _stamped("---\ntitle: x\n---\n", half) == "---\ntitle: x\n---\n"


def test_values_keep_their_type() -> None:
    assert value_like(dt.date(2020, 1, 1), NOW) == dt.date(2026, 5, 4)
    assert value_like(dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc), NOW) == dt.datetime(
        2026, 5, 4, 7, 30, 12, tzinfo=dt.timezone.utc)
    assert value_like(True, NOW) is None and value_like(["2020-01-01"], NOW) is None


def test_on_the_sample_site(sample) -> None:
    index = ContentIndex.build(Site.open(sample))
    about = Page.load(sample / "content/about.de.md")  # TOML, lastmod = 2025-03-01
    assert touch_lastmod(about, index, NOW)
    assert "lastmod = 2026-05-04\n" in about.text()
    post = sample / "content/blog/gemeinsam-schreiben/index.en.md"
    siblings = section_fields(index, post)  # the other pages of blog/, in every language
    assert len(siblings) == len([p for p in index.pages if p.path.startswith("content/blog/")]) - 1
    page = Page.load(post)
    page.delete("lastmod")
    assert touch_lastmod(page, index, NOW) and page.get("lastmod") == "2026-05-04"
    assert touch_lastmod(Page.load(post), None, NOW)  # its own lastmod is enough
    bare = Page("no front matter\n", sample / "content/blog/bare.md")
    assert not touch_lastmod(bare, index, NOW) and bare.text() == "no front matter\n"
