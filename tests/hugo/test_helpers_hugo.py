"""The writer's helpers judged by Hugo: translated copies appear in .Translations."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES, SAMPLE
from hugo_build import build

from writer.cli import main

CASES = {
    "file-name": (SAMPLE, "content/blog/gemeinsam-schreiben/index.de.md", "fr"),
    "folders": (FIXTURES / "folders-repo" / "src", "content/english/only-english.md", "de"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_translated_copy_is_among_hugos_translations(case, tmp_path, capsys) -> None:
    source_site, page, lang = CASES[case]
    site = shutil.copytree(source_site, tmp_path / "site")
    capsys.readouterr()
    assert main(["translate", str(site / page), "--to", lang, "--draft"]) == 0
    created = capsys.readouterr().out.strip()
    result = build(site, tmp_path / "build")
    assert result.pages[page].translations.get(lang) == created, result.output
    assert result.pages[created].translations.get(result.pages[page].lang) == page
