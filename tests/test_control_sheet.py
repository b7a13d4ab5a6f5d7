"""The control sheet (``nor-docs build control``) read back with python-docx: a landscape page, the
organisation and title, the page-1 summary, a header row Word repeats, one row per assignment with
its members' lines beneath, groups in the order people expect, overdue rows and lines marked, the
text of every cell for the demo records of tests/data/control (marks, extensions, a cancellation),
the discipline summary, «Составил», grouping by meeting, roadmap links, dates in words,
determinism, and the CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import textwrap
from pathlib import Path

import docx
import pytest
from conftest import DATA, ROOT
from control_sheet_reader import read_sheet
from docx.enum.section import WD_ORIENT

from nor_docs.build.control_sheet import build_control_sheet
from nor_docs.cli import cli
from nor_docs.control.calendar import office_today
from nor_docs.control.status import control_items, discipline, summary
from nor_docs.pipeline import load_checked as load_and_validate
from nor_docs.render.control_sheet_view import control_sheet_view, percent

RECORDS = DATA / "control"
TEMPLATES = ROOT / "templates"
OVERDUE_STYLE = "Контрольный лист: просрочено"
OVERDUE_FILL = "FBE3E3"
D = dt.date.fromisoformat
SCHOOLS = "Руководители общеобразовательных организаций"


@pytest.fixture(scope="module")
def records():
    records, found = load_and_validate(RECORDS)
    assert [d for d in found if d.is_error] == []
    return records


@pytest.fixture(scope="module")
def built(tmp_path_factory, records):
    """Build a sheet once per (day, grouping): → (path, control items)."""
    cache = {}

    def get(today: str, by: str = "executor"):
        if (today, by) not in cache:
            items = control_items(records, D(today))
            out = tmp_path_factory.mktemp("control")
            cache[today, by] = (build_control_sheet(records, items, D(today), by, out, TEMPLATES), items)
        return cache[today, by]

    return get


def sheet_of(built, today: str, by: str = "executor"):
    path, items = built(today, by)
    return read_sheet(path), items


def row_of(sheet, group_start: str, text_start: str):
    group = next(g for g in sheet.groups if g.title.startswith(group_start))
    return next(r for r in group.rows if r.text.startswith(text_start))


def member_of(row, name: str):
    return next(m for m in row.members if m["name"] == name)


# --- the page and the header row ----------------------------------------------------------------


def test_the_page_is_landscape_a4(built):
    sheet, _ = sheet_of(built, "2023-02-22")
    section = sheet.document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210


def test_the_header_row_repeats_on_every_page(built):
    sheet, _ = sheet_of(built, "2023-02-22")
    assert sheet.header_repeats
    assert [h.split(" (")[0] for h in sheet.header] == [
        "№ п/п", "Поручение", "Срок исполнения", "Исполнитель", "Отметка об исполнении", "Статус"]  # fmt: skip
    assert sheet.document.tables[-1].rows[0]._tr.trPr is not None  # the discipline table's header too


def test_the_heading_names_the_organisations_the_day_and_the_grouping(built):
    sheet, _ = sheet_of(built, "2023-02-22")
    # two offices gave the assignments of the demo records: both are named
    assert sheet.paragraphs[:5] == ["Управление образования города Кузнецка",
                                    "Управление образования Петрозаводского городского округа", "КОНТРОЛЬНЫЙ ЛИСТ",
                                    "исполнения поручений", "по состоянию на 22.02.2023"]  # fmt: skip
    assert "Поручения (по исполнителям)" in sheet.paragraphs
    assert sheet.document.core_properties.title == "Контрольный лист исполнения поручений на 22.02.2023"
    assert sheet.document.core_properties.created.date() == dt.date(2023, 2, 22)


def test_the_summary_counts_assignments_and_their_parts(built, records):
    sheet, items = sheet_of(built, "2023-02-22")
    assert sheet.summary_header == ["", "Всего", "Просрочено", "Срок в ближайшие 7 дней",
                                    "На контроле, срок не наступил", "Исполнено в срок",
                                    "Исполнено с нарушением срока", "Снято с контроля"]  # fmt: skip
    assignments, parts = sheet.summary
    assert assignments == {"label": "Поручений", "total": "6", "overdue": "2", "due_week": "2", "pending": "2",
                           "done": "0", "done_late": "0", "cancelled": "0"}  # fmt: skip
    assert parts == {"label": "Исполнителей по поручениям", "total": "16", "overdue": "2", "due_week": "4",
                     "pending": "7", "done": "1", "done_late": "1", "cancelled": "1"}  # fmt: skip
    counts = summary(items)
    assert int(parts["total"]) == counts["total"] and int(parts["overdue"]) == counts["overdue"]
    assert int(assignments["total"]) == len({i.assignment.id for i in items}) == len(sheet.rows)
    # who is late, and who has a deadline within the week, most first; numbers as numbers
    assert ("Просрочено (исполнители и число поручений): МБОУ СОШ №10 — 1; МОУ «Средняя школа № 7» — 1."
            in sheet.paragraphs)  # fmt: skip
    assert ("Срок в ближайшие 7 дней (22.02.2023 — 28.02.2023): МОУ «Средняя школа № 7» — 2; МОУ «Средняя школа "
            "№ 3» — 1; МОУ «Средняя школа № 6» — 1." in sheet.paragraphs)  # fmt: skip


def test_compiled_by_signs_the_sheet_or_leaves_lines_to_fill(tmp_path, records):
    items = control_items(records, D("2023-02-22"))
    blank = read_sheet(build_control_sheet(records, items, D("2023-02-22"), "executor", tmp_path / "a", TEMPLATES))
    assert blank.compiled[:4] == ["Составил: ____________________", "____________________", "____________________",
                                  "22.02.2023"]  # fmt: skip
    signed = read_sheet(build_control_sheet(records, items, D("2023-02-22"), "executor", tmp_path / "b", TEMPLATES,
                                            compiled_by="pakhomova"))  # fmt: skip
    person = records.people["pakhomova"]
    assert signed.compiled[0] == f"Составил: {person.position[0].upper()}{person.position[1:]}"
    assert signed.compiled[2] == person.short_initials_first.replace("\u00a0", " ")


# --- groups and order -----------------------------------------------------------------------------


def test_one_row_per_assignment_with_its_members_beneath_in_deadline_order(built, records):
    sheet, items = sheet_of(built, "2023-02-22")
    by_assignment: dict[str, list] = {}
    for index, item in enumerate(items):
        by_assignment.setdefault(item.assignment.id, []).append((index, item))
    assert len(sheet.rows) == len(by_assignment) == 6  # not one row per school: 16 parts in all
    assert sum(max(len(r.members), 1) for r in sheet.rows) == len(items) == 16
    assert [r["number"] for r in sheet.rows] == [str(n) for n in range(1, 7)]
    assert [g.title for g in sheet.groups] == ["МБОУ СОШ №10 (поручений — 1, просрочено — 1)",
                                               f"{SCHOOLS} (поручений — 5, просрочено — 1)"]  # fmt: skip
    schools = next(g for g in sheet.groups if g.title.startswith(SCHOOLS))
    # by effective deadline (a standing one by its report date), then record order
    assert [r.source for r in schools.rows] == ["Протокол от 31.01.2023, п. 4", "Протокол от 31.01.2023, п. 2",
                                                "Протокол от 31.01.2023, п. 5", "Протокол от 31.01.2023, п. 3",
                                                "Протокол от 31.01.2023, п. 1.4"]  # fmt: skip
    for row in schools.rows:
        assert row["executor"] == f"{SCHOOLS}\n(исполнителей — 3)" and row["marks"] == ""
        assert [m["name"] for m in row.members] == ["МОУ «Средняя школа № 3»", "МОУ «Средняя школа № 6»",
                                                    "МОУ «Средняя школа № 7»"]  # fmt: skip
    assert schools.rows[0]["status"] == "просрочено — 1\nисполнено с нарушением срока — 1\nисполнено — 1"


def test_executors_are_sorted_as_people_expect():
    from nor_docs.control.status import natural_key

    names = ["МОУ «Средняя школа № 10»", "МОУ «Средняя школа № 3»", "Ёлкина А.А.", "МОУ «Средняя школа № 29»",
             "Егорова Б.Б.", "МОУ «Средняя школа № 5»", "МБОУ СОШ №14"]  # fmt: skip
    assert sorted(names, key=natural_key) == ["Егорова Б.Б.", "Ёлкина А.А.", "МБОУ СОШ №14",
                                              "МОУ «Средняя школа № 3»", "МОУ «Средняя школа № 5»",
                                              "МОУ «Средняя школа № 10»", "МОУ «Средняя школа № 29»"]  # fmt: skip


def test_the_decisions_words_are_kept_bullets_and_a_sub_items_parent(tmp_path):
    from conftest import SAMPLE_RECORDS

    records, _ = load_and_validate(SAMPLE_RECORDS)
    day = D("2023-02-22")
    sheet = read_sheet(build_control_sheet(records, control_items(records, day), day, "meeting", tmp_path, TEMPLATES))
    group = next(g for g in sheet.groups if g.title.startswith("Протокол совещания руководителей муниципальных"))
    system = next(r for r in group.rows if r.source == "п. 1.2")
    words = system["task"].split("\n")[1:]
    assert words[0] == "Осуществлять в системе:" and len(words) == 7
    assert words[1].startswith("– анализ результатов процедур оценки качества")
    assert words[2] == "– анализ, связанный с оценкой образовательных результатов в рамках оценочных процедур;"
    sub = next(r for r in group.rows if r.source == "п. 1.3.1")
    assert sub["task"].split("\n")[1:] == [
        "1.3. Скорректировать систему внутришкольного контроля с учетом выявленных проблем, в том числе "
        "профессиональных дефицитов учителей;", "1.3.1. систему повышения квалификации и аттестации учителей;"]
    # each of the fifteen schools is a line under its assignment, in the order of their numbers
    assert [m["name"] for m in sub.members][:4] == ["МОУ «Средняя школа № 3»", "МОУ «Средняя школа № 5»",
                                                   "МОУ «Средняя школа № 6»", "МОУ «Средняя школа № 7»"]  # fmt: skip
    assert len(sub.members) == 15


def test_grouped_by_meeting_groups_follow_the_dates_and_rows_the_record(built, records):
    sheet, items = sheet_of(built, "2024-06-20", "meeting")
    assert "Поручения (по протоколам и дорожным картам)" in sheet.paragraphs
    titles = [g.title for g in sheet.groups]
    assert [t.split(" (поручений")[0] for t in titles] == [
        "Протокол совещания руководителей образовательных организаций города Кузнецка от 29.09.2021",
        "Протокол совещания руководителей муниципальных общеобразовательных организаций от 31.01.2023",
        "Протокол заседания рабочей группы по организации работы со школой с низкими образовательными "
        "результатами от 14.12.2023 № 4",
        "План мероприятий по повышению качества образования на первое полугодие 2024 года "
        "(утв. приказом Управления образования от 15.01.2024 № 12)",
        "Протокол совещания по срокам от 01.04.2024",
    ]  # fmt: skip
    by_record: dict[str, list] = {}
    for item in items:
        if item.assignment not in by_record.setdefault(item.assignment.record_id, []):
            by_record[item.assignment.record_id].append(item.assignment)
    order = ["2021-09-29-kuznetsk", "2023-01-31-ptz", "2023-12-14-wg", "ptz-roadmap-2024", "2024-04-01-misc"]
    for group, rid in zip(sheet.groups, order):
        expected = by_record[rid]  # record order: decision by decision
        assert [(r.source, r.text) for r in group.rows] == [
            (f"п. {a.number}", a.text[0].upper() + a.text[1:]) for a in expected]
    assert len(sheet.rows) == len({i.assignment.id for i in items})


# --- overdue rows ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("today", "by"), [("2023-02-22", "executor"), ("2024-06-20", "meeting")])
def test_overdue_rows_and_member_lines_and_only_they_are_marked(built, today, by):
    sheet, items = sheet_of(built, today, by)
    lines = [m for r in sheet.rows for m in r.members] + [r for r in sheet.rows if not r.members]
    overdue = [line for line in lines if line["status"].startswith("просрочено (")]
    assert len(overdue) == summary(items)["overdue"] > 0
    for line in lines:
        marked = line in overdue
        assert (OVERDUE_STYLE in line.styles) == marked, line.cells
        assert (line.fills == {OVERDUE_FILL}) == marked
        assert marked or line.fills == {None}
    for row in sheet.rows:  # an assignment's own row: marked when any member is late
        late = any(m["status"].startswith("просрочено") for m in row.members) or row["status"].startswith("просрочено")
        assert (row.fills == {OVERDUE_FILL}) == late, row.cells


def test_the_overdue_style_is_visible_and_the_office_can_change_it(tmp_path, records):
    template = docx.Document(str(TEMPLATES / "control-sheet.docx"))
    style = template.styles[OVERDUE_STYLE]
    assert style.font.color.rgb is not None and str(style.font.color.rgb) != "000000"
    assert template.styles[OVERDUE_STYLE + ", статус"].font.bold
    # An office restyles it in Word (here: python-docx) and the next sheet follows.
    from docx.shared import RGBColor

    style.font.color.rgb = RGBColor(0x00, 0x00, 0xFF)
    (tmp_path / "templates").mkdir()
    template.save(str(tmp_path / "templates" / "control-sheet.docx"))
    items = control_items(records, D("2023-02-22"))
    path = build_control_sheet(records, items, D("2023-02-22"), "executor", tmp_path / "out", tmp_path / "templates")
    assert str(docx.Document(str(path)).styles[OVERDUE_STYLE].font.color.rgb) == "0000FF"


# --- the text of the cells ----------------------------------------------------------------------------


def test_marks_extensions_and_statuses_of_the_demo_records(built):
    sheet, _ = sheet_of(built, "2023-02-22")
    plan = row_of(sheet, SCHOOLS, "Разработать «Дорожную карту»")
    assert plan["deadline"] == "в срок до 21.02.2023\nконтрольный срок — 21.02.2023"
    done = member_of(plan, "МОУ «Средняя школа № 3»")
    assert done["marks"] == "20.02.2023 — письмо № 15" and done["status"] == "исполнено"
    late = member_of(plan, "МОУ «Средняя школа № 6»")
    assert late["marks"] == "22.02.2023 — письмо № 21"
    assert late["status"] == "исполнено с нарушением срока (на 1 день)"
    interim = member_of(plan, "МОУ «Средняя школа № 7»")
    assert interim["marks"] == "15.02.2023 — промежуточный отчёт (промежуточная отметка)"
    assert interim["status"] == "просрочено (1 день)"
    program = row_of(sheet, SCHOOLS, "Разработать (скорректировать)")
    assert program["deadline"] == "в срок до 27.02.2023\nконтрольный срок — 27.02.2023"  # the schedule's
    extended = member_of(program, "МОУ «Средняя школа № 6»")  # the extension is the school's own
    assert extended["deadline"] == ("продлён до 10.03.2023 (утверждено 21.02.2023, Пахомова С.А.; основание — "
                                    "служебная записка директора)")  # fmt: skip
    assert extended["status"] == "срок продлён"
    assert member_of(program, "МОУ «Средняя школа № 3»")["deadline"] == ""
    cancelled = member_of(row_of(sheet, SCHOOLS, "Направить «Дорожную карту»"), "МОУ «Средняя школа № 3»")
    assert cancelled["marks"] == ("снято с контроля 10.02.2023, Пахомова С.А.: дорожная карта школы согласована "
                                  "на заседании рабочей группы")  # fmt: skip
    assert cancelled["status"] == "снято с контроля"
    holiday = row_of(sheet, "МБОУ СОШ №10", "Провести детальный анализ")
    assert holiday.source == "Протокол от 29.09.2021, п. 4.2" and holiday.members == []
    assert holiday["deadline"] == "10.10.2021\nконтрольный срок — 08.10.2021 (10.10.2021 — нерабочий день)"
    assert holiday["status"] == "просрочено (502 дня)" and holiday["executor"] == "МБОУ СОШ №10"
    standing = row_of(sheet, SCHOOLS, "Оказывать адресную")
    assert standing["deadline"] == "на постоянной основе\nотчёт — 19.01.2024" and standing["status"] == "постоянно — 3"
    relative = row_of(sheet, SCHOOLS, "Разработать распорядительный акт")
    assert relative["deadline"].endswith("контрольный срок — 10.03.2023 (12.03.2023 — нерабочий день)")


def test_points_periods_waiting_and_people_of_the_later_records(built):
    sheet, _ = sheet_of(built, "2024-06-20")
    several = row_of(sheet, "Кравцова Н.И.", "Представить отчёты за отчётные периоды")
    assert several["deadline"] == "май 2024 года и декабрь 2024 года\nмай 2024 — 31.05.2024\nдекабрь 2024 — 28.12.2024"
    assert several["marks"] == "май 2024: 30.05.2024 — отчёт за май" and several["status"] == "на контроле"
    monthly = row_of(sheet, "Рябченко Г.Н.", "Представлять сведения")
    assert monthly["deadline"] == "ежемесячно\nза май 2024 — 10.06.2024\nза июнь 2024 — 10.07.2024"
    assert monthly["marks"] == "апрель 2024: 08.05.2024 — сведения за апрель"
    assert monthly["status"] == "просрочено (10 дней)"
    waiting = row_of(sheet, "Кравцова Н.И.", "Подготовить аудитории")
    assert waiting["deadline"].endswith("ждёт даты события «пробный ОГЭ по математике (дата не назначена)»")
    assert waiting["status"] == "ждёт даты события"
    analysis = row_of(sheet, "Члены муниципальной рабочей группы", "Провести анализ проделанной работы")
    assert analysis["executor"] == "Члены муниципальной рабочей группы\n(исполнителей — 3)"
    assert analysis.source == "Протокол от 14.12.2023 № 4, п. 3"
    assert member_of(analysis, "Лешкова О.Н.")["marks"] == "31.01.2024 — аналитическая справка"
    roadmap = row_of(sheet, "Червова С.В., заместитель начальника управления образования", "Мониторинг")
    assert roadmap.source == "Дорожная карта от 15.01.2024 № 12, п. 1.1"
    assert roadmap["executor"] == "Червова С.В.\nзаместитель начальника управления образования"
    assert roadmap["deadline"] == "ежеквартально\nза 2 квартал 2024 — 10.07.2024"


def test_the_status_words_are_those_of_check(built):
    sheet, items = sheet_of(built, "2024-06-20", "meeting")
    by_text = {}
    for item in items:
        by_text.setdefault(item.status_text, 0)
        by_text[item.status_text] += 1
    shown = {}
    for line in [m for r in sheet.rows for m in r.members] + [r for r in sheet.rows if not r.members]:
        word = line["status"].split(" (на ")[0]
        shown[word] = shown.get(word, 0) + 1
    assert shown == by_text


# --- discipline ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("today", ["2023-02-22", "2024-06-20"])
def test_the_discipline_summary_is_that_of_discipline(built, records, today):
    sheet, items = sheet_of(built, today)
    rows = discipline(items, records)
    fields = ("total", "done", "done_late", "overdue", "pending", "cancelled")
    assert len(sheet.discipline) == len(rows) + 1
    for shown, row in zip(sheet.discipline, rows):
        assert shown["who"].startswith(row.name.replace("\u00a0", " "))
        assert [int(shown[f]) for f in fields] == [getattr(row, f) for f in fields]
        assert shown["share"] == (percent(row.on_time_share).replace("\u00a0", " "))
    total = sheet.discipline[-1]
    assert total["who"] == "Итого"
    assert [int(total[f]) for f in fields] == [sum(getattr(r, f) for r in rows) for f in fields]
    assert int(total["total"]) == summary(items)["total"] - summary(items)["cancelled"]


def test_percent_format():
    assert percent(None) == "—"
    assert percent(1.0) == "100\u00a0%"
    assert percent(2 / 3) == "66,7\u00a0%"
    assert percent(0.25) == "25\u00a0%"


def test_the_share_of_one_executor_on_the_sheet(built):
    sheet, _ = sheet_of(built, "2024-06-20")
    leshkova = next(r for r in sheet.discipline if r["who"].startswith("Лешкова"))
    # one done on time (the working group's analysis), three overdue
    assert (leshkova["done"], leshkova["overdue"], leshkova["share"]) == ("1", "3", "25 %")


# --- links to roadmaps -------------------------------------------------------------------------------------


def test_a_decision_fulfilled_by_a_roadmap_says_so(tmp_path):
    records_dir = tmp_path / "records"
    shutil.copytree(RECORDS, records_dir)
    (records_dir / "roadmaps" / "ptz-s3-roadmap.yaml").write_text(textwrap.dedent("""\
        # yaml-language-server: $schema=x
        title: План мероприятий по повышению качества образования в МОУ «Средняя школа № 3» на 2023 год
        issuer: ptz-s3
        period: {start: 2023-02-20, end: 2023-12-31}
        approval: {by: приказом МОУ «Средняя школа № 3», date: 20.02.2023, number: 15-о}
        ordered_by: 2023-01-31-ptz#4
        items:
          - number: 1
            activity: Анализ результатов ВПР
            deadline: май 2023 года
            executors: [ptz-s3]
        """), encoding="utf-8")  # fmt: skip
    records, found = load_and_validate(records_dir)
    assert [d for d in found if d.is_error] == []
    items = control_items(records, D("2023-02-22"))
    sheet = read_sheet(build_control_sheet(records, items, D("2023-02-22"), "executor", tmp_path / "out", TEMPLATES))
    link = ("Исполняется дорожной картой: План мероприятий по повышению качества образования в МОУ «Средняя "
            "школа № 3» на 2023 год (утв. приказом МОУ «Средняя школа № 3» от 20.02.2023 № 15-о)")  # fmt: skip
    linked = [r for r in sheet.rows if r["task"].endswith(link)]
    assert {r.text for r in linked} == {"Разработать «Дорожную карту» по повышению качества образования в школе"}
    assert len(linked) == 1 and len(linked[0].members) == 3  # the assignment's row, its schools beneath
    assert sum(link in r["task"] for r in sheet.rows) == 1


def test_a_roadmap_item_reported_at_a_meeting_says_where(tmp_path):
    from conftest import SAMPLE_RECORDS

    records, found = load_and_validate(SAMPLE_RECORDS)
    assert [d for d in found if d.is_error] == []
    day = D("2024-01-20")
    path = build_control_sheet(records, control_items(records, day), day, "meeting", tmp_path, TEMPLATES)
    sheet = read_sheet(path)
    group = next(g for g in sheet.groups if g.title.startswith("«Дорожная карта» по реализации муниципальной"))
    reported = "Рассмотрено: протокол от 14.12.2023 № 4"  # the reader shows no-break spaces as spaces
    by_point = {}
    for row in group.rows:
        by_point.setdefault(row.source, set()).add(row["task"].split("\n")[-1])
    assert {p for p, last in by_point.items() if last == {reported}} == {
        f"п. {n}" for n in ("1.1", "1.2", "1.3", "2.1", "2.2", "3.1")}
    assert by_point["п. 4.2"] != {reported}  # not reported yet: no such line
    assert all(reported not in r["task"] for g in sheet.groups if g is not group for r in g.rows)


def test_without_a_roadmap_no_link_is_shown(built):
    sheet, _ = sheet_of(built, "2023-02-22")
    assert not any("дорожной картой" in r["task"] for r in sheet.rows)


# --- text safety, emptiness, determinism ------------------------------------------------------------


def write_records(root: Path, decisions: list[tuple[str, str]], executors=("ivanova",), date="01.02.2023") -> Path:
    """A minimal records folder: people, one meeting with the given (text, deadline)."""
    (root / "directory").mkdir(parents=True)
    (root / "meetings").mkdir()
    people = "".join(f"  - id: {p}\n    surname: Иванова\n    first_name: Анна\n    patronymic: Петровна\n"
                     for p in executors)  # fmt: skip
    (root / "directory" / "d.yaml").write_text(
        "# yaml-language-server: $schema=x\norganizations:\n  - id: uo\n    name: Управление образования\n"
        f"    kind: управление образования\npeople:\n{people}", encoding="utf-8")  # fmt: skip
    lines = ["# yaml-language-server: $schema=x", "kind: совещание", "title: совещания", "issuer: uo",
             f"date: {date}", "decisions:"]  # fmt: skip
    for n, (text, deadline) in enumerate(decisions, 1):
        lines += [f"  - number: {n}", f"    executors: [{executors[n % len(executors)]}]", f"    text: {text}",
                  f"    deadline: {deadline}"]  # fmt: skip
    (root / "meetings" / "m.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_record_text_is_text_not_markup_or_template(tmp_path):
    records_dir = write_records(tmp_path / "records", [("'{{ 7*7 }} <b>жирный</b> & {% if x %}'", "до 10.02.2023")])
    records, _ = load_and_validate(records_dir)
    items = control_items(records, D("2023-02-05"))
    sheet = read_sheet(build_control_sheet(records, items, D("2023-02-05"), "executor", tmp_path / "out", TEMPLATES))
    assert sheet.rows[0].text == "{{ 7*7 }} <b>жирный</b> & {% if x %}"


def test_no_assignments_gives_a_sheet_that_says_so(tmp_path):
    records_dir = write_records(tmp_path / "records", [])
    (records_dir / "meetings" / "m.yaml").write_text(
        "# yaml-language-server: $schema=x\nkind: совещание\ntitle: совещания\nissuer: uo\ndate: 01.02.2023\n",
        encoding="utf-8")  # fmt: skip
    records, _ = load_and_validate(records_dir)
    sheet = read_sheet(build_control_sheet(records, [], D("2023-02-05"), "executor", tmp_path / "out", TEMPLATES))
    assert sheet.groups == [] and sheet.discipline == [] and sheet.summary == []
    assert "Поручений на контроле нет." in sheet.paragraphs


def test_the_same_records_and_day_give_the_same_bytes(tmp_path, records):
    digests = set()
    for n in range(2):
        items = control_items(records, D("2023-02-22"))
        path = build_control_sheet(records, items, D("2023-02-22"), "executor", tmp_path / str(n), TEMPLATES)
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    assert len(digests) == 1
    other = build_control_sheet(records, control_items(records, D("2023-02-23")), D("2023-02-23"), "executor",
                                tmp_path / "2", TEMPLATES)  # fmt: skip
    assert hashlib.sha256(other.read_bytes()).hexdigest() not in digests


def test_the_view_is_plain_data(records):
    view = control_sheet_view(records, control_items(records, D("2023-02-22")), D("2023-02-22"))

    def plain(value):
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return isinstance(value, (str, bool, int, dt.date)) or value is None

    assert plain(view)
    with pytest.raises(ValueError):
        control_sheet_view(records, [], D("2023-02-22"), by="month")


# --- the command ----------------------------------------------------------------------------------------


def run(runner, *args, records=RECORDS):
    return runner.invoke(cli, ["build", "control", "--records", str(records), "--templates", str(TEMPLATES), *args])


def test_cli_builds_the_sheet_and_says_where(runner, tmp_path):
    result = run(runner, "--today", "22.02.2023", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    path = tmp_path / "control-sheet-2023-02-22.docx"
    assert result.output == (f"{path.as_posix()}: поручений — 6 (по исполнителям — 16), просрочено — 2 "
                             "(по исполнителям — 2), исполнителей — 4\n")
    assert len(read_sheet(path).rows) == 6


def test_cli_by_meeting_writes_its_own_file(runner, tmp_path):
    result = run(runner, "--today", "2024-06-20", "--by", "meeting", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    sheet = read_sheet(tmp_path / "control-sheet-2024-06-20-by-meeting.docx")
    assert sheet.groups[0].title.startswith("Протокол совещания руководителей образовательных организаций")
    assert run(runner, "--by", "month", "--out", str(tmp_path)).exit_code == 3  # a usage error


def test_cli_today_defaults_to_the_office_day(runner, tmp_path):
    before = office_today("Europe/Moscow")
    result = run(runner, "--out", str(tmp_path))
    after = office_today("Europe/Moscow")
    assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.glob("*.docx")} <= {f"control-sheet-{d}.docx" for d in (before, after)}
    assert len(list(tmp_path.glob("*.docx"))) == 1


def test_cli_warn_days_changes_due_soon(runner, tmp_path):
    run(runner, "--today", "2023-02-20", "--out", str(tmp_path / "a"))
    run(runner, "--today", "2023-02-20", "--warn-days", "0", "--out", str(tmp_path / "b"))
    soon = [sum(m["status"] == "срок истекает" for r in read_sheet(p / "control-sheet-2023-02-20.docx").rows
                for m in r.members) for p in (tmp_path / "a", tmp_path / "b")]  # fmt: skip
    assert soon[0] > soon[1] == 0


def test_cli_invalid_records_exit_2_and_nothing_is_written(runner, tmp_path):
    records_dir = write_records(tmp_path / "records", [("задача", "до 10.02.2023")])
    meeting = records_dir / "meetings" / "m.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("[ivanova]", "[ivanva]"), encoding="utf-8")
    result = run(runner, "--today", "2023-02-05", "--out", str(tmp_path / "out"), records=records_dir)
    assert result.exit_code == 2
    assert f"{records_dir}/meetings/m.yaml:" in result.stderr and "NOR104" in result.stderr
    assert "Контрольный лист не собран: сначала исправьте записи." in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_refuses_to_write_into_the_records(runner, tmp_path):
    records_dir = tmp_path / "records"
    shutil.copytree(RECORDS, records_dir)
    before = {p: p.read_bytes() for p in records_dir.rglob("*") if p.is_file()}
    result = run(runner, "--today", "2023-02-22", "--out", str(records_dir / "build"), records=records_dir)
    assert result.exit_code == 4
    assert "сборка не пишет в записи — укажите другую (по умолчанию build/control)" in result.stderr
    result = run(runner, "--today", "2023-02-22", "--out", str(tmp_path / "build"), records=records_dir)
    assert result.exit_code == 0
    assert {p: p.read_bytes() for p in records_dir.rglob("*") if p.is_file()} == before


def test_cli_missing_template_is_reported(runner, tmp_path):
    result = runner.invoke(cli, ["build", "control", "--records", str(RECORDS), "--today", "2023-02-22",
                                 "--out", str(tmp_path / "out"), "--templates", str(tmp_path / "none")])  # fmt: skip
    assert result.exit_code == 1
    assert "NOR303 шаблон контрольного листа не найден" in result.stderr
    assert not list((tmp_path).rglob("*.docx"))


@pytest.mark.skipif(shutil.which("make") is None, reason="make не установлен")
def test_make_control_passes_today_and_grouping(tmp_path):
    import subprocess

    done = subprocess.run(["make", "-s", "control", f"OUT={tmp_path}", "TODAY=2023-02-20", "BY=meeting"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    path = tmp_path / "control" / "control-sheet-2023-02-20-by-meeting.docx"
    assert done.stdout.startswith(f"{path}: поручений — ")
    assert "по состоянию на 20.02.2023" in read_sheet(path).paragraphs


def test_dates_in_words_in_every_row(tmp_path):
    records_dir = tmp_path / "records"
    shutil.copytree(RECORDS, records_dir)
    (records_dir / "settings.yaml").write_text("documents:\n  date_style: words\n", encoding="utf-8")
    records, found = load_and_validate(records_dir)
    assert [d for d in found if d.is_error] == []
    day = D("2023-02-22")
    sheet = read_sheet(build_control_sheet(records, control_items(records, day), day, "executor", tmp_path / "o",
                                           TEMPLATES))  # fmt: skip
    assert "по состоянию на 22 февраля 2023 г." in sheet.paragraphs
    plan = row_of(sheet, SCHOOLS, "Разработать «Дорожную карту»")
    assert plan.source == "Протокол от 31 января 2023 г., п. 4"
    assert plan["deadline"] == "в срок до 21.02.2023\nконтрольный срок — 21 февраля 2023 г."
    assert member_of(plan, "МОУ «Средняя школа № 3»")["marks"] == "20 февраля 2023 г. — письмо № 15"
    program = row_of(sheet, SCHOOLS, "Разработать (скорректировать)")
    assert member_of(program, "МОУ «Средняя школа № 6»")["deadline"].startswith(
        "продлён до 10 марта 2023 г. (утверждено 21 февраля 2023 г., Пахомова С.А.;")
    holiday = row_of(sheet, "МБОУ СОШ №10", "Провести детальный анализ")
    assert holiday["deadline"].endswith("контрольный срок — 8 октября 2021 г. (10 октября 2021 г. — нерабочий день)")
    assert not any(re.search(r"\b\d\d\.\d\d\.\d{4}\b", line) for line in (
        plan.source, member_of(plan, "МОУ «Средняя школа № 3»")["marks"], sheet.compiled[3]))


def test_the_settings_name_the_organisation_and_who_compiled_it(tmp_path, runner):
    records_dir = tmp_path / "records"
    shutil.copytree(RECORDS, records_dir)
    (records_dir / "settings.yaml").write_text("documents:\n  organization: ptz-uo\n  compiled_by: pakhomova\n",
                                               encoding="utf-8")  # fmt: skip
    result = run(runner, "--today", "2023-02-22", "--out", str(tmp_path / "out"), records=records_dir)
    assert result.exit_code == 0, result.output
    sheet = read_sheet(tmp_path / "out" / "control-sheet-2023-02-22.docx")
    assert sheet.paragraphs[:2] == ["Управление образования Петрозаводского городского округа", "КОНТРОЛЬНЫЙ ЛИСТ"]
    assert sheet.compiled[2] == "С.А. Пахомова"
    result = run(runner, "--today", "2023-02-22", "--out", str(tmp_path / "out"), "--compiled-by", "ivanva",
                 records=records_dir)  # fmt: skip
    assert result.exit_code == 3 and "--compiled-by: неизвестное лицо «ivanva»" in result.stderr  # exitcodes.USAGE
    (records_dir / "settings.yaml").write_text("documents:\n  organization: ptz-u\n  compiled_by: pahomova\n",
                                               encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["validate", "--records", str(records_dir)])
    assert result.exit_code == 2  # exitcodes.INVALID_RECORDS
    assert f"{records_dir}/settings.yaml:2:17: NOR104 неизвестная организация «ptz-u»; возможно, «ptz-uo»?" in result.output
    assert f"{records_dir}/settings.yaml:3:16: NOR104 неизвестное лицо «pahomova»; возможно, «pakhomova»?" in result.output


def test_long_rows_may_break_across_pages_a_groups_title_may_not(built):
    from docx.oxml.ns import qn

    sheet, _ = sheet_of(built, "2023-02-22")
    table = next(t for t in sheet.document.tables if t.rows[0].cells[0].text == "№ п/п")
    for tr in table._tbl.tr_lst[1:]:
        cant = tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None
        assert cant == (len(tr.tc_lst) == 1), "только строка группы не разрывается"


def test_several_control_points_marked_in_the_text_are_listed_by_date(tmp_path):
    # The collegium decision with its deadlines inside the text (tests/data/protocols): the words
    # as written first, then each point — a date once (not «31.05.2014 — 31.05.2014»), and when it
    # moved off a day off, why (not «01.06.2014 — 30.05.2014», which reads as a range).
    records_dir = tmp_path / "records"
    (records_dir / "meetings").mkdir(parents=True)
    for sub in ("directory", "events"):
        shutil.copytree(DATA / "protocols" / "records" / sub, records_dir / sub)
    shutil.copy(DATA / "protocols" / "records" / "meetings" / "2014-01-21-marks.yaml", records_dir / "meetings")
    records, found = load_and_validate(records_dir)
    assert [d for d in found if d.is_error] == []
    today = D("2014-06-03")
    sheet = read_sheet(build_control_sheet(records, control_items(records, today), today, "executor", tmp_path,
                                           TEMPLATES))  # fmt: skip
    deadlines = {row.source: row["deadline"].split("\n") for row in sheet.rows}
    assert deadlines["Протокол от 21.01.2014 № 1, п. 3"] == [
        "2014 г.; до 1 июня 2014 г.", "30.05.2014 (01.06.2014 — нерабочий день)", "2014 год — 31.12.2014",
    ]  # fmt: skip
    assert deadlines["Протокол от 21.01.2014 № 1, п. 4"] == ["по графику ФЦТ; до 20 июня 2014 г.", "31.05.2014",
                                                               "20.06.2014"]  # fmt: skip
