"""The CommonMark spec's examples and Goldmark's own extension test cases, read from the copies in
tests/fixtures/spec-suites/ (licences beside them), as {name: Markdown}."""

from __future__ import annotations

import re
from pathlib import Path

SUITES = Path(__file__).resolve().parents[1] / "fixtures" / "spec-suites"
_SPEC_EXAMPLE = re.compile(r"^`{32} example\n(.*?)^\.\n.*?^`{32}$", re.S | re.M)
_GOLDMARK_CASE = re.compile(
    r"^(\d+)(?::[^\n]*)?\n(?:\s*OPTIONS: (?P<options>[^\n]*)\n)?//- - - - - - - - -//\n(?P<input>.*?)"
    r"//- - - - - - - - -//\n.*?//= = = = = = = = = = = = = = = = = = = = = = = =//",
    re.S | re.M,
)
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|[ntfr\\])")
_ESCAPES = {"n": "\n", "t": "\t", "f": "\f", "r": "\r", "\\": "\\"}


def spec_examples() -> dict[str, str]:
    """The spec's 655 examples (a `→` in the spec stands for a tab)."""
    text = (SUITES / "spec.txt").read_text(encoding="utf-8")
    return {
        f"spec-{number:03d}": match.group(1).replace("→", "\t")
        for number, match in enumerate(_SPEC_EXAMPLE.finditer(text), start=1)
    }


def _unescape(text: str) -> str:
    """Goldmark's `enableEscape` option: `\\x00`, `\\n`, `\\t` … stand for those characters."""
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if code.startswith("x") else _ESCAPES[code]

    return _ESCAPE.sub(one, text)


def goldmark_cases() -> dict[str, str]:
    """Goldmark's extension test cases, named `<file>-<number>`."""
    cases = {}
    for file in sorted((SUITES / "goldmark").glob("*.txt")):
        for match in _GOLDMARK_CASE.finditer(file.read_text(encoding="utf-8")):
            body = match.group("input")
            if "enableEscape" in (match.group("options") or ""):
                body = _unescape(body)
            cases[f"{file.stem}-{int(match.group(1)):03d}"] = body
    return cases
