"""Results files (``records/results/*.csv``) → ``ResultLine`` values, each problem a diagnostic.

The first line names the columns (any order, any subset of ``COLUMNS``); every other line is one
result::

    school;procedure;subject;grade;year;participants;low;percent;retakes;note
    kamenka-kikino;ОГЭ;русский;;2023;8;3;37,5;до;

``school`` is a directory id or a name the directory knows (``schools.py``); a line giving an
area's average has ``area`` instead (a municipality as the directory names it, or «регион»).
Numbers are whole, percentages may use a comma. ``low`` may be left out where ``marks_2`` gives it
(ВПР: a «2» is a low result); a line with no numbers at all is allowed only with ``stated_low: да``
(the source calls the result low and gives no numbers, as seed 000 does for «ВПР 2022 русский 5
класс»). A stated percentage that does not match the numbers is NOR201, as in meetings.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from ..diagnostics import Diagnostic
from .csvtable import Table, read_table
from .model import ResultLine
from .schools import SchoolIndex
from .subjects import procedure_key, subject_key

REQUIRED = ("procedure", "subject", "year")
COLUMNS = ("school", "area", "procedure", "subject", "grade", "year", "participants", "low", "percent",
           "retakes", "marks_2", "marks_3", "marks_4", "marks_5", "mean_score", "stated_low", "note")  # fmt: skip
_YES = {"да", "yes", "true", "1", "+"}
_NO = {"нет", "no", "false", "0", "-", ""}
_RETAKES = {"до": "до", "до пересдач": "до", "до пересдачи": "до", "основной": "до", "основной этап": "до",
            "после": "после", "после пересдач": "после", "после пересдачи": "после", "с пересдачами": "после",
            "итог": "после"}  # fmt: skip


def percent_mismatch(low: int, participants: int, stated: float) -> str | None:
    """The NOR201 message when ``stated`` is not ``low`` of ``participants`` (to a tenth, or whole)."""
    actual = low * 100 / participants
    if abs(actual - stated) >= 0.05 + 1e-9 and round(actual) != stated:
        return f"{pct(stated)} не соответствует {low} из {participants} (это {pct(round(actual, 1))}); проверьте числа"
    return None


def pct(value: float) -> str:
    return f"{value:g}%".replace(".", ",")


class _Row:
    """One row being read: its cells by column name, and the diagnostics it gives."""

    __slots__ = ("table", "line", "cells", "index", "found")

    def __init__(self, table: Table, line: int, cells: list[str], index: dict[str, int], found: list):
        self.table, self.line, self.cells, self.index, self.found = table, line, cells, index, found

    def text(self, name: str) -> str:
        i = self.index.get(name)
        return self.cells[i].strip() if i is not None and i < len(self.cells) else ""

    def report(self, name: str | None, code: str, message: str) -> None:
        i = self.index.get(name, 0) if name else 0
        self.found.append(Diagnostic(self.table.path, self.line, self.table.column(self.line, i), code, message))

    def integer(self, name: str, low: int, high: int) -> int | None:
        value = self.text(name).replace(" ", "").replace("\u00a0", "")
        if not value:
            return None
        if value.endswith(".0"):
            value = value[:-2]
        if not value.isdigit() or not low <= int(value) <= high:
            self.report(name, "NOR603", f"{name}: «{self.text(name)}» — ожидается целое число от {low} до {high}")
            return None
        return int(value)

    def number(self, name: str, high: float | None = None) -> float | None:
        value = self.text(name).replace(" ", "").replace("\u00a0", "").rstrip("%").replace(",", ".")
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if number < 0 or (high is not None and number > high) or number != number:
            limit = f" от 0 до {high:g}" if high is not None else " не меньше 0"
            self.report(name, "NOR603", f"{name}: «{self.text(name)}» — ожидается число{limit} (дробная часть — после запятой)")
            return None
        return number


def read_results(path: Path, shown: str, schools: SchoolIndex, region: str | None = None) -> tuple[list[ResultLine], list[Diagnostic]]:
    """Every line of one results file that could be read, and every problem of the file."""
    table, found = read_table(path, shown)
    if table is None:
        return [], found
    return parse_results(table, schools, region)


def parse_results(table: Table, schools: SchoolIndex, region: str | None = None) -> tuple[list[ResultLine], list[Diagnostic]]:
    found: list[Diagnostic] = []
    index: dict[str, int] = {}
    for i, name in enumerate(table.header):
        if name in COLUMNS and name not in index:
            index[name] = i
            continue
        where = table.header_column(i)
        if name in index:
            found.append(Diagnostic(table.path, table.header_line, where, "NOR601", f"столбец «{name}» повторяется; оставьте один"))
            continue
        hint = difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.6)
        tail = f"; возможно, «{hint[0]}»?" if hint else f"; допустимы: {', '.join(COLUMNS)}"
        found.append(Diagnostic(table.path, table.header_line, where, "NOR601", f"неизвестный столбец «{name}»{tail}"))
    missing = [name for name in REQUIRED if name not in index]
    if "school" not in index and "area" not in index:
        missing.insert(0, "school")
    if missing:
        found.append(Diagnostic(table.path, table.header_line, 1, "NOR602",
                                f"нет столбца {', '.join(f'«{m}»' for m in missing)}; первая строка файла — "
                                f"названия столбцов: {', '.join(COLUMNS[:8])}, …"))  # fmt: skip
        return [], found
    lines: list[ResultLine] = []
    fast = _FastReader(table, index, schools)  # (duplicates are found by ``duplicates`` over every file)
    for line, cells in table.rows:
        result = fast.line(line, cells)
        if result is None and not "".join(cells).strip():
            continue  # «;;;;»: separators only, not a row
        if result is None:  # anything unusual: read again slowly, saying what is wrong
            result = _line(_Row(table, line, cells, index, found), schools, region)
        if result is not None:
            lines.append(result)
    return lines, found


class _FastReader:
    """The common row — a known school, whole numbers that agree — read in a few microseconds;
    anything else returns None and is read by ``_line``, which reports what is wrong.

    The reader of a file is compiled for its columns (as ``collections.namedtuple`` compiles its
    class): the cells are unpacked into names once, and a column the file does not have costs
    nothing per row."""

    def __init__(self, table: Table, index: dict[str, int], schools: SchoolIndex):
        # (line number, cells) → the line, or None: the careful reader's
        self.line: Callable[[int, list[str]], ResultLine | None]
        known: dict[str, str | None] = {}

        def school_of(written: str) -> str | None:
            org = known.get(written, "")
            if org == "":
                org = known[written] = schools.find(written.strip()).org
            return org

        names = [""] * len(table.header)
        for name, i in index.items():
            names[i] = name
        cells = ", ".join(f"c_{name}" if name else "_" for name in names) + ("," if len(names) == 1 else "")
        simple = {"school", "procedure", "subject", "grade", "year", "participants", "low", "percent", "retakes", "note"}
        if set(index) - simple or not {"school", "procedure", "subject", "year", "participants", "low"} <= set(index):
            self.line = lambda line, cells: None  # area lines, marks…: the careful reader
            return
        get = lambda name, default='""': f"c_{name}" if name in index else default  # noqa: E731
        code = f"""
