"""`lastmod` on save, as Front Matter CMS does it: a page that carries `lastmod` (or whose section's
pages mostly do) gets today's date when a changed page is saved, written in the form the page (or
its section) already uses: a quoted date, a date-time with its zone, a TOML date, ...

Hugo reads `lastmod` (and `modified`, its other default name) into `.Lastmod`; a date without a
time is midnight in the site's time zone, so "today" is the writer's local date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from writer.core.document import Page
from writer.core.frontmatter.values import find
from writer.core.hugo.index import ContentIndex

KEYS = ("lastmod", "modified")  # Hugo's default front matter names for .Lastmod, in its order
_ISO = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:(?P<sep>[Tt ])(?P<hm>\d{2}:\d{2})(?P<sec>:\d{2})?(?P<frac>\.\d+)?)?"
    r"(?P<zone>[Zz]|[+-]\d{2}(?P<colon>:?)\d{2})?$"
)


@dataclass(frozen=True)
class LastmodUpdate:
    """The field to write and its new value, typed like the value it replaces (or its section's)."""

    key: str
    value: Any


def _found(fields: Mapping[str, Any]) -> tuple[str, Any] | None:
    for key in KEYS:
        found, value = find(fields, key)
        if found and value not in (None, ""):
            return key, value
    return None


def _string_like(old: str, now: dt.datetime) -> str | None:
    """`now` written in the shape of the ISO date text `old`; None for a shape Writer does not know."""
    match = _ISO.match(old.strip())
    if match is None or (match.group("zone") and not match.group("hm")):
        return None
    if not match.group("hm"):
        return now.date().isoformat()
    zone = match.group("zone") or ""
    moment = now.astimezone(dt.timezone.utc) if zone in ("Z", "z") else now
    text = moment.strftime(f"%Y-%m-%d{match.group('sep')}%H:%M")
    if match.group("sec"):
        text += moment.strftime(":%S")
    if match.group("frac"):
        digits = len(match.group("frac")) - 1
        text += "." + f"{moment.microsecond:06d}"[:digits].ljust(digits, "0")
    if zone in ("Z", "z"):
        return text + zone
    if zone:
        offset = moment.strftime("%z")  # +0200
        return text + (offset[:3] + ":" + offset[3:] if match.group("colon") else offset)
    return text


def value_like(old: Any, now: dt.datetime) -> Any:
    """`now` as a value of the same type and form as `old`, or None when `old` is no date Writer
    can imitate (then the field is left alone)."""
    if isinstance(old, dt.datetime):
        if old.tzinfo is None:
            return now.replace(tzinfo=None, microsecond=0)
        if old.utcoffset() == dt.timedelta(0):
            return now.astimezone(dt.timezone.utc).replace(microsecond=0)
        return now.replace(microsecond=0)
    if isinstance(old, dt.date):
        return now.date()
    if isinstance(old, str):
        return _string_like(old, now)
    return None


def _form(value: Any) -> tuple[str, str]:
    """What kind of date a value is, to find the form most pages of a section use."""
    if isinstance(value, str):
        match = _ISO.match(value.strip())
        shape = "" if match is None else "".join(f"{k}={bool(v)}" for k, v in match.groupdict().items()
                                                  if k != "date")
        return "str", shape
    return type(value).__name__, str(getattr(value, "tzinfo", None) is not None)


_SAMPLE = 400  # siblings looked at, at most, to learn whether a section carries lastmod


def lastmod_update(fields: Mapping[str, Any], siblings: Sequence[Mapping[str, Any]],
                   now: dt.datetime | None = None) -> LastmodUpdate | None:
    """The update a save makes to a page with `fields`, whose section holds pages with `siblings`
    fields (the page itself not among them); None when neither the page nor most of its section
    carry `lastmod`, when its value is no date Writer can imitate, or when it already says today."""
    now = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    own = _found(fields)
    if own is None:
        if len(siblings) > _SAMPLE:  # a big section: an even sample of it decides (a save stays quick)
            siblings = siblings[:: len(siblings) // _SAMPLE][:_SAMPLE]
        carried = [found for found in map(_found, siblings) if found is not None]
        if not carried or len(carried) * 2 <= len(siblings):
            return None
        forms = Counter(_form(value) for _, value in carried)
        form = forms.most_common(1)[0][0]
        key, example = next((k, v) for k, v in carried if _form(v) == form)
        value = value_like(example, now)
        return None if value is None else LastmodUpdate(key, value)
    key, old = own
    value = value_like(old, now)
    if value is None or value == old:
        return None
    return LastmodUpdate(key, value)


def _section_folder(rel: str) -> str:
    """A leaf bundle's section is the folder above its own; any other page's is its folder."""
    folder, _, name = rel.rpartition("/")
    return folder.rpartition("/")[0] if name.lower().startswith("index.") else folder


def sections(index: ContentIndex) -> dict[str, list[Any]]:
    """The index's pages by section folder, worked out once per index (the window does it off the
    UI thread, as the index is built)."""
    found = getattr(index, "_lastmod_sections", None)
    if found is None:
        found = {}
        for info in index.pages:
            found.setdefault(_section_folder(info.path), []).append(info)
        index._lastmod_sections = found  # type: ignore[attr-defined]
    return found


def section_fields(index: ContentIndex | None, file: Path) -> list[Mapping[str, Any]]:
    """The front matter of the other pages (any language) in the section of the page at `file`
    (paths compared as the index holds them: no file system calls per page)."""
    if index is None:
        return []
    rel = index.rel_path(file)
    if rel is None:
        return []
    return [info.fields for info in sections(index).get(_section_folder(rel), []) if info.path != rel]


def touch_lastmod(page: Page, index: ContentIndex | None, now: dt.datetime | None = None) -> bool:
    """Set the page's `lastmod` to today through its lossless `set`; returns whether its text changed.
    A page without front matter, or whose front matter cannot be read, is left as it is."""
    if page.error is not None or page.path is None or page.format is None:
        return False
    update = lastmod_update(page.fields, section_fields(index, page.path), now)
    return update is not None and page.set(update.key, update.value)
