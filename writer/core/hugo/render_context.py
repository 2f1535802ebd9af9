"""The bridge between a site and the renderer: refs, images and shortcodes of one page."""

from __future__ import annotations

import functools
import os
import posixpath
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from writer.core.document import Page
from writer.core.hugo.images import locate_in_dirs
from writer.core.hugo.index import ContentIndex, PageInfo, content_type
from writer.core.hugo.index_cache import IndexCache, fingerprint
from writer.core.hugo.params import go_text, page_param
from writer.core.hugo.refs import RefResolver
from writer.core.hugo.site import Site, config_files
from writer.core.render import RefTarget, RenderOptions
from writer.core.render.options import _get
from writer.core.render.policy import site_url

if TYPE_CHECKING:
    from writer.core.render.renderer import Renderer

_MAKING_RENDERER = threading.Lock()


@dataclass
class SiteModel:
    """A site opened for writing: configuration, index, resolver and renderer, built once."""

    site: Site
    index: ContentIndex
    resolver: RefResolver
    made_renderer: Renderer | None  # made on first use (`renderer`), usually off the UI thread
    shortcodes: frozenset[str]

    @property
    def renderer(self) -> Renderer:
        if self.made_renderer is None:
            with _MAKING_RENDERER:
                if self.made_renderer is None:
                    from writer.core.render.renderer import Renderer

                    self.made_renderer = Renderer(RenderOptions.from_config(self.site.config))
        return self.made_renderer

    @classmethod
    def open(cls, path: str | Path, cache: IndexCache | None = None, *, persist: bool = True,
             previous: SiteModel | None = None) -> SiteModel:
        """Open the site holding `path`. With a `cache`, pages unchanged since it was filled are
        not read again (all are when the configuration changed); with the `previous` model of
        the same site and configuration, its renderer is used again."""
        site = Site.open(path)
        if cache is not None:
            cache.refit(fingerprint(site.root, config_files(site.root)))
        return cls._built(site, cache, persist, previous)

    @classmethod
    def _built(cls, site: Site, cache: IndexCache | None, persist: bool, previous: SiteModel | None) -> SiteModel:
        index = ContentIndex.build(site, cache, persist=persist)
        same = previous is not None and previous.site.root == site.root and previous.site.config == site.config
        return cls.from_index(index, previous.made_renderer if same and previous is not None else None)

    @classmethod
    def from_index(cls, index: ContentIndex, renderer: Renderer | None = None) -> SiteModel:
        site = index.site
        return cls(site, index, RefResolver(index), renderer, site.shortcode_names())

    def context_for(self, file: Path | None, *, preview: bool = False) -> PageRenderContext:
        info = self.index.page_for_file(file) if file is not None else None
        return PageRenderContext(self, info, file, preview=preview)

    def render_body(self, body: str, file: Path | None, *, preview: bool = False) -> str:
        """The HTML fragment of a page's body. For the `preview`, images are URLs of Writer's
        scheme (writer.core.render.policy.site_url); else `file:` URLs (`writer render`). An
        HTML content file's body is published as written, its shortcodes run."""
        context = self.context_for(file, preview=preview)
        if file is not None and content_type(file) == "text/html":
            return self.renderer.render_html(body, context)
        return self.renderer.render(body, context)

    @functools.cached_property
    def real_root(self) -> str:
        """The site root with symbolic links resolved (images are looked up only inside it)."""
        return os.path.realpath(self.site.root)

    @functools.cached_property
    def static_folders(self) -> dict[str, list[Path]]:
        """The site's static folders as its mounts (and its themes') place them."""
        return self.site.file_dirs("static")


