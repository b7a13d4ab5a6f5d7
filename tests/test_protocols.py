"""Protocols as DOCX: every fact of each record in its section and order, page setup, extracts,
determinism, containment, text safety, incremental builds, the CLI."""

from __future__ import annotations

import hashlib
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import DATA, ROOT, SAMPLE_RECORDS
from lxml import etree
from protocol_facts import document_lines, find_in_order, meeting_facts, norm

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli
from nor_docs.pipeline import load_checked as load_and_validate

TEST_RECORDS = DATA / "protocols" / "records"
TEMPLATES = ROOT / "templates"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BROKEN = "2024-03-01-broken"


def _good_meetings(root: Path) -> list[str]:
    records, found = load_and_validate(root)
    broken = {d.file for d in found if d.is_error}
    return sorted(mid for mid in records.meetings if records.where(mid)[0] not in broken)


CASES = [(TEST_RECORDS, mid) for mid in _good_meetings(TEST_RECORDS)] + [
    (SAMPLE_RECORDS, mid) for mid in _good_meetings(SAMPLE_RECORDS)
]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[Path, Path]:
    """The test records and the sample records, each built once: records folder → output folder."""
    outputs = {}
    for root in (TEST_RECORDS, SAMPLE_RECORDS):
        out = tmp_path_factory.mktemp("protocols")
        build_protocols(root, out, TEMPLATES)
        outputs[root] = out
    return outputs


@pytest.fixture(scope="session")
def loaded() -> dict[Path, object]:
    return {root: load_and_validate(root)[0] for root in (TEST_RECORDS, SAMPLE_RECORDS)}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): _sha(p) for p in sorted(path.rglob("*")) if p.is_file()}


# --- every fact in its place ------------------------------------------------------------------


@pytest.mark.parametrize(("root", "meeting_id"), CASES, ids=[f"{r.parent.name}/{m}" for r, m in CASES])
def test_every_fact_of_the_record_is_in_the_document_in_order(root, meeting_id, built, loaded):
    records = loaded[root]
    lines = document_lines(built[root] / f"{meeting_id}.docx")
    facts = meeting_facts(records.meetings[meeting_id], records)
    assert len(facts) > 8
    assert find_in_order(lines, facts) == []


def test_the_fact_checker_notices_a_missing_or_misplaced_fact(built, loaded):
    records = loaded[SAMPLE_RECORDS]
    lines = document_lines(built[SAMPLE_RECORDS] / "2023-12-14-mun4-wg.docx")
    facts = meeting_facts(records.meetings["2023-12-14-mun4-wg"], records)
    assert find_in_order(lines, list(reversed(facts[:6])))  # wrong order is caught
    without = [line for line in lines if "31.01.2024" not in line.text]
    assert any("срок" in p for p in find_in_order(without, facts))


def test_decision_sentences_are_composed_with_dative_executors_and_deadlines_as_written(built):
    texts = [norm(l.text) for l in document_lines(built[SAMPLE_RECORDS] / "2023-12-14-mun4-wg.docx")]
    records, _ = load_and_validate(SAMPLE_RECORDS)
    third = records.meetings["2023-12-14-mun4-wg"].decisions[2]
    comma = "," if getattr(third, "deadline_comma", True) else ""  # the seed itself has no comma there
    assert ("3. Членам муниципальной рабочей группы провести анализ проделанной работы по выполнению "
            "мероприятий по реализации «Дорожной карты» за 2023 год и разместить аналитические справки на "
            "сайте Управления образования в разделе «Работа со школами с низкими образовательными "
            f"результатами» подраздел «Работа по выполнению мероприятий ДК»{comma} в срок до 31.01.2024 г.") in texts
    assert "1. Информацию принять к сведению." in texts
    vks = [norm(l.text) for l in document_lines(built[TEST_RECORDS] / "2022-01-31-ast-vks.docx")]
    assert "2.2. Руководству МБОУ «СОШ с. Ушаковка» активизировать работу по прохождению анкетирования, срочно." in vks
    assert "2.3. Руководству МБОУ «СОШ с. Ушаковка» обеспечить информирование о ходе реализации проекта, " \
           "ежеквартально до 10 числа." in vks
    assert ("2.1. Рекомендовать руководителям школ-участников проекта ознакомиться с нормативной базой проекта "
            "«500+», май 2022 года и декабрь 2022 года.") in vks  # executors_in_text: false
    text = [norm(l.text) for l in document_lines(built[TEST_RECORDS] / "2024-02-01-text.docx")]
    assert any(t.startswith("1.1. Ким А.А., Smith J. подготовить справку") for t in text)


def test_speakers_in_the_agenda_follow_the_case_of_the_written_position(built):
    nominative = [norm(l.text) for l in document_lines(built[TEST_RECORDS] / "2023-01-31-ptz-nested.docx")]
    assert ("1. Анализ образовательных результатов по итогам процедур оценки качества образования за 2022 год. "
            "Докладчик — С.А. Фадеева, заместитель начальника управления образования.") in nominative
    assert "2. Эффективная практика «Проекты в помощь школе». Доклад руководителей ОО." in nominative
    genitive = [norm(l.text) for l in document_lines(built[TEST_RECORDS] / "2021-09-29-kuz-extract.docx")]
    assert any(t.startswith("4. О подведении итогов реализации проекта «500+» в 2020-2021 учебном году. Доклад "
                            "заведующего методическим кабинетом управления образования, муниципального "
                            "координатора проекта Л.И. Заводчиковой") for t in genitive)  # fmt: skip


