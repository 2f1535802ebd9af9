"""The content index: every page of a site with its language, kind, bundle and permalink."""

from __future__ import annotations

import fnmatch
import gc
import os
import re
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from writer.core import frontmatter as fm
from writer.core.errors import FrontMatterError, ReadError, WriterError
from writer.core.frontmatter.values import find
from writer.core.hugo.index_cache import IndexCache
from writer.core.hugo.mountfiles import MountFiles
from writer.core.hugo.site import Site
from writer.core.hugo.urls import page_permalink
from writer.core.textio import MAX_PAGE_BYTES, MB, decode_bytes, read_prefix, regular_file_size, size_text

MARKDOWN_EXTS = (".md", ".markdown")
HTML_EXTS = (".html", ".htm")  # HTML content files: pages too, published as written
CONTENT_EXTS = MARKDOWN_EXTS + HTML_EXTS

_BUNDLE_NAMES = ("index", "_index")
INDEX_PREFIX_BYTES = 1 * MB  # the index needs the front matter: it reads this much of a page


def content_type(name: str | Path) -> str:
    """The media type Hugo gives a content file (what `security.allowContent` is asked about)."""
    return "text/html" if str(name).lower().endswith(HTML_EXTS) else "text/markdown"


class SkippedLinkError(WriterError):
    """A symbolic link in content/ that Hugo does not publish (checked with Hugo 0.168)."""

    kind = "symlink"
    severity = "warning"


@dataclass(frozen=True)
class PageInfo:
    """One content file as Hugo sees it. `path` is relative to the site root."""

    path: str
    content_path: str
    lang: str
    kind: str
    bundle: str
    title: str
    draft: bool
    date: Any
    permalink: str
    logical: str
    translation_key: str
    fields: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    error: WriterError | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _ContentRoot:
    folder: Path
    lang: str  # the language of files without a language suffix
    prefix: tuple[str, ...] = ()  # where a mount puts it below the content root (`manual`)
    files: MountFiles = MountFiles()  # the mount's `files` setting
    more_langs: tuple[str, ...] = ()  # a mount for several languages: each file is a page in each


def _languages(site: Site) -> set[str]:
    """The codes a file name's language suffix may be: the site's languages, disabled ones too."""
    return set(site.language_codes) | site.disabled_languages


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)


def _split_name(filename: str, languages: set[str]) -> tuple[str, str | None]:
    """`index.de.md` -> ("index", "de"); a suffix counts only when it is a site language."""
    stem = filename.rsplit(".", 1)[0]
    if "." in stem:
        base, suffix = stem.rsplit(".", 1)
        if suffix.lower() in languages:
            return base, suffix.lower()
    return stem, None


