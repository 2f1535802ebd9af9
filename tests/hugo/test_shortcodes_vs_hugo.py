"""Hugo's built-in shortcodes against the real Hugo (issue 16, point 12): `param` from the page
and the site (in a link destination too, with `{{% %}}`, dotted and any case), `comment`,
`details`, opening tags spread over several lines; a `param` Hugo cannot find stops its build
and is an error for `writer check`."""

from __future__ import annotations

import re

import pytest
from hugo_build import build
from hugo_snippets import canonical, hugo_render
from reader_view import reader_view

from writer.core.check import Checker
from writer.core.hugo.render_context import SiteModel
from writer.core.hugo.site import Site
from writer.core.render import Renderer

CONFIG = (
    '[params]\ncontact_email = "site@example.org"\nminVersion = "0.9"\ncount = 3\nflag = true\n'
    'ratio = 0.5\nlist = ["a", "b"]\nhtml = "<b>x</b> & y"\n[params.seo]\ntitle = "Site SEO"\n'
)
FRONT = "contact_email: page@example.org\nseo:\n  title: Page SEO\n"
CASES = {
    "param-link": 'Mail [us]({{< param "contact_email" >}}) and v{{% param "minVersion" %}} and {{< param "title" >}}\n',
    "param-dotted": '{{< param "seo.title" >}}\n',
    "param-alone-md": '{{% param "minVersion" %}}\n',
    "param-case": '{{< param "Contact_Email" >}}\n',
    "param-escaped": '{{< param "html" >}}\n',
    "param-types": '{{< param "count" >}} {{< param "flag" >}} {{< param "ratio" >}} {{< param "list" >}}\n',
    "relref-alone": '{{< relref "param-case" >}}\n',
    "comment": "a {{< comment >}}hidden *x*{{< /comment >}} b\n",
    "details": '{{< details summary="More" >}}\nInner *md*\n{{< /details >}}\n',
    "details-attrs": '{{< details summary="Open one" open=true class="c" name="n" title="t" >}}\ntext\n{{< /details >}}\n',
    "details-summary-md": '{{< details summary="A *b* & <i>c</i>" >}}\nx\n{{< /details >}}\n',
    "details-percent": "{{% details %}}\nInner *md*\n{{% /details %}}\n",
    "multi-line-tag": '{{< details\n  summary="Multi"\n  open=true\n>}}\nbody\n{{< /details >}}\n',
    "multi-line-figure": '{{< figure\n  src="a.png"\n  alt="An image"\n>}}\n',
}


@pytest.fixture(scope="module")
def published() -> dict[str, str]:
    return hugo_render(CASES, config=CONFIG, front=FRONT)


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> tuple[SiteModel, object]:
    root = tmp_path_factory.mktemp("site")
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n' + CONFIG, encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # the figure's image
    for name, body in CASES.items():
        (root / "content" / f"{name}.md").write_text(f"---\ntitle: {name}\n{FRONT}---\n{body}", encoding="utf-8")
    return SiteModel.open(root), root


@pytest.mark.parametrize("name", sorted(CASES))
def test_builtin_shortcodes_match_hugo(name: str, published, model) -> None:
    site_model, root = model
    ours = site_model.render_body(CASES[name], root / "content" / f"{name}.md")
    assert reader_view(ours, writer=True) == reader_view(published[name], writer=False)
    if name != "multi-line-figure":  # Writer's image src is the file's address, Hugo's the URL
        assert canonical(ours) == canonical(published[name])


def test_qr_is_an_offline_box_and_a_site_template_wins(tmp_path) -> None:
    html = Renderer().render('{{< qr text="https://example.org" />}}\n')
    assert "QR code (offline preview)" in html and "https://example.org" in html
    root = tmp_path / "site"
    (root / "layouts" / "_shortcodes").mkdir(parents=True)
    (root / "layouts" / "_shortcodes" / "details.html").write_text("{{ .Inner }}", encoding="utf-8")
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    (root / "content").mkdir()
    page = root / "content" / "p.md"
    page.write_text("---\ntitle: p\n---\n", encoding="utf-8")
    own = SiteModel.open(root).render_body("{{< details >}}x{{< /details >}}\n", page)
    assert "<details" not in own and 'data-shortcode="details"' in own  # the site's own, shown as its box


def test_a_param_hugo_cannot_find_is_an_error(tmp_path) -> None:
    site = tmp_path / "src"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n[params]\nknown = "yes"\n', encoding="utf-8")
    (site / "content" / "p.md").write_text(
        '---\ntitle: P\nown: "mine"\n---\n\n{{< param "known" >}} {{< param "own" >}}\n\n{{< param "nope" >}}\n',
        encoding="utf-8")
    result = build(site, tmp_path / "built")
    assert re.search(r'Param "nope" not found', result.output)
    problems = [(p.line, p.code) for p in Checker(Site.open(site)).check_site() if p.severity == "error"]
    assert problems == [(8, "missing-param")]