def test_minutes_keeper_among_the_signers_is_not_repeated(built):
    texts = [norm(l.text) for l in document_lines(built[TEST_RECORDS] / "2023-01-31-ptz-nested.docx")]
    assert texts.count("Вела протокол") == 1 and texts.count("И.В. Храмова") == 1


def test_nested_decisions_inherit_executors_without_repeating_them(built):
    texts = [norm(l.text) for l in document_lines(built[TEST_RECORDS] / "2023-01-31-ptz-nested.docx")]
    texts = texts[texts.index("РЕШИЛИ:") :]
    first = next(t for t in texts if t.startswith("1. "))
    assert first.startswith("1. Руководителям общеобразовательных организаций МОУ «Средняя школа № 3»")
    for number in ("1.1.", "1.2.", "1.3.", "1.3.1."):
        line = next(t for t in texts if t.startswith(number + " "))
        assert "Руководителям" not in line
    assert "1.3.1. систему повышения квалификации и аттестации учителей, до 27.02.2023." in texts
    assert "– анализ результатов процедур оценки качества;" in texts
    # a capitalised verb after the executors becomes lower case; an event-relative deadline as written
    assert "2. Руководителям общеобразовательных организаций разработать (скорректировать) антирисковую " \
           "программу МОУ, в срок до 27.02.2023." in texts
    assert any(t.endswith(", не менее трех дней до проведения процедуры.") for t in texts)


def test_assignments_table_has_number_content_deadline_and_executors(built):
    document = docx.Document(str(built[TEST_RECORDS] / "2021-09-29-kuz-extract.docx"))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "№ п/п")
    rows = [[norm(c.text) for c in row.cells] for row in table.rows]
    assert rows[0] == ["№ п/п", "Содержание поручения", "Срок исполнения", "Ответственные исполнители"]
    assert rows[1][:1] + rows[1][2:] == ["4.1.", "29.09.2021", "Руководители ОО"]
    assert rows[2][0] == "4.2." and rows[2][1].startswith("На основе данных итогов") and rows[2][2] == "10.10.2021"
    header = table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader")
    assert header is not None  # the header row repeats on every page


def test_the_last_decision_is_kept_with_the_signatures(built):
    document = docx.Document(str(built[SAMPLE_RECORDS] / "2023-12-14-mun4-wg.docx"))
    paragraphs = document.paragraphs
    kept = [p for p in paragraphs if p.style.name == "Текст перед подписью"]
    assert [p.text[:20] for p in kept] == ["3. Членам муниципаль"]
    assert kept[0].style.paragraph_format.keep_with_next
    spacer = paragraphs[paragraphs.index(kept[0]) + 1 :][0]  # the empty line before the signature table
    assert spacer.text == "" and spacer.paragraph_format.keep_with_next
    assert spacer._p.getnext().tag == f"{W}tbl"
    # only the protocol's last decision: the others are ordinary text
    assert all(p.style.name == "Normal" for p in paragraphs if p.text.startswith(("1. Информацию", "2. Утвердить")))


def test_appendix_table_columns_fit_their_text(built):
    # Seed 001's appendix 1: «Методический кабинет | …». The record's columns come from a loop, and
    # the template's narrow tag column used to become the first column («Методич|еский»).
    document = docx.Document(str(built[SAMPLE_RECORDS] / "2021-09-29-kuznetsk.docx"))
    table = next(t for t in document.tables if t.cell(0, 0).text == "Методический кабинет")
    grid = [int(c.get(f"{W}w")) for c in table._tbl.tblGrid.findall(f"{W}gridCol")]
    assert len(grid) == 2
    assert abs(sum(grid) - 9694) < 60  # the template's width: the whole text block
    longest = len("Образовательная") * 130 + 230  # twips at 12 pt, with the cell margins
    assert grid[0] >= longest and grid[1] > 2 * grid[0]
    for row in table.rows:
        assert [c.width.twips for c in row.cells] == grid
    # a table with the template's own columns keeps them: № п/п | Содержание | Срок | Ответственные
    assignments = next(t for t in document.tables if t.cell(0, 0).text == "№ п/п")
    assert [int(c.get(f"{W}w")) for c in assignments._tbl.tblGrid.findall(f"{W}gridCol")] == [907, 4762, 1814, 2154]


def test_more_than_fifteen_present_become_a_count_and_an_appendix(built):
    lines = document_lines(built[TEST_RECORDS] / "2021-09-29-kuz-extract.docx")
    texts = [norm(l.text) for l in lines]
    assert "Присутствовали: 19 чел. (список прилагается)" in texts
    start = texts.index("Список присутствовавших")
    listed = [t for t in texts[start + 1 :] if re.match(r"^\d+\. ", t)]
    assert len(listed) == 19
    surnames = [t.split(". ", 1)[1].split(" ")[0] for t in listed]
    assert surnames == sorted(surnames, key=lambda s: s.replace("ё", "е"))
    assert texts[start - 1].startswith("Приложение 2") and "к протоколу от 29.09.2021" in texts[start - 1]


def test_attendees_are_alphabetical_with_position_and_role(built):
    texts = [norm(l.text) for l in document_lines(built[SAMPLE_RECORDS] / "2023-12-14-mun4-wg.docx")]
    start, end = texts.index("Присутствовали:"), texts.index("ПОВЕСТКА ДНЯ:")
    names = [t.split(" ")[0] for t in texts[start + 1 : end]]
    assert names == sorted(names) and len(names) == 7
    assert "Лешкова О.Н. — начальник инспекторско-аналитического отдела, зам. председателя" in texts


