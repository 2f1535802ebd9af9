"""Ref targets with dots, extensions and language suffixes resolve where Hugo resolves them, and
fail where Hugo reports REF_NOT_FOUND (issue 16, point 6)."""

from __future__ import annotations

import re

from hugo_build import build

from writer.core.hugo.render_context import SiteModel

TARGETS = ["x.de-nope", "x.whatever", "docs/x.md", "x.md", "docs/x.de.md", "x.de.md", "x.de",
           "docs/x.de", "x.fr", "docs/x.html", "/docs/x.de", "/docs/x", "docs/x.htm", "nope.de"]


def test_dotted_targets_resolve_like_hugo(tmp_path) -> None:
    site = tmp_path / "src"
    (site / "content" / "docs").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "t"\nrefLinksErrorLevel = "warning"\n'
        'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n',
        encoding="utf-8")
    for name, title in (("x.md", "X"), ("x.de.md", "X de")):
        (site / "content" / "docs" / name).write_text(f"---\ntitle: {title}\n---\n\ntext\n", encoding="utf-8")
    body = "\n\n".join(f'[{n}]({{{{< relref "{t}" >}}}})' for n, t in enumerate(TARGETS)) + "\n"
    (site / "content" / "docs" / "r.md").write_text(f"---\ntitle: R\n---\n\n{body}", encoding="utf-8")
    published = build(site, tmp_path / "built")
    theirs = re.findall(r'href="([^"]*)"', published.pages["content/docs/r.md"].content)
    html = SiteModel.open(site).render_body(body, site / "content" / "docs" / "r.md")
    ours = ["" if "writer-broken" in tag else re.search(r'href="([^"]*)"', tag).group(1)
            for tag in re.findall(r"<a [^>]*>", html)]
    assert dict(zip(TARGETS, ours, strict=True)) == dict(zip(TARGETS, theirs, strict=True))
    assert theirs.count("") == 3  # docs/x.de, /docs/x.de and nope.de are not found by Hugo
