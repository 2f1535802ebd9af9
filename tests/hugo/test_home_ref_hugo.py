"""`relref "/"` on a site without a home `_index` file resolves to each language's home, as Hugo
resolves it (issue 16, point 6)."""

from __future__ import annotations

import re

from hugo_build import build

from writer.core.hugo.render_context import SiteModel


def test_relref_to_the_home_without_an_index_file(tmp_path) -> None:
    site = tmp_path / "src"
    (site / "content" / "blog").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "t"\ndefaultContentLanguage = "de"\n'
        "[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n", encoding="utf-8")
    body = '[home]({{< relref "/" >}}) [blog]({{< relref "/blog" >}})\n'
    for lang in ("de", "en"):
        (site / "content" / "blog" / f"a.{lang}.md").write_text(f"---\ntitle: A\n---\n\n{body}", encoding="utf-8")
    published = build(site, tmp_path / "built")
    model = SiteModel.open(site)
    for lang in ("de", "en"):
        rel = f"content/blog/a.{lang}.md"
        theirs = re.findall(r'href="([^"]*)"', published.pages[rel].content)
        ours = re.findall(r'href="([^"]*)"', model.render_body(body, site / rel))
        assert ours == theirs and theirs[0] == ("/" if lang == "de" else "/en/")
