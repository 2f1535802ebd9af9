"""Images a page uses: find them in Markdown and front matter, and where they live on disk."""

from __future__ import annotations

import os
import re
import stat
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
    """(dotted key, path) of front matter strings that name an image file (walked without
    recursion: a deeply nested front matter cannot exhaust the stack)."""
    stack: list[tuple[str, Any]] = [(f"{prefix}{key}", value) for key, value in reversed(fields.items())]
    while stack:
        name, value = stack.pop()
        if isinstance(value, Mapping):
            stack.extend((f"{name}.{key}", inner) for key, inner in reversed(value.items()))
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str) and item.lower().endswith(IMAGE_EXTS):
                    yield name, item
        elif isinstance(value, str) and value.lower().endswith(IMAGE_EXTS) and " " not in value:
            yield name, value


FOUND, MISSING, OUTSIDE, LINKED = "found", "missing", "outside", "linked"


@dataclass(frozen=True)
class ImageLookup:
    """Where an image source leads: `file` when found, else why not (`state`)."""

    state: str
    file: Path | None = None
    real: str | None = None  # the file with symbolic links resolved

    def reason(self, src: str) -> str:
        """How a problem names a source that was not found."""
        if self.state == OUTSIDE:
            return f'image "{src}" is outside the site (Writer reads no file outside the site)'
        if self.state == LINKED:
            return f'image "{src}" is a symbolic link: Hugo does not publish linked files'
        return f'image "{src}" does not exist'


def locate_image(src: str, page_file: Path, static_dirs: list[Path], root: Path | None = None, *,
                 real_root: str | None = None) -> ImageLookup:
    """The file an image source names (bundle-relative or site-absolute), only inside the
    site `root` (default: the folder holding the first static folder) once symbolic links
    are resolved, and only a regular file that is no link (Hugo publishes no linked file).
    `real_root` is the root with its links resolved, when the caller knows it already."""
    if is_remote(src) or not src.strip():
        return ImageLookup(MISSING)
    if real_root is None:
        if root is None:
            root = static_dirs[0].parent if static_dirs else page_file.parent
        real_root = os.path.realpath(root)
    clean = unquote(src.split("#")[0].split("?")[0])
    if clean.startswith("/"):
        candidates = [static / clean.lstrip("/") for static in static_dirs]
    else:
        candidates = [page_file.parent / clean, *(static / clean for static in static_dirs)]
    worst = MISSING
    for candidate in candidates:
        real = _real_inside(candidate, real_root)
        state = OUTSIDE if real is None else _file_state(candidate)  # outside: never looked at
        if state == FOUND:
            return ImageLookup(FOUND, candidate, real)
        worst = state if worst == MISSING else worst
    return ImageLookup(worst)


def locate_in_dirs(src: str, page_file: Path, dirs: dict[str, list[Path]], root: Path, *,
                   real_root: str | None = None) -> ImageLookup:
    """`locate_image` over static folders as the site mounts them: `dirs` by the path below
    `static` each fills (`{"": [static], "images": [pics]}`, Site.file_dirs)."""
    lookup = locate_image(src, page_file, dirs.get("", []), root, real_root=real_root)
    clean = src.lstrip("/")
    for below, folders in dirs.items():
        if lookup.state != FOUND and below and clean.startswith(below + "/"):
            inner = locate_image("/" + clean[len(below) + 1:], page_file, folders, root, real_root=real_root)
            lookup = inner if inner.state == FOUND else lookup
    return lookup


def _file_state(candidate: Path) -> str:
    try:
        info = os.lstat(candidate)
    except (OSError, ValueError):
        return MISSING
    if stat.S_ISLNK(info.st_mode):
        return LINKED
    return FOUND if stat.S_ISREG(info.st_mode) else MISSING


def _real_inside(path: Path, real_root: str) -> str | None:
    """The path with its links resolved, when that is inside `real_root`; else None."""
    try:
        real = os.path.realpath(path)
        return real if os.path.commonpath([real, real_root]) == real_root else None
    except (OSError, ValueError):
        return None


def image_file(src: str, page_file: Path, static_dirs: list[Path], root: Path | None = None) -> Path | None:
    """The file on disk an image source names (bundle-relative or site-absolute), or None:
    see `locate_image`; nothing outside the site root is ever returned."""
    return locate_image(src, page_file, static_dirs, root).file


# -- importing an image into a page -------------------------------------------------

