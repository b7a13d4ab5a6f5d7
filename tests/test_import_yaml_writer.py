"""The draft writer: the same draft gives the same bytes; every value reads back as itself
through the project's YAML reader (and PyYAML's YAML 1.1 one) — «: » inside text, a leading «-»,
«10:00», «да», numbers with dots; long text is a folded block, text with line breaks a literal
one; notes for a person are comments above what they concern."""

from __future__ import annotations

import string

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nor_docs.importer.draft import Node
from nor_docs.importer.yaml_writer import dump
from nor_docs.source.yamlsource import read_source

TRAPS = [
    "Разработать план: срок — до 01.03.2024", "- начало с дефиса", "10:00", "да", "no", "yes", "1.3.1", "4.1",
    "2024-01-01", "«кавычки» и \"прямые\"", "текст # не комментарий", "оканчивается двоеточием:", "[скобки]",
    "{фигурные}", "&якорь", "*звезда", "!тег", "%", "@", "`", "'одиночные'", "~", "null", "1e3", "0x1F",
    " пробел в начале", "пробел в конце ", "строка\nещё строка", "абзац\n\nабзац\n- пункт\n- пункт",
    "табуляция\tвнутри", "…", "Председатель — И.И. Иванов", "5 < 7 && 7 > 5", "{{ 7*7 }}",
]  # fmt: skip


def _read(tmp_path, text: str):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    source, problems = read_source(path, "x.yaml")
    assert [p for p in problems if p.is_error and p.code != "NOR102"] == [], text  # NOR102: the «…» to fill
    return source.data


def _appendix(text: str) -> Node:
    return Node("appendix", number=1, title=text, text=text, subtitle=text)


def test_values_that_trap_yaml_read_back_as_written(tmp_path):
    for trap in TRAPS:
        written = dump(_appendix(trap), ["# yaml-language-server: $schema=x.json"])
        data = _read(tmp_path, written)
        assert data == {"number": 1, "title": trap, "subtitle": trap, "text": trap}, written
        assert yaml.safe_load(written)["title"] == trap, written


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list(": -#\n«»\"'") + list(string.digits)),
               min_size=1, max_size=300))  # fmt: skip
def test_any_text_reads_back_as_itself(tmp_path_factory, text):
    tmp = tmp_path_factory.mktemp("w")
    written = dump(Node("appendix", number=1, title=text), [])
    path = tmp / "x.yaml"
    path.write_text(written, encoding="utf-8")
    source, problems = read_source(path, "x.yaml")
    if any(p.code == "NOR010" for p in problems):
        return  # a control character: a record may not hold one (the readers drop them before)
    assert source is not None and [p for p in problems if p.is_error and p.code != "NOR102"] == [], written
    assert source.data["title"] == text, written


def test_long_text_is_folded_within_a_hundred_columns_and_lines_are_literal(tmp_path):
    long = "Разработать распорядительный акт МОУ о мерах обеспечения объективности проведения процедур оценки качества образования"
    node = Node("decision", number="1.3.1", text=long, bullets=["строка\nвторая"])
    written = dump(node, [])
    assert written.splitlines()[:4] == ['number: "1.3.1"', "text: >-",
                                        "  Разработать распорядительный акт МОУ о мерах обеспечения объективности проведения процедур оценки",
                                        "  качества образования"]  # fmt: skip
    assert "  - |-\n    строка\n    вторая" in written
    assert max(len(line) for line in written.splitlines()) <= 100
    assert _read(tmp_path, written) == {"number": "1.3.1", "text": long, "bullets": ["строка\nвторая"]}


def test_notes_are_comments_above_the_field_and_the_list_item(tmp_path):
    item = Node("attendee", person="kamenka-kiryukhina", text="заместитель начальника")
    item.note(None, "проверьте: по должности это kamenka-kiryukhina")
    meeting = Node("meeting", kind="заседание", title="заседания", issuer="…", date="31.10.2023", attendees=[item])
    meeting.note("issuer", "проверьте: организация не названа")
    written = dump(meeting, ["# yaml-language-server: $schema=../../nor_docs/schemas/meeting.schema.json"])
    assert written == (
        "# yaml-language-server: $schema=../../nor_docs/schemas/meeting.schema.json\n"
        "kind: заседание\ntitle: заседания\n# проверьте: организация не названа\nissuer: …\ndate: 31.10.2023\n"
        "attendees:\n  # проверьте: по должности это kamenka-kiryukhina\n  - person: kamenka-kiryukhina\n"
        "    text: заместитель начальника\n"
    )
    assert _read(tmp_path, written)["attendees"] == [{"person": "kamenka-kiryukhina", "text": "заместитель начальника"}]


def test_fields_come_in_the_order_of_the_sample_records_whatever_order_they_were_set_in():
    node = Node("decision", deadline="до 01.03.2024", text="провести анализ", number=3, executors=["mun4-wg"])
    node.set("deadline_comma", False)
    node.set("addressed_to", "Членам рабочей группы")
    assert list(node) == ["number", "executors", "addressed_to", "text", "deadline", "deadline_comma"]
    assert dump(node, []) == dump(Node("decision", number=3, executors=["mun4-wg"], addressed_to="Членам рабочей группы",
                                       text="провести анализ", deadline="до 01.03.2024", deadline_comma=False), [])  # fmt: skip
