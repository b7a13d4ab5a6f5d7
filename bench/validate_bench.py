"""Benchmark `nor-docs validate` on 1,000 meeting files with 10,000 assignments (issue 2, «Speed»).

Usage: ``python bench/validate_bench.py [--runs N] [--against REV] [--check]``.

Generates the corpus (``bench/gen_corpus.py``) under ``bench/out/corpus`` unless it is there,
then runs ``nor-docs validate`` on it as a fresh process N times — wall time includes the
interpreter start and every import — and reports the median (and min/max, CPU time). In the
same run, for comparison on a shared, noisy machine: ``nor-docs --help`` and a bare
``python -c pass`` — interleaved, one of
each per round, so that they all meet the same moments of load. Finally checks that
``validate`` and ``--help`` do not import python-docx or docxtpl. ``--against REV`` also times
the code of a git revision (say, the one before an optimisation) on the same corpus in the same
run. ``--check`` exits 1 when the median misses the target (1 s) or a heavy module is imported.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "out" / "corpus"
TARGET_SECONDS = 1.0
HEAVY = ("docx", "docxtpl", "lxml", "pytrovich", "pymorphy3", "holidays", "icalendar", "jinja2")


def nor_docs() -> list[str]:
    script = Path(sys.executable).parent / "nor-docs"
    return [str(script)] if script.exists() else [sys.executable, "-m", "nor_docs"]


def ensure_corpus() -> dict:
    """The corpus, generated afresh when missing or when the generator changed."""
    source = (HERE / "gen_corpus.py").read_bytes()
    marker = CORPUS / ".stats.json"
    version = hashlib.sha256(source).hexdigest()
    if marker.exists():
        saved = json.loads(marker.read_text())
        if saved.get("generator") == version:
            return saved
    spec = importlib.util.spec_from_file_location("gen_corpus", HERE / "gen_corpus.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)  # type: ignore[union-attr]
    stats = {**gen.generate(CORPUS), "generator": version}
    marker.write_text(json.dumps(stats))
    return stats


def run_once(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall time of one run, and the CPU time (user+sys) the process used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)}: exit {done.returncode}\n{done.stderr.decode()}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def interleaved(commands: dict[str, tuple[list[str], dict | None]], runs: int) -> dict[str, tuple[list[float], float]]:
    """Every command once per round, ``runs`` rounds: on a shared machine all of them meet the
    same moments of load, so their ratios hold even when the absolute times wander."""
    walls: dict[str, list[float]] = {label: [] for label in commands}
    cpus: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, (command, env) in commands.items():
            wall, cpu = run_once(command, env)
            walls[label].append(wall)
            cpus[label].append(cpu)
    return {label: (walls[label], statistics.median(cpus[label])) for label in commands}


# Runs the nor-docs of another source tree: the editable install's finder would import ours.
OTHER_TREE = """
import sys
sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f).lower()
                 and "editable" not in getattr(type(f), "__module__", "").lower()]
sys.path.insert(0, sys.argv.pop(1))
from nor_docs.cli import main
sys.argv = ["nor-docs"] + sys.argv[1:]
main()
"""


def tree_of(rev: str, into: Path) -> Path:
    root = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=HERE, capture_output=True, text=True,
                          check=True).stdout.strip()  # fmt: skip
    archive = subprocess.run(["git", "archive", rev], cwd=root, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def imported_heavy(args: list[str]) -> list[str]:
    probe = (
        "import json, sys\nfrom nor_docs.cli import cli\n"
        f"try:\n    cli.main({args!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def line(label: str, walls: list[float], cpu: float) -> str:
    return (f"  {label:<34} median {statistics.median(walls):6.3f} s   min {min(walls):6.3f}   "
            f"max {max(walls):6.3f}   cpu {cpu:6.3f} s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", metavar="REV", help="also time the code of this git revision")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args()
    stats = ensure_corpus()
    print(f"validate benchmark: {stats['files']} files ({stats['meetings']} meetings, {stats['assignments']} "
          f"assignments, {stats['marks']} marks), {stats['bytes']:,} bytes; {os.cpu_count()} cores; "
          f"{args.runs} interleaved rounds")  # fmt: skip
    validate = nor_docs() + ["validate", "--records", str(CORPUS)]
    run_once(validate)  # warm the page cache
    commands: dict[str, tuple[list[str], dict | None]] = {
        "validate": (validate, None),
        "nor-docs --help": (nor_docs() + ["--help"], None),
        "python -c pass": ([sys.executable, "-c", "pass"], None),
    }
    with tempfile.TemporaryDirectory() as tmp:
        if args.against:
            tree = tree_of(args.against, Path(tmp))
            other = [sys.executable, "-c", OTHER_TREE, str(tree), "validate", "--records", str(CORPUS)]
            commands[f"validate at {args.against}"] = (other, None)
        results = interleaved(commands, args.runs)
    for label, (walls, cpu) in results.items():
        print(line(label, walls, cpu))
    median = statistics.median(results["validate"][0])
    if args.against:
        then = statistics.median(results[f"validate at {args.against}"][0])
        print(f"  now vs {args.against}: {then / median:.2f}× faster")
    heavy = {" ".join(a): imported_heavy(a) for a in (["--help"], ["validate", "--records", str(CORPUS)])}
    for command, modules in heavy.items():
        print(f"  nor-docs {command.split(' --records')[0]}: heavy modules imported: {modules or 'none'}")
    met = median < TARGET_SECONDS
    print(f"target: validate under {TARGET_SECONDS:.0f} s wall, interpreter start included — "
          f"{'met' if met else 'MISSED'} (median {median:.3f} s)")  # fmt: skip
    if args.check and (not met or any(heavy.values())):
        sys.exit(1)


if __name__ == "__main__":
    main()
