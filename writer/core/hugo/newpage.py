"""New pages: a leaf bundle in a section, with front matter from the site's archetype."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from writer.core.errors import WriterError
from writer.core.frontmatter.values import find
from writer.core.frontmatter.yaml_format import format_scalar
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.targets import check_folder, existing_at, from_content_root, segment_problem
from writer.core.hugo.urls import make_path
from writer.core.textio import MAX_SETTINGS_BYTES, create_file, read_text

_ACTION = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.S)


@dataclass(frozen=True)
class NewPagePlan:
    target: Path
    text: str
    warnings: tuple[str, ...] = field(default=())


# the same letters as image names (hugo/images.py safe_image_name), so slugs and image names agree
_TRANSLIT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "æ": "ae",
             "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L"}
HUGO, ASCII = "hugo", "ascii"  # slug styles: Hugo's own (letters of any script kept) or transliterated


def transliterate(text: str) -> str:
    """Latin letters written in ASCII as German and Nordic sites do (`für` -> `fuer`, `é` -> `e`);
    letters of other scripts, which have no such spelling, stay as they are."""
    out: list[str] = []
    for ch in text:
        if ch in _TRANSLIT or ord(ch) < 128:
            out.append(_TRANSLIT.get(ch, ch))
            continue
        bare = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(bare if bare.isascii() and bare else ch)
    return "".join(out)


def slug_for(title: str, style: str = HUGO) -> str:
    """A slug as Hugo urlizes: lower case, spaces to hyphens, punctuation dropped; in the ASCII
    style (`slug_style`) Latin letters are transliterated first."""
    if style == ASCII:
        title = transliterate(title)
    slug = make_path(re.sub(r"[/\\#%]", " ", title)).strip("-.")
    return re.sub(r"-{2,}", "-", slug) or "page"


def slug_style(index: ContentIndex, lang: str | None = None) -> str:
    """How the site spells its URLs, read from its pages in `lang` (else all of them): ASCII when
    pages with non-ASCII titles have ASCII slugs, urls and file names (`ueber-uns`, `fuer-teams`),
    or when every name is ASCII; Hugo's default (`über-uns`, published as `%C3%BCber-uns`) when
    most such pages keep their letters."""
    pages = [p for p in index.pages if lang is None or p.lang == lang]
    native = spelled_out = names = 0
    for page in pages:
        found = _page_names(page.fields, page.logical)
        names += len(found)
        if any(not name.isascii() for name in found):
            native += 1
        elif found and transliterate(page.title) != page.title:
            spelled_out += 1
    if native == spelled_out == 0 and lang is not None:
        return slug_style(index, None)
    if native and native >= spelled_out:
        return HUGO
    return ASCII if spelled_out or names else HUGO


def _page_names(fields: dict[str, Any], logical: str) -> list[str]:
    """The names a page gives its URL: `slug`, the parts of `url`, its file or bundle name."""
    names = [logical.rsplit("/", 1)[-1]] if logical else []
    for key in ("slug", "url"):
        found, value = find(fields, key)
        if found and isinstance(value, str):
            names.extend(part for part in unquote(value).split("/") if part.strip())
    return names


def _title_case(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def _param(site_params: dict[str, Any], dotted: str) -> Any:
    node: Any = site_params
    for part in dotted.lower().split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def expand_archetype(
    template: str, *, name: str, title: str, date: str, params: dict[str, Any]
) -> tuple[str, list[str]]:
    """Fill the template expressions writers' archetypes use; others stay as written (warned)."""
    warnings: list[str] = []

    def value(expression: str) -> str | None:
        expr = expression.strip()
        if expr == ".Date":
            return date
        if expr in (".Name", ".File.ContentBaseName", ".File.BaseFileName", ".File.TranslationBaseName"):
            return name
        match = re.fullmatch(r'replace\s+(\.Name|\.File\.ContentBaseName)\s+"-"\s+" "\s*\|\s*title', expr)
        if match:
            return title if title else _title_case(name.replace("-", " "))
        match = re.fullmatch(r"\.Site\.Params\.([\w.]+)", expr)
        if match:
            found = _param(params, match.group(1))
            return None if found is None else str(found)
        if expr in ('.Title', "title .Name"):
            return title
        return None

    def substitute(match: re.Match[str]) -> str:
        result = value(match.group(1))
        if result is None:
            warnings.append(f"left as written: {match.group(0)}")
            return match.group(0)
        return result

    return _ACTION.sub(substitute, template), warnings


def _archetype(index: ContentIndex, section: str) -> Path | None:
    folder = index.site.root / "archetypes"
    for name in (f"{section}.md", f"{section}/index.md", "default.md"):
        if os.path.lexists(folder / name) and not (folder / name).is_dir():
            return folder / name  # a FIFO, a device or a link out is named when read, never used
    return None


