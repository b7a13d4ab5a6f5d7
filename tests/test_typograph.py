"""The typograph (nor_docs/russian/typography.py): each rule, what it must leave alone, lines of real
public documents (tests/data/typography/public-lines.yaml) and of the seeds, and the invariants
(idempotent; letters and digits never change). In expected strings «~» is a non-breaking space
and «=» a non-breaking hyphen."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from nor_docs.russian.typography import typeset, typeset_view

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def shown(text: str) -> str:
    return text.replace("\u00a0", "~").replace("\u2011", "=")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # non-breaking spaces after «№», «с.», «г.» (a city), «им.», «ул.», «д.», «п.»
        ("МОУ «Средняя школа № 14»", "МОУ «Средняя школа №~14»"),
        ("№ 29", "№~29"),
        ("МОУ СОШ им. А.И. Панкова с. Головинщино", "МОУ СОШ им.~А.И.~Панкова с.~Головинщино"),
        ("МОУ СОШ с. Покровская Арчада", "МОУ СОШ с.~Покровская~Арчада"),  # a place of two words
        ("МОУ СОШ с. Кикино, МОУ СОШ с. Головинщино", "МОУ СОШ с.~Кикино, МОУ СОШ с.~Головинщино"),
        ("г. Кузнецка им. 354 дивизии", "г.~Кузнецка им.~354 дивизии"),
        ("г. Кузнецк, ул. Ленина, д. 5", "г.~Кузнецк, ул.~Ленина, д.~5"),
        ("согласно п. 3 и ст. 28", "согласно п.~3 и ст.~28"),
        # «г.» after a year: the space before it; the word after it stays free
        ("в срок до 31.01.2024 г.", "в срок до 31.01.2024~г."),
        ("В 2023 г. проведено", "В 2023~г. проведено"),
        ("в 2022-2023 гг. и в 2020-2021 учебном году", "в 2022=2023~гг. и в 2020=2021 учебном году"),
        ("от 18.04.2011 г № 699-Р", "от 18.04.2011~г №~699=Р"),
        # … and «г.» after a school's number is a city
        ("МБОУ СОШ №14 г. Кузнецка", "МБОУ СОШ №14 г.~Кузнецка"),
        ("Школа № 10 г. Кузнецка", "Школа №~10 г.~Кузнецка"),
        # a number and its unit
        ("15 чел. и 3 чел из 8", "15~чел. и 3~чел из 8"),
        ("Время проведения: 14 ч. 00 мин.", "Время проведения: 14~ч.~00~мин."),
        ("30 % и 5 класс", "30~% и 5~класс"),
        ("5 человек", "5 человек"),  # a word, not a unit
        ("школа № 36 с углубленным изучением", "школа №~36 с углубленным изучением"),
        # initials
        ("А.И. Панков и Панков А.И.", "А.И.~Панков и Панков~А.И."),
        ("Г. Н. Рябченко и Рябченко Г. Н.", "Г.~Н.~Рябченко и Рябченко~Г.~Н."),
        ("им. Е. Родионова", "им.~Е.~Родионова"),
        ("ГБОУ АО ДПО «Центр»", "ГБОУ АО ДПО «Центр»"),  # capitals, not initials
        ("по ВР. Она сказала", "по ВР. Она сказала"),
        # dashes
        ("Заместитель председателя комитета -\nначальник управления", "Заместитель председателя комитета~—\nначальник управления"),
        ("Кизима А.Б. - директор", "Кизима~А.Б.~— директор"),
        ("- обновление содержания;\n- новые технологии.", "– обновление содержания;\n– новые технологии."),
        ("ОГЭ 2022 – 6 чел.", "ОГЭ 2022~– 6~чел."),
        ("работ — контрольных срезов", "работ~— контрольных срезов"),
        # what stays: hyphens in words, a minus, a hyphen with a space on one side only
        ("ППМС-центр, школа-тьютор, Ростова-на-Дону", "ППМС-центр, школа-тьютор, Ростова-на-Дону"),
        ("от -5 до +5", "от -5 до +5"),
        ("инспекторско -аналитического отдела", "инспекторско -аналитического отдела"),
        ("аудио- и видеозаписи", "аудио- и видеозаписи"),
        # hyphens in numbers do not break
        ("письмо от 22.11.2021 № 02-21/683", "письмо от 22.11.2021 №~02=21/683"),
        # quotes
        ('Протокол "педагогического совета"', "Протокол «педагогического совета»"),
        ('МОУ "Школа "Лидер""', "МОУ «Школа „Лидер“»"),
        ('«МОУ "Средняя школа № 3"»', "«МОУ „Средняя школа №~3“»"),
        ('5" и ещё', '5" и ещё'),  # an odd quote: left as typed
        ('"раз" и "два', '"раз" и "два'),
        ("уже «ёлочки» и „лапки“", "уже «ёлочки» и „лапки“"),
        # nothing to do
        ("", ""),
        ("Принять к сведению", "Принять к сведению"),
        ("Рег №", "Рег №"),
        ("МБОУ СОШ №16", "МБОУ СОШ №16"),
    ],
)
def test_each_rule_and_what_it_leaves_alone(text, expected):
    assert shown(typeset(text)) == expected


def _public_lines():
    return yaml.safe_load((DATA / "typography" / "public-lines.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _public_lines(), ids=lambda c: c["text"][:40])
def test_lines_of_public_documents(case):
    assert shown(typeset(case["text"])) == case["expected"], case["source"]


def _seed_lines():
    if not SEEDS.is_dir():
        return []
    return [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_seeds_keep_their_letters_and_get_no_false_bindings():
    lines = _seed_lines()
    if not lines:
        pytest.skip("no seeds at ../shared/seeds")
    out = [typeset(line) for line in lines]
    for before, after in zip(lines, out):
        assert [c for c in before if c.isalnum()] == [c for c in after if c.isalnum()]
    text = shown("\n".join(out))
    # «г.» after a school's number names a city; after a year it closes the year
    assert "МБОУ СОШ №14 г.~Кузнецка" in text and "Школа №~10 г.~Кузнецка" in text
    assert "до 31.01.2024~г." in text and "~г.~" not in text.replace("г.~Кузнецка", "")
    assert "им.~А.И.~Панкова с.~Головинщино" in text and "МОУ СОШ с.~Покровская~Арчада" in text
    assert "Заместитель председателя комитета~—" in text
    assert "информационно~– методического" in text  # typed as a spaced en dash: bound, not changed
    assert "инспекторско -аналитического" in text  # validate's NOR212, not the typograph's
    assert "№~02=21/683" in text


_TEXT = st.text(alphabet=st.sampled_from(list('аб ЖИ.-–—"«»№ 12\n\t,г.с.им')), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_typeset_is_idempotent_and_keeps_letters_and_digits(text):
    once = typeset(text)
    assert typeset(once) == once
    assert [c for c in text if c.isalnum()] == [c for c in once if c.isalnum()]
    assert once.count("\n") == text.count("\n")


def test_the_view_walker_types_text_but_not_ids_or_properties():
    view = {"id": 'a-"b"', "title": 'МОУ "Школа № 3"', "rows": [{"text": "№ 5", "key": "№ 5"}],
            "core": {"title": "№ 5"}, "level": 2, "flag": True}  # fmt: skip
    done = typeset_view(view)
    assert done["title"] == "МОУ «Школа №\u00a03»" and done["rows"][0]["text"] == "№\u00a05"
    assert done["id"] == 'a-"b"' and done["rows"][0]["key"] == "№ 5" and done["core"] == {"title": "№ 5"}
    assert (done["level"], done["flag"]) == (2, True)
    assert typeset_view(view, enabled=False) is view


def test_typeset_view_keeps_repeated_short_strings_within_its_bound(monkeypatch):
    # The per-process cache of repeated strings (names, positions, labels) gives what typeset
    # gives, and never grows past its bound.
    from nor_docs.russian import typography

    monkeypatch.setattr(typography, "_repeated", {})
    monkeypatch.setattr(typography, "_REPEATED_MAX_ENTRIES", 3)
    texts = [f"Панков А.И. - директор школы № {n}" for n in range(10)]
    view = {"lines": texts + texts, "id": "a - b"}
    once = typography.typeset_view(view)
    assert once["lines"] == [typography.typeset(t) for t in texts + texts]
    assert once["lines"][0] == "Панков\u00a0А.И.\u00a0— директор школы №\u00a00"
    assert once["id"] == "a - b"
    assert len(typography._repeated) <= 3
    assert typography.typeset_view(view) == once
