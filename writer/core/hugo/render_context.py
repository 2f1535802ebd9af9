"""The bridge between a site and the renderer: refs, images and shortcodes of one page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from writer.core.document import Page
from writer.core.hugo.images import image_file
from writer.core.hugo.index import ContentIndex, PageInfo
from writer.core.hugo.refs import RefResolver
from writer.core.hugo.site import Site
from writer.core.render import RefTarget, Renderer, RenderOptions
from writer.core.render.policy import site_url


@dataclass
class SiteModel:
    """A site opened for writing: configuration, index, resolver and renderer, built once."""

    site: Site
    index: ContentIndex
    resolver: RefResolver
    renderer: Renderer
    shortcodes: frozenset[str]

    @classmethod
    def open(cls, path: str | Path) -> SiteModel:
        site = Site.open(path)
        index = ContentIndex.build(site)
        return cls.from_index(index)

    @classmethod
    def from_index(cls, index: ContentIndex) -> SiteModel:
        site = index.site
        renderer = Renderer(RenderOptions.from_config(site.config))
        return cls(site, index, RefResolver(index), renderer, site.shortcode_names())

    def context_for(self, file: Path | None, *, preview: bool = False) -> PageRenderContext:
        info = self.index.page_for_file(file) if file is not None else None
        return PageRenderContext(self, info, file, preview=preview)

    def render_body(self, body: str, file: Path | None, *, preview: bool = False) -> str:
        """The HTML fragment of a page's body. For the `preview`, images are URLs of Writer's
        scheme (writer.core.render.policy.site_url); else `file:` URLs (`writer render`)."""
        return self.renderer.render(body, self.context_for(file, preview=preview))

    def static_dirs(self) -> list[Path]:
        dirs = [self.site.root / "static"]
        theme = self.site.config.get("theme")
        for name in theme if isinstance(theme, list) else [theme] if theme else []:
            dirs.append(self.site.root / "themes" / str(name) / "static")
        return dirs


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
        found = image_file(src, self.file, self.model.static_dirs())
        if found is None:
            return None
        if self.preview:
            return site_url(found, self.model.site.root)
        return found.resolve().as_uri()

    def site_shortcodes(self) -> frozenset[str]:
        return self.model.shortcodes


def render_page_file(path: Path, site_path: Path | None = None) -> str:
    """The preview HTML fragment of a page's body, rendered in its site's context."""
    page = Page.load(path)
    model = SiteModel.open(site_path or path)
    return model.render_body(page.body, path.resolve())
