"""Read a spreadsheet (XLSX or CSV) into a grid of cell values, merged cells filled in.

XLSX is read with openpyxl; a merged range (a header «Получили отметку» over «2», «3», «4», «5»,
a «Наименование ОО» spanning two header rows) gives its value to every cell it covers, so that each
column knows its whole header. A large book is read in openpyxl's read-only mode, which does not
know merged ranges; the header rows are then filled from the left and from above. CSV exports are
read in UTF-8 or, failing that, Windows-1251 (what Russian Excel saves), with «;», «,» or a tab.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

READ_ONLY_FROM = 8 * 1024 * 1024  # bytes: larger books are read without merged-cell information


class SheetProblem(Exception):
    """The file cannot be read as a table; ``str()`` is the Russian reason, ``usage`` whether the
    command line asked for what is not there (a sheet)."""

    def __init__(self, message: str, usage: bool = False):
        super().__init__(message)
        self.usage = usage


@dataclass
class Grid:
    name: str  # sheet name («Лист1») or the CSV file name
    rows: Sequence[Sequence[object]]  # 0-based; read only; row i is spreadsheet row i + 1
    merged: bool  # merged ranges were known (and filled)
    sheets: list[str]

    def cell(self, row: int, column: int):
        values = self.rows[row]
        return values[column] if column < len(values) else None


def column_letter(index: int) -> str:
    """0 → «A», 26 → «AA» (openpyxl is imported only for XLSX)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_grid(path: Path, sheet: str | None = None) -> Grid:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return _csv(path)
    if suffix == ".xls":
        raise SheetProblem("формат .xls (Excel 97–2003) не читается; откройте файл в Excel или LibreOffice и "
                           "сохраните как .xlsx")  # fmt: skip
    raise SheetProblem(f"«{path.suffix}» — не таблица; нужен файл .xlsx или .csv")


def _xlsx(path: Path, sheet: str | None) -> Grid:
    import zipfile

    from openpyxl import load_workbook

    read_only = path.stat().st_size >= READ_ONLY_FROM
    try:
        book = load_workbook(path, read_only=read_only, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise SheetProblem(f"файл не читается как книга Excel ({type(error).__name__}); сохраните его заново как .xlsx") from None
    names = list(book.sheetnames)
    if sheet is not None and sheet not in names:
        raise SheetProblem(f"листа «{sheet}» в книге нет; листы: {', '.join(names)}", usage=True)
    worksheet = book[sheet] if sheet is not None else book[names[0]]
    rows = [list(values) for values in worksheet.iter_rows(values_only=True)]
    merged = not read_only
    if merged:
        for cell_range in worksheet.merged_cells.ranges:
            value = worksheet.cell(cell_range.min_row, cell_range.min_col).value
            for r in range(cell_range.min_row - 1, min(cell_range.max_row, len(rows))):
                row = rows[r]
                if len(row) < cell_range.max_col:
                    row.extend([None] * (cell_range.max_col - len(row)))
                for c in range(cell_range.min_col - 1, cell_range.max_col):
                    row[c] = value
    if read_only:
        book.close()
    return Grid(worksheet.title, rows, merged, names)


def _csv(path: Path) -> Grid:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes any byte but five
        raise SheetProblem("кодировка файла не распознана; сохраните его как «CSV UTF-8»")
    head = text.splitlines()[:30]  # title rows come first in exports: look at the header too
    delimiter = max((";", ",", "\t"), key=lambda d: sum(line.count(d) for line in head))
    if '"' not in text:  # no quoting: split the lines (three times faster on a region's export)
        rows = [line.split(delimiter) for line in text.splitlines()]
    else:
        rows = [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return Grid(path.name, rows, False, [path.name])
