"""Permalinks the way Hugo makes them: url, slug, permalinks patterns, language prefix."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from writer.core.frontmatter.values import find

_ALLOWED = set("./\\_#+~-@")
_HEX = set("0123456789abcdefABCDEF")


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def sanitize_path(text: str) -> str:
    """Hugo's path sanitising: keep letters, digits, marks and `./\\_#+~-@`; spaces become '-'."""
    out: list[str] = []
    prepend_hyphen = False
    was_hyphen = False
    for i, ch in enumerate(text):
        allowed = ch in _ALLOWED or ch.isalpha() or ch.isdigit() or _is_mark(ch)
        if not allowed and ch == "%":
            allowed = i + 2 < len(text) and text[i + 1] in _HEX and text[i + 2] in _HEX
        if allowed:
            was_hyphen = ch == "-"
            if prepend_hyphen:
                if not was_hyphen:
                    out.append("-")
                prepend_hyphen = False
            out.append(ch)
        elif out and not was_hyphen and ch.isspace():
            prepend_hyphen = True
    return "".join(out)


def make_path(text: str, lower: bool = True) -> str:
    """A URL path segment (or path) as Hugo writes it."""
    path = sanitize_path(text)
    return path.lower() if lower else path


def urlize(text: str) -> str:
    """Hugo's `urlize` for titles: sanitised, lower-cased."""
    return make_path(text.replace("/", "-") if "/" in text else text)


def _join(*parts: str) -> str:
    joined = "/".join(p.strip("/") for p in parts if p and p.strip("/"))
    return "/" + joined + "/" if joined else "/"


def escape_path(path: str) -> str:
    """Percent-encode a URL path as Hugo's RelPermalink does (non-ASCII, spaces, ...)."""
    return quote(path, safe="/-._~!$&'()*+,;=:@%")


def url_from_front_matter(url: str, lang_prefix: str = "", base_path: str = "") -> str:
    """The RelPermalink of a page whose front matter sets `url`.

    A leading slash makes it site-absolute; without one Hugo puts the language prefix in front.
    Hugo adds the trailing slash unless the url names a file.
    """
    path = url.strip()
    prefix = "" if path.startswith("/") else lang_prefix
    if re.search(r"\.[A-Za-z0-9]+$", path):
        return escape_path(base_path + prefix + "/" + path.lstrip("/"))
    return escape_path(base_path + _join(prefix, path))


_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            try:
                return dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                return None
    return None


_TOKEN = re.compile(r":([a-z]+)(\[(-?\d*|last)(:(-?\d*))?\])?")
_WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]


def expand_pattern(pattern: str, tokens: Mapping[str, str], sections: list[str] | None = None) -> str:
    """Replace `:token` placeholders of a permalinks pattern; `:sections[1:]`, `:sections[last]`
    and `:sections[0]` pick from `sections` as Hugo does. Hugo lower-cases the result."""
    def repl(match: re.Match[str]) -> str:
        name, bracket, first, colon, last = match.groups()
        if name == "sections" and bracket and sections is not None:
            if first == "last":
                return sections[-1] if sections else ""
            start = max(int(first or 0), 0)  # Hugo 0.168 reads a negative index as 0
            if colon is None:
                return sections[start] if start < len(sections) else ""
            return "/".join(sections[start:max(int(last), 0) if last else None])
        if name not in tokens:
            return match.group(0)
        return tokens[name] + (bracket or "")

    return _TOKEN.sub(repl, pattern).lower()


def text_value(value: Any) -> str | None:
    """A front matter value as Hugo's text (`slug: 1` is "1"); None for maps, lists, booleans, null."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) if isinstance(value, (str, int, float)) else None


def pattern_tokens(
    fields: Mapping[str, Any], sections: list[str], filename: str, content_base: str
) -> dict[str, str]:
    date = _as_date(_param(fields, "date"))
    title = text_value(_param(fields, "title")) or ""
    slug = (text_value(_param(fields, "slug")) or "").strip()
    tokens = {
        "section": sections[0] if sections else "",
        "sections": "/".join(sections),
        "title": urlize(title),
        "slug": make_path(slug) if slug else urlize(title),
        "filename": make_path(filename),
        "slugorfilename": make_path(slug) if slug else make_path(filename),
        "contentbasename": make_path(content_base),
        "slugorcontentbasename": make_path(slug) if slug else make_path(content_base),
    }
    if date is not None:
        tokens.update(
            year=f"{date.year:04d}",
            month=f"{date.month:02d}",
            monthname=_MONTHS[date.month - 1].lower(),
            day=f"{date.day:02d}",
            weekday=str(date.isoweekday() % 7),
            weekdayname=_WEEKDAYS[date.isoweekday() % 7],
            yearday=str(date.timetuple().tm_yday),
        )
    return tokens


def permalink_patterns(raw: Any, kind: str) -> dict[str, str]:
    """The patterns of one page kind from a `permalinks` map, in its per-kind or older flat form."""
    if not isinstance(raw, dict):
        return {}
    if any(isinstance(v, dict) for v in raw.values()):
        chosen = raw.get(kind) or {}
        return {k: str(v) for k, v in chosen.items()} if isinstance(chosen, dict) else {}
    return {k: str(v) for k, v in raw.items()} if kind == "page" else {}


def page_permalink(
    *,
    kind: str,
    dirs: list[str],
    name: str,
    fields: Mapping[str, Any],
    lang_prefix: str,
    base_path: str = "",
    patterns: Mapping[str, str] | None = None,
    ugly: bool = False,
) -> str:
    """RelPermalink of a page.

    `dirs` are the content folders above the page (for a bundle, above its folder),
    `name` the file's base name or the bundle folder's name; `ugly` (uglyURLs) publishes
    a page as `name.html` and a list page as `index.html`.
    """
    url = text_value(_param(fields, "url"))
    if url is not None and url.strip():
        return url_from_front_matter(url, lang_prefix, base_path)
    path = _pretty_permalink(kind, dirs, name, fields, lang_prefix, base_path, patterns)
    if not ugly:
        return path
    return path[:-1] + ".html" if kind == "page" else path + "index.html"


def _pretty_permalink(
    kind: str, dirs: list[str], name: str, fields: Mapping[str, Any], lang_prefix: str,
    base_path: str, patterns: Mapping[str, str] | None,
) -> str:
    folders = [make_path(d) for d in dirs]
    if kind == "home":
        return escape_path(base_path + _join(lang_prefix))
    section = dirs[0] if dirs else name if kind == "section" else ""
    pattern = (patterns or {}).get(section)
    if pattern:
        sections = folders + [make_path(name)] if kind == "section" else folders
        tokens = pattern_tokens(fields, sections, name, name)
        return escape_path(base_path + _join(lang_prefix, expand_pattern(pattern, tokens, sections)))
    if kind == "section":
        return escape_path(base_path + _join(lang_prefix, *folders, make_path(name)))
    slug = text_value(_param(fields, "slug"))
    last = make_path(slug) if slug is not None and slug.strip() else make_path(name)
    return escape_path(base_path + _join(lang_prefix, *folders, last))


def _param(fields: Mapping[str, Any], name: str) -> Any:
    """A top-level front matter field whatever the case of its key (`URL:`, `Slug:`), as Hugo
    reads them."""
    found, value = find(fields, name)
    return value if found else None
