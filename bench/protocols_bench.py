"""Benchmark of ``nor-docs build protocols`` against its baselines, all measured in one run.

    python bench/protocols_bench.py [--count 1000] [--runs 5] [--sample 100] [--jobs 2] [--against REV]

1. ``--count`` synthetic meetings of about five pages each (bench/generate.py) are written to
   bench/out/records; views of ``--sample`` of them are computed and their Markdown written for
   the baselines, beforehand and not timed.
2. ``--runs`` rounds, round-robin: in each, one of every contender in turn, so that a moment of
   load on the shared machine falls on all of them alike, never on one side's whole series:
   - nor-docs, cold: a full build (``--force``) of all the meetings, a fresh process with its
     workers (``-j --jobs``); the YAML comes from the parse cache the warm-up filled, as it does
     for a user's ``--force`` or template change (``source/parse_cache.py``);
   - the same with the parse cache off (``NOR_DOCS_PARSE_CACHE=0``): the first build of a folder,
     and the build as it was before the cache;
   - nor-docs, no-op: the same build with nothing changed;
   - plain docxtpl: ``DocxTemplate(template).render(view)`` + ``save`` per document, the same
     template and the same sandboxed environment, in ``--jobs`` forked processes;
   - pandoc: ``pandoc -f markdown -t docx`` per document, the same content as Markdown, from
     ``--jobs`` processes;
   - nor-docs' own renderer on the same views (``CompiledTemplate.render`` + atomic write), for a
     renderer-to-renderer comparison.
   - with ``--against REV``: the cold build and the no-op of that git revision's code (``git
     archive`` into a scratch folder, compiled to bytecode first, its own output folder), in the
     same rounds, so that a change is measured before and after under the same load.
   The package is compiled to bytecode first (``compileall``, as ``pip install`` does), so that
   an environment with PYTHONDONTWRITEBYTECODE does not time the compiler in every run.
   The baselines' time per document is scaled to ``--count`` documents (they are given the views:
   nor-docs reads, validates and lays out the records too).
3. Each side's wall time and CPU time — user + system of the whole process tree (``wait4`` of a
   build: it and every worker it waited for; ``getrusage(RUSAGE_CHILDREN)`` around a baseline's
   pool: the workers and every pandoc they ran) — and a build's memory as the peak of the sum of
   the resident sets of all its processes (sampled every 10 ms from /proc), beside the largest
   single process (``wait4``'s maxrss).
Medians of the rounds, and the ratios of those medians from the same run, are reported against
the targets (cold CPU ≤ 2.5 s; ≥ 8× faster than docxtpl, ≥ 20× than pandoc, in CPU time; no-op ≤
0.15 s). The machine is shared: read ratios, not only seconds. Results also go to
bench/out/protocols.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing import get_context
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from validate_bench import OTHER_TREE, tree_of  # noqa: E402

TEMPLATE = ROOT / "templates" / "protocol.docx"
NOR_DOCS = [sys.executable, "-m", "nor_docs"]


class Measured(NamedTuple):
    wall: float  # seconds
    cpu: float  # user + system seconds of the whole process tree
    peak_sum: float  # MB: the peak of the sum of the resident sets of the tree (sampled)
    peak_one: float  # MB: the largest single process of the tree (wait4's maxrss)


def _tree_rss(pid: int) -> int:
    """Bytes resident in ``pid`` and all its descendants now (Linux /proc; 0 elsewhere)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            pass
    return total


