"""The shape of the package (docs/architecture.md): stages in one order, verticals beside them, and
imports that only ever run down — a package imports the foundation, the stages before it and the
verticals it is declared to use, never a stage after it.

Every module's imports are read with ``ast`` (those inside functions too, and ``TYPE_CHECKING``
blocks), each is mapped to the package it belongs to, and an import that is not allowed fails the
test naming the file, the line, the import and what the importing package may import instead.
Every package says its job in ``__init__.py`` (the stage's number in the order, or «Vertical»,
or «foundation»), and every module has a docstring whose first sentence says what it is for.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "nor_docs"
DATA = {"schemas", "office", "__pycache__"}  # package data, not code

# The foundation: what every stage uses and which knows nothing of records' stages — messages and
# their codes, exit codes, the Russian language, writing outputs. It imports only the foundation.
FOUNDATION = ("diagnostics", "exitcodes", "russian", "outputs")

# The stages, in the order the imports run (stage N may import stages 1…N-1 and the foundation).
# ``control`` (deadlines on dates, statuses, links) comes before ``checks``: it is computed from the
# model alone, and the checks place deadlines on dates with it (NOR108, NOR204) and find the
# assignments marks refer to; at run time commands call it on records ``pipeline`` has checked.
STAGES = ("source", "model", "control", "checks", "pipeline", "report", "render", "build", "cli")
ENTRY = {"__main__": "cli"}  # ``python -m nor_docs`` is the command line


@dataclass(frozen=True)
class Vertical:
    """A feature beside the stages: the packages it stands on, and the packages that use it."""

    uses: frozenset[str]
    used_by: frozenset[str]


def vertical(uses: set[str], used_by: set[str]) -> Vertical:
    return Vertical(frozenset(uses), frozenset(used_by))


VERTICALS = {
    # Assessment results (CSV/XLSX) read, checked against the directory, schools identified by a
    # rule: its own loading and model beside the records'. Rendered as the analytic report
    # (render/analysis_view, a protocol's cited evidence), drafts made from it (scaffold).
    "analytics": vertical(uses={"source", "model"}, used_by={"render", "scaffold", "cli"}),
    # New records and repositories: it reads and writes records, and ``init`` copies the shipped
    # templates, whose place build/templates.py knows (``SHIPPED``).
    "scaffold": vertical(uses={"source", "model", "analytics", "build"}, used_by={"importer", "cli"}),
    # An office's existing papers turned into record drafts, written with scaffold's schema line.
    "importer": vertical(uses={"source", "model", "scaffold"}, used_by={"cli"}),
}

# Imports allowed although the order forbids them: (importing module, imported module) → why.
# None today; an entry here is a debt to pay by moving code, not a way to silence the test.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def allowed(package: str) -> frozenset[str]:
    """The packages ``package`` may import besides itself."""
    package = ENTRY.get(package, package)
    users_of = {name for name, v in VERTICALS.items() if package in v.used_by}
    if package in FOUNDATION:
        return frozenset(FOUNDATION)
    if package in VERTICALS:
        return frozenset(FOUNDATION) | VERTICALS[package].uses | users_of
    return frozenset(FOUNDATION) | set(STAGES[: STAGES.index(package)]) | users_of


def package_of(module: str) -> str | None:
    """``nor_docs.control.status`` → ``control``; ``nor_docs`` itself → None."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "nor_docs" else None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of nor-docs in ``source``, wherever it stands."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
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


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """«line: module imports target — why not» for every import ``module`` may not make."""
    own = package_of(module)
    own = ENTRY.get(own, own) if own else own
    if own is None:  # nor_docs/__init__.py: the map, imports nothing
        return [f"{line}: {module} imports {target} — the package's __init__ imports nothing"
                for line, target in imports(source, module, is_package)]
    may = allowed(own)
    return [f"{line}: {module} imports {target} — {own} may not import {package_of(target)} "
            f"(it may import: {', '.join(sorted(may))})"
            for line, target in imports(source, module, is_package)
            if package_of(target) not in (None, own) and package_of(target) not in may
            and (module, target) not in EXCEPTIONS]  # fmt: skip


def imports_of(path: Path) -> list[tuple[int, str]]:
    return imports(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if not DATA & set(p.relative_to(PACKAGE).parts))
PACKAGES = sorted({p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES} - {"__init__"})


