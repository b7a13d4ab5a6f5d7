"""The end of a protocol read from a signature table — the one nor-docs renders (signatures,
«Протокол вела», the «Верно» block in one borderless table) and the ones Word protocols use
(position | ____ | name, «/И.И. Иванов/», «М.П.») — and from lines, as before."""

from __future__ import annotations

from nor_docs.importer.blocks import Paragraph, Table
from nor_docs.importer.signatures import read_tail, signature_table, starts_signatures


def _who(node):
    return node["person"].written


def _tail(*blocks):
    blocks = list(blocks)
    return read_tail(blocks, 0), blocks


def test_the_block_nor_docs_renders_gives_signers_the_keeper_of_the_minutes_and_the_certification():
    table = Table((("Председатель", "Л.А. Борисова"), ("Протокол вела", ""), ("С.А. Фадеева", ""), ("Верно", ""),
                   ("Заместитель начальника управления образования", "С.А. Фадеева"), ("29.09.2021", "")))  # fmt: skip
    tail, blocks = _tail(table, Paragraph("Приложение 1\nк протоколу от 29.09.2021"))
    assert [(_who(s), s.get("position")) for s in tail.signers] == [("Л.А. Борисова", "Председатель")]
    assert _who(tail.chair) == "Л.А. Борисова"
    # «Протокол вела» on lines of its own under a signature in two columns: named there, not a signer
    assert (_who(tail.secretary), tail.secretary["label"]) == ("С.А. Фадеева", "Протокол вела")
    assert tail.certified == "Заместитель начальника управления образования С.А. Фадеева 29.09.2021"
    assert tail.end == 1  # the appendix follows


def test_a_keeper_of_the_minutes_in_two_columns_is_a_signer_too():
    table = Table((("Начальник управления образования", "Л.А. Борисова"), ("Протокол вела", "С.А. Фадеева")))
    tail, _ = _tail(table)
    assert [(_who(s), s.get("position")) for s in tail.signers] == [
        ("Л.А. Борисова", "Начальник управления образования"), ("С.А. Фадеева", "Протокол вела")]  # fmt: skip
    assert (_who(tail.secretary), tail.secretary["label"]) == ("С.А. Фадеева", "Протокол вела")


def test_a_word_signature_table_with_a_column_for_the_pen_and_a_name_in_slashes():
    table = Table((
        ("Председатель совещания,\nначальник управления образования", "________________", "Н.А. Петрова"),
        ("Секретарь", "(подпись)", "__________ /О.В. Смирнова/"),
        ("М.П.", "", ""),
    ))  # fmt: skip
    assert signature_table(table)
    tail, _ = _tail(table)
    assert [(_who(s), s.get("position")) for s in tail.signers] == [
        ("Н.А. Петрова", "Председатель совещания,\nначальник управления образования"), ("О.В. Смирнова", "Секретарь")]  # fmt: skip
    assert _who(tail.secretary) == "О.В. Смирнова"


def test_a_table_of_decisions_or_of_an_appendix_is_no_signature_table():
    decisions = Table((("1.", "Провести анализ результатов ВПР", "до 01.03.2024", "Иванова И.И."),))
    appendix = Table((("Методический кабинет", "Анализ текущего состояния муниципальной системы образования"),))
    assert not signature_table(decisions) and not signature_table(appendix)
    blocks = [Paragraph("Председатель                И.И. Иванов"), appendix]
    assert starts_signatures(blocks, 0)
    tail = read_tail(blocks, 0)
    assert [_who(s) for s in tail.signers] == ["И.И. Иванов"] and tail.end == 1
