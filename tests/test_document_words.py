"""The words of the built documents, read back with python-docx: speakers, executors after the
first, positions in the name's case, group speakers and attendee groups, the attendees' label,
the typography a document gets (and its setting), and what `build protocols` says about an empty
folder."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, SAMPLE_RECORDS
from protocol_facts import document_lines

from nor_docs.build.protocols import build_protocols
from nor_docs.cli import cli

TEMPLATES = ROOT / "templates"
NBSP = "\u00a0"

DIRECTORY = """\
organizations:
  - {id: uo, name: Управление образования, kind: управление образования}
  - {id: admin, name: Администрация муниципального района «Город», kind: орган власти}
  - {id: school, name: МБОУ «СОШ № 2 с. Ушаковка», kind: школа}
people:
  - {id: livanova, surname: Ливанова, initials: Д.А., gender: f, position: методист, organization: uo}
  - {id: somova, surname: Сомова, initials: М.Б., gender: f, position: тьютор проекта «Лидер», organization: uo}
  - id: lebedev
    surname: Лебедев
    initials: К.С.
    position: тьютор проекта «Лидер»
    position_forms: {accusative: тьютора проекта «Лидер» (наставника)}
    organization: uo
  - {id: petrova, surname: Петрова, initials: А.И., gender: f, position: заместитель директора по ВР, organization: school}
groups:
  - id: officials
    name: Высшие должностные лица муниципальных образований
    dative: Высшим должностным лицам муниципальных образований
  - id: shmo
    name: ШМО классных руководителей
    dative: ШМО классных руководителей
"""

MEETING = """\
kind: совещание руководителей
title: совещания руководителей
issuer: uo
number: 3
date: 01.02.2024
place: г. Город
chair: {person: livanova}
secretary: {person: petrova}
attendees:
  - group: officials
    text: высшие должностные лица муниципальных образований (12 чел.)
  - group: shmo
    text: руководители ШМО классных руководителей
agenda:
  - number: 1
    title: О воспитательной работе
    speakers:
      - person: petrova
        position: заместителя директора по ВР
      - group: shmo
        text: ШМО классных руководителей
  - number: 2
    title: Анализ действующих моделей взаимодействия
    speakers:
      - group: officials
        text: руководители муниципальных образовательных организаций
    heard:
      - person: somova
        text: о работе тьюторов.
      - person: lebedev
        text: о наставниках.
decisions:
  - number: 1
    executors: [livanova, officials, admin, school]
    text: Представить отчёт "о работе тьюторов"
    deadline: в срок до 29.02.2024 г.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, list[str]]:
    root = tmp_path_factory.mktemp("words")
    records = root / "records"
    (records / "directory").mkdir(parents=True)
    (records / "meetings").mkdir()
    (records / "directory" / "d.yaml").write_text(DIRECTORY, encoding="utf-8")
    (records / "meetings" / "2024-02-01-words.yaml").write_text(MEETING, encoding="utf-8")
    out = root / "out"
    result = build_protocols(records, out, TEMPLATES)
    assert result.ok, result.diagnostics
    sample = build_protocols(SAMPLE_RECORDS, root / "sample", TEMPLATES)
    assert sample.ok, sample.diagnostics
    texts = {"words": [l.text for l in document_lines(out / "2024-02-01-words.docx")]}
    for path in sample.built:
        texts[path.stem] = [l.text for l in document_lines(path)]
    return texts


def _line(texts: list[str], start: str) -> str:
    return next(t for t in texts if t.replace(NBSP, " ").startswith(start))


def test_a_second_speakers_abbreviation_keeps_its_capitals(built):
    line = _line(built["words"], "1. О воспитательной работе").replace(NBSP, " ")
    assert line == "1. О воспитательной работе. Доклад заместителя директора по ВР А.И. Петровой; ШМО классных руководителей."


def test_a_group_speakers_own_words_follow_the_title_after_a_dash(built):
    line = _line(built["words"], "2. Анализ действующих").replace(NBSP, " ")
    assert line == "2. Анализ действующих моделей взаимодействия — руководители муниципальных образовательных организаций."
    seed = _line(built["2023-01-31-petrozavodsk"], "3. Анализ действующих моделей").replace(NBSP, " ")
    assert seed.endswith("управления качеством образования — руководители муниципальных образовательных организации.")


