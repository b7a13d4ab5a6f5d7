"""nor-docs results import: messy spreadsheets in, a results file and a report of every row out;
and the ties: a protocol citing the analysis it heard, drafts of a group and a roadmap."""

from __future__ import annotations

from conftest import ROOT, SAMPLE_RECORDS
from results_fixtures import oge_regional, vpr_municipal

from nor_docs.cli import cli


def test_a_messy_vpr_table_reports_every_row(runner, records_copy, tmp_path):
    table = vpr_municipal(tmp_path / "ВПР-2023.xlsx")
    result = runner.invoke(cli, ["results", "import", "--records", str(records_copy), str(table)])
    assert result.exit_code == 0, result.output
    report = result.stdout.splitlines()
    assert report[1:3] == [
        "Шапка: строки 4–5",
        "Столбцы: school — B «Наименование ОО»; participants — C «Кол-во участников»; marks_2 — D «Получили отметку / "
        "«2»»; marks_3 — E «Получили отметку / «3»»; marks_4 — F «Получили отметку / «4»»; marks_5 — G «Получили "
        "отметку / «5»»; percent — H «% «2»»",
    ]  # fmt: skip
    assert "класс 5 — из заголовка (строка 2: «Русский язык, 5 класс»)" in report[3]
    assert "год 2023 — из заголовка (строка 1: «Результаты всероссийских проверочных работ в 2023 году»)" in report[3]
    rows = [line for line in report if line.startswith("строка ")]
    assert rows == [
        "строка 6: пропущена — строка с номерами столбцов",
        "строка 7: пропущена — заголовок раздела «Каменский район»: далее школы «Каменский район»",
        "строка 8: МОУ СОШ с. Кикино → kamenka-kikino: ВПР русский язык 5 класс 2023 – 3 чел. из 8 (37,5%)",
        "строка 9: МОУ СОШ им. А.И. Панкова с. Головинщино → kamenka-golovinshchino: ВПР русский язык 5 класс 2023 – "
        "7 чел. из 10 (70,0%)",
        "строка 10: пропущена — пустая строка",
        "строка 11: МОУ СОШ с. Покровская Арчада → kamenka-pokrovskaya-archada: ВПР русский язык 5 класс 2023 – 4 чел. "
        "из 12 (33,3%; в источнике — 30,8%)",
        "строка 12: пропущена (B) — школы «МОУ СОШ с. Головинцино» в справочнике нет; возможно, «МОУ СОШ с. "
        "Головинщино» (kamenka-golovinshchino)? Исправьте название или добавьте это написание в aliases школы",
        "строка 13: пропущена (B) — школы «МБОУ СОШ № 2 г. Каменки» нет в справочнике; добавьте её в records/directory/ "
        "(или её написание — в aliases той школы, которой она является)",
        "строка 14: среднее «Каменский район»: ВПР русский язык 5 класс 2023 – 17 чел. из 64 (26,6%)",
        "строка 15: пропущена — нет чисел; в строке: «(sch583012) МОУ СОШ с. Кикино -»",
    ]  # fmt: skip
    assert report[-3:-1] == [
        "Итог: строк данных 10, использовано 4 (результатов школ — 3, средних по территории — 1), пропущено 6.",
        "Предупреждений: 1 (см. строки выше).",
    ]
    assert f"Записано строк: 4 → {records_copy}/results/ВПР-2023.csv" in result.stdout
    docs = (ROOT / "docs" / "analytics.md").read_text(encoding="utf-8").split("«Итого по району»):\n\n```\n", 1)[1]
    shown = docs.split("```", 1)[0].splitlines()
    assert shown and all(line in report for line in shown)  # the docs' example is this report
    written = (records_copy / "results" / "ВПР-2023.csv").read_text(encoding="utf-8-sig").splitlines()
    assert written[0] == "school;area;procedure;subject;grade;year;participants;low;percent;marks_2;marks_3;marks_4;marks_5;note"
    assert written[1] == "kamenka-kikino;;ВПР;русский язык;5;2023;8;3;37,5;3;3;2;0;ВПР-2023.xlsx, строка 8"
    assert written[4] == ";Каменский район;ВПР;русский язык;5;2023;64;17;26,6;17;24;18;5;ВПР-2023.xlsx, строка 14"
    # the imported file is a results record like any other: validate reads it, and flags the table's 30,8%
    checked = runner.invoke(cli, ["validate", "--records", str(records_copy)])
    assert f"{records_copy}/results/ВПР-2023.csv:4:59: NOR201 30,8% не соответствует 4 из 12" in checked.output
    # never over an existing file
    again = runner.invoke(cli, ["results", "import", "--records", str(records_copy), str(table)])
    assert again.exit_code == 4  # exitcodes.OUTPUT
    assert "ВПР-2023.csv уже есть — не перезаписываю; укажите другое имя (--out) или удалите файл" in again.stderr


