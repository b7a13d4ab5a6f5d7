"""Document kinds end to end on three real papers of the corpus (tests/data/kinds/): a collegium's
decision [01], an order [05] and a directive [08], typed into records/documents/. They validate
clean, build with their own template (decision.docx, act.docx) and read back as the paper reads:
the heading of the kind, the formula once and where the paper has it, no agenda, no «РЕШИЛИ», the
signature the kind has. An office's records/kinds.yaml changes a built-in kind by id."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import DATA, ROOT

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli
from nor_docs.model.kinds import builtin_kinds

KINDS = DATA / "kinds" / "records"
TEMPLATES = ROOT / "templates"


def _texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.text.strip()]


def _cells(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells if cell.text]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kinds")
    result = build_protocols(KINDS, out, TEMPLATES, jobs=1)
    assert not result.diagnostics, result.diagnostics
    return out


def test_the_papers_validate_clean(runner):
    result = runner.invoke(cli, ["validate", "--records", str(KINDS)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Записи в порядке: файлов — 5"), result.output


def test_a_collegium_decision_reads_as_the_paper(built):
    texts = _texts(built / "2014-01-21-kollegiya-1.docx")
    assert texts[:3] == ["Северо-Восточное управление министерства образования и науки Самарской области",
                         "РЕШЕНИЕ КОЛЛЕГИИ", "21.01.2014\t№\u00a01"]  # fmt: skip
    # the formula ends the preamble's sentence, once, and the items follow
    assert texts[3].startswith("Заслушав и обсудив информацию") and texts[3].endswith("округе, коллегия РЕШАЕТ:")
    assert sum("РЕШАЕТ" in t for t in texts) == 1
    assert texts[4].startswith("1. Принять к сведению") and texts[-1].startswith("3. Рекомендовать ГБОУ ДПО ЦПК")
    assert not any(word in " ".join(texts) for word in ("ПРОТОКОЛ", "ПОВЕСТКА", "РЕШИЛИ", "СЛУШАЛИ", "[["))
    assert _cells(built / "2014-01-21-kollegiya-1.docx") == []  # unsigned: the copy holds no signatures


def test_an_order_has_its_formula_on_a_line_of_its_own(built):
    texts = _texts(built / "2023-08-21-prikaz-176.docx")
    assert texts[1] == "ПРИКАЗ"
    at = texts.index("ПРИКАЗЫВАЮ:")
    assert texts[at - 1].startswith("В целях выполнения Закона Российской Федерации")
    assert texts[at + 1] == "1. Руководителям образовательных учреждений района:"
    assert texts[at + 2].startswith("1.1. Начать 2023/2024 учебный год 1 сентября 2023 года")
    assert not any(word in " ".join(texts) for word in ("ПОВЕСТКА", "РЕШИЛИ", "[["))


def test_a_directive_has_no_formula_and_the_heads_signature(built):
    path = built / "2007-10-16-kanash-500.docx"
    texts = _texts(path)
    assert texts[:5] == ["Администрация города Канаш Чувашской Республики", "РАСПОРЯЖЕНИЕ", "16.10.2007\t№\u00a0500",
                         "г.\u00a0Канаш Чувашской Республики",
                         "Об организации пришкольных оздоровительных лагерей в период осенних каникул"]  # fmt: skip
    assert texts[5] == "В целях использования каникулярного времени для укрепления здоровья учащихся:"
    assert texts[6].startswith("1. Организовать в период осенних каникул с 5 по 11 ноября 2007 года")
    assert texts[-1].startswith("3. Контроль за выполнением настоящего распоряжения")  # the control clause, last
    assert _cells(path) == ["Глава администрации города Канаш", "В.И.\u00a0Полукарова"]
    assert not any(word in " ".join(texts) for word in ("ПОВЕСТКА", "РЕШИЛИ", "Председатель"))


def test_each_kind_takes_its_own_template(built):
    def template(name: str) -> str:
        with zipfile.ZipFile(built / name) as package:
            return re.search(r"<Template>(.*?)</Template>", package.read("docProps/app.xml").decode()).group(1)

    assert template("2014-01-21-kollegiya-1.docx") == "decision.docx"
    assert template("2023-08-21-prikaz-176.docx") == template("2007-10-16-kanash-500.docx") == "act.docx"
    title = docx.Document(str(built / "2007-10-16-kanash-500.docx")).core_properties.title
    assert title.startswith("Распоряжение главы администрации города Канаш №\u00a0500 от 16.10.2007 Об организации")


def test_an_office_changes_a_built_in_kind_by_id(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(KINDS, records)
    (records / "kinds.yaml").write_text(
        "# yaml-language-server: $schema=../schemas/kinds.schema.json\n"
        "kinds:\n  - id: decision-collegium\n    formula: 'коллегия решила:'\n", encoding="utf-8")
    result = build_protocols(records, tmp_path / "out", TEMPLATES, jobs=1)
    assert not result.diagnostics
    texts = _texts(tmp_path / "out" / "2014-01-21-kollegiya-1.docx")
    assert texts[3].endswith("округе, коллегия решила:") and "РЕШАЕТ" not in " ".join(texts)
    assert texts[1] == "РЕШЕНИЕ КОЛЛЕГИИ"  # the fields the office did not give stay built in


def test_a_formula_in_capitals_is_a_line_of_its_own_and_decision_word_keeps_working(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(KINDS, records)
    path = records / "documents" / "2014-01-21-kollegiya-1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "decision_word: ПОСТАНОВИЛИ\n", encoding="utf-8")
    build_protocols(records, tmp_path / "out", TEMPLATES, jobs=1)
    texts = _texts(tmp_path / "out" / "2014-01-21-kollegiya-1.docx")
    assert texts[3].endswith("образовательном округе,") and texts[4] == "ПОСТАНОВИЛИ:"


def test_the_catalogue_has_the_kinds_of_the_design():
    kinds = builtin_kinds()
    assert {"protocol", "extract", "decision-collegium", "decision-council", "decision-board", "order", "directive",
            "resolution", "instructions"} <= set(kinds)  # fmt: skip
    assert kinds["order"].formula == "ПРИКАЗЫВАЮ:" and kinds["order"].template == "act.docx"
    assert kinds["directive"].formula is None and not kinds["directive"].meeting
    assert kinds["protocol"].heading == "ПРОТОКОЛ" and kinds["protocol"].formula == "РЕШИЛИ:"
    for kind in kinds.values():
        assert (TEMPLATES / kind.template).is_file(), kind.id
