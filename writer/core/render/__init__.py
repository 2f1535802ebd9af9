"""Markdown → preview HTML like Hugo's Goldmark (Qt-free).

Public API::

    from writer.core.render import RenderOptions, RenderContext, RefTarget, Renderer, preview_page
"""

from __future__ import annotations

from .context import RefTarget, RenderContext
from .options import RenderOptions
from .renderer import Renderer
from .template import preview_page

__all__ = ["RefTarget", "RenderContext", "RenderOptions", "Renderer", "preview_page"]
