"""Code highlighting with Pygments, shaped like Hugo's Chroma output with noClasses."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from pygments import highlight as _pygmentize
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.styles import get_style_by_name
from pygments.token import Token
from pygments.util import ClassNotFound

_FALLBACK_STYLE = "monokai"
_TAB_CSS = "-moz-tab-size:4;-o-tab-size:4;tab-size:4;-webkit-text-size-adjust:none;"
_CELL_CSS = "vertical-align:top;padding:0;margin:0;border:0;"
_LINENO_CSS = (
    "white-space:pre;-webkit-user-select:none;user-select:none;"
    "margin-right:0.4em;padding:0 0.4em 0 0.4em;color:#7f7f7f"
)
_HL_LINES_RE = re.compile(r"(\d+)(?:-(\d+))?")
_CACHE_SIZE = 512


@dataclass(frozen=True)
class CodeOptions:
    """Per-block highlight options (from the fence info or the highlight shortcode)."""

    line_numbers: str = ""  # "", "inline" or "table"
    line_start: int = 1
    hl_lines: tuple[int, ...] = ()


def parse_code_options(text: str, default_line_numbers: bool) -> CodeOptions:
    """Read `linenos=table,hl_lines=[2,"4-5"],linenostart=3` (fence braces or shortcode)."""
    values: dict[str, str] = {}
    for part in re.split(r",(?![^\[]*\])|\s+(?![^\[]*\])", text.strip().strip("{}")):
        key, _, value = part.partition("=")
        if key.strip():
            values[key.strip().lower()] = value.strip().strip("\"'")
    linenos = values.get("linenos", "true" if default_line_numbers else "false").lower()
    mode = {"true": "table", "table": "table", "inline": "inline"}.get(linenos, "")
    try:
        start = int(values.get("linenostart", "1"))
    except ValueError:
        start = 1
    lines: list[int] = []
    for match in _HL_LINES_RE.finditer(values.get("hl_lines", "")):
        first = int(match.group(1))
        last = int(match.group(2) or first)
        lines.extend(range(first, min(last, first + 10_000) + 1))
    return CodeOptions(mode, start, tuple(lines))


@lru_cache(maxsize=256)
def lexer_for(lang: str) -> Lexer | None:
    if not lang:
        return None
    try:
        return get_lexer_by_name(lang.lower(), stripnl=False, ensurenl=False)
    except (ClassNotFound, ValueError):
        return None


@lru_cache(maxsize=32)
def _style_name(name: str) -> str:
    try:
        get_style_by_name(name)
        return name
    except ClassNotFound:
        return _FALLBACK_STYLE


@lru_cache(maxsize=32)
def pre_style(style: str) -> str:
    """The inline style of the <pre>: text colour and background, like Chroma's."""
    cls = get_style_by_name(_style_name(style))
    color = cls.style_for_token(Token.Text).get("color") or cls.style_for_token(Token).get("color")
    parts = []
    if color:
        parts.append(f"color:#{color};")
    if cls.background_color:
        parts.append(f"background-color:{cls.background_color};")
    return "".join(parts) + _TAB_CSS


@lru_cache(maxsize=32)
def _formatter(style: str) -> HtmlFormatter:
    return HtmlFormatter(style=_style_name(style), noclasses=True, nowrap=True)


class Highlighter:
    """Highlights code blocks; results are cached since a live preview re-renders often."""

    def __init__(self, style: str) -> None:
        self.style = style
        self._cache: OrderedDict[tuple[str, str, CodeOptions], str] = OrderedDict()

    def clear_cache(self) -> None:
        self._cache.clear()

    def block(self, code: str, lang: str, options: CodeOptions, attrs: str = "") -> str:
        """The full HTML of a code block (attrs are extra attributes for the outer element)."""
        key = (code, lang, options)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._render(code, lang, options)
            self._cache[key] = cached
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        if attrs:
            return cached.replace(">", attrs + ">", 1)
        return cached

    def _render(self, code: str, lang: str, options: CodeOptions) -> str:
        lexer = lexer_for(lang)
        if lexer is None:
            code_attr = (
                f' class="language-{escape(lang)}" data-lang="{escape(lang)}"' if lang else ""
            )
            return f'<pre tabindex="0"><code{code_attr}>{escape(code, quote=False)}</code></pre>\n'
        body = self._spans(code, lexer, options)
        lang_attr = f' class="language-{escape(lang)}" data-lang="{escape(lang)}"'
        pre = f'<pre tabindex="0" style="{pre_style(self.style)}">'
        if options.line_numbers == "table":
            return self._table(code, body, pre, lang_attr, options)
        if options.line_numbers == "inline":
            body = _number_inline(body, options.line_start)
        return f'<div class="highlight">{pre}<code{lang_attr}>{body}</code></pre></div>\n'

    def _spans(self, code: str, lexer: Lexer, options: CodeOptions) -> str:
        if options.hl_lines:
            formatter = HtmlFormatter(
                style=_style_name(self.style),
                noclasses=True,
                nowrap=True,
                hl_lines=list(options.hl_lines),
            )
        else:
            formatter = _formatter(self.style)
        return _pygmentize(code, lexer, formatter)

    def _table(self, code: str, body: str, pre: str, lang_attr: str, options: CodeOptions) -> str:
        count = max(1, code.count("\n") + (0 if code.endswith("\n") else 1))
        numbers = "".join(
            f'<span style="{_LINENO_CSS}">{n}\n</span>'
            for n in range(options.line_start, options.line_start + count)
        )
        cell = f'<td style="{_CELL_CSS}">'
        return (
            f'<div class="highlight"><div style="{pre_style(self.style)}">\n'
            '<table style="border-spacing:0;padding:0;margin:0;border:0;"><tr>'
            f"{cell}\n{pre}<code>{numbers}</code></pre></td>\n"
            f'<td style="{_CELL_CSS};width:100%">\n'
            f"{pre}<code{lang_attr}>{body}</code></pre></td></tr></table>\n</div>\n</div>\n"
        )


def _number_inline(body: str, start: int) -> str:
    lines = body.split("\n")
    trailing = lines and lines[-1] == ""
    if trailing:
        lines.pop()
    out = [f'<span style="{_LINENO_CSS}">{n}</span>{line}' for n, line in enumerate(lines, start)]
    return "\n".join(out) + ("\n" if trailing else "")
