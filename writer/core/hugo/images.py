"""Images a page uses: find them in Markdown and front matter, and where they live on disk."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff")
_MD_IMAGE = re.compile(r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(\s*(?P<src><[^>]*>|[^\s)]+)(?:\s+[\"'(][^)]*)?\)")
_FIGURE = re.compile(r"\{\{[<%]\s*figure\b(?P<args>[^\n]*?)[>%]\}\}")
_ARG = re.compile(r"(\w+)=(\"(?:[^\"\\]|\\.)*\"|`[^`]*`|\S+)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class ImageUse:
    src: str
    alt: str | None  # None: the form carries no alt text at all (figure without alt)
    line: int
    column: int


def is_remote(src: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I)) or src.startswith("//")


def _code_free_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) of lines outside fenced code blocks, inline code blanked out."""
    fence: str | None = None
    for number, line in enumerate(text.split("\n")):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        yield number, re.sub(r"`+[^`]*`+", lambda m: " " * len(m.group(0)), line)


def find_images(body: str, first_line: int = 1) -> Iterator[ImageUse]:
    for number, line in _code_free_lines(body):
        for match in _MD_IMAGE.finditer(line):
            src = match.group("src").strip("<>")
            yield ImageUse(src, match.group("alt"), first_line + number, match.start() + 1)
        for match in _FIGURE.finditer(line):
            args = {k: v.strip('"`') for k, v in _ARG.findall(match.group("args"))}
            if "src" in args:
                yield ImageUse(args["src"], args.get("alt"), first_line + number, match.start() + 1)


def front_matter_images(fields: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(dotted key, path) of front matter strings that name an image file."""
    for key, value in fields.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from front_matter_images(value, name + ".")
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str) and item.lower().endswith(IMAGE_EXTS):
                    yield name, item
        elif isinstance(value, str) and value.lower().endswith(IMAGE_EXTS) and " " not in value:
            yield name, value


def image_file(src: str, page_file: Path, static_dirs: list[Path]) -> Path | None:
    """The file on disk an image source names (bundle-relative or site-absolute), or None."""
    if is_remote(src) or not src.strip():
        return None
    clean = unquote(src.split("#")[0].split("?")[0])
    if clean.startswith("/"):
        for static in static_dirs:
            candidate = static / clean.lstrip("/")
            if candidate.is_file():
                return candidate
        return None
    candidate = page_file.parent / clean
    if candidate.is_file():
        return candidate
    for static in static_dirs:
        if (static / clean).is_file():
            return static / clean
    return None
