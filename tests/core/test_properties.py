"""Hypothesis properties of the lossless core: round-trips, and edits that touch one line."""

from __future__ import annotations

import datetime as dt
import difflib

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from writer.core.document import Page

keys = st.from_regex(r"[a-z][a-zA-Z0-9_]{0,11}", fullmatch=True)
plain_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029\ufeff"),
    max_size=30,
)
scalars = st.one_of(
    plain_text,
    st.integers(-10**6, 10**6),
    st.booleans(),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
)
values = st.one_of(scalars, st.lists(st.one_of(plain_text, st.integers(0, 99)), max_size=4))
bodies = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=200)
newlines = st.sampled_from(["\n", "\r\n"])


def yaml_line(key: str, value: object) -> str | None:
    line = yaml.safe_dump({key: value}, allow_unicode=True, width=10**9, default_flow_style=True)
    line = line.rstrip("\n")[1:-1]  # "{key: value}" -> "key: value"
    return None if "\n" in line else line


@st.composite
def yaml_pages(draw):
    fields = draw(st.dictionaries(keys, values, min_size=1, max_size=6))
    lines = [yaml_line(k, v) for k, v in fields.items()]
    assume(all(line is not None for line in lines))
    newline = draw(newlines)
    body = draw(bodies).replace("\r", "")
    text = "---" + newline + newline.join(lines) + newline + "---" + newline + body.replace("\n", newline)
    return text, fields


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_pages(), st.booleans())
def test_any_page_round_trips(page_and_fields, bom) -> None:
    text, fields = page_and_fields
    page = Page(text, bom=bom)
    assert page.error is None
    assert page.fields == fields
    assert page.text() == text
    assert Page.from_bytes(page.to_bytes()).to_bytes() == page.to_bytes()


@given(st.text(max_size=300))
def test_any_text_round_trips(text) -> None:
    assert Page(text).text() == text


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_pages(), st.data())
def test_an_edit_changes_only_its_own_line(page_and_fields, data) -> None:
    text, fields = page_and_fields
    key = data.draw(st.sampled_from(sorted(fields)))
    new_value = data.draw(scalars)
    page = Page(text)
    page.set(key, new_value)
    after = page.text()
    diff = [
        line
        for line in difflib.unified_diff(text.splitlines(True), after.splitlines(True), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    reread = Page(after)
    expected = dict(fields)
    expected[key] = new_value
    written = [f"{key}:", f"'{key}':", f'"{key}":']  # a key YAML 1.1 could mistype is quoted ('on')
    old_line, spelled = next((line, w) for line in text.splitlines() for w in written if line.startswith(w))
    old_quoted = old_line[len(spelled):].lstrip().startswith(("'", '"'))
    if old_quoted and not isinstance(new_value, str):  # a quoted string stays a string
        expected[key] = reread.get(key)
        assert isinstance(expected[key], str)
    assert reread.fields == expected
    assert reread.body == Page(text).body
    if after != text:
        assert len(diff) == 2, diff
        assert diff[0].lstrip("-").startswith(spelled[:-1]) and diff[1].lstrip("+").startswith(spelled[:-1])
