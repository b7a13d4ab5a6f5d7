"""The pool of processes a build renders in, and its progress bar.

Batches of work run in this process when there are few (or one core, or no ``fork``), else in one
forked process per core, which inherits what ``warm`` prepared (imports, compiled templates): the
parent compiles once, the workers only render."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TypeVar

Outcome = TypeVar("Outcome")
Found = TypeVar("Found")


def run_batches(render: Callable[[list[str]], tuple[list[Outcome], list[Found]]], todo: list[str], jobs: int | None,
                progress: Callable[[int, int], None] | None,
                warm: Callable[[], None]) -> tuple[list[Outcome], list[Found]]:  # fmt: skip
    """``render`` every batch of ``todo`` (a module-level function: the workers find it by name):
    in this process for a few, else in one process per core; (outcomes, diagnostics) of them all."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    outcomes: list[Outcome] = []
    found: list[Found] = []
    size = max(1, min(25, -(-len(todo) // (jobs * 4))))
    batches = [todo[i : i + size] for i in range(0, len(todo), size)]
    if jobs == 1 or len(todo) <= 4 or not _can_fork():
        for batch in batches:
            done, problems = render(batch)
            outcomes += done
            found += problems
            if progress:
                progress(len(outcomes), len(todo))
        return outcomes, found
    warm()
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(processes=min(jobs, len(batches)), initializer=_worker_init) as pool:
        for done, problems in pool.imap_unordered(render, batches):
            outcomes += done
            found += problems
            if progress:
                progress(len(outcomes), len(todo))
    return outcomes, found


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _worker_init() -> None:
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C and stops the pool
    gc.freeze()  # objects inherited from the parent are never collected: skip scanning them


def stderr_progress(enabled: bool) -> Callable[[int, int], None] | None:
    """A one-line progress bar on stderr, only when stderr is a terminal and there is enough work."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total <= 8:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show
