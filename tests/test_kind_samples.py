"""A sample of each built-in kind that had none (issue 14): a list of instructions (paper 19), a
governing council's decision (paper 23) and a prosecutor's protest (paper 14), typed under
tests/data/kinds/sample-records/. They validate with only the protest's honest warning, their
documents read back with the kind's heading, formula, items and signatures, ``check`` gives the
control dates and statuses the papers imply, and a wrong field of each kind is reported."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
import yaml
from conftest import DATA, ROOT
from real_client import pdf_page_texts, pdf_pages, to_pdf

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli

RECORDS = DATA / "kinds" / "sample-records"
TEMPLATES = ROOT / "templates"
INSTRUCTIONS = "2015-instructions-president-shnor"
BOARD = "2025-08-27-school-1252-upravlyayushchiy-sovet"
PROTEST = "2018-protest-vyborg-school-60"
PROTEST_WARNING = (
    f"{RECORDS}/documents/{PROTEST}.yaml:24:13: NOR221 срок не указан в пункте 1: на контроле — срок по закону "
    "(в течение 10 дней со дня получения 01.10.2018, Федеральный закон «О прокуратуре Российской Федерации», "
    "ст. 23), и каждый отчёт называет его сроком по закону; если в акте срок есть, впишите его (deadline)"
)


def _check(runner, today: str, records: Path = RECORDS) -> dict[str, dict]:
    result = runner.invoke(cli, ["check", "--records", str(records), "--today", today, "--format", "json"])
    return {i["id"]: i for i in json.loads(result.output)["items"]}


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    """The document's paragraphs (non-empty) and the rows of all its tables, as cell texts; the
    typograph's no-break spaces and hyphens read as plain ones."""
    document = docx.Document(str(path))

    def plain(text: str) -> str:
        return text.replace("\u00a0", " ").replace("\u2011", "-")

    paragraphs = [plain(p.text) for p in document.paragraphs if p.text.strip()]
    rows = [[plain(cell.text) for cell in row.cells] for table in document.tables for row in table.rows]
    return paragraphs, rows


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kind-samples")
    result = build_protocols(RECORDS, out, TEMPLATES, jobs=1)
    assert sorted(p.stem for p in out.glob("*.docx")) == sorted([INSTRUCTIONS, BOARD, PROTEST]), result
    return out