class ContentIndex:
    """All pages of a site; build with `ContentIndex.build(site)`."""

    def __init__(self, site: Site, pages: list[PageInfo], problems: list[WriterError]) -> None:
        self.site = site
        self.pages = pages
        self.problems = problems
        self._by_path: dict[str, PageInfo] = {}
        for page in pages:  # a file published in several languages is found as its first
            self._by_path.setdefault(page.path, page)
        self._resolved_root = site.root.resolve()
        groups: dict[str, list[PageInfo]] = defaultdict(list)
        for page in pages:
            groups[page.translation_key].append(page)
        self._groups = groups
        self._entries: dict[str, _Entry] = {}  # content file -> (mount number, pages, problems)
        self._walk_problems: list[WriterError] = []

    @classmethod
    def build(cls, site: Site, cache: IndexCache | None = None, *, persist: bool = True,
              workers: str | None = None, stop: threading.Event | None = None) -> ContentIndex:
        """Every content page of the site. With a `cache`, files unchanged since it was written
        are not read again, and the cache is brought up to date (and written, with `persist`).

        `workers` ("fork" or "spawn") lets other processes read the files when there are many
        to read (a cold open of a big site): "fork" only where no other thread runs. Setting
        `stop` ends the reading early with `BuildStopped` (a window closing)."""
        collecting = gc.isenabled()
        gc.disable()  # nothing here is garbage: collections would only walk the growing index
        try:
            if cache is not None:
                cache.begin()
            walk_problems: list[WriterError] = []
            folders = [(number, root.folder) for number, root in enumerate(_content_roots(site))]
            try:
                entries = _read_folders(site, cache, folders, walk_problems, {}, workers, stop)
            except BuildStopped:
                if cache is not None and persist:  # what was read so far is not read again
                    cache.keep_all()
                    cache.save()
                raise
            if cache is not None and persist:
                cache.save()
            return cls._of_entries(site, entries, walk_problems)
        finally:
            if collecting:
                gc.enable()

    @classmethod
    def _of_entries(cls, site: Site, entries: dict[str, _Entry], walk_problems: list[WriterError]) -> ContentIndex:
        pages: list[PageInfo] = []
        problems: list[WriterError] = [*site.problems, *walk_problems]
        for _number, found, found_problems in entries.values():
            pages.extend(found)
            problems.extend(found_problems)
        pages = _apply_build_options(pages, site.config.get("cascade"))
        pages.sort(key=lambda p: p.path)
        index = cls(site, pages, problems)
        index._entries, index._walk_problems = entries, walk_problems
        return index

    def refreshed(self, folders: list[Path], cache: IndexCache | None = None) -> ContentIndex:
        """The index with the content below `folders` read again (pages saved, added, moved or
        deleted there): other folders are not walked, other files not looked at. A folder that is
        gone takes its pages with it. With a `cache`, only files that changed are read."""
        site = self.site
        if not self._entries and self.pages:
            return ContentIndex.build(site, cache, persist=False)  # an index made another way
        roots = _content_roots(site)
        entries = dict(self._entries)
        walk_problems = list(self._walk_problems)
        targets: list[tuple[int, Path]] = []
        for folder in _outermost(Path(os.path.abspath(f)) for f in folders):
            inside = [(n, r) for n, r in enumerate(roots) if folder == r.folder or folder.is_relative_to(r.folder)]
            covering = [(n, r) for n, r in enumerate(roots) if r.folder.is_relative_to(folder) and r.folder != folder]
            if not inside and not covering:
                continue  # not content (a static folder, the site root's other files)
            below = str(folder) + os.sep
            for name in [n for n in entries if n.startswith(below)]:
                del entries[name]
            walk_problems = [p for p in walk_problems if not str(p.path or "").startswith(below)
                             and str(p.path or "") != str(folder)]
            for number, root in inside:
                if folder.is_dir() and not _in_leaf_bundle(folder, root.folder, site):
                    targets.append((number, folder))
            targets += [(n, r.folder) for n, r in covering if r.folder.is_dir()]
        if cache is not None:
            cache.keep_all()  # what is not walked now stays in the cache
        fresh = _read_folders(site, cache, targets, walk_problems, entries, None)
        entries.update(fresh)
        ordered = {name: entries[name] for name in sorted(entries, key=lambda n: entries[n][0])}
        return ContentIndex._of_entries(site, ordered, walk_problems)

    @classmethod
    def of_files(cls, site: Site, files: list[Path]) -> ContentIndex:
        """An index of only these content files: what a window shows while the whole site is
        still being indexed (a file outside the content folders is left out)."""
        languages = _languages(site)
        pages: list[PageInfo] = []
        problems: list[WriterError] = []
        wanted = {Path(os.path.abspath(f)).resolve() for f in files}
        for root in _content_roots(site):
            for file in sorted(wanted):
                if file.is_relative_to(root.folder) and file.is_file() and file.name.lower().endswith(CONTENT_EXTS):
                    pages += _file_pages(site, root, file, languages, problems)
                    wanted.discard(file)
        pages.sort(key=lambda p: p.path)
        return cls(site, pages, problems)

    def outline(self) -> tuple:
        """What the site tree and the translation panel show of the pages: equal outlines need
        no new tree."""
        return tuple((p.path, p.lang, p.kind, p.title, p.draft, p.translation_key, p.logical,
                      p.content_path, p.error is not None) for p in self.pages)

    def get(self, path: str) -> PageInfo | None:
        """The page at a site-relative path (forward slashes)."""
        return self._by_path.get(path)

    def rel_path(self, file: str | Path) -> str | None:
        """A file's path relative to the site root, as the index keeps paths (None outside it)."""
        try:
            return Path(file).resolve().relative_to(self._resolved_root).as_posix()
        except ValueError:
            return None

    def page_for_file(self, file: str | Path) -> PageInfo | None:
        rel = self.rel_path(file)
        return self._by_path.get(rel) if rel is not None else None

    def translations(self, page: PageInfo) -> dict[str, PageInfo]:
        """The other languages' versions of a page, by language."""
        return {
            p.lang: p for p in self._groups.get(page.translation_key, []) if p.lang != page.lang
        }


