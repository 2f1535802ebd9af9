"""Word count, character count and reading time of a Markdown body."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_MARKUP = re.compile(r"\{\{[<%].*?[>%]\}\}|<[^>]+>|\]\([^)]*\)|`{3,}[^\n]*")
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class TextStats:
    words: int
    characters: int
    minutes: int

    def summary(self) -> str:
        return f"{self.words:,} words · {self.characters:,} characters · {self.minutes} min read"


def text_stats(body: str) -> TextStats:
    """Words outside shortcodes, HTML tags and link targets; characters of the whole body."""
    prose = _MARKUP.sub(" ", body)
    words = len(_WORD.findall(prose))
    return TextStats(words, len(body), max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0)