_TRANSLIT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue", "æ": "ae",
             "ø": "o", "Ø": "o", "å": "a", "Å": "a", "Æ": "ae", "œ": "oe", "Œ": "oe", "ł": "l", "Ł": "l"}


def safe_image_name(name: str) -> str:
    """A portable, slug-like file name: `Bildschirmfoto 2024-05-01 um 10.12.PNG` ->
    `bildschirmfoto-2024-05-01-um-10-12.png`."""
    import unicodedata

    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, "png"
    text = "".join(_TRANSLIT.get(ch, ch) for ch in stem)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "image"
    ext = re.sub(r"[^a-z0-9]", "", ext.lower()) or "png"
    return f"{slug[:80]}.{'jpg' if ext == 'jpeg' else ext}"


def unique_name(folder: Path, name: str, taken: frozenset[str] = frozenset()) -> str:
    """`name`, or `name-2`, `name-3`, ... whichever is free in `folder`."""
    stem, _, ext = name.rpartition(".")
    candidate, n = name, 2
    while (folder / candidate).exists() or candidate in taken:
        candidate = f"{stem}-{n}.{ext}"
        n += 1
    return candidate


@dataclass(frozen=True)
class ImagePlan:
    """Where an image goes and what Markdown names it; `moves` turn a page into a bundle first."""

    target: Path
    src: str
    moves: tuple[tuple[Path, Path], ...] = ()

    @property
    def page_after_moves(self) -> dict[Path, Path]:
        return dict(self.moves)


def plan_image_import(
    site_root: Path, page_file: Path, image_name: str, bundle: str, *, mode: str = "bundle"
) -> ImagePlan:
    """Plan copying an image for a page. `bundle` is the page's bundle type ("leaf", "branch",
    "none"); `mode` "bundle" (convert a plain page into a leaf bundle when needed) or "static"
    (`static/images/<section>/`)."""
    from writer.core.errors import WriterError

    root = site_root.resolve()
    page_file = page_file.resolve()
    if not page_file.is_relative_to(root):
        raise WriterError("the page is not inside the site", page_file)
    name = safe_image_name(image_name)
    moves: list[tuple[Path, Path]] = []
    if mode == "static":
        content_rel = page_file.parent.relative_to(root).parts
        section = content_rel[1] if len(content_rel) > 1 else "site"
        folder = root / "static" / "images" / safe_image_name(section + ".x").rsplit(".", 1)[0]
        name = unique_name(folder, name)
        return ImagePlan(folder / name, f"/images/{folder.name}/{name}")
    folder = page_file.parent
    if bundle == "none":
        base = page_file.name.split(".")[0]
        folder = page_file.parent / base
        if folder.exists():
            raise WriterError(f"cannot make a bundle: the folder {folder.name}/ already exists", page_file)
        for sibling in sorted(page_file.parent.iterdir()):
            parts = sibling.name.split(".")
            if sibling.is_file() and parts[0] == base and sibling.suffix in (".md", ".markdown"):
                moves.append((sibling, folder / ("index." + ".".join(parts[1:]))))
    name = unique_name(folder, name)
    target = folder / name
    if not target.resolve().is_relative_to(root):
        raise WriterError("refusing to write outside the site", target)
    return ImagePlan(target, name, tuple(moves))


