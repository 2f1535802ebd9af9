"""Find a Hugo site and read its configuration in every form Hugo accepts.

Keys are lower-cased recursively, as `hugo config` prints them. Files of
`config/_default/` are merged under their names (`languages.toml` gives
`languages`, `languages.de.toml` gives `languages.de`, `menus.en.toml` gives
`menus.en`), with `hugo.*`/`config.*` in that folder at the top level.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from writer.core.errors import ConfigError, FrontMatterError, ReadError, SiteNotFoundError, WriterError
from writer.core.frontmatter.toml_load import load_toml
from writer.core.frontmatter.yaml_load import load_yaml
from writer.core.hugo.mountfiles import MountFiles
from writer.core.hugo.urls import permalink_patterns
from writer.core.textio import MAX_SETTINGS_BYTES, decode_bytes, read_limited

CONFIG_NAMES = ("hugo", "config")
CONFIG_EXTS = ("toml", "yaml", "yml", "json")
_SKIP_DIRS = {".git", "node_modules", "public", "resources", ".hg", ".svn", "themes"}
MAX_CONFIG_DEPTH = 100  # maps and lists inside each other; real configurations use under 10


class OutsideSiteError(WriterError):
    """A setting or link that names a place outside the site: Writer reads nothing there."""

    kind = "outside-site"
    severity = "warning"


def inside(path: str | Path, real_root: str | Path) -> bool:
    """Whether `path` resolves (symbolic links followed) inside `real_root` (already resolved)."""
    try:
        real = os.path.realpath(path)
        return os.path.commonpath([real, os.fspath(real_root)]) == os.fspath(real_root)
    except (ValueError, OSError):  # another drive, a NUL byte
        return False


@dataclass(frozen=True)
class Language:
    code: str
    weight: int = 0
    label: str = ""
    content_dir: str = "content"
    title: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    permalinks: dict[str, Any] | None = None  # replaces the site's `permalinks` for this language


@dataclass(frozen=True)
class Mount:
    """One `[[module.mounts]]` entry: a site folder `source` seen by Hugo at `target`
    (`content`, `content/manual`, `static/images`, `assets`); `langs` from `sites.matrix`
    (or the older `lang`), empty when files take their language from their names."""

    source: str
    target: str
    langs: tuple[str, ...] = ()
    files: MountFiles = MountFiles()  # the `files` setting: which files Hugo sees

    def under(self, component: str) -> str | None:
        """The path below `component` (`content`, `static`) this mount fills, or None."""
        target = self.target.strip("/")
        if target == component:
            return ""
        return target[len(component) + 1:] if target.startswith(component + "/") else None


def read_mounts(config: dict[str, Any]) -> list[Mount]:
    """The site's own module mounts, in the order given (checked with Hugo 0.168)."""
    module = config.get("module")
    raw = module.get("mounts") if isinstance(module, dict) else None
    mounts = []
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, dict) or not entry.get("source") or not entry.get("target"):
            continue
        sites = entry.get("sites")
        matrix = sites.get("matrix") if isinstance(sites, dict) else None
        langs = matrix.get("languages") if isinstance(matrix, dict) else None
        langs = langs or entry.get("lang") or ()
        langs = (langs,) if isinstance(langs, str) else langs
        mounts.append(Mount(str(entry["source"]).strip("/") or ".", str(entry["target"]),
                            tuple(str(code).lower() for code in langs), MountFiles.parse(entry.get("files"))))
    return mounts


def removed_mount_settings(config: dict[str, Any]) -> list[str]:
    """`includeFiles`/`excludeFiles` of the site's mounts: removed in Hugo 0.153 (0.168 stops)."""
    module = config.get("module")
    raw = module.get("mounts") if isinstance(module, dict) else None
    return sorted({key for entry in raw if isinstance(entry, dict) for key in entry
                   if key in ("includefiles", "excludefiles")} if isinstance(raw, list) else set())


