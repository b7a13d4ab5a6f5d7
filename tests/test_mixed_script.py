"""NOR208: a word that mixes Latin and Cyrillic letters, where it stands, what it should be —
and the words that only look mixed (see also tests/bad/mixed-script-words)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nor_docs.mixedscript import ADJACENT, looks_like_id, may_mix, message, mixed_words
from nor_docs.model.common import ID_PATTERN
from nor_docs.model.marks import ASSIGNMENT_ID_PATTERN
from nor_docs.yamlsource import parse_source


def nor208(yaml_text: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of every NOR208 the reader reports for ``yaml_text``."""
    _, problems = parse_source(yaml_text.encode("utf-8"), "x.yaml")
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


@given(st.text(alphabet="aZмЯ ё-1\n«Ѣ", max_size=40))
def test_the_quick_look_at_the_bytes_misses_nothing_the_regex_finds(text):
    if re.search(ADJACENT, text):
        assert may_mix(text.encode("utf-8"))


@pytest.mark.parametrize(("text", "expected"), [("aб", True), ("бa", True), ("a б", False), ("a«б", False),
                                                ("Ѣa", True), ("ab", False), ("аб", False), ("", False)])  # fmt: skip
def test_the_quick_look_at_the_bytes(text, expected):
    assert may_mix(text.encode("utf-8")) is expected


@pytest.mark.parametrize(("directory", "text"), [("МОУ СОШ с. Кикино", "о МОУ СOШ с. Кикино"),
                                                 ("МОУ СOШ с. Кикино", "о МОУ СОШ с. Кикино")])  # fmt: skip
def test_a_name_written_with_lookalike_letters_is_not_also_a_misspelling(directory, text):
    from nor_docs.model.directory import Organization
    from nor_docs.spelling import SpellingChecker

    checker = SpellingChecker([Organization(id="kikino", name=directory, kind="школа")])
    assert list(checker.near_misses(text)) == []
    misspelt = directory.replace("Кикино", "Кикина")  # a misspelling is still one
    assert [(o, n) for o, n, _ in checker.near_misses(f"о {misspelt}")] == [(2, misspelt)]
