"""Roadmaps in the shape of their paper (docs/roadmaps.md, «Карта в форме документа»): the
approval stamp as written, the columns a roadmap declares, numbered sections, deadlines marked in
an activity as control points of their own, and the checks of the shape (NOR130, NOR218).

The end-to-end case is a real paper no part of the model was designed on: the regional ГИА-11
roadmap of Krasnodar, appendix 2 to the order of 13.11.2015 № 5976
(tests/data/kinds/11-roadmap-gia-krasnodar.txt), typed into tests/data/kinds/roadmap-records/."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import docx
import pytest
from conftest import DATA, ROOT

from nor_docs.build.roadmaps import build_roadmaps
from nor_docs.cli import cli
from nor_docs.pipeline import load_checked

KRASNODAR = DATA / "kinds" / "roadmap-records"
RID = "krasnodar-gia-2016"
TEMPLATES = ROOT / "templates"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STAMP = ["Приложение N 2", "к приказу министерства образования", "и науки Краснодарского края",
         "от 13 ноября 2015 г. N 5976"]  # fmt: skip
HEADER = ["N", "Направления деятельности", "Сроки", "Ответственные лица"]


def _text(element) -> str:
    pieces = {f"{W}br": "\n", f"{W}tab": "\t", f"{W}noBreakHyphen": "-"}
    text = "".join(e.text or "" if e.tag == f"{W}t" else pieces.get(e.tag, "") for e in element.iter())
    return text.replace("\u00a0", " ")


def _rows(table) -> list[list[str]]:
    return [["\n".join(_text(p) for p in tc.findall(f"{W}p")) for tc in tr.findall(f"{W}tc")]
            for tr in table._tbl.findall(f"{W}tr")]  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("krasnodar")
    result = build_roadmaps(KRASNODAR, out, TEMPLATES)
    assert result.ok and [p.name for p in result.built] == [f"{RID}.docx"], result.diagnostics
    return out / f"{RID}.docx"


def _copy(tmp_path: Path) -> Path:
    records = tmp_path / "records"
    shutil.copytree(KRASNODAR, records)
    return records


def _edit(records: Path, old: str, new: str) -> None:
    path = records / "roadmaps" / f"{RID}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- the paper, end to end ------------------------------------------------------------------------


def test_the_krasnodar_roadmap_validates_with_what_its_paper_says(runner):
    result = runner.invoke(cli, ["validate", "--records", str(KRASNODAR)])
    assert result.exit_code == 0, result.output
    lines = [line.split(": ", 1)[0].rsplit("/", 1)[-1] + " " + line.split(": ", 1)[1].split()[0]
             for line in result.output.splitlines() if ": NOR" in line]
    # Федоренко: the paper does not say; the three deadlines dated before the approval — the two
    # «июль - август 2015» and the 10 August inside the activity of item 2 — warn (NOR108).
    assert lines == ["krasnodar.yaml:13:30 NOR205", "krasnodar-gia-2016.yaml:37:19 NOR108",
                     "krasnodar-gia-2016.yaml:40:19 NOR108", "krasnodar-gia-2016.yaml:43:19 NOR108"]  # fmt: skip
    assert "срок 10.08.2015 раньше даты утверждения дорожной карты 13.11.2015" in result.output


def test_the_stamp_is_printed_as_written_line_by_line(built):
    document = docx.Document(str(built))
    texts = [_text(p._p) for p in document.paragraphs if p.text]
    assert texts[:4] == STAMP
    assert {document.paragraphs[i].style.name for i in range(4)} == {"Гриф утверждения"}
    assert texts[4].startswith("Дорожная карта организации и проведения государственной итоговой аттестации")
    assert not any("УТВЕРЖДЕН" in t for t in texts)


def test_the_plan_has_the_four_columns_of_the_paper_with_its_headers(built):
    (plan,) = docx.Document(str(built)).tables
    rows = _rows(plan)
    assert rows[0] == HEADER
    assert len(plan._tbl.findall(f"{W}tblGrid/{W}gridCol")) == 4
    assert "Ожидаемый результат" not in str(rows) and "Отметка о выполнении" not in str(rows)
    header = plan._tbl.findall(f"{W}tr")[0]
    assert header.find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    widths = [int(c.get(f"{W}w")) for c in plan._tbl.findall(f"{W}tblGrid/{W}gridCol")]
    assert widths[0] < widths[2] < widths[3] < widths[1]  # fitted to the text: «N» narrow, the activity wide


def test_the_section_is_a_full_width_row_numbered_as_in_the_paper(built):
    (plan,) = docx.Document(str(built)).tables
    section = plan._tbl.findall(f"{W}tr")[1]
    (cell,) = section.findall(f"{W}tc")
    assert cell.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "4"
    assert _text(cell) == "I. Анализ работы по подготовке и проведению ГИА-11 в 2015 году"


def test_the_row_with_two_deadlines_reads_as_the_paper(built):
    (plan,) = docx.Document(str(built)).tables
    rows = _rows(plan)
    assert rows[3] == [
        "2.",
        "Подготовка аналитических отчетов предметных комиссий по форме, предоставляемой ФИПИ (в срок до 10 "
        "августа 2015 года)",
        "июль — август 2015",
        "Гардымова Р.А.\nНикитина И.А.",
    ]
    assert rows[2][0] == "1." and rows[2][3].count("\n") == 5  # six people, one a line
    number, activity = plan.rows[3].cells[:2]
    assert [p.style.name for p in number.paragraphs] == ["Номер в таблице"]  # centred, as in the usual table
    assert [p.style.name for p in activity.paragraphs] == ["Текст таблицы"]
    assert not any("[[" in cell or "]]" in cell for row in rows for cell in row)


def test_check_controls_both_deadlines_of_the_row_and_none_is_overdue_on_the_day_of_approval(runner):
    result = runner.invoke(cli, ["check", "--records", str(KRASNODAR), "--today", "2015-11-13", "--format", "json"])
    report = json.loads(result.output)
    parts = [i for i in report["items"] if i["assignment"] == f"{RID}#2"]
    assert [p["member"] for p in parts] == ["gardymova", "nikitina"]
    for part in parts:
        assert part["deadline_as_written"] == "10 августа 2015 года; июль - август 2015"
        assert [(p["label"], p["nominal"]) for p in part["points"]] == [("10.08.2015", "2015-08-10"),
                                                                        ("июль – август 2015", "2015-08-31")]
        # both before the approval: on control from its date, not «просрочено» on the day it is signed
        assert [p["deadline"] for p in part["points"]] == ["2015-11-13", "2015-11-13"]
        assert part["text"].endswith("(в срок до 10 августа 2015 года)")
    assert report["summary"]["overdue"] == 0 and report["summary"]["total"] == 8


def test_a_mark_closes_one_deadline_of_the_row_and_the_other_stays_on_control(tmp_path, runner):
    records = _copy(tmp_path)
    (records / "marks").mkdir()
    (records / "marks" / "2015.yaml").write_text(
        "marks:\n  - assignment: krasnodar-gia-2016#2\n    date: 2015-11-12\n"
        "    document: отчёты предметных комиссий\n", encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["check", "--records", str(records), "--today", "2015-11-13", "--format", "json"])
    parts = [i for i in json.loads(result.output)["items"] if i["assignment"] == f"{RID}#2"]
    assert parts and all([p["closed_on"] for p in part["points"]] == ["2015-11-12", None] for part in parts), result.output


# --- the shapes, one by one ------------------------------------------------------------------------


def test_without_columns_an_extra_value_is_a_warning_and_declared_it_is_a_column(tmp_path):
    records = _copy(tmp_path)
    path = records / "roadmaps" / f"{RID}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("columns:")] + text[text.index("sections:"):], encoding="utf-8")
    _edit(records, "        executors: [gardymova, nikitina]\n",
          "        executors: [gardymova, nikitina]\n        extra: {source: средства краевого бюджета}\n")
    roadmaps, found = load_checked(records)
    warned = [d for d in found if d.code == "NOR218"]
    assert [(d.line, d.message) for d in warned] == [(40, (
        "«extra.source» заполнено в пункте 2, но среди обычных столбцов карты его нет — в документ оно не "
        "попадёт; добавьте карте columns со столбцом {field: extra.source, header: …} или уберите значение"))]
    # Without columns: the usual ones less those empty in every row (no result, no mark here).
    out = tmp_path / "out"
    assert build_roadmaps(records, out, TEMPLATES).ok
    (plan,) = docx.Document(str(out / f"{RID}.docx")).tables
    assert _rows(plan)[0] == ["№ п/п", "Мероприятие", "Срок", "Ответственные"]
    # Declared: a column of its own, under the paper's header.
    _edit(records, "sections:\n", "columns:\n  - {field: number}\n  - {field: activity}\n"
          "  - {field: extra.source, header: Источник финансирования}\n  - {field: deadline}\n"
          "  - {field: executors}\nsections:\n")  # fmt: skip
    roadmaps, found = load_checked(records)
    assert not [d for d in found if d.code in ("NOR130", "NOR218")]
    assert build_roadmaps(records, out, TEMPLATES).ok
    (plan,) = docx.Document(str(out / f"{RID}.docx")).tables
    rows = _rows(plan)
    assert rows[0] == ["№ п/п", "Мероприятие", "Источник финансирования", "Срок", "Ответственные"]
    assert [r[2] for r in rows[2:]] == ["", "средства краевого бюджета"]


def test_with_statuses_the_execution_column_follows_the_papers_own(tmp_path):
    out = tmp_path / "out"
    result = build_roadmaps(KRASNODAR, out, TEMPLATES, today=dt.date(2015, 11, 13))
    assert result.ok, result.diagnostics
    document = docx.Document(str(out / f"{RID}.docx"))
    plan = next(t for t in document.tables if _rows(t)[0][0] == "N")
    rows = _rows(plan)
    assert rows[0] == [*HEADER, "Отметка о выполнении"]
    assert rows[3][4] == "срок истекает, срок 13.11.2015"
    summary = next(t for t in document.tables if _rows(t)[0][0] == "Раздел")
    assert _rows(summary)[1][0] == "I. Анализ работы по подготовке и проведению ГИА-11 в 2015 году"


def test_a_stamp_word_of_its_own_is_printed_in_the_composed_stamp(tmp_path):
    records = _copy(tmp_path)
    start = "  as_written: |-\n"
    path = records / "roadmaps" / f"{RID}.yaml"
    text = path.read_text(encoding="utf-8")
    cut = text[text.index(start): text.index("columns:")]
    path.write_text(text.replace(cut, "  word: УТВЕРЖДЕНА\n"), encoding="utf-8")
    out = tmp_path / "out"
    assert build_roadmaps(records, out, TEMPLATES).ok
    texts = [_text(p._p) for p in docx.Document(str(out / f"{RID}.docx")).paragraphs if p.text]
    assert texts[:3] == ["УТВЕРЖДЕНА", "приказом министерства образования и науки Краснодарского края",
                         "от 13.11.2015 № 5976"]  # fmt: skip


# --- in a real client ---------------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_libreoffice_reads_the_krasnodar_roadmap_as_its_paper(built, tmp_path_factory):
    from real_client import pdf_info, pdf_text, to_pdf

    pdf = to_pdf([built], tmp_path_factory)[RID]
    assert pdf_info(pdf)["Pages"] == "1"
    lines = pdf_text(pdf, lines=True)
    assert lines[:4] == STAMP  # the stamp as written, top right, no «УТВЕРЖДЕНО»
    assert "УТВЕРЖДЕН" not in " ".join(lines)
    text = pdf_text(pdf)
    assert "Ожидаемый результат" not in text and "[[" not in text
    assert "(в срок до 10 августа 2015 года)" in text
    # the layout: the header row's four cells on one line, the section row alone on its own
    layout = pdf_text(pdf, layout=True, lines=True)
    header = layout.index("N Направления деятельности Сроки Ответственные лица")
    assert layout[header + 1] == "I. Анализ работы по подготовке и проведению ГИА-11 в 2015 году"
    assert layout[header + 2].startswith("1. Проведение статистического анализа")


def test_the_north_ossetia_stamp_prints_as_its_paper_has_it(tmp_path):
    # Paper 10 (tests/data/kinds/10-directive-roadmap-stamp-north-ossetia.txt): «УТВЕРЖДЁН» —
    # masculine, for «комплекс мер», — and the date in words, each line as the paper breaks it.
    records = _copy(tmp_path)
    path = records / "roadmaps" / f"{RID}.yaml"
    text = path.read_text(encoding="utf-8")
    written = text[text.index("  as_written: |-\n"): text.index("columns:")]
    stamp = ["УТВЕРЖДЁН", "распоряжением Правительства", "Республики Северная Осетия-Алания",
             "от 25 июня 2019 года N 203-р"]  # fmt: skip
    path.write_text(text.replace(written, "  as_written: |-\n" + "".join(f"    {line}\n" for line in stamp)),
                    encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    assert build_roadmaps(records, out, TEMPLATES).ok
    texts = [_text(p._p) for p in docx.Document(str(out / f"{RID}.docx")).paragraphs if p.text]
    assert texts[:4] == stamp
