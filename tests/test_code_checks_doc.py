"""docs/code-checks.md states the level of the code checks (`make lint`): what it says is what
pyproject.toml configures and what the Makefile runs."""

import subprocess
import tomllib

from conftest import ROOT

PAGE = (ROOT / "docs" / "code-checks.md").read_text(encoding="utf-8")
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]


def test_the_page_names_every_mypy_option_turned_on_and_every_strict_module():
    mypy = CONFIG["mypy"]
    turned_on = [option for option, value in mypy.items() if value is True]
    assert "check_untyped_defs" in turned_on
    strict = [o for o in mypy["overrides"] if o.get("disallow_untyped_defs")]
    assert strict
    for override in strict:
        turned_on += [option for option, value in override.items() if value is True]
        assert all(f"`{module}`" in PAGE for module in override["module"]), override["module"]
    assert all(f"`{option}`" in PAGE for option in turned_on), turned_on


def test_the_page_names_the_ruff_rules_and_the_one_left_out():
    lint = CONFIG["ruff"]["lint"]
    assert all(f"`{code}`" in PAGE for code in lint["select"] + lint["ignore"])
    assert f"{CONFIG['ruff']['line-length']} знаков" in PAGE


def test_the_pages_example_runs_what_make_lint_runs():
    dry = subprocess.run(["make", "-n", "lint"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    run = [line for line in dry.splitlines() if line.startswith((".venv/bin/ruff", ".venv/bin/mypy"))]
    shown = [line for line in PAGE.splitlines() if line.startswith(".venv/bin/")]
    assert run == shown == [".venv/bin/ruff check nor_docs tests bench templates", ".venv/bin/mypy"]