def run_measured(command: list[str], env: dict[str, str] | None = None) -> tuple[Measured, int]:
    """How ``command`` ran (see ``Measured``) and its exit code."""
    # stderr goes to a file, not a pipe: a build reporting many problems would fill a pipe nobody
    # reads while wait4 waits, and both would wait for ever.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors,
                                   env=None if env is None else {**os.environ, **env})
        peak, done = [0], threading.Event()

        def sample() -> None:
            while not done.wait(0.01):
                peak[0] = max(peak[0], _tree_rss(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            sys.stderr.write(errors.read().decode("utf-8", "replace"))
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(wall, cpu, peak[0] / 2**20, usage.ru_maxrss / 1024), process.returncode


# --- baselines -----------------------------------------------------------------------------------


def _views(records_dir: Path, names: list[str]) -> list[tuple[str, dict]]:
    from nor_docs.model.records import load_records, record_files
    from nor_docs.render.protocol_view import protocol_view

    files = [p for p in record_files(records_dir) if "meetings" not in p.parts or p.stem in set(names)]
    records, _ = load_records(records_dir, files=files)
    return [(mid, protocol_view(records.meetings[mid], records, records.settings)[0]) for mid in names]


# The jobs of a baseline run, inherited by the forked workers: a task is only an index, so no
# view is pickled through a pipe and the workers do nothing but what is measured.
_JOBS: list = []
_COMPILED = None


def _docxtpl_one(index: int) -> None:
    from docxtpl import DocxTemplate

    from nor_docs.render.compiled_template import _environment

    view, target = _JOBS[index]
    template = DocxTemplate(str(TEMPLATE))
    template.render(view, jinja_env=_environment())
    template.save(target)


def _ours_one(index: int) -> None:
    from nor_docs.outputs.atomic import write_atomic

    view, target = _JOBS[index]
    write_atomic(target, _COMPILED.render(view), durable=False)


def _pandoc_one(index: int) -> None:
    source, target = _JOBS[index]
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", target, source], check=True)


def markdown(view: dict) -> str:
    """The same content as the protocol, as Markdown for pandoc."""
    out = [f"**{view['issuer']}**", "", f"# {view['document_kind']}", "", view["date_line"].replace("\t", " "), ""]
    out += [f"**{view['title']}**", ""]
    out += [f"{line}  " for line in view["details"] + view["roles"]] + [""]
    for section in view["attendance"]:
        out += [f"{section['label']} {section['summary']}", ""] + [f"- {line}" for line in section["lines"]] + [""]
    out += [view["agenda_heading"], ""] + [f"{a['number']} {a['text']}" + "\n" for a in view["agenda"]]

    def decisions(rows):
        if view["layout"] == "table":
            lines = ["| № п/п | Содержание поручения | Срок исполнения | Ответственные |", "|---|---|---|---|"]
            lines += [f"| {d['number']} | {d['content']} | {d['deadline']} | {d['executors']} |" for d in rows]
            return lines + [""]
        return [f"{d['number']} {d['text']}\n" for d in rows]

    for item in view["items"]:
        for label, statements in ((item["heard_label"], item["heard"]), (item["spoke_label"], item["spoke"])):
            if statements:
                out += [label, ""]
                for st in statements:
                    out += [st["lead"], ""] + [p + "\n" for p in st["paragraphs"]]
        if item["decisions"]:
            out += [item["decisions_label"], ""] + decisions(item["decisions"])
    if view["decisions"]:
        out += [view["decisions_label"], ""] + decisions(view["decisions"])
    out += ["| | |", "|---|---|"] + [f"| {s['position']} | {s['name']} |" for s in view["signatures"]]
    return "\n".join(out) + "\n"


def timed_pool(function, jobs_list, processes: int) -> tuple[float, float]:
    """(wall, CPU) seconds of ``function`` over ``jobs_list`` in ``processes`` forked workers; the CPU
    time is the workers' and their children's (pandoc), start-up included."""
    global _JOBS
    _JOBS = jobs_list
    context = get_context("fork")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with context.Pool(processes) as pool:
        pool.map(abs, range(processes))  # workers are up before the clock starts
        start = time.perf_counter()
        pool.map(function, range(len(jobs_list)), chunksize=max(1, len(jobs_list) // (processes * 4)))
        wall = time.perf_counter() - start
        pool.close()
        pool.join()  # reaped: their CPU time is in RUSAGE_CHILDREN now
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


# --- main ------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sample", type=int, default=100, help="documents per baseline run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--against", metavar="REV", help="also time the build of this git revision's code")
    args = parser.parse_args()

    records = args.out / "records"
    if records.exists():
        shutil.rmtree(records)
    generate(records, args.count)
    built = args.out / "protocols"
    print(f"{args.count} заседаний сгенерировано в {records}; {os.cpu_count()} ядра, процессов: {args.jobs}; "
          f"load average до: {_load()}")  # fmt: skip

    contenders = dict(CONTENDERS)
    build = [*NOR_DOCS, "build", "protocols", "--records", str(records), "--out", str(built), "--templates",
             str(TEMPLATE.parent), "-j", str(args.jobs), "--no-progress"]  # fmt: skip

    def nor_docs(force: bool, env: dict[str, str] | None = None) -> Measured:
        measured, code = run_measured(build + ["--force"] if force else build, env)
        assert code == 0, "сборка завершилась с ошибкой"
        return measured

    # The package's bytecode is compiled first, as ``pip install`` does (and check_bench.py):
    # with PYTHONDONTWRITEBYTECODE set, every run would otherwise compile ~60 modules (~0.03–0.06 s).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "nor_docs")], check=True)
    nor_docs(True)  # warm-up: page cache
    other_build: list[str] = []
    trees: list[Path] = []
    if args.against:
        contenders[f"at {args.against}"] = f"  то же, код {args.against}"
        contenders[f"no-op at {args.against}"] = f"  без изменений, код {args.against}"
        tree = tree_of(args.against, Path(tempfile.mkdtemp(prefix="nor-bench-tree-")))
        trees.append(tree)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "nor_docs")], check=True)
        other_build = [sys.executable, "-c", OTHER_TREE, str(tree), *build[3:]]
        other_build[other_build.index(str(built))] = str(built) + "-" + args.against
        # that revision's own templates: a template of today may use variables its code does not know
        other_build[other_build.index("--templates") + 1] = str(tree / "templates")
        run_measured(other_build + ["--force"])  # its warm-up

    def other(force: bool) -> Measured:
        measured, code = run_measured(other_build + ["--force"] if force else other_build)
        assert code == 0, f"сборка кодом {args.against} завершилась с ошибкой"
        return measured
    pages = _pages(built, 3)

    names = sorted(p.stem for p in (records / "meetings").glob("*.yaml"))[: args.sample]
    views = _views(records, names)
    scratch = Path(tempfile.mkdtemp(prefix="nor-bench-"))
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    peaks: list[Measured] = []
    try:
        docxtpl_jobs = [(view, str(scratch / f"{mid}.docxtpl.docx")) for mid, view in views]
        ours_jobs = [(view, str(scratch / f"{mid}.ours.docx")) for mid, view in views]
        pandoc_jobs = []
        for mid, view in views:
            source = scratch / f"{mid}.md"
            source.write_text(markdown(view), encoding="utf-8")
            pandoc_jobs.append((str(source), str(scratch / f"{mid}.pandoc.docx")))
        global _COMPILED
        from docxtpl import DocxTemplate  # noqa: F401 - imported before the workers fork, for both

        from nor_docs.render.compiled_template import CompiledTemplate

        _COMPILED = CompiledTemplate(TEMPLATE)
        scale = args.count / len(views)
        have_pandoc = shutil.which("pandoc") is not None

        def baseline(function, jobs_list) -> tuple[float, float]:
            wall, cpu = timed_pool(function, jobs_list, args.jobs)
            return wall * scale, cpu * scale

        for _ in range(args.runs):  # round-robin: one of each per round
            cold = nor_docs(True)
            peaks.append(cold)
            runs["nor-docs"].append((cold.wall, cold.cpu))
            uncached = nor_docs(True, {"NOR_DOCS_PARSE_CACHE": "0"})
            runs["no cache"].append((uncached.wall, uncached.cpu))
            noop = nor_docs(False)
            runs["no-op"].append((noop.wall, noop.cpu))
            runs["docxtpl"].append(baseline(_docxtpl_one, docxtpl_jobs))
            if have_pandoc:
                runs["pandoc"].append(baseline(_pandoc_one, pandoc_jobs))
            runs["render only"].append(baseline(_ours_one, ours_jobs))
            if args.against:
                then = other(True)
                runs[f"at {args.against}"].append((then.wall, then.cpu))
                then_noop = other(False)
                runs[f"no-op at {args.against}"].append((then_noop.wall, then_noop.cpu))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        for tree in trees:
            shutil.rmtree(tree, ignore_errors=True)

    med = statistics.median

    def wall(name: str) -> float:
        return med(w for w, _ in runs[name])

    def cpu(name: str) -> float:
        return med(c for _, c in runs[name])

    result = {
        "count": args.count,
        "jobs": args.jobs,
        "runs": args.runs,
        "cpus": os.cpu_count(),
        "load_average_after": _load(),
        "baseline_sample": len(views),
        "pages_of_first_documents": pages,
        "memory": "peak of the sum of the resident sets of the build's processes, sampled every 10 ms",
        **{f"{name}_wall_s": [round(w, 3) for w, _ in runs[name]] for name in runs if runs[name]},
        **{f"{name}_cpu_s": [round(c, 3) for _, c in runs[name]] for name in runs if runs[name]},
        "nor_docs_peak_sum_mb": [round(m.peak_sum, 1) for m in peaks],
        "nor_docs_peak_largest_process_mb": [round(m.peak_one, 1) for m in peaks],
    }
    (args.out / "protocols.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")

    print(f"Страниц в первых документах (LibreOffice): {pages or 'не измерено'}")
    print(f"Медианы {args.runs} раундов вперемежку (базовые — на выборке {len(views)} док., пересчёт на "
          f"{args.count}); load average после: {_load()}")  # fmt: skip
    print(f"  {'':38} {'стена':>8} {'процессор':>10}")
    for name in contenders:
        if runs[name]:
            print(f"  {contenders[name]:38} {wall(name):7.2f}с {cpu(name):9.2f}с")
    peak_sum, peak_one = med(m.peak_sum for m in peaks), med(m.peak_one for m in peaks)
    print(f"  память полной сборки: {peak_sum:.0f} МБ все процессы вместе (пик суммы), {peak_one:.0f} МБ самый большой")
    rows = [
        ("полная сборка, процессор", f"{cpu('nor-docs'):.2f} с", "≤ 2,5 с", cpu("nor-docs") <= 2.5),
        ("  без кэша разбора, процессор", f"{cpu('no cache'):.2f} с", "(справочно)", True),
        ("без изменений, стена", f"{wall('no-op'):.3f} с", "≤ 0,15 с", wall("no-op") <= 0.15),
        ("docxtpl / nor-docs, процессор", f"{cpu('docxtpl') / cpu('nor-docs'):.1f}×", "≥ 8×",
         cpu("docxtpl") / cpu("nor-docs") >= 8),
        ("docxtpl / nor-docs, стена", f"{wall('docxtpl') / wall('nor-docs'):.1f}×", "(справочно)", True),
    ]  # fmt: skip
    if runs["pandoc"]:
        rows += [
            ("pandoc / nor-docs, процессор", f"{cpu('pandoc') / cpu('nor-docs'):.1f}×", "≥ 20×",
             cpu("pandoc") / cpu("nor-docs") >= 20),
            ("pandoc / nor-docs, стена", f"{wall('pandoc') / wall('nor-docs'):.1f}×", "(справочно)", True),
        ]  # fmt: skip
    rows.append(("docxtpl / рендер nor-docs, процессор", f"{cpu('docxtpl') / cpu('render only'):.0f}×", "(справочно)",
                 True))  # fmt: skip
    if args.against:
        then = cpu(f"at {args.against}")
        print(f"  полная сборка сейчас против {args.against}: процессор {then:.2f} → {cpu('nor-docs'):.2f} с "
              f"({then / cpu('nor-docs'):.2f}×), без изменений {wall(f'no-op at {args.against}'):.3f} → "
              f"{wall('no-op'):.3f} с")  # fmt: skip
    print("Цели:")
    for name, value, target, ok in rows:
        print(f"  {name:38} {value:>9}   {target}{'' if ok else '  — ЦЕЛЬ НЕ ДОСТИГНУТА'}")
    print(f"Все замеры: {args.out / 'protocols.json'}")


CONTENDERS = {
    "nor-docs": "nor-docs, полная сборка (--force)",
    "no cache": "  то же без кэша разбора (как до него)",
    "no-op": "nor-docs, без изменений",
    "docxtpl": "docxtpl (render+save)",
    "pandoc": "pandoc из Markdown",
    "render only": "только рендер nor-docs на тех же видах",
}


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _pages(folder: Path, how_many: int) -> list[int]:
    """Page counts of the first documents (LibreOffice), to show they are about five pages."""
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdfinfo") is None:
        return []
    docs = sorted(folder.glob("*.docx"))[:how_many]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, *map(str, docs)], capture_output=True, timeout=300)  # fmt: skip
        counts = []
        for doc in docs:
            info = subprocess.run(["pdfinfo", f"{tmp}/{doc.stem}.pdf"], capture_output=True, text=True).stdout
            counts += [int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")]
        return counts


if __name__ == "__main__":
    main()
