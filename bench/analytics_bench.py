"""Benchmark of the analytics (issue 16, «Performance»): a region's results — 2,000 schools ×
5 years × 30 procedure-subject-grade lines, 300,000 lines — imported, validated and analysed
in ≤ 3 s; the analytic report with charts built in ≤ 5 s (2 cores).

The region is generated once (``bench/gen_results.py``, a known list of 40 schools planted)
under ``bench/out/analytics-region``. Each round runs, as fresh processes (interpreter start
and imports included, as a user meets them), interleaved so that all meet the same moments of
load on a shared machine:

- import: ``nor-docs results import export.csv --skipped-only`` — the office's export (Russian
  headers, school names) → ``records/results/region.csv``, a report of every row (here only the
  skipped rows and the totals are printed);
- analyse: ``nor-docs analyze --format json`` — load the directory and the 300,000 lines with
  positions, validate every line, apply the rule, the nearly list, the JSON;
- report: ``nor-docs build analysis`` — the same, then the DOCX with its 11 charts;
- the baseline: the same identification written plainly — the export read with ``csv``, names
  mapped to ids by a dict, the two criteria by sets — no validation, no positions, no report
  (``--baseline``); and, where pandas is installed (it is not a dependency of nor-docs), the same
  in pandas.

The medians are printed, «import + analyse» against its 3 s and «report» against its 5 s;
``--check`` exits 1 when a target is missed or the lists differ from the planted one.
Usage: ``python bench/analytics_bench.py [--runs 5] [--check] [--pandas-python PATH]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "analytics-region"
RECORDS = OUT / "records"
EXPORT = OUT / "export.csv"
IMPORT_TARGET, REPORT_TARGET = 3.0, 5.0
sys.path.insert(0, str(HERE))


def nor_docs() -> list[str]:
    script = Path(sys.executable).parent / "nor-docs"
    return [str(script)] if script.exists() else [sys.executable, "-m", "nor_docs"]


def ensure_region() -> dict:
    stamp = OUT / "planted.json"
    if stamp.exists():
        return json.loads(stamp.read_text(encoding="utf-8"))
    from gen_results import write_region

    shutil.rmtree(OUT, ignore_errors=True)
    planted = write_region(RECORDS)
    (RECORDS / "results" / "region.csv").unlink()  # the import makes it
    stamp.write_text(json.dumps(planted), encoding="utf-8")
    return planted


def baseline() -> list[str]:
    """The identification written plainly: csv + dicts + sets (the seed 000 rule, 2022–2023)."""
    ids = {}
    for line in (RECORDS / "directory" / "region.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("  - id: "):
            current = line[8:]
        elif line.startswith("    name: "):
            ids[line[10:]] = current
    by_year: dict[tuple, set] = {}
    for row in csv.DictReader(open(EXPORT, encoding="utf-8"), delimiter=";"):
        year = int(row["Год"])
        if year not in (2022, 2023):
            continue
        n, low = int(row["Кол-во участников"]), int(row["Получили «2»"])
        if low * 100 >= 30 * n:
            by_year.setdefault((ids[row["Наименование ОО"]], year), set()).add(
                (row["Процедура"], row["Предмет"], row["Класс"]))  # fmt: skip
    found = {school for (school, _year), keys in by_year.items() if len(keys) >= 2}
    for (school, year), keys in by_year.items():
        if year == 2022 and keys & by_year.get((school, 2023), set()):
            found.add(school)
    return sorted(found)


def pandas_baseline() -> list[str]:
    import pandas as pd

    names = {}
    for line in (RECORDS / "directory" / "region.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("  - id: "):
            current = line[8:]
        elif line.startswith("    name: "):
            names[line[10:]] = current
    frame = pd.read_csv(EXPORT, sep=";", dtype={"Класс": "string"})
    frame = frame[frame["Год"].isin([2022, 2023])]
    frame = frame[frame["Получили «2»"] * 100 >= 30 * frame["Кол-во участников"]].copy()
    frame["school"] = frame["Наименование ОО"].map(names)
    frame["key"] = frame["Процедура"] + "|" + frame["Предмет"] + "|" + frame["Класс"].fillna("")
    per_year = frame.groupby(["school", "Год"])["key"].nunique()
    two = set(per_year[per_year >= 2].index.get_level_values(0))
    both = frame.groupby(["school", "key"])["Год"].nunique()
    same = set(both[both >= 2].index.get_level_values(0))
    return sorted(two | same)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], before=None) -> tuple[float, str, float]:
    """(wall time, stdout, CPU time of the process and its children)."""
    if before:
        before()
    start, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode not in (0,):
        raise SystemExit(f"{' '.join(command[:3])}… failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, done.stdout, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--baseline", choices=("plain", "pandas"), help=argparse.SUPPRESS)
    parser.add_argument("--pandas-python", metavar="PYTHON",
                        help="an interpreter with pandas (a venv of its own: pandas is no dependency of nor-docs)")
    args = parser.parse_args()
    if args.baseline:
        print(json.dumps(baseline() if args.baseline == "plain" else pandas_baseline()))
        return
    planted = ensure_region()
    results = RECORDS / "results" / "region.csv"

    def fresh():
        results.unlink(missing_ok=True)

    pandas_python = args.pandas_python or sys.executable
    has_pandas = subprocess.run([pandas_python, "-c", "import pandas"], capture_output=True).returncode == 0
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "import": (nor_docs() + ["results", "import", "--records", str(RECORDS), str(EXPORT), "--out", "region",
                                     "--skipped-only"], fresh),  # fmt: skip
            "analyse": (nor_docs() + ["analyze", "--records", str(RECORDS), "--format", "json"], None),
            "report": (nor_docs() + ["build", "analysis", "--records", str(RECORDS), "--out", tmp, "--date", "2024-01-15"],
                       None),  # fmt: skip
            "baseline: csv + dict": ([sys.executable, __file__, "--baseline", "plain"], None),
        }
        if has_pandas:
            commands["baseline: pandas"] = ([pandas_python, __file__, "--baseline", "pandas"], None)
        walls: dict[str, list[float]] = {label: [] for label in commands}
        cpus: dict[str, list[float]] = {label: [] for label in commands}
        outputs: dict[str, str] = {}
        fresh()
        timed(commands["import"][0])  # warm the page cache; makes results/region.csv for the first analyse
        for _ in range(args.runs):
            for label, (command, before) in commands.items():
                if label == "analyse" and not results.exists():
                    timed(commands["import"][0], fresh)
                wall, out, cpu = timed(command, before)
                walls[label].append(wall)
                cpus[label].append(cpu)
                outputs[label] = out
    lines = len(EXPORT.read_text(encoding="utf-8").splitlines()) - 1
    print(f"analytics benchmark: {len(planted['identified']) + len(planted['nearly']) + len(planted['decoys'])} planted "
          f"among 2,000 schools, {lines:,} result lines; {os.cpu_count()} cores; {args.runs} interleaved rounds")  # fmt: skip
    load = os.getloadavg()[0]
    print(f"  load average now: {load:.2f} (a wall time above its CPU time is waiting for a core another process holds)")
    for label, values in walls.items():
        print(f"  {label:<22} median {statistics.median(values):6.3f} s wall, {statistics.median(cpus[label]):6.3f} s CPU "
              f"(wall min {min(values):.3f}, max {max(values):.3f})")  # fmt: skip
    payload = json.loads(outputs["analyse"])
    found = sorted(s["id"] for s in payload["schools"])
    exact = found == planted["identified"] and sorted(s["id"] for s in payload["nearly"]) == planted["nearly"]
    plain = json.loads(outputs["baseline: csv + dict"])
    if has_pandas:
        print(f"  pandas baseline agrees: {json.loads(outputs['baseline: pandas']) == found}")
    else:
        print("  pandas: not installed (python bench/analytics_bench.py --pandas-python ВЕНВ/bin/python to compare)")
    print(f"  identified {len(found)} (planted {len(planted['identified'])}): "
          f"{'the planted list exactly' if exact else 'DIFFERENT from the planted list'}; "
          f"baseline agrees: {plain == found}")  # fmt: skip
    chain = statistics.median(walls["import"]) + statistics.median(walls["analyse"])
    report = statistics.median(walls["report"])
    base = statistics.median(walls["baseline: csv + dict"])
    print(f"  import + analyse vs the plain baseline: {chain / base:.1f}× its time (it validates every cell, keeps "
          "positions, reports every row)")  # fmt: skip
    met_chain, met_report = chain <= IMPORT_TARGET, report <= REPORT_TARGET
    print(f"target: import + validate + analyse ≤ {IMPORT_TARGET:.0f} s — {'met' if met_chain else 'MISSED'} "
          f"(median {chain:.3f} s); report with charts ≤ {REPORT_TARGET:.0f} s — {'met' if met_report else 'MISSED'} "
          f"(median {report:.3f} s)")  # fmt: skip
    if args.check and not (met_chain and met_report and exact):
        sys.exit(1)


if __name__ == "__main__":
    main()
