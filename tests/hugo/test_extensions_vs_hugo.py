"""enableEmoji, the passthrough extension, goat diagrams and attribute settings against Hugo."""

from __future__ import annotations

import pytest
from hugo_snippets import canonical, hugo_render

from writer.core.render import Renderer, RenderOptions
from writer.core.render.emoji import table

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

PASSTHROUGH = r"""
[markup.goldmark.extensions.passthrough]
enable = true
[markup.goldmark.extensions.passthrough.delimiters]
block = [['\[', '\]'], ['$$', '$$']]
inline = [['\(', '\)'], ['$', '$']]
"""
CONFIGS = {
    "emoji": "enableEmoji = true\n",
    "passthrough": PASSTHROUGH,
    "both": "enableEmoji = true\n" + PASSTHROUGH,
    "title-off": "[markup.goldmark.parser.attribute]\ntitle = false\n",
    "block-on": "[markup.goldmark.parser.attribute]\nblock = true\n",
    "default": "",
}
EMOJI = [
    "Done :heavy_check_mark: and :+1: :-1: :unknown_x: :smile:x",
    "a :smile::smile: b",
    "**:tada:** [:rocket:](x) `:smile:`",
    ":man_technologist: :england:",
    "http://x.org/:smile: ok",
    "time 10:30:45 :smile",
    "# Title :star:\n\ntext",
]
MATH = [
    r"Inline \(a_1 * b_2 * c\) and $x_1 *y* z$ and $5 and $6 text.",
    "$$\na_1 * b * c_2\n$$\n\n\\[\nx^2 \\\\ y_1 *z*\n\\]\n",
    "Text $$ inline_display *x* $$ after.\n\n- item \\(a*b*c\\)",
    r"$a$ and $b_1_2$ ok *em* and \$ not",
    "$$a*b*$$\n\nnext",
    "para\n$$\nx\n$$\nafter",
    "`$a$` and $`x`$",
    r"Math :smile: $a:smile:b$ and \(x + y\) & \[ z \] end",
    "# Head $x$ :star:\n\n**b** $$y$$\nmore",
]
ATTRIBUTES = [
    '## Title {#custom .red}\n\npara\n{.note}\n\n# Other {data-x="1"}\n\n> quote\n{#q}\n',
    "- a\n- b\n{.list}\n",
]
CASES = {
    "emoji": EMOJI + MATH[:1],
    "passthrough": MATH + EMOJI[:1],
    "both": MATH + EMOJI,
    "title-off": ATTRIBUTES,
    "block-on": ATTRIBUTES,
    "default": EMOJI + MATH + ATTRIBUTES,
}


def _options(toml_text: str) -> RenderOptions:
    def lower(value):
        if isinstance(value, dict):
            return {k.lower(): lower(v) for k, v in value.items()}
        return value

    return RenderOptions.from_config(lower(tomllib.loads(toml_text)))


@pytest.fixture(scope="module")
def published() -> dict[str, dict[str, str]]:
    return {
        name: hugo_render({f"case{i}": body for i, body in enumerate(CASES[name])}, config)
        for name, config in CONFIGS.items()
    }


@pytest.mark.parametrize(
    ("name", "number"), [(n, i) for n in CASES for i in range(len(CASES[n]))]
)
def test_matches_hugo(name: str, number: int, published) -> None:
    ours = Renderer(_options(CONFIGS[name])).render(CASES[name][number])
    assert canonical(ours) == canonical(published[name][f"case{number}"])


def test_emoji_table_ships_with_writer() -> None:
    assert table()["heavy_check_mark"] == "&#x2714;&#xfe0f;"
    assert len(table()) > 1800


def test_goat_diagram_is_a_diagram_block() -> None:
    body = "```goat\n+--+\n|ab|\n+--+\n```\n"
    hugo = hugo_render({"g": body})["g"]
    ours = Renderer().render(body)
    assert '<div class="goat svg-container' in hugo
    assert '<div class="goat svg-container' in ours and "<p>" not in ours
    assert "|ab|" in ours
