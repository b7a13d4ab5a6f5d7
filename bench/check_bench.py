"""Benchmark of ``nor-docs check``: 1,000 meeting files with 10,000 assignments.

Target (issue 4): ≤ 1 s wall, including interpreter start, median of several runs, in every
format; ``check`` must not import python-docx (nor docxtpl, lxml, icalendar).

The records are generated deterministically under ``bench/out/check-records`` (reused while the
generator version is the same): 1,000 meetings of 10 assignments each; every tenth assignment
goes to a group of 15 schools (tracked member by member), the rest to one person or school;
deadlines of every kind (dates, months, several months, standing, relative to events, monthly,
urgent, none); 6,000 execution marks, 600 extensions, 200 cancellations.

Measured on a shared, noisy machine, so every command runs once per round, interleaved, and
each figure is the median of ``--runs`` rounds; compare the ratios, not absolute numbers
across runs. The load average is printed before and after.

- wall time of ``nor-docs check`` as a subprocess in every format (``json`` is a 20 MB report
  for 24,000 parts), and of ``nor-docs validate`` on the same records — the baseline: loading
  and validation are shared, so check/validate is what ``check`` adds;
- ``--against REV``: the same commands of a git revision's code, in the same rounds;
- in process, the parts: load + validate (shared with ``validate``), then the control part of
  ``check`` alone: resolving deadlines and statuses (``control_items``), the summary and
  discipline, and formatting text and JSON;
- which heavy modules ``check`` imports (none of python-docx, docxtpl, lxml, icalendar).

The package's bytecode is compiled first (as ``pip install`` does), in this tree and in the
``--against`` one, so that an environment with ``PYTHONDONTWRITEBYTECODE`` does not time the
compiler. Usage: ``python bench/check_bench.py [--runs 9] [--meetings 1000] [--against REV]
[--check]``; ``--check`` exits 1 when a format misses the target or a heavy module is imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# --against REV runs the nor-docs of another source tree, as validate_bench.py does.
from validate_bench import OTHER_TREE, tree_of

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
GENERATOR_VERSION = "5"
TODAY = "2024-03-01"
TARGET_SECONDS = 1.0


def generate(root: Path, meetings: int, per_meeting: int = 10, seed: int = 4) -> None:
    rnd = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    for sub in ("directory", "meetings", "marks", "events"):
        (root / sub).mkdir(parents=True)
    schools = [f"s{i:03d}" for i in range(60)]
    people = [f"p{i:03d}" for i in range(40)]
    lines = ["# yaml-language-server: $schema=../../../../nor_docs/schemas/directory.schema.json",
             "organizations:", "  - id: uo", "    name: Управление образования", "    kind: управление образования"]
    for s in schools:
        lines += [f"  - id: {s}", f"    name: МОУ «Школа № {s[1:]}»", "    kind: школа"]
    lines.append("people:")
    for i, p in enumerate(people):
        lines += [f"  - id: {p}", f"    surname: Иванова{chr(0x430 + i % 30)}", "    first_name: Анна",
                  "    patronymic: Петровна", "    organization: uo"]
    lines.append("groups:")
    groups = []
    for g in range(4):
        gid = f"g{g}"
        groups.append(gid)
        lines += [f"  - id: {gid}", f"    name: Руководители ОО, группа {g}", "    members:"]
        lines += [f"      - organization: {s}" for s in schools[g * 15:(g + 1) * 15]]
    (root / "directory" / "bench.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    events = ["# yaml-language-server: $schema=../../../../nor_docs/schemas/events.schema.json", "events:"]
    for e in range(20):
        events += [f"  - id: ev{e}", f"    title: Процедура {e}"]
        if e % 5:
            events.append(f"    date: {(dt.date(2023, 1, 10) + dt.timedelta(days=19 * e)).isoformat()}")
    (root / "events" / "events.yaml").write_text("\n".join(events) + "\n", encoding="utf-8")

    start = dt.date(2022, 1, 10)
    assignments = []
    for m in range(meetings):
        date = start + dt.timedelta(days=m * 2 // 3)
        mid = f"{date.isoformat()}-m{m:04d}"
        doc = ["# yaml-language-server: $schema=../../../../nor_docs/schemas/meeting.schema.json",
               "kind: совещание руководителей", f"title: совещания руководителей № {m}", "issuer: uo",
               f"number: {m + 1}", f"date: {date.isoformat()}", f"chair:\n  person: {people[m % 40]}", "decisions:"]
        for n in range(1, per_meeting + 1):
            k = m * per_meeting + n
            executor = groups[k % 4] if k % 10 == 0 else (people[k % 40] if k % 3 else schools[k % 60])
            doc += [f"  - number: {n}", f"    executors: [{executor}]",
                    f"    text: подготовить и представить информацию по пункту {n} заседания {m} о ходе работы со ШНОР"]
            kind = k % 20
            due = date + dt.timedelta(days=10 + k % 50)
            if kind < 12:
                doc.append(f"    deadline: в срок до {due:%d.%m.%Y} г.")
            elif kind == 12:  # a month not over before the meeting (NOR108)
                month, number = [("май", 5), ("июнь", 6), ("декабрь", 12)][k % 3]
                doc.append(f"    deadline: {month} {date.year + (number < date.month)} года")
            elif kind == 13:
                year = date.year + (date.month > 5)
                doc.append(f"    deadline: май {year} года и декабрь {year} года")
            elif kind == 14:
                doc.append("    deadline: на постоянной основе")
            elif kind == 15:
                doc += ["    deadline:", "      text: не менее трех дней до проведения процедуры", f"      event: ev{k % 20}"]
            elif kind == 16:
                doc.append("    deadline: ежеквартально")
            elif kind == 17:
                doc.append("    deadline: срочно")
            elif kind == 18:
                doc.append("    deadline: оперативно")
            assignments.append((f"{mid}#{n}", date, executor))
        (root / "meetings" / f"{mid}.yaml").write_text("\n".join(doc) + "\n", encoding="utf-8")

    picked = rnd.sample(assignments, len(assignments) * 6 // 10)
    extended = rnd.sample(assignments, len(assignments) * 6 // 100)
    cancelled = rnd.sample(assignments, len(assignments) // 50)
    approved = {aid for aid, _date, _executor in extended}  # 9 days after the meeting
    taken_off = {aid for aid, _date, _executor in cancelled}  # 20 days after it
    marks = ["# yaml-language-server: $schema=../../../../nor_docs/schemas/marks.schema.json", "marks:"]
    for aid, date, _executor in picked:
        # done after its extension was approved or it was taken off control, never before
        # (NOR120: an extension or a cancellation of what is done)
        days = rnd.randint(21 if aid in taken_off else 10 if aid in approved else 3, 70)
        marks += [f"  - assignment: {aid}", f"    date: {(date + dt.timedelta(days=days)).isoformat()}",
                  "    document: письмо"]
    marks.append("extensions:")
    for aid, date, _executor in extended:
        marks += [f"  - assignment: {aid}", f"    new_deadline: {(date + dt.timedelta(days=90)).isoformat()}",
                  f"    approved: {(date + dt.timedelta(days=9)).isoformat()}", "    approved_by: p000",
                  "    basis: служебная записка"]
    marks.append("cancellations:")
    for aid, date, _executor in cancelled:
        marks += [f"  - assignment: {aid}", f"    date: {(date + dt.timedelta(days=20)).isoformat()}", "    by: p000",
                  "    basis: утратило актуальность"]
    (root / "marks" / "bench.yaml").write_text("\n".join(marks) + "\n", encoding="utf-8")
    (root / ".generator").write_text(f"{GENERATOR_VERSION} {meetings}\n")


def ensure_records(meetings: int) -> Path:
    root = OUT / "check-records"
    stamp = root / ".generator"
    if not stamp.exists() or stamp.read_text().strip() != f"{GENERATOR_VERSION} {meetings}":
        generate(root, meetings)
    return root


def in_process(root: Path, runs: int) -> dict[str, list[float]]:
    """The parts of ``check`` timed in this process, loading the way the command does (the
    cyclic GC off while loading, then the loaded objects frozen)."""
    import gc

    sys.path.insert(0, str(ROOT))
    from nor_docs.control.assignments import collect_assignments
    from nor_docs.control.calendar import work_calendar
    from nor_docs.control.status import control_items, discipline, summary
    from nor_docs.pipeline import load_checked as load_and_validate
    from nor_docs.report import format_json, format_text

    today = dt.date.fromisoformat(TODAY)
    parts: dict[str, list[float]] = {k: [] for k in (
        "load_and_validate", "collect_assignments", "control_items", "summary_discipline", "format_text",
        "format_json", "control_text", "control_json")}  # fmt: skip
    started = time.perf_counter()
    work_calendar("previous").non_working_days(2024)  # import holidays + the first year
    first_calendar = time.perf_counter() - started
    for _ in range(runs):
        gc.collect()
        gc.unfreeze()
        t0 = time.perf_counter()
        gc.disable()
        records, found = load_and_validate(root)
        gc.freeze()
        gc.enable()
        t1 = time.perf_counter()
        assignments = collect_assignments(records)
        t2 = time.perf_counter()
        items = control_items(records, today, assignments=assignments)
        t3 = time.perf_counter()
        counts, rows = summary(items), discipline(items, records)
        t4 = time.perf_counter()
        format_text(items, counts, records, today, 3)
        t5 = time.perf_counter()
        format_json(items, counts, rows, records, today, 3)
        t6 = time.perf_counter()
        parts["load_and_validate"].append(t1 - t0)
        parts["collect_assignments"].append(t2 - t1)
        parts["control_items"].append(t3 - t2)
        parts["summary_discipline"].append(t4 - t3)
        parts["format_text"].append(t5 - t4)
        parts["format_json"].append(t6 - t5)
        parts["control_text"].append((t4 - t1) + (t5 - t4))
        parts["control_json"].append((t4 - t1) + (t6 - t5))
    errors = [d for d in found if d.is_error]
    if errors:
        sys.exit(f"generated records are invalid: {errors[:3]}")
    parts["holidays_import_and_first_year"] = [first_calendar]
    parts["_items"] = [len(items)]
    parts["_assignments"] = [len(assignments)]
    return parts


HEAVY = ("docx", "docxtpl", "lxml", "icalendar")
FORMATS = ("text", "github", "gitlab", "json", "junit")


def compile_package(tree: Path) -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "nor_docs")], check=True)


def interleaved(commands: dict[str, list[str]], runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Every command once per round, ``runs`` rounds: all meet the same moments of load.
    Returns the wall times and the CPU times (user + system, of the process and its worker)."""
    walls: dict[str, list[float]] = {label: [] for label in commands}
    cpus: dict[str, list[float]] = {label: [] for label in commands}
    env = {**os.environ, "GITHUB_STEP_SUMMARY": ""}  # the github format: no summary file
    for _ in range(runs):
        for label, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env)
            walls[label].append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[label].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if done.returncode not in (0, 1):
                sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return walls, cpus