class PageRenderContext:
    """RenderContext for one page of a site."""

    def __init__(self, model: SiteModel, info: PageInfo | None, file: Path | None, *,
                 preview: bool = False) -> None:
        self.model = model
        self.info = info
        self.file = file
        self.preview = preview

    def resolve_ref(self, target: str, kind: str, lang: str | None = None) -> RefTarget | None:
        path, _, _ = target.partition("#")
        resolver = self.model.resolver
        found = resolver.resolve(target, self.info, lang.lower() if lang else None)
        if found is None:
            return None
        return RefTarget(url=resolver.url(kind, found), path=found.page.path or path)

    def resolve_image(self, src: str) -> str | None:
        if self.file is None:
            return None
        lookup = locate_in_dirs(src, self.file, self.model.static_folders, self.model.site.root,
                                real_root=self.model.real_root)
        found, real = lookup.file, lookup.real
        if found is None and self.embedded_hooks()[1]:  # Hugo's image hook looks in assets/
            asset = self.model.site.root / "assets" / src.lstrip("/")
            found, real = (asset, None) if asset.is_file() else (None, None)
        if found is None:
            return None
        if self.preview:
            return site_url(found, self.model.site.root)
        return Path(real).as_uri() if real else found.resolve().as_uri()

    def site_shortcodes(self) -> frozenset[str]:
        return self.model.shortcodes

    def embedded_hooks(self) -> tuple[bool, bool]:
        cached = getattr(self.model, "_embedded_hooks", None)
        if cached is None:
            cached = embedded_hook_settings(self.model.site)
            self.model._embedded_hooks = cached  # type: ignore[attr-defined]
        return cached

    def page_url(self) -> str | None:
        return self.info.permalink if self.info is not None else None

    def param(self, name: str) -> tuple[bool, str]:
        """(found, text) of `{{< param name >}}`: the page's parameter, else the site's."""
        fields = self.info.fields if self.info is not None else {}
        lang = self.info.lang if self.info is not None else self.model.site.default_language
        found, value = page_param(fields, self.model.site, lang, name)
        return found, go_text(value) if found else ""

    def link_target(self, path: str) -> str | None:
        """What Hugo's embedded link hook finds for a path: a page (`GetPage`), a resource
        of the page's bundle, or a file under `assets/`; its RelPermalink."""
        resolver, site = self.model.resolver, self.model.site
        lang = self.info.lang if self.info is not None else site.default_language
        if not path.strip("/"):
            return site.base_path + site.lang_prefix(lang) + "/"  # GetPage "" is the home page
        found = None
        if self.info is not None and not path.startswith("/"):  # relative to the page itself
            base = self.info.logical if self.info.bundle == "leaf" else posixpath.dirname(self.info.logical)
            joined = posixpath.normpath(posixpath.join(base, path))
            if not joined.startswith(".."):
                found = resolver.resolve("/" + joined, self.info)
        if found is None and not path.endswith(".html"):
            found = resolver.resolve(path, self.info)
        if found is not None and found.page is not None:
            return found.page.permalink
        if self.info is not None and self.file is not None and self.info.bundle == "leaf":
            resource = self.file.parent / path
            if resource.is_file() and resource.suffix not in (".md", ".html"):
                return _resource_url(site, self.info) + path
        if (site.root / "assets" / path.lstrip("/")).is_file():
            return site.base_path + "/" + path.lstrip("/")
        return None


def _resource_url(site: Site, info: PageInfo) -> str:
    """A bundle's resources are published once, under the default language's path."""
    prefix = site.lang_prefix(info.lang)
    url = info.permalink
    if prefix and url.startswith(site.base_path + prefix + "/"):
        url = site.base_path + site.lang_prefix(site.default_language) + url[len(site.base_path + prefix):]
    return url if url.endswith("/") else url + "/"


def embedded_hook_settings(site: Site) -> tuple[bool, bool]:
    """Hugo's `markup.goldmark.renderHooks.{link,image}.useEmbedded`: `auto` (the default) is
    on for a multilingual site on one host without its own hook; `fallback` when the site
    has no hook; `always`; `never`."""
    hooks = _get(site.config, "markup", "goldmark", "renderhooks") or {}
    multilingual = len(site.languages) > 1
    single_host = not any(
        isinstance(v, dict) and v.get("baseurl") for v in (site.config.get("languages") or {}).values()
    )
    result = []
    for kind in ("link", "image"):
        setting = str(_get(hooks, kind, "useembedded") or "auto").lower()
        custom = _has_custom_hook(site, kind)
        result.append(
            setting == "always"
            or (setting == "fallback" and not custom)
            or (setting == "auto" and multilingual and single_host and not custom)
        )
    return result[0], result[1]


def _has_custom_hook(site: Site, kind: str) -> bool:
    theme = site.config.get("theme")
    themes = theme if isinstance(theme, list) else [theme] if theme else []
    roots = [site.root] + [site.root / "themes" / str(name) for name in themes]
    return any(
        any((root / "layouts" / folder).glob(f"render-{kind}*.html"))
        for root in roots
        for folder in ("_markup", "_default/_markup")
    )


def render_page_file(path: Path, site_path: Path | None = None) -> str:
    """The preview HTML fragment of a page's body, rendered in its site's context."""
    page = Page.load(path)
    model = SiteModel.open(site_path or path)
    return model.render_body(page.body, path.resolve())
