"""People and organisations a protocol names, found in the text and matched to the directory:
initials before or after the surname, any grammatical case, capitals; the nominative and gender
of someone new inferred from the case the sentence calls for; schools by type, number and
locality despite spelling; a deadline split off by the project's own reader."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE_RECORDS

from nor_docs.importer.deadlines import split_deadline
from nor_docs.importer.directory_index import DirectoryIndex
from nor_docs.importer.orgnames import same_school, school_key
from nor_docs.importer.people import find_names, guess_nominative
from nor_docs.model.records import load_records

CORPUS_DIRECTORY = Path(__file__).resolve().parent / "data" / "import" / "records" / "directory"


@pytest.mark.parametrize(("text", "found"), [
    ("По первому вопросу Кирюхину И.В., муниципального координатора", [("Кирюхину", "И.В.")]),
    ("докладчик Л.И.Заводчикова, заведующий", [("Заводчикова", "Л.И.")]),
    ("- Е.Ю Вайник, директор", [("Вайник", "Е.Ю.")]),
    ("Рябченко Г. Н., заместитель", [("Рябченко", "Г.Н.")]),
    ("Председатель: Рябченко Галина Николаевна, заместитель", [("Рябченко", "Г.Н.")]),
    ("КИРЮХИНА И.В. сообщила", [("Кирюхина", "И.В.")]),
    ("Фишер А.В, Алиев К.И.", [("Фишер", "А.В."), ("Алиев", "К.И.")]),
    ("Директор И.В. Иванов сообщил", [("Иванов", "И.В.")]),
    ("Кравец Л.П. – председатель родительского комитета", [("Кравец", "Л.П.")]),
    ("Председатель — J. Smith, приглашённый эксперт", [("Smith", "J.")]),
    # schools named after someone are not people
    ("МОУ СОШ им. А.И. Панкова с. Головинщино", []),
    ("Директор МБОУ СОШ №4 им. Е. Родионова Шмачков С.А.", [("Шмачков", "С.А.")]),
])  # fmt: skip
def test_names_are_found_in_any_order_and_letter_case(text, found):
    assert [(m.surname, m.initials) for m in find_names(text)] == found


@pytest.mark.parametrize(("form", "case", "nominative", "gender"), [
    ("Кирюхину", "accusative", "Кирюхина", "f"),  # «Слушали: Кирюхину И.В.»
    ("Кирюхину", "dative", "Кирюхин", "m"),  # «Кирюхину И.В. подготовить…»
    ("Баркунова", "accusative", "Баркунов", "m"),
    ("Баркунова", "nominative", "Баркунова", "f"),
    ("Заводчиковой", "dative", "Заводчикова", "f"),
    ("Лебедевской", "dative", "Лебедевская", "f"),
    ("Троицкого", "genitive", "Троицкий", "m"),
    ("Шмачкову", "dative", "Шмачков", "m"),
])  # fmt: skip
def test_the_nominative_and_gender_come_from_the_case_the_sentence_calls_for(form, case, nominative, gender):
    guess = guess_nominative(form, case)
    assert (guess.surname, guess.gender) == (nominative, gender)


def test_an_indeclinable_surname_stays_and_its_gender_is_not_guessed():
    guess = guess_nominative("Рябченко", "accusative")
    assert guess.surname == "Рябченко" and not guess.certain


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    root = tmp_path_factory.mktemp("records")
    shutil.copytree(SAMPLE_RECORDS / "directory", root / "directory")
    shutil.copy(CORPUS_DIRECTORY / "corpus.yaml", root / "directory")
    records, problems = load_records(root)
    assert not [p for p in problems if p.is_error]
    return DirectoryIndex(records)


@pytest.mark.parametrize(("text", "ids"), [
    ("Кирюхину И.В.", {"kamenka-kiryukhina", "pervomaisk-kiryukhina"}),  # two offices, one name
    ("И.В. Кирюхиной", {"kamenka-kiryukhina", "pervomaisk-kiryukhina"}),
    ("КИРЮХИНА И.В.", {"kamenka-kiryukhina", "pervomaisk-kiryukhina"}),
    # the full name agrees with the initials of one and the full name of the other
    ("Кирюхину Ирину Васильевну", {"kamenka-kiryukhina", "pervomaisk-kiryukhina"}),
    ("Кирюхину Ирину Петровну", set()),  # И.П.: neither of them
    ("Баркунова Д.А.", {"astrakhan-barkunov"}),
    ("Кима Д.В.", {"zarechny-kim"}),
    ("Рябченко Г.Н.", {"mun4-ryabchenko"}),
    ("Рябченко А.Н.", set()),  # other initials: someone else
])  # fmt: skip
def test_people_are_matched_by_surname_in_any_case_and_compatible_initials(index, text, ids):
    (mention,) = find_names(text)
    assert {pid for pid, _case in index.people_named(mention)} == ids


def test_the_issuers_office_decides_between_two_people_of_the_same_name(index):
    from nor_docs.importer.proposals import Proposals
    from nor_docs.importer.refs import Ref
    from nor_docs.importer.resolve import Resolver

    (mention,) = find_names("Кирюхину И.В.")
    for issuer, expected in (("pervomaisk-uo", "pervomaisk-kiryukhina"), ("kamenka-uo", "kamenka-kiryukhina")):
        resolver = Resolver(index, Proposals("x", index.taken), issuer)
        assert resolver.person(Ref(mention.written, mention, "accusative")) == expected


@pytest.mark.parametrize(("text", "ids"), [
    ("МОУ СОШ с. Головинцино", {"kamenka-golovinshchino", "pervomaisk-golovinshchino"}),  # a letter off
    ("МБОУ СОШ № 10 г. Кузнецка", {"kuznetsk-sosh10"}),
    ("Школа № 10 г. Кузнецка", {"kuznetsk-sosh10"}),
    ("МБОУ СОШ с. Берёзовка", {"zarechny-berezovka"}),  # «ё» for «е»
    ("Управления образования Каменского района", {"kamenka-uo"}),  # another case
    ("МБОУ СОШ № 11", set()),  # another number is another school
])  # fmt: skip
def test_organisations_are_matched_by_words_and_schools_by_number_and_place(index, text, ids):
    assert set(index.organizations_named(text)[0]) == ids


def test_school_keys_agree_only_on_the_same_type_number_and_place():
    assert same_school(school_key("МБОУ СОШ №4 им. Е. Родионова"), school_key("МБОУ СОШ № 4"))
    assert not same_school(school_key("МБОУ гимназия №1"), school_key("МБОУ СОШ №1"))
    assert not same_school(school_key("МОУ СОШ с. Кикино"), school_key("МОУ СОШ с. Головинщино"))


def test_groups_are_matched_by_any_of_their_forms_and_their_members(index):
    assert index.groups_named("Членам муниципальной рабочей группы")[0] == ["mun4-wg"]
    assert set(index.groups_named("руководителей ОО")[0]) == {"kuznetsk-heads", "zarechny-heads"}
    members = [f"petrozavodsk-sosh{n}" for n in (3, 6, 7, 10, 20, 29, 33, 43, 46, 5, 14, 35, 9, 25, 55)]
    assert index.group_with_members(members) == "petrozavodsk-shnor15"


@pytest.mark.parametrize(("sentence", "text", "deadline", "comma"), [
    ("Разработать программу МОУ, в срок до 27.02.2023.", "Разработать программу МОУ", "в срок до 27.02.2023", True),
    ("провести анализ «ДК» в срок до 31.01.2024 г.", "провести анализ «ДК»", "в срок до 31.01.2024 г.", False),
    ("Оказывать поддержку (на постоянной основе).", "Оказывать поддержку", "(на постоянной основе)", False),
    ("Довести решения до педагогов. Срок: до 15.03.2024", "Довести решения до педагогов", "до 15.03.2024", True),
    ("Представить отчёт ежемесячно, до 10 числа месяца, следующего за отчётным.", "Представить отчёт",
     "ежемесячно, до 10 числа месяца, следующего за отчётным", False),
    ("Принять к сведению информацию об итогах 29.09.2021", "Принять к сведению информацию об итогах 29.09.2021", None, True),
    ("Разработать план мероприятий на 2024 год.", "Разработать план мероприятий на 2024 год.", None, True),
])  # fmt: skip
def test_a_deadline_is_split_off_the_end_of_a_decision_as_written(sentence, text, deadline, comma):
    split = split_deadline(sentence)
    assert (split.body, split.deadline) == (text, deadline)
    if deadline:
        assert split.comma == comma


def test_the_deadline_split_uses_the_projects_own_reader(monkeypatch):
    """A form the deadline reader learns is split off by the importer too, with no change here."""
    from nor_docs.model import deadline as model

    sentence = "Провести консультации в течение II четверти."
    before = split_deadline(sentence)
    assert (before.deadline, before.parsed) == ("в течение II четверти", False)  # split, marked unknown
    original = model.parse_deadline

    def learned(text, event=None):
        if text.strip() == "в течение II четверти":
            return original("до 29.12.2023")
        return original(text, event)

    monkeypatch.setattr(model, "parse_deadline", learned)
    after = split_deadline(sentence)
    assert (after.deadline, after.parsed) == ("в течение II четверти", True)
