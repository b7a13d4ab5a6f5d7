"""The analytic report (аналитическая справка): read back with python-docx, its charts read back
from the data they carry, the same bytes for the same input, and opened by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_RECORDS, load_script
from docx import Document

from nor_docs.cli import cli
from nor_docs.render.charts import chart_data

GEN = load_script(ROOT / "bench" / "gen_results.py")


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("analysis")
    result = CliRunner().invoke(cli, ["build", "analysis", "--records", str(SAMPLE_RECORDS), "--out", str(out),
                                      "--date", "2023-10-31", "--signer", "kamenka-kiryukhina"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}/analysis-penza-2023-2022-2023.docx: школ, отвечающих правилу, — 3, почти отвечающих — 0\n"
    return out / "analysis-penza-2023-2022-2023.docx"


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def charts(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("word/media/"))
        return [chart_data(archive.read(n)) for n in names]


def test_the_report_states_the_rule_the_list_and_the_conclusion(seed_report):
    paragraphs = texts(seed_report)
    assert paragraphs[:4] == [
        "Управление образования Каменского района",
        "АНАЛИТИЧЕСКАЯ СПРАВКА",
        "о результатах оценочных процедур 2022–2023 гг. и выявлении общеобразовательных организаций с низкими "
        "образовательными результатами",
        "31.10.2023",
    ]
    assert "1. Критерии отбора" in paragraphs
    assert ("– ОО, в которых не менее чем по двум оценочным процедурам в 2022 и 2023 учебных годах были "
            "зафиксированы низкие результаты;") in paragraphs  # fmt: skip
    assert "При анализе данных ОГЭ, ЕГЭ учитываются результаты участников, полученные до пересдач." in paragraphs
    assert ("По результатам анализа в начальный список школ с низкими образовательными результатами предлагается "
            "включить 3 ОО: МОУ СОШ с. Головинщино, МОУ СОШ с. Кикино, МОУ СОШ с. Покровская Арчада.") in paragraphs
    assert any("в источнике указано 30,8%, по числам — 33,3% (" in p and "results/kamenka-2022-2023.csv, строка 4)" in p
               for p in paragraphs)  # fmt: skip


def test_the_tables_hold_the_evidence_the_dynamics_and_the_averages(seed_report):
    tables = Document(str(seed_report)).tables
    identified = [[c.text for c in row.cells] for row in tables[0].rows]
    assert identified[0] == ["№ п/п", "Общеобразовательная организация", "Критерии", "Основания (результаты оценочных процедур)"]
    # numbers bound to their words by non-breaking spaces: «4 чел. из 12 (33,3%)» is never torn across lines
    assert identified[3] == ["3", "МОУ СОШ с. Покровская Арчада", "1, 2",
                             "ВПР русский 5\u00a0класс 2022 – низкий результат (числа в источнике не приведены)\n"
                             "ОГЭ математика 2022 – 6\u00a0чел. из\u00a012\u00a0(50,0%)\n"
                             "ОГЭ математика 2023 – 4\u00a0чел. из\u00a012\u00a0(33,3%; в источнике — 30,8%)"]  # fmt: skip
    dynamics = [[c.text for c in row.cells] for row in tables[1].rows]
    assert dynamics == [
        ["Общеобразовательная организация", "2022", "2023"],
        ["МОУ СОШ с. Головинщино", "33,3", "70,0"],
        ["МОУ СОШ с. Кикино", "—", "37,5"],
        ["МОУ СОШ с. Покровская Арчада", "50,0", "33,3"],
        ["Каменский район: в среднем (по 3 ОО)", "41,7", "44,7"],
    ]
    comparison = [[c.text for c in row.cells] for row in tables[2].rows]
    # the region's average is not invented from one district's three schools
    assert comparison[1] == ["МОУ СОШ с. Головинщино", "ОГЭ математика 2022", "33,3", "41,7 (2)", "—"]


def test_the_charts_are_pictures_of_the_expected_data(seed_report):
    shares, dynamics = charts(seed_report)
    assert shares["categories"] == ["МОУ СОШ с. Головинщино", "МОУ СОШ с. Кикино", "МОУ СОШ с. Покровская Арчада"]
    assert shares["series"] == [{"label": "2022", "values": [33.3, None, 50.0]},
                                {"label": "2023", "values": [70.0, 37.5, 33.3]}]  # fmt: skip
    assert shares["threshold"] == 30
    kikino = dynamics["panels"][1]
    assert kikino == {"school": "МОУ СОШ с. Кикино", "series": [
        {"label": "ОГЭ русский", "points": [[2023, 37.5]]}, {"label": "ОГЭ математика", "points": [[2023, 37.5]]}]}
    document = Document(str(seed_report))
    pictures = document.inline_shapes
    assert len(pictures) == 2
    assert pictures[0].width > pictures[0].height  # a bar chart across the page
    assert "Рисунок 1. Доля участников с низкими результатами по годам" in "\n".join(texts(seed_report))


def test_the_same_records_give_the_same_bytes(seed_report, tmp_path, runner):
    result = runner.invoke(cli, ["build", "analysis", "--records", str(SAMPLE_RECORDS), "--out", str(tmp_path),
                                 "--date", "2023-10-31", "--signer", "kamenka-kiryukhina"])  # fmt: skip
    assert result.exit_code == 0
    assert (tmp_path / seed_report.name).read_bytes() == seed_report.read_bytes()


def test_a_generated_region_report_lists_the_planted_schools_with_averages(tmp_path, runner):
    planted = GEN.write_region(tmp_path / "records", schools=60, planted=14, seed=3)
    result = runner.invoke(cli, ["build", "analysis", "--records", str(tmp_path / "records"), "--out", str(tmp_path / "out"),
                                 "--date", "2024-01-15"])  # fmt: skip
    assert result.exit_code == 0, result.output
    report = tmp_path / "out" / "analysis-region-2022-2023.docx"
    identified = Document(str(report)).tables[0]
    assert len(identified.rows) == 1 + len(planted["identified"])
    found = charts(report)
    shares = found[0]
    assert sum(len(c["categories"]) for c in found if c["chart"] == "shares") == len(planted["identified"])
    assert sum(len(c["panels"]) for c in found if c["chart"] == "dynamics") == len(planted["identified"])
    # each dynamics panel draws the evidence lines of its school: every one at or above the threshold in the rule's years
    for chart in (c for c in found if c["chart"] == "dynamics"):
        for panel in chart["panels"]:
            assert any(y >= 30 for s in panel["series"] for year, y in s["points"] if year in (2022, 2023))
    assert all(len(s["values"]) == len(shares["categories"]) for s in shares["series"])
    assert [s["label"] for s in shares["series"]] == ["2021", "2022", "2023"]  # the last three years in bars
    comparison = Document(str(report)).tables[2]
    assert all(row.cells[4].text != "—" for row in comparison.rows[1:])  # 25 municipalities: the region is known
    # five charts are drawn in two processes: the bytes are the same as ever
    again = runner.invoke(cli, ["build", "analysis", "--records", str(tmp_path / "records"), "--out", str(tmp_path / "again"),
                                "--date", "2024-01-15"])  # fmt: skip
    assert again.exit_code == 0 and len(found) >= 4
    assert (tmp_path / "again" / report.name).read_bytes() == report.read_bytes()


def test_the_report_refuses_an_output_inside_the_records(runner, records_copy):
    result = runner.invoke(cli, ["build", "analysis", "--records", str(records_copy), "--out", str(records_copy / "x")])
    assert result.exit_code == 4  # exitcodes.OUTPUT
    assert "находится внутри папки записей" in result.stderr and not (records_copy / "x").exists()


@pytest.mark.libreoffice
def test_libreoffice_opens_the_report_and_shows_its_pictures(seed_report, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) не установлен")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(seed_report)], check=True, capture_output=True, timeout=180)  # fmt: skip
    pdf = tmp_path / seed_report.with_suffix(".pdf").name
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "АНАЛИТИЧЕСКАЯ СПРАВКА" in text and "МОУ СОШ с. Покровская Арчада" in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    pictures = [line.split() for line in images.splitlines()[2:] if line.split()[2:3] == ["image"]]
    assert [(row[0], row[3]) for row in pictures] == [("2", "974"), ("3", "974")]  # 165 mm at 150 dpi, pages 2 and 3
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert 3 <= int(next(l.split()[-1] for l in pages.splitlines() if l.startswith("Pages:"))) <= 6
