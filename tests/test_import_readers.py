"""Reading protocols into blocks: Word's own numbering reconstructed, tables with merged cells,
tracked deletions skipped, text in any of the encodings offices save it in, Markdown, tab tables,
and sentences a secretary broke with Enter joined again."""

from __future__ import annotations

import docx
import pytest
from import_corpus import _list, _p

from nor_docs.importer.blocks import Paragraph, Table, merge_broken
from nor_docs.importer.read_docx import read_docx
from nor_docs.importer.read_text import text_blocks
from nor_docs.importer.reading import ReadError, read_document


def _texts(blocks):
    return [b.text if isinstance(b, Paragraph) else b.rows for b in blocks]


def test_word_numbering_is_written_into_the_text_with_its_levels(tmp_path):
    d = docx.Document()
    decisions = _list(d, ["%1.", "%1.%2."])
    bullets = _list(d, ["•"], "bullet")
    _p(d, "Информацию принять к сведению.", num=decisions)
    _p(d, "Руководителям ОО:", num=decisions)
    _p(d, "провести анализ;", num=decisions, level=1)
    _p(d, "представить отчёт.", num=decisions, level=1)
    _p(d, "низкая мотивация;", num=bullets)
    _p(d, "Обеспечить контроль.", num=decisions)
    _p(d, "После списка")
    d.save(tmp_path / "n.docx")
    assert _texts(read_docx(tmp_path / "n.docx")) == [
        "1. Информацию принять к сведению.", "2. Руководителям ОО:", "2.1. провести анализ;",
        "2.2. представить отчёт.", "- низкая мотивация;", "3. Обеспечить контроль.", "После списка",
    ]  # fmt: skip


def test_numbering_that_comes_from_the_paragraph_style_is_reconstructed(tmp_path):
    d = docx.Document()
    for text in ("Первый", "Второй"):
        d.add_paragraph(text, style="List Number")
    d.save(tmp_path / "s.docx")
    assert _texts(read_docx(tmp_path / "s.docx")) == ["1. Первый", "2. Второй"]


def test_a_vertically_merged_cell_repeats_its_value_and_tracked_deletions_are_left_out(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Срок", "Ответственные"
    table.cell(1, 0).text, table.cell(2, 0).text = "до 01.03.2024", "до 15.03.2024"
    table.cell(1, 1).merge(table.cell(2, 1)).text = "Руководители ОО"
    paragraph = d.add_paragraph("Оставлено ")
    deleted = paragraph._p.makeelement("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}del", {})
    run = paragraph.add_run("удалено")._r
    run.getparent().remove(run)
    deleted.append(run)
    paragraph._p.append(deleted)
    paragraph.add_run("и дописано")
    d.save(tmp_path / "t.docx")
    blocks = read_docx(tmp_path / "t.docx")
    assert blocks[0].rows == (("Срок", "Ответственные"), ("до 01.03.2024", "Руководители ОО"),
                              ("до 15.03.2024", "Руководители ОО"))  # fmt: skip
    assert blocks[1].text == "Оставлено и дописано"


def test_a_soft_line_break_stays_a_line_of_the_paragraph(tmp_path):
    d = docx.Document()
    d.add_paragraph().add_run("Директор ГБОУ АО ДПО").add_break()
    d.paragraphs[-1].add_run("«Центр мониторинга в образовании»")
    d.save(tmp_path / "b.docx")
    assert read_docx(tmp_path / "b.docx")[0].lines == ["Директор ГБОУ АО ДПО", "«Центр мониторинга в образовании»"]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "сохраните как .docx"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "не открывается как DOCX"),
    ("scan.pdf", b"%PDF-1.4", "формат .pdf не читается"),
    ("binary.txt", b"\x00\x01\x02" * 50 + b"\xff", "не похож на текст"),
])  # fmt: skip
def test_a_file_that_cannot_be_read_says_why_and_what_to_do(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(ReadError, match=message):
        read_document(tmp_path / name)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251"])
def test_text_in_the_encodings_offices_save_it_in(tmp_path, encoding):
    (tmp_path / "p.txt").write_bytes("ПРОТОКОЛ\nзаседания рабочей группы\n\nРешили:\n1. Принять к сведению.".encode(encoding))
    blocks, notes = read_document(tmp_path / "p.txt")
    assert _texts(blocks) == ["ПРОТОКОЛ\nзаседания рабочей группы", "Решили:", "1. Принять к сведению."]
    assert notes == (["прочитан в кодировке Windows-1251"] if encoding == "cp1251" else [])


def test_markdown_headings_emphasis_tables_and_escapes_are_read_as_text():
    blocks = text_blocks("# ПРОТОКОЛ № 5\n\n**Решили:**\n\n1\\. Принять к сведению.\n\n"
                         "| № | Содержание | Срок |\n|---|---|---|\n| 1 | Провести анализ | до 01.03.2024 |\n", markdown=True)  # fmt: skip
    assert _texts(blocks) == ["ПРОТОКОЛ № 5", "Решили:", "1. Принять к сведению.",
                              (("№", "Содержание", "Срок"), ("1", "Провести анализ", "до 01.03.2024"))]  # fmt: skip


def test_lines_with_tabs_are_a_table_and_a_web_list_in_a_cell_becomes_lines():
    blocks = text_blocks("№\tСодержание\tСрок\n....\t\t\n4.1.\tПринять\t29.09.2021\n"
                         "Кабинет\t<ul style=\"x\"> -Анализ состояния; -Разработка рекомендаций.\n")  # fmt: skip
    (table,) = blocks
    assert isinstance(table, Table)
    assert table.rows[:3] == (("№", "Содержание", "Срок"), ("....", "", ""), ("4.1.", "Принять", "29.09.2021"))
    assert table.rows[3][1] == "- Анализ состояния;\n- Разработка рекомендаций."


def test_a_sentence_broken_by_enter_is_joined_but_list_lines_and_places_are_not():
    joined = merge_broken(text_blocks(
        "Проведены муниципальные контрольные срезы по русскому языку, проведен анализ, даны рекомендации\n\n"
        "педагогам. Она отметила итоги.\n\nЧамина Н.Г. — начальник информационно-методического отдела\n\n"
        "руководители общеобразовательных организаций\n\nсовещания руководителей\n\nг. Петрозаводск"))  # fmt: skip
    assert _texts(joined) == [
        "Проведены муниципальные контрольные срезы по русскому языку, проведен анализ, даны рекомендации\n"
        "педагогам. Она отметила итоги.",
        "Чамина Н.Г. — начальник информационно-методического отдела",
        "руководители общеобразовательных организаций",
        "совещания руководителей",
        "г. Петрозаводск",
    ]
