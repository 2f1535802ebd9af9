from __future__ import annotations

import datetime as dt
import difflib

import pytest

from writer.core.document import Page
from writer.core.errors import FrontMatterError

SEED_LIKE = """---
title: 'Verteilte Teams: was wirklich hilft'
date: 2023-06-06
lastmod: '2023-06-28'
author: "kim"
url: '/de/verteilte-teams'
color: '#eeeeee'
draft: false
weight: 3
tags: [remote, teams]
categories:
   - Arbeit
   - Werkzeuge
seo:
    title:
    description:
   
# a comment that must stay
description : typo key stays
---

Body with trailing spaces  
and no final newline"""


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_fields_are_parsed_with_their_types() -> None:
    page = Page(SEED_LIKE)
    assert page.format == "yaml"
    assert page.get("date") == dt.date(2023, 6, 6)
    assert page.get("lastmod") == "2023-06-28"
    assert page.get("seo.title") is None
    assert page.get("tags") == ["remote", "teams"]
    assert page.get("description") == "typo key stays"
    assert page.body.startswith("\nBody with trailing spaces  \n")


def test_open_and_save_without_edit_is_identical(tmp_path) -> None:
    path = tmp_path / "index.de.md"
    data = ("\ufeff" + SEED_LIKE.replace("\n", "\r\n")).encode()
    path.write_bytes(data)
    page = Page.load(path)
    assert page.bom and page.newline == "\r\n"
    page.save()
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    "key,value",
    [
        ("title", "Verteilte Teams: was wirklich hilft"),
        ("date", dt.date(2023, 6, 6)),
        ("lastmod", "2023-06-28"),
        ("draft", False),
        ("weight", 3),
        ("tags", ["remote", "teams"]),
        ("seo.title", None),
    ],
)
def test_setting_the_same_value_changes_no_byte(key, value) -> None:
    page = Page(SEED_LIKE)
    assert page.set(key, value) is False
    assert page.text() == SEED_LIKE


@pytest.mark.parametrize(
    "key,value,expected",
    [
        ("title", "Neu: ein Titel", "title: 'Neu: ein Titel'"),
        ("title", "It's here", "title: 'It''s here'"),
        ("author", "alex", 'author: "alex"'),
        ("date", dt.date(2024, 2, 1), "date: 2024-02-01"),
        ("lastmod", dt.date(2024, 2, 1), "lastmod: '2024-02-01'"),
        ("draft", True, "draft: true"),
        ("weight", 10, "weight: 10"),
        ("tags", ["remote", "büro", "a, b"], "tags: [remote, büro, 'a, b']"),
        ("seo.title", "Kurz und klar", "    title: Kurz und klar"),
        ("seo.description", "yes", "    description: 'yes'"),
        ("description", "other", "description : other"),
    ],
)
def test_setting_one_field_changes_only_its_line(key, value, expected) -> None:
    page = Page(SEED_LIKE)
    assert page.set(key, value) is True
    diff = changed_lines(SEED_LIKE, page.text())
    assert len(diff) == 2, diff
    assert diff[1].rstrip("\n") == "+" + expected
    reread = Page(page.text()).get(key)
    # a quoted string stays a string even when given a date
    assert reread == (value.isoformat() if key == "lastmod" else value)


def test_block_list_keeps_its_odd_indent() -> None:
    page = Page(SEED_LIKE)
    page.set("categories", ["Arbeit", "Reisen", "Werkzeuge"])
    assert "categories:\n   - Arbeit\n   - Reisen\n   - Werkzeuge\nseo:" in page.text()
    assert Page(page.text()).get("categories") == ["Arbeit", "Reisen", "Werkzeuge"]


def test_new_key_is_one_line_at_the_end_of_its_map() -> None:
    page = Page(SEED_LIKE)
    page.set("slug", "verteilte-teams")
    diff = changed_lines(SEED_LIKE, page.text())
    assert diff == ["+slug: verteilte-teams\n"]
    assert page.text().index("slug:") > page.text().index("description :")
    page.set("seo.keywords", ["a", "b"])
    assert "    description:\n    keywords: [a, b]\n" in page.text()


def test_new_nested_map_and_filling_an_empty_map() -> None:
    page = Page("---\ntitle: x\nseo:\nfoo: 1\n---\nbody\n")
    page.set("seo.title", "T")
    assert page.text() == "---\ntitle: x\nseo:\n  title: T\nfoo: 1\n---\nbody\n"
    page.set("social.image.alt", "A")
    assert page.get("social.image.alt") == "A"
    assert page.text().endswith("foo: 1\nsocial:\n  image:\n    alt: A\n---\nbody\n")


def test_crlf_file_gets_crlf_in_new_lines() -> None:
    text = "---\r\ntitle: a\r\n---\r\nbody\r\n"
    page = Page(text)
    page.set("draft", True)
    assert page.text() == "---\r\ntitle: a\r\ndraft: true\r\n---\r\nbody\r\n"