def test_executors_after_the_first_go_on_in_lower_case_and_in_the_right_case(built):
    line = _line(built["words"], "1. Ливановой").replace(NBSP, " ")
    assert line == ("1. Ливановой Д.А., высшим должностным лицам муниципальных образований, руководству Администрации "
                    "муниципального района «Город», руководству МБОУ «СОШ № 2 с. Ушаковка» представить отчёт «о работе "
                    "тьюторов», в срок до 29.02.2024 г.")  # fmt: skip


def test_a_position_outside_the_dictionary_takes_the_case_or_the_forms_given(built):
    texts = [t.replace(NBSP, " ") for t in built["words"]]
    assert any(t.startswith("Сомову М.Б., тьютора проекта «Лидер» — о работе тьюторов.") for t in texts)
    assert any(t.startswith("Лебедева К.С., тьютора проекта «Лидер» (наставника) — о наставниках.") for t in texts)


def test_attendee_groups_are_a_dash_list_under_the_records_label(built):
    texts = [t.replace(NBSP, " ") for t in built["2022-01-31-astrakhan-500"]]
    start = texts.index("Принимали участие:")
    assert "Присутствовали:" not in texts
    assert texts[start + 1].startswith("– участники проекта адресной методической помощи «500+» 2022 года")
    assert texts[start + 1].endswith("имеющих низкие образовательные результаты обучающихся);")
    assert texts[start + 2].startswith("– муниципальные координаторы (представители 11 муниципальных органов")
    assert texts[start + 2].endswith("осуществляющих управление в сфере образования).")
    words = [t.replace(NBSP, " ") for t in built["words"]]
    start = words.index("Присутствовали:")
    assert words[start + 1 : start + 3] == ["– высшие должностные лица муниципальных образований (12 чел.);",
                                            "– руководители ШМО классных руководителей."]  # fmt: skip


def test_text_gets_its_typography_in_every_document(built):
    words = built["words"]
    assert f"01.02.2024\t№{NBSP}3" in words and f"г.{NBSP}Город" in words
    decision = _line(words, "1. Ливановой")
    assert f"Ливановой{NBSP}Д.А." in decision and f"№{NBSP}2 с.{NBSP}Ушаковка" in decision
    assert "«о работе тьюторов»" in decision and f"29.02.2024{NBSP}г." in decision
    kamenka = "\n".join(built["2023-10-31-kamenka-wg"])
    assert f"МОУ СОШ им.{NBSP}А.И.{NBSP}Панкова с.{NBSP}Головинщино" in kamenka
    assert f"2022{NBSP}– 6{NBSP}чел. из 12" in kamenka
    assert "– ОО, в которых не менее чем по двум" in kamenka  # «- » typed as a bullet
    petrozavodsk = built["2023-01-31-petrozavodsk"]
    assert any(t.startswith(f"Заместитель председателя комитета{NBSP}—\nначальник управления") for t in petrozavodsk)
    assert any(f"№{NBSP}29»" in t for t in petrozavodsk)


def test_the_typography_setting_prints_the_text_as_typed(tmp_path, records_copy):
    (records_copy / "settings.yaml").write_text("documents:\n  typography: false\n", encoding="utf-8")
    result = build_protocols(records_copy, tmp_path, TEMPLATES)
    assert result.ok, result.diagnostics
    petrozavodsk = [l.text for l in document_lines(tmp_path / "2023-01-31-petrozavodsk.docx")]
    assert any(t.startswith("Заместитель председателя комитета -\nначальник управления") for t in petrozavodsk)
    assert any("«Средняя школа № 29»" in t for t in petrozavodsk)
    kamenka = "\n".join(l.text for l in document_lines(tmp_path / "2023-10-31-kamenka-wg.docx"))
    assert "- ОО, в которых не менее чем по двум" in kamenka and "им. А.И. Панкова с. Головинщино" in kamenka


def test_building_a_folder_without_meetings_says_so(runner, tmp_path):
    records = tmp_path / "records"
    shutil.copytree(SAMPLE_RECORDS / "directory", records / "directory")
    (records / "meetings").mkdir()
    result = runner.invoke(cli, ["build", "protocols", "--records", str(records), "--out", str(tmp_path / "out"),
                                 "--templates", str(TEMPLATES)])  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout.strip() == (f"В {records}/meetings нет заседаний (файлов .yaml) — собирать нечего. Новое "
                                     f"заседание: nor-docs new meeting --records {records}")
    assert "Без изменений" not in result.stdout
