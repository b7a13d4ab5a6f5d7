"""The five sample records say what the seed protocols say (../shared/seeds/000…004).

Each test reads the records as the program does (``load_and_validate``, ``collect_assignments``)
and checks the facts of one seed against the source text: every attendee and position, chair,
secretary and signers, date/time/place/format/number, the agenda and speakers, who was heard,
every decision, and every assignment with its deadline and executors. A transcription that drops
or changes a fact fails here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from nor_docs.control.assignments import collect_assignments
from nor_docs.pipeline import load_checked as load_and_validate
from nor_docs.scaffold.schema import PACKAGE_SCHEMAS, SCHEMAS, schema_text
from nor_docs.source.yamlsource import read_source

SAMPLE_RECORDS = Path(__file__).resolve().parent.parent / "records"

MEETINGS = {
    "000": "2023-10-31-kamenka-wg",
    "001": "2021-09-29-kuznetsk",
    "002": "2023-12-14-mun4-wg",
    "003": "2023-01-31-petrozavodsk",
    "004": "2022-01-31-astrakhan-500",
}


@pytest.fixture(scope="module")
def loaded():
    return load_and_validate(SAMPLE_RECORDS, display_root="records")


@pytest.fixture(scope="module")
def records(loaded):
    return loaded[0]


@pytest.fixture(scope="module")
def assignments(records):
    return {a.id: a for a in collect_assignments(records)}


# --- helpers ---------------------------------------------------------------------------------


def name(records, person_id: str) -> str:
    """«Фамилия И.О.» with an ordinary space."""
    return records.people[person_id].short.replace("\u00a0", " ")


def attendance(records, attendees) -> list[tuple]:
    """Each attendee as (name or group name, position or text as written, count)."""
    rows = []
    for a in attendees:
        if a.person:
            who = name(records, a.person)
        elif a.group:
            who = records.groups[a.group].name
        else:
            who = records.organizations[a.organization].display_name if a.organization else None
        rows.append((who, a.position or a.text, a.count))
    return rows


def decisions(meeting) -> list[tuple]:
    """(number, text, own executors, on_control) for every decision, depth first."""
    return [(d.number, d.text, tuple(d.executors), d.on_control) for _, d, _ in meeting.all_decisions()]


def same(actual, expected) -> bool:
    """Equal, except that an expected string ending in «…» only has to start the actual one."""
    if isinstance(expected, str) and expected.endswith("…"):
        return isinstance(actual, str) and actual.startswith(expected[:-1])
    if isinstance(expected, (list, tuple)) and isinstance(actual, (list, tuple)):
        return len(actual) == len(expected) and all(same(a, e) for a, e in zip(actual, expected))
    return actual == expected


def assert_rows(actual: list, expected: list) -> None:
    assert len(actual) == len(expected), actual
    for got, want in zip(actual, expected):
        assert same(got, want), f"{got!r} does not match {want!r}"


def of_meeting(assignments, meeting_id: str) -> dict:
    return {k: a for k, a in assignments.items() if a.record_id == meeting_id}


def text_position(path: Path, needle: str) -> tuple[int, int]:
    """1-based (line, column) of ``needle`` in a file, to compare with a diagnostic."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


# --- the whole sample -----------------------------------------------------------------------


def test_every_seed_is_transcribed(records):
    assert sorted(records.meetings) == sorted(MEETINGS.values())
    for seed, meeting_id in MEETINGS.items():
        path = SAMPLE_RECORDS / "meetings" / f"{meeting_id}.yaml"
        assert f"seeds/{seed}" in path.read_text(encoding="utf-8"), f"{path} does not name its seed"


def test_validate_gives_exactly_the_two_contradictions_of_seed_000(loaded):
    from nor_docs.analytics.load import validate_analytics

    records, found = loaded
    found = sorted(found + validate_analytics(records, display_root="records"))
    kamenka = SAMPLE_RECORDS / "meetings" / "2023-10-31-kamenka-wg.yaml"
    misspelt = text_position(kamenka, "МОУ СОШ с. Головинцино")
    percent = text_position(SAMPLE_RECORDS / "results" / "kamenka-2022-2023.csv", ";30,8;")
    percent = (percent[0], percent[1] + 1)
    shown = "records/meetings/2023-10-31-kamenka-wg.yaml"
    # Issue 14: the seeds' decisions without a deadline are each protocol's NOR209 (default deadline).
    assert sorted((d.file, d.code) for d in found if d.code == "NOR209") == [
        ("records/meetings/2022-01-31-astrakhan-500.yaml", "NOR209"),
        ("records/meetings/2023-01-31-petrozavodsk.yaml", "NOR209"),
    ]
    found = [d for d in found if d.code != "NOR209"]
    assert [(d.file, d.line, d.column, d.code) for d in found] == [
        (shown, *misspelt, "NOR202"),
        ("records/results/kamenka-2022-2023.csv", *percent, "NOR201"),
    ]
    assert not any(d.is_error for d in found)
    assert "«МОУ СОШ с. Головинцино»" in found[0].message
    assert "«МОУ СОШ с. Головинщино» (kamenka-golovinshchino)" in found[0].message
    assert found[1].message.startswith("30,8% не соответствует 4 из 12 (это 33,3%)")


