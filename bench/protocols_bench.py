"""Benchmark of ``nor-docs build protocols`` against its baselines, measured in one run.

    python bench/protocols_bench.py [--count 1000] [--runs 5] [--sample 100] [--jobs 2]

1. ``--count`` synthetic meetings of about five pages each (bench/generate.py) are written to
   bench/out/records.
2. nor-docs: a full build (``--force``) of all of them, ``--runs`` times; wall time and the peak
   memory of the process tree (``wait4`` rusage: the largest resident set of the build and its
   workers). Then a no-op rebuild (nothing changed), ``--runs`` times.
3. Baselines on ``--sample`` of the same meetings, in ``--jobs`` processes like nor-docs, with
   everything they need prepared beforehand and not timed (views computed, Markdown written):
   - plain docxtpl: ``DocxTemplate(template).render(view)`` + ``save`` per document, with the same
     template and the same sandboxed environment;
   - pandoc: ``pandoc -f markdown -t docx`` per document, the same content as Markdown;
   - nor-docs' own renderer on the same views (``CompiledTemplate.render`` + atomic write), for a
     renderer-to-renderer comparison.
   Their time per document is scaled to ``--count`` documents.
Medians are reported with the ratios and the targets (≤ 4 s; ≥ 10× pandoc; ≥ 3× docxtpl; no-op
≤ 0.5 s; ≤ 150 MB). The machine is shared: run it when it is quiet, and read ratios, not only
seconds. Results also go to bench/out/protocols.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

TEMPLATE = ROOT / "templates" / "protocol.docx"
NOR_DOCS = [sys.executable, "-m", "nor_docs"]


def run_measured(command: list[str]) -> tuple[float, int, int, float]:
    """(wall seconds, exit code, peak RSS in KB, CPU seconds) of the process and its waited-for
    children (the build's workers)."""
    # stderr goes to a file, not a pipe: a build reporting many problems would fill a pipe nobody
    # reads while wait4 waits, and both would wait for ever.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            sys.stderr.write(errors.read().decode("utf-8", "replace"))
    return wall, process.returncode, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


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


def timed_pool(function, jobs_list, processes: int) -> float:
    """Wall time of ``function`` over ``jobs_list`` in ``processes`` forked workers."""
    global _JOBS
    _JOBS = jobs_list
    context = get_context("fork")
    with context.Pool(processes) as pool:
        pool.map(abs, range(processes))  # workers are up before the clock starts
        start = time.perf_counter()
        pool.map(function, range(len(jobs_list)), chunksize=max(1, len(jobs_list) // (processes * 4)))
        return time.perf_counter() - start


# --- main ------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sample", type=int, default=100, help="documents per baseline run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()

    records = args.out / "records"
    if records.exists():
        shutil.rmtree(records)
    generate(records, args.count)
    built = args.out / "protocols"
    print(f"{args.count} заседаний сгенерировано в {records}; {os.cpu_count()} ядра, процессов: {args.jobs}")

    build = [*NOR_DOCS, "build", "protocols", "--records", str(records), "--out", str(built), "--templates",
             str(TEMPLATE.parent), "-j", str(args.jobs), "--no-progress"]  # fmt: skip
    run_measured(build + ["--force"])  # warm-up: .pyc files, page cache
    full, peaks, cpu = [], [], []
    for _ in range(args.runs):
        wall, code, peak, seconds = run_measured(build + ["--force"])
        assert code == 0, "сборка завершилась с ошибкой"
        full.append(wall)
        peaks.append(peak)
        cpu.append(seconds)
    noop = [run_measured(build)[0] for _ in range(args.runs)]
    pages = _pages(built, 3)

    names = sorted(p.stem for p in (records / "meetings").glob("*.yaml"))[: args.sample]
    views = _views(records, names)
    scratch = Path(tempfile.mkdtemp(prefix="nor-bench-"))
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
        baseline_runs = max(1, min(args.runs, 3))
        docxtpl = [timed_pool(_docxtpl_one, docxtpl_jobs, args.jobs) * scale for _ in range(baseline_runs)]
        ours = [timed_pool(_ours_one, ours_jobs, args.jobs) * scale for _ in range(baseline_runs)]
        pandoc = ([timed_pool(_pandoc_one, pandoc_jobs, args.jobs) * scale for _ in range(baseline_runs)]
                  if shutil.which("pandoc") else [])  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    med = statistics.median
    result = {
        "count": args.count,
        "jobs": args.jobs,
        "runs": args.runs,
        "baseline_sample": len(views),
        "pages_of_first_documents": pages,
        "nor_docs_full_s": [round(x, 3) for x in full],
        "nor_docs_full_cpu_s": [round(x, 3) for x in cpu],
        "nor_docs_noop_s": [round(x, 3) for x in noop],
        "peak_rss_mb": [round(x / 1024, 1) for x in peaks],
        "docxtpl_scaled_s": [round(x, 2) for x in docxtpl],
        "pandoc_scaled_s": [round(x, 2) for x in pandoc],
        "nor_docs_render_only_scaled_s": [round(x, 3) for x in ours],
    }
    (args.out / "protocols.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")

    full_m, noop_m, peak_m = med(full), med(noop), max(peaks) / 1024
    rows = [
        ("nor-docs, полная сборка", f"{full_m:.2f} с", f"≤ 4 с (лучший запуск {min(full):.2f} с)", full_m <= 4),
        ("  процессорное время сборки (все процессы)", f"{med(cpu):.2f} с",
         f"на {args.jobs} свободных ядрах ≈ {med(cpu) / args.jobs:.2f} с", True),
        ("nor-docs, без изменений", f"{noop_m:.3f} с", "≤ 0,5 с", noop_m <= 0.5),
        ("пиковая память", f"{peak_m:.0f} МБ", "≤ 150 МБ", peak_m <= 150),
        ("docxtpl (render+save), пересчёт на все", f"{med(docxtpl):.1f} с",
         f"в {med(docxtpl) / full_m:.1f} раза медленнее (цель ≥ 3)", med(docxtpl) / full_m >= 3),
    ]  # fmt: skip
    if pandoc:
        rows.append(("pandoc из Markdown, пересчёт на все", f"{med(pandoc):.1f} с",
                     f"в {med(pandoc) / full_m:.1f} раза медленнее (цель ≥ 10)", med(pandoc) / full_m >= 10))  # fmt: skip
    rows.append(("только рендер nor-docs на тех же видах", f"{med(ours):.2f} с",
                 f"docxtpl медленнее в {med(docxtpl) / med(ours):.0f} раз", True))  # fmt: skip
    print(f"Страниц в первых документах (LibreOffice): {pages or 'не измерено'}")
    print(f"Медианы из {args.runs} запусков ({baseline_runs} для базовых, выборка {len(views)} док.):")
    for name, value, target, ok in rows:
        print(f"  {name:42} {value:>10}   {target}{'' if ok else '  — ЦЕЛЬ НЕ ДОСТИГНУТА'}")
    print(f"Все замеры: {args.out / 'protocols.json'}")


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