def line(number, cells):
    if len(cells) != {len(names)}:
        return None
    {cells} = cells
    if not c_school or not c_procedure or not c_subject or not c_participants or not c_low:
        return None
    org = known.get(c_school, "")
    if org == "":
        org = school_of(c_school)
    if org is None:
        return None
    try:
        year, n, k = int(c_year), int(c_participants), int(c_low)
        grade = int({get("grade")}) if {get("grade")} else None
        stated = float({get("percent")}.replace(",", ".")) if {get("percent")} else None
    except ValueError:
        return None
    if not (2000 <= year <= 2100 and 0 < n and 0 <= k <= n and (grade is None or 1 <= grade <= 11)):
        return None
    if stated is not None and (not 0 <= stated <= 100 or percent_mismatch(k, n, stated)):
        return None
    retakes = {get("retakes")}
    if retakes:
        retakes = RETAKES.get(retakes.strip().lower())
        if retakes is None:
            return None
    else:
        retakes = None
    return new(ResultLine, (org, None, c_procedure.strip(), c_subject.strip(), grade, year, n, k, stated, retakes,
                            None, None, False, {get("note")}.strip(), path, number))
"""
        scope = {"school_of": school_of, "known": known, "percent_mismatch": percent_mismatch, "RETAKES": _RETAKES,
                 "new": tuple.__new__, "ResultLine": ResultLine, "path": table.path}  # fmt: skip
        exec(compile(code, f"<results reader for {table.path}>", "exec"), scope)
        self.line = cast("Callable[[int, list[str]], ResultLine | None]", scope["line"])  # compiled just above


def _line(row: _Row, schools: SchoolIndex, region: str | None) -> ResultLine | None:
    errors_before = sum(d.is_error for d in row.found)
    school_cell, area_cell = row.text("school"), row.text("area")
    school = area = None
    if school_cell and area_cell:
        row.report("area", "NOR603", "в строке и school, и area: строка — либо результат школы, либо среднее по территории")
    elif school_cell:
        match = schools.find(school_cell)
        if match.org is None:
            row.report("school", "NOR604", match.problem or "")
        school = match.org
    elif area_cell:
        area, problem = schools.find_area(area_cell, region)
        if problem:
            row.report("area", "NOR604", problem)
    else:
        row.report("school", "NOR602", "не указана школа (school) или территория (area)")
    procedure, subject = row.text("procedure"), row.text("subject")
    for name, value in (("procedure", procedure), ("subject", subject)):
        if not value:
            row.report(name, "NOR602", f"не заполнено обязательное поле «{name}»")
    year = row.integer("year", 2000, 2100)
    if year is None and row.text("year") == "":
        row.report("year", "NOR602", "не заполнено обязательное поле «year»")
    grade = row.integer("grade", 1, 11)
    participants = row.integer("participants", 1, 1_000_000)
    low = row.integer("low", 0, 1_000_000)
    percent = row.number("percent", 100)
    marks = tuple(row.integer(f"marks_{m}", 0, 1_000_000) for m in (2, 3, 4, 5))
    mean_score = row.number("mean_score")
    stated = row.text("stated_low").lower()
    if stated not in _YES and stated not in _NO:
        row.report("stated_low", "NOR603", f"stated_low: «{row.text('stated_low')}» — пишите «да» или «нет»")
    stated_low = stated in _YES
    retakes_text = row.text("retakes").lower()
    retakes = _RETAKES.get(retakes_text)
    if retakes_text and retakes is None:
        row.report("retakes", "NOR603", f"retakes: «{row.text('retakes')}» — пишите «до» (до пересдач) или «после»")
    if low is None and marks[0] is not None:
        low = marks[0]  # ВПР: the «2» are the low results
    counted = [m for m in marks if m is not None]
    if participants is None and len(counted) == len(marks):
        participants = sum(counted)
    _check_numbers(row, participants, low, percent, marks, stated_low)
    if sum(d.is_error for d in row.found) > errors_before or year is None or not procedure or not subject:
        return None
    if school is None and area is None:
        return None
    return ResultLine(school, area, procedure, subject, grade, year, participants, low, percent, retakes,
                      marks if any(m is not None for m in marks) else None, mean_score, stated_low,
                      row.text("note"), row.table.path, row.line)  # fmt: skip


def _check_numbers(row: _Row, participants, low, percent, marks, stated_low: bool) -> None:
    if participants is None or low is None:
        if participants is None and low is None and stated_low:
            return
        what = "participants" if participants is None else "low"
        if participants is None and low is None:
            row.report("participants", "NOR605",
                       "нет чисел: укажите participants и low (или stated_low: да, если источник называет результат "
                       "низким, не приводя чисел)")  # fmt: skip
        else:
            row.report(what, "NOR605", f"не заполнено поле «{what}»: нужны и число участников, и число низких результатов")
        return
    if low > participants:
        row.report("low", "NOR605", f"low ({low}) больше числа участников ({participants}); проверьте столбцы")
        return
    if percent is not None:
        message = percent_mismatch(low, participants, percent)
        if message:
            row.report("percent", "NOR201", message)
    given = [m for m in marks if m is not None]
    if len(given) == 4 and sum(given) != participants:
        row.report("marks_2", "NOR607", f"отметки «2»–«5» в сумме {sum(given)}, а участников {participants}; проверьте числа")
    if marks[0] is not None and row.text("low") and marks[0] != low:
        row.report("low", "NOR607", f"low ({low}) не равно числу «2» ({marks[0]}); для ВПР низкий результат — это «2»")


def duplicates(lines: list[ResultLine]) -> list[Diagnostic]:
    """The same result twice (school or area, procedure, subject, grade, year, before/after retakes):
    the analysis would count it twice. Reported at the second, naming the first."""
    seen: dict[tuple, ResultLine] = {}
    found = []
    names: dict[tuple, tuple] = {}  # (procedure, subject) as written → as compared
    for line in lines:
        written = (line.procedure, line.subject)
        compared = names.get(written)
        if compared is None:
            compared = names[written] = (procedure_key(line.procedure), subject_key(line.subject))
        key = (line.school, line.area, compared, line.grade, line.year, line.retakes)
        first = seen.setdefault(key, line)
        if first is not line:
            found.append(Diagnostic(line.file, line.line, 1, "NOR606",
                                    f"этот результат уже записан ({first.where}); оставьте одну строку"))  # fmt: skip
    return found
