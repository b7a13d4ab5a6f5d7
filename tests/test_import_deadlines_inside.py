"""Deadlines written inside a decision's sentence come back marked [[…]] in its text — as records
mark them (model/deadline.py, «deadlines marked inside a decision's text») — when the project's
deadline reader reads them; a deadline that ends the sentence after a comma stays the decision's
``deadline``. Wordings from real decisions: the collegium of 21.01.2014
(http://pohsvu.ru/post/open/1635) with its «программы- 1 ноября 2014 г.» and «–  1 июня»,
municipal protocols' «в срок до … представить», «итоги представить до …»."""

from __future__ import annotations

import pytest

from nor_docs.importer.decisions import DecisionList
from nor_docs.importer.yaml_writer import _wrap
from nor_docs.model.deadline import split_marked


def _decision(sentence: str):
    decisions = DecisionList()
    decisions.paragraph("1. " + sentence)
    (node,) = decisions.finish()
    return node


@pytest.mark.parametrize(("sentence", "text", "as_written"), [
    # in brackets after «срок», the label's dash typed without a space before it
    ("Рекомендовать Северо-Восточному управлению разработать Программу развития системы образования округа "
     "(установить срок готовности программы- 1 ноября 2014 г.).",
     "Рекомендовать Северо-Восточному управлению разработать Программу развития системы образования округа "
     "(установить срок готовности программы- [[1 ноября 2014 г.]]).", "1 ноября 2014 г."),
    # after «срок …» and a dash without brackets, at the end
    ("Рекомендовать методическому кабинету провести семинар для учителей математики, срок проведения – 15 марта "
     "2024 г.", "Рекомендовать методическому кабинету провести семинар для учителей математики, срок проведения – "
     "[[15 марта 2024 г.]]", "15 марта 2024 г."),
    # before the verb, after the executors: the deadline is not theirs
    ("Руководителям ОО в срок до 01.10.2024 представить в управление образования планы работы.",
     "[[в срок до 01.10.2024]] представить в управление образования планы работы.", "в срок до 01.10.2024"),
    # mid-sentence, with more of the sentence after it
    ("Классным руководителям довести результаты ВПР до родителей до 15.11.2023 и обсудить их на собраниях.",
     "довести результаты ВПР до родителей [[до 15.11.2023]] и обсудить их на собраниях.", "до 15.11.2023"),
    # at the end, but right after its verb: the clause's own, not the decision's ending
    ("Руководителям ОО обеспечить участие обучающихся в пробных экзаменах, итоги представить до 20 июня 2014 г.",
     "обеспечить участие обучающихся в пробных экзаменах, итоги представить [[до 20 июня 2014 г.]]",
     "до 20 июня 2014 г."),
    # two control points, the brackets' dash with two spaces after it
    ("Провести пробные работы в 9 классах (срок исполнения –  до 15.10.2024), итоги представить до 01.11.2024.",
     "Провести пробные работы в 9 классах (срок исполнения –  [[до 15.10.2024]]), итоги представить "
     "[[до 01.11.2024]].", "до 15.10.2024; до 01.11.2024"),
])  # fmt: skip
def test_a_deadline_inside_the_sentence_is_marked_where_it_stands(sentence, text, as_written):
    node = _decision(sentence)
    assert node["text"] == text
    assert "deadline" not in node and "deadline_comma" not in node
    clean, deadline = split_marked(text)  # what the record model reads from the draft
    assert deadline is not None and deadline.in_text and deadline.as_written == as_written
    assert clean.replace("[[", "") == clean


def test_a_period_right_after_the_verb_is_marked_as_a_guess_for_a_person_to_check():
    node = _decision("Рекомендовать ГБОУ ДПО ЦПК «Похвистневский РЦ» организовать в 2014 г. изучение общественного "
                     "мнения о качестве образования (срок готовности итогового заключения –  1 июня 2014 г.).")  # fmt: skip
    assert node["text"].endswith("организовать в [[2014 г.]] изучение общественного мнения о качестве образования "
                                 "(срок готовности итогового заключения –  [[1 июня 2014 г.]]).")  # fmt: skip
    assert split_marked(node["text"])[1].kind == "several"
    assert any("«2014 г.» после глагола прочитано как срок" in note for note in node.notes["text"])


@pytest.mark.parametrize(("sentence", "text", "deadline"), [
    ("Разработать антирисковую программу МОУ, в срок до 27.02.2023.", "Разработать антирисковую программу МОУ",
     "в срок до 27.02.2023"),
    ("Провести анализ результатов ВПР по каждому классу до 01.03.2024", "Провести анализ результатов ВПР по каждому классу",
     "до 01.03.2024"),
])  # fmt: skip
def test_a_deadline_that_ends_the_sentence_stays_the_decisions_deadline(sentence, text, deadline):
    node = _decision(sentence)
    assert (node["text"], node["deadline"]) == (text, deadline)


@pytest.mark.parametrize("sentence", [
    "Принять к сведению информацию о ходе подготовки к ГИА до 1 июня 2024 г. и её итогах.",
    "Довести результаты ВПР до родителей и до педагогов школы.",
    "Провести в школах, не справившихся с ВПР в 2023 году, повторные работы.",
    "Учесть при планировании работы на 2024-2025 учебный год результаты ВПР до 30 % участников.",
])  # fmt: skip
def test_words_that_only_look_like_a_deadline_are_left_as_text(sentence):
    node = _decision(sentence)
    assert "[[" not in node["text"] and "deadline" not in node


def test_a_schedule_without_dates_is_noted_not_guessed():
    node = _decision("Руководителям ОО обеспечить участие обучающихся в пробных экзаменах по графику ФЦТ.")
    assert "[[" not in node["text"] and "deadline" not in node
    assert any("«по графику ФЦТ» — срок без даты" in note and "[[по графику ФЦТ | ДД.ММ.ГГГГ]]" in note
               for note in node.notes["text"])  # fmt: skip


def test_a_long_text_is_never_wrapped_inside_a_mark():
    text = "итоги самодиагностики представить " * 2 + "[[до 20 декабря 2024 г.]], " + "а также " * 8
    for width in range(40, 100):
        assert all(line.count("[[") == line.count("]]") for line in _wrap(text, width))


def test_the_summary_counts_a_deadline_inside_the_text(tmp_path):
    from nor_docs.importer.importing import draft_file, load_directory

    protocol = tmp_path / "protokol.txt"
    protocol.write_text(
        "ПРОТОКОЛ\n21.01.2014 № 1\nзаседания коллегии управления образования\n\nРЕШИЛИ:\n"
        "1. Разработать Программу развития (установить срок готовности программы- 1 ноября 2014 г.).\n"
        "2. Представить отчёты об исполнении решения, до 15 декабря 2014 г.\n"
        "3. Принять информацию к сведению.\n",
        encoding="utf-8",
    )
    index, _problems = load_directory(tmp_path / "records")
    draft, problem, _notes = draft_file(protocol, index)
    assert problem is None
    assert "решения — 3 (с исполнителями — 0, со сроками — 2, из них в тексте решения — 1)" in draft.recognised
