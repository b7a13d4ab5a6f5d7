"""`nor-docs new person` / `new organization`: one entry appended to a directory file, its
comments and formatting kept, checked before it is written, duplicates refused."""

from __future__ import annotations

from test_bad_records import build_case, run_validate

from nor_docs.cli import cli
from nor_docs.scaffold.directory_entry import append_to_section, entry_lines

DIRECTORY = """\
# yaml-language-server: $schema=../../schemas/directory.schema.json
# Справочник района.   Комментарий остаётся как есть.
organizations:
    - id: uo            # само управление
      name: Управление образования
      kind: управление образования

# Люди
people:
    - id: kiryukhina
      surname: Кирюхина
      initials: И.В.
# конец файла
"""


def test_a_person_goes_to_the_end_of_the_people_list_in_its_indentation():
    new = append_to_section(DIRECTORY, "people", entry_lines({"id": "ivanova", "surname": "Иванова",
                                                              "first_name": "Мария"}))  # fmt: skip
    assert new == DIRECTORY.replace("      initials: И.В.\n", "      initials: И.В.\n    - id: ivanova\n"
                                    "      surname: Иванова\n      first_name: Мария\n")  # fmt: skip


def test_an_organisation_goes_before_the_blank_line_and_comment_that_follow_its_list():
    new = append_to_section(DIRECTORY, "organizations", entry_lines({"id": "sosh-3", "name": "МБОУ «СОШ № 3»",
                                                                     "kind": "школа"}))  # fmt: skip
    assert "      kind: управление образования\n    - id: sosh-3\n      name: МБОУ «СОШ № 3»\n      kind: школа\n\n# Люди" in new


def test_an_empty_or_missing_list_is_begun():
    assert append_to_section("people: []  # пока никого\n", "people", ["- id: a"]) == "people:  # пока никого\n  - id: a\n"
    assert append_to_section("organizations:\n  - id: uo\n\n", "people", ["- id: a"]) == \
        "organizations:\n  - id: uo\npeople:\n  - id: a\n"  # fmt: skip


def test_values_that_yaml_would_misread_are_quoted():
    lines = entry_lines({"id": "x", "position": "директор: и.о.", "name": "- тире", "note": "no", "n": "10"})
    assert lines == ['- id: x', '  position: "директор: и.о."', '  name: "- тире"', '  note: "no"', '  n: "10"']


def test_new_person_validates_and_keeps_the_file(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    path = records / "directory" / "base.yaml"
    before = path.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["new", "person", "smirnova", "Смирнова Ольга Николаевна", "--position",
                                 "заместитель директора", "--organization", "kikino"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output == "Добавлен «smirnova» в records/directory/base.yaml. Проверьте: nor-docs validate\n"
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before.split("groups:")[0].rstrip("\n")) and after.count("\n") == before.count("\n") + 6
    assert ("  - id: smirnova\n    surname: Смирнова\n    first_name: Ольга\n    patronymic: Николаевна\n"
            "    position: заместитель директора\n    organization: kikino\ngroups:") in after  # fmt: skip
    assert run_validate(runner, tmp_path, monkeypatch).exit_code == 0


def test_initials_and_gender(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["new", "person", "dzhioeva", "Джиоева Н.Г.", "--gender", "f"])
    assert result.exit_code == 0, result.output
    assert "  - id: dzhioeva\n    surname: Джиоева\n    initials: Н.Г.\n    gender: f\n" in \
        (records / "directory" / "base.yaml").read_text(encoding="utf-8")  # fmt: skip


def test_duplicates_and_unknown_organisations_are_refused_and_nothing_is_written(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    path = records / "directory" / "base.yaml"
    before = path.read_bytes()
    monkeypatch.chdir(tmp_path)
    taken = runner.invoke(cli, ["new", "person", "ivanova", "Иванова Анна Сергеевна"])
    assert taken.exit_code == 3  # exitcodes.USAGE: the id given is taken
    assert taken.output == "nor-docs: id «ivanova» уже занят (records/directory/base.yaml:22); выберите другой\n"
    school = runner.invoke(cli, ["new", "organization", "kikino", "Другая школа"])
    assert school.exit_code == 3 and "id «kikino» уже занят" in school.output
    unknown = runner.invoke(cli, ["new", "person", "orlova", "Орлова Анна", "--organization", "kikno"])
    assert unknown.exit_code == 3
    assert unknown.output == "nor-docs: --organization «kikno»: такой организации в справочнике нет; возможно, «kikino»?\n"
    bad_name = runner.invoke(cli, ["new", "person", "orlova", "орлова"])
    assert bad_name.exit_code == 3 and "нужно имя или инициалы" in bad_name.output
    bad_id = runner.invoke(cli, ["new", "person", "Орлова", "Орлова Анна"])
    assert bad_id.exit_code == 3 and "пишите строчными латинскими" in bad_id.output
    assert path.read_bytes() == before


def test_new_organization_with_its_kind(runner, tmp_path, monkeypatch):
    records = build_case(None, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["new", "organization", "ppms", "Центр психолого-педагогической помощи",
                                 "--kind", "ППМС-центр", "--parent", "uo"])  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (records / "directory" / "base.yaml").read_text(encoding="utf-8")
    assert ("  - id: ppms\n    name: Центр психолого-педагогической помощи\n    kind: ППМС-центр\n    parent: uo\n"
            "people:") in text  # fmt: skip
    wrong_kind = runner.invoke(cli, ["new", "organization", "x", "Икс", "--kind", "вуз"])
    assert wrong_kind.exit_code == 3
    assert wrong_kind.output.startswith("nor-docs: --kind «вуз»: такого вида нет; допустимо: управление образования, ")
    assert run_validate(runner, tmp_path, monkeypatch).exit_code == 0
