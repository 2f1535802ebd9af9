"""RenderOptions.from_config and the preview page template."""

from __future__ import annotations

import re

from writer.core.render import Renderer, RenderOptions, preview_page


def test_defaults_from_empty_or_odd_config() -> None:
    assert RenderOptions.from_config({}) == RenderOptions()
    assert RenderOptions.from_config({"markup": "oops"}) == RenderOptions()
    assert RenderOptions.from_config({"markup": {"goldmark": None}}) == RenderOptions()


def test_lower_cased_hugo_config_is_read() -> None:
    config = {
        "markup": {
            "goldmark": {
                "renderer": {"unsafe": True},
                "extensions": {"typographer": {"disable": True}},
                "parser": {"attribute": {"block": True, "title": False}},
            },
            "highlight": {"style": "dracula", "linenos": True},
        }
    }
    assert RenderOptions.from_config(config) == RenderOptions(
        unsafe=True,
        typographer=False,
        block_attributes=True,
        title_attributes=False,
        highlight_style="dracula",
        line_numbers=True,
    )


def test_typographer_as_plain_bool() -> None:
    config = {"markup": {"goldmark": {"extensions": {"typographer": False}}}}
    assert RenderOptions.from_config(config).typographer is False
    config = {"markup": {"goldmark": {"extensions": {"typographer": {"disable": False}}}}}
    assert RenderOptions.from_config(config).typographer is True


def test_preview_page_has_strict_csp_and_inline_css() -> None:
    page = preview_page("<p>hi</p>", theme="dark", title="A <b>", base_url="writer-preview://site/x/")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "img-src writer-preview: data:" in csp and "file:" not in csp
    assert "script-src" not in csp and "style-src 'unsafe-inline'" in csp
    assert '<html class="theme-dark">' in page
    assert "<title>A &lt;b&gt;</title>" in page
    assert '<base href="writer-preview://site/x/">' in page
    assert "--link" in page and "<p>hi</p>" in page
    assert "http://" not in page and "https://" not in page and "url(" not in page


def test_preview_page_themes() -> None:
    assert '<html class="theme-light">' in preview_page("", theme="light")
    assert '<html class="theme-auto">' in preview_page("", theme="auto")
    assert '<html class="theme-auto">' in preview_page("", theme="weird")


def test_unsafe_script_is_still_blocked_by_csp() -> None:
    fragment = Renderer(RenderOptions(unsafe=True)).render("<script>alert(1)</script>")
    page = preview_page(fragment)
    assert "<script" in page  # kept, as Hugo would with unsafe = true ...
    assert "default-src 'none'" in page  # ... but the policy allows no script to run
