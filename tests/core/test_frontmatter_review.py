"""Edge cases found in review: each once corrupted or broke a page's front matter."""

from __future__ import annotations

import pytest

from writer.core.document import Page
from writer.core.errors import FrontMatterError


@pytest.mark.parametrize(
    "text,key,value,expected",
    [
        ("---\ntitle: # note\n---\nbody", "title", "x", "---\ntitle: x # note\n---\nbody"),
        ("---\ntags:   # c\n---\n", "tags", ["a"], "---\ntags: [a] # c\n---\n"),
        ("---\ntags:\n- a\nx: 1\n---\n", "tags", {"k": "v"}, "---\ntags:\n  k: v\nx: 1\n---\n"),
        ("---\ntags:\n- a\n- b\nx: 1\n---\n", "tags", "solo", "---\ntags: solo\nx: 1\n---\n"),
        ("---\ntags:\n- a\nx: 1\n---\n", "tags", [], "---\ntags: []\nx: 1\n---\n"),
        ("---\nseo: {title: x}\n---\n", "seo.desc", "a, b", "---\nseo: {title: x, desc: 'a, b'}\n---\n"),
        ("---\nseo: {a: 1, }\n---\n", "seo.b", 2, "---\nseo: {a: 1, b: 2}\n---\n"),
        ("---\nseo: {a: , c: 1}\n---\n", "seo.a.b", 1, "---\nseo: {a: {b: 1}, c: 1}\n---\n"),
        ("---\na: &x 1\nb: *x\n---\n", "a", 2, "---\na: &x 2\nb: *x\n---\n"),
        ("---\nd: |\n  line\n\nx: 1\n---\n", "d", "new", "---\nd: new\n\nx: 1\n---\n"),
        ('+++\r\ntitle = "a"\r\n+++\r\nbody', "x", 2, '+++\r\ntitle = "a"\r\nx = 2\r\n+++\r\nbody'),
        ("---\nseo: ~\nx: 1\n---\n", "seo.title", "Hi", "---\nseo:\n  title: Hi\nx: 1\n---\n"),
        ("---\nseo: null # later\n---\n", "seo.title", "Hi", "---\nseo: # later\n  title: Hi\n---\n"),
        ("---\nm: {seo: ~, x: 1}\n---\n", "m.seo.t", "Hi", "---\nm: {seo: {t: Hi}, x: 1}\n---\n"),
        ("---\nflag: yes\n---\n", "flag", "no", "---\nflag: 'no'\n---\n"),
        ("---\ntime: 1:30\n---\n", "time", "2:45", "---\ntime: '2:45'\n---\n"),
        ("---\nseo: !!null\nx: 1\n---\n", "seo.title", "Hi", "---\nseo:\n  title: Hi\nx: 1\n---\n"),
        ("---\nseo:\n  ~\nx: 1\n---\n", "seo.title", "Hi", "---\nseo:\n  title: Hi\nx: 1\n---\n"),
        ("---\ntitle: x\n---\n", "title", "1.5e3", "---\ntitle: '1.5e3'\n---\n"),
    ],
)
def test_review_cases(text, key, value, expected) -> None:
    page = Page(text)
    page.set(key, value)
    assert page.text() == expected
    assert Page(page.text()).error is None


def test_values_keep_their_type() -> None:
    for value in ["p\x85q", "p\x80q", 1e20, float("inf"), [{"a": 1}, "b"], ["c", 1]]:
        page = Page('---\nv: 1\ntags:\n  - "a"\n---\n')
        page.set("v", value)
        page.set("tags", ["c", 1])
        again = Page(page.text())
        assert again.get("v") == value and again.get("tags") == ["c", 1], value


def test_a_key_in_a_yaml_set_is_refused_without_touching_other_lines() -> None:
    page = Page("---\ns: {a, b}\nz: 1\n---\n")
    with pytest.raises(FrontMatterError):
        page.set("s.a", "v")
    assert page.text() == "---\ns: {a, b}\nz: 1\n---\n"


def test_editor_errors_carry_the_file_line() -> None:
    page = Page("---\na: 1\ntitle:\tx\n---\n")
    try:
        page.set("a", 2)
    except FrontMatterError as exc:
        assert exc.line in (None, 3)
    else:
        assert Page(page.text()).get("a") == 2


@pytest.mark.parametrize(
    "text,key,expected",
    [
        ("---\nseo: {title: x, description: y}\n---\n", "seo.title", "---\nseo: {description: y}\n---\n"),
        ("---\nseo: {title: x, description: y}\n---\n", "seo.description", "---\nseo: {title: x}\n---\n"),
        ("---\nseo: {title: x}\n---\n", "seo.title", "---\nseo: {}\n---\n"),
        ("---\nseo: {a: , b: 1}\n---\n", "seo.a", "---\nseo: {b: 1}\n---\n"),
        ("---\nseo: {\n  a: 1,\n  b: 2\n}\nz: 1\n---\n", "seo.b", "---\nseo: {\n  a: 1\n}\nz: 1\n---\n"),
        ("---\nseo: {'a b': \"q\", c: [1, 2]}\n---\n", "seo.a b", "---\nseo: {c: [1, 2]}\n---\n"),
        ("---\nseo: {a: 1 # c\n  , b: 2}\n---\n", "seo.a", "---\nseo: {b: 2}\n---\n"),
        ("---\nseo: {a: !!null , b: 2}\n---\n", "seo.a", "---\nseo: {b: 2}\n---\n"),
    ],
)
def test_delete_inside_a_flow_map(text, key, expected) -> None:
    page = Page(text)
    assert page.delete(key) is True
    assert page.text() == expected
    assert Page(page.text()).error is None


def test_yaml_11_words_are_text_like_in_hugo() -> None:
    page = Page("---\non: yes\noff: 1:30\n---\n")
    assert page.get("on") == "yes" and page.get("off") == "1:30"
    assert page.set("on", "maybe") is True
    assert page.text() == "---\non: maybe\noff: 1:30\n---\n"


def test_an_edit_that_would_break_the_block_is_refused_and_changes_nothing() -> None:
    text = "---\nseo: {a: &x 1, b: *x}\n---\nbody\n"
    page = Page(text)
    with pytest.raises(FrontMatterError, match="without breaking the front matter"):
        page.delete("seo.a")
    assert page.text() == text
