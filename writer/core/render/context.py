"""What the renderer asks of a site: ref targets, image files, shortcode names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class RefTarget:
    """A resolved ref/relref: the URL to link to (anchor included) and the target's path."""

    url: str
    path: str


class RenderContext(Protocol):
    """Site knowledge for a render; every method may be missing behaviour (return None/empty)."""

    def resolve_ref(self, target: str, kind: str, lang: str | None = None) -> RefTarget | None:
        """`kind` is "ref" or "relref"; `lang` the shortcode's lang argument; None: not found."""
        ...

    def resolve_image(self, src: str) -> str | None:
        """A URL of the image file on disk for a relative or site-absolute src, or None."""
        ...

    def site_shortcodes(self) -> frozenset[str]:
        """Names of shortcodes defined in layouts/shortcodes and themes."""
        ...
