"""The benchmarks' generated records are valid records: a new check that rejects them would make a
benchmark measure error reporting instead of the work (or, as once happened, fill a pipe and hang).
Each generator runs at a reduced size that still spans more than a year of meeting dates."""

from __future__ import annotations

import pytest
from conftest import ROOT, load_script

from nor_docs.pipeline import load_checked as load_and_validate

BENCH = ROOT / "bench"


@pytest.mark.parametrize(
    ("script", "make"),
    [
        ("generate", lambda m, root: m.generate(root, 600)),  # make bench-protocols
        ("gen_corpus", lambda m, root: m.generate(root, 600)),  # make bench-validate
        ("check_bench", lambda m, root: m.generate(root, 600)),  # make bench-check
        ("roadmap_bench", lambda m, root: m.write_roadmap_records(root, 300)),  # make bench-roadmaps
    ],
)
def test_generated_records_have_no_problem_at_all(tmp_path, monkeypatch, script, make):
    monkeypatch.syspath_prepend(str(BENCH))  # the scripts import each other, as they run from bench/
    root = tmp_path / "records"
    make(load_script(BENCH / f"{script}.py"), root)
    _records, found = load_and_validate(root)
    # Decisions without a deadline are generated on purpose (the default deadline is part of the
    # work measured); since issue 14 each is warned about (NOR209), and that is all.
    assert [d.as_text() for d in found if d.code != "NOR209"] == []
