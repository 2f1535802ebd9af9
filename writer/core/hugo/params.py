"""Hugo's `param` shortcode: a page's own parameter, else the site's, printed as Go prints it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from writer.core.frontmatter.values import find
from writer.core.hugo.site import Site


def site_params(site: Site, lang: str | None) -> dict[str, Any]:
    """The site's `params`, with a language's own `params` over them (keys lower-cased)."""
    merged = _merge(site.config.get("params") or {}, {})
    language = site.language(lang) if lang else None
    if language is not None and language.params:
        merged = _merge(merged, language.params)
    return merged


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = {str(k).lower(): v for k, v in base.items()} if isinstance(base, Mapping) else {}
    for key, value in over.items():
        key = str(key).lower()
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def page_param(fields: Mapping[str, Any], site: Site, lang: str | None, name: str) -> tuple[bool, Any]:
    """(found, value) of `.Page.Param name`: the page's front matter first (any case, dotted
    names into maps), then the site's parameters."""
    found, value = find(fields, name)
    if found and value is not None:
        return True, value
    return find(site_params(site, lang), name)


def go_text(value: Any) -> str:
    """A value as Go's templates print it (`true`, `3`, `0.5`, `[a b]`, `map[k:v]`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(go_text(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "map[" + " ".join(f"{key}:{go_text(value[key])}" for key in sorted(value, key=str)) + "]"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S %z").strip()
    if value is None:
        return ""
    return str(value)
