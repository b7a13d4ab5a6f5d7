"""NOR208: a word that mixes Latin and Cyrillic letters, where it stands, what it should be —
and the words that only look mixed (see also tests/bad/mixed-script-words)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nor_docs.checks.characters import mixed_scripts
from nor_docs.model.common import ID_PATTERN
from nor_docs.model.marks import ASSIGNMENT_ID_PATTERN
from nor_docs.russian.mixedscript import ADJACENT, adjacent_letters, looks_like_id, message, mixed_words
from nor_docs.source.yamlsource import parse_source


def nor208(yaml_text: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of every NOR208 the check reports for ``yaml_text``."""
    source, problems = parse_source(yaml_text.encode("utf-8"), "x.yaml")
    problems += mixed_scripts(source) if source is not None else []
    return [(d.line, d.column, d.message) for d in problems if d.code == "NOR208"]


@pytest.mark.parametrize(
    "text",
    [
        "Открытие IT-класса",  # hyphen-separated parts are separate words
        "итоги за I квартал и IV четверть",  # Roman numerals as words of their own
        "итоги ВПР-2024 и ОГЭ/ЕГЭ",  # no Latin letter at all
        "пишите на e-mail школы",
        "сайт https://kikino-школа.рф/ВПР-итоги, зеркало www.школа.рф/oтчёт",
        "адрес kikino@шкoла.рф для отчётов",
        "доступ по Wi-Fi, сервис Microsoft Office",
    ],
)
def test_words_that_only_look_mixed_are_not_reported(text):
    assert list(mixed_words(text)) == []
    assert nor208(f"text: {text}\n") == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("MOУ", "в слове «MOУ» смешаны латинские и русские буквы (латинские: M, O); возможно, «МОУ»?"),
        ("прoтокол", "в слове «прoтокол» смешаны латинские и русские буквы (латинские: o); возможно, «протокол»?"),
        ("Micrоsoft", "в слове «Micrоsoft» смешаны латинские и русские буквы (русские: о); возможно, «Microsoft»?"),
        # Roman numerals are Latin: «ХХI» typed with Cyrillic Х
        ("ХХI", "в слове «ХХI» смешаны латинские и русские буквы (русские: Х); возможно, «XXI»?"),
        # every letter has a twin: the larger part decides, Cyrillic on a tie
        ("COШ", "в слове «COШ» смешаны латинские и русские буквы (латинские: C, O); возможно, «СОШ»?"),
        ("Mо", "в слове «Mо» смешаны латинские и русские буквы (латинские: M); возможно, «Мо»?"),
        # a letter with no twin: no word to offer, only what to do
        ("Rоссия", "в слове «Rоссия» смешаны латинские и русские буквы (латинские: R); наберите его русскими буквами"),
        ("Windоws", "в слове «Windоws» смешаны латинские и русские буквы (русские: о); возможно, «Windows»?"),
        ("Wіndоws", "в слове «Wіndоws» смешаны латинские и русские буквы (русские: о); возможно, «Wіndows»?"),
        ("Вrаuпschweig", "в слове «Вrаuпschweig» смешаны латинские и русские буквы (русские: В, а, п); "
                         "наберите его латинскими буквами"),
    ],
)
def test_the_message_names_the_odd_letters_and_the_word_in_one_alphabet(word, expected):
    assert message(word) == expected
    assert [(offset, found) for offset, found, _ in mixed_words(f"о {word}.")] == [(2, word)]


def test_the_word_is_found_on_its_line_in_block_and_quoted_text():
    text = (
        "title: 'О работе MOУ СОШ'\n"
        "text: |\n"
        "  Первая строка без ошибок,\n"
        "  вторая: прoтокол и снова прoтокол.\n"
        "note: >-\n"
        "  слово\n"
        "  ВПP\n"
        'quoted: "в\\tРoссии"\n'
        "items:\n"
        "  - прoект\n"
    )
    assert [(line, col) for line, col, _ in nor208(text)] == [(1, 18), (4, 11), (4, 28), (7, 3), (8, 13), (10, 5)]


