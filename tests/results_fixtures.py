"""Spreadsheets as offices receive them, built with openpyxl for the import tests.

The headers are the spellings of public result exports: a municipal ВПР table («Наименование ОО»,
«Кол-во участников», «Получили отметку» merged over «2»…«5», «% «2»» merged down two rows, a row of
column numbers, a municipality as a section row, blank rows, a totals row «Итого по району»), and a
regional ОГЭ table in the layout of regional exam exports (an upper header row of subjects merged
over «Приняли участие» / «Не преодолели мин. порог» / «Средний балл», the municipality in a column
of its own). The schools are those of the sample directory (seed 000), one of them misspelt the way
the seed misspells it, and one school the directory does not know.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font


def vpr_municipal(path: Path) -> Path:
    """ВПР, русский язык, 5 класс, 2023: one municipality's table with every kind of messy row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "ВПР 5 кл"
    sheet["A1"] = "Результаты всероссийских проверочных работ в 2023 году"
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "Русский язык, 5 класс"
    sheet.merge_cells("A2:H2")
    for cell, text in (("A4", "№ п/п"), ("B4", "Наименование ОО"), ("C4", "Кол-во участников"),
                       ("D4", "Получили отметку"), ("H4", "% «2»")):  # fmt: skip
        sheet[cell] = text
    for cells in ("A4:A5", "B4:B5", "C4:C5", "D4:G4", "H4:H5"):
        sheet.merge_cells(cells)
    for column, mark in zip("DEFG", ("«2»", "«3»", "«4»", "«5»")):
        sheet[f"{column}5"] = mark
    sheet.append([1, 2, 3, 4, 5, 6, 7, 8])  # row 6: the numbers of the columns
    sheet.append(["Каменский район"])  # row 7: a section
    sheet.merge_cells("A7:H7")
    rows = [
        [1, "МОУ СОШ с. Кикино", 8, 3, 3, 2, 0, 37.5],  # 8
        [2, "МОУ СОШ им. А.И. Панкова с. Головинщино", 10, 7, 2, 1, 0, 70],  # 9
        [],  # 10: blank
        [3, "МОУ СОШ с. Покровская Арчада", 12, 4, 5, 3, 0, "30,8"],  # 11: the seed's wrong percentage
        [4, "МОУ СОШ с. Головинцино", 9, 1, 4, 3, 1, "11,1"],  # 12: the seed's misspelling
        [5, "МБОУ СОШ № 2 г. Каменки", 25, 2, 10, 9, 4, 8],  # 13: not in the directory
        [None, "Итого по району", 64, 17, 24, 18, 5, 26.6],  # 14: totals
        [6, "(sch583012) МОУ СОШ с. Кикино", "-", None, None, None, None, None],  # 15: no numbers
    ]
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=4, max_row=5):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    book.save(path)
    return path


def oge_regional(path: Path) -> Path:
    """ОГЭ 2023, before retakes: subjects as groups of columns, the municipality in a column."""
    book = Workbook()
    sheet = book.active
    sheet.title = "ОГЭ-2023"
    sheet["A1"] = "Результаты ОГЭ 2023 года по образовательным организациям (основной период, до пересдач)"
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append(["Муниципальное образование", "Образовательная организация", "Русский язык", None, None,
                  "Математика", None, None])  # fmt: skip
    sheet.append([None, None, "Приняли участие", "Не преодолели мин. порог", "Средний балл", "Приняли участие",
                  "Не преодолели мин. порог", "Средний балл"])  # fmt: skip
    for cells in ("A3:A4", "B3:B4", "C3:E3", "F3:H3"):
        sheet.merge_cells(cells)
    rows = [
        ["Каменский район", "МОУ СОШ с. Кикино", 8, 3, 3.4, 8, 3, 3.1],
        ["Каменский район", "МОУ СОШ с. Головинщино", 10, 1, 3.6, 10, 7, 2.6],
        ["Каменский район", "МОУ СОШ с. Покровская Арчада", 12, 2, 3.5, 12, 4, 3.0],
        ["Каменский район", "Итого", 30, 6, 3.5, 30, 14, 2.9],
        [None, None, None, None, None, None, None, None],
        ["Пензенская область", None, 11020, 210, 3.9, 11005, 640, 3.5],
    ]
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
