"""Importing images: safe unique names, bundle conversion, static folder, and never overwriting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from writer.core.errors import WriterError
from writer.core.hugo.images import (
    ImageOutput,
    PixelFacts,
    apply_image_import,
    hugo_processes_webp,
    image_format,
    image_markdown,
    offered_formats,
    plan_image_import,
    plan_output,
    safe_image_name,
    suggested_format,
    with_format,
)
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.site import Site

SUFFIX = Path(__file__).parent.parent / "fixtures" / "sites" / "suffix"


@pytest.fixture()
def site(tmp_path) -> Path:
    return Path(shutil.copytree(SUFFIX, tmp_path / "site"))


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Bildschirmfoto 2024-05-01 um 10.12.PNG", "bildschirmfoto-2024-05-01-um-10-12.png"),
        ("Größe & Übersicht.jpeg", "groesse-uebersicht.jpg"),
        ("../../etc/passwd.png", "etc-passwd.png"),
        ("équipe.webp", "equipe.webp"),
        ("スクリーン.png", "image.png"),
    ],
)
def test_safe_names(name, expected) -> None:
    assert safe_image_name(name) == expected


def test_into_a_leaf_bundle_with_a_unique_name(site) -> None:
    page = site / "content" / "docs" / "guide" / "index.de.md"
    plan = plan_image_import(site, page, "Diagram.PNG", "leaf")
    assert plan.target == page.parent / "diagram-2.png" and plan.src == "diagram-2.png"
    apply_image_import(plan, b"png-bytes")
    assert (page.parent / "diagram.png").read_bytes() != b"png-bytes"  # the old one untouched
    assert plan.target.read_bytes() == b"png-bytes"
    with pytest.raises(WriterError, match="overwrite"):
        apply_image_import(plan, b"again")


def test_plain_page_becomes_a_bundle_with_all_its_languages(site) -> None:
    page = site / "content" / "docs" / "install.md"
    plan = plan_image_import(site, page, "shot.png", "none")
    folder = site / "content" / "docs" / "install"
    assert plan.target == folder / "shot.png"
    assert {(a.name, b.relative_to(folder).as_posix()) for a, b in plan.moves} == {
        ("install.md", "index.md"), ("install.en.md", "index.en.md"), ("install.fr.md", "index.fr.md"),
    }
    before = {a.name: a.read_bytes() for a, _ in plan.moves}
    apply_image_import(plan, b"x")
    assert {p.name: p.read_bytes() for p in folder.glob("index*.md")} == {
        "index.md": before["install.md"], "index.en.md": before["install.en.md"],
        "index.fr.md": before["install.fr.md"],
    }
    index = ContentIndex.build(Site.open(site))
    moved = index.get("content/docs/install/index.md")
    assert moved.bundle == "leaf" and moved.permalink == "/docs/install/"


def test_static_images_folder(site) -> None:
    page = site / "content" / "news" / "hallo-welt.md"
    plan = plan_image_import(site, page, "Logo.png", "none", mode="static")
    assert plan.target == site / "static" / "images" / "news" / "logo.png"
    assert plan.src == "/images/news/logo.png" and plan.moves == ()


def test_refuses_pages_outside_the_site(site, tmp_path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text("x")
    with pytest.raises(WriterError, match="not inside the site"):
        plan_image_import(site, outside, "a.png", "none")


def test_markdown_forms() -> None:
    assert image_markdown("a b.png", "Alt [x]", "Caption.") == "![Alt \\[x\\]](<a b.png>)\n\nCaption.\n"
    assert image_markdown("a.png", 'Say "hi"', "Cap", figure=True) == (
        '{{< figure src="a.png" alt="Say &quot;hi&quot;" caption="Cap" >}}\n'
    )


# -- how an imported image is stored --------------------------------------------------

ALL = ("png", "jpg", "webp", "webp-lossless")
SCREENSHOT = PixelFacts(translucent=False, colours=1_218, sampled=100_000)
PHOTO = PixelFacts(translucent=False, colours=87_988, sampled=100_000)
TRANSLUCENT = PixelFacts(translucent=True, colours=90_000, sampled=100_000)


def test_formats_by_name() -> None:
    assert [image_format(n) for n in ("a.PNG", "b.jpeg", "c.JPG", "d.tif", "e.webp", "noext")] == [
        "png", "jpg", "jpg", "tiff", "webp", ""]
    assert with_format("bildschirmfoto.png", "jpg") == "bildschirmfoto.jpg"
    assert with_format("shot.png", "webp-lossless") == "shot.webp"
    assert with_format("plain", "png") == "plain.png"


def test_offered_formats() -> None:
    assert offered_formats(None, ALL) == ALL  # a pasted image
    assert offered_formats("jpg", ALL) == ("jpg", "png", "webp", "webp-lossless")  # its own first
    assert offered_formats("gif", ALL) == ("gif", *ALL)
    assert offered_formats("bmp", ALL) == ALL  # browsers do not show BMP: not kept
    assert offered_formats(None, ("png", "jpg")) == ("png", "jpg")  # Qt without its WebP plugin
    assert offered_formats(None, ALL, webp=False) == ("png", "jpg")  # Hugo older than 0.83
    assert offered_formats("webp", ALL, webp=False) == ("webp", "png", "jpg")  # a WebP file is still kept


def test_suggested_format() -> None:
    assert not SCREENSHOT.photo_like and PHOTO.photo_like and not TRANSLUCENT.photo_like
    assert suggested_format(None, SCREENSHOT, ALL) == "png"
    assert suggested_format(None, PHOTO, ALL) == "jpg"
    assert suggested_format(None, TRANSLUCENT, ALL) == "png"  # JPEG has no transparency
    assert suggested_format("png", PHOTO, offered_formats("png", ALL)) == "png"  # the writer's own choice
    assert suggested_format("bmp", PHOTO, offered_formats("bmp", ALL)) == "jpg"
    assert suggested_format("tiff", SCREENSHOT, offered_formats("tiff", ALL)) == "png"
    assert suggested_format("svg", None, ("svg",)) == "svg"


def test_the_file_is_kept_when_nothing_changes() -> None:
    assert plan_output("png", "png", 800, 1200) == ImageOutput("png", 0, keep_bytes=True)
    assert plan_output("png", "png", 800, 0) == ImageOutput("png", 0, keep_bytes=True)
    assert plan_output("png", "png", 2400, 1200) == ImageOutput("png", 1200)
    assert plan_output("png", "jpg", 800, 1200) == ImageOutput("jpg", 0)
    assert plan_output("jpg", "jpg", 4000, 1600) == ImageOutput("jpg", 1600)
    assert plan_output(None, "png", 800, 1200) == ImageOutput("png", 0)  # pasted: always encoded
    assert plan_output("gif", "gif", 2400, 1200).keep_bytes  # Qt cannot write (animated) GIF
    assert plan_output("svg", "svg", 0, 1200).keep_bytes


@pytest.mark.parametrize(
    "config,expected",
    [
        ({}, True),
        ({"module": {"hugoversion": {"min": "0.80.0"}}}, False),
        ({"module": {"hugoversion": {"min": "v0.83.0"}}}, True),
        ({"module": {"hugoversion": {"min": "0.111.3", "extended": True}}}, True),
        ({"module": {"hugoversion": {"max": "0.70"}}}, True),
        ({"module": "odd"}, True),
    ],
)
def test_webp_where_hugo_processes_it(config, expected) -> None:
    assert hugo_processes_webp(config) is expected


def test_the_app_encodes_without_pillow() -> None:
    """Pillow is in the test extra only, to compare sizes; Writer encodes images with Qt."""
    import ast

    writer = Path(__file__).parent.parent.parent / "writer"
    for file in writer.rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(name.split(".")[0] == "PIL" for name in names), file


def test_capital_nordic_and_polish_letters_are_transliterated() -> None:
    from writer.core.hugo.images import safe_image_name

    assert safe_image_name("Ødegaard Åsa Łódź Œuvre.PNG") == "odegaard-asa-lodz-oeuvre.png"
