"""Behaviour of Writer-specific rendering: refs, images, shortcodes, source lines, code."""

from __future__ import annotations

import re

import pytest

from writer.core.render import RefTarget, Renderer, RenderOptions

PAGES = {
    "blog/x": RefTarget("/blog/x/", "content/blog/x/index.de.md"),
    "about": RefTarget("/about/", "content/about.md"),
}


class FakeContext:
    def __init__(self, images: dict[str, str] | None = None, shortcodes=()) -> None:
        self.images = images or {"team.jpg": "file:///site/content/x/team.jpg"}
        self.names = frozenset(shortcodes)
        self.ref_calls: list[tuple[str, str]] = []
        self.image_calls: list[str] = []

    def resolve_ref(self, target: str, kind: str) -> RefTarget | None:
        self.ref_calls.append((target, kind))
        path, _, anchor = target.partition("#")
        found = PAGES.get(path.strip("/"))
        if found is None:
            return None
        url = found.url if kind == "relref" else "https://example.org" + found.url
        return RefTarget(url + (f"#{anchor}" if anchor else ""), found.path)

    def resolve_image(self, src: str) -> str | None:
        self.image_calls.append(src)
        return self.images.get(src)

    def site_shortcodes(self) -> frozenset[str]:
        return self.names


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def test_relref_in_link_gets_url_and_target_path(renderer: Renderer) -> None:
    ctx = FakeContext()
    html = renderer.render('[post]({{< relref "blog/x" >}})', ctx)
    assert '<a href="/blog/x/" data-writer-ref="content/blog/x/index.de.md">post</a>' in html
    assert ctx.ref_calls == [("blog/x", "relref")]


def test_ref_gives_permalink_and_keeps_anchor(renderer: Renderer) -> None:
    html = renderer.render('[a]({{< ref "about#team" >}})', FakeContext())
    assert 'href="https://example.org/about/#team"' in html


def test_broken_ref_is_marked(renderer: Renderer) -> None:
    html = renderer.render('[gone]({{< relref "nope" >}})', FakeContext())
    assert 'class="writer-broken"' in html
    assert '<span class="writer-broken-ref" title="Broken relref: &quot;nope&quot;' in html
    assert ">gone</a>" in html


def test_refs_without_context_link_to_raw_target(renderer: Renderer) -> None:
    html = renderer.render('[p]({{< relref "blog/x" >}}) and {{< ref "about" >}}')
    assert '<a href="blog/x" class="ref-unresolved">p</a>' in html
    assert '<span class="ref-unresolved">about</span>' in html


def test_bare_ref_outside_link_prints_url(renderer: Renderer) -> None:
    html = renderer.render('Go to {{< relref "about" >}} now.', FakeContext())
    assert '<p data-source-line="1">Go to /about/ now.</p>' in html


def test_local_image_resolved_to_file_url(renderer: Renderer) -> None:
    ctx = FakeContext()
    html = renderer.render('![Team photo](team.jpg "T")', ctx)
    assert '<img src="file:///site/content/x/team.jpg" alt="Team photo" title="T"' in html
    assert 'data-writer-src="team.jpg"' in html
    assert ctx.image_calls == ["team.jpg"]


def test_missing_image_marked_and_alt_kept(renderer: Renderer) -> None:
    html = renderer.render("![Lost](missing.png)", FakeContext())
    assert 'class="writer-missing-image"' in html
    assert 'alt="Lost"' in html
    assert "image not found: missing.png" in html


def test_remote_images_not_resolved(renderer: Renderer) -> None:
    ctx = FakeContext()
    html = renderer.render(
        "![r](https://cdn.example.com/a.png) ![d](data:image/png;base64,AA)", ctx
    )
    assert ctx.image_calls == []
    assert 'src="https://cdn.example.com/a.png"' in html


def test_site_absolute_image_and_percent_decoding(renderer: Renderer) -> None:
    ctx = FakeContext({"/images/a b.png": "file:///site/static/images/a%20b.png"})
    html = renderer.render("![x](</images/a b.png>)", ctx)
    assert ctx.image_calls == ["/images/a b.png"]
    assert 'src="file:///site/static/images/a%20b.png"' in html


def test_figure_uses_resolved_image(renderer: Renderer) -> None:
    html = renderer.render('{{< figure src="team.jpg" caption="Us" >}}', FakeContext())
    assert html.startswith(
        '<figure data-source-line="1"><img src="file:///site/content/x/team.jpg"'
    )
    assert "<figcaption><p>Us</p></figcaption>" in html


def test_figure_missing_image_marker(renderer: Renderer) -> None:
    html = renderer.render('{{< figure src="nope.jpg" >}}', FakeContext())
    assert "writer-missing-label" in html


@pytest.mark.parametrize("name", ["youtube", "vimeo", "instagram"])
def test_embeds_are_offline_boxes(renderer: Renderer, name: str) -> None:
    html = renderer.render(f'{{{{< {name} "abc123" >}}}}')
    assert f'class="writer-embed writer-embed-{name}"' in html
    assert "abc123" in html
    assert "<iframe" not in html and "<script" not in html


def test_x_and_gist_named_args(renderer: Renderer) -> None:
    html = renderer.render('{{< x user="SanDiegoZoo" id="1453110110599868418" >}}')
    assert "user=SanDiegoZoo" in html and "id=1453110110599868418" in html
    assert "writer-embed-gist" in renderer.render("{{< gist spf13 7896402 >}}")


