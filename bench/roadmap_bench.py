"""Benchmark of a roadmap document: a generated 300-item roadmap rendered to DOCX.

Target (issue 5): a 300-item roadmap renders in under a second.

The records are generated deterministically under ``bench/out/roadmap-records`` by
``write_roadmap_records`` (also used by the LibreOffice test): a directory of 30 schools and 20
people, one roadmap of ``--items`` items in 10 sections (activities of 10–35 words, every deadline
form, one to three executors, results and reporting forms, some items reported at a meeting),
and execution marks for about half of the items (some late, some interim).

Measured, each the median of ``--runs`` runs in this process (the machine is shared and noisy:
read the ratios as well as the absolute numbers):

- the render alone: ``roadmap_view`` + the compiled template's ``render`` (view → DOCX bytes),
  without and with statuses (``--today``: the control items, then the view and the render);
- the baseline, on the same template and the same view: plain docxtpl
  (``DocxTemplate(...).render(view)`` + ``save()``);
- the whole command ``nor-docs build roadmaps --today …`` as a subprocess (interpreter start,
  loading and validating the records, the render, the atomic write).

Usage: ``python bench/roadmap_bench.py [--items 300] [--runs 7] [--pages]`` (``--pages`` counts
the pages with LibreOffice).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
TODAY = dt.date(2024, 9, 1)
TARGET_SECONDS = 1.0
ROADMAP_ID = "bench-roadmap"

WORDS = (
    "проведение анализа результатов оценочных процедур разработка методических рекомендаций по "
    "совершенствованию преподавания учебных предметов посещение уроков педагогов школы с низкими "
    "образовательными результатами консультирование руководства школы по вопросам формирования "
    "антирисковых программ организация сетевого взаимодействия со школой-куратором проведение "
    "методических дней и мастер-классов мониторинг выполнения индивидуальных образовательных "
    "траекторий обучающихся информирование родителей о ходе реализации проекта"
).split()
SECTIONS = (
    "Низкая учебная мотивация обучающихся", "Высокая доля обучающихся с рисками учебной неуспешности",
    "Недостаточная предметная и методическая компетентность педагогических работников",
    "Низкий уровень вовлечённости родителей", "Пониженный уровень качества школьной образовательной и воспитательной среды",
    "Несформированность внутришкольной системы повышения квалификации", "Высокая доля обучающихся с ОВЗ",
    "Низкое качество преодоления языковых и культурных барьеров", "Дефицит педагогических кадров",
    "Недостаточная материально-техническая оснащённость",
)  # fmt: skip
DEADLINES = ("до {d}", "в срок до {d} г.", "{m} 2024 года", "май 2024 года и декабрь 2024 года", "постоянно",
             "в течение учебного года", "ежеквартально", "ежемесячно до 5 числа")  # fmt: skip
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
          "ноябрь", "декабрь")  # fmt: skip


def _words(rng: random.Random, low: int, high: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))
    return text[:1].upper() + text[1:]


def write_roadmap_records(root: Path, items: int = 300, seed: int = 5) -> str:
    """A records folder with one roadmap of ``items`` items (and marks for about half of them);
    the same arguments give the same files. Returns the roadmap id."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    for sub in ("directory", "roadmaps", "marks", "meetings"):
        (root / sub).mkdir(parents=True)
    schema = "# yaml-language-server: $schema=../../nor_docs/schemas/{}.schema.json"
    lines = [schema.format("directory"), "organizations:",
             "  - {id: uo, name: Управление образования, kind: управление образования}"]  # fmt: skip
    schools = [f"s{i:02d}" for i in range(30)]
    lines += [f"  - {{id: {s}, name: МОУ «СОШ № {int(s[1:]) + 1}», kind: школа}}" for s in schools]
    lines.append("people:")
    people = [f"p{i:02d}" for i in range(20)]
    for i, p in enumerate(people):
        lines += [f"  - id: {p}", f"    surname: Иванова{'абвгдежзиклмнопрстуф'[i]}", "    first_name: Анна",
                  "    patronymic: Петровна", "    position: методист информационно-методического отдела",
                  "    organization: uo"]  # fmt: skip
    (root / "directory" / "bench.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "meetings" / "2024-01-15-wg.yaml").write_text("\n".join([
        schema.format("meeting"), "kind: заседание рабочей группы", "title: заседания рабочей группы", "issuer: uo",
        "date: 2024-01-15", "number: 1", "chair:", "  person: p00", "decisions:", "  - number: 1",
        "    text: Принять к сведению.", "    on_control: false"]) + "\n", encoding="utf-8")  # fmt: skip

    per_section = -(-items // len(SECTIONS))
    lines = [schema.format("roadmap"), f"title: План мероприятий («дорожная карта») на {items} пунктов",
             "issuer: uo", "period: {start: 2024-01-09, end: 2024-12-31}",
             "approval: {by: приказом Управления образования, date: 2024-01-09, number: 1}", "sections:"]  # fmt: skip
    numbers = []
    for s, title in enumerate(SECTIONS):
        lines += [f"  - title: {title}", "    items:"]
        for n in range(per_section):
            if len(numbers) == items:
                break
            number = f"{s + 1}.{n + 1}"
            numbers.append(number)
            day = dt.date(2024, 1, 31) + dt.timedelta(days=rng.randint(0, 330))
            deadline = rng.choice(DEADLINES).format(d=day.strftime("%d.%m.%Y"), m=MONTHS[rng.randint(1, 11)])
            executors = rng.sample(people, 1) + rng.sample(schools, rng.randint(0, 2))
            lines += [f"      - number: {number}", f"        activity: {_words(rng, 10, 35)}",
                      f"        deadline: {deadline}", f"        executors: [{', '.join(executors)}]",
                      f"        result: {_words(rng, 3, 12)}"]  # fmt: skip
            if rng.random() < 0.5:
                lines.append(f"        reporting: {_words(rng, 2, 6)}")
            if rng.random() < 0.2:
                lines.append("        reported_at: 2024-01-15-wg")
    (root / "roadmaps" / f"{ROADMAP_ID}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = [schema.format("marks"), "marks:"]
    for number in numbers:
        if rng.random() < 0.5:
            day = dt.date(2024, 2, 1) + dt.timedelta(days=rng.randint(0, 200))
            lines += [f"  - assignment: {ROADMAP_ID}#{number}", f"    date: {day:%d.%m.%Y}",
                      f"    document: справка № {rng.randint(1, 99)}"]  # fmt: skip
            if rng.random() < 0.15:
                lines.append("    interim: true")
    (root / "marks" / "bench.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ROADMAP_ID


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", action="store_true", help="count the pages with LibreOffice")
    args = parser.parse_args()

    from nor_docs.build.roadmaps import render_roadmap, roadmap_parts
    from nor_docs.build.templates import Templates
    from nor_docs.pipeline import load_checked as load_and_validate
    from nor_docs.render.roadmap_view import roadmap_view

    records_dir = OUT / "roadmap-records"
    rid = write_roadmap_records(records_dir, args.items)
    start = time.perf_counter()
    records, found = load_and_validate(records_dir)
    load_time = time.perf_counter() - start
    errors = [d for d in found if d.is_error]
    if errors:
        sys.exit("\n".join(d.as_text() for d in errors))
    roadmap = records.roadmaps[rid]
    count = sum(len(s.items) for s in roadmap.sections)
    templates = Templates(ROOT / "templates", "templates")
    template = templates.compiled(templates.choose_named(roadmap.issuer, "roadmap.docx"))
    render_roadmap(roadmap, records, template)  # warm up (pytrovich, holidays, Jinja caches)

    plain = _median(lambda: render_roadmap(roadmap, records, template), args.runs)

    def with_status():
        render_roadmap(roadmap, records, template, roadmap_parts(records, TODAY), TODAY)

    status = _median(with_status, args.runs)
    parts = roadmap_parts(records, TODAY)
    view = roadmap_view(roadmap, records, parts, TODAY)

    def docxtpl_baseline():
        from docxtpl import DocxTemplate

        document = DocxTemplate(str(ROOT / "templates" / "roadmap.docx"))
        document.render(view, autoescape=True)
        document.save(io.BytesIO())

    baseline = _median(docxtpl_baseline, max(3, args.runs // 2))

    out = Path(tempfile.mkdtemp(prefix="roadmap-bench-"))
    command = [str(Path(sys.executable).parent / "nor-docs"), "build", "roadmaps", "--records", str(records_dir),
               "--out", str(out), "--today", TODAY.isoformat()]  # fmt: skip

    def whole_command():
        shutil.rmtree(out, ignore_errors=True)
        completed = subprocess.run(command, capture_output=True, text=True)
        if completed.returncode != 0:
            sys.exit(completed.stderr)

    whole = _median(whole_command, args.runs)
    size = (out / f"{rid}.docx").stat().st_size

    print(f"Дорожная карта: {count} пунктов в {len(roadmap.sections)} разделах ({records_dir.relative_to(ROOT)}); "
          f"DOCX {size // 1024} КБ")  # fmt: skip
    if args.pages and shutil.which("soffice"):
        pdf_dir = Path(tempfile.mkdtemp(prefix="roadmap-pdf-"))
        subprocess.run(["soffice", f"-env:UserInstallation={(pdf_dir / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(pdf_dir), str(out / f"{rid}.docx")],
                       capture_output=True, timeout=300)  # fmt: skip
        info = subprocess.run(["pdfinfo", str(pdf_dir / f"{rid}.pdf")], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        print(f"Страниц (LibreOffice): {pages}")
        shutil.rmtree(pdf_dir, ignore_errors=True)
    verdict = "OK" if status < TARGET_SECONDS else "МЕДЛЕННЕЕ ЦЕЛИ"
    print(f"Медианы из {args.runs} запусков (docxtpl — из {max(3, args.runs // 2)}):")
    print(f"  загрузка и проверка записей (один раз)      {load_time:7.3f} с")
    print(f"  рендер без статусов (вид + шаблон → DOCX)   {plain:7.3f} с")
    print(f"  рендер со статусами на {TODAY:%d.%m.%Y}          {status:7.3f} с   цель < {TARGET_SECONDS:g} с: {verdict}")
    print(f"  docxtpl (render+save) на том же виде        {baseline:7.3f} с   в {baseline / plain:.1f} раза медленнее рендера nor-docs")
    print(f"  nor-docs build roadmaps --today (процесс)   {whole:7.3f} с   запуск, загрузка, рендер, запись")
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
