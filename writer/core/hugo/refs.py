"""ref and relref: find the shortcodes in a page and resolve their targets as Hugo does."""

from __future__ import annotations

import posixpath
import re
import shlex
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from writer.core.hugo.index import ContentIndex, PageInfo, logical_path
from writer.core.hugo.urls import page_permalink

# {{< relref "x" >}}, {{% ref path="x" lang="en" %}}; not the {{</* */>}} comment form
SHORTCODE_REF = re.compile(r"\{\{(?P<open>[<%])\s*(?P<name>relref|ref)\b(?P<args>[^\n]*?)\s*[>%]\}\}")


@dataclass(frozen=True)
class RefUse:
    """One ref/relref shortcode in a text: its target, 1-based line and column, and offsets.

    The column counts UTF-8 bytes, as Hugo's REF_NOT_FOUND messages do.
    """

    name: str
    target: str
    lang: str | None
    line: int
    column: int
    start: int
    end: int


@dataclass(frozen=True)
class Resolved:
    page: PageInfo
    anchor: str
    url: str


def parse_ref_args(args: str) -> tuple[str, str | None]:
    try:
        words = shlex.split(args, posix=True)
    except ValueError:
        words = args.split()
    target, lang = "", None
    for word in words:
        if "=" in word and word.split("=", 1)[0] in ("path", "lang", "outputFormat"):
            key, value = word.split("=", 1)
            if key == "path":
                target = value
            elif key == "lang":
                lang = value.lower()
        elif not target:
            target = word
    return target, lang


def find_refs(text: str, first_line: int = 1, *, quoted: bool = False) -> Iterator[RefUse]:
    """Every ref/relref shortcode in `text`; lines count from `first_line`. With `quoted` (front
    matter), a shortcode inside a double-quoted string has its `\\"` read as `"`."""
    line = first_line
    pos = 0
    for match in SHORTCODE_REF.finditer(text):
        start = match.start()
        line += text.count("\n", pos, start)
        pos = start
        line_start = text.rfind("\n", 0, start) + 1
        args = match.group("args")
        if quoted and "\\" in args:
            args = re.sub(r'\\(["\\])', r"\1", args)
        target, lang = parse_ref_args(args)
        yield RefUse(
            name=match.group("name"),
            target=target,
            lang=lang,
            line=line,
            column=len(text[line_start:start].encode("utf-8")) + 1,
            start=start,
            end=match.end(),
        )


class RefResolver:
    """Resolves ref targets against a content index, current page's language first."""

    def __init__(self, index: ContentIndex) -> None:
        self.index = index
        self.languages = set(index.site.language_codes)
        self._by_logical: dict[tuple[str, str], PageInfo] = {}
        self._by_name: dict[tuple[str, str], list[PageInfo]] = defaultdict(list)
        for page in index.pages:
            key = page.logical.lower()
            self._by_logical.setdefault((page.lang, key), page)
            self._by_name[(page.lang, key.rsplit("/", 1)[-1])].append(page)
        self._add_implicit_sections()
        self._add_implicit_homes()

    def _add_implicit_homes(self) -> None:
        """Every language has a home page, with or without an _index file (`relref "/"`)."""
        site = self.index.site
        for lang in {page.lang for page in self.index.pages}:
            if (lang, "") in self._by_logical:
                continue
            url = page_permalink(
                kind="home", dirs=[], name="", fields={}, lang_prefix=site.lang_prefix(lang),
                base_path=site.base_path, patterns=None, ugly=False)
            self._by_logical[(lang, "")] = PageInfo(
                path="", content_path="", lang=lang, kind="home", bundle="branch", title="",
                draft=False, date=None, permalink=url, logical="", translation_key="home")

    def _add_implicit_sections(self) -> None:
        """Top-level folders are sections even without an _index file."""
        site = self.index.site
        for page in list(self.index.pages):
            if "/" not in page.logical:
                continue
            section = page.logical.split("/")[0].lower()
            if (page.lang, section) in self._by_logical:
                continue
            url = page_permalink(
                kind="section", dirs=[], name=section, fields={}, lang_prefix=site.lang_prefix(page.lang),
                base_path=site.base_path, patterns=site.section_permalinks("section", page.lang),
                ugly=site.ugly_urls(section))
            self._by_logical[(page.lang, section)] = PageInfo(
                path="", content_path=section, lang=page.lang, kind="section", bundle="none",
                title=section, draft=False, date=None, permalink=url, logical=section,
                translation_key=f"section:{section}",
            )

    def _base_dir(self, page: PageInfo) -> str:
        return posixpath.dirname(page.logical) if page.kind != "home" else ""

    def resolve(self, target: str, page: PageInfo | None, lang: str | None = None) -> Resolved | None:
        """The page a target points at, or None when Hugo would report REF_NOT_FOUND."""
        path, _, anchor = target.partition("#")
        current_lang = lang or (page.lang if page else self.index.site.default_language)
        if not path.strip():  # "#anchor": Hugo links to the anchor alone
            return Resolved(page, anchor, "") if page else None
        logical, suffix_lang = logical_path(path, self.languages)
        langs = [current_lang]
        if suffix_lang and suffix_lang not in langs:
            langs.append(suffix_lang)
        candidates = []
        absolute = path.strip().startswith("/")
        if page is not None and not absolute:
            joined = posixpath.normpath(posixpath.join(self._base_dir(page), logical))
            if not joined.startswith(".."):
                candidates.append("" if joined == "." else joined)
        candidates.append(logical)
        for code in langs:
            for candidate in candidates:
                found = self._by_logical.get((code, candidate.lower()))
                if found is not None:
                    return Resolved(found, anchor, found.permalink)
        if "/" not in logical and not absolute:
            matches = self._by_name.get((current_lang, logical.lower()), [])
            if not matches and "." in logical:  # a bare name is looked up up to its first dot
                matches = self._by_name.get((current_lang, logical.split(".", 1)[0].lower()), [])
            if len(matches) == 1:
                return Resolved(matches[0], anchor, matches[0].permalink)
        return None

    def url(self, use_name: str, resolved: Resolved) -> str:
        url = resolved.url
        if use_name == "ref" and url:
            url = self.index.site.base_origin + url
        return url + (f"#{resolved.anchor}" if resolved.anchor else "")
