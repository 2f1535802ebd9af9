"""Front matter fields across a site: what a page's section uses, and values for completion."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from writer.core.hugo.index import ContentIndex, PageInfo


def flatten(fields: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Dotted keys of every leaf (maps are walked, lists are leaves)."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            out.update(flatten(value, dotted + "."))
        else:
            out[dotted] = value
    return out


def _section(page: PageInfo) -> str:
    return page.logical.rsplit("/", 1)[0] if "/" in page.logical else ""


def sibling_fields(index: ContentIndex, page: PageInfo | None) -> dict[str, Any]:
    """Dotted keys used by the other pages of the page's section, with a typical value
    (the first non-empty one seen), so a form can offer them."""
    if page is None:
        return {}
    section = _section(page)
    samples: dict[str, Any] = {}
    for other in index.pages:
        if other.path == page.path or other.kind != page.kind or _section(other) != section:
            continue
        for key, value in flatten(other.fields).items():
            if samples.get(key) is None:
                samples[key] = value
    return samples


def site_values(index: ContentIndex) -> dict[str, list[str]]:
    """For every key holding a list of strings somewhere (tags, categories), the values used
    across the site, most used first."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for page in index.pages:
        for key, value in flatten(page.fields).items():
            if isinstance(value, list):
                counts[key].update(str(v) for v in value if isinstance(v, (str, int)))
    return {key: [v for v, _ in counter.most_common()] for key, counter in counts.items()}
