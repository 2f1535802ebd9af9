"""Exhaustion: bounded reads of regular files only, and no uncaught RecursionError (issue 14, point 8).

A FIFO, a link to /dev/zero, a binary or huge dictionary or configuration file, an 80 MB
page and 1,200-deep nesting give a clear message naming the file, never a hang, a
MemoryError or a traceback. Whatever could hang runs in a subprocess with a timeout and a
memory cap, so a regression fails instead of stopping the test run.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from writer.core.check import Checker
from writer.core.document import Page
from writer.core.errors import ConfigError, ReadError
from writer.core.hugo.index import ContentIndex
from writer.core.hugo.render_context import SiteModel
from writer.core.hugo.site import Site
from writer.core.spell.checker import SpellChecker
from writer.core.textio import MB, read_bytes, read_limited, read_prefix

REPO = Path(__file__).resolve().parents[2]
needs_posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sparse(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of `size` bytes that takes no disk space (zeros after `head`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


@pytest.fixture()
def root(tmp_path) -> Path:
    write(tmp_path / "hugo.toml", 'baseURL = "https://example.org/"\ndefaultContentLanguage = "de"\n')
    write(tmp_path / "content" / "_index.md", "---\ntitle: Start\n---\n")
    return tmp_path


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 * MB, 3 * 1024 * MB))


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter: 20 s and 3 GB at most (a hang or a runaway read fails)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20,
                          cwd=REPO, preexec_fn=_cap_memory)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_python(f"import sys; from writer.cli import main; sys.exit(main({list(args)!r}))")


# -- the reading helpers ---------------------------------------------------------------------

@needs_posix
def test_fifos_and_devices_are_never_read(tmp_path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    code = (
        "from writer.core.textio import read_bytes, read_prefix, read_limited\n"
        "from writer.core.errors import ReadError\n"
        f"for name in ('pipe.md', 'zero.md'):\n"
        f"    for read in (read_bytes, lambda p: read_prefix(p, 10), lambda p: read_limited(p, 10)):\n"
        f"        try:\n"
        f"            read({str(tmp_path)!r} + '/' + name)\n"
        f"        except ReadError as exc:\n"
        f"            print(exc)\n"
    )
    result = run_python(code)
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) == 6, result.stderr
    assert all("pipe.md: this is a named pipe (FIFO)" in line for line in lines[:3])
    assert all("zero.md: this is a device" in line for line in lines[3:])


def test_reads_are_bounded(tmp_path) -> None:
    big = sparse(tmp_path / "big.md", 80 * MB, b"---\ntitle: Big\n---\n")
    with pytest.raises(ReadError, match=r"the file is 80 MB; Writer reads files up to 64 MB") as info:
        read_bytes(big)
    assert info.value.path == big
    head, size = read_prefix(big, 4)
    assert (head, size) == (b"---\n", 80 * MB)
    with pytest.raises(ReadError, match=r"^.*big.md: the dictionary is 80 MB; Writer reads no dictionary over 5.0 MB$"):
        read_limited(big, 5 * MB, "dictionary")
    with pytest.raises(ReadError, match="folder"):
        read_prefix(tmp_path, 10)
    if Path("/proc/self/status").is_file():  # a regular file that says it is empty
        with pytest.raises(ReadError, match=r"status: the file is larger than 10 bytes, the most Writer reads$"):
            read_bytes("/proc/self/status", limit=10)
    assert read_bytes(write(tmp_path / "empty.md", "")) == b""


# -- site dictionaries --------------------------------------------------------------------------

def test_a_binary_dictionary_is_named_not_raised(root) -> None:
    path = root / ".writer" / "dictionary.de.txt"
    path.parent.mkdir()
    path.write_bytes(b"\xff\xfe\x00W\x00o\x00r\x00t")  # was: UnicodeDecodeError out of the constructor
    checker = SpellChecker("de", root)
    assert checker.site_words == set()
    error = checker.site_dictionary_error
    assert error is not None and error.path == path and "UTF-16" in error.message
    path.write_bytes(b"Wort\n\x00\x01")
    assert "binary" in SpellChecker("de", root).site_dictionary_error.message


def test_a_huge_dictionary_is_not_read(root) -> None:
    path = sparse(root / ".writer" / "dictionary.de.txt", 100 * MB, b"Wort\n")
    checker = SpellChecker("de", root)
    assert checker.site_words == set()
    assert checker.site_dictionary_error.message == "the dictionary is 100 MB; Writer reads no dictionary over 5.0 MB"
    assert checker.site_dictionary_error.path == path
    with pytest.raises(ReadError, match="100 MB"):
        checker.add_to_site_dictionary("Neu")
    assert path.stat().st_size == 100 * MB


@needs_posix
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_dictionary_that_is_no_file_gives_a_message(root, kind) -> None:
    path = root / ".writer" / "dictionary.de.txt"
    path.parent.mkdir()
    os.mkfifo(path) if kind == "fifo" else path.symlink_to("/dev/zero")
    result = run_python(
        "from pathlib import Path\nfrom writer.core.spell.checker import SpellChecker\n"
        f"c = SpellChecker('de', Path({str(root)!r}))\nprint(c.site_words, c.site_dictionary_error)")
    assert result.returncode == 0, result.stderr
    expected = "named pipe (FIFO)" if kind == "fifo" else "outside the site"
    assert result.stdout.startswith("set() ") and str(path) in result.stdout and expected in result.stdout


def test_a_dictionary_outside_the_site_is_neither_read_nor_written(root, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    write(outside / "words.txt", "Geheimwort\n")
    (root / ".writer").mkdir()
    (root / ".writer" / "dictionary.de.txt").symlink_to(outside / "words.txt")
    checker = SpellChecker("de", root)
    assert checker.site_words == set() and "outside the site" in checker.site_dictionary_error.message
    (root / ".writer" / "dictionary.de.txt").unlink()
    (root / ".writer").rmdir()
    (root / ".writer").symlink_to(outside)
    with pytest.raises(Exception, match="outside the site"):
        SpellChecker("de", root).add_to_site_dictionary("Neu")
    assert sorted(p.name for p in outside.iterdir()) == ["words.txt"]


# -- configuration files ------------------------------------------------------------------------

@needs_posix
@pytest.mark.parametrize("kind", ["fifo", "zero"])
@pytest.mark.parametrize("name", ["config/_default/params.toml", "hugo.toml"])
def test_a_configuration_file_that_is_no_file_fails_clearly(tmp_path, kind, name) -> None:
    write(tmp_path / "content" / "p.md", "---\ntitle: p\n---\n")
    if name != "hugo.toml":
        write(tmp_path / "hugo.toml", "")
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path) if kind == "fifo" else path.symlink_to("/dev/zero")
    result = run_cli("check", str(tmp_path), "--json")  # was: a hang, or a MemoryError
    assert result.returncode == 1, result.stderr
    [problem] = json.loads(result.stdout)["problems"]
    expected = "named pipe (FIFO)" if kind == "fifo" else "outside the site"  # /dev/zero is
    assert problem["code"] == "config" and problem["path"] == str(path) and expected in problem["message"]
    result = run_cli("pages", str(tmp_path))
    assert result.returncode == 2 and str(path) in result.stderr and "Traceback" not in result.stderr


def test_a_huge_configuration_file_is_not_read(root) -> None:
    sparse(root / "config" / "_default" / "params.toml", 50 * MB, b'x = "y"\n')
    with pytest.raises(ConfigError, match=r"the configuration file is 50 MB; Writer reads no configuration file over 5.0 MB$") as info:
        Site.open(root)
    assert info.value.path == root / "config" / "_default" / "params.toml"


DEEP = 1200


@pytest.mark.parametrize(("name", "text"), [
    ("hugo.json", '{"a": ' + "[" * DEEP + "]" * DEEP + "}"),
    ("hugo.json", '{"a": ' + '{"b": ' * 500 + "1" + "}" * 500 + "}"),
    ("hugo.toml", "a = " + "[" * DEEP + "]" * DEEP + "\n"),
    ("hugo.toml", "a = " + "[" * 150 + "]" * 150 + "\n"),
    ("hugo.yaml", "a: " + "[" * DEEP + "]" * DEEP + "\n"),
    ("hugo.yaml", "".join(" " * i + f"k{i}:\n" for i in range(DEEP))),
    ("hugo.yaml", "a: &x [*x]\n"),
    ("hugo.yaml", "a: &a [1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                  "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"),
    ("config/_default/params.json", '{"a": ' + "[" * 600 + "]" * 600 + "}"),
    ("config/_default/languages.yaml", "de:\n  params:\n" + "".join(" " * (4 + i) + f"k{i}:\n" for i in range(300))),
])
def test_deep_or_self_referencing_configuration_is_a_config_error(tmp_path, name, text) -> None:
    if name.startswith("config/"):
        write(tmp_path / "hugo.toml", "")
    write(tmp_path / name, text)
    with pytest.raises(ConfigError) as info:  # was: RecursionError for JSON and deep maps
        Site.open(tmp_path)
    assert info.value.path == tmp_path / name
    assert "front matter" not in info.value.message


def test_the_cli_prints_no_traceback_for_a_deep_configuration(tmp_path) -> None:
    write(tmp_path / "hugo.json", '{"a": ' + "[" * DEEP + "]" * DEEP + "}")
    result = run_cli("pages", str(tmp_path))
    assert result.returncode == 2 and "hugo.json:1:1: the configuration is nested" in result.stderr
    assert "Traceback" not in result.stderr


# -- pages ---------------------------------------------------------------------------------------

def test_the_index_reads_only_the_front_matter_of_a_huge_page(root) -> None:
    big = sparse(root / "content" / "big.md", 1024 * MB, b"---\ntitle: Riesig\n---\nText\n")
    tracemalloc.start()
    try:
        index = ContentIndex.build(Site.open(root))  # was: the whole GB read (2 GB peak)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * MB
    page = index.get("content/big.md")
    assert page is not None and page.title == "Riesig"
    assert page.error is not None and page.error.path == big
    assert page.error.message == ("the page is 1,024 MB; Writer indexes only its first 1.0 MB "
                                  "and opens pages up to 64 MB")


def test_a_front_matter_longer_than_the_first_megabyte_is_read_whole(root) -> None:
    lines = "".join(f"k{i}: '{'x' * 90}'\n" for i in range(20_000))  # about 2 MB of front matter
    write(root / "content" / "long.md", f"---\n{lines}title: Lang\n---\n" + "Absatz\n" * 100_000)
    write(root / "content" / "short.md", "---\ntitle: Kurz\n---\n" + "Absatz mit Text\n" * 200_000)
    index = ContentIndex.build(Site.open(root))
    assert index.get("content/long.md").title == "Lang" and index.get("content/short.md").title == "Kurz"
    assert index.problems == []


def test_check_and_open_name_a_page_too_large(root) -> None:
    sparse(root / "content" / "big.md", 80 * MB, b"---\ntitle: Big\n---\n")
    problems = Checker(Site.open(root)).check_site()
    assert [(p.path, p.code) for p in problems] == [("content/big.md", "unreadable")]
    assert "80 MB" in problems[0].message
    with pytest.raises(ReadError, match="80 MB"):
        Page.load(root / "content" / "big.md")


@needs_posix
def test_a_fifo_or_device_page_never_hangs(root) -> None:
    os.mkfifo(root / "content" / "pipe.md")
    (root / "content" / "zero.md").symlink_to("/dev/zero")
    result = run_cli("check", str(root), "--json")
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert sorted((p["path"], p["code"], p["severity"]) for p in problems) == [
        ("content/pipe.md", "read", "error"), ("content/zero.md", "symlink", "warning")]
    assert "named pipe (FIFO)" in problems[0]["message"] + problems[1]["message"]
    for name, expected in (("pipe.md", "named pipe"), ("zero.md", "symbolic link")):  # the site checked
        result = run_cli("check", str(root / "content" / name), "--json")
        assert expected in result.stdout and result.returncode == 1, result.stderr
    result = run_cli("render", str(root / "content" / "pipe.md"))
    assert result.returncode == 2 and "named pipe" in result.stderr


NESTED = {
    "yaml": "---\ntitle: Tief\nx: " + "[" * DEEP + "]" * DEEP + "\n---\nText\n",
    "yaml-map": "---\ntitle: Tief\n" + "".join(" " * i + f"k{i}:\n" for i in range(DEEP)) + "---\nText\n",
    "yaml-950": "---\ntitle: Tief\nx: " + "[" * 950 + "a.png" + "]" * 950 + "\n---\nText\n",
    "yaml-alias": "---\ntitle: Tief\nx: &x [*x]\n---\nText\n",
    "toml": "+++\ntitle = 'Tief'\nx = " + "[" * DEEP + "]" * DEEP + "\n+++\nText\n",
    "json": '{"title": "Tief", "x": ' + "[" * DEEP + "]" * DEEP + "}\nText\n",
}


@pytest.mark.parametrize("kind", sorted(NESTED))
def test_deep_front_matter_never_raises_recursion_error(root, kind) -> None:
    page = write(root / "content" / "tief.md", NESTED[kind])
    index = ContentIndex.build(Site.open(root))
    problems = Checker(Site.open(root), index).check_site()
    html = SiteModel.from_index(index).render_body(Page.load(page).body, page)
    assert "Text" in html or kind == "json"  # JSON that does not parse takes the page in, as in Hugo
    assert all(p.path == "content/tief.md" for p in problems)
    result = run_cli("check", str(root))
    assert "Traceback" not in result.stderr and result.returncode in (0, 1)


def test_an_archetype_that_is_no_file_or_lies_outside_is_refused(tmp_path) -> None:
    site = Path(shutil.copytree(REPO / "resources" / "sample-site", tmp_path / "s"))
    archetypes = site / "archetypes"
    archetypes.mkdir(exist_ok=True)
    for name in archetypes.iterdir():
        name.unlink()
    os.mkfifo(archetypes / "default.md")
    result = run_cli("new", str(site / "content" / "blog"), "Aus der Röhre")
    assert result.returncode == 2 and "named pipe" in result.stderr and "Traceback" not in result.stderr
    (archetypes / "default.md").unlink()
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: geheim\n---\n", encoding="utf-8")
    (archetypes / "default.md").symlink_to(outside)
    result = run_cli("new", str(site / "content" / "blog"), "Von draussen")
    assert result.returncode == 2 and "outside the site" in result.stderr
    assert not (site / "content" / "blog" / "von-draussen").exists()
