"""The shape of the package (docs/architecture.md): stages in one order, and imports only ever run
down that order — a stage may import the foundation and the stages before it, never one after it.

Every module's imports are read with ``ast`` (those inside functions too), each is mapped to the
package it belongs to, and an import of a later package fails the test with the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "nor_docs"

# The order of the packages: each may import those before it (and itself), never those after.
# The foundation (rank 0) imports only the foundation.
ORDER = {
    "diagnostics": 0, "exitcodes": 0, "near": 0, "russian": 0, "outputs": 0,
    "source": 1,
    "model": 2,
    "control": 3,
    "checks": 4,
    "pipeline": 5,
    "analytics": 6,
    "report": 7,
    "render": 8,
    "build": 9,
    "scaffold": 10,
    "importer": 11,
    "cli": 12, "__main__": 12,
}  # fmt: skip
DATA = {"schemas", "office", "__pycache__"}  # package data, not code


def package_of(module: str) -> str | None:
    """``nor_docs.control.status`` → ``control``; ``nor_docs`` itself → None."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "nor_docs" else None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of nor-docs in the file."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "nor_docs":  # «from .. import names»: the modules (or ``__version__``)
                found += [(node.lineno, f"nor_docs.{alias.name}") for alias in node.names
                          if (PACKAGE / alias.name).is_dir() or (PACKAGE / f"{alias.name}.py").is_file()]
            elif target.startswith("nor_docs."):
                found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("nor_docs.")]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if not DATA & set(p.relative_to(PACKAGE).parts))


def test_every_package_has_a_place_in_the_order():
    packages = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES} - {"__init__"}
    assert packages <= set(ORDER), f"not in ORDER (and docs/architecture.md): {sorted(packages - set(ORDER))}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_imports_run_down_the_order(path):
    own = package_of(module_name(path))
    if own is None:  # nor_docs/__init__.py: the map, imports nothing
        assert not imports(path)
        return
    upward = [f"{path.relative_to(PACKAGE.parent)}:{line}: {own} imports {target} ({package_of(target)})"
              for line, target in imports(path)
              if package_of(target) is not None and ORDER[package_of(target)] > ORDER[own]]  # fmt: skip
    assert not upward, "\n".join(upward)


def test_every_package_says_what_it_is_for():
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        if init.parent.name in DATA:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 20, f"{init.relative_to(PACKAGE.parent)}: no docstring saying its job"
