"""Generate the validate benchmark corpus: 1,000 realistic meeting files, 10,000 assignments.

Usage: ``python bench/gen_corpus.py [OUT_DIR] [--meetings N] [--assignments-per-meeting K]``
(default ``bench/out/corpus``). The corpus is a records folder: a directory of ten
municipalities (an office, 25 schools, 30 people and a few groups each), events for relative
deadlines, execution marks for a fifth of the assignments, and the meetings themselves, shaped
like the seed protocols: a heading, 8–15 attendees with positions, 3–5 agenda items with
speakers, what was heard (a few paragraphs that name schools, as real protocols do), and the
decisions — some «принять к сведению», some nested, every deadline form of the seeds.

The corpus validates clean, so the benchmark measures the normal path. It is deterministic
(a fixed random seed): the same command writes the same bytes. Prints the totals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

SCHEMA = "# yaml-language-server: $schema=../../../../nor_docs/schemas/{kind}.schema.json\n"

SURNAMES_F = [
    "Иванова", "Петрова", "Смирнова", "Кузнецова", "Попова", "Соколова", "Лебедева", "Козлова",
    "Новикова", "Морозова", "Волкова", "Алексеева", "Лешкова", "Рябченко", "Кравцова", "Гончарова",
    "Портнова", "Бахметова", "Сулейманова", "Арбузова", "Червова", "Пахомова", "Фадеева",
]  # fmt: skip
SURNAMES_M = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Баркунов"]
NAMES_F = ["Галина", "Ольга", "Наталья", "Ирина", "Светлана", "Елена", "Татьяна", "Марина"]
NAMES_M = ["Сергей", "Андрей", "Дмитрий", "Алексей", "Николай", "Павел"]
PATRONYMICS_F = ["Николаевна", "Ивановна", "Сергеевна", "Александровна", "Викторовна", "Петровна"]
PATRONYMICS_M = ["Николаевич", "Иванович", "Сергеевич", "Александрович", "Викторович"]
POSITIONS = [
    "заместитель начальника Управления образования по УВР",
    "начальник инспекторско-аналитического отдела",
    "главный специалист инновационно-методического отдела",
    "ведущий эксперт инновационно-методического отдела",
    "аналитик 1 категории инспекторско-аналитического отдела",
    "заведующий методическим кабинетом",
    "муниципальный координатор проекта «500+»",
]  # fmt: skip
TOWNS = ["Кикино", "Головинщино", "Ушаковка", "Покровская Арчада", "Кузнецк", "Каменка", "Вазерки"]
SENTENCES = [
    "В 2023-2024 учебном году продолжается реализация проекта «Равенство образовательных возможностей».",
    "Перечень участников проекта был сформирован на основании данных ФИОКО и регионального института.",
    "Проведены муниципальные контрольные срезы по русскому языку и математике в 6,7 классах, "
    "проведен анализ, даны рекомендации педагогам.",
    "Все материалы по проведенной работе выложены на сайт Управления образования в раздел «Работа "
    "со школами с низкими образовательными результатами».",
    "На совещании были рассмотрены особенности реализации проекта, этапы исполнения муниципальной "
    "дорожной карты, проведение анкетирования по выявлению рисковых профилей.",
    "Педагогическим коллективам предстоит освоить механизмы и принципы работы с родительским "
    "сообществом, утвердить концептуальные документы и антирисковые программы.",
    "Анализ результатов федеральных оценочных процедур показал, что работа по повышению качества "
    "образования должна быть продолжена.",
    "Школа с НОР провела внутренний анализ своей деятельности (самообследование), а также "
    "проанализировала деятельность школы-тьютора по проблемным направлениям.",
]  # fmt: skip
TASKS = [
    "провести анализ проделанной работы по выполнению мероприятий по реализации «Дорожной карты» "
    "и разместить аналитические справки на сайте Управления образования",
    "разработать (скорректировать) антирисковую программу, учитывая выявленные рисковые профили",
    "разработать распорядительный акт о мерах обеспечения объективности проведения процедур оценки "
    "качества",
    "направить в управление образования на согласование «Дорожную карту» по повышению качества "
    "образования в школе",
    "на основе данных итогов реализации проекта «500+» провести детальный анализ независимых "
    "оценочных процедур с целью повышения качества образовательной деятельности",
    "оказывать адресную методическую поддержку педагогам, обучающиеся которых показали низкие "
    "образовательные результаты, в том числе по критериальному оцениванию",
    "скорректировать систему внутришкольного контроля с учетом выявленных проблем, в том числе "
    "профессиональных дефицитов учителей",
    "обеспечить участие педагогов в методических днях и семинарах школы-куратора",
]  # fmt: skip
MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
          "октябрь", "ноябрь", "декабрь"]  # fmt: skip


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Municipality:
    def __init__(self, rng: random.Random, n: int):
        self.id = f"m{n:02d}"
        self.office = f"{self.id}-uo"
        self.schools = [(f"{self.id}-sosh{k}", f"МОУ «СОШ №{k}»") for k in range(1, 26)]
        self.people = []
        for k in range(30):
            female = rng.random() < 0.8
            surname = rng.choice(SURNAMES_F if female else SURNAMES_M)
            first = rng.choice(NAMES_F if female else NAMES_M)
            patronymic = rng.choice(PATRONYMICS_F if female else PATRONYMICS_M)
            self.people.append((f"{self.id}-p{k:02d}", surname, first, patronymic, rng.choice(POSITIONS)))
        self.groups = [f"{self.id}-wg", f"{self.id}-heads", f"{self.id}-curators"]

    def directory(self) -> str:
        out = [SCHEMA.format(kind="directory"), "organizations:\n"]
        out.append(f"  - id: {self.office}\n    name: Управление образования {self.id.upper()}\n"
                   "    kind: управление образования\n")  # fmt: skip
        for sid, name in self.schools:
            out.append(f"  - id: {sid}\n    name: {quote(name)}\n    kind: школа\n    parent: {self.office}\n")
        out.append("people:\n")
        for pid, surname, first, patronymic, position in self.people:
            out.append(
                f"  - id: {pid}\n    surname: {surname}\n    first_name: {first}\n"
                f"    patronymic: {patronymic}\n    position: {position}\n    organization: {self.office}\n"
            )
        out.append("groups:\n")
        out.append(f"  - id: {self.groups[0]}\n    name: Члены муниципальной рабочей группы\n"
                   "    dative: Членам муниципальной рабочей группы\n    members:\n")  # fmt: skip
        out.extend(f"      - person: {p[0]}\n" for p in self.people[:8])
        out.append(f"  - id: {self.groups[1]}\n    name: Руководители ОО\n    dative: Руководителям ОО\n"
                   "    members:\n")  # fmt: skip
        out.extend(f"      - organization: {s[0]}\n" for s in self.schools[:15])
        out.append(f"  - id: {self.groups[2]}\n    name: Школы-кураторы\n    count: 5\n")
        return "".join(out)


def deadline(rng: random.Random, day: dt.date, events: list[str]) -> str:
    due = day + dt.timedelta(days=rng.randint(5, 120))
    form = rng.random()
    if form < 0.35:
        return f"в срок до {due:%d.%m.%Y} г."
    if form < 0.55:
        return due.isoformat()
    if form < 0.65:
        return f"{due:%d.%m.%Y}"
    if form < 0.72:
        later = due + dt.timedelta(days=180)
        return f"{MONTHS[due.month - 1]} {due.year} года и {MONTHS[later.month - 1]} {later.year} года"
    if form < 0.8:
        return rng.choice(["постоянно", "на постоянной основе", "ежеквартально до 10 числа", "ежемесячно"])
    if form < 0.86:
        return rng.choice(["срочно", "оперативно"])
    if form < 0.93:
        return f"до конца {['января', 'мая', 'декабря'][rng.randint(0, 2)]} {due.year + 1} года"
    event = rng.choice(events)
    return "{text: не менее чем за 3 дня до проведения процедуры, event: " + event + "}"


def meeting(rng: random.Random, mun: Municipality, n: int, day: dt.date, per_meeting: int, events) -> tuple[str, list]:
    people = rng.sample(mun.people, 12)
    chair, secretary = people[0], people[1]
    out = [SCHEMA.format(kind="meeting")]
    out.append(f"# Протокол № {n} заседания рабочей группы (сгенерирован для бенчмарка).\n")
    out.append(
        "kind: заседание рабочей группы\n"
        "title: заседания рабочей группы по организации работы со школами с низкими образовательными "
        "результатами\n"
        f"issuer: {mun.office}\nnumber: {n}\ndate: {day:%d.%m.%Y}\ntime: {rng.randint(9, 16)}:{rng.choice(['00', '30'])}\n"
        f"place: г. {rng.choice(TOWNS)}\n"
        f"chair:\n  person: {chair[0]}\n  label: Председатель\n  position: {chair[4]}\n"
        f"secretary:\n  person: {secretary[0]}\n  label: Секретарь\n"
        "attendees:\n"
    )  # fmt: skip
    for p in people[: rng.randint(8, 12)]:
        out.append(f"  - person: {p[0]}\n    position: {p[4]}\n")
    out.append(f"  - group: {mun.groups[1]}\n    count: {rng.randint(10, 15)}\n    text: руководители ОО\n")
    out.append("agenda:\n")
    items = rng.randint(3, 5)
    for i in range(1, items + 1):
        speaker = rng.choice(people)
        out.append(f"  - number: {i}\n    title: >-\n      {rng.choice(TASKS).capitalize()}.\n"
                   f"    speakers:\n      - person: {speaker[0]}\n    heard:\n      - person: {speaker[0]}\n"
                   f"        position: {speaker[4]}\n        text: >-\n")  # fmt: skip
        school = rng.choice(mun.schools)[1]
        paragraph = " ".join(rng.sample(SENTENCES, 3)) + f" Отмечена работа {school} в рамках сетевого взаимодействия."
        out.append("          " + paragraph + "\n")
    out.append("decisions:\n  - number: 1\n    text: Информацию принять к сведению.\n")
    assignments = []
    number = 2
    made = 0
    while made < per_meeting:
        executors = rng.choice(
            [[mun.groups[0]], [mun.groups[1]], [rng.choice(mun.schools)[0]], [rng.choice(people)[0]],
             [rng.choice(mun.schools)[0], rng.choice(mun.schools)[0]]]
        )  # fmt: skip
        executors = list(dict.fromkeys(executors))
        task = rng.choice(TASKS)
        if made + 3 <= per_meeting and rng.random() < 0.15:  # a heading with two sub-assignments
            out.append(f"  - number: {number}\n    executors: [{', '.join(executors)}]\n"
                       f"    text: {quote(task)}\n    on_control: false\n    decisions:\n")  # fmt: skip
            for sub in (1, 2):
                out.append(f"      - number: \"{number}.{sub}\"\n        text: {quote(rng.choice(TASKS))}\n"
                           f"        deadline: {deadline(rng, day, events)}\n")  # fmt: skip
                assignments.append((f"{number}.{sub}", executors, day))
            made += 2
        else:
            out.append(f"  - number: {number}\n    executors: [{', '.join(executors)}]\n    text: >-\n"
                       f"      {task}\n    deadline: {deadline(rng, day, events)}\n")  # fmt: skip
            assignments.append((str(number), executors, day))
            made += 1
        number += 1
    out.append(f"signers:\n  - person: {chair[0]}\n    position: Председатель\n"
               f"  - person: {secretary[0]}\n    position: Секретарь\n")  # fmt: skip
    return "".join(out), assignments


def generate(out: Path, meetings: int = 1000, per_meeting: int = 10, seed: int = 20240131) -> dict:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    for folder in ("directory", "meetings", "events", "marks"):
        (out / folder).mkdir(parents=True)
    muns = [Municipality(rng, n) for n in range(10)]
    for mun in muns:
        (out / "directory" / f"{mun.id}.yaml").write_text(mun.directory(), encoding="utf-8")
    events = [f"vpr-{year}-{k}" for year in range(2021, 2026) for k in range(4)]
    lines = [SCHEMA.format(kind="events"), "events:\n"]
    for event in events:
        lines.append(f"  - id: {event}\n    title: Всероссийские проверочные работы\n    date: {event[4:8]}-04-1{event[-1]}\n")
    (out / "events" / "vpr.yaml").write_text("".join(lines), encoding="utf-8")
    marks: dict[int, list[str]] = {}
    total_assignments = 0
    start = dt.date(2021, 1, 11)
    for n in range(meetings):
        mun = muns[n % len(muns)]
        day = start + dt.timedelta(days=(n * 5) % 1800)
        mid = f"{day.isoformat()}-{mun.id}-{n:04d}"
        text, assignments = meeting(rng, mun, n % 40 + 1, day, per_meeting, events)
        (out / "meetings" / f"{mid}.yaml").write_text(text, encoding="utf-8")
        total_assignments += len(assignments)
        for number, executors, issued in assignments:
            if rng.random() < 0.2:
                done = issued + dt.timedelta(days=rng.randint(3, 60))
                marks.setdefault(done.year, []).append(
                    f"  - assignment: {mid}#{number}\n    date: {done.isoformat()}\n"
                    f"    document: письмо № {rng.randint(1, 400)} от {done:%d.%m.%Y}\n"
                )
    for year, items in sorted(marks.items()):
        body = SCHEMA.format(kind="marks") + "marks:\n" + "".join(items)
        (out / "marks" / f"{year}.yaml").write_text(body, encoding="utf-8")
    files = sorted(p for p in out.rglob("*.yaml"))
    return {
        "files": len(files),
        "meetings": meetings,
        "assignments": total_assignments,
        "marks": sum(len(v) for v in marks.values()),
        "bytes": sum(p.stat().st_size for p in files),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(Path(__file__).parent / "out" / "corpus"))
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--assignments-per-meeting", type=int, default=10)
    args = parser.parse_args()
    stats = generate(Path(args.out), args.meetings, args.assignments_per_meeting)
    print(
        f"{args.out}: files {stats['files']}, meetings {stats['meetings']}, assignments "
        f"{stats['assignments']}, marks {stats['marks']}, total {stats['bytes']:,} bytes "
        f"({stats['bytes'] / 1e6:.1f} MB)"
    )


if __name__ == "__main__":
    main()