def test_a_regional_table_with_subjects_as_column_groups_gives_a_result_per_subject(runner, records_copy, tmp_path):
    table = oge_regional(tmp_path / "oge.xlsx")
    result = runner.invoke(cli, ["results", "import", "--records", str(records_copy), str(table), "--out", "oge-2023"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("строка ")]
    assert rows[0] == ("строка 5: МОУ СОШ с. Кикино → kamenka-kikino: ОГЭ русский язык 2023 – 3 чел. из 8 (37,5%); "
                       "ОГЭ математика 2023 – 3 чел. из 8 (37,5%)")  # fmt: skip
    assert rows[3] == ("строка 8: среднее «Каменский район»: ОГЭ русский язык 2023 – 6 чел. из 30 (20,0%); ОГЭ математика "
                       "2023 – 14 чел. из 30 (46,7%)")  # fmt: skip
    assert rows[5] == ("строка 10: среднее «регион»: ОГЭ русский язык 2023 – 210 чел. из 11020 (1,9%); ОГЭ математика 2023 "
                       "– 640 чел. из 11005 (5,8%)")  # fmt: skip
    assert "до пересдач — из заголовка (строка 1)" in result.stdout
    written = (records_copy / "results" / "oge-2023.csv").read_text(encoding="utf-8-sig").splitlines()
    assert written[0] == "school;area;procedure;subject;year;participants;low;retakes;mean_score;note"
    assert written[1] == "kamenka-kikino;;ОГЭ;русский язык;2023;8;3;до;3,4;oge.xlsx, строка 5"
    assert written[-1] == ";регион;ОГЭ;математика;2023;11005;640;до;3,5;oge.xlsx, строка 10"


def test_a_table_without_the_columns_it_needs_is_refused_with_the_way_out(runner, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Школа", "Писали", "Итог работы"])
    book.active.append(["МОУ СОШ с. Кикино", 8, 3])
    book.save(tmp_path / "t.xlsx")
    args = ["results", "import", "--records", str(SAMPLE_RECORDS), str(tmp_path / "t.xlsx"), "--dry-run"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert ("NOR620 не найден столбец числа участников (например, «Кол-во участников»); в шапке: A «Школа», B «Писали», "
            "C «Итог работы»; добавьте заголовок в settings.yaml: analytics.columns.participants") in result.stderr  # fmt: skip
    book.active["B1"] = "Кол-во участников"
    book.save(tmp_path / "t.xlsx")
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert "NOR620 не найден столбец низких результатов" in result.stderr
    book.active["A1"] = "Учреждение"
    book.save(tmp_path / "t.xlsx")
    result = runner.invoke(cli, args)
    assert "NOR620 не найдена шапка таблицы: ни в одной из первых 40 строк нет столбца с названием школы" in result.stderr


def test_settings_teach_the_importer_an_office_own_headers(runner, records_copy, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Школа", "Писали", "Не справились"])
    book.active.append(["МОУ СОШ с. Кикино", 8, 3])
    book.save(tmp_path / "t.xlsx")
    (records_copy / "settings.yaml").write_text(
        "analytics:\n  columns:\n    participants: [Писали]\n", encoding="utf-8")
    args = ["results", "import", "--records", str(records_copy), str(tmp_path / "t.xlsx"), "--dry-run"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 3  # exitcodes.USAGE: the command line must say what the table does not
    assert "NOR621 не определено: процедура — в таблице нет такого столбца, в заголовке не сказано; укажите --procedure" in result.stderr
    result = runner.invoke(cli, args + ["--procedure", "ВПР", "--subject", "математика", "--grade", "5", "--year", "2024"])
    assert result.exit_code == 0, result.output
    assert "строка 2: МОУ СОШ с. Кикино → kamenka-kikino: ВПР математика 5 класс 2024 – 3 чел. из 8 (37,5%)" in result.stdout
    assert not list((records_copy / "results").glob("t.csv"))  # --dry-run writes nothing


# --- ties: a protocol cites the analysis; drafts from the list ---------------------------------


def test_a_protocol_prints_the_evidence_of_the_analysis_it_heard(records_copy):
    from nor_docs.model.records import load_records
    from nor_docs.render.protocol_view import protocol_view

    meeting = records_copy / "meetings" / "2023-10-31-kamenka-wg.yaml"
    text = meeting.read_text(encoding="utf-8")
    old = "    position: начальника информационно – методического отдела\n"
    assert text.count(old) == 1
    meeting.write_text(text.replace(old, old + "        analysis:\n          rule: penza-2023\n"
                                    "          schools: [kamenka-kikino]\n"
                                    "        text_after: Иначе школа в список не попала бы.\n"), encoding="utf-8")  # fmt: skip
    records, problems = load_records(records_copy)
    assert not [p for p in problems if p.is_error]
    view, notices = protocol_view(records.meetings["2023-10-31-kamenka-wg"], records, records.settings)
    assert notices == []
    assert view["items"][1]["heard"][0]["paragraphs"][-4:] == [
        "МОУ СОШ с. Кикино:",
        "ОГЭ русский 2023 – 3 чел. из 8 (37,5%)",
        "ОГЭ математика 2023 – 3 чел. из 8 (37,5%)",
        "Иначе школа в список не попала бы.",
    ]


def test_a_citation_of_an_unknown_rule_or_of_a_school_not_on_the_list_is_reported(runner, records_copy):
    meeting = records_copy / "meetings" / "2023-10-31-kamenka-wg.yaml"
    text = meeting.read_text(encoding="utf-8")
    old = "    position: начальника информационно – методического отдела\n"
    meeting.write_text(text.replace(old, old + "        analysis:\n          rule: penza-2032\n"), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--records", str(records_copy)])
    assert result.exit_code == 2
    assert "NOR608 правило «penza-2032» в --rule не найдено" not in result.output
    assert "NOR608 правило «penza-2032»" in result.output and "возможно, «penza-2023»?" in result.output
    meeting.write_text(text.replace(old, old + "        analysis:\n          schools: [kamenka-uo]\n"), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--records", str(records_copy)])
    assert "NOR610 «Управление образования Каменского района» (kamenka-uo) не отвечает правилу «penza-2023»" in result.output


def test_the_identified_list_seeds_a_group_that_validates_and_is_never_overwritten(runner, records_copy):
    result = runner.invoke(cli, ["new", "group", "--records", str(records_copy)])
    assert result.exit_code == 0, result.output
    path = records_copy / "directory" / "shnor-2024.yaml"
    assert result.output == f"Создан {path}: проверьте заготовку, заполните «…» и запустите nor-docs validate.\n"
    from nor_docs.model.records import load_records

    records, problems = load_records(records_copy)
    assert [m.organization for m in records.groups["shnor-2024"].members] == [
        "kamenka-golovinshchino", "kamenka-kikino", "kamenka-pokrovskaya-archada"]  # fmt: skip
    assert records.groups["shnor-2024"].name == "ШНОР 2024"
    assert "# МОУ СОШ с. Кикино: ОГЭ русский 2023 – 3 чел. из 8 (37,5%)" in path.read_text(encoding="utf-8")
    again = runner.invoke(cli, ["new", "group", "--records", str(records_copy)])
    assert again.exit_code == 4 and "уже есть — не перезаписываю" in again.stderr


def test_a_roadmap_draft_names_the_schools_and_leaves_the_deadlines_to_fill(runner, records_copy):
    printed = runner.invoke(cli, ["new", "roadmap", "--records", str(records_copy), "--print"])
    assert "executors: [kamenka-golovinshchino, kamenka-kikino, kamenka-pokrovskaya-archada]" in printed.output
    assert "issuer: kamenka-uo" in printed.output  # the rule's issuer
    result = runner.invoke(cli, ["new", "roadmap", "--records", str(records_copy)])
    assert result.exit_code == 0, result.output
    assert (records_copy / "roadmaps" / "shnor-roadmap-2024.yaml").read_text(encoding="utf-8") == printed.output
    checked = runner.invoke(cli, ["validate", "--records", str(records_copy)])
    lines = [l for l in checked.output.splitlines() if "shnor-roadmap-2024.yaml" in l]
    assert len(lines) == 4 and all("NOR102 не заполнено: вместо «…» впишите значение" in l for l in lines)


def test_a_written_results_file_reads_back_the_same_even_with_separators_in_cells(tmp_path):
    from nor_docs.analytics.csvtable import read_table
    from nor_docs.analytics.importer import write_results
    from nor_docs.analytics.model import ResultLine
    from nor_docs.analytics.results import parse_results
    from nor_docs.analytics.schools import SchoolIndex
    from nor_docs.model.records import load_records

    lines = [
        ResultLine("kamenka-kikino", None, "РДР", 'функциональная грамотность; "читательская"', 7, 2024, 20, 7, 35.0,
                   None, (7, 8, 4, 1), 11.5, False, "", "t.xlsx", 5),
        ResultLine(None, "Каменский район", "ОГЭ", "математика", None, 2024, 300, 40, None, "до", None, None, False, "",
                   "t.xlsx", 9),
    ]  # fmt: skip
    target = tmp_path / "results" / "t.csv"
    write_results(target, lines)
    records, _ = load_records(SAMPLE_RECORDS)
    table, problems = read_table(target, "t.csv")
    read, found = parse_results(table, SchoolIndex(records.organizations))
    assert problems == [] and found == []
    assert [(l.school, l.area, l.subject, l.grade, l.participants, l.low, l.percent, l.marks, l.mean_score, l.retakes)
            for l in read] == [(l.school, l.area, l.subject, l.grade, l.participants, l.low, l.percent, l.marks,
                                l.mean_score, l.retakes) for l in lines]  # fmt: skip
