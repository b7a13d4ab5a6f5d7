"""Name inflection: one nominative entry, the case each place of a protocol needs."""

from __future__ import annotations

import pytest

from nor_docs.russian.names import PersonName, gender_of, position_in_case, short_name

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("name", "case", "expected"),
    [
        # the seeds' «СЛУШАЛИ:» forms
        (PersonName("Кирюхина", "И.В.", "Ирина", "Владимировна"), "accusative", f"Кирюхину{NBSP}И.В."),
        (PersonName("Чамина", "Н.Г.", gender="f"), "accusative", f"Чамину{NBSP}Н.Г."),
        (PersonName("Баркунов", "Д.А.", gender="m"), "accusative", f"Баркунова{NBSP}Д.А."),
        (PersonName("Арбузова", "А.В.", gender="f"), "accusative", f"Арбузову{NBSP}А.В."),
        # executors in a decision sentence
        (PersonName("Сулейманова", "Р.И.", gender="f"), "dative", f"Сулеймановой{NBSP}Р.И."),
        (PersonName("Шмачков", "С.А.", "Сергей", "Александрович"), "dative", f"Шмачкову{NBSP}С.А."),
        # speakers in the agenda
        (PersonName("Иванов", "И.И.", "Иван", "Иванович"), "genitive", f"Иванова{NBSP}И.И."),
        (PersonName("Салтыков-Щедрин", "М.Е.", "Михаил", "Евграфович"), "dative", f"Салтыкову-Щедрину{NBSP}М.Е."),
        # indeclinable surnames stay as they are, without a warning
        (PersonName("Рябченко", "Г.Н.", "Галина", "Николаевна"), "accusative", f"Рябченко{NBSP}Г.Н."),
        (PersonName("Ким", "А.А.", gender="f"), "dative", f"Ким{NBSP}А.А."),
    ],
)
def test_surnames_are_inflected_and_initials_kept(name, case, expected):
    text, problem = short_name(name, case)
    assert (text, problem) == (expected, None)


def test_initials_first_order_for_signatures_and_gost_style():
    name = PersonName("Кирюхина", "И.В.", "Ирина", "Владимировна")
    assert short_name(name, "nominative", initials_first=True) == (f"И.В.{NBSP}Кирюхина", None)
    assert short_name(name, "genitive", initials_first=True) == (f"И.В.{NBSP}Кирюхиной", None)


def test_gender_comes_from_the_patronymic_then_the_directory_then_the_surname():
    assert gender_of("Рябченко", "Галина", "Николаевна", None) == "f"
    assert gender_of("Рябченко", None, None, "m") == "m"
    assert gender_of("Иванова", None, None, None) == "f"
    assert gender_of("Вайник", None, None, None) is None
    assert gender_of("Рябченко", "Галина", "Николаевна", "m") == "f"  # the patronymic wins


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        (PersonName("Smith", "J.", gender="m"), "не кириллицей"),
        (PersonName("Вайник", "Е.Ю."), "пол «Вайник» не определён"),
        (PersonName("Иванов2", "И.И.", gender="m"), "не кириллицей"),
    ],
)
def test_a_name_that_cannot_be_inflected_stays_nominative_with_a_reason(name, reason):
    text, problem = short_name(name, "dative")
    assert text == f"{name.surname}{NBSP}{name.initials}"
    assert reason in problem


def test_a_garbled_result_is_never_used(monkeypatch):
    """Whatever the rule set returns, a result that does not keep the stem is not printed."""
    import nor_docs.russian.names as names

    real_maker, detector = names._engines()

    class Garbling:
        def make(self, *args, **kwargs):
            return "Петрова"

    names.inflect_surname.cache_clear()
    monkeypatch.setattr(names, "_engines", lambda: (Garbling(), detector))
    try:
        result = names.inflect_surname("Кирюхина", "f", "dative")
        assert result.surname == "Кирюхина" and "сомнительно" in result.problem
    finally:
        names.inflect_surname.cache_clear()


@pytest.mark.parametrize(
    ("position", "case", "expected"),
    [
        # the head of each appositive part follows the name's case
        ("главный специалист инновационно-методического отдела", "accusative",
         "главного специалиста инновационно-методического отдела"),
        ("ведущий эксперт отдела, технический специалист", "accusative", "ведущего эксперта отдела, технического специалиста"),
        ("заместитель председателя комитета – начальник управления образования", "accusative",
         "заместителя председателя комитета – начальника управления образования"),
        ("Заведующая методическим кабинетом", "accusative", "Заведующую методическим кабинетом"),
        ("заведующий методическим кабинетом", "genitive", "заведующего методическим кабинетом"),
        ("старший методист", "genitive", "старшего методиста"),
        ("учитель-логопед МОУ СОШ", "dative", "учителю-логопеду МОУ СОШ"),
        ("аналитик 1 категории", "accusative", "аналитика 1 категории"),
        # already in the case, abbreviations, unknown words, a misspelt compound: as written
        ("директора ППМС-центра УО", "accusative", "директора ППМС-центра УО"),
        ("начальник отдела, зам. председателя", "accusative", "начальника отдела, зам. председателя"),
        ("начальника информационно – методического отдела", "accusative", "начальника информационно – методического отдела"),
        ("Smith consultant", "accusative", "Smith consultant"),
        ("директор школы", "nominative", "директор школы"),
    ],
)  # fmt: skip
def test_position_follows_the_case_of_the_name(position, case, expected):
    assert position_in_case(position, case) == expected


@pytest.mark.parametrize(
    ("position", "case", "expected"),
    [
        # a man's position takes the animate accusative, whatever animacy the dictionary guesses
        ("тьютор проекта «Лидер»", "accusative", "тьютора проекта «Лидер»"),
        ("специалист-эксперт отдела", "accusative", "специалиста-эксперта отдела"),
        # a word the dictionary does not know, already in another case, is left as written
        ("тьютора проекта «Лидер»", "accusative", "тьютора проекта «Лидер»"),
        ("ГБОУ эксперт", "accusative", "ГБОУ эксперт"),
    ],
)  # fmt: skip
def test_positions_outside_the_dictionary(position, case, expected):
    assert position_in_case(position, case) == expected


def test_what_cannot_be_derived_is_said():
    from nor_docs.russian.names import position_case_problem

    assert position_case_problem("главный специалист отдела", "accusative") is None  # from the dictionary
    assert position_case_problem("члена рабочей группы", "accusative") is None  # already in the case
    assert position_case_problem("зам. председателя", "accusative") is None  # an abbreviation
    guessed = position_case_problem("тьютор проекта «Лидер»", "accusative")
    assert "«тьютор» нет в словаре" in guessed and "«тьютора проекта «Лидер»»" in guessed
    stuck = position_case_problem("SMM-менеджер школы", "dative")
    assert "«SMM-менеджер» не склоняется" in stuck
    assert position_case_problem("тьютор", "nominative") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Администрация муниципального района «Город»", "Администрации муниципального района «Город»"),
        ("Управление образования Каменского района", "Управления образования Каменского района"),
        ("Центр ППМС помощи", "Центра ППМС помощи"),
        ("МБОУ «СОШ с. Ушаковка»", "МБОУ «СОШ с. Ушаковка»"),  # an abbreviation governs itself
        ("ГБОУ АО ДПО «Центр мониторинга в образовании»", "ГБОУ АО ДПО «Центр мониторинга в образовании»"),
    ],
)  # fmt: skip
def test_an_organisation_after_rukovodstvu_is_in_the_genitive(name, expected):
    from nor_docs.russian.names import organization_in_case

    assert organization_in_case(name, "genitive") == expected
