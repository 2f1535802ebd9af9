"""Front matter values read by Writer have the types Hugo gives them (and duplicate keys fail)."""

from __future__ import annotations

import datetime as dt
import html
import subprocess
from pathlib import Path

import pytest
from hugo_build import hugo_binary

from writer.core.document import Page
from writer.core.errors import WriterError

# Plain scalars where YAML 1.1 (PyYAML's default) and Hugo's YAML library disagree, and some
# where they agree, as `key: text` lines of a nested map.
VALUES = {
    "sexagesimal": "1:30", "octal_o": "0o14", "octal_zero": "014", "hex": "0x1F",
    "underscore": "1_000", "dot_float": ".5", "plus_int": "+1", "yes_word": "Yes",
    "upper_true": "TRUE", "exp_no_dot": "1e3", "exp_float": "1.5e+3", "infinity": ".inf",
    "null_word": "Null", "tilde": "~", "on_word": "on", "off_word": "off", "y_letter": "y",
    "binary": "0b101", "minus_zero": "-0", "bad_octal": "08", "equals": "=", "no_word": "no",
    "exp_unsigned": "1.5e3", "exp_upper": "1.5E3", "neg_dot": "-.5", "plus_dot": "+.5",
}
LAYOUT = '{{ range $k, $v := .Params.extra }}{{ $k }}={{ printf "%T" $v }}\n{{ end }}'
GO_TYPES = {"string": str, "uint64": int, "int64": int, "int": int, "float64": float, "bool": bool,
            "<nil>": type(None)}


def _site(root: Path, front_matter: str) -> Path:
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "layouts" / "_default" / "single.html").write_text(LAYOUT, encoding="utf-8")
    (root / "content").mkdir()
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home"]\n',
        encoding="utf-8",
    )
    page = root / "content" / "values.md"
    page.write_text(f"---\n{front_matter}---\nText.\n", encoding="utf-8")
    return page


def _hugo(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(hugo_binary()), "--source", str(root), "--logLevel", "error"],
                          capture_output=True, text=True, timeout=120)


def test_plain_scalars_have_hugos_types(tmp_path: Path) -> None:
    lines = "".join(f"  {key}: {text}\n" for key, text in VALUES.items())
    page = _site(tmp_path, f"title: values\nextra:\n{lines}  on: key\n")
    proc = _hugo(tmp_path)
    assert proc.returncode == 0, proc.stderr
    published = (tmp_path / "public" / "values" / "index.html").read_text(encoding="utf-8")
    hugo_types = dict(line.split("=", 1) for line in html.unescape(published).split() if "=" in line)
    ours = Page.load(page).front_matter.get("extra")
    assert set(ours) == set(VALUES) | {"on"}  # `on:` is a key named "on", not True
    for key in VALUES:
        assert type(ours[key]) is GO_TYPES[hugo_types[key.lower()]], (key, VALUES[key], ours[key])
    assert ours["sexagesimal"] == "1:30" and ours["octal_o"] == 12 and ours["yes_word"] == "Yes"


def test_unquoted_dates_stay_dates_for_the_form(tmp_path: Path) -> None:
    """A known difference: Hugo hands a nested unquoted date to templates as text."""
    page = _site(tmp_path, "title: d\nextra:\n  when: 2024-01-02\n")
    assert Page.load(page).front_matter.get("extra") == {"when": dt.date(2024, 1, 2)}


def test_a_key_written_twice_fails_in_both(tmp_path: Path) -> None:
    page = _site(tmp_path, "title: first\ndraft: false\ntitle: second\n")
    proc = _hugo(tmp_path)
    assert proc.returncode != 0 and 'mapping key "title" already defined' in proc.stderr + proc.stdout
    loaded = Page.load(page)
    error = loaded.front_matter.error
    assert error is not None and error.line == 4 and "'title' is written a second time" in error.message
    with pytest.raises(WriterError, match="written a second time"):
        loaded.set("title", "third")
    assert page.read_text(encoding="utf-8").startswith("---\ntitle: first\n")


def test_merge_keys_are_not_duplicates(tmp_path: Path) -> None:
    page = _site(tmp_path, "title: m\nextra:\n  base: &base {x: 1}\n  mid: &mid {<<: *base, x: 2}\n  <<: *mid\n")
    proc = _hugo(tmp_path)
    assert proc.returncode == 0, proc.stderr
    published = html.unescape((tmp_path / "public" / "values" / "index.html").read_text(encoding="utf-8"))
    assert "x=int" in published or "x=uint64" in published
    loaded = Page.load(page)
    assert loaded.front_matter.error is None and loaded.front_matter.get("extra")["x"] == 2
