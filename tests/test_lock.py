"""The lock: every install of nor-docs uses the versions of uv.lock, exported with hashes for pip.

``make lock`` writes uv.lock and its two exports together; these tests fail when one of them was
edited or refreshed without the others, or when pyproject.toml asks for a package the lock
does not hold.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, set[str]]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for package in lock["package"]:
        if "version" in package:
            found.setdefault(_norm(package["name"]), set()).add(package["version"])
    return found


def _exported(name: str) -> dict[str, set[str]]:
    pins: dict[str, set[str]] = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins.setdefault(_norm(match.group(1)), set()).add(match.group(2))
    return pins


@pytest.mark.parametrize("export", ["requirements.lock", "requirements-dev.lock"])
def test_each_export_pins_exactly_what_uv_lock_holds_with_hashes(export):
    locked = _locked()
    pins = _exported(export)
    assert pins, f"{export} pins nothing"
    for name, versions in pins.items():
        assert versions <= locked.get(name, set()), f"{export}: {name} {versions} is not what uv.lock holds"
    text = (ROOT / export).read_text(encoding="utf-8")
    # every requirement carries at least one hash: pip installs it with --require-hashes
    for block in re.split(r"\n(?=[A-Za-z])", text.strip()):
        if PIN.match(block):
            assert "--hash=sha256:" in block, block.splitlines()[0]


def test_every_dependency_of_pyproject_is_locked_and_exported():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = project["project"]["dependencies"] + project["project"]["optional-dependencies"]["test"]
    runtime += project["dependency-groups"]["build"]
    dev = runtime + [d for extra in ("lint", "docs") for d in project["project"]["optional-dependencies"][extra]]
    for export, wanted in (("requirements.lock", runtime), ("requirements-dev.lock", dev)):
        pins = _exported(export)
        for requirement in wanted:
            name = _norm(re.match(r"[A-Za-z0-9_.-]+", requirement).group())
            assert name in pins, f"{requirement} of pyproject.toml is not in {export}: run make lock"


def test_the_makefile_installs_from_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in makefile
    assert "--no-deps --no-build-isolation -e ." in makefile
