"""What a typograph put into a document — nor-docs' own (russian/typography.py) or Word's AutoFormat —
comes back as a clerk types it: no-break spaces as spaces, a no-break hyphen as «-», a dash or
bullet opening a line as the «- » of a list item; dashes between words and typographic quotes stay,
and whatever the import reads prints again as the document printed it."""

from __future__ import annotations

import docx
from docx.oxml import OxmlElement
from hypothesis import given, settings
from hypothesis import strategies as st

from nor_docs.importer.blocks import Paragraph, tidy_text
from nor_docs.importer.read_docx import read_docx
from nor_docs.russian.typography import typeset

NBSP, NB_HYPHEN = "\u00a0", "\u2011"


def test_no_break_spaces_and_hyphens_and_line_bullets_come_back_as_typed():
    # (an em dash opening a line stays: «— о ходе выполнения плана» continues a statement's lead)
    printed = (f"МОУ СОШ №{NBSP}3 с.{NBSP}Кикино, 2023{NB_HYPHEN}2024 учебный год, И.В.{NBSP}Кирюхина, 15{NBSP}чел."
               f"\n–{NBSP}первый пункт;\n— второй пункт;\n• третий пункт.\u202f")  # fmt: skip
    assert tidy_text(printed) == ("МОУ СОШ № 3 с. Кикино, 2023-2024 учебный год, И.В. Кирюхина, 15 чел.\n"
                                  "- первый пункт;\n— второй пункт;\n- третий пункт.")  # fmt: skip


def test_dashes_between_words_quotes_and_ellipses_stay_as_the_record_may_have_them():
    text = "заместитель председателя комитета — начальник управления; «Проект „Учимся вместе“», 2022 – 6 чел. и т.д.…"
    assert tidy_text(text) == text


def test_word_autoformat_characters_in_a_docx_are_read_as_typed(tmp_path):
    d = docx.Document()
    paragraph = d.add_paragraph()
    paragraph.add_run("Провести в 2023")
    run = paragraph.add_run()
    run._r.append(OxmlElement("w:noBreakHyphen"))  # Ctrl+Shift+- in Word
    paragraph.add_run(f"2024 учебном году семинар «Школа „Точка роста“» в МОУ СОШ №{NBSP}3 – И.В.{NBSP}Кирюхина")
    d.add_paragraph(f"–{NBSP}пункт, набранный с тире")
    d.save(tmp_path / "a.docx")
    assert read_docx(tmp_path / "a.docx") == [
        Paragraph("Провести в 2023-2024 учебном году семинар «Школа „Точка роста“» в МОУ СОШ № 3 – И.В. Кирюхина"),
        Paragraph("- пункт, набранный с тире"),
    ]


# Text as a clerk types it: words, numbers, «№», abbreviations, initials, hyphens, straight quotes.
_PIECES = st.sampled_from([
    "школа", "Кикино", "с.", "г.", "им.", "№", "3", "2024", "2023-2024", "г", "И.В.", "Иванова", "Иванова И.В.",
    "-", "—", "–", "\"", "«", "»", "чел.", "%", "ВПР-2024", "5-8", "классов", "(", ")", ",", ";", ".",
])  # fmt: skip
_DASHES = {"-", "—", "–"}
# (two dashes in a row are no text: the typograph itself sets them differently once spaced)
_LINE = st.lists(_PIECES, min_size=1, max_size=14).filter(
    lambda words: not any(a in _DASHES and b in _DASHES for a, b in zip(words, words[1:]))).map(" ".join)
_LINES = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_what_the_import_reads_prints_again_as_the_document_printed_it(typed):
    printed = typeset(typed)
    assert typeset(tidy_text(printed)) == printed
