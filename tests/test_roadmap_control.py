"""Roadmap items under control exactly like assignments: the sample roadmaps of seeds 000 and 001
say only what their seeds say; every output points at the item's line; marks, statuses and the
link from a decision to the roadmap that fulfils it."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import DATA, SAMPLE_RECORDS

from nor_docs.cli import cli
from nor_docs.control.assignments import collect_assignments
from nor_docs.control.status import control_items
from nor_docs.pipeline import load_checked as load_and_validate

KUZNETSK = "kuznetsk-sosh10-roadmap-2021-2022"
KAMENKA = "kamenka-roadmap-2024"
MUN4 = "mun4-roadmap-2023-2024"
ROADMAP_DATA = DATA / "roadmaps"
KAMENKA_SCHOOLS = ("kamenka-kikino", "kamenka-golovinshchino", "kamenka-pokrovskaya-archada")


@pytest.fixture(scope="module")
def sample():
    records, found = load_and_validate(SAMPLE_RECORDS, display_root="records")
    assert not [d for d in found if d.is_error]
    return records


def _items(roadmap):
    return [(section.title, item) for section in roadmap.sections for item in section.items]


# --- the sample roadmaps say what their seeds say ------------------------------------------------


def test_seed_001_roadmap_has_the_zones_of_responsibility_and_their_bullets_word_for_word(sample):
    roadmap = sample.roadmaps[KUZNETSK]
    appendix = sample.meetings["2021-09-29-kuznetsk"].appendices[0].table.rows
    zones = [zone for zone, _ in appendix]
    bullets = [[re.sub(r"^- ", "", line).rstrip(";.") for line in text.splitlines()] for _, text in appendix]
    assert [s.title for s in roadmap.sections] == [zones[0], zones[1], "Школа-тьютор (МБОУ СОШ №8 им. П.А. Щипанова)"]
    assert zones[2] == "Школя-тьютор"  # the source's own typo, not repeated in the roadmap
    assert [[i.activity for i in s.items] for s in roadmap.sections] == bullets
    assert [[i.number for i in s.items] for s in roadmap.sections] == [
        ["1.1", "1.2", "1.3"], ["2.1", "2.2", "2.3", "2.4"], ["3.1", "3.2", "3.3", "3.4", "3.5"]]
    executors = [{tuple(i.executors) for i in s.items} for s in roadmap.sections]
    assert executors == [{("kuznetsk-zavodchikova",)}, {("kuznetsk-sosh10",)}, {("kuznetsk-sosh8",)}]
    assert {i.deadline.kind for _, i in _items(roadmap)} == {"standing"}
    assert {i.deadline.as_written for _, i in _items(roadmap)} == {"в течение учебного года"}
    assert (roadmap.subject, roadmap.approval, roadmap.ordered_by) == ("kuznetsk-sosh10", None, None)


def test_seed_000_roadmap_is_ordered_by_decision_3_with_the_reporting_periods(sample):
    roadmap = sample.roadmaps[KAMENKA]
    assert roadmap.ordered_by == "2023-10-31-kamenka-wg#3"
    decision = sample.meetings["2023-10-31-kamenka-wg"].decisions[2]
    assert decision.number == "3" and "«дорожную карту»" in decision.text
    activities = [i.activity for _, i in _items(roadmap)]
    decisions = [d.text for d in sample.meetings["2023-10-31-kamenka-wg"].decisions]
    # Decisions 1, 2 and 4 and the complex of measures of the second question, as activities.
    assert "анализ деятельности образовательной организации" in activities[0]
    assert activities[1] == "Анкетирование по выявлению рисков профилей" and "анкетирование по выявлению рисков профилей" in decisions[1]
    assert "Разработка антирисковых программ" in activities and "антирисковые программы" in decisions[3]
    heard = sample.meetings["2023-10-31-kamenka-wg"].agenda[1].heard[0].text
    for measure in ("через центры непрерывного образования", "работу в профессиональных сообществах",
                    "самообразование", "методическую работу"):  # fmt: skip
        assert measure in heard
    for _, item in _items(roadmap):
        assert item.deadline.as_written == "май 2024 года и декабрь 2024 года"
        assert [(p.year, p.month) for p in item.deadline.points] == [(2024, 5), (2024, 12)]
        assert tuple(item.executors) == KAMENKA_SCHOOLS
    assert roadmap.approval is None


def _said(text: str) -> str:
    """Text compared as words: case, «ё», spacing and «6,7» against «6, 7» do not matter."""
    return " ".join(text.lower().replace("ё", "е").replace(",", ", ").split())


def test_seed_002_roadmap_uses_only_what_the_working_group_heard_in_its_words(sample):
    roadmap = sample.roadmaps[MUN4]
    meeting = sample.meetings["2023-12-14-mun4-wg"]
    heard = _said(" ".join(h.text for item in meeting.agenda for h in item.heard))
    decision = _said(meeting.decisions[2].text)
    # Each section title, result and reporting form with the words of the protocol it comes from.
    source = {
        "Муниципальные контрольные срезы по русскому языку и математике в 6, 7 классах":
            "муниципальные контрольные срезы по русскому языку и математике в 6,7 классах",
        "Сетевое взаимодействие между школами": "сетевого взаимодействия между школами",
        "Мероприятия Центра ППМС помощи": "мероприятиях центра с обучающимися, родителями и педагогами",
        "Материалы на сайте Управления образования, анализ выполнения мероприятий «Дорожной карты» за 2023 год":
            "выложены на сайт управления образования",
        "материалы для контрольных срезов": "материалы для контрольных срезов",
        "проведён анализ, даны рекомендации педагогам": "проведен анализ, даны рекомендации педагогам",
        "план работы куратора со ШНОР": "план работы куратора со шнор",
        "обмен опытом по повышению качества образования": "обмена опытом по повышению качества образования",
        "аналитические справки членов рабочей группы": "разместить аналитические справки",
        "аналитическая справка": "разместить аналитические справки",
        "материалы на сайте Управления образования в разделе «Работы со школами с низкими образовательными "
        "результатами»": "на сайт управления образования в раздел «работы со школами с низкими образовательными",
        "материалы на сайте Управления образования": "выложены на сайт управления образования",
        "раздел сайта Управления образования": "на сайт управления образования в раздел",
    }  # fmt: skip
    shown = [s.title for s in roadmap.sections]
    shown += [text for _, item in _items(roadmap) for text in (item.result, item.reporting) if text]
    for text in shown:
        assert text in source, f"«{text}» — этого нет в протоколе 14.12.2023"
        assert _said(source[text]) in heard + " " + decision
    activities = " ".join(_said(item.activity) for _, item in _items(roadmap))
    for named in ("контрольных срезов по русскому языку и математике в 6, 7 классах", "плана работы куратора",
                  "методические дни", "аналитические справки"):  # fmt: skip
        assert named in activities
    analysis = roadmap.sections[-1].items[-1]
    assert (analysis.deadline.date, analysis.executors) == (dt.date(2024, 1, 31), ["mun4-wg"])


def test_no_sample_roadmap_invents_an_approval_order(sample):
    assert set(sample.roadmaps) == {KUZNETSK, KAMENKA, MUN4}
    assert all(r.approval is None for r in sample.roadmaps.values())


# --- every output points at the item ------------------------------------------------------------


def _line(path: str, number: int) -> str:
    return Path(path).read_text(encoding="utf-8").splitlines()[number - 1].strip()


def test_every_roadmap_item_is_an_assignment_with_the_line_of_its_number(sample):
    found = [a for a in collect_assignments(sample) if a.origin == "roadmap"]
    expected = sum(len(_items(r)) for r in sample.roadmaps.values())
    assert len(found) == expected == 12 + 9 + 8
    for a in found:
        assert a.id == f"{a.record_id}#{a.number}"
        assert _line(SAMPLE_RECORDS.parent / a.file, a.line) == f"- number: {a.number}"


def test_roadmap_items_in_json_github_junit_and_calendar_point_at_the_item(runner, tmp_path):
    args = ["--records", str(SAMPLE_RECORDS), "--today", "2024-06-10"]
    payload = json.loads(runner.invoke(cli, ["check", *args, "--format", "json"]).output)
    ours = [i for i in payload["items"] if i["origin"] == "roadmap"]
    kamenka = [i for i in ours if i["roadmap"] == KAMENKA]
    assert len(kamenka) == 9 * 3  # each of the three schools has its own part
    first = next(i for i in kamenka if i["id"] == f"{KAMENKA}#1.1/kamenka-kikino")
    assert (first["member"], first["deadline_kind"], first["status"]) == ("kamenka-kikino", "several", "overdue")
    assert [p["label"] for p in first["points"]] == ["май 2024", "декабрь 2024"]
    assert first["deadline"] == "2024-05-31" and first["roadmaps"] == []
    for item in ours:
        assert _line(item["file"], item["line"]) == f"- number: {item['number']}"
    standing = next(i for i in ours if i["id"] == f"{KUZNETSK}#2.1")
    # Issue 14: «в течение учебного года» in the 2021–2022 roadmap ends with the roadmap (31.08.2022).
    assert (standing["status"], standing["deadline"], standing["report_date"]) == ("overdue", "2022-08-31", None)
    assert [p["label"] for p in standing["points"]] == ["до конца периода дорожной карты"]

    line = next(i["line"] for i in kamenka if i["number"] == "1.1")
    alone = tmp_path / "kamenka"  # only seed 000: its items are within GitHub's ten annotations
    shutil.copytree(SAMPLE_RECORDS, alone, ignore=shutil.ignore_patterns("meetings", "roadmaps"))
    for folder, name in (("meetings", "2023-10-31-kamenka-wg"), ("roadmaps", KAMENKA)):
        (alone / folder).mkdir()
        shutil.copy(SAMPLE_RECORDS / folder / f"{name}.yaml", alone / folder)
    github = runner.invoke(cli, ["check", "--records", str(alone), "--today", "2024-06-10", "--format", "github"]).output
    assert (f"::error file={alone}/roadmaps/{KAMENKA}.yaml,line={line},title=Просрочено (10 дней)%3A "
            f"{KAMENKA}#1.1 (3 исполнителя)::") in github  # fmt: skip
    junit = ET.fromstring(runner.invoke(cli, ["check", *args, "--format", "junit"]).output)
    case = next(c for c in junit.iter("testcase") if c.get("name") == f"{KAMENKA}#1.1/kamenka-kikino")
    assert (case.get("classname"), case.get("line"), case.find("failure") is not None) == (KAMENKA, str(line), True)

    out = tmp_path / "calendar"
    result = runner.invoke(cli, ["calendar", "--records", str(SAMPLE_RECORDS), "--today", "2024-05-20",
                                 "--executor", "kamenka-kikino", "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    ics = (out / "kamenka-kikino.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    assert f"{KAMENKA}#1.1/kamenka-kikino~0@nor-docs" in ics and "20240531" in ics
    assert f"roadmaps/{KAMENKA}.yaml:{line}" in ics


# --- marks, statuses, discipline: the same as for assignments ---------------------------------------


@pytest.fixture
def with_marks(records_copy):
    (records_copy / "marks").mkdir(exist_ok=True)
    shutil.copy(ROADMAP_DATA / "marks.yaml", records_copy / "marks" / "roadmap.yaml")
    records, found = load_and_validate(records_copy)
    assert not [d for d in found if d.is_error], found
    return records


def test_marks_on_roadmap_items_give_the_statuses_of_assignments(with_marks):
    items = {i.id: i for i in control_items(with_marks, dt.date(2024, 1, 20)) if i.assignment.record_id == MUN4}
    status = {k.split("#")[1]: v.status for k, v in items.items()}
    assert status["1.1"] == status["1.2"] == status["2.1"] == status["4.1"] == "done"
    assert status["1.3"] == "done_late" and items[f"{MUN4}#1.3"].days_late == 12
    assert (status["2.2/mun4-gymn1"], status["2.2/mun4-sosh7"]) == ("done", "overdue")
    assert status["3.1"] == "overdue" and items[f"{MUN4}#3.1"].status_text == "просрочено (22 дня)"
    assert {v.status for k, v in items.items() if "#4.2/" in k} == {"open"}
    assert len([k for k in items if "#4.2/" in k]) == 7  # the working group, member by member


def test_roadmap_items_are_not_controlled_before_the_roadmap_starts(sample):
    ids = {i.assignment.record_id for i in control_items(sample, dt.date(2023, 10, 30))}
    assert KAMENKA not in ids and MUN4 in ids and KUZNETSK in ids
    assert KAMENKA in {i.assignment.record_id for i in control_items(sample, dt.date(2023, 10, 31))}


def test_an_item_before_the_period_in_the_same_month_warns(records_copy):
    (records_copy / "roadmaps" / "early.yaml").write_text(
        "# yaml-language-server: $schema=../../nor_docs/schemas/roadmap.schema.json\n"
        "title: План\nissuer: mun4-uo\nperiod: {start: 2024-01-15, end: 2024-06-30}\nitems:\n"
        "  - number: 1\n    activity: Срез\n    deadline: до 10.01.2024\n    executors: [mun4-leshkova]\n"
        "  - number: 2\n    activity: Справка\n    deadline: январь 2024 года\n    executors: [mun4-leshkova]\n",
        encoding="utf-8",
    )  # fmt: skip
    _, found = load_and_validate(records_copy)
    assert [(d.line, d.code) for d in found if d.file.endswith("early.yaml")] == [(8, "NOR204")]


# --- a decision's control view shows the roadmap that fulfils it --------------------------------------


@pytest.fixture
def ordered(records_copy):
    shutil.copy(ROADMAP_DATA / "ordered-roadmap.yaml", records_copy / "roadmaps" / "ptz-sosh3-plan-2023.yaml")
    return records_copy


def test_json_items_of_a_decision_name_the_roadmap_it_ordered(runner, ordered):
    result = runner.invoke(cli, ["check", "--records", str(ordered), "--today", "2023-02-22", "--format", "json"])
    payload = json.loads(result.output)
    by_id = {i["id"]: i for i in payload["items"]}
    assert by_id["2023-01-31-petrozavodsk#4/petrozavodsk-sosh3"]["roadmaps"] == ["ptz-sosh3-plan-2023"]
    assert {tuple(i["roadmaps"]) for i in payload["items"] if i["assignment"] == "2023-01-31-petrozavodsk#4"} == {
        ("ptz-sosh3-plan-2023",)}
    assert all(i["roadmaps"] == [] for i in payload["items"] if i["assignment"] != "2023-01-31-petrozavodsk#4")
    plan = by_id["ptz-sosh3-plan-2023#1"]
    assert (plan["issued"], plan["roadmaps"]) == ("2023-02-20", [])
    assert "ptz-sosh3-plan-2023#2" not in by_id  # no executors: not on control


def test_text_output_shows_the_roadmap_under_the_decision(runner, ordered):
    result = runner.invoke(cli, ["check", "--records", str(ordered), "--today", "2023-02-22"])
    lines = result.output.splitlines()
    row = next(i for i, line in enumerate(lines) if "2023-01-31-petrozavodsk#4 " in line)
    assert "↳ дорожная карта ptz-sosh3-plan-2023" in lines[row + 1]
    ordered_line = (ordered / "roadmaps" / "ptz-sosh3-plan-2023.yaml").read_text(encoding="utf-8").splitlines().index(
        "ordered_by: 2023-01-31-petrozavodsk#4") + 1
    assert lines[row + 1].rstrip().endswith(f"roadmaps/ptz-sosh3-plan-2023.yaml:{ordered_line}")
    assert result.output.count("↳ дорожная карта") == 1  # one block for the fifteen schools
    assert "15 исполнителей, у каждого 1" in result.output  # the roadmap line is not an assignment


def _events(ics: str) -> dict[str, str]:
    """UID → the event's unfolded text."""
    unfolded = ics.replace("\r\n ", "")
    found = {}
    for block in unfolded.split("BEGIN:VEVENT")[1:]:
        uid = re.search(r"^UID:(.*)$", block, re.M).group(1).strip()
        found[uid] = block
    return found


