"""Per-render state carried through markdown-it's `env`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .context import RefTarget, RenderContext
from .highlight import Highlighter
from .options import RenderOptions
from .shortcodes import Extraction
from .urls import decode, is_local

ENV_KEY = "writer"


@dataclass
class RenderState:
    options: RenderOptions
    context: RenderContext | None
    extraction: Extraction
    highlighter: Highlighter
    render_block: Callable[[str, int, int], str]  # markdown, line offset, depth -> HTML
    render_inline: Callable[[str, int], str]  # markdown, depth -> inline HTML
    line_offset: int = 0
    depth: int = 0
    block_shortcodes: set[int] = field(default_factory=set)
    site_shortcodes: frozenset[str] | None = None
    hooks: tuple[bool, bool] | None = None

    def embedded_hooks(self) -> tuple[bool, bool]:
        """(link, image): whether Hugo's embedded render hooks run on this page's site."""
        if self.hooks is None:
            ask = getattr(self.context, "embedded_hooks", None)
            try:
                self.hooks = tuple(ask()) if ask is not None else (False, False)  # type: ignore[assignment]
            except Exception:
                self.hooks = (False, False)
        return self.hooks  # type: ignore[return-value]

    def page_url(self) -> str | None:
        ask = getattr(self.context, "page_url", None)
        try:
            return ask() if ask is not None else None
        except Exception:
            return None

    def param(self, name: str) -> tuple[bool, str] | None:
        """(found, text) of Hugo's `param` shortcode for this page; None without a site to ask."""
        ask = getattr(self.context, "param", None)
        if ask is None:
            return None
        try:
            return ask(name)
        except Exception:
            return False, ""

    def link_target(self, path: str) -> str | None:
        """The RelPermalink of a page, page resource or asset a link path names, or None."""
        ask = getattr(self.context, "link_target", None)
        return ask(path) if ask is not None else None

    def source_line(self, line: int) -> int:
        """1-based line in the body for a 0-based line of the parsed text."""
        return self.extraction.source_line(line) + self.line_offset + 1

    def resolve_ref(self, target: str, kind: str, lang: str | None = None) -> RefTarget | None:
        if self.context is None:
            return None
        try:
            if lang:
                return self.context.resolve_ref(target, kind, lang)
            return self.context.resolve_ref(target, kind)
        except Exception:
            return None

    def resolve_image(self, src: str) -> tuple[str, bool]:
        """(URL for the preview, found?) for an image src; remote srcs are kept as they are."""
        if self.context is None or not is_local(src):
            return src, True
        try:
            resolved = self.context.resolve_image(decode(src))
        except Exception:
            resolved = None
        return (resolved, True) if resolved else (src, False)

    def known_shortcodes(self) -> frozenset[str]:
        if self.site_shortcodes is None:
            names: frozenset[str] = frozenset()
            if self.context is not None:
                try:
                    names = frozenset(self.context.site_shortcodes())
                except Exception:
                    names = frozenset()
            self.site_shortcodes = names
        return self.site_shortcodes
