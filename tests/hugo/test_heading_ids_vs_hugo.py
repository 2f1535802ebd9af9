"""Heading and definition-term ids against the real Hugo, under each `autoHeadingIDType`."""

from __future__ import annotations

import pytest
from hugo_snippets import canonical, hugo_render

from writer.core.render import Renderer, RenderOptions

BODY = """# Let's Encrypt

## [Link](http://x) isn't it

Foo *x*
Bar [y](z) isn't
---

One
`two` three
===

Über café, naïve déjà-vu
========================

# a_b-c  d -- e

# !!!

#

Term one
: a definition

T2
: shared

# Term one

# Let's Encrypt

## 2024: the year_of (things) & stuff

# 日本語 見出し

Foo *bar
baz*
====

Foo *bar
baz
====

x *a
b
c*  d
===

x *a*
*b
c*
===

# ![](x.png)

# ![alt text](x.png)
"""

CONFIGS = {
    "github": "",
    "github-ascii": '[markup.goldmark.parser]\nautoHeadingIDType = "github-ascii"\n',
    "blackfriday": '[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n',
    "terms": "[markup.goldmark.parser]\nautoDefinitionTermID = true\n",
    "terms-blackfriday": (
        '[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n'
        "autoDefinitionTermID = true\n"
    ),
    "no-ids": "[markup.goldmark.parser]\nautoHeadingID = false\n",
}


@pytest.fixture(scope="module")
def published() -> dict[str, str]:
    return {
        name: hugo_render({"page": BODY}, config)["page"] for name, config in CONFIGS.items()
    }


def _config(toml_text: str) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    def lower(value):
        if isinstance(value, dict):
            return {k.lower(): lower(v) for k, v in value.items()}
        return value

    return lower(tomllib.loads(toml_text))


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_ids_match_hugo(name: str, published: dict[str, str]) -> None:
    options = RenderOptions.from_config(_config(CONFIGS[name]))
    ours = Renderer(options).render(BODY)
    assert canonical(ours) == canonical(published[name])
