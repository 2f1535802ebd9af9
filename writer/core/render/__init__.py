"""Markdown → preview HTML like Hugo's Goldmark (Qt-free).

Public API::

    from writer.core.render import RenderOptions, RenderContext, RefTarget, Renderer, preview_page
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .context import RefTarget, RenderContext
from .options import RenderOptions
from .template import preview_page

if TYPE_CHECKING:
    from .renderer import Renderer

__all__ = ["RefTarget", "RenderContext", "RenderOptions", "Renderer", "preview_page"]


def __getattr__(name: str) -> Any:
    """`Renderer` on first use: markdown-it, Pygments and the rules take some 60 ms to import,
    which the window spends after its first paint, not before."""
    if name == "Renderer":
        from .renderer import Renderer

        return Renderer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
