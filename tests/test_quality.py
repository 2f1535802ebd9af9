"""The project's own rules: ruff clean, and no Qt import anywhere in writer.core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_ruff_is_clean() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format", "concise", "writer", "tests", "benchmarks"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_never_imports_qt() -> None:
    proc = subprocess.run(["lint-imports"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 kept, 0 broken" in proc.stdout


def _imported_top_level_modules() -> set[str]:
    import ast

    names: set[str] = set()
    for path in (ROOT / "writer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def _declared() -> list[str]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 (tomli comes with the test extra there)
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


def _norm(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~;\[ ]", name, maxsplit=1)[0]).lower()


def test_every_declared_dependency_is_imported() -> None:
    """No dead dependency (python-frontmatter was declared and never imported: its YAML 1.1 and
    TOML reading differ from Hugo's, see the README)."""
    from importlib.metadata import packages_distributions

    by_distribution: dict[str, set[str]] = {}
    for module, dists in packages_distributions().items():
        for dist in dists:
            by_distribution.setdefault(_norm(dist), set()).add(module)
    used = _imported_top_level_modules()
    dead = [name for name in _declared() if not by_distribution.get(_norm(name), set()) & used]
    assert dead == [], f"declared in pyproject.toml but imported by no module of writer/: {dead}"


def test_every_imported_library_is_declared_with_a_range() -> None:
    """A fresh machine installs only what pyproject.toml declares: every third-party module
    Writer imports must come from a declared distribution with an upper bound."""
    import re
    from importlib.metadata import packages_distributions

    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    specs = {re.split(r"[<>=!~ \[]", d, maxsplit=1)[0].lower().replace("_", "-"): d for d in declared}
    unbounded = [d for d in declared if "<" not in d]
    assert not unbounded, f"dependencies without an upper bound: {unbounded}"
    owners = packages_distributions()
    third_party = _imported_top_level_modules() - set(sys.stdlib_module_names) - {"writer", "__future__"}
    missing = {}
    for module in sorted(third_party):
        dists = {d.lower().replace("_", "-") for d in owners.get(module, [module])}
        if not dists & specs.keys():
            missing[module] = sorted(dists)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
