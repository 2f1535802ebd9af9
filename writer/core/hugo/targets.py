"""Paths Writer is asked to create in a site: taken from what a user types, checked so that Hugo can
publish them, Windows can store them and nothing existing is hit.

Measured with Hugo 0.168: it drops most punctuation from a URL (`a?b` and `a:b` publish at `/ab/`),
keeps `#` (but a ref "a#b" means page a, anchor b), publishes `%` verbatim (a broken URL), and
ignores files whose name starts with a dot. Windows refuses `<>:"|?*\\`, control characters, the
device names (CON, NUL, COM1, ...) with any extension, and names ending in a dot or a space.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path, PurePosixPath

from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex, PageInfo, _split_name

_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                    *(f"LPT{i}" for i in range(1, 10))}
_WINDOWS_FORBIDDEN = set('<>:"|?*\\')
_HUGO_UNUSABLE = {"%": "Hugo publishes '%' unescaped, which breaks the URL",
                  "#": "a ref to it would read '#' as the start of an anchor"}
_MARKDOWN = re.compile(r"\.(md|markdown)$", re.I)


def segment_problem(name: str) -> str | None:
    """Why `name` cannot be a file or folder name in a Hugo site that Windows users share, or None."""
    if name in ("", ".", ".."):
        return f"'{name}' is not a name" if name else "an empty name"
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return f"'{name!r}' contains a control character"
    bad = sorted(_WINDOWS_FORBIDDEN & set(name))
    if bad:
        return f"'{name}' contains {' '.join(bad)}, which Windows does not allow in file names"
    for ch, why in _HUGO_UNUSABLE.items():
        if ch in name:
            return f"'{name}' contains '{ch}': {why}"
    if name.startswith("."):
        return f"'{name}' starts with a dot: Hugo ignores such files"
    if name.endswith((".", " ")) or name.startswith(" "):
        return f"'{name}' begins or ends with a space or ends with a dot, which Windows drops"
    if name.split(".")[0].upper().rstrip(" ") in _WINDOWS_DEVICES:
        return f"'{name}' is a reserved device name on Windows"
    return None


def check_segments(logical: str) -> None:
    for part in logical.split("/"):
        problem = segment_problem(part)
        if problem:
            raise WriterError(f"'{logical}': {problem}")


def content_roots(index: ContentIndex) -> list[Path]:
    site = index.site
    roots = {Path(os.path.normpath(site.root / lang.content_dir)) for lang in site.languages}
    return sorted(roots, key=lambda p: len(p.parts), reverse=True)  # deepest first


def from_content_root(index: ContentIndex, raw: str) -> str:
    """The path below the content root that `raw` names: `blog/x`, `/blog/x`, `content/blog/x`
    (as a shell completes it, from the site root; the prefix is taken off once, never doubled),
    `content\\blog\\x` or an absolute path inside the content folder."""
    text = raw.strip().replace("\\", "/")
    if not text:
        raise WriterError("no path given")
    site_root = index.site.root
    path = Path(text)
    if path.is_absolute() or re.match(r"^[A-Za-z]:/", text):
        inside = _below_content(index, path.resolve())
        if inside is not None:
            return inside
        first = PurePosixPath(text).parts[1:2]
        if re.match(r"^[A-Za-z]:/", text) or (first and Path("/", first[0]).exists()):
            raise WriterError(f"'{raw.strip()}' is outside the site's content folder")
        text = text.lstrip("/")  # "/blog/x": from the content root, as refs write it
    parts = [p for p in text.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise WriterError(f"'{raw.strip()}': '..' is not allowed; give the path from the content root")
    rel = "/".join(parts)
    for root in content_roots(index):
        prefix = root.relative_to(site_root).as_posix() if root.is_relative_to(site_root) else ""
        if prefix not in ("", ".") and (rel == prefix or rel.startswith(prefix + "/")):
            return rel[len(prefix) + 1:]
    return rel


def _below_content(index: ContentIndex, path: Path) -> str | None:
    for root in content_roots(index):
        root = root.resolve()
        if path == root:
            return ""
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return None


def near_matches(name: str, candidates: list[str]) -> str:
    found = difflib.get_close_matches(name.lower(), candidates, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(found)}?)" if found else ""


def section_folders(index: ContentIndex) -> list[str]:
    """Folders below the content roots that can hold pages (not inside a leaf bundle)."""
    leaves = {p.logical.lower() for p in index.pages if p.bundle == "leaf"}
    found: set[str] = set()
    for root in content_roots(index):
        for folder in root.rglob("*"):
            if not folder.is_dir() or any(part.startswith(".") for part in folder.relative_to(root).parts):
                continue
            rel = folder.relative_to(root).as_posix()
            if not any(rel.lower() == leaf or rel.lower().startswith(leaf + "/") for leaf in leaves):
                found.add(rel)
    return sorted(found)


def check_folder(index: ContentIndex, folder: str, what: str = "section", *, allow_new: bool = False) -> str:
    """`folder` (from the content root; "" is the root) must exist in a content root and not lie
    in a leaf bundle, whose subfolders hold resources, not pages. Returns it spelt as on disk
    (`Blog` -> `blog`: one folder on Windows and macOS, one URL in Hugo). `allow_new` lets a
    folder that does not exist yet through when its names are usable."""
    if not folder:
        return folder
    leaf = _leaf_at_or_above(index, folder)
    if leaf is not None:
        raise WriterError(f"'{folder}' is inside the page bundle '{leaf.logical}' "
                          "(a bundle's folders hold its images and files, not pages)")
    folders = section_folders(index)
    same = [f for f in folders if f.lower() == folder.lower()]
    if same:
        return folder if folder in same else same[0]
    if allow_new:
        check_segments(folder)
        return folder
    raise WriterError(f"there is no {what} '{folder}' in the content folder"
                      f"{near_matches(folder, folders)}; create the folder first for a new one")


def _leaf_at_or_above(index: ContentIndex, logical: str) -> PageInfo | None:
    parts = logical.lower().split("/")
    ancestors = {"/".join(parts[:i]) for i in range(1, len(parts) + 1)}
    return next((p for p in index.pages if p.bundle == "leaf" and p.logical.lower() in ancestors), None)


def strip_page_file(index: ContentIndex, logical: str) -> str:
    """`blog/x.md` and `blog/x/index.md` name the page `blog/x`, as in a ref; a language suffix
    (`team.de`) is refused: the page moves with every language."""
    langs = set(index.site.language_codes)
    parts = logical.split("/")
    last = parts[-1]
    if _MARKDOWN.search(last):
        last = _MARKDOWN.sub("", last)
        if _MARKDOWN.search(last):
            raise WriterError(f"'{logical}' ends in two Markdown extensions")
    base, lang = _split_name(last + ".md", langs)
    if lang is not None:
        raise WriterError(f"'{logical}' ends in a language ('.{lang}'); give the path without it: "
                          "the page's languages keep their own files")
    parts[-1] = base
    if parts[-1] in ("index", "_index"):
        parts.pop()
    return "/".join(parts)


def existing_at(index: ContentIndex, logical: str, ignore: set[str]) -> str | None:
    """What already sits at `logical` in any content root and language, letter case ignored as
    Windows, macOS and Hugo's URLs ignore it: a page, a section, a bundle or any file or folder."""
    wanted = logical.lower()
    for page in index.pages:
        if page.path not in ignore and page.kind != "home" and page.logical.lower() == wanted:
            return page.path
    langs = set(index.site.language_codes)
    parent, _, name = logical.rpartition("/")
    for root in content_roots(index):
        folder = root / parent
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            stem = _split_name(entry.name, langs)[0] if _MARKDOWN.search(entry.name) else entry.name
            if stem.lower() != name.lower():
                continue
            rel = index.site.rel(entry)
            if rel not in ignore and not (entry.is_dir() and _only_ignored(index, entry, ignore)):
                return rel
    return None


def _only_ignored(index: ContentIndex, folder: Path, ignore: set[str]) -> bool:
    """A bundle folder whose pages are all being moved (it goes with them)."""
    pages = {index.site.rel(p) for p in folder.rglob("*") if _MARKDOWN.search(p.name)}
    return bool(pages) and pages <= ignore