def test_keys_ids_and_comments_are_not_looked_at():
    text = (
        "# комментарий с ошибкой: прoтокол\n"
        "titlе: ключ с русской «е»\n"
        "id: mееting\n"
        "executors: [ivаnova, 2024-01-10-wg#3а]\n"
        "person: Ivаnova\n"  # not an id: ids are lower case
    )
    assert [message for _, _, message in nor208(text)] == [
        "в слове «Ivаnova» смешаны латинские и русские буквы (русские: а); возможно, «Ivanova»?"
    ]


@pytest.mark.parametrize("value", ["ivanova", "vpr-2024", "2024-01-10-wg", "2024-01-10-wg#3", "m.1#2.1а"])
def test_every_id_the_models_allow_looks_like_an_id(value):
    assert re.fullmatch(ID_PATTERN.strip("^$"), value) or re.fullmatch(ASSIGNMENT_ID_PATTERN.strip("^$"), value)
    assert looks_like_id(value)
    assert looks_like_id(value.replace("a", "а"))  # with a Cyrillic lookalike: NOR103's to report


def second_letters(text: str) -> list[int]:
    """Offsets of a letter that follows a letter of the other alphabet (Latin; U+0400-U+047F)."""
    kinds = [1 if ch.isascii() and ch.isalpha() else 2 if "\u0400" <= ch <= "\u047f" else 0 for ch in text]
    return [i for i in range(1, len(text)) if {kinds[i - 1], kinds[i]} == {1, 2}]


@given(st.text(alphabet="aZмЯ ё-1\n\r«Ѣ—😀", max_size=40))
def test_the_quick_look_at_the_bytes_finds_every_pair_where_it_is(text):
    found = adjacent_letters(text.encode("utf-8"))
    assert found == second_letters(text)
    assert {m.start() + 1 for m in re.finditer(ADJACENT, text)} <= set(found)


@pytest.mark.parametrize(("text", "expected"), [("aб", [1]), ("бa", [1]), ("a б", []), ("a«б", []), ("«aб", [2]),
                                                ("😀—Ѣa", [3]), ("ab", []), ("аб", []), ("", []), ("aбa", [1, 2])])  # fmt: skip
def test_the_quick_look_at_the_bytes(text, expected):
    assert adjacent_letters(text.encode("utf-8")) == expected


def test_only_values_on_the_lines_with_a_pair_are_looked_at(monkeypatch):
    import nor_docs.checks.characters as yamlsource

    looked_at = []
    monkeypatch.setattr(yamlsource, "SUSPECT", "")  # every value passes the per-value look
    monkeypatch.setattr(yamlsource, "mixed_words", lambda value: looked_at.append(value) or iter(()))
    nor208("a: Рoссия\nb: Россия и Russia\nc: |\n  строка\n  прoтокол\nd: [чисто, 12]\ne: текст  # Рoссия\n"
           "f: положение о BCOKO\ng: положение о ВСОКО\n")
    assert looked_at == ["Рoссия", "строка\nпрoтокол\n", "текст", "положение о BCOKO"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Положение о BCOKO", ["BCOKO"]),
        ("МБОУ «СОШ» и MOY «СОШ»", ["MOY"]),
        ("в XXI веке, глава XIV, XXX олимпиада", []),  # Roman numerals
        ("платформа TEAMS и ВКС", []),  # not every letter looks Cyrillic
        ("CO2 и OK", []),  # digits, two letters
        ("BCOKO only Latin here", []),  # no Russian around it
        ("сайт http://BCOKO.ru", []),
    ],
)
def test_a_russian_abbreviation_typed_in_latin_lookalikes(text, words):
    assert [w for _o, w, _m in mixed_words(text)] == words
