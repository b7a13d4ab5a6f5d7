"""The protocol view: composed decision sentences, text paragraphs, attendance, settings."""

from __future__ import annotations

import shutil

import pytest
from conftest import DATA, SAMPLE_RECORDS

from nor_docs.model.settings import DocumentSettings, Settings
from nor_docs.pipeline import load_checked as load_and_validate
from nor_docs.render.protocol_text import compose_sentence, lower_first_word, paragraphs
from nor_docs.render.protocol_view import ExtractItemError, protocol_view

TEST_RECORDS = DATA / "protocols" / "records"


@pytest.mark.parametrize(
    ("prefix", "text", "deadline", "expected"),
    [
        (None, "Информацию принять к сведению.", None, "Информацию принять к сведению."),
        (None, "Принять информацию к сведению", None, "Принять информацию к сведению."),
        ("Членам рабочей группы", "провести анализ", "в срок до 31.01.2024 г.",
         "Членам рабочей группы провести анализ, в срок до 31.01.2024 г."),
        ("Руководителям ОО", "Разработать программу.", "до 27.02.2023", "Руководителям ОО разработать программу, до 27.02.2023."),
        (None, "Разместить в разделе «Работа ДК»", "постоянно", "Разместить в разделе «Работа ДК», постоянно."),
        (None, "Осуществлять в системе:", None, "Осуществлять в системе:"),
        (None, "систему аттестации учителей;", None, "систему аттестации учителей;"),
        ("Руководителям ОО", "МОУ «СОШ № 3»:", None, "Руководителям ОО МОУ «СОШ № 3»:"),
    ],
)
def test_decision_sentences_are_composed(prefix, text, deadline, expected):
    assert compose_sentence(prefix, text, deadline) == expected


def test_a_deadline_can_follow_without_a_comma_as_some_sources_write_it():
    assert compose_sentence(None, "Разместить в разделе «ДК».", "в срок до 31.01.2024 г.", comma=False) == \
        "Разместить в разделе «ДК» в срок до 31.01.2024 г."


def test_only_an_ordinary_capitalised_first_word_is_lowered():
    assert lower_first_word("Разработать план") == "разработать план"
    assert lower_first_word("МОУ «СОШ» разработать") == "МОУ «СОШ» разработать"
    assert lower_first_word("ВПР-2024 провести") == "ВПР-2024 провести"


def test_paragraphs_split_on_blank_lines_and_list_items_keep_line_breaks():
    text = "Первый абзац\nс переносом.\n\nВторой, а именно:\n- пункт один;\n- пункт два.\n\n\n"
    assert paragraphs(text) == ["Первый абзац\nс переносом.", "Второй, а именно:", "- пункт один;", "- пункт два."]
    assert paragraphs("") == [] and paragraphs("   \n") == []


@pytest.fixture(scope="module")
def records():
    return load_and_validate(TEST_RECORDS)[0]


def test_attendees_over_the_limit_become_an_appendix_and_the_limit_is_a_setting(records):
    meeting = records.meetings["2021-09-29-kuz-extract"]
    view, _ = protocol_view(meeting, records, records.settings)
    present = view["attendance"][0]
    assert present["summary"] == "19\u00a0чел. (список прилагается)" and present["lines"] == []
    assert view["appendices"][-1]["title"] == "Список присутствовавших"
    wide = Settings(documents=DocumentSettings(attendees_list_limit=25))
    view, _ = protocol_view(meeting, records, wide)
    assert view["attendance"][0]["summary"] == "" and len(view["attendance"][0]["lines"]) == 19
    assert all(a["title"] != "Список присутствовавших" for a in view["appendices"])


def test_a_group_without_a_dative_form_is_named_as_is_with_a_warning(tmp_path):
    root = tmp_path / "records"
    shutil.copytree(TEST_RECORDS, root)
    meeting = root / "meetings" / "2022-01-31-ast-vks.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("executors: [t-ushakovka]\n        text: обеспечить",
                                                                   "executors: [t-coordinators]\n        text: обеспечить"),
                       encoding="utf-8")  # fmt: skip
    records, _ = load_and_validate(root)
    view, notices = protocol_view(records.meetings["2022-01-31-ast-vks"], records, records.settings)
    assert [n.code for n in notices] == ["NOR302"]
    assert notices[0].loc == ("agenda", 1, "decisions", 2, "executors", 0)
    assert records.where("2022-01-31-ast-vks", notices[0].loc)[1] > 1
    decision = next(d for d in view["items"][1]["decisions"] if d["number"] == "2.3.")
    assert decision["text"].startswith("Муниципальные координаторы обеспечить")


