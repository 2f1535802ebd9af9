"""No dead dependency: every package pyproject.toml declares for running Writer is imported by some
module of `writer/` (issue 15, point 12: python-frontmatter was declared and never imported)."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")


def declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0] for spec in project["dependencies"]]


def imported_top_levels() -> set[str]:
    names: set[str] = set()
    for file in (ROOT / "writer").rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_declared_dependency_is_imported() -> None:
    by_distribution: dict[str, set[str]] = {}
    for module, dists in packages_distributions().items():
        for dist in dists:
            by_distribution.setdefault(_norm(dist), set()).add(module)
    used = imported_top_levels()
    dead = [name for name in declared() if not by_distribution.get(_norm(name), set()) & used]
    assert dead == [], f"declared in pyproject.toml but imported by no module of writer/: {dead}"


def test_python_frontmatter_is_not_declared() -> None:
    """Its YAML reading is YAML 1.1 (`no` -> False, `1:30` -> 90) and it reads TOML front matter as
    body without the `toml` package; Writer reads front matter the way Hugo does (README)."""
    assert "python-frontmatter" not in [_norm(n) for n in declared()]