def apply_image_import(plan: ImagePlan, data: bytes) -> Path:
    """Move pages into their bundle (if planned) and write the image; never overwrites a file."""
    import os

    from writer.core.errors import WriterError

    for _, dest in plan.moves:
        if dest.exists():
            raise WriterError("refusing to overwrite an existing file", dest)
    if plan.target.exists():
        raise WriterError("refusing to overwrite an existing file", plan.target)
    plan.target.parent.mkdir(parents=True, exist_ok=True)
    for src, dest in plan.moves:
        os.replace(src, dest)
    fd = os.open(plan.target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return plan.target


def image_markdown(src: str, alt: str, caption: str = "", *, figure: bool = False) -> str:
    """Markdown for an inserted image: `![alt](src)` with the caption as a paragraph under it,
    or a `figure` shortcode."""
    def quoted(text: str) -> str:
        return text.replace('"', "&quot;")

    if figure:
        cap = f' caption="{quoted(caption)}"' if caption else ""
        return f'{{{{< figure src="{quoted(src)}" alt="{quoted(alt)}"{cap} >}}}}\n'
    alt_text = alt.replace("]", "\\]").replace("[", "\\[")
    target = f"<{src}>" if " " in src else src
    text = f"![{alt_text}]({target})\n"
    return text + (f"\n{caption}\n" if caption else "")


# -- how an imported image is stored ------------------------------------------------

WEB_FORMATS = ("png", "jpg", "gif", "webp", "svg", "avif")  # what browsers show as they are
ENCODED_FORMATS = ("png", "jpg", "webp", "webp-lossless")  # what Writer can write (through Qt)
FORMAT_LABELS = {"png": "PNG", "jpg": "JPEG", "gif": "GIF", "webp": "WebP", "webp-lossless": "WebP, lossless",
                 "svg": "SVG", "avif": "AVIF", "bmp": "BMP", "tiff": "TIFF"}
WEBP_SINCE = (0, 83)  # Hugo processes (resizes, converts) WebP images since 0.83
DEFAULT_JPEG_QUALITY = 85


def image_format(name: str) -> str:
    """The format a file name says: `Foto.JPEG` -> `jpg`, `scan.tif` -> `tiff`."""
    ext = name.rpartition(".")[2].lower() if "." in name else ""
    return {"jpeg": "jpg", "jfif": "jpg", "tif": "tiff"}.get(ext, ext)


def with_format(name: str, fmt: str) -> str:
    """`name` with the extension of `fmt` (`webp-lossless` is a `.webp` file)."""
    ext = fmt.split("-")[0]
    stem = name.rpartition(".")[0] if "." in name else name
    return f"{stem or 'image'}.{ext}"


@dataclass(frozen=True)
class PixelFacts:
    """What the pixels of an image are like, measured on a sample of them."""

    translucent: bool  # some pixel is not fully opaque
    colours: int  # distinct colours in the sample
    sampled: int  # pixels in the sample

    @property
    def photo_like(self) -> bool:
        """Many distinct colours (a photo, a rendering) rather than flat areas of a few (a
        screenshot, a diagram): a screenshot of 1,600 x 1,000 px had 1.2 % distinct colours."""
        return not self.translucent and self.sampled > 0 and self.colours * 8 > self.sampled


def offered_formats(source_format: str | None, writable: tuple[str, ...], *, webp: bool = True) -> tuple[str, ...]:
    """The formats to offer for an image: the file's own format first (when browsers show it),
    then those Writer can write; WebP only when the site's Hugo can process it (`webp`)."""
    own = (source_format,) if source_format in WEB_FORMATS else ()
    others = tuple(f for f in ENCODED_FORMATS if f in writable and f not in own
                   and (webp or not f.startswith("webp")))
    return own + others


def suggested_format(source_format: str | None, facts: PixelFacts | None, offered: tuple[str, ...]) -> str:
    """Keep a file's own web format; otherwise PNG for screenshots, diagrams and anything
    translucent, JPEG for photos."""
    if source_format in offered:
        return str(source_format)
    if facts is not None and facts.photo_like and "jpg" in offered:
        return "jpg"
    return "png" if "png" in offered else offered[0]


@dataclass(frozen=True)
class ImageOutput:
    """What to write: the file's bytes as they are (`keep_bytes`), or the pixels encoded as
    `fmt`, scaled down to `scale_to` pixels wide (0: the original size)."""

    fmt: str
    scale_to: int = 0
    keep_bytes: bool = False


def plan_output(source_format: str | None, fmt: str, image_width: int, max_width: int) -> ImageOutput:
    """Copy a file byte for byte when its format stays and nothing is scaled (or when the
    format is one Writer cannot write, such as an animated GIF); else encode it."""
    scale_to = max_width if max_width and image_width > max_width else 0
    if source_format == fmt and (not scale_to or fmt not in ENCODED_FORMATS):
        return ImageOutput(fmt, 0, keep_bytes=True)
    return ImageOutput(fmt, scale_to)


def hugo_processes_webp(config: Mapping[str, Any]) -> bool:
    """False when the site declares a minimum Hugo version (`module.hugoVersion.min`) older
    than 0.83, which cannot process WebP images; True otherwise."""
    module = config.get("module")
    version = module.get("hugoversion") if isinstance(module, Mapping) else None
    minimum = version.get("min") if isinstance(version, Mapping) else None
    match = re.match(r"\s*v?(\d+)\.(\d+)", str(minimum or ""))
    return match is None or (int(match.group(1)), int(match.group(2))) >= WEBP_SINCE