def test_extract_items_and_unknown_items(records):
    meeting = records.meetings["2022-01-31-ast-vks"]
    view, _ = protocol_view(meeting, records, records.settings, items=["2.2"])
    assert [a["number"] for a in view["agenda"]] == ["2.2."] and view["extract"]
    assert view["certification"]["word"] == "Верно"
    with pytest.raises(ExtractItemError, match="нет пункта 5; есть: 1, 2, 2.1, 2.2"):
        protocol_view(meeting, records, records.settings, items=["5"])


def test_sample_view_has_every_agenda_item_and_decision():
    records, _ = load_and_validate(SAMPLE_RECORDS)
    for meeting in records.meetings.values():
        view, _ = protocol_view(meeting, records, records.settings)
        flat = [item for item in meeting.agenda]
        assert len(view["agenda"]) >= len(flat)
        decisions = sum(len(i["decisions"]) for i in view["items"]) + len(view["decisions"])
        assert decisions == len(list(meeting.all_decisions()))


@pytest.mark.parametrize(("text", "lead_end", "rest"), [
    # the dash written by hand, as the protocol reads: one continuation, not a list of one item
    ("— об основных положениях проекта.", " — об основных положениях проекта.", []),
    ("– об основных положениях проекта.\n\nОн отметил сроки.", " — об основных положениях проекта.", ["Он отметил сроки."]),
    # a real list stays a list
    ("- об основных положениях;\n- о сроках.", "образовании»", ["- об основных положениях;", "- о сроках."]),
    ("— об основных положениях;\n— о сроках.", "образовании»", ["— об основных положениях;", "— о сроках."]),
])  # fmt: skip
def test_a_heard_text_written_with_its_leading_dash_continues_the_lead(tmp_path, text, lead_end, rest):
    root = tmp_path / "records"
    shutil.copytree(TEST_RECORDS, root)
    meeting = root / "meetings" / "2022-01-31-ast-vks.yaml"
    source = meeting.read_text(encoding="utf-8")
    old = "        text: Об основных положениях адресной методической поддержки.\n"
    assert old in source
    block = "        text: |\n" + "".join(f"          {line}\n" if line else "\n" for line in text.split("\n"))
    meeting.write_text(source.replace(old, block), encoding="utf-8")
    records, diagnostics = load_and_validate(root)  # the folder's deliberately broken meeting aside
    assert not [d for d in diagnostics if d.is_error and d.file.endswith("ast-vks.yaml")], diagnostics
    view, _ = protocol_view(records.meetings["2022-01-31-ast-vks"], records, records.settings)
    heard = view["items"][1]["heard"][0]
    assert heard["lead"].startswith("Баркунова") and heard["lead"].endswith(lead_end), heard["lead"]
    assert heard["paragraphs"] == rest


def _heard_together(tmp_path, together: str):
    root = tmp_path / "records"
    shutil.copytree(TEST_RECORDS, root)
    meeting = root / "meetings" / "2022-01-31-ast-vks.yaml"
    source = meeting.read_text(encoding="utf-8")
    old = "        text: Об основных положениях адресной методической поддержки.\n"
    assert old in source
    new = f"        together: {together}\n        text: — об основных положениях адресной методической поддержки.\n"
    meeting.write_text(source.replace(old, new), encoding="utf-8")
    return load_and_validate(root)


def test_people_heard_together_are_named_one_after_another_in_the_headings_case(tmp_path):
    records, diagnostics = _heard_together(tmp_path, "[t-shmachkov, t-khramova]")
    assert not [d for d in diagnostics if d.is_error and d.file.endswith("ast-vks.yaml")], diagnostics
    view, _ = protocol_view(records.meetings["2022-01-31-ast-vks"], records, records.settings)
    heard = view["items"][1]["heard"][0]
    # accusative after «СЛУШАЛИ:»; no position, whose it would be is ambiguous
    assert heard["lead"].replace("\xa0", " ") == ("Баркунова Д.А., Шмачкова С.А., Храмову И.В. — об основных "
                                                  "положениях адресной методической поддержки."), heard["lead"]  # fmt: skip


def test_an_unknown_or_repeated_person_heard_together_is_reported_at_its_place(tmp_path):
    _, diagnostics = _heard_together(tmp_path, "[t-shmachkow, t-barkunov]")
    found = {d.code: d for d in diagnostics if d.file.endswith("ast-vks.yaml")}
    assert "«t-shmachkov»" in found["NOR104"].message, found
    assert (found["NOR104"].line, found["NOR104"].column) == (52, 20)
    assert (found["NOR116"].line, found["NOR116"].column) == (52, 33)
