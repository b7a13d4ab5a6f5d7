"""Roadmaps as DOCX, read back with python-docx: landscape, the header row repeated on every page,
sections as merged rows, items in order as the record writes them, the approval stamp only when
the record has one, statuses and the progress summary as of a day, determinism, one bad roadmap
not stopping the others, the CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import DATA, ROOT, SAMPLE_RECORDS

from nor_docs.build.roadmaps import build_roadmaps
from nor_docs.cli import cli
from nor_docs.pipeline import load_checked as load_and_validate

TEMPLATES = ROOT / "templates"
ROADMAP_DATA = DATA / "roadmaps"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER = ["№ п/п", "Мероприятие", "Срок", "Ответственные", "Ожидаемый результат", "Отметка о выполнении"]
MUN4, KUZNETSK, KAMENKA = "mun4-roadmap-2023-2024", "kuznetsk-sosh10-roadmap-2021-2022", "kamenka-roadmap-2024"
ORDERED = "ptz-sosh3-plan-2023"
STATUS_DAY = dt.date(2024, 1, 20)


def _with_demo_data(target: Path) -> Path:
    """The sample records plus the demo marks and a roadmap with an approval (tests only)."""
    shutil.copytree(SAMPLE_RECORDS, target)
    (target / "marks").mkdir(exist_ok=True)
    shutil.copy(ROADMAP_DATA / "marks.yaml", target / "marks" / "roadmap.yaml")
    shutil.copy(ROADMAP_DATA / "ordered-roadmap.yaml", target / "roadmaps" / f"{ORDERED}.yaml")
    return target


@pytest.fixture(scope="module")
def demo_records(tmp_path_factory) -> Path:
    return _with_demo_data(tmp_path_factory.mktemp("demo") / "records")


@pytest.fixture(scope="module")
def plain(tmp_path_factory, demo_records) -> Path:
    out = tmp_path_factory.mktemp("roadmaps")
    result = build_roadmaps(demo_records, out, TEMPLATES)
    assert result.ok and len(result.built) == 4, result.diagnostics
    return out


@pytest.fixture(scope="module")
def with_status(tmp_path_factory, demo_records) -> Path:
    out = tmp_path_factory.mktemp("roadmaps-status")
    result = build_roadmaps(demo_records, out, TEMPLATES, today=STATUS_DAY)
    assert result.ok and result.today == STATUS_DAY, result.diagnostics
    return out


@pytest.fixture(scope="module")
def records(demo_records):
    return load_and_validate(demo_records)[0]


# --- reading a built roadmap back ----------------------------------------------------------------


def _paragraph_text(p) -> str:
    """The text as typed: the typograph's non-breaking spaces and hyphens read as plain ones
    (tests/test_documents_libreoffice.py checks where they reach the page)."""
    pieces = {f"{W}br": "\n", f"{W}tab": "\t", f"{W}noBreakHyphen": "-"}
    text = "".join(e.text or "" if e.tag == f"{W}t" else pieces.get(e.tag, "") for e in p.iter())
    return _plain(text)


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def _cell_text(tc) -> str:
    return "\n".join(_paragraph_text(p) for p in tc.findall(f"{W}p"))


def _rows(table) -> list[list[str]]:
    """Each row as the texts of its actual cells (a merged cell is one cell)."""
    return [[_cell_text(tc) for tc in tr.findall(f"{W}tc")] for tr in table._tbl.findall(f"{W}tr")]


def _plan(document) -> object:
    """The plan table: the usual header, less a column empty in every row."""
    return next(t for t in document.tables if _rows(t)[0][0] == HEADER[0])


def _summary(document):
    return next((t for t in document.tables if _rows(t)[0][0] == "Раздел"), None)


def _open(folder: Path, rid: str):
    return docx.Document(str(folder / f"{rid}.docx"))


def _items_of(rows: list[list[str]]) -> list[list[str]]:
    return [r for r in rows[1:] if len(r) == len(rows[0])]


# --- the layout ----------------------------------------------------------------------------------


def test_page_is_landscape_a4(plain):
    section = _open(plain, MUN4).sections[0]
    assert section.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)


def test_header_row_repeats_on_every_page_and_rows_do_not_split(plain):
    table = _plan(_open(plain, MUN4))
    trs = table._tbl.findall(f"{W}tr")
    assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(tr.find(f"{W}trPr/{W}tblHeader") is None for tr in trs[1:])
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs[1:])


def test_sections_are_merged_full_width_rows_in_order(plain, records):
    for rid in (MUN4, KUZNETSK, KAMENKA):
        table = _plan(_open(plain, rid))
        merged = [tr for tr in table._tbl.findall(f"{W}tr") if len(tr.findall(f"{W}tc")) == 1]
        spans = [tr.find(f"{W}tc/{W}tcPr/{W}gridSpan").get(f"{W}val") for tr in merged]
        assert spans == [str(len(_rows(table)[0]))] * len(records.roadmaps[rid].sections)
        assert [_cell_text(tr.find(f"{W}tc")) for tr in merged] == [s.title for s in records.roadmaps[rid].sections]
        # each section row comes right before its own items
        rows = _rows(table)
        for section in records.roadmaps[rid].sections:
            at = rows.index([section.title])
            assert rows[at + 1][0] == f"{section.items[0].number}."


def test_items_in_order_with_deadlines_as_written_nominative_executors_and_results(plain, records):
    for rid in (MUN4, KUZNETSK, KAMENKA):
        roadmap = records.roadmaps[rid]
        items = [i for s in roadmap.sections for i in s.items]
        rows = _items_of(_rows(_plan(_open(plain, rid))))
        assert [r[0] for r in rows] == [f"{i.number}." for i in items]
        assert [r[1] for r in rows] == [i.activity for i in items]
        assert [r[2] for r in rows] == [i.deadline.as_written for i in items]
        for row, item in zip(rows, items):
            assert row[4].splitlines()[: 1 if item.result else 0] == ([item.result] if item.result else [])
            if item.reporting:
                assert row[4].endswith(f"Форма отчётности: {item.reporting}")
    kuz = _items_of(_rows(_plan(_open(plain, KUZNETSK))))
    assert kuz[0][3] == "Заводчикова Л.И., заведующая методическим кабинетом управления образования города Кузнецка"
    assert (kuz[3][3], kuz[7][3]) == ("МБОУ СОШ №10", "МБОУ СОШ №8 им. П.А. Щипанова")
    assert kuz[0][4] == "программы развития ШНОР" and kuz[3][4] == ""
    mun4 = _items_of(_rows(_plan(_open(plain, MUN4))))
    assert mun4[1][3] == "Лешкова О.Н., начальник инспекторско-аналитического отдела"  # nominative
    assert mun4[4][3] == "МОУ «Гимназия №1»\nМОУ «СОШ №7»"  # one executor per line
    assert mun4[7][3] == "Члены муниципальной рабочей группы"
    kam = _items_of(_rows(_plan(_open(plain, KAMENKA))))
    assert {r[3] for r in kam} == {"МОУ СОШ с. Кикино\nМОУ СОШ с. Головинщино\nМОУ СОШ с. Покровская Арчада"}
    assert kam[0][2] == "май 2024 года и декабрь 2024 года"


def test_without_a_status_day_the_last_column_says_only_where_results_were_reported(plain):
    rows = _items_of(_rows(_plan(_open(plain, MUN4))))
    assert [r[5] for r in rows[:6]] == ["Рассмотрено: протокол от 14.12.2023 № 4"] * 6
    assert [r[5] for r in rows[6:]] == ["", ""]
    assert _rows(_plan(_open(plain, MUN4)))[0] == HEADER


def test_a_column_empty_in_every_row_is_left_out(plain, with_status):
    # Kuznetsk and Kamenka report no item at a meeting: without statuses «Отметка о выполнении»
    # would be empty in every row, and the plan has the other five columns only.
    for rid in (KUZNETSK, KAMENKA):
        assert _rows(_plan(_open(plain, rid)))[0] == HEADER[:5]
        assert _rows(_plan(_open(with_status, rid)))[0] == HEADER  # the statuses fill it
    assert _summary(_open(plain, MUN4)) is None
    assert "Ход выполнения" not in "\n".join(p.text for p in _open(plain, MUN4).paragraphs)


def test_approval_stamp_only_when_the_record_gives_the_approval(plain):
    ordered = _open(plain, ORDERED)
    texts = [_plain(p.text) for p in ordered.paragraphs if p.text]
    assert texts[:4] == ["УТВЕРЖДЕНО", "приказом МОУ «Средняя школа № 3»", "от 20.02.2023 № 15-о",
                         "План мероприятий по повышению качества образования в МОУ «Средняя школа № 3» на 2023 год"]
    assert {p.style.name for p in ordered.paragraphs[:3]} == {"Гриф утверждения"}
    assert ordered.paragraphs[0].style.paragraph_format.left_indent.mm > 150  # top right
    for rid in (MUN4, KUZNETSK, KAMENKA):
        first = [p.text for p in _open(plain, rid).paragraphs if p.text]
        assert "УТВЕРЖДЕНО" not in first and first[0].startswith("«Дорожная карта»")


def test_items_outside_sections_have_no_section_row(plain):
    rows = _rows(_plan(_open(plain, ORDERED)))
    assert [r[0] for r in rows[1:]] == ["1.", "2."] and all(len(r) == len(rows[0]) for r in rows)


def test_core_properties_come_from_the_record(plain):
    props = _open(plain, ORDERED).core_properties
    assert props.title.startswith("План мероприятий") and props.author == "МОУ «Средняя школа № 3»"
    assert props.created.date() == dt.date(2023, 2, 20)  # the approval date, never the clock
    assert _open(plain, MUN4).core_properties.created.date() == dt.date(2023, 1, 1)  # no approval: the start


# --- statuses and the summary as of a day --------------------------------------------------------------


def test_status_column_carries_each_items_status_and_marks(with_status):
    rows = {r[0]: r for r in _items_of(_rows(_plan(_open(with_status, MUN4))))}
    reported = "\nРассмотрено: протокол от 14.12.2023 № 4"
    assert rows["1.1."][5] == "исполнено 14.12.2023 (информация куратора на заседании рабочей группы)" + reported
    assert rows["1.3."][5] == "исполнено с нарушением срока 10.01.2024 (справка о проверке работ)" + reported
    assert rows["2.2."][5] == ("МОУ «Гимназия №1»: исполнено 14.12.2023\n"
                               "МОУ «СОШ №7»: просрочено (22 дня), срок 29.12.2023" + reported)  # fmt: skip
    assert rows["3.1."][5] == "просрочено (22 дня), срок 29.12.2023" + reported
    assert rows["4.2."][5] == "на контроле, срок 31.01.2024"  # seven members, one state: said once
    kuz = _items_of(_rows(_plan(_open(with_status, KUZNETSK))))
    # Issue 14: its standing items end with the 2021–2022 roadmap, not «постоянно» for ever.
    assert {r[5] for r in kuz} == {"просрочено (507 дней), срок 31.08.2022"}
    ordered = _items_of(_rows(_plan(_open(with_status, ORDERED))))
    assert ordered[1][5] == "не на контроле (исполнитель не назначен)"


def test_progress_summary_opens_the_document_by_section(with_status):
    document = _open(with_status, MUN4)
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[1] == "Ход выполнения на 20.01.2024"
    body = document.element.body
    tables = body.findall(f"{W}tbl")
    assert _rows(_summary(document)) == [
        ["Раздел", "Всего пунктов", "Выполнено", "Выполняется в срок", "Просрочено"],
        ["Муниципальные контрольные срезы по русскому языку и математике в 6, 7 классах", "3",
         "3 (из них с нарушением срока — 1)", "0", "0"],
        ["Сетевое взаимодействие между школами", "2", "1", "0", "1"],
        ["Мероприятия Центра ППМС помощи", "1", "0", "0", "1"],
        ["Материалы на сайте Управления образования, анализ выполнения мероприятий «Дорожной карты» за 2023 год",
         "2", "1", "1", "0"],
        ["Всего", "8", "5 (из них с нарушением срока — 1)", "1", "2"],
    ]
    assert tables.index(_summary(document)._tbl) < tables.index(_plan(document)._tbl)
    kam = _rows(_summary(_open(with_status, KAMENKA)))
    assert kam[-1] == ["Всего", "9", "0", "9", "0"]  # before May 2024: every item on time
    notes = [_plain(p.text) for p in _open(with_status, ORDERED).paragraphs]
    assert "Не на контроле (нет исполнителя или карта ещё не действовала) пунктов — 1." in notes


def test_items_of_a_roadmap_not_yet_in_force_are_not_on_control(tmp_path, demo_records):
    build_roadmaps(demo_records, tmp_path, TEMPLATES, today=dt.date(2023, 10, 1))
    rows = _items_of(_rows(_plan(_open(tmp_path, KAMENKA))))
    assert {r[5] for r in rows} == {"ещё не на контроле"}
    assert _rows(_summary(_open(tmp_path, KAMENKA)))[-1] == ["Всего", "9", "0", "0", "0"]


# --- determinism, containment, bad records ----------------------------------------------------------


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_same_input_gives_byte_identical_documents(tmp_path, demo_records, with_status):
    again = build_roadmaps(demo_records, tmp_path, TEMPLATES, today=STATUS_DAY)
    assert len(again.built) == 4
    for path in again.built:
        assert _sha(path) == _sha(with_status / path.name)
    with zipfile.ZipFile(again.built[0]) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    unchanged = build_roadmaps(demo_records, tmp_path, TEMPLATES, today=STATUS_DAY)
    assert (unchanged.built, unchanged.unchanged) == ([], 4)


def test_no_manifest_every_roadmap_is_rendered_again_and_only_changed_bytes_are_written(tmp_path):
    """Roadmaps have no manifest (README): a change outside the roadmap's own file — here a
    position in the directory — still reaches its document; an unchanged one keeps its file."""
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    out = tmp_path / "out"
    assert len(build_roadmaps(records, out, TEMPLATES).built) == 3
    past = 1_000_000_000_000_000_000  # 2001: a rewritten file cannot keep it
    for path in out.glob("*.docx"):
        os.utime(path, ns=(past, past))
    directory = records / "directory" / "mun4.yaml"
    text = directory.read_text(encoding="utf-8")
    old = "position: начальник инспекторско-аналитического отдела"
    assert text.count(old) == 1
    directory.write_text(text.replace(old, "position: начальник аналитического отдела"), encoding="utf-8")
    again = build_roadmaps(records, out, TEMPLATES)
    assert ([p.name for p in again.built], again.unchanged) == ([f"{MUN4}.docx"], 2)
    rows = _items_of(_rows(_plan(_open(out, MUN4))))
    assert rows[1][3] == "Лешкова О.Н., начальник аналитического отдела"
    kept = {p.name for p in out.glob("*.docx") if p.stat().st_mtime_ns == past}
    assert kept == {f"{KUZNETSK}.docx", f"{KAMENKA}.docx"}
    assert not list(out.glob(".nor-docs-manifest*"))


def test_a_deleted_or_renamed_roadmap_loses_its_document_and_nothing_else_does(tmp_path, runner):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    out = tmp_path / "out"
    assert len(build_roadmaps(records, out, TEMPLATES).built) == 3
    (out / "by-hand.docx").write_bytes(b"not ours")  # a file nor-docs did not write
    (records / "roadmaps" / f"{KUZNETSK}.yaml").unlink()
    kamenka = records / "roadmaps" / f"{KAMENKA}.yaml"
    kamenka.rename(kamenka.with_name("kamenka-plan.yaml"))  # the file name is the id
    result = runner.invoke(cli, ["build", "roadmaps", "--records", str(records), "--out", str(out),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.docx")) == ["by-hand.docx", "kamenka-plan.docx", f"{MUN4}.docx"]
    for rid in (KAMENKA, KUZNETSK):
        assert f"удалён {out.as_posix()}/{rid}.docx: этой дорожной карты больше нет в записях" in result.stdout
    again = build_roadmaps(records, out, TEMPLATES)
    assert (again.built, again.removed, again.unchanged) == ([], [], 2)


def test_a_broken_roadmap_keeps_its_last_document_and_other_records_keep_theirs(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    out = tmp_path / "out"
    build_roadmaps(records, out, TEMPLATES)
    (records / "roadmaps" / f"{MUN4}.yaml").write_text("title: [\n", encoding="utf-8")
    broken = build_roadmaps(records, out, TEMPLATES)
    assert not broken.ok and broken.removed == [] and (out / f"{MUN4}.docx").is_file()
    # another records folder built into the same place removes nothing of the first one's
    other = tmp_path / "other"
    shutil.copytree(SAMPLE_RECORDS, other)
    for path in (other / "roadmaps").glob("*.yaml"):
        path.unlink()
    assert build_roadmaps(other, out, TEMPLATES).removed == []
    assert len(list(out.glob("*.docx"))) == 3


def test_a_bad_roadmap_is_reported_with_file_and_line_and_the_others_are_built(tmp_path, runner):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    bad = records / "roadmaps" / "bad.yaml"
    bad.write_text(
        "# yaml-language-server: $schema=../../nor_docs/schemas/roadmap.schema.json\n"
        "title: План\nissuer: mun4-uo\nperiod: {start: 2024-01-01, end: 2024-12-31}\nitems:\n"
        "  - number: 1\n    activity: Срез\n    deadline: май 2024 года\n    executors: [mun4-leshkovaa]\n",
        encoding="utf-8",
    )  # fmt: skip
    (records / "roadmaps" / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", "roadmaps", "--records", str(records), "--out", str(out),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 2
    assert f"{records}/roadmaps/bad.yaml:9:17: NOR104 неизвестный исполнитель «mun4-leshkovaa»; возможно, «mun4-leshkova»?" in result.stderr
    assert f"{records}/roadmaps/broken.yaml:" in result.stderr and "NOR004" in result.stderr
    assert sorted(p.stem for p in out.glob("*.docx")) == sorted([KAMENKA, KUZNETSK, MUN4])
    assert "Собрано дорожных карт: 3 из 5 (без изменений — 0, не собрано из-за ошибок — 2)" in result.stdout


def test_errors_in_marks_stop_status_documents_but_not_plain_ones(tmp_path, runner):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    (records / "marks").mkdir(exist_ok=True)
    (records / "marks" / "m.yaml").write_text(
        "# yaml-language-server: $schema=../../nor_docs/schemas/marks.schema.json\n"
        "marks:\n  - assignment: mun4-roadmap-2023-2024#9.9\n    date: 10.01.2024\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    status = runner.invoke(cli, ["build", "roadmaps", "--records", str(records), "--out", str(out), "--today",
                                 "2024-01-20", "--templates", str(TEMPLATES)])  # fmt: skip
    assert status.exit_code == 2 and not list(out.glob("*.docx"))
    assert "NOR110 неизвестное поручение «mun4-roadmap-2023-2024#9.9»" in status.stderr
    assert f"{records}/roadmaps/{MUN4}.yaml:1:1: NOR502 статусы пунктов не посчитаны: ошибки в {records}/marks/m.yaml" in status.stderr
    plain = runner.invoke(cli, ["build", "roadmaps", "--records", str(records), "--out", str(out),
                                "--templates", str(TEMPLATES)])  # fmt: skip
    assert plain.exit_code == 2 and len(list(out.glob("*.docx"))) == 3  # the marks error is still reported


def test_output_inside_the_records_is_refused(tmp_path, runner):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    before = sorted(p.relative_to(records) for p in records.rglob("*"))
    result = runner.invoke(cli, ["build", "roadmaps", "--records", str(records), "--out", str(records / "out")])
    assert result.exit_code == 4
    assert "сборка не пишет в записи — укажите другую (по умолчанию build/roadmaps)" in result.stderr
    assert sorted(p.relative_to(records) for p in records.rglob("*")) == before


def test_record_text_is_text_not_markup_or_template(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    path = records / "roadmaps" / f"{MUN4}.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "activity: Разработка плана работы куратора со ШНОР", "activity: 'План {{ 7*7 }} <b>не разметка</b> & «кавычки»'")
    path.write_text(text, encoding="utf-8")
    result = build_roadmaps(records, tmp_path / "out", TEMPLATES)
    assert result.ok, result.diagnostics
    rows = _items_of(_rows(_plan(_open(tmp_path / "out", MUN4))))
    assert rows[3][1] == "План {{ 7*7 }} <b>не разметка</b> & «кавычки»"


def test_a_template_per_issuer_is_used(tmp_path):
    templates = tmp_path / "templates"
    (templates / "mun4-uo").mkdir(parents=True)
    shutil.copy(TEMPLATES / "roadmap.docx", templates / "roadmap.docx")
    document = docx.Document(str(TEMPLATES / "roadmap.docx"))
    document.add_paragraph("Шаблон управления образования mun4")
    document.save(str(templates / "mun4-uo" / "roadmap.docx"))
    build_roadmaps(SAMPLE_RECORDS, tmp_path / "out", templates)
    texts = lambda rid: [p.text for p in _open(tmp_path / "out", rid).paragraphs]  # noqa: E731
    assert "Шаблон управления образования mun4" in texts(MUN4)
    assert "Шаблон управления образования mun4" not in texts(KAMENKA)


# --- the command ---------------------------------------------------------------------------------------


def test_cli_prints_what_it_wrote_and_status_means_today(tmp_path, runner, monkeypatch):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", "roadmaps", "--records", str(SAMPLE_RECORDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"{out}/{rid}.docx" for rid in sorted([KAMENKA, KUZNETSK, MUN4])] + [
        f"Собрано дорожных карт: 3 из 3 (без изменений — 0, не собрано из-за ошибок — 0) → {out}"]
    from nor_docs.control.calendar import office_today

    today = office_today("Europe/Moscow")
    status = runner.invoke(cli, ["build", "roadmaps", "--records", str(SAMPLE_RECORDS), "--out", str(out), "--status"])
    assert f"Собрано дорожных карт со статусами на {today:%d.%m.%Y}: 3 из 3" in status.stdout
    assert _rows(_summary(_open(out, MUN4)))[0][0] == "Раздел"
    bad_day = runner.invoke(cli, ["build", "roadmaps", "--records", str(SAMPLE_RECORDS), "--out", str(out),
                                  "--today", "31.02.2024"])  # fmt: skip
    assert bad_day.exit_code == 3 and "такой даты нет" in bad_day.output


def test_several_points_interim_reports_and_removal_from_control(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS, records)
    (records / "marks").mkdir(exist_ok=True)
    shutil.copy(ROADMAP_DATA / "kamenka-marks.yaml", records / "marks" / "kamenka.yaml")
    result = build_roadmaps(records, tmp_path / "out", TEMPLATES, today=dt.date(2024, 6, 10))
    assert result.ok, result.diagnostics
    document = _open(tmp_path / "out", KAMENKA)
    rows = {r[0]: r[5] for r in _items_of(_rows(_plan(document)))}
    # May closed by the mark (with its document); December (28.12.2024, a working Saturday) open.
    assert rows["1.1."] == "на контроле, срок 28.12.2024; май 2024 — исполнено 30.05.2024 (отчёт за май)"
    assert rows["1.2."] == ("МОУ СОШ с. Кикино: просрочено (10 дней), срок 31.05.2024; промежуточный отчёт "
                            "15.05.2024 (справка)\nМОУ СОШ с. Головинщино: просрочено (10 дней), срок 31.05.2024\n"
                            "МОУ СОШ с. Покровская Арчада: просрочено (10 дней), срок 31.05.2024")  # fmt: skip
    assert rows["4.3."] == "снято с контроля 01.03.2024 (решение рабочей группы)"
    assert _rows(_summary(document))[1:] == [
        ["Анализ деятельности и рисковых профилей", "2", "0", "1", "1"],
        ["Концептуальные документы и антирисковые программы", "2", "0", "0", "2"],
        ["Работа с родительским сообществом и обучающимися", "1", "0", "0", "1"],
        ["Повышение профессионального уровня педагогов", "4", "0", "0", "3"],
        ["Всего", "9", "0", "1", "7"],
    ]
    assert "Снято с контроля пунктов — 1." in [_plain(p.text) for p in document.paragraphs]


def test_the_view_is_plain_strings_made_without_docx(records):
    from nor_docs.build.roadmaps import roadmap_parts
    from nor_docs.render.roadmap_view import roadmap_view

    view = roadmap_view(records.roadmaps[ORDERED], records, roadmap_parts(records, STATUS_DAY), STATUS_DAY)

    def leaves(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                if key != "core":
                    yield from leaves(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from leaves(inner)
        else:
            yield value

    assert {type(v) for v in leaves(view)} <= {str, type(None)}
    composed = ["УТВЕРЖДЕНО", "приказом МОУ «Средняя школа № 3»", "от 20.02.2023 №\u00a015-о"]
    assert view["stamp"] == {"word": composed[0], "by": composed[1], "date_line": composed[2], "lines": composed}
    assert view["sections"][0]["title"] == "" and view["summary"]["rows"][0]["title"] == "Мероприятия вне разделов"


def test_an_error_in_the_directory_builds_no_roadmap_and_keeps_those_built_before(records_copy, tmp_path):
    # The roadmaps would print ids where names belong; none is built, the earlier documents stay.
    out = tmp_path / "out"
    first = build_roadmaps(records_copy, out, TEMPLATES)
    assert first.ok and len(list(out.glob("*.docx"))) == 3
    before = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    directory = records_copy / "directory" / "astrakhan.yaml"
    directory.write_text(directory.read_text(encoding="utf-8").replace("kind: школа", "kind: школа-xyz", 1),
                         encoding="utf-8")  # fmt: skip
    result = build_roadmaps(records_copy, out, TEMPLATES)
    assert len(result.failed) == 3 and not result.removed
    assert [d.code for d in result.diagnostics if d.is_error] == ["NOR103"]
    assert {p.name: p.read_bytes() for p in out.glob("*.docx")} == before