def imported_heavy(rel: str) -> list[str]:
    probe = (
        "import json, sys\nfrom nor_docs.cli import cli\n"
        f"try:\n    cli.main(['check', '--records', {rel!r}, '--today', {TODAY!r}, '--format', 'json'], "
        "standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--against", metavar="REV", help="also time the code of this git revision")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args()
    root = ensure_records(args.meetings)
    exe = str(ROOT / ".venv" / "bin" / "nor-docs")
    if not os.path.exists(exe):
        exe = shutil.which("nor-docs") or sys.exit("nor-docs is not installed (make test creates .venv)")
    rel = os.path.relpath(root, ROOT)
    compile_package(ROOT)
    load_before = load()
    print(f"check benchmark: {args.meetings} meetings, {os.cpu_count()} cores, {args.runs} interleaved rounds; "
          f"load average before {load_before}", flush=True)  # fmt: skip
    checks = {fmt: ["check", "--records", rel, "--today", TODAY, "--format", fmt] for fmt in FORMATS}
    commands = {f"check {fmt}": [exe, *argv] for fmt, argv in checks.items()}
    commands["validate"] = [exe, "validate", "--records", rel]
    commands["python -c pass"] = [sys.executable, "-c", "pass"]
    with tempfile.TemporaryDirectory() as tmp:
        if args.against:
            tree = tree_of(args.against, Path(tmp))
            compile_package(tree)
            other = [sys.executable, "-c", OTHER_TREE, str(tree)]
            for fmt in ("text", "json"):
                commands[f"check {fmt} at {args.against}"] = [*other, *checks[fmt]]
            commands[f"validate at {args.against}"] = [*other, "validate", "--records", rel]
        subprocess.run(commands["validate"], stdout=subprocess.DEVNULL, cwd=ROOT)  # warm the page cache
        walls, cpus = interleaved(commands, args.runs)
    load_after = load()
    parts = in_process(root, args.runs)
    median = {k: statistics.median(v) for k, v in {**walls, **parts}.items()}
    base = median["validate"]
    for label, times in walls.items():
        ratio = f"   {median[label] / base:5.2f}× validate" if label.startswith("check") else ""
        print(f"  {label:<28} median {median[label]:6.3f} s   min {min(times):6.3f}   max {max(times):6.3f}   "
              f"cpu {statistics.median(cpus[label]):6.3f} s{ratio}")  # fmt: skip
    if args.against:
        for fmt in ("text", "json"):
            then, now = median[f"check {fmt} at {args.against}"], median[f"check {fmt}"]
            print(f"  check {fmt}: now vs {args.against}: {then / now:.2f}× faster ({then:.3f} → {now:.3f} s)")
    print(f"  in process: load+validate {median['load_and_validate']:.3f} s (shared with validate); "
          f"control part {median['control_text']:.3f} s with text, {median['control_json']:.3f} s with json "
          f"(assignments {median['collect_assignments']:.3f}, statuses {median['control_items']:.3f}, "
          f"summary {median['summary_discipline']:.3f}, text {median['format_text']:.3f}, json "
          f"{median['format_json']:.3f}); holidays import + first year {median['holidays_import_and_first_year']:.3f} s")  # fmt: skip
    heavy = imported_heavy(rel)
    print(f"  nor-docs check: heavy modules imported: {heavy or 'none'}")
    print(f"  load average after {load_after}")
    missed = [fmt for fmt in FORMATS if median[f"check {fmt}"] > TARGET_SECONDS]
    print(f"target: check ≤ {TARGET_SECONDS:.0f} s wall in every format, interpreter start included — "
          f"{'met' if not missed else 'MISSED by ' + ', '.join(missed)} (slowest: "
          f"{max(FORMATS, key=lambda f: median['check ' + f])} {max(median['check ' + f] for f in FORMATS):.3f} s)")  # fmt: skip
    if args.check and (missed or heavy):
        sys.exit(1)


if __name__ == "__main__":
    main()
