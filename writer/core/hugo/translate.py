"""Translated copies of a page, placed where Hugo expects them, and the translation status."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from writer.core.document import Page
from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex, PageInfo, _split_name
from writer.core.textio import create_file


@dataclass(frozen=True)
class TranslationPlan:
    source: PageInfo
    lang: str
    target: Path  # absolute
    text_bytes: bytes

    @property
    def rel(self) -> str:
        return self.target.as_posix()


def _folder_mode(index: ContentIndex) -> bool:
    dirs = {lang.content_dir for lang in index.site.languages}
    return len(dirs) > 1


def target_path(index: ContentIndex, source: PageInfo, lang: str) -> Path:
    """Where Hugo expects the `lang` version of a page: a file-name suffix or that language's
    content folder, as the site does."""
    site = index.site
    if site.language(lang) is None:
        raise WriterError(f"'{lang}' is not a language of this site ({', '.join(site.language_codes)})")
    src = site.root / source.path
    base, _ = _split_name(src.name, set(site.language_codes))
    ext = src.suffix
    if _folder_mode(index):
        language = site.language(lang)
        assert language is not None  # the language's folder; a suffix from the source is dropped
        return (site.root / language.content_dir / source.content_path).with_name(f"{base}{ext}")
    if lang == site.default_language and not _uses_default_suffix(index):
        return src.with_name(f"{base}{ext}")
    return src.with_name(f"{base}.{lang}{ext}")


def _uses_default_suffix(index: ContentIndex) -> bool:
    """Whether the site writes the default language's suffix (index.de.md) more often than not."""
    default = index.site.default_language
    suffixed = sum(1 for p in index.pages if p.lang == default and f".{default}." in p.path)
    plain = sum(1 for p in index.pages if p.lang == default and f".{default}." not in p.path)
    return suffixed >= plain


def rewrite_url(url: str, source_lang: str, lang: str, index: ContentIndex) -> str:
    """`/de/x` -> `/fr/x`; the default language gets no prefix unless it lives in a subfolder."""
    site = index.site
    langs = set(site.language_codes)
    lead = "/" if url.startswith("/") else ""
    parts = url.lstrip("/").split("/", 1)
    rest = parts[1] if len(parts) > 1 and parts[0] in langs else url.lstrip("/")
    if not lead and parts[0] not in langs:
        return url  # relative: Hugo adds the language prefix itself
    prefix = site.lang_prefix(lang).lstrip("/")
    if not lead:
        return f"{prefix}/{rest}" if prefix else rest
    return f"/{prefix}/{rest}" if prefix else f"/{rest}"


def plan_translation(
    index: ContentIndex, source: PageInfo, lang: str, *, draft: bool = False, today: dt.date | None = None
) -> TranslationPlan:
    if lang == source.lang:
        raise WriterError(f"the page is already in '{lang}'", index.site.root / source.path)
    target = target_path(index, source, lang)
    if target.exists() or lang in index.translations(source):
        existing = index.translations(source).get(lang)
        where = existing.path if existing else index.site.rel(target)
        raise WriterError(f"the '{lang}' translation already exists: {where}", index.site.root / source.path)
    page = Page.load(index.site.root / source.path)
    if page.error is not None:
        raise page.error
    url = page.get("url")
    if isinstance(url, str) and url.strip():
        page.set("url", rewrite_url(url.strip(), source.lang, lang, index))
    if draft:
        page.set("draft", True)
    page.set("lastmod", today or dt.date.today())
    return TranslationPlan(source, lang, target, page.to_bytes())


def plan_translations(index: ContentIndex, source: PageInfo, langs: list[str], *, draft: bool = False,
                      today: dt.date | None = None) -> list[TranslationPlan]:
    """A copy for each language, every one checked before any is written: no language, a language
    named twice, an unknown one, the page's own, an existing translation or two copies meant for one
    file are refused."""
    codes = [code.strip().lower() for code in langs]
    if not any(codes):
        raise WriterError("no language given")
    if "" in codes:
        raise WriterError(f"an empty language in '{','.join(langs)}'")
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise WriterError(f"'{twice[0]}' is named twice")
    plans = [plan_translation(index, source, code, draft=draft, today=today) for code in codes]
    targets: dict[str, str] = {}
    for plan in plans:
        key = plan.target.as_posix().lower()
        if key in targets:
            raise WriterError(f"the '{targets[key]}' and '{plan.lang}' copies would both be "
                              f"{index.site.rel(plan.target)}")
        targets[key] = plan.lang
    return plans


def apply_translation(plan: TranslationPlan, site_root: Path) -> Path:
    """Write the copy; refuses to overwrite anything or to write outside the site."""
    return create_file(plan.target, plan.text_bytes, site_root)


# -- status ---------------------------------------------------------------------


@dataclass(frozen=True)
class TranslationStatus:
    source: PageInfo
    missing: tuple[str, ...]
    outdated: tuple[PageInfo, ...]  # translations older than the source


def _when(page: PageInfo, root: Path) -> dt.datetime:
    for key in ("lastmod", "date"):
        value = page.fields.get(key)
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=None)
        if isinstance(value, dt.date):
            return dt.datetime(value.year, value.month, value.day)
        if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return dt.datetime.fromisoformat(value[:19])
            except ValueError:
                continue
    return dt.datetime.fromtimestamp((root / page.path).stat().st_mtime)


def translation_status(index: ContentIndex) -> list[TranslationStatus]:
    """Pages that miss a language, and translations older than their source (the page in the
    default language, else in the first language that has it)."""
    order = index.site.language_codes
    seen: set[str] = set()
    out = []
    for page in index.pages:
        if page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        group = {page.lang: page, **index.translations(page)}
        source = next(group[code] for code in order if code in group) if any(
            c in group for c in order) else page
        missing = tuple(code for code in order if code not in group)
        source_time = _when(source, index.site.root)
        outdated = tuple(
            p for code, p in group.items()
            if code != source.lang and _when(p, index.site.root) < source_time
        )
        if missing or outdated:
            out.append(TranslationStatus(source, missing, outdated))
    return out