def _lower_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k).lower(): _lower_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower_keys(v) for v in value]
    return value


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def read_config_file(path: Path) -> dict[str, Any]:
    """Parse one configuration file; a ConfigError names the file, line and column.

    Only a regular file of at most 5 MB is read (never a named pipe or a device), and one
    nested more than MAX_CONFIG_DEPTH levels deep is refused rather than crashing."""
    try:
        text = decode_bytes(read_limited(path, MAX_SETTINGS_BYTES, "configuration file"), path).text
    except ReadError as exc:
        raise ConfigError(exc.message, path, exc.line, exc.column) from exc
    data = _parse_config(text, path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a map of settings", path, 1, 1)
    _check_depth(data, path)
    return _lower_keys(data)


def _parse_config(text: str, path: Path) -> Any:
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            return load_toml(text)
        if suffix in (".yaml", ".yml"):
            return load_yaml(text)
        return json.loads(text) if text.strip() else {}
    except FrontMatterError as exc:
        message = exc.message.replace("front matter does not parse", "the configuration does not parse")
        message = message.replace("front matter is", "the configuration is")
        raise ConfigError(message, path, exc.line, exc.column) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise ConfigError(f"the configuration does not parse: {exc.problem}", path, line, col) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"the configuration does not parse: {exc}", path) from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"the configuration does not parse: {exc.msg}", path, exc.lineno, exc.colno
        ) from exc
    except (RecursionError, MemoryError):
        raise ConfigError("the configuration is nested too deeply to read", path, 1, 1) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise ConfigError(f"the configuration cannot be read: {exc}", path, 1, 1) from exc