def test_the_samples_validate_with_only_the_protests_term_by_law(runner):
    result = runner.invoke(cli, ["validate", "--records", str(RECORDS)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [PROTEST_WARNING, "Найдено: ошибок — 0, предупреждений — 1."]


def test_the_list_of_instructions_reads_instruction_term_responsible(built):
    paragraphs, rows = _read(built / f"{INSTRUCTIONS}.docx")
    assert paragraphs[:4] == ["Президент Российской Федерации", "ПЕРЕЧЕНЬ ПОРУЧЕНИЙ", "01.09.2015",
                              "по вопросам общего образования"]  # fmt: skip
    text = "\n".join(paragraphs)
    assert "РЕШИЛИ" not in text and "ПОВЕСТКА" not in text and "ПРОТОКОЛ" not in text
    assert rows[0] == ["№ п/п", "Содержание поручения", "Срок исполнения", "Ответственные исполнители"]
    responsible = "Ливанов Д., высшие должностные лица субъектов Российской Федерации"
    assert [(r[0], r[2], r[3]) for r in rows[1:4]] == [
        ("1.", "первое января 2016 года", responsible),
        ("2.", "первое сентября 2016 года", responsible),
        ("3.", "первое сентября 2016 года", responsible),
    ]
    assert rows[1][1].startswith("Создать условия для получения качественного общего образования")
    assert rows[4] == ["Президент Российской Федерации", "В. Путин"]


def test_the_board_decision_has_the_councils_formula_and_no_agenda(built):
    paragraphs, rows = _read(built / f"{BOARD}.docx")
    assert paragraphs[:5] == ["ГБОУ Школа № 1252 г. Москвы", "РЕШЕНИЕ", "27.08.2025",
                              "г. Москва, Малый Песчаный переулок", "О начале 2025-2026 учебного года"]  # fmt: skip
    formula = paragraphs.index("Управляющий совет решил:")
    items = [p for p in paragraphs[formula + 1:] if p[0].isdigit()]
    assert [p.split(".")[0] for p in items] == [str(n) for n in range(1, 9)]
    assert paragraphs[paragraphs.index("3. Утвердить составы комиссий Управляющего совета.") + 1] \
        == "Голосовали: единогласно."
    text = "\n".join(paragraphs)
    assert "ПОВЕСТКА" not in text and "РЕШИЛИ" not in text and "Срок" not in text
    # the chair and the secretary are not named by the paper: the record is unsigned, nothing printed
    assert "Председатель" not in text and "Секретарь" not in text and rows == []


def test_the_protest_is_a_table_with_the_term_by_law(built):
    paragraphs, rows = _read(built / f"{PROTEST}.docx")
    assert paragraphs[:5] == ["Прокуратура Выборгского района Санкт-Петербурга", "ПРОТЕСТ",
                              "на Положение о школьной форме", "Кому: ГБОУ школа № 60", "Получено: 01.10.2018"]  # fmt: skip
    assert rows[0] == ["№ п/п", "Нарушение", "Требуемая мера", "Срок", "Принятые меры"]
    number, violation, measure, term, taken = rows[1]
    assert number == "1." and violation.startswith("В Положении не урегулированы вопросы возможности ношения")
    assert measure == "Привести Положение в соответствие с требованиями законодательства."
    assert term == "в течение 10 дней со дня получения 01.10.2018 (срок по закону)" and taken == ""


def test_a_document_with_no_date_and_no_number_leaves_no_empty_line_for_them(built):
    """The protest has neither: the heading is followed by its title, not by an empty paragraph."""
    document = docx.Document(str(built / f"{PROTEST}.docx"))
    head = [p.text for p in document.paragraphs[:3]]
    assert head == ["Прокуратура Выборгского района Санкт-Петербурга", "ПРОТЕСТ", "на Положение о школьной форме"]
    assert all(p.style.name != "Дата и номер" for p in document.paragraphs)


def test_check_gives_the_papers_control_dates_and_statuses(runner):
    before = _check(runner, "2015-12-01")
    instructions = {k: v for k, v in before.items() if k.startswith(INSTRUCTIONS)}
    # the control dates of the paper's facts (01.01.2016 is a holiday: 31.12.2015), for each executor
    facts = yaml.safe_load((DATA / "kinds" / "19-instructions-list-federal-news-rcoi12.expected.yaml")
                           .read_text(encoding="utf-8"))["items"]  # fmt: skip
    assert [item["control_dates"] for item in facts] == [[date(2015, 12, 31)], [date(2016, 9, 1)], [date(2016, 9, 1)]]
    assert {k: [p["deadline"] for p in v["points"]] for k, v in instructions.items()} == {
        f"{INSTRUCTIONS}#{item['number']}/{who}": [day.isoformat() for day in item["control_dates"]]
        for item in facts for who in ("livanov", "regions-heads")}  # fmt: skip
    assert {v["status"] for v in instructions.values()} == {"open"}
    assert before[f"{INSTRUCTIONS}#1/livanov"]["source"]["citation"] == "Перечень поручений от 01.09.2015, п. 1"
    after_new_year = _check(runner, "2016-01-15")
    assert {k: v["status"] for k, v in after_new_year.items() if k.startswith(INSTRUCTIONS)} == {
        f"{INSTRUCTIONS}#1/livanov": "overdue", f"{INSTRUCTIONS}#1/regions-heads": "overdue",
        f"{INSTRUCTIONS}#2/livanov": "open", f"{INSTRUCTIONS}#2/regions-heads": "open",
        f"{INSTRUCTIONS}#3/livanov": "open", f"{INSTRUCTIONS}#3/regions-heads": "open"}  # fmt: skip
    # the board's decisions are approvals: nothing of it is ever on control, at no date
    assert not [k for day in ("2025-08-27", "2026-12-05") for k in _check(runner, day) if k.startswith(BOARD)]
    # the protest: ten days from receipt (01.10.2018), labelled as the law's term
    received = _check(runner, "2018-10-01")[f"{PROTEST}#1"]
    assert received["status"] == "open" and received["executor"] == "spb-school-60"
    assert received["points"][0]["label"] == "срок по закону" and received["points"][0]["deadline"] == "2018-10-11"
    assert received["source"]["citation"] == "Протест (получено 01.10.2018), п. 1"
    assert _check(runner, "2018-10-11")[f"{PROTEST}#1"]["status"] != "overdue"
    assert _check(runner, "2018-10-12")[f"{PROTEST}#1"]["status"] == "overdue"


def test_a_wrong_field_of_each_kind_is_reported(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(RECORDS, records)
    documents = records / "documents"
    protest = documents / f"{PROTEST}.yaml"
    protest.write_text(protest.read_text(encoding="utf-8").replace("received: 01.10.2018\n", "date: 28.09.2018\n"),
                       encoding="utf-8")  # fmt: skip
    instructions = documents / f"{INSTRUCTIONS}.yaml"
    instructions.write_text(instructions.read_text(encoding="utf-8").replace(
        "date: 01.09.2015\n", "date: 01.09.2015\nreceived: 05.09.2015\n"), encoding="utf-8")  # fmt: skip
    board = documents / f"{BOARD}.yaml"
    board.write_text(board.read_text(encoding="utf-8").replace(
        "    text: Утвердить состав Управляющего совета.\n",
        "    text: Утвердить состав Управляющего совета.\n    violation: нет кворума\n"), encoding="utf-8")  # fmt: skip
    output = runner.invoke(cli, ["validate", "--records", str(records)]).output
    assert "NOR220 срок не указан в пункте 1, а срок по закону у вида «протест» (в течение 10 дней)" in output
    assert "NOR123 поле «received» бывает только у актов проверки (предписание, представление, протест), " \
           "не у вида «перечень поручений»" in output
    assert "NOR123 поле «violation»" in output and "«решение управляющего совета»" in output


@pytest.mark.libreoffice
def test_the_three_samples_open_in_libreoffice_and_read_right(built, tmp_path_factory):
    pdfs = to_pdf([built / f"{stem}.docx" for stem in (INSTRUCTIONS, BOARD, PROTEST)], tmp_path_factory)
    expected = {  # in reading order; a table row's cells on one line (layout)
        INSTRUCTIONS: ["ПЕРЕЧЕНЬ ПОРУЧЕНИЙ", "по вопросам общего образования", "Содержание поручения", "Срок",
                       "Ответственные", "1. Создать условия", "первое января", "Ливанов Д.,", "2. Предоставить",
                       "3. Продолжить контроль", "Президент Российской Федерации В. Путин"],
        BOARD: ["РЕШЕНИЕ", "27.08.2025", "О начале 2025-2026 учебного года", "Управляющий совет решил:",
                "1. Утвердить состав", "3. Утвердить составы комиссий", "Голосовали: единогласно.",
                "8. Определить льготы по обеспечению школьников горячим питанием."],
        PROTEST: ["ПРОТЕСТ", "на Положение о школьной форме", "Кому: ГБОУ школа № 60", "Получено: 01.10.2018",
                  "Установлено:", "Нарушение", "Требуемая мера", "Срок", "Принятые меры", "1. В Положении не",
                  "Привести Положение", "(срок по"],
    }  # fmt: skip
    for stem, order in expected.items():
        assert pdf_pages(pdfs[stem]) == 1, stem
        text = pdf_page_texts(pdfs[stem], layout=True)[0].replace("\u2011", "-")
        positions = [text.index(words) for words in order]
        assert positions == sorted(positions), (stem, text)
        assert "ПОВЕСТКА" not in text and "РЕШИЛИ" not in text and "ПРОТОКОЛ" not in text, stem
