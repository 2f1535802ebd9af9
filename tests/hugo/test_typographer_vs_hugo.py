"""Goldmark's typographer against the real Hugo: a table of cases, each a page body."""

from __future__ import annotations

import pytest
from hugo_snippets import canonical, hugo_render

from writer.core.render import Renderer

CASES = [
    "![Schéma d'analyse](x.png)",
    'Le concept "de persona est utile.',
    "Yahoo!'s search",
    '("-----BEGIN CERTIFICATE-----")',
    '"인용" 다음에 한국어 텍스트',
    "'한국어' 텍스트",
    '"Hello," she said. "World!"',
    "It's the 90's and 'quoted' text",
    "rock 'n' roll",
    "\"nested 'quotes' here\"",
    "a--b---c...d",
    "<<guillemets>>",
    "He said \"hi\"",
    "5'10\" tall",
    "'tis the season",
    "end of 'word'.",
    "(\"parens\")",
    "[\"link\"](x) and \"*emph*\"",
    "**\"bold\"** text",
    "\"a\" \"b\"",
    "l'été « dit » d'abord",
    "x\"y\"z",
    "'single",
    "don't \"stop",
    "the '80s",
    "\"Über\" ist „deutsch“",
    "«текст» и \"текст\"",
    "1\" and 2'",
    "*\"x\"*",
    "\"`code`\"",
    "She said: \"It's here.\"",
    "Title: 'A' – \"B\"",
    "\"quote\"—dash",
    "#hashtag's",
    "\"a.\"b",
    "`x`'s value",
    "'\"double inside single\"'",
    "word\" end",
]
CASES += [  # links, blocks, special cases
    '"https://example.com"',
    "See \"https://example.com/a'b\" now",
    "He said \"one\nand two\" then",
    "a 'quote\nover lines' end",
    "[\"a\"](b) \"[c](d)\"",
    "![\"alt\" -- d'x...](y.png \"title\")",
    "# \"Heading\" it's",
    "> \"quoted block\"",
    "- \"item\" 'x'",
    "| \"a\" | 'b' |\n|---|---|\n| \"c\" | d'e |",
    "\\\"escaped\\\" and \"real\"",
    "**'bold'** and _\"em\"_",
    "'90s music and '70s'",
    "`\"code\"` outside \"q\"",
    "<b>\"html\"</b>",
    "\"<https://x.org>\"",
    "foo' bar",
    "'em all 'net 'l",
    "I've, I'll, You're 'ver",
    "Smiths' house",
    "\"Monitor 21\"\"",
    "x'",
    "\u201chello\u201d 'it'",
    "\"end\".",
    "\"a\" b \"c",
    "(\"x\"), [\"y\"]",
]
CASES += [  # one count of open quotes for the whole page: a later block closes an earlier quote
    "\"a\n\nb\"",
    "# \"a\n\nb\"",
    "\"a\n---\nb\"/>",
    "x \"a\n\n- b\" c",
    "\"a\" \"b\n\nc\" d",
    "\"a\n\nb\n\nc\"",
    "a\n\nb\"",
    "'a\n\nb' c",
    "\"a\n\n```\nx\n```\n\nb\"",
]


@pytest.fixture(scope="module")
def published() -> dict[str, str]:
    return hugo_render({f"case{i}": body for i, body in enumerate(CASES)})


@pytest.mark.parametrize("number", range(len(CASES)), ids=[c[:30] for c in CASES])
def test_typographer_matches_hugo(number: int, published: dict[str, str]) -> None:
    ours = Renderer().render(CASES[number])
    assert canonical(ours) == canonical(published[f"case{number}"])