def test_attendee_position_is_lower_case_after_the_dash(built):
    # Seed 001 writes «Директор МБОУ СОШ №16 Аникеев А.Н.»; in «Фамилия И.О. — должность» the
    # position continues the line.
    texts = [norm(l.text) for l in document_lines(built[SAMPLE_RECORDS] / "2021-09-29-kuznetsk.docx")]
    listed = texts[texts.index("Список присутствовавших") + 1:]
    assert "1. Аникеев А.Н. — директор МБОУ СОШ №16" in listed
    assert "16. Фадеева С.А. — зам. начальника" in listed
    assert not [t for t in listed if re.search(r" — [А-ЯЁ][а-яё]", t)]


def test_heard_names_are_accusative_and_signatures_initials_first(built):
    lines = document_lines(built[SAMPLE_RECORDS] / "2023-12-14-mun4-wg.docx")
    texts = [l.text for l in lines]
    assert any(t.startswith("Арбузову\u00a0А.В., главного специалиста") for t in texts)
    assert any(t.startswith("Кравцову\u00a0Н.И.") for t in texts)
    assert any(t.startswith("Рябченко\u00a0Г.Н.") for t in texts)  # indeclinable, not garbled
    assert "Р.И.\u00a0Сулейманова" in texts and lines[texts.index("Р.И.\u00a0Сулейманова")].style == "table"


def test_heard_position_agrees_with_the_accusative_name(built):
    # The record (seed 002) writes the positions in the nominative after an accusative name —
    # «Кравцову Н.И., ведущий эксперт …, технический специалист»; the protocol must not.
    texts = [norm(l.text) for l in document_lines(built[SAMPLE_RECORDS] / "2023-12-14-mun4-wg.docx")]
    for lead in (
        "Арбузову А.В., главного специалиста инновационно-методического отдела, члена рабочей группы по "
        "доработке муниципальной программы. Она ознакомила",
        "Рябченко Г.Н., заместителя начальника Управления образования по УВР. Галина Николаевна",
        "Кравцову Н.И., ведущего эксперта инновационно-методического отдела, технического специалиста. "
        "Наталья Ивановна",
        "Лешкову О.Н., начальника инспекторско-аналитического отдела, зам. председателя. Ольга Николаевна",
        "Гончарову Н.А., директора ППМС-центра УО. Она рассказала",
        "Бахметову О.А., директора МОУ «Гимназия №1». Она рассказала",
    ):  # fmt: skip
        assert any(t.startswith(lead) for t in texts), lead
    # the attendee list keeps the nominative: «Фамилия И.О. — должность»
    assert "Кравцова Н.И. — ведущий эксперт инновационно-методического отдела, технический специалист" in texts


def test_heard_text_that_starts_a_sentence_is_not_glued_to_the_lead_with_a_dash(built):
    for name in ("2023-12-14-mun4-wg.docx", "2023-10-31-kamenka-wg.docx"):
        texts = [norm(l.text) for l in document_lines(built[SAMPLE_RECORDS] / name)]
        assert not [t for t in texts if re.search(r" — [А-ЯЁ][а-яё]", t) and t.startswith(("Кирюхину", "Чамину",
                    "Арбузову", "Рябченко", "Кравцову", "Лешкову", "Гончарову", "Бахметову"))]  # fmt: skip
    texts = [norm(l.text) for l in document_lines(built[SAMPLE_RECORDS] / "2023-10-31-kamenka-wg.docx")]
    assert any(t.startswith("Кирюхину И.В., муниципального координатора проекта «Равенство образовательных "
                            "возможностей». В 2023-2024 учебном году") for t in texts)  # fmt: skip
    # a lower-case continuation still follows the dash (seed 004)
    texts = [norm(l.text) for l in document_lines(built[SAMPLE_RECORDS] / "2022-01-31-astrakhan-500.docx")]
    assert any(t.startswith("Баркунова Д.А., директора ГБОУ АО ДПО «Центр мониторинга в образовании» — об "
                            "алгоритме отбора") for t in texts)  # fmt: skip


def test_vks_time_place_invited_absent_and_multiline_signer(built):
    texts = [norm(l.text) for l in document_lines(built[TEST_RECORDS] / "2022-01-31-ast-vks.docx")]
    assert "31.01.2022 № 1-с" in texts
    assert "Форма проведения: в режиме ВКС на платформе «Сферум»" in texts
    assert texts.index("Приглашённые:") < texts.index("Smith J. — приглашённый эксперт") < texts.index("Отсутствовали:")
    assert "Ким А.А. — методист (отпуск)" in texts
    assert "– участники проекта адресной методической помощи «500+» 2022 года (15 руководителей общеобразовательных организаций);" in texts
    assert "– муниципальные координаторы — 11 чел." in texts  # two groups: a dash list, «;» and «.»
    raw = [l.text for l in document_lines(built[TEST_RECORDS] / "2022-01-31-ast-vks.docx")]
    assert "Директор ГБОУ АО ДПО\n«Центр мониторинга в образовании»,\nрегиональный координатор проекта «500+»" in raw


