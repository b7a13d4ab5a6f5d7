"""Benchmark `nor-docs validate` on a file of 60,000 unknown keys (issue 12, point 8: it took 97 s
while a valid 98 MB file takes 1.8 s — finding each key's line walked the mapping from its start).

Usage: ``python bench/unknown_keys_bench.py [--runs N] [--against REV]``.

Two records folders under ``bench/out/unknown-keys``: one meeting with 60,000 unknown keys at its
top level (about 0.85 MB), and one with 20,000 attendees each holding an unknown key (a list
looked up by position). ``nor-docs validate`` runs on each as a fresh process, N interleaved
rounds; the median wall time is reported, with the number of diagnostics (every key is reported,
with its line). ``--against REV`` also times the code of a git revision on the same folders
(``--against 9636b9a``: before the fix; a run there takes minutes).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "unknown-keys"
BASE = HERE.parent / "tests" / "bad" / "_base"


def _validate_bench():
    spec = importlib.util.spec_from_file_location("validate_bench", HERE / "validate_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def make_folders() -> dict[str, Path]:
    """The two folders (written once; the same bytes every time)."""
    import shutil

    meeting = (BASE / "meetings" / "2024-01-10-wg.yaml").read_text(encoding="utf-8")
    folders = {}
    for name, extra in (
        ("60,000 keys in one mapping", "".join(f"key{i:05d}: {i}\n" for i in range(60_000))),
        ("20,000 items, a key each", "invited:\n" + "".join(
            f"  - person: ivanova\n    seat{i:05d}: {i}\n" for i in range(20_000))),
    ):  # fmt: skip
        root = OUT / name.split(" ")[0].replace(",", "") / "records"
        target = root / "meetings" / "2024-01-10-wg.yaml"
        text = meeting + extra
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(BASE, root)
            target.write_text(text, encoding="utf-8")
        folders[name] = root
    return folders


def interleaved(commands: dict, runs: int) -> dict[str, tuple[list[float], float]]:
    """As ``validate_bench.interleaved``, for runs that report problems (exit code 2; 1 before
    the exit codes were told apart)."""
    import resource
    import time

    walls: dict[str, list[float]] = {label: [] for label in commands}
    cpus: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, (command, env) in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            walls[label].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode not in (1, 2):
                sys.exit(f"{' '.join(command)}: exit {done.returncode}\n{done.stderr.decode()}")
            cpus[label].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {label: (walls[label], statistics.median(cpus[label])) for label in commands}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", metavar="REV", help="also time the code of this git revision")
    args, _rest = parser.parse_known_args()  # bench/run.py passes every benchmark the same options
    vb = _validate_bench()
    folders = make_folders()
    with tempfile.TemporaryDirectory() as tmp:
        commands = {}
        for name, root in folders.items():
            size = (root / "meetings" / "2024-01-10-wg.yaml").stat().st_size
            label = f"{name}, {size / 1e6:.2f} MB"
            commands[label] = (vb.nor_docs() + ["validate", "--records", str(root)], None)
            if args.against:
                tree = Path(tmp) / args.against
                if not tree.exists():
                    tree.mkdir()
                    vb.tree_of(args.against, tree)
                other = [sys.executable, "-c", vb.OTHER_TREE, str(tree), "validate", "--records", str(root)]
                commands[f"  the same at {args.against}" + " " * len(commands)] = (other, None)
        print(f"unknown keys benchmark: {args.runs} interleaved rounds")
        results = interleaved(commands, args.runs)
    for label, (walls, cpu) in results.items():
        print(vb.line(label.rstrip(), walls, cpu))
    for name, root in folders.items():
        done = subprocess.run(vb.nor_docs() + ["validate", "--records", str(root)], capture_output=True, text=True)
        print(f"  {name}: {done.stdout.strip().splitlines()[-1]}")
    medians = [statistics.median(walls) for walls, _cpu in results.values()]
    print(f"  slowest median: {max(medians):.2f} s")


if __name__ == "__main__":
    main()