def test_every_package_has_a_place_in_the_order():
    placed = set(FOUNDATION) | set(STAGES) | set(VERTICALS) | set(ENTRY)
    missing = sorted(set(PACKAGES) - placed)
    assert not missing, (f"not placed in FOUNDATION, STAGES or VERTICALS of tests/test_architecture.py "
                         f"(and docs/architecture.md): {missing}")  # fmt: skip
    assert not set(STAGES) & set(VERTICALS) and not set(FOUNDATION) & (set(STAGES) | set(VERTICALS))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_imports_run_down_the_order(path):
    wrong = violations(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    assert not wrong, "\n".join(f"{path.relative_to(PACKAGE.parent)}:{line}" for line in wrong)


def test_the_exceptions_are_still_needed():
    """An exception whose import has gone (the code was moved) is removed from the list."""
    present = {(module_name(p), target) for p in MODULES for _, target in imports_of(p)}
    stale = sorted(set(EXCEPTIONS) - present)
    assert not stale, f"EXCEPTIONS no longer needed: {stale}"


def test_what_the_verticals_declare_is_what_they_do():
    """A vertical's ``uses`` and ``used_by`` are the imports it has today — an allowance nothing
    uses any more is taken out, so the declaration stays the map of the code."""
    edges = {(ENTRY.get(a, a), b) for p in MODULES for _, t in imports_of(p)
             if (a := package_of(module_name(p))) and (b := package_of(t)) and a != b}  # fmt: skip
    unused = [f"{name} uses {other}" for name, v in VERTICALS.items() for other in sorted(v.uses)
              if (name, other) not in edges]
    unused += [f"{name} is used by {other}" for name, v in VERTICALS.items() for other in sorted(v.used_by)
               if (other, name) not in edges]
    assert not unused, f"VERTICALS declares imports the code does not make: {unused}"


def test_the_check_catches_an_upward_import():
    """The rule itself: an import up the order is caught inside a function and under TYPE_CHECKING,
    with the line and what the package may import instead; one down the order is not."""
    source = ("from typing import TYPE_CHECKING\n"
              "from .common import Strict\n"
              "from ..russian.dates import parse_date\n"
              "if TYPE_CHECKING:\n"
              "    from ..control.status import ControlItem\n"
              "def view():\n"
              "    from ..render import protocol_view\n"
              "    import nor_docs.cli.root\n")  # fmt: skip
    found = violations(source, "nor_docs.model.meeting")
    assert [line.split(":")[0] for line in found] == ["5", "7", "8"], found
    assert found[1].startswith("7: nor_docs.model.meeting imports nor_docs.render — model may not import render")
    assert "it may import: diagnostics, exitcodes, outputs, russian, source" in found[1]
    assert violations("from ..model.common import Strict\n", "nor_docs.checks.x") == []
    assert violations("from ..checks import run_checks\n", "nor_docs.control.x")  # checks come after control
    assert violations("from ..build.templates import SHIPPED\n", "nor_docs.render.x")
    assert not violations("from ..analytics.model import Rule\n", "nor_docs.render.x")  # a declared user
    assert violations("from ..analytics.model import Rule\n", "nor_docs.checks.x")
    assert violations("from ..importer import importing\n", "nor_docs.scaffold.x")
    assert violations("from .. import pipeline\n", "nor_docs.source.x")
    assert not violations("from .cli import main\n", "nor_docs.__main__")


def docstring(path: Path) -> str | None:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))


def test_every_package_says_what_it_is_for_and_where_it_stands():
    for package in sorted(set(PACKAGES) - set(ENTRY)):
        init = PACKAGE / package / "__init__.py"
        path = init if init.is_file() else PACKAGE / f"{package}.py"
        doc = docstring(path) or ""
        where = path.relative_to(PACKAGE.parent)
        assert len(doc.split()) >= 20, f"{where}: no docstring saying its job"
        if package in STAGES:
            stage = f"Stage {STAGES.index(package) + 1}, {package}"
            assert doc.startswith(stage), f"{where}: the docstring does not begin «{stage}»"
        elif package in VERTICALS:
            assert doc.startswith("Vertical:"), f"{where}: the docstring does not begin «Vertical:»"
        elif package in FOUNDATION:
            assert "foundation" in doc.split("\n\n")[0], f"{where}: the first paragraph does not say «foundation»"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_every_module_says_what_it_is_for(path):
    doc = docstring(path)
    assert doc and len(doc.split()) >= 5, f"{path.relative_to(PACKAGE.parent)}: no docstring saying what it is for"


# A file named in a docstring: ``render/build.py``, ``nor_docs/commands/analytics.py``, ``layout.py``.
NAMED_FILE = re.compile(r"``((?:nor_docs/)?[a-z_]+(?:/[a-z_]+)*\.py)``|(?<![\w/.])(nor_docs/[a-z_]+(?:/[a-z_]+)*(?:\.py)?)")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_files_a_docstring_names_exist(path):
    """A module moved or renamed leaves no docstring (of the module, a class or a function) and no
    comment pointing at its old place."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docs = [ast.get_docstring(node) or "" for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))]
    comments = [line.partition("#")[2] for line in source.splitlines() if "#" in line]
    doc = "\n".join(docs + comments)
    missing = []
    for match in NAMED_FILE.finditer(doc):
        written = match.group(1) or match.group(2)
        name = written.removeprefix("nor_docs/")
        candidates = [PACKAGE / name] if written.startswith("nor_docs/") else [
            PACKAGE / name, path.parent / name, PACKAGE.parent / name,
            *(PACKAGE.rglob(name) if "/" not in name else ())]  # a bare ``layout.py``: a module of that name
        if not any(c.exists() for c in candidates):
            missing.append(match.group(0))
    assert not missing, f"{path.relative_to(PACKAGE.parent)} names files that do not exist: {missing}"
