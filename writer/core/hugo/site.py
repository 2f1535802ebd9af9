"""Find a Hugo site and read its configuration in every form Hugo accepts.

Keys are lower-cased recursively, as `hugo config` prints them. Files of
`config/_default/` are merged under their names (`languages.toml` gives
`languages`, `languages.de.toml` gives `languages.de`, `menus.en.toml` gives
`menus.en`), with `hugo.*`/`config.*` in that folder at the top level.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from writer.core.errors import ConfigError, FrontMatterError, ReadError, SiteNotFoundError
from writer.core.frontmatter.toml_edit import load_toml
from writer.core.frontmatter.yaml_edit import load_yaml
from writer.core.textio import read_text

CONFIG_NAMES = ("hugo", "config")
CONFIG_EXTS = ("toml", "yaml", "yml", "json")
_SKIP_DIRS = {".git", "node_modules", "public", "resources", ".hg", ".svn", "themes"}


@dataclass(frozen=True)
class Language:
    code: str
    weight: int = 0
    label: str = ""
    content_dir: str = "content"
    title: str = ""
    params: dict[str, Any] = field(default_factory=dict)


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
    """Parse one configuration file; a ConfigError names the file, line and column."""
    try:
        text = read_text(path).text
    except ReadError as exc:
        raise ConfigError(exc.message, path, exc.line, exc.column) from exc
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            data = load_toml(text)
        elif suffix in (".yaml", ".yml"):
            data = load_yaml(text)
        else:
            data = json.loads(text) if text.strip() else {}
    except FrontMatterError as exc:
        message = exc.message.replace("front matter does not parse", "the configuration does not parse")
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
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a map of settings", path, 1, 1)
    return _lower_keys(data)


def config_files(root: Path) -> list[Path]:
    """The configuration files of a site root, in the order Hugo merges them."""
    files = [root / f"{n}.{e}" for n in CONFIG_NAMES for e in CONFIG_EXTS]
    found = [f for f in files if f.is_file()][:1]
    folder = root / "config" / "_default"
    if folder.is_dir():
        found += sorted(p for p in folder.iterdir() if p.suffix[1:].lower() in CONFIG_EXTS)
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
    """The Hugo site holding `path`: itself or a parent, else a subfolder (such as `src/`)."""
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
    for path in config_files(root):
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
        self.languages = self._read_languages()
        base = str(config.get("baseurl", "") or "")
        parts = urlsplit(base)
        self.base_origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
        self.base_path = parts.path.rstrip("/")

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
        for code, settings in raw.items() if isinstance(raw, dict) else []:
            settings = settings if isinstance(settings, dict) else {}
            if settings.get("disabled"):
                continue
            langs.append(
                Language(
                    code=str(code).lower(),
                    weight=int(settings.get("weight", 0) or 0),
                    label=str(settings.get("label") or settings.get("languagename") or code),
                    content_dir=str(settings.get("contentdir") or self.content_dir),
                    title=str(settings.get("title") or ""),
                    params=settings.get("params") or {},
                )
            )
        if not any(lang.code == self.default_language for lang in langs):
            langs.append(Language(self.default_language, content_dir=self.content_dir))
        langs.sort(key=lambda lang: (lang.weight == 0, lang.weight, lang.code))
        return langs

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

    def section_permalinks(self, kind: str) -> dict[str, str]:
        """`permalinks` patterns for a page kind ("page" or "section"), by section name."""
        raw = self.config.get("permalinks") or {}
        if not isinstance(raw, dict):
            return {}
        if any(isinstance(v, dict) for v in raw.values()):
            chosen = raw.get(kind) or {}
            return {k: str(v) for k, v in chosen.items()} if isinstance(chosen, dict) else {}
        return {k: str(v) for k, v in raw.items()} if kind == "page" else {}

    def shortcode_names(self) -> frozenset[str]:
        """Shortcodes the site or its theme define in layouts/shortcodes/ (or layouts/_shortcodes/)."""
        folders = [self.root / "layouts"]
        theme = self.config.get("theme")
        for name in theme if isinstance(theme, list) else [theme] if theme else []:
            folders.append(self.root / "themes" / str(name) / "layouts")
        names = set()
        for layouts in folders:
            for sub in ("shortcodes", "_shortcodes"):
                folder = layouts / sub
                if folder.is_dir():
                    names.update(p.name.split(".")[0] for p in folder.rglob("*.html"))
        return frozenset(names)