def _target(index: ContentIndex, section: str, slug: str, lang: str) -> Path:
    site = index.site
    language = site.language(lang)
    if language is None:
        raise WriterError(f"'{lang}' is not a language of this site ({', '.join(site.language_codes)})")
    folder_mode = len({lang.content_dir for lang in site.languages}) > 1
    base = site.root / language.content_dir / section / slug
    if folder_mode:
        return base / "index.md"
    suffixed = any(f"index.{site.default_language}." in p.path for p in index.pages)
    if lang == site.default_language and not suffixed and len(site.languages) > 1:
        return base / "index.md"
    return base / (f"index.{lang}.md" if len(site.languages) > 1 else "index.md")


def plan_new_page(index: ContentIndex, section: str, title: str, lang: str | None = None, *,
                  slug: str | None = None, now: dt.datetime | None = None,
                  new_section: bool = False) -> NewPagePlan:
    """The file a new page goes to and its text; refuses a folder that already exists, and a
    section that does not (unless `new_section`)."""
    site = index.site
    lang = (lang or site.default_language).lower()
    if not title.strip():
        raise WriterError("a new page needs a title")
    section = section_of(index, section, new_section=new_section)
    explicit = slug is not None and bool(slug.strip())
    base = _explicit_slug(slug) if explicit and slug is not None else slug_for(title, slug_style(index, lang))
    slug, n = base, 2
    while not explicit and _taken(index, section, slug):  # a title-derived slug is made unique
        slug, n = f"{base}-{n}", n + 1
    target = _target(index, section, slug, lang)
    taken = _taken(index, section, slug)
    if taken:
        raise WriterError(f"'{slug}' cannot be used in {section or 'the content folder'}/: {taken}",
                          target.parent)
    when = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    archetype = _archetype(index, section)
    warnings: list[str] = []
    if archetype is not None:
        if not site.inside(archetype):  # a theme's or a linked archetype outside the site
            raise WriterError("the archetype is outside the site; Writer reads nothing outside the site", archetype)
        template = read_text(archetype, MAX_SETTINGS_BYTES).text  # a regular file, bounded
        text, warnings = expand_archetype(template, name=slug, title=title, date=when.isoformat(),
                                          params=site.config.get("params") or {})
        text = _ensure_title_and_draft(text, title)
    else:
        text = _bare_front_matter(title, when)
    return NewPagePlan(target, text, tuple(warnings))


def section_of(index: ContentIndex, section: str, *, new_section: bool = False) -> str:
    """The existing section folder that `section` names: from the content root, or from the site root
    (`content/blog`, taken once, never doubled); "" is the content root. Refuses a missing folder
    with the near matches, and a folder inside a page bundle."""
    text = section.strip().replace("\\", "/").strip("/")
    if text in ("", "."):
        return ""
    roots = [index.site.root / lang.content_dir for lang in index.site.languages]
    if not any((root / text).is_dir() for root in roots):  # a section named "content" stays itself
        text = from_content_root(index, section)
    return check_folder(index, text, "section", allow_new=new_section)


def _explicit_slug(slug: str) -> str:
    slug = slug.strip()
    problem = segment_problem(slug) or ("'/' makes a folder, not a name" if "/" in slug else None)
    if problem:
        raise WriterError(f"the slug {problem}")
    return slug


def _taken(index: ContentIndex, section: str, slug: str) -> str | None:
    """Why `slug` cannot name a new page in `section`: a page, bundle or folder of that name in any
    language or letter case, or a name Windows reserves."""
    problem = segment_problem(slug)
    if problem:
        return problem
    found = existing_at(index, f"{section}/{slug}" if section else slug, set())
    return f"{found} already exists" if found else None


def _ensure_title_and_draft(text: str, title: str) -> str:
    from writer.core.document import Page

    page = Page(text)
    if page.error is not None:
        return text
    if not page.get("title"):
        page.set("title", title)
    if page.get("draft") is None:
        page.set("draft", True)
    return page.text()


def _bare_front_matter(title: str, when: dt.datetime) -> str:
    """Title, date and draft only: the other fields the section's pages use are offered by the
    form (no empty `author:` or `color:` lines written into the file)."""
    lines = [f"title: {format_scalar(title, chr(39))}", f"date: {when.isoformat()}", "draft: true"]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def apply_new_page(plan: NewPagePlan, site_root: Path) -> Path:
    created = create_file(plan.target, plan.text.encode("utf-8"), site_root)
    _mode_of_section_pages(created, site_root)
    return created


def _mode_of_section_pages(created: Path, site_root: Path) -> None:
    """A new bundle's folder holds no other page whose permission bits create_file could follow:
    take those of a page in the section around it (0664 sites stay 0664)."""
    folder = created.parent.parent
    while folder != site_root and folder.is_relative_to(site_root):
        page = next((p for p in folder.rglob("*.md") if p.parent != created.parent and p.is_file()), None)
        if page is not None:
            with contextlib.suppress(OSError):
                os.chmod(created, stat.S_IMODE(page.stat().st_mode) & 0o777)
            return
        folder = folder.parent


def sections(index: ContentIndex) -> list[str]:
    """Top-level sections that hold pages."""
    found = {p.logical.split("/")[0] for p in index.pages if "/" in p.logical}
    return sorted(found)
