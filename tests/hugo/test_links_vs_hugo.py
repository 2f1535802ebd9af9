"""Bare URLs and link edge cases against the real Hugo: a table of cases, each a page body."""

from __future__ import annotations

import pytest
from hugo_snippets import canonical, hugo_render

from writer.core.render import Renderer

CASES = [
    'See [token bucket] (https://en.wikipedia.org/wiki/Token_bucket).',
    'Born [2021(https://example.org/2021/)]).',
    '[x](\x01)',
    '[ ![ [b](c) ](x) ](y)',
    '[a [b](c) d](e)',
    '![a [b](c) d](e.png)',
    '(https://example.org/a_(b))',
    'text (see https://example.org/x).',
    '[link](https://example.org/Grok_(chatbot))',
    'https://example.org/Grok_(chatbot) and more',
    '(https://example.org/foo)bar',
    '[x](<a b>)',
    '[x](\x7f)',
    '[x](a\x01b)',
    '[x](a%20b c)',
    '[x](é)',
    '[link] (https://example.org/a) [b]',
    'x https://example.org/a).',
    '[https://example.org/in-label](https://example.org/dest)',
    '*https://example.org/emph*',
    '[![img](a.png)](https://example.org/)',
    '<https://example.org/a(b)>',
    'x https://e.org/a).',
    'x https://e.org/a.)',
    'x https://e.org/a).)',
    'x https://e.org/a(b).',
    'x https://e.org/a)?',
    'x https://e.org/a),',
    '[ see https://e.org/a',
    'x https://e.org/a) y',
    'x https://e.org/a)',
    '(https://e.org/a)',
    'x https://e.org/a(b)c).',
    'x https://e.org/a.).',
    '[a] https://e.org/b [c https://e.org/d] e',
    '[a ![b](c) d](e)',
    '[![x](y)](z) and [ ![ [b](c) ](x) ](y) [k](l)',
    'mail me@example.org. and x@y.com,',
    'x www.example.org/a).',
]


@pytest.fixture(scope="module")
def published() -> dict[str, str]:
    return hugo_render({f"case{i}": body for i, body in enumerate(CASES)})


@pytest.mark.parametrize("number", range(len(CASES)), ids=[repr(c[:30]) for c in CASES])
def test_links_match_hugo(number: int, published: dict[str, str]) -> None:
    ours = Renderer().render(CASES[number])
    assert canonical(ours) == canonical(published[f"case{number}"])
