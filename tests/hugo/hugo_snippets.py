"""Render Markdown snippets with the real Hugo: one throwaway site, one page per snippet."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from hugo_build import hugo_binary

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "render"))
from test_render_hugo_fixtures import canonical  # noqa: E402

__all__ = ["canonical", "hugo_render"]

BASE = (
    'baseURL = "https://example.org/"\ntitle = "snippets"\n'
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    "ignoreLogs = ['warning-goldmark-raw-html']\n"
)


def hugo_render(snippets: dict[str, str], config: str = "", front: str = "") -> dict[str, str]:
    """{name: Hugo's .Content} for each Markdown body, under `config` (TOML appended)."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "hugo.toml").write_text(BASE + config, encoding="utf-8")
        layouts = site / "layouts"
        layouts.mkdir()
        (layouts / "all.html").write_text("{{ .Content }}", encoding="utf-8")
        content = site / "content"
        content.mkdir()
        for name, body in snippets.items():
            text = f"---\ntitle: {name}\n{front}---\n{body}"
            (content / f"{name}.md").write_text(text, encoding="utf-8")
        subprocess.run([str(hugo_binary()), "--source", str(site)], check=True, capture_output=True)
        published = {name: site / "public" / name / "index.html" for name in snippets}
        # Hugo writes no file for a page whose output is empty (a body of link definitions only)
        return {name: file.read_text(encoding="utf-8") if file.exists() else "" for name, file in published.items()}
