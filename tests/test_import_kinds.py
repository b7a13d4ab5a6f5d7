"""Importing documents of other kinds than protocols: orders, directives, resolutions, decisions of
a collegium — the corpus papers of tests/data/kinds/ typed as text, and the hand-typed records of
them built to DOCX and imported back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from nor_docs.cli import cli
from nor_docs.importer.act import find_formula
from nor_docs.importer.deadlines import read_deadline
from nor_docs.importer.importing import draft_file, load_directory
from nor_docs.importer.yaml_writer import dump

KINDS = Path(__file__).parent / "data" / "kinds"
RECORDS = KINDS / "records"
PAPERS = ("01", "02", "05", "07", "08", "12")

# Facts recovered per paper (found / known); docs/import.md shows this table.
RECOVERED = {
    "01": {"kind": (1, 1), "date": (1, 1), "number": (1, 1), "items": (4, 4), "executors": (3, 3),
           "deadlines": (2, 2), "controller": (0, 0)},
    "02": {"kind": (1, 1), "date": (1, 1), "number": (1, 1), "items": (2, 2), "executors": (0, 1),
           "deadlines": (0, 0), "controller": (0, 0)},
    "05": {"kind": (1, 1), "date": (0, 1), "number": (0, 1), "items": (7, 7), "executors": (1, 1),
           "deadlines": (3, 5), "controller": (0, 0)},
    "07": {"kind": (1, 1), "date": (1, 1), "number": (1, 1), "items": (3, 3), "executors": (1, 1),
           "deadlines": (0, 0), "controller": (1, 1)},
    "08": {"kind": (1, 1), "date": (1, 1), "number": (1, 1), "items": (3, 3), "executors": (0, 0),
           "deadlines": (1, 1), "controller": (1, 1)},
    "12": {"kind": (1, 1), "date": (1, 1), "number": (1, 1), "items": (3, 3), "executors": (0, 0),
           "deadlines": (0, 0), "controller": (1, 1)},
    # papers the importer was not tuned on
    "03": {"kind": (1, 1), "date": (1, 1), "number": (1, 1), "items": (3, 3), "executors": (1, 1),
           "deadlines": (1, 1), "controller": (0, 0)},
    "04": {"kind": (1, 1), "date": (1, 1), "number": (1, 1), "items": (3, 3), "executors": (2, 2),
           "deadlines": (0, 0), "controller": (0, 1)},
    "06": {"kind": (1, 1), "date": (1, 1), "number": (1, 1), "items": (4, 4), "executors": (1, 1),
           "deadlines": (2, 2), "controller": (0, 0)},
    "09": {"kind": (1, 1), "date": (1, 1), "number": (1, 1), "items": (4, 4), "executors": (3, 3),
           "deadlines": (2, 3), "controller": (0, 1)},
}  # fmt: skip


def paper_text(number: str) -> tuple[Path, str]:
    """The corpus paper without its header of `#` lines (where it came from, what it shows)."""
    path = next(KINDS.glob(f"{number}-*.txt"))
    text = path.read_text(encoding="utf-8")
    return path, re.split(r"^# -{10,}\n", text, maxsplit=1, flags=re.M)[-1]


def _walk(nodes, inherited=()):
    for node in nodes or []:
        executors = node.get("executors") or list(inherited)
        yield node, executors
        yield from _walk(node.get("decisions"), executors)


def _items(record: dict) -> dict[str, tuple[dict, list]]:
    return {str(node["number"]): (node, executors) for node, executors in _walk(record.get("decisions"))}


def _date(value) -> str | None:
    if value is None or value == "…":
        return None
    day, month, year = str(value).split(".")
    return f"{year}-{month}-{day}"


def facts(record: dict, expected: dict) -> dict[str, tuple[int, int]]:
    """(found, known) per fact: the kind, date, number, items, executors, deadlines, controller."""
    doc = expected["document"]
    items = _items(record)
    wanted = expected.get("items", [])
    with_executors = [i for i in wanted if i.get("executors_as_written")]
    deadline = lambda node: "[[" in (node.get("text") or "") or node.get("deadline")  # noqa: E731
    with_deadlines = [i for i in wanted if i.get("deadline_as_written")]
    controllers = [p for p in expected.get("parties", []) if p.get("role") == "controller"]
    controls = [n for n, _e in items.values() if n.get("controls")]
    return {
        "kind": (int(record.get("document") == doc["kind"]), 1),
        "date": (int(doc.get("date") is not None and _date(record.get("date")) == str(doc["date"])), int(doc.get("date") is not None)),
        "number": (int(doc.get("number") is not None and str(record.get("number")) == str(doc["number"])),
                   int(doc.get("number") is not None)),
        "items": (sum(1 for i in wanted if str(i["number"]) in items), len(wanted)),
        "executors": (sum(1 for i in with_executors if str(i["number"]) in items and items[str(i["number"])][1]),
                      len(with_executors)),
        "deadlines": (sum(1 for i in with_deadlines if str(i["number"]) in items and deadline(items[str(i["number"])][0])),
                      len(with_deadlines)),
        "controller": (min(len(controls), len(controllers)), len(controllers)),
    }  # fmt: skip


@pytest.fixture(scope="module")
def index():
    found, problems = load_directory(RECORDS)
    assert problems == []
    return found


def _import(tmp_path: Path, number: str, index):
    source, text = paper_text(number)
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    draft, problem, _notes = draft_file(path, index)
    assert problem is None, problem
    return draft


@pytest.mark.parametrize("number", sorted(RECOVERED))
def test_corpus_papers_are_imported_as_their_kind_with_the_facts_measured(tmp_path, number, index):
    draft = _import(tmp_path, number, index)
    expected = yaml.safe_load(next(KINDS.glob(f"{number}-*.expected.yaml")).read_text(encoding="utf-8"))
    record = yaml.safe_load(dump(draft.record, []))
    assert draft.folder == "documents"
    assert facts(record, expected) == RECOVERED[number]


def test_the_requisites_preamble_formula_and_control_clause_are_read(tmp_path, index):
    record = yaml.safe_load(dump(_import(tmp_path, "02", index).record, []))
    assert record["issuer_lines"] == ["РОССИЙСКАЯ ФЕДЕРАЦИЯ", "КОЛЛЕГИЯ ОРЛОВСКОЙ ОБЛАСТИ"]
    assert record["issuer"] == "orel-kollegiya"
    assert record["title"].startswith("О реализации на территории Залегощенского района")
    assert record["preamble"].endswith("в системе образования Орловской области")
    assert (record["formula"], record["formula_inline"]) == ("КОЛЛЕГИЯ ПОСТАНОВЛЯЕТ:", True)
    assert record["unsigned"] is True
    kanash = yaml.safe_load(dump(_import(tmp_path, "08", index).record, []))
    assert (kanash["document"], kanash["date"], kanash["number"]) == ("directive", "16.10.2007", 500)  # the site's card
    assert kanash["preamble"] == "В целях использования каникулярного времени для укрепления здоровья учащихся:"
    assert kanash["decisions"][2]["controls"] == "ivanova-lp" and kanash["decisions"][2]["on_control"] is False
    assert kanash["signers"] == [{"person": "polukarova", "position": "Глава администрации города Канаш"}]
    zapolyarny = yaml.safe_load(dump(_import(tmp_path, "12", index).record, []))
    assert zapolyarny["formula"] == "Администрация Заполярного района постановляет:"
    assert "formula" not in yaml.safe_load(dump(_import(tmp_path, "01", index).record, []))  # the catalogue's own


def test_the_formula_is_the_catalogues_verb_in_any_person_with_its_subject():
    assert find_formula("…, коллегия РЕШАЕТ:").text == "коллегия РЕШАЕТ:"
    assert find_formula("… Совет муниципального района решил:").text == "Совет муниципального района решил:"
    assert find_formula("В целях … ПРИКАЗЫВАЮ:").text == "ПРИКАЗЫВАЮ:"
    assert find_formula("Присутствовали:") is None
    assert find_formula("Руководителям образовательных учреждений района:") is None


def test_a_self_control_clause_and_a_paper_without_a_heading_are_marked(tmp_path, index):
    path = tmp_path / "order.txt"
    path.write_text("ПРИКАЗ\n\n01.09.2024 № 12\n\nО проведении мониторинга\n\nВ целях повышения качества образования\n"
                    "ПРИКАЗЫВАЮ:\n1. Руководителям общеобразовательных организаций провести мониторинг до 20.09.2024.\n"
                    "2. Контроль за исполнением настоящего приказа оставляю за собой.\n\nНачальник управления "
                    "И.И. Петров\n", encoding="utf-8")  # fmt: skip
    draft, problem, _ = draft_file(path, index)
    assert problem is None
    record = yaml.safe_load(dump(draft.record, []))
    assert (record["document"], record["date"], record["number"]) == ("order", "01.09.2024", 12)
    assert record["decisions"][1]["controls"] == "self"
    assert "[[до 20.09.2024]]" in record["decisions"][0]["text"] or record["decisions"][0].get("deadline")
    assert record["decisions"][0]["executors"]
    text = dump(_import(tmp_path, "05", index).record, [])
    assert "# проверьте: слова «ПРИКАЗ» в тексте нет — вид определён по формуле «ПРИКАЗЫВАЮ:»" in text
    assert "# проверьте: дата документа не найдена" in text


def test_importing_writes_into_documents_never_overwrites_and_is_idempotent(tmp_path):
    source, text = paper_text("08")
    paper = tmp_path / source.name
    paper.write_text(text, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["import", str(paper), "--records", str(RECORDS), "--out", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    written = tmp_path / "a" / "documents" / "2007-10-16-kanash-rasporyazhenie-500.yaml"
    assert f"→ {written}" in first.output.replace(str(tmp_path) + "/", str(tmp_path) + "/") or written.exists()
    again = runner.invoke(cli, ["import", str(paper), "--records", str(RECORDS), "--out", str(tmp_path / "b")])
    assert again.exit_code == 0
    assert (tmp_path / "b" / "documents" / written.name).read_bytes() == written.read_bytes()
    refused = runner.invoke(cli, ["import", str(paper), "--records", str(RECORDS), "--out", str(tmp_path / "a")])
    assert refused.exit_code != 0 and "уже есть — черновик не записан" in refused.output


def test_drafts_validate_or_carry_a_note_where_they_do_not(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(RECORDS, records)
    for path in (records / "documents").iterdir():
        path.unlink()
    papers = []
    for number in PAPERS:
        source, text = paper_text(number)
        papers.append(tmp_path / source.name)
        papers[-1].write_text(text, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["import", *map(str, papers), "--records", str(records), "--out", str(records)])
    assert result.exit_code == 0, result.output
    checked = runner.invoke(cli, ["validate", "--records", str(records)])
    problems = [line for line in checked.output.splitlines() if " NOR" in line]
    for line in problems:
        file, row = line.split(":")[:2]
        lines = Path(file).read_text(encoding="utf-8").splitlines()[: int(row) - 1]
        above = next(text for text in reversed(lines) if "# проверьте" in text or re.match(r"^\s*(?:- |\w+:\s*$)", text))
        assert "# проверьте" in above, line  # every problem is where a note already asks to look
    assert sum(" NOR102 " in line for line in problems) == 4  # 01, 07: the issuer; 05: the issuer and the date
    assert [line.split()[1] for line in problems if " NOR102 " not in line] == ["NOR213"]  # 08, п. 1: no executor


def test_hand_typed_records_built_to_docx_come_back_with_the_same_facts(tmp_path, index):
    runner = CliRunner()
    built = runner.invoke(cli, ["build", "protocols", "--records", str(RECORDS), "--out", str(tmp_path / "docx"),
                                "--no-progress", "-j", "1"])  # fmt: skip
    assert built.exit_code == 0, built.output
    for name in ("2014-01-21-kollegiya-1", "2023-08-21-prikaz-176", "2007-10-16-kanash-500"):
        original = yaml.safe_load((RECORDS / "documents" / f"{name}.yaml").read_text(encoding="utf-8"))
        draft, problem, _ = draft_file(tmp_path / "docx" / f"{name}.docx", index)
        assert problem is None, problem
        back, original = roundtrip_facts(yaml.safe_load(dump(draft.record, []))), roundtrip_facts(original)
        for number in NOT_PRINTED.get(name, ()):
            assert back["items"][number][0] == [] and original["items"][number][0] != []
            back["items"][number] = original["items"][number] = ((), *back["items"][number][1:])
        assert back == original, name


# Executors a record keeps apart from the printed sentence (executors_in_text: false) and the
# sentence does not name: the paper cannot give them back. «Организовать … лагеря» (08, п. 1)
# names no one; the record gives it to the schools.
NOT_PRINTED = {"2007-10-16-kanash-500": ("1",)}


def _meaning(written: str) -> object:
    """A deadline as the reader validation uses means it («в 2014 г.» and «2014 г.» are one year)."""
    deadline = read_deadline(written)
    return deadline.model_dump(exclude={"as_written", "in_text"})


def roundtrip_facts(record: dict) -> dict:
    """What a control officer reads from a document: its kind, date, number, issuer, items with
    their executors (as printed: those not in the text cannot come back), deadlines and control."""
    items = {}
    for number, (node, executors) in _items(record).items():
        items[number] = (sorted(executors),
                         [_meaning(m) for m in re.findall(r"\[\[(.+?)\]\]", " ".join((node.get("text") or "").split()))],
                         node.get("controls"))  # fmt: skip
    return {"document": record.get("document"), "date": str(record.get("date")), "number": str(record.get("number")),
            "issuer": record.get("issuer"), "items": items}  # fmt: skip


def test_the_example_in_docs_import_is_real_output(tmp_path, monkeypatch):
    page = (Path(__file__).parent.parent / "docs" / "import.md").read_text(encoding="utf-8")
    console = page.split("$ nor-docs import rasporyazhenie-500.txt\n", 1)[1].split("```", 1)[0]
    draft = page.split(console, 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    shutil.copytree(RECORDS, tmp_path / "records")
    for path in (tmp_path / "records" / "documents").iterdir():
        path.unlink()
    (tmp_path / "rasporyazhenie-500.txt").write_text(paper_text("08")[1], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["import", "rasporyazhenie-500.txt"])
    assert result.exit_code == 0
    assert result.output == console
    written = (tmp_path / "records" / "documents" / "2007-10-16-kanash-rasporyazhenie-500.yaml").read_text(encoding="utf-8")
    assert written[written.index("document:"):] == draft


def test_a_roadmap_built_in_the_shape_of_its_paper_keeps_its_stamp_columns_and_section_numbers(tmp_path):
    roadmaps = KINDS / "roadmap-records"
    runner = CliRunner()
    built = runner.invoke(cli, ["build", "roadmaps", "--records", str(roadmaps), "--out", str(tmp_path / "docx")])
    assert built.exit_code == 0, built.output
    found, _problems = load_directory(roadmaps)
    draft, problem, _ = draft_file(tmp_path / "docx" / "krasnodar-gia-2016.docx", found)
    assert problem is None, problem
    back = yaml.safe_load(dump(draft.record, []))
    original = yaml.safe_load((roadmaps / "roadmaps" / "krasnodar-gia-2016.yaml").read_text(encoding="utf-8"))
    assert back["approval"] | {"number": int(back["approval"]["number"])} == original["approval"]
    assert back["columns"] == original["columns"]  # «N», «Направления деятельности», «Сроки», «Ответственные лица»
    assert [(s["number"], s["title"]) for s in back["sections"]] == [(s["number"], s["title"]) for s in original["sections"]]
    assert [i["executors"] for i in back["sections"][0]["items"]] == [i["executors"] for i in original["sections"][0]["items"]]


def test_a_roadmap_typed_as_text_with_bars_is_read_with_its_stamp_and_columns(tmp_path):
    source, text = paper_text("11")
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    found, _problems = load_directory(KINDS / "roadmap-records")
    draft, problem, _ = draft_file(path, found)
    assert problem is None, problem
    record = yaml.safe_load(dump(draft.record, []))
    assert record["approval"]["as_written"].splitlines() == ["Приложение N 2", "к приказу министерства образования",
                                                             "и науки Краснодарского края", "от 13 ноября 2015 г. N 5976"]  # fmt: skip
    assert [c.get("header") for c in record["columns"]] == ["N", "Направления деятельности", "Сроки", "Ответственные лица"]
    assert record["sections"][0]["number"] == "I"
    assert [i["number"] for i in record["sections"][0]["items"]] == [1, 2, 3]
