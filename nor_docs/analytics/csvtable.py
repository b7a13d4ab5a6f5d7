"""Read one CSV file into rows that know where they stand (line, and column on demand).

Results are kept as CSV (``records/results/*.csv``): one line per result, as the offices'
spreadsheets have them, a diff shows the changed number on its line, and a region's hundreds of
thousands of lines read in a fraction of a second. This reader accepts what Excel and LibreOffice
save: UTF-8 with or without a BOM, «;» (the Russian Excel default), «,» or a tab as the separator
(whichever the header line uses), quoted cells with separators or line breaks inside. A file that
is not UTF-8, is empty, or holds control characters is reported (the codes of YAML records:
NOR001–NOR003, NOR010) and not read further.

The column of a cell is found only when a diagnostic needs it (``Table.column``): re-scanning
the raw line, quotes respected.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic
from ..source.yamlsource import os_problem

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DELIMITERS = (";", ",", "\t")


@dataclass
class Table:
    """The rows of one CSV file: the header, then (line number, cells) per row."""

    path: str  # as shown in diagnostics
    header: list[str]
    rows: list[tuple[int, list[str]]]
    delimiter: str
    lines: list[str] = field(repr=False, default_factory=list)  # the raw lines (for columns)
    header_line: int = 1

    def column(self, line: int, index: int) -> int:
        """The 1-based character column where cell ``index`` of the row starting at ``line`` begins."""
        if not 0 < line <= len(self.lines):
            return 1
        text = self.lines[line - 1]
        position, cell, quoted = 0, 0, False
        while position < len(text) and cell < index:
            char = text[position]
            if char == '"':
                quoted = not quoted
            elif char == self.delimiter and not quoted:
                cell += 1
            position += 1
        return position + 1

    def header_column(self, index: int) -> int:
        return self.column(self.header_line, index)


def read_table(path: Path, shown: str) -> tuple[Table | None, list[Diagnostic]]:
    """The table in ``path``, or None and the reasons it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Diagnostic(shown, 1, 1, "NOR001", f"файл не читается: {os_problem(error)}")]
    return parse_table(raw, shown)


def parse_table(raw: bytes, shown: str) -> tuple[Table | None, list[Diagnostic]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Diagnostic(shown, 1, 1, "NOR002", "файл в кодировке UTF-16 («Юникод»); сохраните его как "
                                                        "«CSV UTF-8 (разделитель — запятая)» или «Текст CSV» в UTF-8")]  # fmt: skip
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        guess = _cp1251_hint(raw)
        return None, [Diagnostic(shown, line, 1, "NOR002", "файл не в кодировке UTF-8" + guess
                                 + "; в Excel сохраните как «CSV UTF-8», в LibreOffice выберите кодировку UTF-8")]  # fmt: skip
    if not text.strip():
        return None, [Diagnostic(shown, 1, 1, "NOR003", "файл пуст: в первой строке — названия столбцов, ниже — строки данных")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        return None, [Diagnostic(shown, line, column, "NOR010",
                                 f"недопустимый управляющий символ U+{ord(bad.group()):04X}; удалите его")]  # fmt: skip
    lines = text.split("\n")
    delimiter = _delimiter(lines[0])
    rows: list[tuple[int, list[str]]] = []
    if '"' not in text:  # no quoting: a row is a line (a region's file reads three times faster)
        # (a line of separators only, «;;;;» as Excel leaves below a table, is dropped by the reader)
        rows = [(number, line.split(delimiter)) for number, line in enumerate(lines, 1) if line.strip()]
    else:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=False)
        start = 1
        try:
            for cells in reader:
                if "".join(cells).strip():  # a blank line, or only separators: not a row
                    rows.append((start, cells))
                start = reader.line_num + 1
        except csv.Error as error:  # a field larger than the limit, a NUL: reported, not raised
            return None, [Diagnostic(shown, start, 1, "NOR004", f"строка не читается как CSV ({error})")]
    if not rows:
        return None, [Diagnostic(shown, 1, 1, "NOR003", "файл пуст: в первой строке — названия столбцов, ниже — строки данных")]
    header_line, header = rows[0]
    return Table(shown, [cell.strip() for cell in header], rows[1:], delimiter, lines, header_line), []


def _delimiter(first_line: str) -> str:
    """The separator the header line uses most (outside quotes)."""
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _cp1251_hint(raw: bytes) -> str:
    try:
        sample = raw[:2000].decode("cp1251")
    except UnicodeDecodeError:
        return ""
    letters = sum("а" <= ch.lower() <= "я" for ch in sample)
    return " (похоже на Windows-1251)" if letters > 10 else ""