def test_settings_nominative_heard_case_and_dates_in_words(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    (records / "settings.yaml").write_text(
        "# yaml-language-server: $schema=../nor_docs/schemas/settings.schema.json\n"
        "documents:\n  heard_case: nominative\n  date_style: words\n", encoding="utf-8")  # fmt: skip
    build_protocols(records, tmp_path / "out", TEMPLATES)
    texts = [l.text for l in document_lines(tmp_path / "out" / "2023-12-14-mun4-wg.docx")]
    assert texts[2].startswith("14 декабря 2023\u00a0г.\t№")
    assert any(t.startswith("А.В.\u00a0Арбузова, главный специалист") for t in texts)
    assert not any(t.startswith("Арбузову") for t in texts)


# --- page setup ----------------------------------------------------------------------------------


def _part(path: Path, name: str):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def test_page_setup_a4_margins_font_indent_and_numbers_from_page_two(built):
    path = built[SAMPLE_RECORDS] / "2023-12-14-mun4-wg.docx"
    body = _part(path, "word/document.xml")
    sect = body.find(f"{W}body/{W}sectPr")
    size = sect.find(f"{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")  # A4 in twentieths of a point
    margins = sect.find(f"{W}pgMar")
    mm = {k: round(int(margins.get(f"{W}{k}")) / 56.7) for k in ("left", "right", "top", "bottom")}
    assert mm == {"left": 30, "right": 10, "top": 20, "bottom": 20}
    assert sect.find(f"{W}titlePg") is not None  # a different first page
    refs = {r.get(f"{W}type"): r.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            for r in sect.findall(f"{W}headerReference")}  # fmt: skip
    rels = _part(path, "word/_rels/document.xml.rels")
    target = {r.get("Id"): r.get("Target") for r in rels}
    default_header = _part(path, "word/" + target[refs["default"]])
    first_header = _part(path, "word/" + target[refs["first"]])
    fields = [f.get(f"{W}instr").strip() for f in default_header.iter(f"{W}fldSimple")]
    assert fields == ["PAGE"]
    assert _style_jc(path, default_header) == "center"  # centred at the top
    assert not list(first_header.iter(f"{W}fldSimple")) and not "".join(first_header.itertext()).strip()
    styles = _part(path, "word/styles.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(f"{W}ascii") == "Times New Roman"
    assert defaults.find(f"{W}sz").get(f"{W}val") == "28"  # 14 pt
    normal = next(s for s in styles.findall(f"{W}style") if s.get(f"{W}styleId") == "Normal")
    assert normal.find(f"{W}pPr/{W}ind").get(f"{W}firstLine") == "709"  # 1.25 cm
    assert normal.find(f"{W}pPr/{W}jc").get(f"{W}val") == "both"  # justified
    title = next(s for s in styles.findall(f"{W}style") if s.get(f"{W}styleId") == "NorTitle")
    assert title.find(f"{W}rPr/{W}b") is not None and title.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"


def _style_jc(path: Path, header) -> str | None:
    style_id = header.find(f".//{W}pStyle").get(f"{W}val")
    styles = _part(path, "word/styles.xml")
    style = next(s for s in styles.findall(f"{W}style") if s.get(f"{W}styleId") == style_id)
    return style.find(f"{W}pPr/{W}jc").get(f"{W}val")


def test_core_properties_come_from_the_record_not_the_clock(built):
    document = docx.Document(str(built[SAMPLE_RECORDS] / "2023-12-14-mun4-wg.docx"))
    props = document.core_properties
    assert props.title.startswith("Протокол №\u00a04 от 14.12.2023 заседания рабочей группы")
    assert props.author == "Управление образования"
    assert (props.created.date().isoformat(), props.modified.date().isoformat()) == ("2023-12-14", "2023-12-14")
    with zipfile.ZipFile(built[SAMPLE_RECORDS] / "2023-12-14-mun4-wg.docx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --- extracts ------------------------------------------------------------------------------------


def test_extract_command_keeps_only_the_chosen_items_with_their_numbers(tmp_path, runner):
    result = runner.invoke(cli, ["build", "extract", "2022-01-31-ast-vks", "--item", "2", "--records",
                                 str(TEST_RECORDS), "--out", str(tmp_path), "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 0, result.output
    path = tmp_path / "2022-01-31-ast-vks.extract-2.docx"
    assert result.stdout.strip() == path.as_posix()
    texts = [norm(l.text) for l in document_lines(path)]
    assert texts[1] == "ВЫПИСКА ИЗ ПРОТОКОЛА"
    assert not any(t.startswith("1. ") or t.startswith("1.1.") for t in texts)
    assert texts.index("2. Реализация проекта «500+» в Астраханской области в 2022 году") < texts.index("2. СЛУШАЛИ:")
    assert any(t.startswith("2.2. Руководству МБОУ «СОШ с. Ушаковка»") for t in texts)
    verno = texts.index("Верно")
    assert texts[verno + 1 :][:3] == ["Директор ГБОУ АО ДПО «Центр мониторинга в образовании»", "Д.А. Баркунов",
                                      "31.01.2022"] or "Д.А. Баркунов" in texts[verno + 1 : verno + 4]  # fmt: skip
    records, _ = load_and_validate(TEST_RECORDS)
    facts = meeting_facts(records.meetings["2022-01-31-ast-vks"], records, items=["2"])
    assert find_in_order(document_lines(path), facts) == []


def test_extract_certification_by_a_chosen_person_and_date(tmp_path, runner):
    result = runner.invoke(cli, ["build", "extract", "2023-12-14-mun4-wg", "--item", "1", "--item", "2",
                                 "--decision", "3", "--certifier", "mun4-leshkova", "--date", "20.12.2023", "--out",
                                 str(tmp_path), "--templates", str(TEMPLATES), "--records", str(SAMPLE_RECORDS)])  # fmt: skip
    assert result.exit_code == 0, result.output
    texts = [norm(l.text) for l in document_lines(tmp_path / "2023-12-14-mun4-wg.extract-1-2.docx")]
    verno = texts.index("Верно")
    after = [t for t in texts[verno + 1 :] if t]  # the block is a borderless table: empty cells skipped
    assert after[:3] == ["Начальник инспекторско-аналитического отдела", "О.Н. Лешкова", "20.12.2023"]
    # the decision asked for, with its own number, and not the two left out on purpose
    assert any(t.startswith("3. Членам муниципальной рабочей группы провести анализ") for t in texts)
    assert not any(t.startswith(("1. Информацию принять", "2. Утвердить")) for t in texts)
    assert "NOR310" not in result.stderr


def test_an_extract_without_any_decision_of_its_items_is_an_error_not_a_document(tmp_path, runner):
    # Seed 002's decisions 1–3 are the meeting's as a whole: an extract of item 2 alone would
    # certify «Верно» an item without its РЕШИЛИ.
    args = ["--out", str(tmp_path), "--templates", str(TEMPLATES), "--records", str(SAMPLE_RECORDS)]
    result = runner.invoke(cli, ["build", "extract", "2023-12-14-mun4-wg", "--item", "2", *args])
    assert result.exit_code == 1
    assert re.search(r"2023-12-14-mun4-wg\.yaml:\d+:\d+: NOR312 в выписку по пункту 2 не попало ни одного решения: "
                     r"решения заседания \(1, 2, 3\) к пунктам не привязаны; укажите нужные: --decision 1", result.stderr)
    assert list(tmp_path.iterdir()) == []
    result = runner.invoke(cli, ["build", "extract", "2023-12-14-mun4-wg", "--item", "2", "--decision", "9", *args])
    assert result.exit_code == 3 and "NOR309 у заседания 2023-12-14-mun4-wg нет решения 9" in result.stderr


def test_items_with_their_own_decisions_warn_about_the_meetings_left_out(tmp_path, runner, records_copy):
    meeting = records_copy / "meetings" / "2023-12-14-mun4-wg.yaml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("decisions:\n  - number: 1\n", "decisions:\n  - number: \"2.1\"\n", 1),
                       encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["build", "extract", "2023-12-14-mun4-wg", "--item", "2", "--out", str(tmp_path),
                                 "--templates", str(TEMPLATES), "--records", str(records_copy)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "NOR310" in result.stderr and "в выписку не включены (2, 3);" in result.stderr


def test_an_extract_nobody_can_certify_is_an_error(tmp_path, runner, records_copy):
    meeting = records_copy / "meetings" / "2023-10-31-kamenka-wg.yaml"
    text = meeting.read_text(encoding="utf-8")
    start = text.index("signers:")
    end = text.index("# Результаты")
    meeting.write_text(text[:start] + text[end:], encoding="utf-8")
    out = tmp_path / "out"
    args = ["--out", str(out), "--templates", str(TEMPLATES), "--records", str(records_copy)]
    result = runner.invoke(cli, ["build", "extract", "2023-10-31-kamenka-wg", "--item", "1", "--decision", "1", *args])
    assert result.exit_code == 1
    assert "NOR311 выписку некому заверить («Верно»)" in result.stderr and "--certifier ID" in result.stderr
    assert not out.exists() or list(out.iterdir()) == []
    result = runner.invoke(cli, ["build", "extract", "2023-10-31-kamenka-wg", "--item", "1", "--decision", "1",
                                 "--certifier", "kamenka-chamina", *args])  # fmt: skip
    assert result.exit_code == 0, result.output
    texts = [norm(l.text) for l in document_lines(out / "2023-10-31-kamenka-wg.extract-1.docx")]
    after = [t for t in texts[texts.index("Верно") + 1 :] if t]
    assert after[:3] == ["Начальник информационно-методического отдела", "Н.Г. Чамина", "31.10.2023"]


def test_extract_of_an_unknown_item_or_meeting_is_an_error(tmp_path, runner):
    args = ["--records", str(SAMPLE_RECORDS), "--out", str(tmp_path), "--templates", str(TEMPLATES)]
    result = runner.invoke(cli, ["build", "extract", "2023-12-14-mun4-wg", "--item", "9", *args])
    assert result.exit_code == 3
    assert "NOR309 в повестке заседания 2023-12-14-mun4-wg нет пункта 9; есть: 1, 2" in result.stderr
    result = runner.invoke(cli, ["build", "extract", "../../etc/passwd", "--item", "1", *args])
    assert result.exit_code == 3 and "NOR309 заседание «../../etc/passwd» не найдено" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_record_marked_as_extract_renders_as_one_with_its_appendix(built):
    texts = [norm(l.text) for l in document_lines(built[TEST_RECORDS] / "2021-09-29-kuz-extract.docx")]
    assert texts[1] == "ВЫПИСКА ИЗ ПРОТОКОЛА" and "Верно" in texts
    assert texts.index("Верно") < texts.index("Сопровождение школ с низкими образовательными результатами на "
                                               "муниципальном уровне")  # fmt: skip
    assert "Протокол вела" in texts and "С.А. Фадеева" in texts


# --- determinism, atomicity, containment -----------------------------------------------------------


def test_the_same_input_gives_byte_identical_documents(tmp_path):
    build_protocols(TEST_RECORDS, tmp_path / "a", TEMPLATES)
    build_protocols(TEST_RECORDS, tmp_path / "b", TEMPLATES, jobs=1)
    a = {k: v for k, v in _tree(tmp_path / "a").items() if k.endswith(".docx")}
    b = {k: v for k, v in _tree(tmp_path / "b").items() if k.endswith(".docx")}
    assert a == b and len(a) == 5


def test_records_are_never_written_and_an_output_inside_them_is_refused(tmp_path, runner):
    records = tmp_path / "records"
    shutil.copytree(TEST_RECORDS, records)
    before = {p: (p.stat().st_mtime_ns, _sha(p)) for p in records.rglob("*") if p.is_file()}
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(records / "out")])
    assert result.exit_code == 4
    assert "внутри папки записей" in result.stderr
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(tmp_path / "out"),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 2  # the broken record
    after = {p: (p.stat().st_mtime_ns, _sha(p)) for p in records.rglob("*") if p.is_file()}
    assert after == before
    cache = tmp_path / "out" / ".nor-docs-cache"  # parsed records (source/parse_cache.py), never an output
    assert {p.parent for p in (tmp_path / "out").rglob("*")} - {cache} == {tmp_path / "out"}


def test_output_names_cannot_escape_the_output_folder(tmp_path):
    from nor_docs.build.output_paths import BuildRefused, output_path

    assert output_path(tmp_path, "2023-12-14-x") == tmp_path / "2023-12-14-x.docx"
    for bad in ("../x", "a/../../x", "/etc/x", "..", "Х"):
        with pytest.raises(BuildRefused):
            output_path(tmp_path, bad)


def test_a_killed_build_leaves_no_half_written_document(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    records = generate(tmp_path / "records", 120)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "nor_docs", "build", "protocols", "--records", str(records), "--out", str(out),
               "--templates", str(TEMPLATES), "-j", "1"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 10:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    written = list(out.glob("*.docx"))
    assert 10 <= len(written) < 120
    for path in written:
        docx.Document(str(path))  # every document there is whole
    result = build_protocols(records, out, TEMPLATES, jobs=1)  # the next build finishes the job
    assert result.ok and len(list(out.glob("*.docx"))) == 120
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


# --- text is text -----------------------------------------------------------------------------------


def test_markup_tabs_breaks_and_jinja_in_records_render_as_text_and_straight_quotes_as_yolochki(built):
    path = built[TEST_RECORDS] / "2024-02-01-text.docx"
    texts = [l.text for l in document_lines(path)]
    assert "заседания рабочей группы по проверке <текста> & «кавычек» «прямых»" in texts
    assert "1. Проверка {{ 7*7 }} и {% if true %}условий{% endif %}\u00a0— <b>не разметка</b> & не шаблон" in texts
    assert not any("49" in t for t in texts)
    statement = next(t for t in texts if t.startswith("Ким\u00a0А.А., методист"))
    assert statement.endswith("Первая строка\nвторая строка\tпосле табуляции; «ёлочки» и «лапки»; 5 < 7 && 7 > 5.")
    assert any("{{ records }} и {%- raw %} в срок" in t for t in texts)
    assert any(t.startswith("Длиннофамильнаяпредлиннейшая") for t in texts)
    body = _part(path, "word/document.xml")
    assert body.find(f".//{W}br") is not None and body.find(f".//{W}r/{W}tab") is not None


def test_control_characters_are_refused_by_validate_not_written(tmp_path, runner):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    meeting = records / "meetings" / "2023-12-14-mun4-wg.yaml"
    text = meeting.read_text(encoding="utf-8")
    assert "text: Информацию принять к сведению." in text
    meeting.write_text(text.replace("text: Информацию принять к сведению.", 'text: "Информацию\\a принять к сведению."'),
                       encoding="utf-8")  # fmt: skip
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(tmp_path / "out"),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 2
    assert re.search(r"2023-12-14-mun4-wg\.yaml:\d+:\d+: NOR010 недопустимый управляющий символ U\+0007", result.stderr)
    assert not (tmp_path / "out" / "2023-12-14-mun4-wg.docx").exists()


def test_names_that_cannot_be_inflected_stay_nominative_with_a_warning(tmp_path, runner):
    result = runner.invoke(cli, ["build", "protocols", "--records", str(TEST_RECORDS), "--out", str(tmp_path),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert re.search(r"2024-02-01-text\.yaml:\d+:\d+: NOR301 фамилия «Smith» написана не кириллицей", result.stderr)


def _template_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    document = docx.Document()
    document.add_paragraph("{{ title }}")
    document.add_paragraph(text)
    document.save(str(folder / "protocol.docx"))
    return folder


def test_a_template_typo_names_the_template_and_the_variable(tmp_path, runner, mun4_records):
    folder = _template_with(tmp_path, "{{ meting.title }}")
    result = runner.invoke(cli, ["build", "protocols", "--records", str(mun4_records), "--out",
                                 str(tmp_path / "out"), "--templates", str(folder)])  # fmt: skip
    assert result.exit_code == 1
    assert f"{folder}/protocol.docx:1:1: NOR305 в шаблоне неизвестная переменная «meting»" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "out" / "2023-12-14-mun4-wg.docx").exists()


def test_a_template_syntax_error_and_unsafe_expressions_are_errors(tmp_path, runner, mun4_records):
    folder = _template_with(tmp_path, "{% for x in %}")
    result = runner.invoke(cli, ["build", "protocols", "--records", str(mun4_records), "--out",
                                 str(tmp_path / "out"), "--templates", str(folder)])  # fmt: skip
    assert result.exit_code == 1 and "NOR304 ошибка в тегах шаблона" in result.stderr
    shutil.rmtree(folder)
    folder = _template_with(tmp_path, "{{ title.__class__.__mro__[1].__subclasses__() }}")
    result = runner.invoke(cli, ["build", "protocols", "--records", str(mun4_records), "--out",
                                 str(tmp_path / "out"), "--templates", str(folder)])  # fmt: skip
    assert result.exit_code == 1 and "NOR305" in result.stderr


def test_template_per_issuer_and_per_meeting(tmp_path, mun4_records):
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    (folder / "mun4-uo").mkdir()
    document = docx.Document()
    document.add_paragraph("Свой шаблон: {{ title }}")
    document.save(str(folder / "mun4-uo" / "protocol.docx"))
    build_protocols(mun4_records, tmp_path / "out", folder)
    texts = [l.text for l in document_lines(tmp_path / "out" / "2023-12-14-mun4-wg.docx")]
    assert texts[0].startswith("Свой шаблон: заседания рабочей группы")
    records = tmp_path / "records"
    shutil.copytree(mun4_records, records)
    meeting = records / "meetings" / "2023-12-14-mun4-wg.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8") + "template: ../../etc/x.docx\n", encoding="utf-8")
    result = build_protocols(records, tmp_path / "out2", folder)
    assert [d.code for d in result.diagnostics if d.is_error] == ["NOR307"]


def test_plain_docxtpl_renders_the_same_text_from_the_same_template(tmp_path, loaded):
    """The compiled fast path is docxtpl's own templating, done once: same template, same text."""
    from docxtpl import DocxTemplate

    from nor_docs.render.compiled_template import CompiledTemplate, _environment
    from nor_docs.render.protocol_view import protocol_view

    records = loaded[TEST_RECORDS]
    for meeting_id in ("2022-01-31-ast-vks", "2023-01-31-ptz-nested", "2024-02-01-text"):
        view, _ = protocol_view(records.meetings[meeting_id], records, records.settings)
        ours = tmp_path / f"{meeting_id}.ours.docx"
        ours.write_bytes(CompiledTemplate(TEMPLATES / "protocol.docx").render(view))
        template = DocxTemplate(str(TEMPLATES / "protocol.docx"))
        template.render(view, jinja_env=_environment())
        theirs = tmp_path / f"{meeting_id}.docxtpl.docx"
        template.save(str(theirs))
        assert [l.text for l in document_lines(ours)] == [l.text for l in document_lines(theirs)]


# --- one bad record, incremental builds ------------------------------------------------------------


def test_one_bad_record_does_not_stop_the_others(tmp_path, runner):
    result = runner.invoke(cli, ["build", "protocols", "--records", str(TEST_RECORDS), "--out", str(tmp_path),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 2
    assert re.search(rf"records/meetings/{BROKEN}\.yaml:9:11: NOR104 неизвестное лицо «t-nobody»", result.stderr)
    assert sorted(p.stem for p in tmp_path.glob("*.docx")) == [m for r, m in CASES if r == TEST_RECORDS]
    assert "Собрано протоколов: 5 из 6 (без изменений — 0, не собрано из-за ошибок — 1)" in result.stdout


def test_an_unchanged_input_is_not_rendered_again(tmp_path, runner, monkeypatch, mun4_records):
    records = mun4_records
    (records / "meetings" / "2023-12-15-copy.yaml").write_text(
        (records / "meetings" / "2023-12-14-mun4-wg.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", "protocols", "--records", str(records), "--out", str(out), "--templates", str(TEMPLATES)]
    assert runner.invoke(cli, args).exit_code == 0
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}

    import nor_docs.model.records

    def refuse(*_a, **_k):
        raise AssertionError("records were loaded on a no-op build")

    monkeypatch.setattr(nor_docs.model.records, "load_records", refuse)
    result = runner.invoke(cli, args)
    assert result.exit_code == 0 and "Без изменений: протоколов — 2" in result.stdout
    meeting = records / "meetings" / "2023-12-14-mun4-wg.yaml"
    meeting.touch()  # a new mtime, the same content: still nothing to do
    assert "Без изменений" in runner.invoke(cli, args).stdout
    monkeypatch.undo()

    meeting.write_text(meeting.read_text(encoding="utf-8").replace("number: 4", "number: 5"), encoding="utf-8")
    result = runner.invoke(cli, args)
    assert "Собрано протоколов: 1 из 2 (без изменений — 1" in result.stdout
    assert (out / "2023-12-15-copy.docx").stat().st_mtime_ns == stamps["2023-12-15-copy.docx"]

    (out / "2023-12-15-copy.docx").unlink()  # a lost output is made again
    assert "Собрано протоколов: 1 из 2" in runner.invoke(cli, args).stdout

    directory = records / "directory" / "mun4.yaml"  # the directory: every meeting depends on it
    directory.write_text(directory.read_text(encoding="utf-8").replace("Лешкова", "Лёшкова"), encoding="utf-8")
    assert "Собрано протоколов: 2 из 2" in runner.invoke(cli, args).stdout

    (records / "meetings" / "2023-12-15-copy.yaml").unlink()  # its output goes with it
    runner.invoke(cli, args)
    assert not (out / "2023-12-15-copy.docx").exists()


def test_a_changed_template_renders_everything_again(tmp_path, mun4_records):
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    build_protocols(TEST_RECORDS, tmp_path / "out", folder)
    assert build_protocols(TEST_RECORDS, tmp_path / "out", folder).built == []
    (folder / "protocol.docx").write_bytes((folder / "protocol.docx").read_bytes() + b"\0")  # still a zip
    assert len(build_protocols(TEST_RECORDS, tmp_path / "out", folder).built) == 5


def test_cli_build_protocols_prints_what_it_wrote(tmp_path, runner, mun4_records):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", "protocols", "--records", str(mun4_records), "--out", str(out),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"{out.as_posix()}/2023-12-14-mun4-wg.docx\n"
                             f"Собрано протоколов: 1 из 1 (без изменений — 0, не собрано из-за ошибок — 0) → {out}\n")
    result = runner.invoke(cli, ["build", "protocols", "--records", str(mun4_records), "--out", str(out),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.stdout == f"Без изменений: протоколов — 1 в {out}; собирать нечего.\n"


def test_build_does_not_import_docx_for_help_or_validate():
    import subprocess
    import sys

    code = ("import sys; from nor_docs.cli import cli\n"
            f"try:\n    cli.main(['validate', '--records', {str(SAMPLE_RECORDS)!r}], standalone_mode=False)\n"
            "except SystemExit: pass\n"
            "print(sorted(m for m in ('docx', 'docxtpl', 'pytrovich', 'lxml') if m in sys.modules))")  # fmt: skip
    # (pymorphy3 is loaded: validate checks that positions after «СЛУШАЛИ:» take the case, NOR210)
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout
    assert output.strip().splitlines()[-1] == "[]"


def test_another_records_folder_built_into_the_same_place_keeps_the_first_ones_documents(tmp_path):
    build_protocols(TEST_RECORDS, tmp_path, TEMPLATES)
    build_protocols(SAMPLE_RECORDS, tmp_path, TEMPLATES)
    sample = [m for r, m in CASES if r == SAMPLE_RECORDS]
    assert len(list(tmp_path.glob("*.docx"))) == 5 + len(sample)


def test_a_template_whose_tags_break_the_xml_is_refused_not_written(tmp_path, runner, mun4_records):
    folder = tmp_path / "templates"
    folder.mkdir()
    document = docx.Document()
    document.add_paragraph("{% if extract %}")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "{% endif %}"
    document.save(str(folder / "protocol.docx"))
    result = runner.invoke(cli, ["build", "protocols", "--records", str(mun4_records), "--out",
                                 str(tmp_path / "out"), "--templates", str(folder)])  # fmt: skip
    assert result.exit_code == 1
    assert "NOR306 после заполнения word/document.xml — не XML" in result.stderr
    assert not list((tmp_path / "out").glob("*.docx"))


def test_progress_is_shown_only_on_a_terminal_and_for_more_than_a_few(monkeypatch):
    import io
    import sys

    from nor_docs.build.workers import stderr_progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert stderr_progress(True) is None  # not a terminal: nothing
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert stderr_progress(False) is None
    show = stderr_progress(True)
    show(3, 3)
    assert terminal.getvalue() == ""  # a few documents: no bar
    show(500, 1000)
    show(1000, 1000)
    assert terminal.getvalue().endswith("] 1000/1000\n") and "500/1000" in terminal.getvalue()


def test_xml_text_keeps_repeated_short_strings_within_its_bound(monkeypatch):
    # The per-process cache of what templates print again and again gives what the escaping
    # gives, and never grows past its bound.
    from nor_docs.render import compiled_template

    monkeypatch.setattr(compiled_template, "_kept", {})
    monkeypatch.setattr(compiled_template, "_KEPT_MAX_ENTRIES", 2)
    values = ["a < b & «c»", "1\n2", "x\u2011y\tz", "a < b & «c»", None, "я" * 200]
    got = [compiled_template.xml_text(v) for v in values]
    assert got == [compiled_template._xml_text(v) for v in values]
    assert got[0] == "a &lt; b &amp; «c»" and got[4] == ""
    assert "<w:br/>" in got[1] and "<w:noBreakHyphen/>" in got[2] and "<w:tab/>" in got[2]
    assert len(compiled_template._kept) <= 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_error_in_the_directory_stops_every_protocol_and_keeps_those_built_before(records_copy, tmp_path, jobs):
    # A school's `kind` out of the list makes the directory file fail its schema: the protocols would
    # print ids where names and cases belong, so none is built, and the earlier documents stay.
    out = tmp_path / "out"
    first = build_protocols(records_copy, out, TEMPLATES, jobs=jobs)
    assert first.ok and len(first.built) == 5
    before = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    directory = records_copy / "directory" / "astrakhan.yaml"
    directory.write_text(directory.read_text(encoding="utf-8").replace("kind: школа", "kind: школа-xyz", 1),
                         encoding="utf-8")  # fmt: skip
    result = build_protocols(records_copy, out, TEMPLATES, jobs=jobs, force=True)
    assert sorted(result.failed) == sorted(p.relative_to(records_copy).as_posix()
                                           for p in (records_copy / "meetings").glob("*.yaml"))  # fmt: skip
    assert [d.code for d in result.diagnostics if d.is_error] == ["NOR103"]
    assert result.diagnostics[0].file.endswith("directory/astrakhan.yaml")
    assert {p.name: p.read_bytes() for p in out.glob("*.docx")} == before
