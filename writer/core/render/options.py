"""Render options read from a Hugo site's (lower-cased) configuration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def _get(config: Any, *keys: str) -> Any:
    """Walk nested dicts; any missing or non-dict step gives None."""
    node = config
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _flag(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "yes", "on", "1"):
            return True
        if low in ("false", "no", "off", "0"):
            return False
    if isinstance(value, int):
        return value != 0
    return default


def _typographer(value: Any) -> bool:
    """`typographer` is a bool in old configs and a map (with `disable`) in new ones."""
    if isinstance(value, dict):
        return not _flag(value.get("disable"), False)
    return _flag(value, True)


def _line_numbers(value: Any) -> bool:
    return _flag(value, False)


def _id_type(value: Any) -> str:
    low = str(value).strip().lower() if isinstance(value, str) else ""
    return low if low in ("github-ascii", "blackfriday") else "github"


def _pairs(value: Any, default: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        return default
    return tuple(
        (str(pair[0]), str(pair[1]))
        for pair in value
        if isinstance(pair, list) and len(pair) == 2 and str(pair[0]) and str(pair[1])
    )


def _passthrough(value: Any) -> dict[str, tuple[tuple[str, str], ...]]:
    """Hugo's passthrough extension: off unless `enable`; Hugo's default delimiters."""
    if not isinstance(value, dict) or not _flag(value.get("enable"), False):
        return {}
    delimiters = value.get("delimiters") if isinstance(value.get("delimiters"), dict) else {}
    return {
        "passthrough_block": _pairs(delimiters.get("block"), (("\\[", "\\]"), ("$$", "$$"))),
        "passthrough_inline": _pairs(delimiters.get("inline"), (("\\(", "\\)"),)),
    }


@dataclass(frozen=True)
class RenderOptions:
    """The Goldmark and highlight settings that change the preview."""

    unsafe: bool = False
    typographer: bool = True
    block_attributes: bool = False
    title_attributes: bool = True
    linkify: bool = True
    highlight_style: str = "monokai"
    line_numbers: bool = False
    auto_heading_id: bool = True
    heading_id_type: str = "github"  # github, github-ascii, blackfriday
    definition_term_id: bool = False
    emoji: bool = False
    passthrough_block: tuple[tuple[str, str], ...] = ()  # delimiter pairs; none: off
    passthrough_inline: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_config(cls, config: dict) -> RenderOptions:
        """Read options from a site config whose keys are all lower-cased."""
        goldmark = _get(config, "markup", "goldmark")
        attribute = _get(goldmark, "parser", "attribute")
        parser = _get(goldmark, "parser")
        highlight = _get(config, "markup", "highlight")
        style = _get(highlight, "style")
        return cls(
            unsafe=_flag(_get(goldmark, "renderer", "unsafe"), False),
            typographer=_typographer(_get(goldmark, "extensions", "typographer")),
            block_attributes=_flag(_get(attribute, "block"), False),
            title_attributes=_flag(_get(attribute, "title"), True),
            linkify=_flag(_get(goldmark, "extensions", "linkify"), True),
            highlight_style=style if isinstance(style, str) and style.strip() else "monokai",
            line_numbers=_line_numbers(_get(highlight, "linenos")),
            auto_heading_id=_flag(_get(parser, "autoheadingid"), True),
            heading_id_type=_id_type(_get(parser, "autoheadingidtype")),
            definition_term_id=_flag(_get(parser, "autodefinitiontermid"), False),
            emoji=_flag(_get(config, "enableemoji"), False),
            **_passthrough(_get(goldmark, "extensions", "passthrough")),
        )
