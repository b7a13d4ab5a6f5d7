"""A generated region for the analytics: a directory of schools, five years of results with a
known list of schools planted to meet the rule, and the same data as an office's export.

``write_region(root)`` writes, deterministically for the same arguments:

- ``root/directory/region.yaml`` — the office and ``schools`` schools in 25 municipalities;
- ``root/results/region.csv`` — per school and year 30 lines (ВПР 4–8 классы by subject, ОГЭ and
  ЕГЭ by subject), every share of low results below 20% except where planted;
- ``root/rules/region.yaml`` — the rule of seed 000 over the last two years;
- ``export.csv`` beside ``root`` — the same school lines as a spreadsheet export with Russian
  headers and school names (what ``nor-docs results import`` reads).

Planted (returned as lists of ids): schools meeting the rule by two procedures in one year, by the
same procedure in both years, or both; «nearly» schools whose lines sit between 25% and 30%; and
decoys with low results that make no criterion (one procedure once; two procedures in different
years; low results before the rule's years), which must not be listed.
"""

from __future__ import annotations

import random
from pathlib import Path

YEARS = (2019, 2020, 2021, 2022, 2023)
RULE_YEARS = (2022, 2023)
MUNICIPALITIES = [f"{name} район" for name in (
    "Бековский", "Белинский", "Башмаковский", "Вадинский", "Городищенский", "Земетчинский", "Иссинский",
    "Каменский", "Камешкирский", "Колышлейский", "Кондольский", "Лопатинский", "Лунинский", "Малосердобинский",
    "Мокшанский", "Наровчатский", "Неверкинский", "Никольский", "Пачелмский", "Пензенский", "Сердобский",
    "Сосновоборский", "Спасский", "Тамалинский", "Шемышейский")]  # fmt: skip
VILLAGES = ("Кикино", "Головинщино", "Покровская Арчада", "Кевдо-Мельситово", "Андреевка", "Казачья Пелетьма",
            "Владыкино", "Дубровка", "Красная Горка", "Ленино", "Мочалейка", "Ночка", "Пяша", "Салтыково")  # fmt: skip
KEYS = ([("ВПР", subject, grade) for grade in (4, 5, 6, 7, 8)
         for subject in ("русский язык", "математика", "история", "биология")]
        + [("ОГЭ", subject, None) for subject in ("русский язык", "математика", "обществознание", "биология",
                                                  "география", "информатика")]
        + [("ЕГЭ", subject, None) for subject in ("русский язык", "математика (профильный уровень)",
                                                  "обществознание", "биология")])  # fmt: skip
assert len(KEYS) == 30


def school_name(i: int) -> str:
    return f"МОУ СОШ № {i} с. {VILLAGES[i % len(VILLAGES)]}"


def write_region(root: Path, schools: int = 2000, planted: int = 40, seed: int = 16) -> dict[str, list[str]]:
    rng = random.Random(seed)
    for folder in ("directory", "results", "rules"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    ids = [f"school-{i:04d}" for i in range(1, schools + 1)]
    municipality = {school: MUNICIPALITIES[i % len(MUNICIPALITIES)] for i, school in enumerate(ids)}
    directory = ["# yaml-language-server: $schema=../../nor_docs/schemas/directory.schema.json", "organizations:",
                 "  - id: region-uo", "    name: Министерство образования области", "    kind: орган власти"]
    for i, school in enumerate(ids, 1):
        directory += [f"  - id: {school}", f"    name: {school_name(i)}", "    kind: школа",
                      f"    municipality: {municipality[school]}"]
    (root / "directory" / "region.yaml").write_text("\n".join(directory) + "\n", encoding="utf-8")
    (root / "rules" / "region.yaml").write_text(RULE, encoding="utf-8")

    # shares per (school, year, key): a low baseline, then the planted patterns
    chosen = rng.sample(ids, planted * 3)
    one_year, consecutive, nearly, decoys = chosen[: planted // 2], chosen[planted // 2 : planted], \
        chosen[planted : planted * 2], chosen[planted * 2 :]  # fmt: skip
    plan: dict[tuple, str] = {}
    for school in one_year:
        year = rng.choice(RULE_YEARS)
        for key in rng.sample(KEYS, 2):
            plan[(school, year, key)] = "low"
    for school in consecutive:
        key = rng.choice(KEYS)
        for year in RULE_YEARS:
            plan[(school, year, key)] = "low"
    for school in nearly:
        year = rng.choice(RULE_YEARS)
        for key in rng.sample(KEYS, 2):
            plan[(school, year, key)] = "near"
    for n, school in enumerate(decoys):
        kind = n % 3
        if kind == 0:  # one procedure, once
            plan[(school, rng.choice(RULE_YEARS), rng.choice(KEYS))] = "low"
        elif kind == 1:  # two procedures, in different years
            first, second = rng.sample(KEYS, 2)
            plan[(school, RULE_YEARS[0], first)] = "low"
            plan[(school, RULE_YEARS[1], second)] = "low"
        else:  # low before the rule's years
            key = rng.choice(KEYS)
            plan[(school, 2020, key)] = plan[(school, 2021, key)] = "low"
    lines = ["school;procedure;subject;grade;year;participants;low;percent;retakes"]
    export = ["Муниципалитет;Наименование ОО;Процедура;Предмет;Класс;Год;Кол-во участников;Получили «2»;% «2»"]
    for i, school in enumerate(ids, 1):
        for year in YEARS:
            for procedure, subject, grade in KEYS:
                state = plan.get((school, year, (procedure, subject, grade)))
                n = rng.randint(20, 60)
                if state == "low":
                    low = rng.randint(-(-n * 30 // 100), n * 6 // 10)
                elif state == "near":
                    low = rng.randint(-(-n * 25 // 100), -(-n * 30 // 100) - 1)
                else:
                    low = rng.randint(0, n * 20 // 100)
                stated = f"{low * 100 / n:.1f}".replace(".", ",") if rng.random() < 0.3 else ""
                retakes = "" if procedure == "ВПР" else "до"
                lines.append(f"{school};{procedure};{subject};{grade or ''};{year};{n};{low};{stated};{retakes}")
                export.append(f"{municipality[school]};{school_name(i)};{procedure};{subject};{grade or ''};{year};"
                              f"{n};{low};{stated}")  # fmt: skip
    (root / "results" / "region.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root.parent / "export.csv").write_text("\n".join(export) + "\n", encoding="utf-8")
    return {"identified": sorted(one_year + consecutive), "nearly": sorted(nearly), "decoys": sorted(decoys)}


RULE = """\
# yaml-language-server: $schema=../../nor_docs/schemas/rule.schema.json
title: Критерии отбора (как в протоколе 000), 2022–2023
years: [2022, 2023]
criteria:
  - kind: procedures_in_one_year
    min_procedures: 2
    text: не менее двух процедур с низкими результатами в одном из лет {years}
  - kind: same_procedure_consecutive_years
    text: одна и та же процедура с низкими результатами два года подряд
"""