def test_calendar_names_a_roadmap_item_as_one_and_a_decision_as_an_assignment(runner, tmp_path):
    out = tmp_path / "calendar"
    result = runner.invoke(cli, ["calendar", "--records", str(SAMPLE_RECORDS), "--today", "2023-02-20",
                                 "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    events = _events((out / "all.ics").read_bytes().decode("utf-8"))
    item = events[f"{MUN4}#4.2/mun4-leshkova~0@nor-docs"]
    assert "\\nПункт 4.2 дорожной карты: «Дорожная карта» по реализации муниципальной программы" in item
    assert f"годы\\n{MUN4}#4.2\\, {SAMPLE_RECORDS}/roadmaps/{MUN4}.yaml:" in item and "Поручение" not in item
    decision = events["2023-01-31-petrozavodsk#2/petrozavodsk-sosh3~0@nor-docs"]
    assert "Поручение 2023-01-31-petrozavodsk#2\\, " in decision


# --- items due by quarters, half-years, every year -------------------------------------------------


def test_roadmap_items_due_by_a_quarter_a_half_year_and_every_year(records_copy):
    shutil.copy(ROADMAP_DATA / "periods-roadmap.yaml", records_copy / "roadmaps" / "periods-2024.yaml")
    records, found = load_and_validate(records_copy)
    assert not [d for d in found if d.file.endswith("periods-2024.yaml")]
    items = {i.id: i for i in control_items(records, dt.date(2024, 4, 2)) if i.assignment.record_id == "periods-2024"}
    quarter, half, annual = items["periods-2024#1"], items["periods-2024#2"], items["periods-2024#3"]
    # 31.03.2024 was a Sunday: the first quarter was due Friday 29.03.2024.
    assert (quarter.status, quarter.deadline, quarter.days_overdue) == ("overdue", dt.date(2024, 3, 29), 4)
    assert (half.status, half.deadline, half.current.point.label) == ("open", dt.date(2024, 12, 28), "2 полугодие 2024")
    # Given with the roadmap on 01.01.2024: the report for 2023 was due 19.01.2024 (20.01 a
    # Saturday), and the roadmap ends before a period opening in 2025.
    assert [(s.point.label, s.due) for s in annual.points] == [("2023 год", dt.date(2024, 1, 19)),
                                                               ("2024 год", dt.date(2025, 1, 20))]


def test_a_quarter_outside_the_roadmap_period_warns(records_copy):
    (records_copy / "roadmaps" / "late.yaml").write_text(
        "# yaml-language-server: $schema=../../nor_docs/schemas/roadmap.schema.json\n"
        "title: План\nissuer: mun4-uo\nperiod: {start: 2024-02-01, end: 2024-06-30}\nitems:\n"
        "  - number: 1\n    activity: Срез\n    deadline: III квартал 2024 года\n    executors: [mun4-leshkova]\n"
        "  - number: 2\n    activity: Справка\n    deadline: I квартал 2024 года\n    executors: [mun4-leshkova]\n"
        "  - number: 3\n    activity: Отчёт\n    deadline: до конца 2024 года\n    executors: [mun4-leshkova]\n",
        encoding="utf-8",
    )  # fmt: skip
    _, found = load_and_validate(records_copy)
    assert [(d.line, d.code) for d in found if d.file.endswith("late.yaml")] == [(8, "NOR204")]


def test_items_without_a_year_are_placed_from_the_roadmap_start_not_its_approval(records_copy):
    # A plan for 2024 approved on 20.12.2023: «декабрь» is December 2024, not the December it was
    # signed in (that would be overdue nine days later); «в июне» — June 2024.
    (records_copy / "roadmaps" / "plan-2024.yaml").write_text(
        "# yaml-language-server: $schema=../../nor_docs/schemas/roadmap.schema.json\n"
        "title: План\nissuer: mun4-uo\nperiod: {start: 2024-01-01, end: 2024-12-31}\n"
        "approval: {by: приказом Управления образования, date: 2023-12-20}\nitems:\n"
        "  - number: 1\n    activity: Отчёт\n    deadline: декабрь\n    executors: [mun4-leshkova]\n"
        "  - number: 2\n    activity: Справка\n    deadline: в июне\n    executors: [mun4-leshkova]\n"
        "  - number: 3\n    activity: Анализ\n    deadline: IV квартал\n    executors: [mun4-leshkova]\n",
        encoding="utf-8",
    )  # fmt: skip
    records, found = load_and_validate(records_copy)
    assert not [d for d in found if d.file.endswith("plan-2024.yaml")]
    items = {i.id: i for i in control_items(records, dt.date(2024, 1, 10)) if i.assignment.record_id == "plan-2024"}
    assert {k: (v.status, v.deadline) for k, v in items.items()} == {
        "plan-2024#1": ("open", dt.date(2024, 12, 28)),  # 30–31.12.2024 are days off
        "plan-2024#2": ("open", dt.date(2024, 6, 28)),
        "plan-2024#3": ("open", dt.date(2024, 12, 28)),
    }