def test_validate_cli_exits_zero_and_prints_the_two_warnings(runner):
    from nor_docs.cli import cli

    result = runner.invoke(cli, ["validate", "--records", str(SAMPLE_RECORDS)])
    assert result.exit_code == 0, result.output
    assert "NOR202" in result.output and "NOR201" in result.output
    # the two contradictions of seed 000 and two protocols with decisions without a deadline (NOR209)
    assert result.output.strip().endswith("Найдено: ошибок — 0, предупреждений — 4.")
    strict = runner.invoke(cli, ["validate", "--strict", "--records", str(SAMPLE_RECORDS)])
    assert strict.exit_code == 2


def test_no_execution_marks_in_the_historical_records(records):
    assert (records.marks, records.extensions, records.cancellations) == ([], [], [])
    assert not list(SAMPLE_RECORDS.glob("marks/*.y*ml"))


def test_every_record_file_names_its_schema_and_satisfies_it():
    kinds = {"directory": "directory", "meetings": "meeting", "events": "events", "roadmaps": "roadmap", "rules": "rule"}
    files = sorted(p for p in SAMPLE_RECORDS.rglob("*.yaml"))
    assert len(files) >= 12
    for path in files:
        kind = kinds[path.parent.name]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../nor_docs/schemas/{kind}.schema.json"
        schema = json.loads((PACKAGE_SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
        source, problems = read_source(path)
        assert problems == []
        jsonschema.validate(source.data, schema)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_committed_schemas_match_the_model(kind):
    assert (PACKAGE_SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8") == schema_text(kind)


def test_people_known_by_initials_have_a_gender_and_full_names_are_kept(records):
    for person in records.people.values():
        if not person.first_name:
            assert person.gender in ("f", "m"), person.id
    ryabchenko = records.people["mun4-ryabchenko"]
    assert (ryabchenko.first_name, ryabchenko.patronymic) == ("Галина", "Николаевна")
    assert records.people["petrozavodsk-vainik"].gender == "f"
    assert records.people["kuznetsk-shmachkov"].gender == "m"
    assert records.people["astrakhan-barkunov"].gender == "m"


# --- seed 000: Каменский район ---------------------------------------------------------------


def test_000_kamenka_heading_attendance_and_signer(records):
    m = records.meetings["2023-10-31-kamenka-wg"]
    assert (m.kind, m.number, m.date, m.time, m.place, m.format) == (
        "заседание рабочей группы", None, dt.date(2023, 10, 31), None, None, None,
    )  # fmt: skip
    assert m.title == "заседания рабочей группы по реализации проекта «Равенство образовательных возможностей»"
    assert records.organizations[m.issuer].name == "Управление образования Каменского района"
    assert (m.chair, m.secretary) == (None, None)
    assert attendance(records, m.attendees) == [
        ("Руководители общеобразовательных организаций", "руководители общеобразовательных организаций", None),
        ("Кирюхина И.В.", "заместитель начальника Управления образования", None),
        ("Чамина Н.Г.", "начальник информационно-методического отдела", None),
    ]
    assert records.groups["kamenka-heads"].members == []
    assert [(name(records, s.person), s.position) for s in m.signers] == [("Кирюхина И.В.", "Заместитель начальника")]
    assert m.intro.startswith("31.10.2023 состоялось установочное совещание с администрациями школ")


def test_000_kamenka_agenda_heard_and_decisions(records):
    m = records.meetings["2023-10-31-kamenka-wg"]
    assert_rows([(i.number, i.title, i.speakers) for i in m.agenda], [
        ("1", "Анализ реализации проекта «Равенство образовательных возможностей».", []),
        ("2", "Реализации комплекса мер по повышению профессиональных компетенций педагогов школ с низкими "
              "образовательными результатами", []),
    ])
    first, second = (item.heard for item in m.agenda)
    assert [(name(records, h.person), h.position) for h in first] == [
        ("Кирюхина И.В.", "муниципального координатора проекта «Равенство образовательных возможностей»"),
    ]
    assert [(name(records, h.person), h.position) for h in second] == [
        ("Чамина Н.Г.", "начальника информационно – методического отдела"),
    ]
    heard = first[0].text
    for fact in (
        "Перечень участников проекта был сформирован на основании данных ФИОКО и ПИРО.",
        "МОУ СОШ им. А.И. Панкова с. Головинщино",
        "ВПР 2022 русский 5 класс",
        "2023 – 4 чел. из 12 (30,8%)",
        "МОУ СОШ с. Головинцино предстоит освоить",
        "Доведены сроки отчетного периода: май 2024 года и декабрь 2024 года.",
    ):
        assert fact in heard
    assert second[0].text.endswith("- самообразование;\n- методическую работу.")
    assert_rows(decisions(m), [
        ("1", "Провести анализ деятельности образовательной организации.", (), True),
        ("2", "Провести анкетирование по выявлению рисков профилей.", (), True),
        ("3", "Разработать «дорожную карту» на основании методики адресной поддержки школ с низкими "
              "образовательными результатами.", (), True),
        ("4", "Разработать антирисковые программы.", (), True),
        ("5", "Активизировать работу по повышению профессионального уровня.", (), True),
    ])
    assert all(d.deadline is None for _, d, _ in m.all_decisions())


def test_000_kamenka_one_school_three_spellings(records):
    school = records.organizations["kamenka-golovinshchino"]
    assert (school.name, school.short_name) == ("МОУ СОШ им. А.И. Панкова с. Головинщино", "МОУ СОШ с. Головинщино")
    assert not any("Головинцино" in spelling for spelling in school.spellings)
    schools = [o for o in records.organizations.values() if o.id.startswith("kamenka-") and o.kind == "школа"]
    assert sorted(o.display_name for o in schools) == [
        "МОУ СОШ с. Головинщино", "МОУ СОШ с. Кикино", "МОУ СОШ с. Покровская Арчада",
    ]  # fmt: skip


def test_000_kamenka_results_as_stated(records):
    """The numbers of seed 000 are results records (records/results/), as the protocol states them."""
    from nor_docs.analytics.load import load_analytics

    rows = [(r.school, r.procedure, r.subject, r.grade, r.year, r.low, r.participants, r.percent, r.stated_low)
            for r in load_analytics(records).lines]  # fmt: skip
    assert rows == [
        ("kamenka-pokrovskaya-archada", "ВПР", "русский", 5, 2022, None, None, None, True),
        ("kamenka-pokrovskaya-archada", "ОГЭ", "математика", None, 2022, 6, 12, 50.0, False),
        ("kamenka-pokrovskaya-archada", "ОГЭ", "математика", None, 2023, 4, 12, 30.8, False),
        ("kamenka-golovinshchino", "ОГЭ", "математика", None, 2022, 4, 12, 33.3, False),
        ("kamenka-golovinshchino", "ОГЭ", "математика", None, 2023, 7, 10, 70, False),
        ("kamenka-kikino", "ОГЭ", "русский", None, 2023, 3, 8, 37.5, False),
        ("kamenka-kikino", "ОГЭ", "математика", None, 2023, 3, 8, 37.5, False),
    ]
    assert records.meetings["2023-10-31-kamenka-wg"].results == []


def test_000_kamenka_has_no_assignments(assignments):
    assert of_meeting(assignments, "2023-10-31-kamenka-wg") == {}


# --- seed 001: Кузнецк, выписка ---------------------------------------------------------------


def test_001_kuznetsk_heading_and_signatures(records):
    m = records.meetings["2021-09-29-kuznetsk"]
    assert (m.document, m.kind, m.number, m.date, m.time, m.place) == (
        "extract", "совещание руководителей", None, dt.date(2021, 9, 29), dt.time(10, 0), None,
    )  # fmt: skip
    assert m.title == "совещания руководителей образовательных организаций города Кузнецка"
    assert records.organizations[m.issuer].name == "Управление образования города Кузнецка"
    assert m.chair is None
    assert (name(records, m.secretary.person), m.secretary.label) == ("Фадеева С.А.", "Протокол вела")
    assert [(name(records, s.person), s.position) for s in m.signers] == [
        ("Борисова Л.А.", "Начальник управления образования"),
        ("Фадеева С.А.", "Протокол вела"),
    ]
    assert m.assignments_layout == "table"


def test_001_kuznetsk_all_nineteen_attendees(records):
    m = records.meetings["2021-09-29-kuznetsk"]
    assert attendance(records, m.attendees) == [
        ("Борисова Л.А.", "Начальник управления образования", None),
        ("Фадеева С.А.", "Зам. начальника", None),
        ("Надежина О.С.", "Главный специалист", None),
        ("Заводчикова Л.И.", "Заведующая методическим кабинетом", None),
        ("Храмова И.В.", "Методист", None),
        ("Антропова О.Е.", "Директор МБОУ гимназии №1", None),
        ("Калмыкова М.В.", "Директор МБОУ СОШ №2", None),
        ("Колесникова Н.А.", "Директор МБОУ СОШ №3", None),
        ("Шмачков С.А.", "Директор МБОУ СОШ №4 им. Е. Родионова", None),
        ("Ошкина Е.В.", "Директор МБОУ СОШ №5", None),
        ("Ладина Е.В.", "Директор МБОУ СОШ №6", None),
        ("Шалькина С.В.", "Директор МБОУ СОШ №8 им. П.А. Щипанова", None),
        ("Прошина О.Г.", "Директор МБОУ гимназии №9", None),
        ("Гуреева В.М.", "Директор МБОУ СОШ №10", None),
        ("Залётова О.М.", "Зам. директора по УВР МБОУ СОШ №14 г. Кузнецка им. 354 стрелковой дивизии", None),
        ("Седова Л.Ю.", "Директор МБОУ СОШ №15", None),
        ("Аникеев А.Н.", "Директор МБОУ СОШ №16", None),
        ("Гаранина Н.В.", "Директор МБОУ СОШ №17", None),
        ("Рузанова И.В.", "Директор МБОУ лицей №21", None),
    ]


def test_001_kuznetsk_item_4_decisions_and_appendix(records):
    m = records.meetings["2021-09-29-kuznetsk"]
    [item] = m.agenda
    assert (item.number, item.title, item.appendix) == (
        "4", "О подведении итогов реализации проекта «500+» в 2020-2021 учебном году", "1",
    )  # fmt: skip
    assert [(name(records, s.person), s.position) for s in item.speakers] == [(
        "Заводчикова Л.И.",
        "заведующий методическим кабинетом управления образования города Кузнецка, муниципальный координатор проекта",
    )]  # fmt: skip
    assert_rows(decisions(m), [
        ("4.1", "Принять к сведению информацию об итогах реализации проекта «500+» в 2020-2021 учебном году",
         ("kuznetsk-heads",), False),
        ("4.2", "На основе данных итогов реализации проекта «500+» провести детальный анализ независимых "
                "оценочных процедур в общеобразовательных организациях города Кузнецка с целью повышения "
                "качества образовательной деятельности.", ("kuznetsk-heads",), True),
    ])
    taken_note = item.decisions[0]
    assert (taken_note.deadline.kind, taken_note.deadline.date) == ("date", m.date)
    assert records.groups["kuznetsk-heads"].name == "Руководители ОО"
    [appendix] = m.appendices
    assert appendix.number == "1"
    assert appendix.title == "Сопровождение школ с низкими образовательными результатами на муниципальном уровне"
    assert appendix.subtitle == "(подведение итогов реализации проекта «500+» в 2020-2021 учебном году)"
    assert appendix.text.startswith("Инструментальным аспектом реализации программы")
    assert appendix.text.endswith("закреплены зоны ответственности участников реализации проекта")
    assert [row[0] for row in appendix.table.rows] == [
        "Методический кабинет", "Образовательная организация (ШНОР)", "Школя-тьютор",
    ]  # fmt: skip
    assert [row[1].count("\n- ") + 1 for row in appendix.table.rows] == [3, 4, 5]
    assert appendix.text_after.startswith("По результатам самообследования были выявлены рисковые профили")
    assert "«Исследовательские технологии личностно-ориентированного обучения." in appendix.text_after
    assert appendix.text_after.endswith("дорожных карт (муниципальной и школьной) и антирисковых программ.")


def test_001_kuznetsk_assignment(records, assignments):
    found = of_meeting(assignments, "2021-09-29-kuznetsk")
    assert list(found) == ["2021-09-29-kuznetsk#4.2"]
    a = found["2021-09-29-kuznetsk#4.2"]
    assert (a.deadline.kind, a.deadline.date, a.deadline.as_written) == ("date", dt.date(2021, 10, 10), "10.10.2021")
    assert a.executors == ("kuznetsk-heads",)
    assert [records.organizations[m].display_name for m in a.members] == [
        "МБОУ гимназия №1", "МБОУ СОШ №2", "МБОУ СОШ №3", "МБОУ СОШ №4 им. Е. Родионова", "МБОУ СОШ №5",
        "МБОУ СОШ №6", "МБОУ СОШ №8 им. П.А. Щипанова", "МБОУ гимназия №9", "МБОУ СОШ №10",
        "МБОУ СОШ №14 г. Кузнецка им. 354 стрелковой дивизии", "МБОУ СОШ №15", "МБОУ СОШ №16",
        "МБОУ СОШ №17", "МБОУ лицей №21",
    ]  # fmt: skip
    assert a.issued == dt.date(2021, 9, 29)


# --- seed 002: протокол № 4 ------------------------------------------------------------------


def test_002_mun4_heading_and_attendance(records):
    m = records.meetings["2023-12-14-mun4-wg"]
    assert (m.kind, m.number, m.date, m.time, m.place, m.format) == (
        "заседание рабочей группы", "4", dt.date(2023, 12, 14), dt.time(11, 0), None, None,
    )  # fmt: skip
    assert m.title == "заседания рабочей группы по организации работы со школой с низкими образовательными результатами"
    assert (name(records, m.chair.person), m.chair.label, m.chair.position) == (
        "Рябченко Г.Н.", "Председатель", "заместитель начальника Управления образования по УВР",
    )  # fmt: skip
    assert (name(records, m.secretary.person), m.secretary.label) == ("Сулейманова Р.И.", "Секретарь")
    assert [(name(records, s.person), s.position) for s in m.signers] == [("Сулейманова Р.И.", "Секретарь")]
    assert [(who, position, a.role, a.note) for (who, position, _), a in zip(attendance(records, m.attendees), m.attendees)] == [
        ("Лешкова О.Н.", "начальник инспекторско-аналитического отдела", "зам. председателя", None),
        ("Арбузова А.В.", "главный специалист инновационно-методического отдела", None, "по приглашению"),
        ("Кравцова Н.И.", "ведущий эксперт инновационно-методического отдела", "технический специалист", None),
        ("Гончарова Н.А.", "директор Центра ППМС помощи", None, None),
        ("Сулейманова Р.И.", "аналитик 1 категории инспекторско-аналитического отдела", "секретарь", None),
        ("Портнова Г.П.", "директор МОУ «СОШ №7»", None, None),
        ("Бахметова О.А.", "директор МОУ «Гимназия №1»", "куратор ШНОР", None),
    ]  # fmt: skip
    assert m.absent == []


def test_002_mun4_agenda_heard_and_decisions(records):
    m = records.meetings["2023-12-14-mun4-wg"]
    assert_rows([(i.number, i.title) for i in m.agenda], [
        ("1", "Утверждение муниципальной программы «Повышение качества образования в школах с низкими "
              "и/или необъективными образовательными результатами обучающихся» в новой редакции."),
        ("2", "Выполнение мероприятий по реализации «Дорожной карты» за 2023 год."),
    ])
    heard = [[(name(records, h.person), h.position) for h in item.heard] for item in m.agenda]
    assert heard == [
        [("Арбузова А.В.", "главный специалист инновационно-методического отдела, члена рабочей группы по "
                           "доработке муниципальной программы")],
        [
            ("Рябченко Г.Н.", "заместитель начальника Управления образования по УВР"),
            ("Кравцова Н.И.", "ведущий эксперт инновационно-методического отдела, технический специалист"),
            ("Лешкова О.Н.", "начальник инспекторско-аналитического отдела, зам. председателя"),
            ("Гончарова Н.А.", "директора ППМС-центра УО"),
            ("Бахметова О.А.", "директор МОУ «Гимназия №1»"),
        ],
    ]  # fmt: skip
    assert "даны рекомендации педагогам." in m.agenda[1].heard[2].text
    assert m.agenda[1].heard[4].text.count("\n- ") == 4
    assert_rows(decisions(m), [
        ("1", "Информацию принять к сведению.", (), False),
        ("2", "Утвердить муниципальную программу «Повышение качества образования…", (), True),
        ("3", "провести анализ проделанной работы по выполнению мероприятий по реализации «Дорожной карты» "
              "за 2023 год…", ("mun4-wg",), True),
    ])
    third = m.decisions[2]
    assert (third.executors_in_text, third.deadline_comma) == (True, False)
    assert records.groups["mun4-wg"].dative == "Членам муниципальной рабочей группы"


def test_002_mun4_assignment(records, assignments):
    found = of_meeting(assignments, "2023-12-14-mun4-wg")
    assert list(found) == ["2023-12-14-mun4-wg#3"]
    a = found["2023-12-14-mun4-wg#3"]
    assert (a.deadline.kind, a.deadline.date, a.deadline.as_written) == (
        "date", dt.date(2024, 1, 31), "в срок до 31.01.2024 г.",
    )  # fmt: skip
    assert [name(records, p) for p in a.members] == [
        "Рябченко Г.Н.", "Лешкова О.Н.", "Кравцова Н.И.", "Гончарова Н.А.", "Сулейманова Р.И.",
        "Портнова Г.П.", "Бахметова О.А.",
    ]  # fmt: skip


# --- seed 003: Петрозаводск ------------------------------------------------------------------

PETROZAVODSK_SCHOOLS = [3, 6, 7, 10, 20, 29, 33, 43, 46, 5, 14, 35, 9, 25, 55]


def test_003_petrozavodsk_heading_and_attendance(records):
    m = records.meetings["2023-01-31-petrozavodsk"]
    assert (m.kind, m.number, m.date, m.time, m.place, m.format) == (
        "совещание руководителей", None, dt.date(2023, 1, 31), dt.time(15, 0), "г. Петрозаводск", None,
    )  # fmt: skip
    assert m.title == (
        "совещания руководителей муниципальных общеобразовательных организаций Петрозаводского городского округа"
    )
    assert m.theme == (
        "Управление качеством образовательных результатов. Анализ результатов и эффективности принятых мер "
        "в рамках системы работы со школами с низкими результатами обучения"
    )
    assert (name(records, m.chair.person), m.chair.label, m.chair.position) == (
        "Пахомова С.А.", None,
        "заместитель председателя комитета – начальник управления образования комитета социального развития",
    )  # fmt: skip
    assert (name(records, m.secretary.person), m.secretary.label) == ("Червова С.В.", "Вела протокол")
    assert [(name(records, s.person), s.position.splitlines()) for s in m.signers] == [
        ("Пахомова С.А.", [
            "Заместитель председателя комитета -", "начальник управления образования",
            "комитета социального развития Администрации", "Петрозаводского городского округ",
        ]),
        ("Червова С.В.", ["Вела протокол"]),
    ]  # fmt: skip
    assert attendance(records, m.attendees) == [(
        "Руководители муниципальных образовательных организаций Петрозаводского городского округа",
        "Руководители муниципальных образовательных организаций Петрозаводского городского округа",
        None,
    )]  # fmt: skip


def test_003_petrozavodsk_agenda_and_speakers(records):
    m = records.meetings["2023-01-31-petrozavodsk"]
    assert_rows([(i.number, i.title) for i in m.agenda], [
        ("1", "Анализ образовательных результатов по итогам процедур оценки качества образования…"),
        ("2", "Эффективная практика «Проекты в помощь школе». «Мы вместе ежедневно строим будущее!»"),
        ("3", "Анализ действующих моделей, функционирующих в общеобразовательных организациях…"),
    ])
    assert m.agenda[0].title.endswith("функционирующими в неблагоприятных социальных условиях за 2022 год")
    assert m.agenda[2].title.endswith("в целях распространения лучших практик управления качеством образования")
    speakers = [[(s.person and name(records, s.person), s.group, s.position or s.text) for s in i.speakers]
                for i in m.agenda]  # fmt: skip
    assert speakers == [
        [("Червова С.В.", None, "заместитель начальника управления образования комитета социального развития "
                                "Администрации Петрозаводского городского округа")],
        [("Вайник Е.Ю.", None, "директор муниципального бюджетного общеобразовательного учреждения "
                               "Петрозаводского городского округа «Средняя общеобразовательная школа № 36 с "
                               "углубленным изучением иностранных языков»")],
        [(None, "petrozavodsk-heads", "руководители муниципальных образовательных организации")],
    ]  # fmt: skip
    assert all(item.heard == [] for item in m.agenda)


def test_003_petrozavodsk_nested_decisions(records):
    m = records.meetings["2023-01-31-petrozavodsk"]
    group = ("petrozavodsk-shnor15",)
    assert_rows(decisions(m), [
        ("1", "МОУ «Средняя школа № 3»; МОУ «Средняя школа № 6»;…", group, False),
        ("1.1", "Принять к сведению информацию.", (), False),
        ("1.2", "Осуществлять в системе:", (), True),
        ("1.3", "Скорректировать систему внутришкольного контроля с учетом выявленных проблем, в том числе "
                "профессиональных дефицитов учителей;", (), True),
        ("1.3.1", "систему повышения квалификации и аттестации учителей;", (), True),
        ("1.4", "Оказывать адресную методическую поддержку педагогам, обучающиеся которых показали низкие "
                "образовательные результаты, имеющим профессиональные дефициты, в том числе по критериальному "
                "оцениванию результатов процедур оценки качества", (), True),
        ("2", "Разработать(скорректировать) антирисковую программу МОУ", group, True),
        ("3", "Разработать распорядительный акт МОУ о мерах обеспечения объективности проведения процедур "
              "оценки качества", group, True),
        ("4", "Разработать «Дорожную карту»/ «План мероприятий по повышению качества в МОУ на 2023 год по "
              "повышению качества образования в школе»", group, True),
        ("5", "Направить в управление образования комитета социального развития на согласование, «Дорожную "
              "карту»/ «План мероприятий по повышению качества в МОУ на 2023 год по повышению качества "
              "образования в школе»", group, True),
    ])
    heading = m.decisions[0]
    assert heading.addressed_to == "Руководителям общеобразовательных организаций:"
    assert [f"МОУ «Средняя школа № {n}»" for n in PETROZAVODSK_SCHOOLS] == heading.text.split("; ")
    assert len(heading.decisions[1].bullets) == 6
    assert [d.number for d in heading.decisions] == ["1.1", "1.2", "1.3", "1.4"]
    assert [d.number for d in heading.decisions[2].decisions] == ["1.3.1"]
    assert (heading.decisions[3].deadline_comma, m.decisions[1].deadline_comma) == (False, True)
    assert [d.executors_in_text for d in m.decisions[1:]] == [False] * 4


def test_003_petrozavodsk_fifteen_schools_group(records):
    group = records.groups["petrozavodsk-shnor15"]
    assert (group.name, group.dative, group.genitive) == (
        "Руководители общеобразовательных организаций",
        "Руководителям общеобразовательных организаций",
        "руководителей общеобразовательных организаций",
    )
    assert [records.organizations[m.organization].name for m in group.members] == [
        f"МОУ «Средняя школа № {n}»" for n in PETROZAVODSK_SCHOOLS
    ]


def test_003_petrozavodsk_assignments_and_deadlines(records, assignments):
    found = of_meeting(assignments, "2023-01-31-petrozavodsk")
    assert list(found) == [f"2023-01-31-petrozavodsk#{n}" for n in ("1.2", "1.3", "1.3.1", "1.4", "2", "3", "4", "5")]
    schools = tuple(f"petrozavodsk-sosh{n}" for n in PETROZAVODSK_SCHOOLS)
    for a in found.values():
        assert a.executors == ("petrozavodsk-shnor15",)
        assert a.members == schools
    deadlines = {k.split("#")[1]: a.deadline for k, a in found.items()}
    assert [deadlines[n] for n in ("1.2", "1.3", "1.3.1")] == [None, None, None]
    assert (deadlines["1.4"].kind, deadlines["1.4"].as_written) == ("standing", "(на постоянной основе)")
    assert (deadlines["2"].kind, deadlines["2"].date) == ("date", dt.date(2023, 2, 27))
    assert (deadlines["4"].kind, deadlines["4"].date) == ("date", dt.date(2023, 2, 21))
    assert (deadlines["5"].kind, deadlines["5"].date) == ("date", dt.date(2023, 2, 27))
    relative = deadlines["3"]
    assert (relative.kind, relative.event, relative.offset_days, relative.working_days) == (
        "relative", "petrozavodsk-oko-procedure", -3, False,
    )  # fmt: skip
    assert relative.as_written == "в следующие сроки: не менее трех дней до проведения процедуры"
    event = records.events["petrozavodsk-oko-procedure"]
    assert (event.title, event.date) == ("Проведение процедуры оценки качества", None)


# --- seed 004: Астрахань, «500+» --------------------------------------------------------------


def test_004_astrakhan_heading_and_attendance(records):
    m = records.meetings["2022-01-31-astrakhan-500"]
    assert (m.kind, m.number, m.date, m.time, m.place) == (
        "установочный семинар", None, dt.date(2022, 1, 31), dt.time(14, 0), "г. Астрахань",
    )  # fmt: skip
    assert (m.format.mode, m.format.platform) == ("ВКС", "Сферум")
    assert m.title == "установочного семинара по реализации проекта адресной методической помощи «500+»"
    assert records.organizations[m.issuer].name == "ГБОУ АО ДПО «Центр мониторинга в образовании»"
    assert (name(records, m.chair.person), m.chair.label, m.chair.position) == (
        "Баркунов Д.А.", "Председательствовал",
        "директор ГБОУ АО ДПО «Центр мониторинга в образовании», региональный координатор проекта «500+»",
    )  # fmt: skip
    assert m.secretary is None
    assert [(name(records, s.person), s.position.splitlines()) for s in m.signers] == [(
        "Баркунов Д.А.",
        ["Директор ГБОУ АО ДПО", "«Центр мониторинга в образовании»,", "региональный координатор проекта «500+»"],
    )]  # fmt: skip
    rows = attendance(records, m.attendees)
    assert [(who, count) for who, _, count in rows] == [
        ("Участники проекта адресной методической помощи «500+» 2022 года", 15),
        ("Муниципальные координаторы", 11),
    ]
    assert rows[0][1].endswith("(15 руководителей общеобразовательных организаций, имеющих низкие "
                               "образовательные результаты обучающихся)")  # fmt: skip
    assert rows[1][1].startswith("муниципальные координаторы (представители 11 муниципальных органов")
    for group_id, count in (("astrakhan-500-heads", 15), ("astrakhan-coordinators", 11)):
        assert (records.groups[group_id].count, records.groups[group_id].members) == (count, [])


def test_004_astrakhan_agenda_and_heard(records):
    m = records.meetings["2022-01-31-astrakhan-500"]
    assert_rows([(i.number, i.title, [(s.number, s.title) for s in i.items]) for i in m.agenda], [
        ("1", "Об алгоритме отбора образовательных организаций Астраханской области из числа "
              "общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся, для "
              "участия в проекте «500+» в 2022 году.", []),
        ("2", "Реализация проекта адресной методической помощи «500+» в Астраханской области в 2022 году:",
         [("2.1", "о целях, задачах, условиях проекта;"),
          ("2.2", "о предстоящих мероприятиях и событиях по проекту, запланированных на ближайшее время.")]),
    ])  # fmt: skip
    for item in m.agenda:
        assert [(name(records, h.person), h.position) for h in item.heard] == [
            ("Баркунов Д.А.", "директора ГБОУ АО ДПО «Центр мониторинга в образовании»"),
        ]
    first, second = (item.heard[0].text for item in m.agenda)
    assert "от 22.11.2021 № 02-21/683" in first and "(приказ от 20.12.2021 № 382)." in first
    assert second.endswith("Также Баркунов Д.А. проинформировал о предварительных итогах анкетирования "
                           "общеобразовательных организаций-участников проекта.")  # fmt: skip


def test_004_astrakhan_decisions_and_assignments(records, assignments):
    m = records.meetings["2022-01-31-astrakhan-500"]
    heads = ("astrakhan-500-heads",)
    assert_rows(decisions(m), [
        ("1", "Принять информацию к сведению.", (), False),
        ("2", "Рекомендовать руководителям школ-участников проекта ознакомиться с нормативной базой проекта "
              "«500+», провести необходимую разъяснительную работу среди членов педагогических коллективов, а "
              "также в среде родительской общественности.", heads, True),
        ("3", "С целью обеспечения формирования и поддержания единого пространства проекта на территории "
              "региона всем участникам проекта обеспечивать на своем уровне информирование о ходе реализации "
              "проекта всех заинтересованных лиц.", heads, True),
        ("4", "Обратить внимание руководителей на необходимость неукоснительного соблюдения сроков реализации "
              "мероприятий проекта утвержденных дорожной картой.", heads, True),
        ("5", "активизировать работу по прохождению анкетирования для своевременной разработки рискованного "
              "профиля школы.", ("astrakhan-ushakovka",), True),
    ])
    assert [d.executors_in_text for d in m.decisions[1:4]] == [False] * 3
    assert m.decisions[4].addressed_to == "Руководству МБОУ «СОШ с. Ушаковка»"
    found = of_meeting(assignments, "2022-01-31-astrakhan-500")
    assert {k: (a.deadline, a.members) for k, a in found.items()} == {
        "2022-01-31-astrakhan-500#2": (None, heads),
        "2022-01-31-astrakhan-500#3": (None, heads),
        "2022-01-31-astrakhan-500#4": (None, heads),
        "2022-01-31-astrakhan-500#5": (None, ("astrakhan-ushakovka",)),
    }


def test_marks_name_sample_assignments_and_group_members(records_copy):
    """Control data (tests/data/sample-marks) refers to the sample assignments by id and member."""
    import shutil

    data = Path(__file__).resolve().parent / "data" / "sample-marks" / "demo.yaml"
    (records_copy / "marks").mkdir(exist_ok=True)
    shutil.copy(data, records_copy / "marks" / "demo.yaml")
    copy, found = load_and_validate(records_copy, display_root="records")
    assert len(copy.marks) == 3 and len(copy.extensions) == 1
    wrong = text_position(data, "member: petrozavodsk-sosh3")[0]
    other = [d for d in found if d.code not in ("NOR201", "NOR202", "NOR209")]
    assert [(d.file, d.line, d.code) for d in other] == [("records/marks/demo.yaml", wrong, "NOR114")]
    assert "«petrozavodsk-sosh3» не исполнитель поручения 2021-09-29-kuznetsk#4.2" in other[0].message
