"""Hugo reads the lastmod that a save writes as today's date (`.Lastmod`), whatever form the page
uses: a TOML date, a quoted YAML date, a YAML date-time with its zone, a JSON string, and a page
that had none in a section whose pages carry it (issue 15, point 8)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from hugo_build import SAMPLE, build

from writer.core.document import Page
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.lastmod import touch_lastmod
from writer.core.hugo.site import Site

LAYOUT = ('<p data-file="{{ with .File }}{{ .Filename }}{{ end }}" '
          'data-lastmod="{{ .Lastmod.Format "2006-01-02" }}"></p>\n')


def _hugo_lastmods(root: Path, tmp_path: Path) -> dict[str, str]:
    layouts = root / "layouts"  # the page templates give way to one that prints .Lastmod
    for child in layouts.iterdir():
        if child.is_file():
            child.unlink()
    (layouts / "all.html").write_text(LAYOUT, encoding="utf-8")
    result = build(root, tmp_path / "build", probe=False)
    assert "ERROR" not in result.output, result.output
    found = {}
    for html in (result.root / "public").rglob("*.html"):
        match = re.search(r'data-file="([^"]+)" data-lastmod="([^"]*)"', html.read_text(encoding="utf-8"))
        if match:
            found[Path(match.group(1)).resolve().relative_to(result.root.resolve()).as_posix()] = match.group(2)
    return found


def test_hugo_reads_the_saved_lastmod_as_today(tmp_path) -> None:
    root = Path(shutil.copytree(SAMPLE, tmp_path / "sample"))
    forms = {
        "content/about.de.md": None,  # TOML: lastmod = 2025-03-01
        "content/blog/gemeinsam-schreiben/index.de.md": None,  # YAML: lastmod: '2025-04-22'
        "content/blog/remote-teams/index.en.md": "2025-03-20T08:15:00+05:30",  # a date-time with a zone
        "content/loesungen/redaktionen.de.md": "2025-02-27T10:00:00Z",
        "content/blog/gemeinsam-schreiben/index.en.md": "",  # none: its section's pages carry it
    }
    for rel, value in forms.items():
        page = Page.load(root / rel)
        if value == "":
            page.delete("lastmod")
        elif value is not None:
            page.set_text(re.sub(r"lastmod: '[^']*'", f"lastmod: {value}", page.text()))
        page.save()
    json_page = root / "content/blog/json-seite.de.md"
    json_page.write_text('{\n  "title": "JSON",\n  "lastmod": "2024-01-01"\n}\nText\n', encoding="utf-8")
    index = ContentIndex.build(Site.open(root))
    for rel in [*forms, "content/blog/json-seite.de.md"]:
        page = Page.load(root / rel)
        assert touch_lastmod(page, index), rel
        page.save()
    assert "lastmod: 2025-03-20" not in (root / "content/blog/remote-teams/index.en.md").read_text(encoding="utf-8")
    today = dt.date.today().isoformat()
    utc_today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    published = _hugo_lastmods(root, tmp_path)
    for rel in [*forms, "content/blog/json-seite.de.md"]:
        expected = utc_today if rel == "content/loesungen/redaktionen.de.md" else today  # 'Z' is UTC's day
        assert published[rel] == expected, (rel, published[rel], (root / rel).read_text(encoding="utf-8")[:200])
    assert published["content/blog/remote-teams/index.de.md"] == "2025-03-18"  # an unsaved page keeps its own
