"""Move or rename a page or bundle (all languages), rewriting every ref/relref that points at it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from writer.core.document import Page
from writer.core.errors import WriterError
from writer.core.hugo.index import ContentIndex, PageInfo
from writer.core.hugo.refs import RefResolver, find_refs
from writer.core.textio import atomic_write, read_bytes

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


def plan_move(index: ContentIndex, page: PageInfo, new_logical: str) -> MovePlan:
    """Everything that moving `page` (and its translations and resources) to `new_logical`
    (a path from the content root, like `blog/new-slug`) changes. Writes nothing."""
    root = index.site.root
    new_logical = new_logical.strip().strip("/")
    if not new_logical or ".." in new_logical.split("/"):
        raise WriterError(f"'{new_logical}' is not a usable new path")
    plan = MovePlan(old_logical=page.logical, new_logical=new_logical)
    plan.moves = _file_moves(index, page, new_logical)
    for _, dst in plan.moves:
        if dst.exists():
            raise WriterError("refusing to overwrite an existing file", dst)
    moved = {a: b for a, b in plan.moves}
    group = {m.path for m in _group(index, page)}
    resolver = RefResolver(index)
    uses_aliases = any("aliases" in p.fields for p in index.pages)
    for info in index.pages:
        file = root / info.path
        text = read_bytes(file)
        doc = Page.from_bytes(text, file)
        new_text = _rewrite_refs(doc.text(), info, resolver, group, new_logical)
        if new_text != doc.text():
            doc.set_text(new_text)
        if uses_aliases and info.path in group:
            aliases = doc.get("aliases") or []
            alias = _alias_for(index, info)
            if isinstance(aliases, list) and alias not in aliases:
                doc.set("aliases", [*aliases, alias])
        data = doc.to_bytes()
        if data != text:
            plan.edits[moved.get(file, file)] = data
    return plan


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
            originals[path] = path.read_bytes() if path.exists() else None
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