def _content_roots(site: Site) -> list[_ContentRoot]:
    out = []
    for mount in site.content_mounts():
        path = (site.root / mount.source).resolve() if mount.source != "." else site.root
        if path.is_dir():
            lang = mount.langs[0] if mount.langs else site.default_language
            prefix = tuple(p for p in str(mount.under("content")).split("/") if p)
            out.append(_ContentRoot(path, lang, prefix, mount.files, tuple(mount.langs[1:])))
    return out


_Entry = tuple[int, list[PageInfo], list[WriterError]]


def _read_folders(site: Site, cache: IndexCache | None, folders: list[tuple[int, Path]],
                  walk_problems: list[WriterError], known: dict[str, _Entry],
                  workers: str | None, stop: threading.Event | None = None) -> dict[str, _Entry]:
    """The content files below each (mount number, folder), read or found in the cache; a file
    already `known` through an earlier mount is left to it (the first mount wins)."""
    roots = _content_roots(site)
    languages = _languages(site)
    found: dict[str, _Entry | None] = {}
    to_read: list[tuple[int, str, str, int, int]] = []  # mount number, name, cache key, size, mtime
    for number, folder in folders:
        root = roots[number]
        mount = f"{root.lang}|{'/'.join(root.prefix)}|{','.join(root.more_langs)}|"
        for name, entry in _walk(folder, languages, walk_problems, root.files, top=root.folder):
            if name in found or (name in known and known[name][0] < number):
                continue  # mounted twice: the first mount wins
            size = mtime = -1
            if cache is not None:
                try:
                    info = entry.stat(follow_symlinks=False)
                    size, mtime = info.st_size, info.st_mtime_ns
                except OSError:
                    pass
                hit = cache.lookup(mount + name, size, mtime) if size >= 0 else None
                if hit is not None:
                    found[name] = (number, *hit)
                    continue
            to_read.append((number, name, mount + name, size, mtime))
            found[name] = None
    files = [(number, name) for number, name, _key, _size, _mtime in to_read]
    for (number, name, key, size, mtime), (pages, problems) in zip(
            to_read, _read_files(site, roots, languages, files, workers, stop), strict=True):
        found[name] = (number, pages, problems)
        if cache is not None and size >= 0:
            cache.store(key, size, mtime, pages, problems)
    return found  # type: ignore[return-value]  # every slot filled


def _outermost(folders) -> list[Path]:
    """The folders, without those inside another one of them."""
    out: list[Path] = []
    for folder in sorted(set(folders), key=lambda f: len(f.parts)):
        if not any(folder.is_relative_to(o) for o in out):
            out.append(folder)
    return out


def _in_leaf_bundle(folder: Path, top: Path, site: Site) -> bool:
    """Whether a folder lies inside a leaf bundle (its files are the bundle's resources)."""
    languages = _languages(site)
    for above in folder.parents:
        if above == top or not above.is_relative_to(top):
            return False
        try:
            names = os.listdir(above)
        except OSError:
            return False
        if any(_split_name(n, languages)[0] == "index" and n.lower().endswith(CONTENT_EXTS) for n in names):
            return True
    return False


PARALLEL_FILES = 2000  # fewer files are read faster here than by starting other processes
_CHUNK = 250


class BuildStopped(Exception):
    """An index build ended early on request."""


def _read_files(site: Site, roots: list[_ContentRoot], languages: set[str],
                files: list[tuple[int, str]], workers: str | None,
                stop: threading.Event | None = None) -> Iterator[tuple[list[PageInfo], list[WriterError]]]:
    """The pages and problems of each file, in order: read here, or by a pool of processes
    when there are many (any failure of the pool: the rest is read here)."""
    done = 0
    cpus = os.cpu_count() or 1
    if workers and cpus > 1 and len(files) >= PARALLEL_FILES:
        try:
            yield from _read_in_pool(site, files, workers, min(cpus, 8), stop)
            return
        except _PoolFailed as failed:
            done = failed.done
    for number, name in files[done:]:
        if stop is not None and stop.is_set():
            raise BuildStopped
        problems: list[WriterError] = []
        pages = _file_pages(site, roots[number], Path(name), languages, problems)
        yield pages, problems