def test_page_without_front_matter_gets_a_yaml_block() -> None:
    page = Page("Just text\n")
    page.set("title", "Hallo")
    assert page.text() == "---\ntitle: Hallo\n---\nJust text\n"


def test_comments_and_whitespace_lines_survive_edits() -> None:
    page = Page(SEED_LIKE)
    page.set("title", "A")
    page.set("seo.description", "B")
    assert "# a comment that must stay\n" in page.text()
    assert "\n   \n" in page.text()
    assert page.body == Page(SEED_LIKE).body


def test_multiline_and_special_strings_round_trip() -> None:
    page = Page(SEED_LIKE)
    for value in ["two\nlines", "  padded  ", "#hash", "- dash", "null", "123", "true", "ä: ö", ""]:
        page.set("title", value)
        assert Page(page.text()).get("title") == value, value


def test_datetime_and_block_scalar() -> None:
    text = "---\npublished: 2024-01-02T10:30:00+02:00\nnote: |\n  line one\n  line two\nafter: 1\n---\n"
    page = Page(text)
    new = dt.datetime(2025, 5, 6, 7, 8, 9, tzinfo=dt.timezone.utc)
    page.set("published", new)
    assert "published: 2025-05-06T07:08:09+00:00\n" in page.text()
    page.set("note", "single")
    assert Page(page.text()).get("note") == "single"
    assert Page(page.text()).get("after") == 1


def test_delete_removes_only_that_key() -> None:
    page = Page(SEED_LIKE)
    assert page.delete("categories") is True
    diff = changed_lines(SEED_LIKE, page.text())
    assert diff == ["-categories:\n", "-   - Arbeit\n", "-   - Werkzeuge\n"]
    assert page.delete("nothing") is False


TOML_PAGE = """+++
title = 'Über uns'   # comment
date = 2025-01-10
tags = ["a", "b"]
[seo]
  title = ""
  description = "desc"
+++
Body
"""


def test_toml_round_trip_and_single_line_edits() -> None:
    page = Page(TOML_PAGE)
    assert page.format == "toml"
    assert page.get("date") == dt.date(2025, 1, 10)
    assert page.set("title", "Über uns") is False
    page.set("title", "Team")
    assert changed_lines(TOML_PAGE, page.text()) == [
        "-title = 'Über uns'   # comment\n",
        "+title = 'Team'   # comment\n",
    ]
    page = Page(TOML_PAGE)
    page.set("seo.title", "SEO")
    assert changed_lines(TOML_PAGE, page.text())[1] == '+  title = "SEO"\n'
    page.set("date", dt.date(2026, 2, 3))
    assert "date = 2026-02-03\n" in page.text()


def test_toml_new_key_in_table() -> None:
    page = Page(TOML_PAGE)
    page.set("draft", True)
    parsed = Page(page.text())
    assert parsed.get("draft") is True and parsed.get("seo.description") == "desc"


JSON_PAGE = """{
    "title": "Hallo",
    "tags": ["x"],
    "seo": {"title": ""}
}
Body
"""


def test_json_edits_keep_order_and_layout() -> None:
    page = Page(JSON_PAGE)
    assert page.format == "json"
    assert page.body == "Body\n"
    assert page.set("title", "Hallo") is False
    page.set("title", "Grüße")
    assert changed_lines(JSON_PAGE, page.text()) == [
        '-    "title": "Hallo",\n',
        '+    "title": "Grüße",\n',
    ]
    page.set("seo.title", "S")
    assert '"seo": {"title": "S"}' in page.text()
    page.set("draft", False)
    assert page.text().startswith('{\n    "title": "Grüße",\n    "tags": ["x"],\n    "seo": {"title": "S"},\n    "draft": false\n}\n')
    assert page.delete("tags") is True
    assert Page(page.text()).fields == {"title": "Grüße", "seo": {"title": "S"}, "draft": False}


@pytest.mark.parametrize(
    "text,line,column",
    [
        ("---\ntitle: 'x\ndate: 1\n---\nbody", 2, 8),
        ("---\ntitle: x\n  bad: indent\n---\n", 3, None),
        ("+++\ntitle = \n+++\n", 2, None),
        ('{\n "a": 1,\n}\nbody', 3, 1),
        ("---\ntitle: x\nno closing line\n", 1, 1),
    ],
)
def test_broken_front_matter_opens_raw_with_position(text, line, column) -> None:
    page = Page(text)
    err = page.error
    assert isinstance(err, FrontMatterError)
    assert err.line == line
    if column is not None:
        assert err.column == column
    assert page.text() == text
    with pytest.raises(FrontMatterError):
        page.set("title", "y")


def test_front_matter_must_be_a_map() -> None:
    page = Page("---\n- a\n- b\n---\n")
    assert page.error is not None and "map" in page.error.message
