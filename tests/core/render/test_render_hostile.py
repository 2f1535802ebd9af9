"""A hostile page's Markdown gets no attribute, element or URL into the preview that Hugo would
not give it: shortcode placeholders are unforgeable and never land as HTML inside a tag, attribute
lists lose event handlers, dangerous URLs are read the way a browser reads them, and raw HTML loses
the elements that act beside the Content-Security-Policy (issue 14, points 7 and 9)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from writer.core.render import Renderer, RenderOptions, preview_page
from writer.core.render.shortcodes import extract
from writer.core.render.urls import is_dangerous, safe_url

DEFAULT = Renderer()
UNSAFE = Renderer(RenderOptions(unsafe=True))
BLOCK_ATTRS = Renderer(RenderOptions(block_attributes=True))
FIXED = "x style=position:fixed;inset:0;background:red"
FIGURE = '{{< figure class="' + FIXED + '" >}}'  # its class would become the link's style


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer would split them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def attrs_of(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def test_shortcode_in_a_linkified_url_does_not_add_attributes_to_the_link() -> None:
    html = DEFAULT.render('www.example.org/' + FIGURE)
    links = Elements(html).attrs_of("a")
    assert links and all(set(attrs) == {"href"} for attrs in links), html
    assert all("style" not in attrs for _, attrs in Elements(html).tags), html


@pytest.mark.parametrize(
    "body",
    [
        '## Title {#' + FIGURE + '}',
        '```' + FIGURE + '\ncode\n```',
        '```go {' + FIGURE + '}\ncode\n```',
        '[link](' + FIGURE + ')',
        '[link](/x "' + FIGURE + '")',
        '![alt ' + FIGURE + '](x.png)',
        'https://example.org/' + FIGURE,
        'a@example.org' + FIGURE,
    ],
)
def test_shortcode_inside_an_attribute_stays_text(body: str) -> None:
    html = DEFAULT.render(body)
    for tag, attrs in Elements(html).tags:
        assert "style" not in attrs or tag in ("pre", "span"), (tag, attrs, html)
        assert not any(name.startswith(("position", "inset", "background")) for name in attrs), html
    assert "writer-render-error" not in html


def test_a_literal_placeholder_is_text_not_a_crash() -> None:
    for body in ("[a](WRSC5CSW)", "WRSC0CSW", "## WRSC0CSW", "x {{< y >}} [a](WRSC7CSW) WRSC0CSW"):
        html = DEFAULT.render(body)
        assert "writer-render-error" not in html, html
    assert 'href="WRSC5CSW"' in DEFAULT.render("[a](WRSC5CSW)")


def test_a_copied_placeholder_cannot_be_forged() -> None:
    marker = extract("{{< x >}}").marker
    assert marker is not None
    forged = f"[a]({marker.placeholder(3)}) {marker.placeholder(0)} {{{{< real >}}}}"
    html = DEFAULT.render(forged)
    assert "writer-render-error" not in html
    assert html.count('data-shortcode="real"') == 1 and 'data-shortcode="x"' not in html
    assert extract(forged).marker != marker  # a new nonce for a text that holds the old one


def test_event_handler_attributes_are_dropped_like_hugo() -> None:
    html = BLOCK_ATTRS.render(
        '## Head {onclick="x" ONMOUSEOVER=y style="color:red" data-x=1 .c #i}\n\npara\n{onclick=1 title=t}\n'
    )
    for _, attrs in Elements(html).tags:
        assert not any(name.startswith("on") for name in attrs), html
    (heading,) = Elements(html).attrs_of("h2")
    assert heading["style"] == "color:red" and heading["id"] == "i" and heading["class"] == "c"
    assert DEFAULT.render("## Head {onclick=x}").startswith('<h2 id="head"')  # still an attribute list


@pytest.mark.parametrize(
    "url",
    [
        "\t" * 70 + "javascript:alert(1)",
        " " * 100 + "javascript:alert(1)",
        "\x01\x02" * 40 + "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscr\ript:alert(1)",
        "\t" * 70 + "vbscript:x",
        " \n" * 40 + "data:text/html,<script>",
        " \t" * 50 + "file:///etc/passwd",
    ],
)
def test_dangerous_urls_are_read_like_a_browser_reads_them(url: str) -> None:
    assert is_dangerous(url) and safe_url(url) == ""
    html = DEFAULT.render(f'{{{{< figure src="x.png" link="{url}" attrlink="{url}" attr="a" >}}}}')
    hrefs = [attrs.get("href") or "" for attrs in Elements(html).attrs_of("a")]
    assert len(hrefs) == 2 and not any(map(browser_scheme_is_dangerous, hrefs)), html


def browser_scheme_is_dangerous(url: str) -> bool:
    """The URL standard: leading C0 controls and spaces stripped, tabs and newlines removed."""
    text = re.sub(r"[\t\n\r]", "", url.lstrip("".join(map(chr, range(0x21))))).lower()
    return text.startswith(("javascript:", "vbscript:", "data:text", "file:"))


def test_safe_urls_stay() -> None:
    for url in ("https://example.org/", "/docs/", "x.png", "data:image/png;base64,AA", "#top", "mailto:a@b.c"):
        assert not is_dangerous(url) and safe_url(url) == url


@pytest.mark.parametrize(
    "raw",
    [
        '<meta http-equiv="refresh" content="0; url=file:///etc/passwd">',
        "<META HTTP-EQUIV=refresh CONTENT='0;url=http://127.0.0.1:9/'>",
        '<link rel="preconnect" href="http://127.0.0.1:9/">',
        "<link\nrel=dns-prefetch\nhref=//127.0.0.1:9/>",
        "<link/rel=prefetch/href=http://127.0.0.1:9/>",
        '<base href="http://127.0.0.1:9/">',
        '<iframe srcdoc="<p>inner</p>"></iframe>',
        '<iframe src="file:///etc/passwd"></iframe>',
        '<frameset><frame src="http://127.0.0.1:9/"></frameset>',
        '<object data="http://127.0.0.1:9/"></object><embed src="http://127.0.0.1:9/">',
        "<<link>link rel=preconnect href=//127.0.0.1:9/>",
        '<link title=">" rel=preconnect href=//127.0.0.1:9/>',
        '<link a"b c=\'>\' rel=preconnect href=//127.0.0.1:9/>',
    ],
)
def test_raw_html_loses_elements_that_act_beside_the_policy(raw: str) -> None:
    from writer.core.render.rawhtml import neutralize

    dropped = {"meta", "link", "base", "iframe", "frame", "frameset", "object", "embed"}
    for html in (UNSAFE.render(raw), UNSAFE.render(f"text {raw} text"), neutralize(raw)):
        assert not dropped & {tag for tag, _ in Elements(html).tags}, html


def test_raw_html_otherwise_stays() -> None:
    html = UNSAFE.render('<div class="note"><img src="x.png" alt="a"> <linked>ok</linked></div>')
    assert [tag for tag, _ in Elements(html).tags] == ["div", "img", "linked"]


def test_the_page_policy_locks_base_forms_frames_and_objects() -> None:
    for remote in (False, True):
        page = preview_page("<p>x</p>", base_url="writer-preview://site/x/", remote_images=remote)
        csp = page.split('Content-Security-Policy" content="')[1].split('"')[0]
        for directive in ("base-uri 'none'", "form-action 'none'", "frame-src 'none'", "child-src 'none'",
                          "object-src 'none'", "default-src 'none'"):
            assert directive in csp
        assert page.index('<base href="writer-preview://site/x/">') < page.index("Content-Security-Policy")
