"""Drafts, future-dated and expired pages, and publishing one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from writer.core.document import Page
from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex, PageInfo
from writer.core.hugo.refs import RefResolver, find_refs
from writer.core.textio import read_text

STATES = ("draft", "future", "expired")


def _moment(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.astimezone()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day).astimezone()
    if isinstance(value, str) and value.strip():
        try:
            moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
        return moment if moment.tzinfo else moment.astimezone()
    return None


def page_states(info: PageInfo, now: dt.datetime | None = None) -> set[str]:
    """Which of draft / future / expired a page is (Hugo leaves all three out of a build)."""
    now = now or dt.datetime.now().astimezone()
    states = set()
    if info.draft:
        states.add("draft")
    fields = {k.lower(): v for k, v in info.fields.items()}
    publish = _moment(fields.get("publishdate") or fields.get("pubdate") or fields.get("date"))
    if publish is not None and publish > now:
        states.add("future")
    expiry = _moment(fields.get("expirydate") or fields.get("unpublishdate"))
    if expiry is not None and expiry <= now:
        states.add("expired")
    return states


def publish(page: Page, now: dt.datetime | None = None) -> bool:
    """`draft: false` and the date set to now, in the form the page already uses."""
    now = (now or dt.datetime.now().astimezone()).replace(microsecond=0)
    changed = page.set("draft", False) if page.get("draft") is not None else False
    current = page.get("date")
    if isinstance(current, dt.datetime) or current is None:
        value: Any = now
    elif isinstance(current, dt.date):
        value = now.date()
    else:  # a string: keep its length (date only, or date and time)
        value = now.date().isoformat() if len(str(current).strip()) <= 10 else now.isoformat()
    return page.set("date", value) or changed


def inbound_links(index: ContentIndex, page: PageInfo) -> list[tuple[str, int]]:
    """(path, line) of every ref/relref in the site that points at the page or its translations."""
    group = {page.path, *(p.path for p in index.translations(page).values())}
    resolver = RefResolver(index)
    found = []
    for info in index.pages:
        if info.path in group:
            continue
        try:
            text = read_text(index.site.root / info.path).text  # bounded, regular files only
        except WriterError:
            continue
        for use in find_refs(text):
            target = resolver.resolve(use.target, info, use.lang)
            if target is not None and target.page.path in group:
                found.append((info.path, use.line))
    return found
