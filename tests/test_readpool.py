"""Reading in two processes gives exactly what reading in one does, and survives a failing worker."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import load_script

from nor_docs.pipeline import load_checked as load_and_validate
from nor_docs.source import readpool

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "bad"


def load_generator():
    return load_script(ROOT / "bench" / "gen_corpus.py")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A generated records folder of 40 meetings with bad files from tests/bad mixed in."""
    root = tmp_path_factory.mktemp("corpus") / "records"
    stats = load_generator().generate(root, meetings=40, per_meeting=10)
    assert stats["assignments"] == 400
    shutil.copyfile(BAD / "_base" / "directory" / "base.yaml", root / "directory" / "base.yaml")
    for case in ("duplicate-key", "unknown-references", "not-utf8", "alias-bomb", "misspelt-organisation",
                 "mixed-script-words"):
        source = BAD / case / "meetings" / "2024-02-01-wg.yaml"
        shutil.copyfile(source, root / "meetings" / f"2024-02-01-{case}.yaml")
    return root


def run(root: Path, monkeypatch, jobs: str):
    monkeypatch.setenv("NOR_DOCS_JOBS", jobs)
    monkeypatch.setattr(readpool, "MIN_BYTES", 0)
    return load_and_validate(root, display_root="records")


def summary(records, found):
    return (
        [(d.file, d.line, d.column, d.code, d.message) for d in found],
        sorted(records.meetings),
        [s.path for s in records.sources],
        [(s.data, list(s.values), list(s.keys), list(s.sizes), s.placeholders) for s in records.sources],
    )


def test_two_processes_read_exactly_what_one_does(corpus, monkeypatch):
    serial = summary(*run(corpus, monkeypatch, "1"))
    parallel = summary(*run(corpus, monkeypatch, "2"))
    assert parallel == serial
    codes = {d[3] for d in serial[0]}
    assert {"NOR002", "NOR006", "NOR007", "NOR104", "NOR202", "NOR208"} <= codes


def test_the_worker_is_used_for_a_large_folder(corpus, monkeypatch):
    jobs = [(p, p.name) for p in sorted((corpus / "meetings").iterdir())]
    monkeypatch.delenv("NOR_DOCS_JOBS", raising=False)
    assert readpool._worth_a_worker(jobs, 0)
    assert not readpool._worth_a_worker(jobs[:5], 0)  # too few files to be worth a fork
    assert not readpool._worth_a_worker(jobs, 10**9)  # too few bytes
    monkeypatch.setenv("NOR_DOCS_JOBS", "1")
    assert not readpool._worth_a_worker(jobs, 0)


def test_both_ends_are_read_and_meet(corpus, monkeypatch):
    """The worker takes chunks from the back while this process takes them from the front."""
    monkeypatch.setenv("NOR_DOCS_JOBS", "2")
    jobs = [(p, p.name) for p in sorted((corpus / "meetings").iterdir())]
    parent = os.getpid()
    real = readpool.read_source
    read_here = []

    def noting(path, shown):
        if os.getpid() == parent:
            read_here.append(shown)
        return real(path, shown)

    monkeypatch.setattr(readpool, "read_source", noting)
    got = {i: source.path if source else found[0].file for i, (source, found) in readpool.read_sources(jobs, 0)}
    assert sorted(got) == list(range(len(jobs)))  # each once
    assert [got[i] for i in range(len(jobs))] == [shown for _, shown in jobs]
    assert read_here and read_here == [shown for _, shown in jobs[: len(read_here)]]  # a prefix
    assert len(read_here) < len(jobs)  # the rest came from the worker


def test_a_dying_worker_leaves_its_files_to_this_process(corpus, monkeypatch):
    expected = summary(*run(corpus, monkeypatch, "1"))
    parent = os.getpid()
    real = readpool.read_source
    calls = {"n": 0}

    def dies_in_the_worker(path, shown):
        if os.getpid() != parent:
            calls["n"] += 1
            if calls["n"] > 40:  # after a chunk or so
                os._exit(3)
        return real(path, shown)

    monkeypatch.setattr(readpool, "read_source", dies_in_the_worker)
    assert summary(*run(corpus, monkeypatch, "2")) == expected


def test_an_abandoned_read_stops_the_worker(corpus, monkeypatch):
    monkeypatch.setenv("NOR_DOCS_JOBS", "2")
    jobs = [(p, p.name) for p in sorted((corpus / "meetings").iterdir())]
    results = readpool.read_sources(jobs, min_bytes=0)
    next(results)
    pid = results.gi_frame.f_locals["worker"].pid
    assert pid is not None
    results.close()  # the finally clause kills and reaps the worker
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_prefetch_started_before_loading_gives_the_same_result(corpus, monkeypatch):
    expected = summary(*run(corpus, monkeypatch, "1"))
    monkeypatch.setenv("NOR_DOCS_JOBS", "2")
    readpool.prefetch(corpus, display_root="records")
    assert readpool._prefetched is not None
    assert summary(*load_and_validate(corpus, display_root="records")) == expected
    assert readpool._prefetched is None  # taken


def test_prefetch_for_other_files_is_dropped(corpus, monkeypatch):
    expected = summary(*run(corpus, monkeypatch, "1"))
    monkeypatch.setenv("NOR_DOCS_JOBS", "2")
    readpool.prefetch(corpus, display_root="elsewhere")  # other names: not the same jobs
    assert summary(*load_and_validate(corpus, display_root="records")) == expected


def test_cli_validate_on_a_large_folder_matches_one_process(corpus, monkeypatch, runner):
    from nor_docs.cli import cli

    monkeypatch.setattr(readpool, "MIN_BYTES", 0)
    monkeypatch.chdir(corpus.parent)
    monkeypatch.setenv("NOR_DOCS_JOBS", "1")
    one = runner.invoke(cli, ["validate", "--records", "records"])
    monkeypatch.setenv("NOR_DOCS_JOBS", "2")
    two = runner.invoke(cli, ["validate", "--records", "records"])
    assert (two.exit_code, two.output) == (one.exit_code, one.output)
    assert one.exit_code == 2 and "NOR202" in one.output


def test_no_worker_is_forked_while_threads_run(corpus, monkeypatch):
    import threading

    monkeypatch.delenv("NOR_DOCS_JOBS", raising=False)
    jobs = [(p, p.name) for p in sorted((corpus / "meetings").iterdir())]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not readpool._worth_a_worker(jobs, 0)
    finally:
        stop.set()
        thread.join()
    assert readpool._worth_a_worker(jobs, 0)