class _PoolFailed(Exception):
    def __init__(self, done: int) -> None:
        super().__init__(done)
        self.done = done


_worker_state: dict[str, Any] = {}


def _set_worker_site(site: Site) -> None:
    _worker_state.update(site=site, roots=_content_roots(site), languages=_languages(site))


def _worker_start(root: str | None) -> None:
    """In a pool process: the site (opened again when the process was spawned, not forked)."""
    if root is not None:
        _set_worker_site(Site.open(Path(root)))


def _worker_read(chunk: list[tuple[int, str]]) -> list[tuple[tuple, tuple]]:
    from writer.core.hugo.index_cache import encode_entry

    site, roots, languages = _worker_state["site"], _worker_state["roots"], _worker_state["languages"]
    out = []
    for number, name in chunk:
        problems: list[WriterError] = []
        pages = _file_pages(site, roots[number], Path(name), languages, problems)
        out.append(encode_entry(pages, problems))
    return out


def _read_in_pool(site: Site, files: list[tuple[int, str]], method: str,
                  processes: int, stop: threading.Event | None = None,
                  ) -> Iterator[tuple[list[PageInfo], list[WriterError]]]:
    import multiprocessing

    from writer.core.hugo.index_cache import decode_entry

    chunks = [files[start:start + _CHUNK] for start in range(0, len(files), _CHUNK)]
    done = 0
    try:
        context = multiprocessing.get_context(method)
        if method == "fork":
            _set_worker_site(site)
        root = None if method == "fork" else str(site.root)
        with context.Pool(processes, initializer=_worker_start, initargs=(root,)) as pool:
            for encoded in pool.imap(_worker_read, chunks):
                if stop is not None and stop.is_set():
                    raise BuildStopped
                for entry in encoded:
                    yield decode_entry(entry)
                    done += 1
    except BuildStopped:
        raise
    except Exception as exc:  # noqa: BLE001 - a pool that cannot start or dies: read here
        raise _PoolFailed(done) from exc
    finally:
        _worker_state.clear()


def _file_pages(site: Site, root: _ContentRoot, file: Path, languages: set[str],
                problems: list[WriterError]) -> list[PageInfo]:
    """The pages of one content file: one, or one per language of a mount for several."""
    pages = [_read_page(site, root, file, languages, problems)]
    if root.more_langs and _split_name(file.name, languages)[1] is None:
        pages += [_read_page(site, root, file, languages, [], lang=lang) for lang in root.more_langs]
    return pages


