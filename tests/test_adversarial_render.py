"""Everything validate accepts renders (issue 12, point 4): hostile-but-valid records — dates at
the ends of the allowed years, text with markup, commands and line breaks, extreme settings,
empty and ragged table rows, huge counts, ids of the longest allowed length — go through every
document kind and every report: protocols, extracts, roadmaps (with statuses), the control sheet
both ways, the calendars, and ``check`` in all five formats.

A property-based test (hypothesis, derandomized: the same examples every run; ``NOR_DOCS_FUZZ=1``
explores afresh) builds such folders; whatever it builds either fails validation (then nothing
is rendered, which is right) or renders without an exception, without NOR313, and with reports
that parse. Where one document still fails, it is NOR313 for that document and the others are
built (the last tests).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nor_docs.cli import cli

BASE = ROOT / "tests" / "bad" / "_base"
TEMPLATES = ROOT / "templates"
HOSTILE = yaml.safe_load((ROOT / "tests" / "adversarial" / "hostile-text.yaml").read_text(encoding="utf-8"))
VALID_TEXT = list(HOSTILE["valid"].values())
LONG_ID = "p" + "x" * 99  # the longest id there is (MAX_ID_LENGTH)
LONG_MEETING = "m" + "x" * 99
FIRST, LAST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)

if os.environ.get("NOR_DOCS_FUZZ"):
    PROFILE = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
else:
    PROFILE = settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

# --- what the records are made of ---------------------------------------------------------------

_LETTERS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn"))
TEXT = st.one_of(st.sampled_from(VALID_TEXT), st.text(_LETTERS, min_size=1, max_size=30)).filter(
    lambda t: t.strip() and t.strip() != "…")  # fmt: skip
LABEL = st.one_of(st.sampled_from(["1", "010", "0", "1.10", "4-о", "IV", "12/3", "9" * 40]), TEXT).filter(
    lambda t: not t.lstrip().startswith(("№", "N")))  # «№ 4» is NOR103: the document prints the sign
DAY = st.dates(FIRST, LAST)
SCHOOLS = ["kikino", "golovinshchino"]
PEOPLE = ["kiryukhina", "ivanova", "petrov", LONG_ID]
EXECUTORS = st.lists(st.sampled_from(["heads", "ivanova", "petrov", "kikino", LONG_ID]), min_size=1, max_size=3,
                     unique=True)  # fmt: skip


def _written(day: dt.date, russian: bool) -> str:
    return f"{day:%d.%m.%Y}" if russian else day.isoformat()


@st.composite
def deadline(draw, issued: dt.date):
    """A deadline as people write it, never before the meeting (that is NOR108) nor past 2100."""
    later = st.dates(issued, LAST)
    kind = draw(st.sampled_from(["date", "none", "standing", "urgent", "prompt", "monthly", "quarterly", "annual",
                                 "quarter", "months", "relative-after", "relative-before"]))  # fmt: skip
    if kind == "date":
        return f"до {draw(later):%d.%m.%Y}"
    if kind == "none":
        return None
    if kind in ("standing", "urgent", "prompt"):
        return {"standing": "постоянно", "urgent": "срочно", "prompt": "оперативно"}[kind]
    if kind == "monthly":
        return draw(st.sampled_from(["ежемесячно", "ежемесячно до 31 числа"]))
    if kind == "quarterly":
        return "ежеквартально до 10 числа"
    if kind == "annual":
        return draw(st.sampled_from(["ежегодно до 29 февраля", "ежегодно до 31 декабря", "ежегодно"]))
    if kind == "quarter":
        day = draw(later)
        quarter = (day.month - 1) // 3 + 1
        return f"в течение {'I' * quarter if quarter < 4 else 'IV'} квартала {day.year} года"
    if kind == "months":
        first, second = sorted((draw(later), draw(later)))
        months = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                  "ноябрь", "декабрь"]  # fmt: skip
        if (first.year, first.month) == (second.year, second.month):
            return f"{months[first.month - 1]} {first.year} года"
        return f"{months[first.month - 1]} {first.year} года и {months[second.month - 1]} {second.year} года"
    days = draw(st.integers(1, 3660))
    if kind == "relative-after":
        return {"text": f"через {days} дней после проведения процедуры", "event": "vpr-2024"}
    return {"text": f"за {days} рабочих дней до проведения процедуры", "event": "vpr-2024"}


@st.composite
def decision(draw, number: str, issued: dt.date, executors: bool = True):
    found = {"number": number, "text": draw(TEXT)}
    if executors:
        found["executors"] = draw(EXECUTORS)
        written = draw(deadline(issued))
        if written is not None:
            found["deadline"] = written
    else:
        found["on_control"] = False
    if draw(st.booleans()):
        found["bullets"] = draw(st.lists(TEXT, max_size=2))
    return found


TABLE_ROW = st.one_of(st.just([]), st.lists(TEXT, min_size=1, max_size=3))  # empty rows are common


@st.composite
def meeting(draw, issued: dt.date):
    found = {
        "kind": draw(TEXT),
        "title": draw(TEXT),
        "issuer": "uo",
        "date": _written(issued, draw(st.booleans())),
        "chair": {"person": draw(st.sampled_from(PEOPLE))},
        "signers": [{"person": p, "position": draw(TEXT)} for p in draw(st.lists(st.sampled_from(PEOPLE), max_size=2,
                                                                                  unique=True))],  # fmt: skip
        "attendees": [{"person": p} for p in draw(st.lists(st.sampled_from(PEOPLE), max_size=4, unique=True))]
        + [{"group": "heads", "count": draw(st.integers(1, 10**30))}, {"text": draw(TEXT)}],
        "agenda": [],
        "decisions": [draw(decision(str(n), issued)) for n in range(1, draw(st.integers(1, 3)) + 1)],
    }
    for key in ("place", "theme", "intro"):
        if draw(st.booleans()):
            found[key] = draw(TEXT)
    if draw(st.booleans()):
        found["number"] = draw(LABEL)
    if draw(st.booleans()):
        found["secretary"] = {"person": draw(st.sampled_from(PEOPLE)), "label": draw(st.sampled_from(
            ["Секретарь", "Протокол вела"]))}  # fmt: skip
    for n in range(1, draw(st.integers(1, 3)) + 1):
        item = {"number": str(n), "title": draw(TEXT),
                "heard": [{"person": draw(st.sampled_from(PEOPLE)), "text": draw(TEXT)}],
                "decisions": [draw(decision(f"{n}.{k}", issued, draw(st.booleans()))) for k in (1, 2)]}  # fmt: skip
        if draw(st.booleans()):
            item["spoke"] = [{"person": draw(st.sampled_from(PEOPLE)), "text": draw(TEXT)}]
        found["agenda"].append(item)
    if draw(st.booleans()):
        table = {"rows": draw(st.lists(TABLE_ROW, max_size=3))}  # empty rows, ragged rows, no rows
        if draw(st.booleans()):
            table["header"] = draw(TABLE_ROW)
        found["appendices"] = [{"number": "1", "title": draw(TEXT), "table": table, "text_after": draw(TEXT)}]
    return found


SETTINGS = st.fixed_dictionaries({
    "deadlines": st.fixed_dictionaries({}, optional={
        "non_working_day": st.sampled_from(["previous", "next", "none"]),
        "timezone": st.sampled_from(["Europe/Moscow", "Pacific/Kiritimati", "Etc/GMT+12", "Asia/Kamchatka"]),
        "default_days": st.sampled_from([1, 3650]),
        "urgent_days": st.sampled_from([1, 365]),
        "prompt_days": st.sampled_from([1, 365]),
        "standing_report": st.sampled_from(["02-29", "12-31", "01-01"]),
        "school_year_end": st.sampled_from(["05-01", "08-31"]),
        "recurring_day": st.sampled_from([1, 28, 31]),
        "warn_days": st.sampled_from([0, 365]),
    }),
    "documents": st.fixed_dictionaries({}, optional={
        "heard_case": st.sampled_from(["nominative", "accusative"]),
        "date_style": st.sampled_from(["numeric", "words"]),
        "attendees_list_limit": st.sampled_from([1, 10**30]),
    }),
})  # fmt: skip


@st.composite
def marks(draw, issued: dt.date, assignments: list[str]):
    """At most one of each per assignment, in an order that contradicts nothing (NOR115–NOR120)."""
    found: dict[str, list] = {"marks": [], "extensions": [], "cancellations": []}
    for aid in assignments:
        what = draw(st.sampled_from(["nothing", "mark", "interim", "extension", "extension+mark", "cancellation"]))
        approved = draw(st.dates(issued, LAST))
        if what.startswith("extension"):
            found["extensions"].append({"assignment": aid, "new_deadline": draw(st.dates(approved, LAST)).isoformat(),
                                        "approved": approved.isoformat(), "approved_by": "kiryukhina",
                                        "basis": draw(TEXT)})  # fmt: skip
        if what in ("mark", "interim", "extension+mark"):
            found["marks"].append({"assignment": aid, "date": draw(st.dates(approved, LAST)).isoformat(),
                                   "document": draw(TEXT), "number": draw(LABEL), "interim": what == "interim"})  # fmt: skip
        if what == "cancellation":
            found["cancellations"].append({"assignment": aid, "date": approved.isoformat(), "by": "kiryukhina",
                                           "basis": draw(TEXT)})  # fmt: skip
    return found


@st.composite
def records_folder(draw):
    """(files: relative path → data, the day to render the statuses for)."""
    issued = draw(DAY)
    meeting_data = meeting(issued)
    first = draw(meeting_data)
    files = {"meetings/2024-01-10-wg.yaml": None,  # the base meeting goes: its date is fixed
             "meetings/m1.yaml": first, f"meetings/{LONG_MEETING}.yaml": draw(meeting(draw(st.dates(issued, LAST))))}  # fmt: skip
    start = draw(st.dates(issued, LAST))
    end = draw(st.dates(start, LAST))
    files["roadmaps/r.yaml"] = {
        "title": draw(TEXT), "issuer": "uo", "subject": "kikino",
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "approval": {"by": draw(TEXT), "date": start.isoformat(), "number": draw(LABEL)},
        "sections": [{"title": draw(TEXT), "items": [
            {"number": f"1.{k}", "activity": draw(TEXT), "executors": draw(EXECUTORS),
             "deadline": draw(st.sampled_from(["постоянно", "ежемесячно", f"до {end:%d.%m.%Y}"])),
             "result": draw(TEXT)} for k in (1, 2)]}],
        "items": [{"number": "2", "activity": draw(TEXT)}],
    }  # fmt: skip
    with_executors = [f"m1#{d['number']}" for d in first["decisions"]] + [
        f"m1#{d['number']}" for item in first["agenda"] for d in item["decisions"] if d.get("executors")]
    files["marks/m.yaml"] = draw(marks(issued, with_executors))
    files["settings.yaml"] = draw(SETTINGS)
    directory = yaml.safe_load((BASE / "directory" / "base.yaml").read_text(encoding="utf-8"))
    for org in directory["organizations"]:
        org["name"] = draw(TEXT)  # names with line breaks, markup, commands
    directory["people"].append({"id": LONG_ID, "surname": draw(TEXT), "initials": "А.Б.", "gender": "f",
                                "position": draw(TEXT)})  # fmt: skip
    files["directory/base.yaml"] = directory
    # Statuses as of a day around the records (decades of monthly periods make every example
    # slow, and say nothing more; the ends of the range are the fixed examples below).
    around = st.dates(max(FIRST, issued - dt.timedelta(days=730)), min(LAST, issued + dt.timedelta(days=3650)))
    return files, draw(around)


def _write(files: dict, tmp: Path) -> Path:
    root = tmp / "records"
    shutil.copytree(BASE, root)
    for name, data in files.items():
        path = root / name
        if data is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=80), encoding="utf-8")
    return root


_TEMPLATES = None


def _templates():
    global _TEMPLATES
    from nor_docs.build.templates import Templates

    if _TEMPLATES is None:
        _TEMPLATES = Templates(TEMPLATES, str(TEMPLATES))
    return _TEMPLATES


def render_everything(root: Path, today: dt.date) -> None:
    """Every document and report of ``root`` as of ``today``, in memory; raises on any failure."""
    import nor_docs.report as out
    from nor_docs.build.protocols import render_meeting
    from nor_docs.build.roadmaps import render_roadmap, roadmap_parts
    from nor_docs.control.selection import ControlFilter
    from nor_docs.control.status import control_items, discipline, summary
    from nor_docs.pipeline import load_checked as load_and_validate
    from nor_docs.render.control_sheet_view import control_sheet_view
    from nor_docs.report.ics import calendars
    from nor_docs.russian.typography import typeset_view

    records, found = load_and_validate(root)
    errors = [d for d in found if d.is_error]
    if errors:  # the generator writes valid records; a rare slip is not this test's subject
        assume(False)
    templates = _templates()
    for meeting in records.meetings.values():
        render_meeting(meeting, records, templates)
        if meeting.agenda:  # (the meeting's own decisions carried: an extract without any is NOR312, not a document)
            render_meeting(meeting, records, templates, items=[meeting.agenda[-1].number],
                           decisions=[str(d.number) for d in meeting.decisions])  # fmt: skip
    parts = roadmap_parts(records, today)
    for roadmap in records.roadmaps.values():
        template = templates.compiled(templates.choose_named(roadmap.issuer, "roadmap.docx"))
        render_roadmap(roadmap, records, template, parts, today)
        render_roadmap(roadmap, records, template)
    items = control_items(records, today)
    sheet = templates.compiled(templates.folder / "control-sheet.docx")
    typography = records.settings.documents.typography
    for by in ("executor", "meeting"):  # as build control renders it: through the typograph
        sheet.render(typeset_view(control_sheet_view(records, items, today, by), typography))
    for member in sorted({i.member for i in items})[:1]:  # a filtered sheet: the selection's words are names too
        chosen = ControlFilter(executor=member)
        view = control_sheet_view(records, chosen.apply(items, records), today, "executor",
                                  next(iter(records.people), None), chosen.describe(records))  # fmt: skip
        sheet.render(typeset_view(view, typography))
    for _stem, (data, _events) in calendars(items, records, today).items():
        assert data.startswith(b"BEGIN:VCALENDAR")
    for member in sorted({i.member for i in items})[:1]:  # one executor's feed (the others: the same code)
        calendars(items, records, today, member)
    counts = summary(items)
    warn = records.settings.deadlines.warn_days
    assert out.format_text(items, counts, records, today, warn)
    json.loads(out.format_json(items, counts, discipline(items, records), records, today, warn))
    json.loads(out.format_gitlab(items, records))
    ET.fromstring(out.format_junit(items, counts, records, today).encode("utf-8"))
    for line in out.format_github(items, counts, records, today).splitlines():
        assert_safe_github_line(line)
    out.format_step_summary(items, counts, records, today)


def assert_safe_github_line(line: str) -> None:
    """A line a GitHub Actions runner reads: our own annotation, or no command at all."""
    stripped = line.lstrip()
    if stripped.startswith("::"):
        # ``::name properties::data``: the runner takes the first «::» after the name as the end
        # of the properties, so a «:» there must be escaped; «::» in the data is only text.
        properties = stripped[2:].split("::", 1)[0]
        assert properties.startswith(("error file=", "warning file=")), line
        assert ":" not in properties, line
    assert "##[" not in line, line
    assert not any(ch in line for ch in "\r\x0b\x0c\x85\u2028\u2029"), line


@PROFILE
@given(records_folder())
def test_whatever_validate_accepts_renders_every_document_and_report(example):
    files, today = example
    with tempfile.TemporaryDirectory() as tmp:
        render_everything(_write(files, Path(tmp)), today)


@pytest.mark.parametrize("issued", [dt.date(2100, 12, 1), dt.date(1900, 1, 1)], ids=["last-days", "two-centuries"])
def test_records_at_the_ends_of_the_allowed_dates_render(issued):
    """The ends of the range, fixed: a meeting in the last month there is, with every hostile
    text, statuses on the last allowed day; and the same meeting held in 1900, its standing
    assignment two centuries later, on 31.12.2100. (It also shows the property above is not
    vacuous: these records pass validation.)"""
    from nor_docs.pipeline import load_checked as load_and_validate

    files, today = _fixed_example(issued)
    with tempfile.TemporaryDirectory() as tmp:
        root = _write(files, Path(tmp))
        _records, found = load_and_validate(root)
        assert not [d for d in found if d.is_error], [d.as_text() for d in found if d.is_error]
        render_everything(root, today)


def _fixed_example(issued: dt.date):
    """One folder at the ends of everything: meeting ``issued``, every hostile text."""
    decisions = [{"number": str(n), "text": text, "executors": ["heads", LONG_ID], "deadline": written}
                 for n, (text, written) in enumerate(zip(VALID_TEXT, ["до 31.12.2100", "ежемесячно", "постоянно",
                                                                       "срочно", "ежегодно до 29 февраля"]), 1)]  # fmt: skip
    meeting = {"kind": VALID_TEXT[0], "title": VALID_TEXT[1], "issuer": "uo", "number": "010",
               "date": issued.isoformat(), "chair": {"person": LONG_ID}, "decisions": decisions[: 5 if issued.year > 2000 else 2],
               "attendees": [{"group": "heads", "count": 10**30}],
               "agenda": [{"number": "1", "title": VALID_TEXT[2], "heard": [{"person": "ivanova",
                                                                            "text": VALID_TEXT[3]}]}],
               "appendices": [{"number": "1", "title": "Т", "table": {"rows": [[], ["a"], [], ["b", "c", "d"]]}}]}  # fmt: skip
    directory = yaml.safe_load((BASE / "directory" / "base.yaml").read_text(encoding="utf-8"))
    directory["organizations"][1]["name"] = HOSTILE["valid"]["github-commands"]
    directory["people"].append({"id": LONG_ID, "surname": "Длинная", "initials": "А.Б.", "gender": "f"})
    files = {"meetings/m1.yaml": meeting, "directory/base.yaml": directory,
             "settings.yaml": {"deadlines": {"default_days": 3650, "warn_days": 365, "standing_report": "02-29"}},
             "marks/m.yaml": {"extensions": [{"assignment": "m1#1", "new_deadline": "2100-12-31",
                                              "approved": "2100-12-30", "approved_by": "kiryukhina", "basis": "x"}]}}  # fmt: skip
    if issued.year < 2000:  # (monthly periods of two centuries: 2,400 calendar events a part — slow, not new)
        meeting["decisions"][0]["deadline"] = "до 01.01.1900"
        meeting["decisions"][1]["deadline"] = "постоянно"
    return files, LAST


# --- one failing document stops only itself ---------------------------------------------------------


def test_a_document_that_fails_while_rendered_is_nor311_and_the_others_are_built(tmp_path, runner, monkeypatch):
    from nor_docs.render import protocol_view as view

    records = tmp_path / "records"
    shutil.copytree(ROOT / "records", records)
    real = view.protocol_view

    def fails_for_one(meeting, *args, **kwargs):
        if meeting.id == "2023-01-31-petrozavodsk":
            raise IndexError("list index out of range")
        return real(meeting, *args, **kwargs)

    monkeypatch.setattr(view, "protocol_view", fails_for_one)
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(tmp_path / "out"),
                                 "--templates", str(TEMPLATES), "-j", "1"])  # fmt: skip
    assert result.exit_code == 1, result.output  # exitcodes.ATTENTION: not every document was built
    assert (f"{records}/meetings/2023-01-31-petrozavodsk.yaml:5:1: NOR313 протокол не собран: сбой при заполнении "
            "(IndexError: list index out of range); остальные документы собраны") in result.stderr
    assert "Собрано протоколов: 4 из 5" in result.stdout
    assert len(list((tmp_path / "out").glob("*.docx"))) == 4
    assert "Traceback" not in result.output and "внутренняя ошибка" not in result.output


def test_a_roadmap_that_fails_while_rendered_is_nor311_and_the_others_are_built(tmp_path, runner, monkeypatch):
    from nor_docs.render import roadmap_view

    real = roadmap_view.roadmap_view

    def fails_for_one(roadmap, *args, **kwargs):
        if roadmap.id == "kamenka-roadmap-2024":
            raise OverflowError("date value out of range")
        return real(roadmap, *args, **kwargs)

    monkeypatch.setattr(roadmap_view, "roadmap_view", fails_for_one)
    result = runner.invoke(cli, ["build", "roadmaps", "--records", str(ROOT / "records"), "--out",
                                 str(tmp_path / "out"), "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "NOR313 документ дорожной карты не собран: сбой при заполнении (OverflowError" in result.stderr
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2


@pytest.mark.parametrize("command", [["calendar"], ["build", "control"]])
def test_a_calendar_or_control_sheet_that_fails_is_nor311_not_an_internal_error(tmp_path, runner, monkeypatch,
                                                                                 command):  # fmt: skip
    # imported before the patches: imported between them, build.control_sheet would bind the
    # patched view for good (its `from … import` runs then), and later tests would get «boom»
    import nor_docs.build.control_sheet
    import nor_docs.render.control_sheet_view
    import nor_docs.report.ics

    def fails(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(nor_docs.report.ics, "calendars", fails)
    monkeypatch.setattr(nor_docs.render.control_sheet_view, "control_sheet_view", fails)
    monkeypatch.setattr("nor_docs.build.control_sheet.control_sheet_view", fails)
    result = runner.invoke(cli, [*command, "--records", str(ROOT / "records"), "--today", "2023-02-20", "--out",
                                 str(tmp_path / "out"), *(["--templates", str(TEMPLATES)] if "build" in command else [])])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "NOR313" in result.stderr and "(ValueError: boom)" in result.stderr
    assert not list((tmp_path / "out").glob("*.*")) if (tmp_path / "out").exists() else True


# --- the crashes the review found, one by one --------------------------------------------------------


def test_an_appendix_table_with_empty_rows_renders(tmp_path, runner):
    from nor_docs.build.protocols import build_protocols

    root = _write({"meetings/2024-01-10-wg.yaml": None}, tmp_path)
    base = (BASE / "meetings" / "2024-01-10-wg.yaml").read_text(encoding="utf-8")
    for n, table in enumerate(["rows: [[]]", "header: []\n      rows: [[], []]", "header: [a, b]\n      rows: [[], [x]]"]):
        (root / "meetings" / f"2024-01-1{n}-t.yaml").write_text(
            base.replace("10.01.2024", f"1{n}.01.2024")
            + f"appendices:\n  - number: 1\n    title: Таблица\n    table:\n      {table}\n", encoding="utf-8")  # fmt: skip
    result = build_protocols(root, tmp_path / "out", TEMPLATES, jobs=1)
    assert result.ok and len(result.built) == 3, [d.as_text() for d in result.diagnostics]
    import docx

    plain = len(docx.Document(str(build_protocols(BASE, tmp_path / "plain", TEMPLATES, jobs=1).built[0])).tables)
    tables = [docx.Document(str(p)).tables for p in sorted(result.built)]
    # a table of no cells is no table; an empty or short row gets empty cells
    assert [len(t) for t in tables] == [plain, plain, plain + 1]
    assert [[c.text for c in row.cells] for row in tables[2][-1].rows] == [["a", "b"], ["", ""], ["x", ""]]


def test_a_line_break_in_an_organisation_name_does_not_break_the_calendar(tmp_path, runner):
    root = _write({}, tmp_path)
    directory = root / "directory" / "base.yaml"
    directory.write_text(directory.read_text(encoding="utf-8").replace("name: МОУ СОШ с. Кикино",
                                                                       'name: "МОУ СОШ\\nс. Кикино"'), encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["calendar", "--records", str(root), "--today", "2024-01-20", "--out",
                                 str(tmp_path / "ics")])  # fmt: skip
    assert result.exit_code == 0, result.output
    from icalendar import Calendar

    feed = Calendar.from_ical((tmp_path / "ics" / "kikino.ics").read_bytes())
    assert str(feed["x-wr-calname"]) == "Сроки поручений — МОУ СОШ с. Кикино"


@pytest.mark.parametrize("day", ["9999-12-31", "31.12.1899", "0001-01-01"])
@pytest.mark.parametrize("command", [["check"], ["calendar"], ["build", "control"], ["build", "roadmaps"]])
def test_a_today_outside_the_allowed_years_is_a_usage_error(runner, tmp_path, command, day):
    result = runner.invoke(cli, [*command, "--records", str(ROOT / "records"), "--today", day, "--out"
                                 if command != ["check"] else "--output", str(tmp_path / "x")])  # fmt: skip
    assert result.exit_code == 3, result.output
    assert "вне допустимого: год — от 1900 до 2100" in result.stderr
    assert not (tmp_path / "x").exists()


def test_a_number_written_with_a_leading_zero_is_printed_as_written(tmp_path):
    import docx

    from nor_docs.build.protocols import build_protocols

    root = _write({}, tmp_path)
    meeting = root / "meetings" / "2024-01-10-wg.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("date: 10.01.2024", "number: 010\ndate: 10.01.2024"),
                       encoding="utf-8")  # fmt: skip
    result = build_protocols(root, tmp_path / "out", TEMPLATES, jobs=1)
    assert result.ok, [d.as_text() for d in result.diagnostics]
    text = "\n".join(p.text for p in docx.Document(str(result.built[0])).paragraphs)
    assert "№\u00a0010" in text and "№\u00a010\n" not in text and not text.count("№\u00a010\t")


@pytest.mark.libreoffice
def test_hostile_text_opens_in_libreoffice_as_text(tmp_path, tmp_path_factory):
    """The fixed example at the end of 2100, in the real client: the documents open, and the
    commands, markup and Jinja of the records are text on the page."""
    from real_client import pdf_text, to_pdf

    from nor_docs.build.control_sheet import build_control_sheet
    from nor_docs.build.extracts import build_extract
    from nor_docs.build.protocols import build_protocols
    from nor_docs.control.status import control_items
    from nor_docs.pipeline import load_checked as load_and_validate

    files, _today = _fixed_example(dt.date(2100, 12, 1))
    root = _write(files, tmp_path)
    out = tmp_path / "out"
    assert build_protocols(root, out, TEMPLATES, jobs=1).ok
    assert build_extract(root, out, TEMPLATES, "m1", ["1"], decisions=["1", "2", "3", "4", "5"])[0] is not None
    records, _found = load_and_validate(root)  # and the control sheet, in signable's layout
    build_control_sheet(records, control_items(records, LAST), LAST, "executor", out, TEMPLATES)
    pdfs = to_pdf(sorted(out.glob("*.docx")), tmp_path_factory)
    text = pdf_text(pdfs["m1"])
    for fact in ("№ 010", "::add-mask::секрет", "##[error]старый синтаксис", "]]></w:t></w:r></w:p>", "<script>",
                 "![трекер](https://example.com/t.png)"):  # fmt: skip
        assert fact in text, fact
    assert pdf_text(pdfs["m1.extract-1"])
    sheet = pdf_text(pdfs["control-sheet-2100-12-31"])
    for fact in ("::add-mask::секрет", "##[error]старый синтаксис", "<script>", "![трекер](https://example.com/t.png)"):
        assert fact in sheet, fact  # (a table cell wraps «]]></w:t>…»: the cell's text, not markup)


@pytest.mark.parametrize("columns", [1, 2, 3, 4, 7])
def test_every_column_of_an_appendix_table_can_show_its_text(tmp_path, columns):
    """A table of three columns kept the template's grid, whose third column is 57 twips wide:
    its text was in the document and invisible on the page."""
    import zipfile
    from xml.etree import ElementTree as ET

    from nor_docs.build.protocols import build_protocols

    root = _write({}, tmp_path)
    meeting = root / "meetings" / "2024-01-10-wg.yaml"
    row = ", ".join(f"слово{n}" for n in range(columns))
    meeting.write_text(meeting.read_text(encoding="utf-8") + "appendices:\n  - number: 1\n    title: Т\n    table:\n"
                       f"      rows: [[{row}], [{row}]]\n", encoding="utf-8")  # fmt: skip
    result = build_protocols(root, tmp_path / "out", TEMPLATES, jobs=1)
    assert result.ok
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = ET.fromstring(zipfile.ZipFile(result.built[0]).read("word/document.xml"))
    table = list(body.iter(f"{w}tbl"))[-1]
    widths = [int(c.get(f"{w}w")) for c in table.iter(f"{w}gridCol")]
    assert len(widths) == columns
    assert min(widths) >= 6 * 130 + 230  # «словоN»: six letters and the cell margins
