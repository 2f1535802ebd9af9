"""Problems of a page or a whole site: the things a writer must fix before publishing."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from writer.core.document import Page
from writer.core.errors import WriterError
from writer.core.hugo.images import FOUND, find_images, front_matter_images, is_remote, locate_in_dirs
from writer.core.hugo.index import ContentIndex, PageInfo, content_type
from writer.core.hugo.params import page_param
from writer.core.hugo.refs import RefResolver, find_refs
from writer.core.hugo.site import Site
from writer.core.render.shortcodes import extract

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    column: int | None
    severity: str
    code: str
    message: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


def problem_from_error(site: Site, error: WriterError, code: str | None = None) -> Problem:
    path = error.path
    rel = _rel(site, path) if path is not None else ""
    severity = getattr(error, "severity", ERROR)
    return Problem(rel, error.line, error.column, severity, code or error.kind, error.message)


def _rel(site: Site, path: Path) -> str:
    """A path relative to the site root; a symbolic link is named by its own path, not its target."""
    try:
        return Path(os.path.abspath(path)).relative_to(site.root).as_posix()
    except ValueError:
        pass
    try:
        return Path(path).resolve().relative_to(site.root.resolve()).as_posix()
    except ValueError:
        return str(path)


class Checker:
    """Checks pages of one site; build once, check many pages."""

    def __init__(self, site: Site, index: ContentIndex | None = None) -> None:
        self.site = site
        self.index = index or ContentIndex.build(site)
        self.resolver = RefResolver(self.index)
        level = str(site.config.get("reflinkserrorlevel", "ERROR")).lower()
        self.ref_severity = WARNING if level == "warning" else ERROR
        # static files, and assets when an image render hook publishes them, as the site mounts them
        self.image_dirs = site.file_dirs("static")
        for below, folders in (site.file_dirs("assets") if _image_hook(site) else {}).items():
            self.image_dirs.setdefault(below, []).extend(folders)

    def check_site(self) -> list[Problem]:
        """Every page's problems, and what the index left out (links, folders, settings)."""
        pages = {info.path for info in self.index.pages}
        problems = [problem_from_error(self.site, error) for error in self.index.problems
                    if error.path is None or _rel(self.site, error.path) not in pages]
        for info in self.index.pages:
            problems.extend(self.check_file(self.site.root / info.path, info))
        return problems

    def check_file(self, file: Path, info: PageInfo | None = None) -> list[Problem]:
        refused = self._refused(file)
        if refused is not None:
            return [refused]
        info = info or self.index.page_for_file(file)
        try:
            page = Page.load(file)
        except WriterError as exc:
            return [problem_from_error(self.site, exc, "unreadable")]
        return self.check_page(page, info)

    def _refused(self, file: Path) -> Problem | None:
        """A page outside the site (after links) is never read; a linked page Hugo skips."""
        rel = _rel(self.site, file)
        if not self.site.inside(file):
            return Problem(rel, None, None, ERROR, "outside-site", "this page is a symbolic link to a file "
                           "outside the site (or lies in a linked folder): Writer reads no file outside the site")
        if os.path.islink(file):
            return Problem(rel, None, None, WARNING, "symlink", "this page is a symbolic link: Hugo "
                           "publishes no linked page in the content folder, so it is not checked")
        return None

    def check_page(self, page: Page, info: PageInfo | None) -> list[Problem]:
        assert page.path is not None
        rel = _rel(self.site, page.path)
        problems: list[Problem] = []
        if page.error is not None:
            problems.append(problem_from_error(self.site, page.error, "front-matter-syntax"))
        problems += _impossible_dates(rel, page)
        media = content_type(page.path)
        if not self.site.allows_content(media):
            problems.append(Problem(
                rel, 1, 1, ERROR, "content-not-allowed",
                f"Hugo refuses {media} content files unless the site allows them: add "
                f"allowContent = ['^text/markdown$', '^{media}$'] under [security] in the site configuration"))
        problems += self._refs(rel, page.front_matter.block, 1, info, in_front_matter=True)
        problems += self._refs(rel, page.body, page.body_first_line, info)
        problems += self._params(rel, page, info)
        problems += self._images(rel, page)
        return problems

    def _params(self, rel: str, page: Page, info: PageInfo | None) -> list[Problem]:
        """`{{< param name >}}` for a name set neither on the page nor for the site: Hugo stops
        its build (`Param "name" not found`)."""
        if "param" not in page.body:
            return []
        lang = info.lang if info is not None else self.site.default_language
        out = []
        own = self.site.shortcode_names()
        for shortcode in extract(page.body).shortcodes:
            if shortcode.name != "param" or shortcode.error or "param" in own:
                continue
            name = shortcode.get("name", 0) or ""
            if not page_param(page.fields, self.site, lang, name)[0]:
                out.append(Problem(rel, page.body_first_line + shortcode.line, None, ERROR, "missing-param",
                                   f'param "{name}" is set neither on the page nor for the site: Hugo stops '
                                   f'its build (Param "{name}" not found)'))
        return out

    def _refs(self, rel: str, text: str, first_line: int, info: PageInfo | None, *,
              in_front_matter: bool = False) -> list[Problem]:
        """Broken refs; one inside a front matter string is only a warning: Hugo never runs
        shortcodes there, so its build does not fail (checked with Hugo 0.168)."""
        out = []
        severity = WARNING if in_front_matter else self.ref_severity
        for use in find_refs(text, first_line, quoted=in_front_matter):
            if not use.target:
                message = f'{use.name} has no target: "{text[use.start:use.end]}"'
            elif self.resolver.resolve(use.target, info, use.lang) is None:
                message = f'{use.name} "{use.target}": page not found'
            else:
                continue
            if in_front_matter:
                message += " (in front matter, where Hugo does not run shortcodes: a template shows it as text)"
            out.append(Problem(rel, use.line, use.column, severity, "broken-ref", message))
        return out

    def _images(self, rel: str, page: Page) -> list[Problem]:
        assert page.path is not None
        out = []
        for use in find_images(page.body, page.body_first_line):
            if use.alt is None or not use.alt.strip():
                out.append(
                    Problem(rel, use.line, use.column, WARNING, "missing-alt",
                            f'image "{use.src}" has no alt text')
                )
            found = self._image(use.src, page.path)
            if found is not None:
                out.append(Problem(rel, use.line, use.column, WARNING, "missing-image", found))
        for key, src in front_matter_images(page.fields):
            found = self._image(src, page.path)
            if found is not None:
                line = _key_line(page.front_matter.block, key)
                message = found.replace(f'image "{src}"', f'image "{src}" named by front matter field "{key}"', 1)
                out.append(Problem(rel, line, None, WARNING, "missing-image", message))
        return out

    def _image(self, src: str, page_file: Path) -> str | None:
        """Why an image source names no publishable file inside the site; None when it does."""
        if is_remote(src):
            return None
        lookup = locate_in_dirs(src, page_file, self.image_dirs, self.site.root)
        return None if lookup.state == FOUND else lookup.reason(src)


