"""Move or rename a page or bundle (all languages), rewriting every ref/relref that points at it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from writer.core.document import Page
from writer.core.errors import ReadError, WriterError
from writer.core.hugo.index import ContentIndex, PageInfo
from writer.core.hugo.refs import RefResolver, find_refs
from writer.core.hugo.targets import (
    check_folder,
    check_segments,
    existing_at,
    from_content_root,
    strip_page_file,
)
from writer.core.hugo.urls import page_permalink
from writer.core.textio import atomic_write, decode_legacy, read_bytes

# what a ref target names after the page's path: "/index.md", "/_index.de.md", ".md", ".de.md"
_FILE_TAIL = re.compile(r"(/_?index(?:\.[a-z]{2}(?:-[a-z]+)?)?\.(?:md|markdown)|(?:\.[a-z]{2})?\.(?:md|markdown))$")


@dataclass
class MovePlan:
    moves: list[tuple[Path, Path]] = field(default_factory=list)  # files, old -> new
    edits: dict[Path, bytes] = field(default_factory=dict)  # final path -> new bytes
    old_logical: str = ""
    new_logical: str = ""

    def changed_files(self, root: Path) -> list[str]:
        """Every file that would change, relative to the site root."""
        names = {f"{a.relative_to(root).as_posix()} -> {b.relative_to(root).as_posix()}" for a, b in self.moves}
        moved_to = {b for _, b in self.moves}
        names |= {p.relative_to(root).as_posix() for p in self.edits if p not in moved_to}
        return sorted(names)


def _group(index: ContentIndex, page: PageInfo) -> list[PageInfo]:
    return [page, *index.translations(page).values()]


def _file_moves(index: ContentIndex, page: PageInfo, new_logical: str) -> list[tuple[Path, Path]]:
    root = index.site.root
    moves: list[tuple[Path, Path]] = []
    seen: set[Path] = set()
    for member in _group(index, page):
        src = root / member.path
        content_root = Path(str(src)[: len(str(src)) - len(member.content_path)])
        if member.bundle == "leaf":
            folder = src.parent
            if folder in seen:
                continue
            seen.add(folder)
            for file in sorted(p for p in folder.rglob("*") if p.is_file()):
                moves.append((file, content_root / new_logical / file.relative_to(folder)))
        else:
            name = src.name.split(".", 1)[1]  # "de.md" or "md"
            moves.append((src, content_root / f"{new_logical}.{name}"))
    return moves


def _rewrite_target(old_target: str, new_logical: str) -> str:
    path, hash_, anchor = old_target.partition("#")
    lead = "/" if path.startswith("/") else ""
    tail = ""
    ext = re.search(_FILE_TAIL, path)
    if ext and not path.startswith("."):
        tail = ext.group(1)
    slash = "/" if path.endswith("/") and not tail else ""
    return f"{lead}{new_logical}{tail}{slash}{hash_}{anchor}"


def move_target(index: ContentIndex, page: PageInfo, raw: str) -> str:
    """The path from the content root that `raw` (as a user typed it) names for `page`; raises a
    WriterError naming the problem when Hugo, Windows or the site's existing pages forbid it."""
    if page.kind == "home":
        raise WriterError("the home page cannot move: Hugo always reads it from the content "
                          "folder's _index file", index.site.root / page.path)
    if page.kind == "section":
        raise WriterError("a section page (_index) cannot move on its own: it stands for its folder "
                          "and every page in it; move those pages one at a time", index.site.root / page.path)
    logical = strip_page_file(index, from_content_root(index, raw))
    if not logical:
        raise WriterError(f"'{raw.strip()}' names the content folder itself, not a page path")
    check_segments(logical)
    if logical == page.logical:
        raise WriterError(f"the page is already at '{logical}'")
    if logical.lower() == page.logical.lower():
        raise WriterError(f"'{logical}' differs from '{page.logical}' only in letter case: Hugo "
                          "publishes both at the same URL, and Windows and macOS see one file")
    if page.bundle == "leaf" and logical.lower().startswith(page.logical.lower() + "/"):
        raise WriterError(f"'{logical}' is inside the bundle being moved")
    parent, _, name = logical.rpartition("/")
    parent = check_folder(index, parent, "folder")
    logical = f"{parent}/{name}" if parent else name
    group = _group(index, page)
    taken = existing_at(index, logical, {m.path for m in group})
    if taken is not None:
        raise WriterError(f"'{logical}' is already taken by {taken}")
    _check_permalinks(index, group, logical)
    return logical


def _check_permalinks(index: ContentIndex, group: list[PageInfo], logical: str) -> None:
    """Two pages that Hugo would publish at one URL (`a:b` and `ab` both give /ab/)."""
    paths = {m.path for m in group}
    for member in group:
        link = _permalink_at(index, member, logical)
        clash = next((p for p in index.pages if p.path not in paths and p.lang == member.lang
                      and p.permalink == link), None)
        if clash is not None:
            raise WriterError(f"Hugo would publish '{logical}' at {link}, where {clash.path} already is")