def _check_depth(data: Any, path: Path) -> None:
    """Refuse maps and lists nested deeper than MAX_CONFIG_DEPTH (looked at without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_CONFIG_DEPTH:
            raise ConfigError(f"the configuration is nested more than {MAX_CONFIG_DEPTH} levels deep "
                              "(maps and lists inside each other): Writer does not read it", path, 1, 1)
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))


def config_files(root: Path) -> list[Path]:
    """The configuration files of a site root, in the order Hugo merges them."""
    files = [root / f"{n}.{e}" for n in CONFIG_NAMES for e in CONFIG_EXTS]
    found = [f for f in files if f.exists() and not f.is_dir()][:1]  # a FIFO too: refused when read
    folder = root / "config" / "_default"
    if folder.is_dir():
        found += sorted(p for p in folder.iterdir() if p.suffix[1:].lower() in CONFIG_EXTS and not p.is_dir())
    return found


def is_site_root(folder: Path) -> bool:
    return bool(config_files(folder))


def _child_folders(folder: Path, depth: int) -> Iterator[Path]:
    try:
        children = sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in _SKIP_DIRS)
    except OSError:
        return
    for child in children:
        if child.name.startswith("."):
            continue
        yield child
        if depth > 1:
            yield from _child_folders(child, depth - 1)


def find_site_root(path: str | Path) -> Path:
    """The Hugo site holding `path`: itself or a parent, else a subfolder (such as `src/`).

    Parents are looked up along the path as given first (a page reached through a linked
    folder belongs to the site that holds the link), then along the resolved path."""
    named = Path(os.path.abspath(path))
    named_folder = named if named.is_dir() else named.parent
    for candidate in (named_folder, *named_folder.parents):
        if is_site_root(candidate):
            return candidate.resolve()
    start = Path(path).resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if is_site_root(candidate):
            return candidate
    for child in _child_folders(folder, depth=2):
        if is_site_root(child):
            return child
    raise SiteNotFoundError("no Hugo configuration (hugo.toml, config.toml, config/) found", folder)


def load_config(root: Path) -> dict[str, Any]:
    config: dict[str, Any] = {}
    default_dir = root / "config" / "_default"
    real_root = os.path.realpath(root)
    for path in config_files(root):
        if not inside(path, real_root):  # Hugo reads it; Writer reads nothing outside the site
            raise ConfigError("this configuration file is a symbolic link to a file outside the site: "
                              "Writer reads no file outside the site", path)
        data = read_config_file(path)
        if path.parent == default_dir and path.stem.lower() not in CONFIG_NAMES:
            for part in reversed(path.stem.lower().split(".")):
                data = {part: data}
        config = _merge(config, data)
    return config


class Site:
    """A Hugo site's root and configuration. A folder without a config is a plain Markdown folder."""

    def __init__(self, root: Path, config: dict[str, Any], *, plain: bool = False) -> None:
        self.root = root
        self.config = config
        self.plain = plain
        self.default_language = str(config.get("defaultcontentlanguage", "en")).lower()
        self.default_in_subdir = bool(config.get("defaultcontentlanguageinsubdir", False))
        self.content_dir = str(config.get("contentdir", "content")) if not plain else "."
        self.mounts = read_mounts(config) if not plain else []
        self._permalinks: dict[tuple[str, str | None], dict[str, str]] = {}
        self._theme_mounts: dict[Path, list[Mount]] = {}
        self.languages = self._read_languages()
        base = str(config.get("baseurl", "") or "")
        parts = urlsplit(base)
        self.base_origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
        self.base_path = parts.path.rstrip("/")
        self.real_root = Path(os.path.realpath(root))
        self.problems: list[WriterError] = []  # settings that name places outside the site
        self.theme_dirs = self._inside_folders("theme", self._theme_names(), "themes/")
        self._inside_folders("contentDir", sorted({lang.content_dir for lang in self.languages}), "")
        self._inside_folders("module.mounts source", sorted({m.source for m in self.mounts}), "")
        for key in removed_mount_settings(config) if not plain else []:
            name = {"includefiles": "includeFiles", "excludefiles": "excludeFiles"}[key]
            self.problems.append(ConfigError(
                f"module.mounts.{name} was removed in Hugo 0.153 and stops Hugo 0.168's build: use "
                "files = ['pattern', '! pattern'] instead (Writer reads every file of such a mount)",
                config_files(root)[0] if config_files(root) else root))
    @classmethod
    def open(cls, path: str | Path) -> Site:
        """Open the site holding `path`; a folder with no Hugo config opens as plain Markdown."""
        try:
            root = find_site_root(path)
        except SiteNotFoundError:
            start = Path(path).resolve()
            folder = start if start.is_dir() else start.parent
            return cls(folder, {}, plain=True)
        return cls(root, load_config(root))

    def _read_languages(self) -> list[Language]:
        raw = self.config.get("languages") or {}
        langs = []
        self.disabled_languages: frozenset[str] = frozenset()
        for code, settings in raw.items() if isinstance(raw, dict) else []:
            settings = settings if isinstance(settings, dict) else {}
            if settings.get("disabled") and str(code).lower() != self.default_language:
                self.disabled_languages |= {str(code).lower()}
                continue
            langs.append(
                Language(
                    code=str(code).lower(),
                    weight=int(settings.get("weight", 0) or 0),
                    label=str(settings.get("label") or settings.get("languagename") or code),
                    content_dir=self._mounted_dir(str(code).lower(), settings),
                    title=str(settings.get("title") or ""),
                    params=settings.get("params") or {},
                    permalinks=settings["permalinks"] if isinstance(settings.get("permalinks"), dict) else None,
                )
            )
        if not any(lang.code == self.default_language for lang in langs):
            langs.append(Language(self.default_language,
                                  content_dir=self._mounted_dir(self.default_language, {})))
        langs.sort(key=lambda lang: (lang.weight == 0, lang.weight, lang.code))
        return langs

    def _mounted_dir(self, code: str, settings: dict[str, Any]) -> str:
        """A language's content folder: its first mount onto `content` when the site mounts
        content (which replaces the default `content` mount), else its contentDir."""
        whole = [m for m in self.mounts if m.under("content") == ""]
        for mount in [m for m in whole if code in m.langs] + [m for m in whole if not m.langs]:
            return mount.source
        return str(settings.get("contentdir") or self.content_dir)

    def content_mounts(self) -> list[Mount]:
        """Where content comes from: the content mounts when any is given (Hugo then drops
        its default `content` mount), else each language's contentDir (the default
        language's own folder first); mounts whose source lies outside the site are left out."""
        mounts = [m for m in self.mounts if m.under("content") is not None]
        if not mounts:
            default = self.language(self.default_language)
            langs = [default] if default is not None else []
            langs += [lang for lang in self.languages if lang is not default]
            seen: dict[str, Mount] = {}
            for lang in langs:
                seen.setdefault(lang.content_dir, Mount(lang.content_dir, "content", (lang.code,)))
            mounts = list(seen.values())
        return [m for m in mounts if self.inside(self.root / m.source)]

    def file_dirs(self, component: str) -> dict[str, list[Path]]:
        """Folders of `static` or `assets` inside the site by the path below the component
        they fill (`static/images` from `media/`: {"images": [media]}), themes' last."""
        mounts = [m for m in self.mounts if m.under(component) is not None] or [Mount(component, component)]
        found: dict[str, list[Path]] = {}
        for base, mount in [(self.root, m) for m in mounts] + [
                (theme, m) for theme in self.theme_dirs for m in self.theme_mounts(theme)]:
            folder = base / mount.source
            if mount.under(component) is not None and folder.is_dir() and self.inside(folder):
                found.setdefault(str(mount.under(component)), []).append(folder)
        found.setdefault("", [])
        return found

    def theme_mounts(self, theme: Path) -> list[Mount]:
        """A theme's own module mounts (its configuration's `[[module.mounts]]`, which replace
        its default ones, as Hugo 0.168 does), else its default `static` and `assets`."""
        cached = self._theme_mounts.get(theme)
        if cached is None:
            try:
                own = read_mounts(load_config(theme)) if is_site_root(theme) else []
            except WriterError:
                own = []  # an unreadable theme configuration: Hugo will say so
            cached = own or [Mount("static", "static"), Mount("assets", "assets")]
            self._theme_mounts[theme] = cached
        return cached

    def _theme_names(self) -> list[str]:
        theme = self.config.get("theme")
        return [str(name) for name in (theme if isinstance(theme, list) else [theme] if theme else [])]

    def _inside_folders(self, setting: str, values: list[str], under: str) -> list[Path]:
        """The folders that settings name (`themes/<theme>`, a contentDir) which lie inside the
        site; each one outside it (Hugo reads it, `../../elsewhere`) becomes a problem instead."""
        found = []
        for value in values:
            folder = self.root / under / value
            if self.inside(folder):
                found.append(folder)
                continue
            self.problems.append(OutsideSiteError(
                f'{setting} = "{value}" names a folder outside the site ({os.path.normpath(folder)}); '
                "Writer reads no file outside the site, so what is there is left out", self.root))
        return found

    def inside(self, path: str | Path) -> bool:
        """Whether `path` lies inside the site root once symbolic links are followed."""
        return inside(path, self.real_root)

    @property
    def language_codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def language(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def lang_prefix(self, code: str) -> str:
        """The URL prefix of a language: '' for the default language unless it lives in a subdir."""
        if len(self.languages) <= 1 and not self.default_in_subdir:
            return ""
        if code == self.default_language and not self.default_in_subdir:
            return ""
        return f"/{code}"

    def rel(self, path: Path) -> str:
        """A path relative to the site root, with forward slashes."""
        return path.relative_to(self.root).as_posix()

    def section_permalinks(self, kind: str, lang: str | None = None) -> dict[str, str]:
        """`permalinks` patterns for a page kind ("page" or "section"), by section name; a
        language's own `permalinks` replace the site's (checked with Hugo 0.168)."""
        cache = self._permalinks
        if (kind, lang) not in cache:
            language = self.language(lang) if lang is not None else None
            own = language.permalinks if language is not None else None
            cache[kind, lang] = permalink_patterns(own if own is not None else self.config.get("permalinks"), kind)
        return dict(cache[kind, lang])

    def ugly_urls(self, section: str) -> bool:
        """Whether pages of a section are published as `name.html` (`uglyURLs`, for the whole
        site or by section name)."""
        raw = self.config.get("uglyurls", False)
        if isinstance(raw, dict):
            return bool(raw.get(section.lower(), False))
        return raw is True or str(raw).lower() == "true"

    def allows_content(self, media_type: str) -> bool:
        """Whether Hugo builds content of `media_type` (`security.allowContent`, Hugo 0.168: by
        default everything but `text/html` and `text/org`). Patterns written `! pattern` deny
        what they match; when other patterns are given, one of them must match."""
        security = self.config.get("security")
        raw = security.get("allowcontent") if isinstance(security, dict) else None
        patterns = [str(p) for p in raw] if isinstance(raw, list) and raw else ["! ^text/html$", "! ^text/org$"]
        allowed, denied = [], []
        for pattern in patterns:
            (denied if pattern.startswith("! ") else allowed).append(pattern.removeprefix("! "))
        try:
            if any(re.search(pattern, media_type) for pattern in denied):
                return False
            return not allowed or any(re.search(pattern, media_type) for pattern in allowed)
        except re.error:
            return True  # a pattern Python cannot read: Hugo's own message will tell

    def shortcode_names(self) -> frozenset[str]:
        """Shortcodes the site or its theme define in layouts/shortcodes/ (or layouts/_shortcodes/)."""
        folders = [self.root / "layouts", *(theme / "layouts" for theme in self.theme_dirs)]
        names = set()
        for layouts in folders:
            for sub in ("shortcodes", "_shortcodes"):
                folder = layouts / sub
                if folder.is_dir() and self.inside(folder):
                    names.update(p.name.split(".")[0] for p in folder.rglob("*.html"))
        return frozenset(names)
