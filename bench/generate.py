"""Generate a records folder of N synthetic meetings (about five pages each) for benchmarks.

``python bench/generate.py OUT [--count 1000]``. Deterministic: the same count gives the same
files. The directory holds 60 people, 20 schools and three groups; every meeting has a number,
a time and a place, a chair and a secretary, a dozen attendees and a group with a count, five
agenda items with a speaker, two statements heard and one made per item, and three decisions
per item (one nested) with executors and deadlines in the forms people write them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

WORDS = (
    "анализ результатов оценочных процедур показал необходимость корректировки программы "
    "повышения качества образования в общеобразовательных организациях муниципалитета учителя "
    "прошли курсы повышения квалификации по методике преподавания предметов проведены "
    "методические дни контрольные срезы по русскому языку и математике в шестых и седьмых "
    "классах даны рекомендации педагогам организовано сетевое взаимодействие школ куратор "
    "оказывает адресную методическую помощь родители вовлечены в образовательный процесс "
    "дорожная карта выполняется в установленные сроки материалы размещены на сайте управления"
).split()
SURNAMES_F = ["Иванова", "Петрова", "Сидорова", "Кузнецова", "Смирнова", "Попова", "Волкова", "Зайцева",
              "Соколова", "Лебедева", "Козлова", "Новикова", "Морозова", "Павлова", "Семёнова"]  # fmt: skip
SURNAMES_M = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Волков", "Зайцев",
              "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Павлов", "Семёнов"]  # fmt: skip
FIRST_F = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана"]
FIRST_M = ["Иван", "Пётр", "Сергей", "Андрей", "Алексей", "Дмитрий", "Николай", "Михаил"]
PATRONYMIC_F = ["Ивановна", "Петровна", "Сергеевна", "Андреевна", "Николаевна", "Михайловна"]
PATRONYMIC_M = ["Иванович", "Петрович", "Сергеевич", "Андреевич", "Николаевич", "Михайлович"]
POSITIONS = ["начальник отдела", "главный специалист", "ведущий специалист", "методист",
             "директор МОУ «СОШ №{n}»", "заместитель директора по УВР МОУ «СОШ №{n}»"]  # fmt: skip
DEADLINES = ["в срок до {d}", "до {d}", "постоянно", "май {y} года и декабрь {y} года", "ежеквартально до 10 числа",
             "{d}"]  # fmt: skip


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(9, 16)) for _ in range(sentences))


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def directory(rng: random.Random) -> str:
    lines = ["# yaml-language-server: $schema=../../nor_docs/schemas/directory.schema.json",
             "organizations:", "  - id: bench-uo", "    name: Управление образования администрации города Энска",
             "    kind: управление образования"]  # fmt: skip
    for n in range(1, 21):
        lines += [f"  - id: bench-school{n}", f"    name: МОУ «СОШ №{n}»", "    kind: школа"]
    lines.append("people:")
    for i in range(60):
        female = i % 3 != 0
        surname = (SURNAMES_F if female else SURNAMES_M)[i % 15]
        first = (FIRST_F if female else FIRST_M)[i % 8]
        patronymic = (PATRONYMIC_F if female else PATRONYMIC_M)[i % 6]
        position = POSITIONS[i % len(POSITIONS)].format(n=i % 20 + 1)
        lines += [f"  - id: bench-p{i}", f"    surname: {surname}", f"    first_name: {first}",
                  f"    patronymic: {patronymic}", f"    position: {_q(position)}",
                  "    organization: bench-uo"]  # fmt: skip
    lines += ["groups:",
              "  - id: bench-heads", "    name: Руководители ОО", "    dative: Руководителям ОО",
              "    genitive: руководителей ОО", "    members:"]  # fmt: skip
    lines += [f"      - organization: bench-school{n}" for n in range(1, 21)]
    lines += ["  - id: bench-wg", "    name: Члены рабочей группы", "    dative: Членам рабочей группы",
              "    members:"]  # fmt: skip
    lines += [f"      - person: bench-p{i}" for i in range(10)]
    lines += ["  - id: bench-methodists", "    name: Методисты", "    dative: Методистам"]
    return "\n".join(lines) + "\n"


def meeting(rng: random.Random, index: int) -> str:
    date = dt.date(2024, 1, 10) + dt.timedelta(days=index % 300)
    due = date + dt.timedelta(days=30)
    people = rng.sample(range(60), 14)
    chair, secretary, attendees = people[0], people[1], people[2:]
    out = [
        "# yaml-language-server: $schema=../../nor_docs/schemas/meeting.schema.json",
        "kind: заседание рабочей группы",
        "title: заседания муниципальной рабочей группы по сопровождению школ с низкими образовательными результатами",
        "issuer: bench-uo",
        f"number: {index}",
        f"date: {date:%d.%m.%Y}",
        'time: "10:00"',
        "place: г. Энск",
        "chair:", f"  person: bench-p{chair}", "  label: Председатель",
        "secretary:", f"  person: bench-p{secretary}", "  label: Секретарь",
        "attendees:",
    ]
    out += [f"  - person: bench-p{p}" for p in attendees]
    out += ["  - group: bench-heads", "    count: 20", "    text: руководители общеобразовательных организаций — 20 чел."]
    out.append("agenda:")
    for item in range(1, 6):
        speaker = rng.choice(people)
        out += [f"  - number: {item}", f"    title: {_q(_sentence(rng, 12))}", "    speakers:",
                f"      - person: bench-p{speaker}", "        position: начальника отдела", "    heard:"]  # fmt: skip
        for person in rng.sample(people, 2):
            out += [f"      - person: bench-p{person}", "        text: |-"]
            for k in range(rng.choice((1, 2))):
                if k:
                    out.append("")
                out.append("          " + _paragraph(rng, rng.choice((2, 3))))
        out += ["    spoke:", f"      - person: bench-p{rng.choice(people)}", f"        text: {_q(_paragraph(rng, 2))}"]
        out.append("    decisions:")
        for d in range(1, 4):
            # «май и декабрь» of a year whose May is not over before the meeting (NOR108)
            deadline = rng.choice(DEADLINES).format(d=f"{due:%d.%m.%Y}", y=due.year + (due.month > 5))
            executor = rng.choice(["bench-heads", "bench-wg", f"bench-p{rng.choice(people)}", "bench-methodists"])
            out += [f"      - number: \"{item}.{d}\"", f"        text: {_q(_sentence(rng, 18).lower())}",
                    f"        executors: [{executor}]", f"        deadline: {_q(deadline)}"]  # fmt: skip
            if d == 3:
                out += ["        decisions:", f"          - number: \"{item}.{d}.1\"",
                        f"            text: {_q(_sentence(rng, 14).lower())}"]  # fmt: skip
    out += ["signers:", f"  - person: bench-p{chair}", "    position: Председатель",
            f"  - person: bench-p{secretary}", "    position: Секретарь"]  # fmt: skip
    return "\n".join(out) + "\n"


def generate(root: Path, count: int = 1000, seed: int = 1) -> Path:
    rng = random.Random(seed)
    (root / "directory").mkdir(parents=True, exist_ok=True)
    (root / "meetings").mkdir(parents=True, exist_ok=True)
    (root / "directory" / "bench.yaml").write_text(directory(rng), encoding="utf-8")
    for index in range(1, count + 1):
        (root / "meetings" / f"bench-{index:04d}.yaml").write_text(meeting(rng, index), encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    generate(args.out, args.count)


if __name__ == "__main__":
    main()