def _image_hook(site: Site) -> bool:
    """Whether an image render hook looks images up in assets: the site's own, or Hugo's
    embedded one (on by default for a multilingual site, `useEmbedded = "auto"`)."""
    markup = site.config.get("markup")
    hooks = markup.get("goldmark", {}).get("renderhooks", {}) if isinstance(markup, dict) else {}
    image = hooks.get("image", {}) if isinstance(hooks, dict) else {}
    embedded = str(image.get("useembedded", "auto") if isinstance(image, dict) else "auto").lower()
    if embedded in ("always", "fallback") or (embedded == "auto" and len(site.languages) > 1):
        return True
    folders = [site.root / "layouts", *(theme / "layouts" for theme in site.theme_dirs)]
    return any(next(folder.glob(f"{sub}render-image*"), None) is not None
               for folder in folders for sub in ("_markup/", "_default/_markup/"))


# Hugo's date fields; a value like `2024-04-31` is text to its YAML reader, and then it stops:
# ERROR the "date" front matter field is not a parsable date (measured with Hugo 0.168)
_DATE_KEYS = ("date", "publishdate", "pubdate", "published", "lastmod", "modified", "expirydate", "unpublishdate")
_DATE_TEXT = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def _impossible_dates(rel: str, page: Page) -> list[Problem]:
    out = []
    for key, value in page.fields.items():
        match = _DATE_TEXT.match(value) if isinstance(value, str) and key.lower() in _DATE_KEYS else None
        if match is None:
            continue
        try:
            dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            first = page.front_matter.first_line - 1
            line = _key_line(page.front_matter.inner, key)
            out.append(Problem(rel, line + first if line else None, None, ERROR, "front-matter-date",
                               f'the "{key}" front matter field is not a parsable date: {value.strip()}'))
    return out


def _key_line(block: str, dotted: str) -> int | None:
    name = dotted.rsplit(".", 1)[-1]
    for number, line in enumerate(block.split("\n"), start=1):
        stripped = line.strip().strip('"')
        if stripped.startswith(name) and stripped[len(name):].lstrip(' "').startswith((":", "=")):
            return number
    return None


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)
