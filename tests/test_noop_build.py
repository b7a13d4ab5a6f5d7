"""A build with nothing to do reads no record and imports no model (pydantic, the templates' engine):
it needs a list of files and an id pattern only (bench/protocols_bench.py times it)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from conftest import ROOT


def test_a_noop_build_imports_no_model(mun4_records, tmp_path):
    out = tmp_path / "protocols"
    code = textwrap.dedent(f"""\
        import sys
        from nor_docs.cli import cli
        try:
            cli.main(["build", "protocols", "--records", {str(mun4_records)!r}, "--out", {str(out)!r},
                      "--templates", {str(ROOT / "templates")!r}, "--no-progress"], standalone_mode=False)
        except SystemExit as done:
            print("EXIT", done.code, file=sys.stderr)
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "docx", "docxtpl", "jinja2", "yaml"))
        print("HEAVY", heavy, file=sys.stderr)
        """)  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert "EXIT 0" in first.stderr and "pydantic" in first.stderr, first.stderr  # the first build does load
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert "EXIT 0" in again.stderr and "HEAVY []" in again.stderr, again.stderr