def _walk(folder: Path, languages: set[str], problems: list[WriterError],
          files: MountFiles, top: Path | None = None) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Content files below `folder` that the mount's `files` setting shows; a leaf bundle's
    other files are resources, not pages.

    Symbolic links below the content folder are left out, files and folders alike, wherever
    they point: Hugo publishes none of them (the content folder itself may be one)."""
    seen: set[tuple[int, int]] = set()
    mount_top = str(top or folder)  # where the mount's `files` patterns start
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) in seen:
                continue  # a folder reached twice (a bind mount)
            seen.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(current))
        except OSError as exc:
            reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
            problems.append(ReadError(f"the folder cannot be read ({reason}); its pages are left out", current))
            continue
        prefix = ""
        if files.patterns and current != mount_top:  # the path below the mount, for its `files` setting
            prefix = os.path.relpath(current, mount_top).replace(os.sep, "/") + "/"
        pages = [e for e in entries if _is_content_file(e, problems)]
        if files.patterns:
            pages = [e for e in pages if files.shows_file(prefix + e.name)]
        leaf = any(_split_name(e.name, languages)[0] == "index" for e in pages)
        for entry in pages:
            if not leaf or _split_name(entry.name, languages)[0] == "index":
                yield entry.path, entry
        if leaf:
            continue
        stack.extend(e.path for e in entries if not e.name.startswith(".") and _is_dir(e, problems)
                     and (not files.patterns or files.shows_folder(prefix + e.name)))


def _skipped_link(entry: os.DirEntry[str], what: str) -> SkippedLinkError:
    return SkippedLinkError(
        f"this {what} is a symbolic link: Hugo publishes no linked page or folder in the "
        "content folder, so Writer leaves it out (copy or move the real one here)", Path(entry.path))


def _is_dir(entry: os.DirEntry[str], problems: list[WriterError]) -> bool:
    try:
        if entry.is_symlink():
            if entry.is_dir():
                problems.append(_skipped_link(entry, "folder"))
            return False
        return entry.is_dir()
    except OSError:
        return False


def _is_content_file(entry: os.DirEntry[str], problems: list[WriterError]) -> bool:
    name = entry.name
    if name.startswith(".") or name.endswith("~") or not name.lower().endswith(CONTENT_EXTS):
        return False
    try:
        if entry.is_symlink():
            problems.append(_skipped_link(entry, "page"))
            return False
        if entry.is_file() or entry.is_dir():
            return entry.is_file()
        regular_file_size(entry.path)  # names a named pipe, a device or a socket
    except ReadError as exc:
        problems.append(exc)
    except OSError:
        pass
    return False


def _read_fields(file: Path, problems: list[WriterError]) -> tuple[dict[str, Any], WriterError | None]:
    """The front matter fields of a page, read from its first megabyte (more only when the
    front matter is longer); a page too large to open is indexed with a problem."""
    try:
        front, size, read = _bounded_front_matter(file)
    except ReadError as exc:
        problems.append(exc)
        return {}, exc
    error: WriterError | None = None
    if front is not None and front.error is not None:
        error = FrontMatterError(front.error.message, file, front.error.line, front.error.column)
        problems.append(error)
    if size > MAX_PAGE_BYTES:
        error = ReadError(f"the page is {size_text(size)}; Writer indexes only its first "
                          f"{size_text(read)} and opens pages up to {size_text(MAX_PAGE_BYTES)}", file)
        problems.append(error)
    return (dict(front.fields) if front is not None and front.error is None else {}), error


def _bounded_front_matter(file: Path) -> tuple[fm.FrontMatter | None, int, int]:
    """(front matter or None when it does not end within what may be read, file size, bytes read)."""
    limit = INDEX_PREFIX_BYTES
    while True:
        data, size = read_prefix(file, limit)
        read = len(data)
        cut = size > read
        if cut:  # whole lines only: no character or delimiter line is cut in two
            data = data[: data.rfind(b"\n") + 1]
        front = fm.split(decode_bytes(data, file).text)[0] if data or not cut else None
        if not cut or (front is not None and front.error is None):
            return front, size, read
        if limit >= MAX_PAGE_BYTES:
            return None, size, read
        limit = MAX_PAGE_BYTES


def _read_page(
    site: Site, root: _ContentRoot, file: Path, languages: set[str], problems: list[WriterError], *,
    lang: str | None = None,
) -> PageInfo:
    rel_content = file.relative_to(root.folder).as_posix()
    base, suffix = _split_name(file.name, languages)
    lang = lang or suffix or root.lang
    fields, error = _read_fields(file, problems)
    parts = [*root.prefix, *rel_content.split("/")[:-1]]
    if base == "_index":
        kind, bundle = ("home" if not parts else "section"), "branch"
    elif base == "index":
        kind, bundle = "page", "leaf"
    else:
        kind, bundle = "page", "none"
    if bundle == "none":
        dirs, name = parts, base
    else:
        dirs, name = parts[:-1], (parts[-1] if parts else "")
    logical = "/".join([*dirs, name]) if kind != "home" else ""
    permalink = page_permalink(
        kind=kind,
        dirs=dirs,
        name=name,
        fields=fields,
        lang_prefix=site.lang_prefix(lang),
        base_path=site.base_path,
        patterns=site.section_permalinks("page" if kind == "page" else "section", lang),
        ugly=site.ugly_urls(parts[0] if parts else ""),
    )
    key = _field(fields, "translationKey")
    translation_key = f"key:{key}" if key else f"{kind}:{logical.lower()}"
    if lang in site.disabled_languages:  # Hugo reads nothing of a disabled language
        permalink, translation_key = "", f"disabled:{rel_content}"
    return PageInfo(
        path=site.rel(file),
        content_path=rel_content,
        lang=lang,
        kind=kind,
        bundle=bundle,
        title=str(_field(fields, "title") or ""),
        draft=_as_bool(_field(fields, "draft") or False),
        date=_field(fields, "date"),
        permalink=permalink,
        logical=logical,
        translation_key=translation_key,
        fields=fields,
        error=error,
    )


def _field(fields: dict[str, Any], name: str) -> Any:
    """A top-level field whatever the case of its key (Hugo lower-cases them: `Title:` is the title)."""
    found, value = find(fields, name)
    return value if found else None


_CASCADED = ("build", "headless", "draft")  # what the index needs of front matter and cascades


def _cascade_entries(value: Any) -> list[dict[str, Any]]:
    """A `cascade` value (a map, or a list of maps each with an optional `target`) as maps
    with lower-cased keys."""
    entries = value if isinstance(value, list) else [value]
    return [{str(k).lower(): v for k, v in e.items()} for e in entries if isinstance(e, dict)]


def _targets(entry: dict[str, Any], page: PageInfo) -> bool:
    """Whether a cascade entry's `target` (`_target`) matches a page: kind, path glob, lang."""
    target = entry.get("target", entry.get("_target"))
    if not isinstance(target, dict):
        return True
    checks = {"kind": page.kind, "path": "/" + page.logical, "lang": page.lang}
    for key, value in target.items():
        key = str(key).lower()
        if key in checks and value and not fnmatch.fnmatchcase(checks[key], str(value).replace("**", "*")):
            return False
    return True


