"""`writer render PAGE...` opens each site once per command (issue 15, point 11), with the same HTML
as rendering each page on its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import writer.core.hugo.index as index_module
from writer.cli import main
from writer.core.hugo.render_context import render_page_file

SAMPLE = Path(__file__).parent.parent.parent / "resources" / "sample-site"
PAGES = ["content/about.de.md", "content/blog/remote-teams/index.de.md",
         "content/blog/gemeinsam-schreiben/index.en.md", "content/loesungen/forschungsteams/index.fr.md"]


@pytest.fixture()
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


@pytest.fixture()
def builds(monkeypatch) -> list[Path]:
    """The site roots ContentIndex.build was called for."""
    calls: list[Path] = []
    real = index_module.ContentIndex.build.__func__

    def counted(cls, site, cache=None, **options):
        calls.append(site.root)
        return real(cls, site, cache, **options)

    monkeypatch.setattr(index_module.ContentIndex, "build", classmethod(counted))
    return calls


def _expected(files: list[Path]) -> str:
    parts = []
    for file in files:
        parts.append(f"<!-- {file} -->\n{render_page_file(file)}\n")
    return "\n".join(parts)


def test_many_pages_one_index_same_html(sample, capsys, builds) -> None:
    files = [sample / rel for rel in PAGES]
    expected = _expected(files)
    builds.clear()
    capsys.readouterr()
    assert main(["render", *map(str, files)]) == 0
    assert capsys.readouterr().out == expected
    assert builds == [sample.resolve()]  # one index for the whole command
    assert 'href="/en/leading-remote-teams/#respect-time-zones"' in expected  # refs resolved in the site


def test_pages_of_two_sites_and_the_site_option(sample, tmp_path, capsys, builds) -> None:
    other = Path(shutil.copytree(SAMPLE, tmp_path / "other"))
    files = [sample / PAGES[0], other / PAGES[1], sample / PAGES[2], other / PAGES[3]]
    expected = _expected(files)
    builds.clear()
    capsys.readouterr()
    assert main(["render", *map(str, files)]) == 0
    assert capsys.readouterr().out == expected
    assert sorted(builds) == sorted([sample.resolve(), other.resolve()])
    builds.clear()
    assert main(["render", "--site", str(sample), str(sample / PAGES[0]), str(sample / PAGES[1])]) == 0
    assert capsys.readouterr().out == _expected([sample / PAGES[0], sample / PAGES[1]])
    assert len(builds) == 3  # two for the expected HTML, one for the command


def test_a_missing_page_is_a_usage_error(sample, capsys) -> None:
    assert main(["render", str(sample / "content/nope.md")]) == 2
    assert "nope.md" in capsys.readouterr().err


def _many_pages(sample: Path, count: int) -> list[Path]:
    source = (sample / PAGES[1]).read_text(encoding="utf-8")
    files = []
    for number in range(count):
        page = sample / "content" / "blog" / f"copy-{number}" / "index.de.md"
        page.parent.mkdir(parents=True)
        page.write_text(source.replace("Remote", f"Remote {number}"), encoding="utf-8")
        files.append(page)
    return files


def test_a_long_list_is_shared_with_forked_children(sample, capsys, monkeypatch) -> None:
    files = _many_pages(sample, 20)
    expected = _expected(files)
    capsys.readouterr()
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    forks: list[int] = []
    real_fork = __import__("os").fork
    monkeypatch.setattr("os.fork", lambda: forks.append(1) or real_fork())
    assert main(["render", *map(str, files)]) == 0
    assert capsys.readouterr().out == expected  # the same HTML, in the order given
    assert forks == [1]  # one child on two cores; this process rendered the other half


def test_a_page_that_fails_in_a_child_is_reported_by_the_parent(sample, capsys, monkeypatch) -> None:
    files = _many_pages(sample, 20)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    files[1].write_bytes(b"---\ntitle: x\n---\n\xff\xfe bad bytes")  # in the child's share
    capsys.readouterr()
    status = main(["render", *map(str, files)])
    captured = capsys.readouterr()
    assert status != 0
    assert "copy-1" in captured.err and captured.out == ""


def test_render_leaves_the_garbage_collector_as_it_found_it(sample, capsys) -> None:
    import gc

    assert gc.isenabled()
    assert main(["render", str(sample / PAGES[0])]) == 0
    assert gc.isenabled()
    assert main(["render", str(sample / "content/nope.md")]) == 2
    assert gc.isenabled()


def test_the_command_prints_every_page_before_it_leaves(sample, tmp_path) -> None:
    """`writer render` as a process leaves without tearing the interpreter down: every page's
    HTML must be out first, in order, whatever the pipe's reader does."""
    import subprocess
    import sys

    files = _many_pages(sample, 20)
    expected = _expected(files)
    done = subprocess.run([sys.executable, "-m", "writer", "render", *map(str, files)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected
    head = subprocess.run(f'"{sys.executable}" -m writer render {" ".join(map(str, files))} | head -c 10',
                          shell=True, capture_output=True, text=True, check=False)
    assert head.stdout == expected[:10] and "Traceback" not in head.stderr
