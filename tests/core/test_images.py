"""Importing images: safe unique names, bundle conversion, static folder, and never overwriting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from writer.core.errors import WriterError
from writer.core.hugo.images import (
    apply_image_import,
    image_markdown,
    plan_image_import,
    safe_image_name,
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