def test_param_box(renderer: Renderer) -> None:
    html = renderer.render('Title: {{< param "title" >}}')
    assert '<span class="writer-shortcode writer-param" title="site parameter">title</span>' in html


def test_site_shortcode_markdown_inner_rendered(renderer: Renderer) -> None:
    ctx = FakeContext(shortcodes={"notice"})
    html = renderer.render(
        '{{% notice warning "Be careful" %}}\nSome **bold** text\n{{% /notice %}}', ctx
    )
    assert 'class="writer-shortcode writer-shortcode-site" data-shortcode="notice"' in html
    assert "<strong>bold</strong>" in html
    assert "Be careful" in html
    assert "not defined" not in html


def test_angle_shortcode_inner_is_escaped_text(renderer: Renderer) -> None:
    html = renderer.render("{{< box >}}\n**not md** <b>\n{{< /box >}}")
    assert "writer-shortcode-unknown" in html
    assert "**not md** &lt;b&gt;" in html


def test_inner_source_lines_are_offset(renderer: Renderer) -> None:
    html = renderer.render("intro\n\n{{% note %}}\n\n## Inside\n\n{{% /note %}}\n\nafter")
    assert '<h2 id="inside" data-source-line="5">Inside</h2>' in html
    assert '<p data-source-line="9">after</p>' in html


def test_self_closing_and_unmatched_closing(renderer: Renderer) -> None:
    html = renderer.render("{{< spacer />}}\n\n{{< /orphan >}}")
    assert 'data-shortcode="spacer"' in html
    assert "writer-shortcode-error" in html


def test_shortcode_comment_shown_literally(renderer: Renderer) -> None:
    html = renderer.render('`{{</* figure src="x" */>}}`')
    assert "<code>{{&lt; figure src=&quot;x&quot; &gt;}}</code>" in html


def test_highlight_shortcode_and_fence_use_pygments_inline_styles(renderer: Renderer) -> None:
    html = renderer.render("{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}")
    assert html.startswith('<div class="highlight" data-source-line="1"><pre tabindex="0" style="')
    assert '<code class="language-go" data-lang="go">' in html
    assert "background-color:#272822" in html
    assert '<span style="color: #66D9EF">func</span>' in html


def test_fence_line_numbers_table_and_style_option() -> None:
    html = Renderer(RenderOptions(highlight_style="friendly", line_numbers=True)).render(
        "```python\nx = 1\ny = 2\n```"
    )
    assert "<table" in html and ">2\n</span>" in html
    assert "background-color:#f0f0f0" in html


def test_unknown_highlight_style_falls_back_to_monokai() -> None:
    html = Renderer(RenderOptions(highlight_style="no-such-style")).render("```go\nx\n```")
    assert "background-color:#272822" in html


def test_every_block_has_source_line(renderer: Renderer) -> None:
    body = "# T\n\npara\n\n- a\n- b\n\n> q\n\n```\nc\n```\n\n| a |\n|---|\n| 1 |\n\n---\n"
    html = renderer.render(body)
    for tag, line in [
        ("h1", 1),
        ("p", 3),
        ("ul", 5),
        ("blockquote", 8),
        ("pre", 10),
        ("table", 14),
        ("hr", 18),
    ]:
        assert re.search(f'<{tag}[^>]*data-source-line="{line}"', html), tag


def test_source_lines_survive_multiline_shortcodes(renderer: Renderer) -> None:
    body = "{{< highlight go >}}\na\nb\nc\n{{< /highlight >}}\n\n## After\n"
    assert '<h2 id="after" data-source-line="7">' in renderer.render(body)


def test_crlf_input_lines(renderer: Renderer) -> None:
    assert '<p data-source-line="3">b</p>' in renderer.render("a\r\n\r\nb\r\n")


def test_unsafe_html_block_gets_source_line() -> None:
    html = Renderer(RenderOptions(unsafe=True)).render('text\n\n<div class="x">raw</div>\n')
    assert '<div data-source-line="3" class="x">raw</div>' in html


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:x",
        "data:text/html;base64,PHNjcmlwdD4=",
        " javascript:alert(1)",
    ],
)
def test_dangerous_links_are_neutralised(renderer: Renderer, link: str) -> None:
    html = renderer.render(f"[x]({link}) <{link}> ![i]({link})")
    assert not re.search(r'(href|src)="[^"]*(script|data):', html, re.IGNORECASE), html


def test_safe_data_image_kept(renderer: Renderer) -> None:
    assert 'src="data:image/png;base64,AA"' in renderer.render("![i](data:image/png;base64,AA)")


def test_typographer_can_be_disabled() -> None:
    html = Renderer(RenderOptions(typographer=False)).render('"a" -- b... <<c>>')
    assert "&quot;a&quot; -- b..." in html


def test_title_attributes_can_be_disabled() -> None:
    html = Renderer(RenderOptions(title_attributes=False)).render("## T {#x}")
    assert 'id="t-x"' in html and "{#x}" in html


def test_renderer_reuses_its_markdown_instance(renderer: Renderer) -> None:
    md = renderer._md
    renderer.render("a")
    renderer.render("b")
    assert renderer._md is md
