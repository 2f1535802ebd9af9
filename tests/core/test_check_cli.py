"""`writer check`, `pages`, `set`, `roundtrip`: shapes, exit codes, messages, and nothing written."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from writer.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture()
def suffix(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURES / "suffix", tmp_path / "suffix"))


def run(capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_json_lists_every_kind_of_problem(capsys, suffix) -> None:
    before = snapshot(suffix)
    code, out, _ = run(capsys, "check", str(suffix), "--json")
    problems = json.loads(out)["problems"]
    found = {(p["path"], p["line"], p["column"], p["code"]) for p in problems}
    guide = "content/docs/guide/index.de.md"
    assert (guide, 12, 24, "broken-ref") in found
    assert (guide, 13, 36, "broken-ref") in found
    assert (guide, 19, 1, "missing-alt") in found
    assert (guide, 19, 1, "missing-image") in found
    assert not any(p["code"] == "missing-image" and "diagram" in p["message"] for p in problems)
    assert all(p["severity"] == "warning" for p in problems if p["code"] == "broken-ref")  # site level
    assert all(p["severity"] == "warning" for p in problems if p["code"] == "missing-image")
    assert code == 0  # Hugo builds this site (a missing image is no error for Hugo): nothing is an error
    assert snapshot(suffix) == before


def test_check_reports_front_matter_syntax_and_relref_in_front_matter(capsys, tmp_path) -> None:
    (tmp_path / "hugo.toml").write_text("")
    content = tmp_path / "content"
    content.mkdir()
    (content / "ok.md").write_text("---\ntitle: ok\n---\n")
    (content / "bad.md").write_text("---\ntitle: 'open\n---\nbody\n")
    (content / "fm.md").write_text("---\nsummary: '[x]({{< relref \"gone\" >}})'\nimage: /images/none.png\n---\n")
    code, out, _ = run(capsys, "check", str(tmp_path), "--json")
    problems = json.loads(out)["problems"]
    by_code = {p["code"]: p for p in problems}
    assert by_code["front-matter-syntax"]["path"] == "content/bad.md"
    assert by_code["front-matter-syntax"]["line"] == 2
    assert (by_code["broken-ref"]["path"], by_code["broken-ref"]["line"]) == ("content/fm.md", 2)
    assert by_code["missing-image"]["line"] == 3
    assert code == 1
    code, out, _ = run(capsys, "check", str(content / "ok.md"))
    assert code == 0


def test_pages_json_shape(capsys) -> None:
    code, out, _ = run(capsys, "pages", str(FIXTURES / "suffix"), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["default_language"] == "de" and data["languages"] == ["de", "en", "fr"]
    page = next(p for p in data["pages"] if p["path"] == "content/docs/install.md")
    assert page == {
        "path": "content/docs/install.md", "lang": "de", "kind": "page", "bundle": "none",
        "title": "Installation", "draft": False, "permalink": "/docs/install/",
        "translations": {"en": "content/docs/install.en.md", "fr": "content/docs/install.fr.md"},
    }


def test_roundtrip_of_every_fixture_file_is_identical(capsys) -> None:
    for site in (FIXTURES / "suffix", FIXTURES / "folders-repo"):
        code, out, _ = run(capsys, "roundtrip", str(site), "--json")
        data = json.loads(out)
        assert code == 0 and data["changed"] == [] and data["checked"] > 5


def test_set_changes_only_the_lines_of_its_fields(capsys, suffix) -> None:
    page = suffix / "content" / "crlf" / "index.de.md"
    before = page.read_bytes()
    code, _, _ = run(capsys, "set", str(page), "seo.title=Kurz: klar", "title=CRLF mit BOM")
    assert code == 0
    after = page.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    old_lines, new_lines = before.split(b"\r\n"), after.split(b"\r\n")
    assert len(old_lines) == len(new_lines)
    assert [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b] == [3]
    assert new_lines[3] == b"    title: 'Kurz: klar'"
    assert after.endswith(b"ohne Zeilenende")


def test_set_same_value_writes_nothing(capsys, suffix) -> None:
    page = suffix / "content" / "odd.de.md"
    stat = page.stat()
    assert run(capsys, "set", str(page), "date=2022-12-31", "tags=[eins, zwei, drei]")[0] == 0
    assert page.stat().st_mtime_ns == stat.st_mtime_ns


@pytest.mark.parametrize(
    "args,message",
    [
        (["set", "{page}", "novalue"], "expected KEY=VALUE"),
        (["set", "{page}", "=x"], "field name is empty"),
        (["set", "{missing}", "a=b"], "does not exist"),
        (["pages", "{missing}"], "no such file or folder"),
        (["set", "{broken}", "a=b"], "front matter"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(capsys, suffix, args, message) -> None:
    broken = suffix / "content" / "broken.md"
    broken.write_text("---\ntitle: [\n---\n")
    paths = {"page": suffix / "content" / "plain.md", "missing": suffix / "nope.md", "broken": broken}
    before = snapshot(suffix)
    code, out, err = run(capsys, *[a.format(**paths) for a in args])
    assert code == 2
    assert message in err and err.count("\n") == 1
    assert snapshot(suffix) == before


def test_broken_config_is_a_clear_problem(capsys, tmp_path) -> None:
    (tmp_path / "hugo.toml").write_text("title = \n")
    code, out, _ = run(capsys, "check", str(tmp_path), "--json")
    problem = json.loads(out)["problems"][0]
    assert code == 1 and problem["code"] == "config" and problem["line"] == 1
    assert problem["path"].endswith("hugo.toml")
    code, _, err = run(capsys, "pages", str(tmp_path))
    assert code == 2 and "hugo.toml:1" in err


def test_plain_folder_is_listed_with_a_notice(capsys, tmp_path) -> None:
    (tmp_path / "a.md").write_text("# A\n")
    code, out, err = run(capsys, "pages", str(tmp_path), "--json")
    assert code == 0 and "no Hugo configuration" in err
    assert [p["path"] for p in json.loads(out)["pages"]] == ["a.md"]


def test_unreadable_content_is_named_and_nothing_crashes(capsys, tmp_path) -> None:
    (tmp_path / "hugo.toml").write_text("")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "w.md").write_bytes("\xe9t\xe9".encode("latin-1"))
    code, out, err = run(capsys, "pages", str(tmp_path))
    assert code == 0 and "content/w.md" in err and "not UTF-8" in err
    code, out, _ = run(capsys, "check", str(tmp_path), "--json")
    problem = json.loads(out)["problems"][0]
    assert problem["path"] == "content/w.md" and problem["code"] == "unreadable"


def test_escaped_quotes_of_a_relref_in_a_front_matter_string(capsys, tmp_path) -> None:
    """`"{{< relref path=\"/impact\" lang=\"en\" >}}"` names the page /impact (issue 16, point 6)."""
    (tmp_path / "hugo.toml").write_text('defaultContentLanguage = "en"\n')
    content = tmp_path / "content"
    content.mkdir()
    (content / "impact.md").write_text("---\ntitle: Impact\n---\n")
    (content / "fm.md").write_text(
        '---\ncta: "{{< relref path=\\"/impact\\" lang=\\"en\\" >}}"\n'
        "other: '{{< relref \"/impact\" >}}'\n"
        'bad: "{{< relref path=\\"/nope\\" >}}"\n---\n')
    code, out, _ = run(capsys, "check", str(tmp_path), "--json")
    problems = json.loads(out)["problems"]
    assert [(p["line"], p["message"].split(":")[0]) for p in problems] == [(4, 'relref "/nope"')]
    assert code == 0
