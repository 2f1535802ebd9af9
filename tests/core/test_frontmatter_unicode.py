"""Any Unicode text (surrogates aside) written as a YAML value or key reads back as exactly itself."""

from __future__ import annotations

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from writer.core.document import Page
from writer.core.frontmatter.yaml_edit import HugoYamlLoader
from writer.core.frontmatter.yaml_format import format_key, format_scalar, inline

any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
TRICKY = ["Kapitel 1\tEinleitung", " lead", "trail ", "a\u00a0", "\u00a0a", "a\u2028b", "a\u2029", "a\x85b",
          "a\rb", "a\r\nb", "a: b", "a #b", "#x", "- x", "yes", "1:30", "01234", "\x00\x07\x1b", "\ufeffx",
          "\ufffe", "'", '"', "\\", "*a", "&a", "!t", "%x", "@x", "`x", "[x", "{x", "x,y", "? x", "---", "...",
          "", "null", "~", "true", "1e3", ".5", "=", "<<", "\U0001f600", "a\x7fb", "\u200b"]


def _load(text: str):
    return yaml.load(text, Loader=HugoYamlLoader)  # noqa: S506 - a safe loader


@settings(max_examples=400)
@given(any_text)
@example("Kapitel 1\tEinleitung")
@example("a\u2028b")
@example("\ufffe")
def test_format_scalar_reads_back_exactly(text: str) -> None:
    assert _load(f"k: {format_scalar(text)}\n") == {"k": text}
    assert _load(f"k: [{format_scalar(text, flow=True)}]\n") == {"k": [text]}
    assert _load(f"k: {format_scalar(text, chr(39))}\n") == {"k": text}  # a single-quoted field
    assert _load(f"k: {format_scalar(text, chr(34))}\n") == {"k": text}


@settings(max_examples=300)
@given(any_text.filter(lambda s: s != ""))
def test_format_key_reads_back_exactly(key: str) -> None:
    assert _load(f"{format_key(key)}: 0\n") == {key: 0}
    assert _load(f"{{{format_key(key, flow=True)}: 0}}\n") == {key: 0}


@settings(max_examples=200)
@given(st.lists(st.one_of(any_text, st.none(), st.integers(-(2**63), 2**64 - 1), st.booleans()), max_size=5))
def test_lists_read_back_exactly(items: list) -> None:
    assert _load(f"k: {inline(items, None)}\n") == {"k": items}


@settings(max_examples=200, deadline=None)
@given(any_text, st.sampled_from(["\n", "\r\n"]))
def test_set_on_a_page_changes_only_the_value(text: str, newline: str) -> None:
    head = f"---{newline}title: Alt # Kommentar{newline}"
    tail = f"tags: [a]{newline}---{newline}Body{newline}"
    page = Page(head + tail)
    page.set("title", text)
    after = page.text()
    assert after.startswith("---" + newline + "title: ") and after.endswith(" # Kommentar" + newline + tail)
    assert Page(after).get("title") == text and Page(after).get("tags") == ["a"]