def _ancestors(page: PageInfo) -> Iterator[str]:
    """The logical paths whose cascade reaches a page, nearest first (a section's own too)."""
    parts = page.logical.split("/") if page.logical else []
    if page.bundle != "branch":
        parts = parts[:-1]
    for end in range(len(parts), -1, -1):
        yield "/".join(parts[:end]).lower()


def _apply_build_options(pages: list[PageInfo], site_cascade: Any) -> list[PageInfo]:
    """Pages with Hugo's build options applied, from their front matter or a cascade (nearest
    first): `render: never` (or `false`) and `headless: true` publish nothing, so such a page
    gets an empty permalink; a cascaded `draft` marks drafts (checked with Hugo 0.168)."""
    sources: dict[tuple[str | None, str], list[dict[str, Any]]] = defaultdict(list)
    for page in pages:
        if page.bundle == "branch" and _field(page.fields, "cascade") is not None:
            sources[page.lang, page.logical.lower()] += _cascade_entries(_field(page.fields, "cascade"))
    sources[None, ""] += _cascade_entries(site_cascade) if site_cascade else []
    cascades = len(sources) > 1 or bool(sources[None, ""])
    out = []
    for page in pages:
        own = {key.lower(): value for key, value in page.fields.items() if key.lower() in _CASCADED}
        if not cascades and not own.get("build") and not own.get("headless"):
            out.append(page)  # the common case, kept fast
            continue
        values = {key: own.get(key) for key in _CASCADED}
        for ancestor in _ancestors(page) if cascades else ():
            for entry in (*sources.get((page.lang, ancestor), ()), *sources.get((None, ancestor), ())):
                for key in _CASCADED:
                    if values[key] is None and key in entry and _targets(entry, page):
                        values[key] = entry[key]
        out.append(_with_build_options(page, values))
    return out


def _with_build_options(page: PageInfo, values: dict[str, Any]) -> PageInfo:
    build = values["build"]
    render = {str(k).lower(): v for k, v in build.items()}.get("render") if isinstance(build, dict) else None
    hidden = render is False or str(render).lower() in ("never", "false") or _as_bool(values["headless"] or False)
    draft = page.draft or (values["draft"] is not None and _as_bool(values["draft"]))
    if not hidden and draft == page.draft:
        return page
    return replace(page, permalink="" if hidden else page.permalink, draft=draft)


def logical_path(target: str, languages: set[str]) -> tuple[str, str | None]:
    """A ref target's page path without extension, language suffix and index names. Only a
    content file's extension is taken off (then its language suffix): `docs/x.de` stays as
    written, and Hugo finds no page there."""
    path = target.strip().strip("/")
    lang = None
    last = path.rsplit("/", 1)[-1]
    if re.search(r"\.(md|markdown|html?)$", last, re.I):
        base, lang = _split_name(last, languages)
        path = path[: len(path) - len(last)] + base
    parts = [p for p in path.split("/") if p]
    if parts and parts[-1] in _BUNDLE_NAMES:
        parts.pop()
    return "/".join(parts), lang
