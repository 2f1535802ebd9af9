"""What Writer writes into front matter is what Hugo reads: `.Params | jsonify` is the oracle."""

from __future__ import annotations

import html
import json
import random
import subprocess
from pathlib import Path

import pytest
from hugo_build import hugo_binary

from writer.cli import main
from writer.core.document import Page
from writer.core.errors import FrontMatterError

LAYOUT = ('<pre>{{ .Params | jsonify }}</pre><p>{{ .Param "seo.title" }}|{{ $s := .Params.seo }}'
          "{{ if reflect.IsMap $s }}{{ $s.title }}{{ end }}</p><c>{{ .Content }}</c>")


def build(root: Path, pages: dict[str, str | bytes]) -> dict[str, dict]:
    """Write the pages (name -> text) into a fresh site, build it, return each page's params
    (plus "_param" = .Param "seo.title", "_nested" = .Params.seo.title and "_body")."""
    (root / "layouts").mkdir(parents=True, exist_ok=True)
    (root / "layouts" / "single.html").write_text(LAYOUT, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", '
        '"section"]\n', encoding="utf-8")
    for name, text in pages.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (root / "content" / f"{name}.md").write_bytes(data)
    proc = subprocess.run([str(hugo_binary()), "--source", str(root), "--logLevel", "error", "-D"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = {}
    for name in pages:
        published = (root / "public" / name.lower() / "index.html").read_text(encoding="utf-8")
        params = json.loads(html.unescape(published.split("<pre>")[1].split("</pre>")[0]))
        param, nested = html.unescape(published.split("<p>")[1].split("</p>")[0]).split("|")
        params.update(_param=param, _nested=nested, _body=published.split("<c>")[1].split("</c>")[0])
        out[name] = params
    return out


def edited(text: str, *changes: tuple[str, object]) -> str:
    page = Page(text)
    for key, value in changes:
        page.set(key, value)
    return page.text()


def test_white_space_before_the_block(tmp_path: Path) -> None:
    pages = {}
    for i, lead in enumerate(["\n", "  \n\t\n", "\r\n\r\n", "\v\f\n", "  ", "\r"]):
        pages[f"y{i}"] = edited(lead + "---\ntitle: T\n---\nBody\n", ("draft", True), ("weight", 3))
        pages[f"t{i}"] = edited(lead + '+++\ntitle = "T"\n+++\nBody\n', ("draft", True), ("weight", 3))
        if "\v" not in lead:  # Hugo's JSON reader stops at \v (Writer: a page error, tested in core)
            pages[f"j{i}"] = edited(lead + '{"title": "T"}\nBody\n', ("draft", True), ("weight", 3))
    for name, params in build(tmp_path, pages).items():
        assert (params["title"], params["draft"], params["weight"]) == ("T", True, 3), name
        assert "<p>Body</p>" in params["_body"], name


TRICKY = ["Kapitel 1\tEinleitung", " lead", "trail ", "a\u00a0", "\u00a0a", "a\u2028b", "a\u2029", "a\x85b",
          "a\rb", "a\r\nb", "line\nbreak", "a: b", "a #b", "#1 in Berlin", "- x", "yes", "no", "1:30", "01234",
          "\x07\x1b", "x\ufeffy", "'", '"', "\\", "*a", "&a", "!t", "%x", "@x", "`x", "[x", "{x", "x,y", "? x",
          "---", "...", "", "null", "~", "true", "1e3", ".5", "=", "<<", "\U0001f600", "a\x7fb", "\u200b", "\t"]


def test_tricky_strings_read_back_in_hugo(tmp_path: Path) -> None:
    texts = {
        "plain": "---\ntitle: x\nv: alt # c\n---\n",
        "single": "---\ntitle: x\nv: 'alt'\n---\n",
        "flow": "---\ntitle: x\nv: [alt]\n---\n",
        "toml": '+++\ntitle = "x"\nv = \'alt\'\n+++\n',
        "json": '{"title": "x", "v": "alt"}\n',
    }
    pages = {}
    for kind, text in texts.items():
        for i, value in enumerate(TRICKY):
            pages[f"{kind}{i}"] = edited(text, ("v", [value] if kind == "flow" else value))
    params = build(tmp_path, pages)
    for kind in texts:
        for i, value in enumerate(TRICKY):
            expected = [value] if kind == "flow" else value
            assert params[f"{kind}{i}"]["v"] == expected, (kind, value, pages[f"{kind}{i}"])


def test_new_keys_of_any_spelling_in_hugo(tmp_path: Path) -> None:
    keys = ["#hash", "true", "null", "yes", "on", "1", "a: b", "- x", "[x]", "k #c", "&a", "?x", "'q'", "x:"]
    pages = {
        "yaml": edited("---\ntitle: T\n---\n", *[(k, f"v{i}") for i, k in enumerate(keys)]),
        "flow": edited("---\n{title: T}\n---\n", *[(k, f"v{i}") for i, k in enumerate(keys)]),
        "toml": edited('+++\ntitle = "T"\n+++\n', *[(k, f"v{i}") for i, k in enumerate(keys)]),
        "json": edited('{"title": "T"}\n', *[(k, f"v{i}") for i, k in enumerate(keys)]),
        "nulls": edited("---\ntags: [a]\nlist:\n  - a\n---\n", ("tags", ["a", None]), ("list", ["a", None, "b"])),
    }
    params = build(tmp_path, pages)
    for kind in ("yaml", "flow", "toml", "json"):
        for i, key in enumerate(keys):
            assert params[kind][key.lower()] == f"v{i}", (kind, key, pages[kind])
    assert params["nulls"]["tags"] == ["a", None] and params["nulls"]["list"] == ["a", None, "b"]


MERGES = {
    "m1": "base: &b {x: 1, y: 1}\nm: {<<: *b, x: 2}\n",
    "m2": "b1: &b1 {x: 1, y: 1}\nb2: &b2 {x: 2, z: 2}\nm: {<<: [*b1, *b2], w: 0}\n",
    "m3": "b1: &b1 {x: 1, y: 1}\nb2: &b2 {x: 2, z: 2}\nm: {<<: [*b2, *b1]}\n",
    "m4": "b1: &b1 {x: 1}\nb2: &b2 {<<: *b1, y: 2}\nm:\n  x: 9\n  <<: *b2\n",
    "m5": "b1: &b1 {x: 1, n: {a: 1}}\nm:\n  <<: *b1\n  n: {b: 2}\n",
    "m6": "m:\n  <<: [{x: 1}, {x: 2, y: 2}]\n  y: 5\n",
    "m7": 'm:\n  "<<": {x: 1}\n',
    "m8": "base: &base {x: 1}\nmid: &mid {<<: *base, x: 2}\nm:\n  <<: *mid\n",
}


def test_merge_keys_read_as_hugo_reads_them(tmp_path: Path) -> None:
    pages = {name: f"---\n{text}---\n" for name, text in MERGES.items()}
    params = build(tmp_path, pages)
    for name, text in pages.items():
        assert Page(text).get("m") == params[name]["m"], (name, text)


def test_dotted_keys_case_aliases_and_block_scalars_in_hugo(tmp_path: Path) -> None:
    block_end = "---\nseo:\n  title: x\n  desc: |\n    Zeile\n---\nBody\n"
    pages = {
        "literal": edited("---\nseo.title: alt\n---\n", ("seo.title", "neu")),
        "literal_toml": edited('+++\n"seo.title" = "alt"\n+++\n', ("seo.title", "neu")),
        "nested": edited("---\nseo:\n  title: alt\n---\n", ("seo.title", "neu")),
        "upper": edited("---\nSEO:\n  Title: alt\n---\n", ("seo.title", "neu")),
        "upper_toml": edited('+++\n[SEO]\nTitle = "alt"\n+++\n', ("seo.title", "neu")),
        "upper_json": edited('{"SEO": {"Title": "alt"}}\n', ("seo.title", "neu")),
        "alias": edited("---\ntitle: &t Über uns\nlinkTitle: *t\n---\n", ("linkTitle", "Team")),
        "anchor": edited("---\ntitle: &t Über uns\nlinkTitle: *t\n---\n", ("title", "Team")),
        "block_end": edited(block_end, ("seo", "kurz")),
        "block_comment": edited("---\nseo:\n  desc: >\n    Zeile\n  # Kommentar\nn: 1\n---\nBody\n", ("seo", "kurz")),
        "block_crlf": edited(block_end.replace("\n", "\r\n"), ("seo", "kurz")),
        "toml_crlf": edited('+++\r\ntitle = "x"\ntext = """a\nb"""\n+++\nBody\n', ("title", "y"), ("neu", "z")),
        "toml_draft": edited('+++\ntitle = "Neu"\ndraft = true\n+++\n', ("draft", False)),
    }
    params = build(tmp_path, pages)
    for name in ("literal", "literal_toml"):
        assert params[name]["_param"] == "neu" and params[name]["_nested"] == "", name
    for name in ("nested", "upper", "upper_toml", "upper_json"):
        assert params[name]["_nested"] == "neu" and params[name]["_param"] == "neu", name
    assert (params["alias"]["title"], params["alias"]["linktitle"]) == ("Über uns", "Team")
    assert (params["anchor"]["title"], params["anchor"]["linktitle"]) == ("Team", "Team")
    for name in ("block_end", "block_comment", "block_crlf"):
        assert params[name]["seo"] == "kurz" and "<p>Body</p>" in params[name]["_body"], name
    assert params["block_comment"]["n"] == 1
    assert params["toml_crlf"]["text"] == "a\nb" and params["toml_crlf"]["neu"] == "z"
    assert params["toml_draft"]["draft"] is False


def test_refused_edits_change_no_byte(tmp_path: Path, capsys) -> None:
    """What Hugo would read differently is refused by `writer set`, with exit 2 and one line."""
    cases = {
        "both.md": ("---\nseo.title: lit\nseo:\n  title: nested\n---\n", "seo.title=x"),
        "twice.md": ("---\nSEO:\n  title: a\nseo:\n  title: b\n---\n", "seo.title=x"),
        "big.md": ('+++\nn = 1\n+++\n', "n=9223372036854775808"),
        "merged.md": ("---\nb: &b {x: 1}\nm:\n  x: 9\n  <<: *b\n---\n", "m.x=5"),
    }
    for name, (text, arg) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert main(["set", str(path), arg]) == 2
        assert capsys.readouterr().err.count("\n") == 1
        assert path.read_text(encoding="utf-8") == text
    with pytest.raises(FrontMatterError):
        Page(cases["merged.md"][0]).set("m.x", 5)


def test_an_impossible_date_stops_hugo_as_writer_check_says(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    (root / "content" / "p.md").write_text("---\ntitle: x\ndate: 2024-04-31\n---\n", encoding="utf-8")
    proc = subprocess.run([str(hugo_binary()), "--source", str(root)], capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and 'the "date" front matter field is not a parsable date' in proc.stdout + proc.stderr
    assert Page.load(root / "content" / "p.md").get("date") == "2024-04-31"  # text, as Hugo's reader has it
    assert main(["check", str(root)]) == 1


# -- a batch of generated edits, built once -------------------------------------------------

ALPHABET = [chr(c) for c in range(0x20, 0x7F)] + list("\t\r\n\u00a0\u2028\u2029\x85\x00\x1b\ufeffäöüß€\U0001f600")


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))


def _value(rng: random.Random, key: str) -> object:
    """A value of the type Hugo gives the field (title is text, weight a number, tags a list)."""
    kind = {"weight": 0, "Tags": 2}.get(key, 3 if key.lower() in ("title", "linktitle") else rng.randrange(6))
    if kind == 0:
        return rng.randint(-(2**53), 2**53)
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return [_text(rng) for _ in range(rng.randint(1, 3))]
    return _text(rng)


TEMPLATES = [
    "---\ntitle: &t Alt\nlinkTitle: *t\nSEO:\n  Description: |\n    lang\n  # Kommentar\ntags: [a]\n---\nBody\n",
    "---\r\ntitle: 'Alt'\r\nseo:\r\n    title: \"x\"\r\n    description:\r\ntags:\r\n  - a\r\n---\r\nBody\r\n",
    '+++\r\ntitle = "Alt"\ntext = """a\nb"""\n[seo]\ntitle = "x"\n+++\nBody\n',
    '{\n  "title": "Alt",\n  "seo": {"title": "x"}\n}\nBody\n',
    "\n---\ntitle: Alt\n---\nBody\n",
]
KEYS = ["title", "linkTitle", "seo.description", "seo.title", "Tags", "weight", "neu.feld", "x"]


def test_generated_edits_read_back_in_hugo(tmp_path: Path) -> None:
    rng = random.Random(20240531)
    pages: dict[str, str] = {}
    expected: dict[str, dict[str, object]] = {}
    for i in range(60):
        template = TEMPLATES[i % len(TEMPLATES)]
        page = Page(template)
        for _ in range(rng.randint(1, 4)):
            key = rng.choice(KEYS)
            value = _value(rng, key)
            try:
                page.set(key, value)
            except FrontMatterError:
                continue  # refused: the text stays as it was
        pages[f"g{i}"] = page.text()
        expected[f"g{i}"] = {key: page.get(key) for key in KEYS if page.get(key) is not None}
    params = build(tmp_path, pages)
    for name, fields in expected.items():
        for key, value in fields.items():
            node: object = params[name]
            for part in key.lower().split("."):
                node = node[part]  # type: ignore[index]
            assert node == value, (name, key, pages[name])