def _permalink_at(index: ContentIndex, member: PageInfo, logical: str) -> str:
    """The RelPermalink Hugo gives `member` once it sits at `logical` (its front matter unchanged)."""
    dirs, _, name = logical.rpartition("/")
    return page_permalink(
        kind=member.kind, dirs=dirs.split("/") if dirs else [], name=name, fields=member.fields,
        lang_prefix=index.site.lang_prefix(member.lang), base_path=index.site.base_path,
        patterns=index.site.section_permalinks("page"))


def plan_move(index: ContentIndex, page: PageInfo, new_path: str) -> MovePlan:
    """Everything that moving `page` (and its translations and resources) to `new_path`
    (from the content root, like `blog/new-slug`; see `move_target`) changes. Writes nothing."""
    root = index.site.root
    new_logical = move_target(index, page, new_path)
    plan = MovePlan(old_logical=page.logical, new_logical=new_logical)
    plan.moves = _file_moves(index, page, new_logical)
    for _, dst in plan.moves:
        if dst.exists():
            raise WriterError("refusing to overwrite an existing file", dst)
    moved = {a: b for a, b in plan.moves}
    group = {m.path for m in _group(index, page)}
    resolver = RefResolver(index)
    uses_aliases = any("aliases" in p.fields for p in index.pages)
    # a page whose URL stays (a fixed `url:`) needs no alias: it would only name the page itself
    aliased = {m.path for m in _group(index, page)
               if uses_aliases and _permalink_at(index, m, new_logical) != m.permalink}
    for info in index.pages:
        file = root / info.path
        text = read_bytes(file)
        try:
            doc = Page.from_bytes(text, file)
        except ReadError as exc:
            _check_unreadable(exc, text, info, resolver, group, info.path in aliased)
            continue  # nothing in it points at the page: it stays as it is
        new_text = _rewrite_refs(doc.text(), info, resolver, group, new_logical)
        if new_text != doc.text():
            doc.set_text(new_text)
        if info.path in aliased:
            aliases = doc.get("aliases") or []
            alias = _alias_for(index, info)
            if isinstance(aliases, list) and alias not in aliases:
                doc.set("aliases", [*aliases, alias])
        data = doc.to_bytes()
        if data != text:
            plan.edits[moved.get(file, file)] = data
    return plan


def _check_unreadable(exc: ReadError, data: bytes, info: PageInfo, resolver: RefResolver,
                      group: set[str], needs_alias: bool) -> None:
    """A page Writer cannot edit (not UTF-8) blocks the move only when it would need an edit."""
    if needs_alias:
        raise WriterError(f"its old URL cannot be added to its aliases: {exc.message}", exc.path)
    text = decode_legacy(data)[0]
    for use in find_refs(text):
        found = resolver.resolve(use.target, info, use.lang)
        if found is not None and found.page.path in group:
            raise WriterError(f"its ref \"{use.target}\" to the page cannot be rewritten: {exc.message}",
                              exc.path)


def _alias_for(index: ContentIndex, info: PageInfo) -> str:
    """The old URL as an alias: Hugo puts the base path and the language prefix in front itself."""
    url = info.permalink
    site = index.site
    prefix = site.base_path + site.lang_prefix(info.lang)
    return url[len(prefix):] if prefix and url.startswith(prefix + "/") else url


def _rewrite_refs(text: str, info: PageInfo, resolver: RefResolver, group: set[str], new_logical: str) -> str:
    out, last = [], 0
    for use in find_refs(text):
        found = resolver.resolve(use.target, info, use.lang)
        if found is None or found.page.path not in group:
            continue
        start = text.index(use.target, use.start, use.end)
        out.append(text[last:start])
        out.append(_rewrite_target(use.target, new_logical))
        last = start + len(use.target)
    out.append(text[last:])
    return "".join(out)


def apply_move(plan: MovePlan, site_root: Path) -> None:
    """Write the plan; on any error everything done so far is undone and the error raised."""
    done_moves: list[tuple[Path, Path]] = []
    originals: dict[Path, bytes | None] = {}
    try:
        for src, dst in plan.moves:
            if not dst.resolve().is_relative_to(site_root.resolve()):
                raise WriterError("refusing to write outside the site", dst)
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.rename(src, dst)
            done_moves.append((src, dst))
        for path, data in plan.edits.items():
            originals[path] = read_bytes(path) if path.exists() else None
            atomic_write(path, data)
    except BaseException:
        for path, data in originals.items():
            if data is not None:
                atomic_write(path, data)
        for src, dst in reversed(done_moves):
            os.rename(dst, src)
        _remove_empty_folders([dst.parent for _, dst in done_moves], site_root)
        raise
    _remove_empty_folders([src.parent for src, _ in plan.moves], site_root)


def _remove_empty_folders(folders: list[Path], site_root: Path) -> None:
    for folder in sorted(set(folders), key=lambda p: len(p.parts), reverse=True):
        current = folder
        while current != site_root and current.is_dir() and not any(current.iterdir()):
            current.rmdir()
            current = current.parent
