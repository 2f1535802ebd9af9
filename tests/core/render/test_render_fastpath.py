"""The parser shortcuts in render/fastpath.py give exactly markdown-it's tokens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from writer.core.render import RenderOptions, fastpath, headings
from writer.core.render import renderer as renderer_module
from writer.core.render.state import ENV_KEY

LINE_STARTS = [
    "", "", "", "# ", "## ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "    ", "  ", "\t",
    "```", "~~~", "```python", "---", "***", "___", "===", "| ", "|---|:-:|", "|:--", "- --",
    ": ", "~ ", "[^1]: ", "[ref]: /url", "<div>", "<!-- ", "{.note}", "{#id}", "[^", "[",
]
WORDS = [
    "word", "Bär", "*em*", "**strong**", "_u_", "`code`", "[link](/x)", "[ref]", "[^1]",
    "![img](a.png)", "<b>", "&amp;", "\\*", "~~del~~", "https://x.org/a", "www.ex.com",
    "a@b.de", "--", "...", "\"q\"", "'s'", "<<", ">>", "|", "-", ":", "{.c}", "WRSC0E",
    "a+b=c", "50%", "$5", "x^2", "#tag", "[a]b]", "[x [y] z](/u)", "[^n]", "![a [b]](c)",
    "http://x.org:80/p", "<http://a.b>", "&#x41;", "\n", "  \n", "\\\n",
]

line = st.builds(
    lambda start, words: start + " ".join(words),
    st.sampled_from(LINE_STARTS),
    st.lists(st.sampled_from(WORDS), max_size=5),
)
document = st.lists(line, max_size=14).map("\n".join)


def _signature(tokens):
    return [
        (
            t.type, t.tag, t.nesting, t.map, t.level, t.content, t.markup, t.info,
            sorted(t.attrs.items()), t.hidden, t.block,
            _signature(t.children) if t.children else None,
        )
        for t in tokens
    ]


def _parsers(options: RenderOptions, monkeypatch: pytest.MonkeyPatch):
    fast = renderer_module._build(options)
    with monkeypatch.context() as patch:
        patch.setattr(fastpath, "install", lambda md: None)
        plain = renderer_module._build(options)
    return fast, plain


def _tokens(md, text: str):
    renderer = renderer_module.Renderer()
    state = renderer._state(text, None, 0, 0)
    return _signature(md.parse(state.extraction.text, {ENV_KEY: state}))


@pytest.mark.parametrize(
    "options",
    [RenderOptions(), RenderOptions(block_attributes=True, typographer=False)],
    ids=["default", "blockattrs"],
)
def test_same_tokens_as_markdown_it(options: RenderOptions, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, plain = _parsers(options, monkeypatch)
    assert fast.block.tokenize != plain.block.tokenize  # the shortcut is really in place

    @settings(max_examples=400, deadline=None)
    @given(document)
    def check(text: str) -> None:
        assert _tokens(fast, text) == _tokens(plain, text)

    check()


def _html(md, text: str) -> str:
    renderer = renderer_module.Renderer()
    state = renderer._state(text, None, 0, 0)
    return md.render(state.extraction.text, {ENV_KEY: state})


@pytest.mark.parametrize(
    "options",
    [RenderOptions(), RenderOptions(block_attributes=True, typographer=False, emoji=True)],
    ids=["default", "blockattrs-emoji"],
)
def test_same_html_as_markdown_its_renderer(options: RenderOptions, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, plain = _parsers(options, monkeypatch)
    assert fast.renderer.render != plain.renderer.render  # the fast renderer is really in place

    @settings(max_examples=400, deadline=None)
    @given(document)
    def check(text: str) -> None:
        assert _html(fast, text) == _html(plain, text)

    check()
    # a rule registered after the shortcut is still used (the rules are looked up per render)
    fast.add_render_rule("text", lambda _self, tokens, idx, _options, _env: tokens[idx].content.upper())
    assert "PLAIN <em>WORDS</em> HERE</p>" in _html(fast, "plain *words* here")


@pytest.mark.parametrize(
    "text",
    [
        "Name | Count\n--- | ---:\nA | 1\n",
        "- one\n- two\n  - nested\n\n  more\n",
        "Term\n: definition\n\nTerm 2\n\n~ loose\n",
        "Title\n=====\n\nSub\n---\n",
        "> quote\n> - list\n>\n>     code\n",
        "para\n    lazy\n- item\n| a |\n|---|\n",
        "1. a\n\n   | x | y |\n   |---|---|\n   | 1 | 2 |\n",
        "Plain prose with nothing special in it at all",
    ],
)
def test_known_shapes(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, plain = _parsers(RenderOptions(), monkeypatch)
    assert _tokens(fast, text) == _tokens(plain, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_heading_slug_shortcut(text: str) -> None:
    assert headings.slugify(text) == headings._slugify_chars(text)


def test_heading_slugs() -> None:
    assert headings.slugify("Hello, World_2 -- ok!") == "hello-world_2----ok"
    assert headings.slugify("Größe & Maße 2024") == "größe--maße-2024"
