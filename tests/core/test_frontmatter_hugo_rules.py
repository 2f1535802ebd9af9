"""Front matter read and written as Hugo 0.168 reads it (each rule was measured with Hugo; the
Hugo side is in tests/hugo/test_frontmatter_vs_hugo.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from writer.cli import main
from writer.core.document import Page
from writer.core.errors import FrontMatterError
from writer.core.frontmatter import split
from writer.core.frontmatter.yaml_edit import load_yaml

# -- 1. white space before the block ---------------------------------------------------------


@pytest.mark.parametrize("lead", ["\n", "  \n", "\t\n", "\r\n\r\n", " \t \n\n", "\v\n", "\f\n", "\r", "  "])
@pytest.mark.parametrize("block", ["---\ntitle: T\n---\n", "+++\ntitle = \"T\"\n+++\n", '{"title": "T"}\n'])
def test_white_space_before_the_block_is_skipped_like_hugo(lead: str, block: str) -> None:
    if block.startswith("{") and lead[0] in "\v\f":
        return  # see the next test
    text = lead + block + "Body\n"
    front, body = split(text)
    assert front.error is None and front.get("title") == "T"
    assert front.block.startswith(lead) and body == "Body\n" and front.block + body == text
    page = Page(text)
    page.set("draft", True)
    assert page.text().startswith(lead) and page.text().count("title") == 1
    assert Page(page.text()).get("draft") is True and Page(page.text()).body == "Body\n"


def test_vertical_tab_before_json_is_an_error_like_hugo() -> None:
    """Hugo hands the white space to its JSON reader: "invalid character '\\v' looking for beginning of value"."""
    page = Page('\n\v{"title": "T"}\nBody\n')
    assert page.error is not None and "invalid character" in page.error.message
    assert (page.error.line, page.error.column) == (2, 1)


@pytest.mark.parametrize("lead", ["\u00a0\n", "\x85\n", "\u2028", "\x1c\n", "\n\ufeff"])
def test_other_characters_before_the_block_make_it_body_like_hugo(lead: str) -> None:
    front, body = split(lead + "---\ntitle: T\n---\nBody\n")
    assert front.format is None and body.startswith(lead)


def test_errors_count_lines_from_the_top_of_the_file() -> None:
    page = Page("\n\n---\ntitle: a: b\n---\nBody\n")
    assert page.error is not None and page.error.line == 4


def test_closing_delimiter_is_any_line_starting_with_it_like_hugo() -> None:
    front, body = split("---\ntitle: T\n--- x\nBody\n")
    assert front.get("title") == "T" and body == " x\nBody\n"
    front, body = split("---\ntitle: T\nd: |\n  a\n---b\n---\nBody\n")
    assert front.get("d") == "a\n" and body == "b\n---\nBody\n"


# -- 2. values from the command line ----------------------------------------------------------


@pytest.fixture()
def page_file(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("---\ntitle: Alt\nlang: de\ndraft: false\nweight: 3\ntags: [a]\n---\nText\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("arg", "key", "value"),
    [
        ("title=yes", "title", "yes"), ("lang=no", "lang", "no"), ("title=#1 in Berlin", "title", "#1 in Berlin"),
        ("title=1:30", "title", "1:30"), ("title=12", "title", "12"), ("title=", "title", ""),
        ("dur=1:30", "dur", "1:30"), ("zip=01234", "zip", "01234"), ("flag=yes", "flag", "yes"),
        ("n=12", "n", 12), ("x=1.5", "x", 1.5), ("on=true", "on", True), ("d=2024-05-01", "d", dt.date(2024, 5, 1)),
        ("draft=true", "draft", True), ("weight=01234", "weight", 1234), ("tags=b", "tags", ["b"]),
        ("tags=[x, yes, null]", "tags", ["x", "yes", None]), ("hash=#x", "hash", "#x"),
        ("note=a: b", "note", "a: b"), ("k=[broken", "k", "[broken"),
    ],
)
def test_set_types_values_like_the_contract(page_file, capsys, arg: str, key: str, value: object) -> None:
    assert main(["set", str(page_file), arg]) == 0, capsys.readouterr().err
    page = Page.load(page_file)
    got = page.get(key)
    assert type(got) is type(value) and got == value
    assert page.body == "Text\n"


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        (".=x", "not a usable field name"), ("=x", "field name is empty"), ("a..b=x", "not a usable field name"),
        ("a.=x", "not a usable field name"), ("draft=maybe", "true or false"), ("weight=viel", "a number"),
        ("title=ok\udcff", "not UTF-8"), ("\udcffkey=x", "not UTF-8"),
        ("big=99999999999999999999", "too large"),
    ],
)
def test_unusable_set_arguments_exit_2_with_one_line(page_file, capsys, arg: str, message: str) -> None:
    before = page_file.read_bytes()
    assert main(["set", str(page_file), arg]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert page_file.read_bytes() == before


# -- 3. aliases -------------------------------------------------------------------------------

ALIASED = "---\ntitle: &t Über uns\nlinkTitle: *t\nmenu: {main: {name: *t}}\n---\nText\n"


def test_setting_an_alias_replaces_the_alias_only() -> None:
    page = Page(ALIASED)
    page.set("linkTitle", "Team")
    assert page.text() == ALIASED.replace("linkTitle: *t", "linkTitle: Team")
    assert page.get("title") == "Über uns" and page.get("menu.main.name") == "Über uns"
    page.set("menu.main.name", "Wir")
    assert page.get("title") == "Über uns" and page.get("menu.main.name") == "Wir"
    assert page.text().startswith("---\ntitle: &t Über uns\n")


def test_setting_the_anchor_changes_its_aliases_and_nothing_else() -> None:
    page = Page(ALIASED + "")
    page.set("title", "Team")
    assert page.get("linkTitle") == "Team" and page.get("menu.main.name") == "Team"
    assert page.text() == ALIASED.replace("&t Über uns", "&t Team")


def test_setting_inside_an_aliased_map_is_refused() -> None:
    text = "---\nbase: &b {x: 1}\nother: *b\n---\n"
    with pytest.raises(FrontMatterError, match="alias"):
        Page(text).set("other.x", 2)


def test_an_edit_that_hugo_would_override_by_a_later_merge_is_refused() -> None:
    text = "---\nb: &b {x: 1}\nm:\n  x: 9\n  <<: *b\n---\n"
    page = Page(text)
    assert page.get("m.x") == 1  # Hugo: the later merge wins
    with pytest.raises(FrontMatterError, match="Hugo would read"):
        page.set("m.x", 5)
    assert page.text() == text


# -- 4. block scalars at every position -------------------------------------------------------

BLOCK_SCALAR_CASES = {
    "end": "seo:\n  title: x\n  desc: |\n    Zeile\n",
    "comment": "seo:\n  title: x\n  desc: >\n    Zeile\n  # Kommentar\nnext: 1\n",
    "blank": "seo:\n  desc: |\n    Zeile\n\n\nnext: 1\n",
    "key": "seo:\n  desc: |-\n    Zeile\n    zwei\nnext: 1\n",
    "keep": "seo:\n  desc: |+\n    Zeile\n\nnext: 1\n",
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("case", sorted(BLOCK_SCALAR_CASES))
def test_replacing_a_map_ending_in_a_block_scalar(case: str, newline: str) -> None:
    inner = BLOCK_SCALAR_CASES[case].replace("\n", newline)
    text = f"---{newline}{inner}---{newline}Body{newline}"
    page = Page(text)
    page.set("seo", "kurz")
    after = Page(page.text())
    assert after.error is None and after.get("seo") == "kurz" and after.body == f"Body{newline}"
    assert after.get("next") == page.get("next")
    assert page.text().endswith(f"---{newline}Body{newline}")
    page.set("extra", "neu")  # a key appended after the block scalar
    assert Page(page.text()).get("extra") == "neu"


@pytest.mark.parametrize("case", sorted(BLOCK_SCALAR_CASES))
def test_replacing_and_adding_after_a_block_scalar_value(case: str) -> None:
    text = "---\n" + BLOCK_SCALAR_CASES[case] + "---\nBody\n"
    page = Page(text)
    page.set("seo.desc", "kurz")
    assert Page(page.text()).get("seo.desc") == "kurz" and Page(page.text()).body == "Body\n"
    page = Page(text)
    page.set("seo.neu", "x")
    assert Page(page.text()).get("seo.neu") == "x" and Page(page.text()).get("seo.desc") == page.get("seo.desc")


# -- 6. TOML with CRLF, 8. TOML ints and nulls, 10. TOML booleans ------------------------------


def test_toml_edit_uses_the_file_newline_only_in_the_edited_text() -> None:
    text = '+++\r\ntitle = "x"\ntext = """a\nb"""\n+++\r\nBody\n'
    page = Page(text)
    page.set("title", "y")
    assert page.text() == text.replace('"x"', '"y"')
    page.set("neu", "z")
    assert page.get("text") == "a\nb" and 'neu = "z"\r\n' in page.text()


@pytest.mark.parametrize("value", [False, True])
def test_toml_booleans_from_hugo_new(value: bool) -> None:
    text = '+++\ntitle = "Neu"\ndate = 2024-01-02T10:00:00+01:00\ndraft = true # x\n+++\n'
    page = Page(text)
    page.set("draft", value)
    assert page.get("draft") is value
    assert page.text() == text.replace("draft = true", f"draft = {str(value).lower()}")


def test_publish_turns_off_a_toml_draft() -> None:
    from writer.core.hugo.drafts import publish

    page = Page('+++\ntitle = "Neu"\ndate = 2024-01-02T10:00:00+01:00\ndraft = true\n+++\n')
    assert publish(page, dt.datetime(2025, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc))
    assert page.get("draft") is False and page.get("date") == dt.datetime(2025, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, [1, 2**64]])
def test_toml_integers_beyond_64_bits_are_refused(value) -> None:
    page = Page('+++\nn = 1\n+++\n')
    with pytest.raises(FrontMatterError, match="64 bits"):
        page.set("n", value)
    assert page.text() == '+++\nn = 1\n+++\n'


def test_toml_big_integer_into_a_text_field_is_text() -> None:
    page = Page('+++\nid = "1"\n+++\n')
    page.set("id", 2**70)
    assert page.get("id") == str(2**70)


def test_null_in_lists() -> None:
    page = Page("---\ntags: [a]\n---\n")
    page.set("tags", ["a", None])
    assert Page(page.text()).get("tags") == ["a", None]
    page = Page("---\ntags:\n  - a\n---\n")
    page.set("tags", ["a", None, "b"])
    assert Page(page.text()).get("tags") == ["a", None, "b"]
    with pytest.raises(FrontMatterError, match="null"):
        Page('+++\ntags = ["a"]\n+++\n').set("tags", ["a", None])
    page = Page('{"tags": ["a"]}\n')
    page.set("tags", ["a", None])
    assert page.get("tags") == ["a", None]


def test_yaml_and_json_numbers_hugo_cannot_hold_are_refused() -> None:
    with pytest.raises(FrontMatterError, match="too large"):
        Page("---\nn: 1\n---\n").set("n", 2**64)
    with pytest.raises(FrontMatterError, match="too large"):
        Page('{"n": 1}\n').set("n", 2**60)


# -- 7. literal dotted keys, 9. key case -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [("---\nseo.title: x\n---\n", "seo.title: y"), ('+++\n"seo.title" = "x"\n+++\n', '"seo.title" = "y"'),
     ('{"seo.title": "x"}\n', '"seo.title": "y"'), ("---\nSeo.Title: x\n---\n", "Seo.Title: y")],
)
def test_a_literal_dotted_key_is_edited_in_place(text: str, line: str) -> None:
    page = Page(text)
    assert page.get("seo.title") == "x"
    page.set("seo.title", "y")
    assert line in page.text() and len(page.fields) == 1


def test_a_literal_and_a_nested_key_together_are_refused() -> None:
    text = "---\nseo.title: lit\nseo:\n  title: nested\n---\n"
    page = Page(text)
    with pytest.raises(FrontMatterError, match="keep one"):
        page.set("seo.title", "y")
    assert page.text() == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\nSEO:\n  Description: alt\n---\n", "---\nSEO:\n  Description: neu\n---\n"),
        ('+++\n[SEO]\nDescription = "alt"\n+++\n', '+++\n[SEO]\nDescription = "neu"\n+++\n'),
        ('{"SEO": {"Description": "alt"}}\n', '{"SEO": {"Description": "neu"}}\n'),
        ("---\nSeo: {description: alt}\n---\n", "---\nSeo: {description: neu}\n---\n"),
    ],
)
def test_keys_match_without_regard_to_case(text: str, expected: str) -> None:
    page = Page(text)
    assert page.get("seo.description") == "alt"
    page.set("seo.description", "neu")
    assert page.text() == expected


def test_keys_written_twice_in_two_cases_are_refused() -> None:
    text = "---\nSEO:\n  description: alt\nseo:\n  description: neu\n---\n"
    page = Page(text)
    assert page.get("seo.description") == "alt"  # Hugo keeps the upper-case spelling
    with pytest.raises(FrontMatterError, match="ignores case"):
        page.set("seo.description", "x")


def test_title_in_another_case_is_the_title(tmp_path, capsys) -> None:
    assert Page("---\nTitle: Groß\n---\n").get("title") == "Groß"
    (tmp_path / "content").mkdir()
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    (tmp_path / "content" / "p.md").write_text("---\nTitle: Groß\nDraft: true\n---\n", encoding="utf-8")
    assert main(["pages", str(tmp_path), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)["pages"][0]
    assert (row["title"], row["draft"]) == ("Groß", True)


# -- 8. new keys -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["#hash", "true", "null", "yes", "on", "1", "a: b", "- x", "<<", "[x]", "k #c",
                                 "&a", "*a", "!t", "%x", "@x", "`x", "? x", "'q'", '"q"', "x:", "{a}", "ä ö"])
@pytest.mark.parametrize("text", ["---\ntitle: T\n---\n", "---\n{title: T}\n---\n", "", '{"title": "T"}\n',
                                  '+++\ntitle = "T"\n+++\n'])
def test_new_keys_of_any_spelling(key: str, text: str) -> None:
    page = Page(text)
    page.set(key, "v")
    reread = Page(page.text())
    assert reread.error is None
    assert reread.fields[key] == "v" and (not text or reread.get("title") == "T")
    page.set(f"group.{key}", None if text.startswith("+++") else 1)  # nested too
    assert Page(page.text()).fields["group"][key] == ("" if text.startswith("+++") else 1)


# -- 11. values Writer cannot build -----------------------------------------------------------


@pytest.mark.parametrize(
    ("inner", "message", "line"),
    [
        ("x: !!int abc\n", "not an integer", 2), ("x: &a [*a]\n", "contains itself", 2),
        ("x: !!binary 'é'\n", "base64", 2), ("a: 1\nx: !custom x\n", "unknown", 3),
        ("x: !!bool maybe\n", "true or false", 2), ("x: !!float abc\n", "not a number", 2),
        ("x: !!timestamp abc\n", "not a date", 2), ("m:\n  <<: 5\n", "mapping is expected", 3),
        ("m:\n  <<: {x: 1}\n  <<: {y: 1}\n", "second time", 4), ("x: !!map 5\n", "", 2),
        ("x: {[1]: 2}\n", "unhashable", 2),
    ],
)
def test_yaml_values_writer_cannot_build_are_page_errors(inner: str, message: str, line: int) -> None:
    page = Page(f"---\n{inner}---\nBody\n")
    assert page.error is not None and message in page.error.message and page.error.line == line
    assert page.body == "Body\n"


def test_alias_bombs_are_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    page = Page("---\n" + "\n".join(lines) + "\n---\n")
    assert page.error is not None and "alias bomb" in page.error.message


@pytest.mark.parametrize(
    ("inner", "value"),
    [("date: 2024-04-31\n", "2024-04-31"), ("x: 1.0e999\n", "1.0e999"), ("x: 18446744073709551616\n",
     "18446744073709551616"), ("x: -9223372036854775809\n", "-9223372036854775809"),
     ("x: 9223372036854775808\n", 2**63), ("x: !!set {a, b}\n", {"a": None, "b": None})],
)
def test_yaml_values_hugo_reads_as_text(inner: str, value: object) -> None:
    page = Page(f"---\n{inner}---\n")
    assert page.error is None
    assert list(page.fields.values()) == [value]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('+++\na = 1\nx = 9223372036854775808\n+++\n', "64-bit", 3), ("+++\nx = 1e999\n+++\n", "out of range", 2),
        ('{"x": NaN}\n', "NaN", 1), ('{\n"x": 1e999}\n', "out of range", 2),
        ("{" + '"x": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "", 1),
        ("---\nx: " + "[" * 100_000 + "]" * 100_000 + "\n---\n", "", None),
    ],
)
def test_toml_and_json_values_hugo_refuses_are_page_errors(text: str, message: str, line: int | None) -> None:
    page = Page(text + "Body\n")
    assert page.error is not None and message in page.error.message
    assert line is None or page.error.line == line


def test_json_integers_are_read_as_hugo_reads_them() -> None:
    assert Page('{"id": 123456789012345678901234567890}\n').get("id") == 1.2345678901234568e29
    assert Page('{"id": 1234567890123}\n').get("id") == 1234567890123


def test_one_unreadable_page_does_not_stop_the_site(tmp_path, capsys) -> None:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    (root / "content" / "good.md").write_text("---\ntitle: Gut\n---\n", encoding="utf-8")
    bad = {"a.md": "---\nx: !!int abc\n---\n", "b.md": "---\nx: &a [*a]\n---\n", "c.md": '{"x": NaN}\n',
           "d.md": "+++\nx = 99999999999999999999\n+++\n", "e.md": "---\ndate: 2024-04-31\n---\n"}
    for name, text in bad.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    for command in (["pages", str(root), "--json"], ["check", str(root), "--json"], ["roundtrip", str(root)]):
        code = main(command)
        captured = capsys.readouterr()
        assert code in (0, 1), (command, captured.err)
        assert "Traceback" not in captured.err
    assert main(["set", str(root / "content" / "good.md"), "draft=true"]) == 0
    assert main(["check", str(root), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    dates = [p for p in problems if p["code"] == "front-matter-date"]
    assert [(p["path"], p["line"]) for p in dates] == [("content/e.md", 2)]
    assert 'the "date" front matter field is not a parsable date' in dates[0]["message"]
    assert {p["path"] for p in problems if p["code"] == "front-matter-syntax"} == {
        "content/a.md", "content/b.md", "content/c.md", "content/d.md"}


# -- 14. merge keys, whatever the PyYAML release ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("b: &b {x: 1, y: 1}\nm: {<<: *b, x: 2}\n", {"x": 2, "y": 1}),
        ("b1: &b1 {x: 1, y: 1}\nb2: &b2 {x: 2, z: 2}\nm: {<<: [*b1, *b2], w: 0}\n", {"x": 2, "y": 1, "z": 2, "w": 0}),
        ("b1: &b1 {x: 1, y: 1}\nb2: &b2 {x: 2, z: 2}\nm: {<<: [*b2, *b1]}\n", {"x": 1, "y": 1, "z": 2}),
        ("b1: &b1 {x: 1}\nb2: &b2 {<<: *b1, y: 2}\nm:\n  x: 9\n  <<: *b2\n", {"x": 1, "y": 2}),
        ("b1: &b1 {x: 1, n: {a: 1}}\nm:\n  <<: *b1\n  n: {b: 2}\n", {"x": 1, "n": {"b": 2}}),
        ("m:\n  <<: [{x: 1}, {x: 2, y: 2}]\n  y: 5\n", {"x": 2, "y": 5}),
        ("m:\n  x: 9\n  <<: {x: 1, y: 1}\n", {"x": 1, "y": 1}),
        ('m:\n  "<<": {x: 1}\n', {"<<": {"x": 1}}),
    ],
)
def test_merge_keys_as_hugo_reads_them(text: str, expected: dict) -> None:
    assert load_yaml(text)["m"] == expected


def test_merge_keys_do_not_depend_on_pyyaml_flatten(monkeypatch) -> None:
    import yaml.constructor

    def broken(self, node):  # what a PyYAML release may change
        raise AssertionError("PyYAML's flatten_mapping was used")

    monkeypatch.setattr(yaml.constructor.SafeConstructor, "flatten_mapping", broken)
    assert load_yaml("b: &b {x: 1}\nm: {<<: *b, y: 2}\n")["m"] == {"x": 1, "y": 2}
