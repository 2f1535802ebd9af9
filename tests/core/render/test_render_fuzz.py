"""Fuzz: random Markdown, shortcodes and attribute lists never give the preview an element, an
attribute or a URL that the page's Markdown could not give it in Hugo (issue 14, point 7).

With `unsafe` off a page has no raw HTML, so everything in the output is Writer's: known
elements only, no event handlers, no `style` except where Hugo writes one (highlighted code,
table alignment, a heading's own attribute list), no javascript:/vbscript:/data:/file: link.
With `unsafe` on, raw HTML passes, but never the elements that act beside the policy.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from writer.core.render import RefTarget, Renderer, RenderOptions

FIXED = "x style=position:fixed;inset:0"
FIGURE = '{{< figure class="' + FIXED + '" >}}'  # its class would become a style attribute
ELEMENTS = frozenset(
    ("p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "del", "code", "pre", "span", "div",
     "ul", "ol", "li", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "input", "sup",
     "dl", "dt", "dd", "figure", "figcaption", "section")
)
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
STYLED = frozenset({"pre", "span", "div", "td", "th", "table"}) | HEADINGS  # highlighting, align, {style=}
ATTRIBUTES = frozenset(
    ("href", "src", "alt", "title", "class", "id", "style", "tabindex", "type", "checked", "disabled", "start",
     "role", "width", "height", "loading", "target", "rel")
)
URL_ATTRIBUTES = ("href", "src", "cite", "action", "formaction", "poster", "background")
ATTACKS = [
    "www.example.org/",
    "https://example.org/",
    "a@example.org",
    FIGURE,
    '{{< figure src="x.png" link="\t\t\tjavascript:alert(1)" target=_blank rel="a\" onclick=\"b" >}}',
    '{{< figure src="javascript:alert(1)" alt="\\"onerror=x" caption="*c*" attr="a" attrlink="vbscript:x" >}}',
    '{{< x onclick="y" style="z" >}}',
    '{{< relref "p" >}}',
    '{{< ref "missing" >}}',
    "{{% box %}}",
    "{{% /box %}}",
    "{{< /x >}}",
    "{{</* x */>}}",
    "WRSC0CSW",
    "WRSC5CSW",
    "[a](WRSC1CSW)",
    "javascript:alert(1)",
    "\t" * 70 + "javascript:x",
    '" onclick="x',
    "' style='x",
    "style=",
    "onclick=",
    "<script>x</script>",
    "<img src=x onerror=y>",
    '<a href="javascript:x" style="position:fixed">',
    '<meta http-equiv="refresh" content="0;url=file:///etc/passwd">',
    "<link rel=preconnect href=//127.0.0.1:9/>",
    '<base href="http://127.0.0.1:9/">',
    '<iframe srcdoc="<p>x">',
    "<<link>link rel=preconnect>",
]
MARKDOWN = [
    "# ", "## ", "### ", " {#", " {.", "}", "{onclick=x}", ' {onmouseover="y" data-x=1 #i .c title=t}',
    "```", "```go\n", "```{{< x >}}\n", "~~~", "\n```\n", "[a](", "](", ")", "![i](", "![", " \"t\")",
    "<", ">", '"', "'", "=", "&", "&amp;", "&#x6A;", "\\", "`", "*", "_", "~~", "- ", "1. ", "> ",
    "- [ ] ", "- [x] ", "| a | b |\n|:--|--:|\n| 1 | 2 |\n", "[^1]", "\n[^1]: note\n", "term\n: def\n",
    "\t", " ", "\n", "\n\n", "word", "x.png", "/docs/", "#top", "mailto:a@b.c", "---", "...", "<<", ">>",
]
BODIES = st.lists(
    st.one_of(st.sampled_from(ATTACKS), st.sampled_from(MARKDOWN), st.text(max_size=6)), max_size=40
).map("".join)


class Context:
    def resolve_ref(self, target: str, kind: str, lang: str | None = None) -> RefTarget | None:
        return RefTarget(url='/p/"onclick=x/', path="content/p.md") if target == "p" else None

    def resolve_image(self, src: str) -> str | None:
        return None

    def site_shortcodes(self) -> frozenset[str]:
        return frozenset({"box"})


class Elements(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))


def dangerous(url: str) -> bool:
    """As a browser reads the scheme: leading C0 and spaces stripped, tabs/newlines removed."""
    text = re.sub(r"[\t\n\r]", "", url.lstrip("".join(map(chr, range(0x21))))).lower()
    if text.startswith("data:image/"):
        return False
    return text.startswith(("javascript:", "vbscript:", "data:", "file:"))


def check_writer_output(html: str) -> None:
    assert "writer-render-error" not in html, html
    for tag, attrs in Elements(html).tags:
        assert tag in ELEMENTS, (tag, html)
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, html)
            if tag not in HEADINGS:  # a heading's {...} may name any attribute, as in Hugo
                assert name in ATTRIBUTES or name.startswith("data-"), (tag, name, html)
            if name == "style":
                assert tag in STYLED, (tag, value, html)
            if name in URL_ATTRIBUTES:
                assert not dangerous(value or ""), (tag, name, value, html)


SAFE = Renderer()
SAFE_ATTRS = Renderer(RenderOptions(block_attributes=True))
UNSAFE = Renderer(RenderOptions(unsafe=True, block_attributes=True))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(BODIES)
@example('www.example.org/' + FIGURE)
@example('## Title {#' + FIGURE + '}')
@example('```' + FIGURE + '\ncode\n```')
@example("[a](WRSC5CSW)")
@example('## x {onclick="alert(1)"}')
@example('{{< figure src="x.png" link="%sjavascript:alert(1)" >}}' % ("\t" * 70))
def test_safe_output_holds_only_what_hugo_could_write(body: str) -> None:
    check_writer_output(SAFE.render(body, Context()))
    check_writer_output(SAFE.render(body))


@SETTINGS
@given(BODIES)
@example("para\n{onclick=x}")
def test_block_attributes_never_carry_event_handlers(body: str) -> None:
    check_writer_output(SAFE_ATTRS.render(body, Context()))


@SETTINGS
@given(BODIES)
@example('<meta http-equiv="refresh" content="0;url=file:///etc/passwd">')
@example("<<link>link rel=preconnect href=//127.0.0.1:9/>")
def test_raw_html_never_brings_elements_that_act_beside_the_policy(body: str) -> None:
    html = UNSAFE.render(body, Context())
    assert "writer-render-error" not in html
    tags = {tag for tag, _ in Elements(html).tags}
    assert not tags & {"meta", "link", "base", "iframe", "frame", "frameset", "object", "embed"}, html
