"""Import an office's results spreadsheet (XLSX or CSV export) into a results file, reporting
every row: used (which school, which result), or skipped and why — never a silent drop.

1. The header. The first row (of the first 40) with a cell naming the school column («Наименование
   ОО», …) starts it; the rows below belong to it while they carry no numbers (merged header rows).
   Each column's header is its cells top to bottom; a column is a field when its whole header, or
   its lower part, is one of the field's spellings (``HEADERS``, plus ``analytics.columns`` of the
   settings), compared without case, quotes and punctuation. A «%» column under a count («Получили
   «2»» / «%») is that count's percentage. A known subject in an upper header row («Русский язык»
   over «Участники», «Не преодолели порог») makes a group: one result per subject per row.
2. What the table is about: procedure, subject, grade and year come from columns if there are
   such, else from the command line (``Given``), else from the rows above the header and the sheet
   name («Результаты ОГЭ по математике, 2023 год»); what stays unknown stops the import (NOR621).
3. The rows. Blank rows, rows of column numbers (1, 2, 3…), repeated headers and section rows
   (a municipality's name alone, which also says whose schools follow) are skipped; totals rows
   («Итого по району», «Пензенская обл.») become the area's average where the area is known;
   every other row is a school, found in the directory (``schools.py``) or reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..diagnostics import Diagnostic
from ..outputs.textsafety import printable
from .evidence import evidence_text, percent
from .model import REGION, ResultLine
from .results import percent_mismatch
from .schools import SchoolIndex, name_key
from .sheet import Grid, SheetProblem, column_letter, read_grid
from .subjects import KNOWN_PROCEDURES, known_subject, subjects_in

HEADERS: dict[str, tuple[str, ...]] = {
    "school": ("Наименование ОО", "ОО", "Наименование образовательной организации", "Образовательная организация",
               "Наименование образовательного учреждения", "Образовательное учреждение", "Наименование учреждения",
               "Школа", "Название ОО", "Краткое наименование ОО", "Полное наименование ОО", "Наименование ОУ", "ОУ",
               "Группы участников"),
    "municipality": ("Муниципалитет", "МО", "Муниципальное образование", "АТЕ", "Район", "Муниципальный район",
                     "Наименование МО", "Территория", "Муниципальный район (городской округ)"),
    "procedure": ("Процедура", "Оценочная процедура", "Вид оценочной процедуры", "Форма"),
    "subject": ("Предмет", "Учебный предмет"),
    "grade": ("Класс", "Параллель"),
    "year": ("Год", "Год проведения"),
    "participants": ("Количество участников", "Кол-во участников", "Число участников", "Участников", "Участники",
                     "Кол-во уч.", "Приняли участие", "Писали работу", "Выполняли работу", "Всего участников",
                     "Сдавали", "Количество обучающихся, выполнявших работу", "Кол-во писавших"),
    "low": ("Получили «2»", "Получили 2", "Количество «2»", "Число «2»", "Не преодолели минимальный порог",
            "Не преодолели мин. порог", "Ниже минимального порога", "Не сдали", "Не справились",
            "Получили неудовлетворительные отметки", "Количество не преодолевших минимальный порог",
            "Не преодолели порог"),
    "percent": ("% «2»", "Доля «2»", "Доля «2», %", "% не преодолевших минимальный порог", "% не преодолевших",
                "Доля не преодолевших минимальный порог", "% неудовлетворительных", "Доля «2» (%)",
                "% не справившихся"),
    "marks_2": ("«2»", "Отметка «2»", "Получили отметку «2»"),
    "marks_3": ("«3»", "Отметка «3»", "Получили отметку «3»"),
    "marks_4": ("«4»", "Отметка «4»", "Получили отметку «4»"),
    "marks_5": ("«5»", "Отметка «5»", "Получили отметку «5»"),
    "mean_score": ("Средний балл", "Ср. балл", "Средний тестовый балл", "Средний первичный балл"),
}  # fmt: skip
COUNTS = ("participants", "low", "marks_2", "marks_3", "marks_4", "marks_5")
_PERCENT_WORDS = {"%", "доля", "доля %", "в %", "%%", "процент"}
_TOTALS = ("итого", "всего", "итог", "в целом", "среднее", "по району", "по региону", "по области", "по краю",
           "по республике", "по муниципалитету", "по городу", "по округу", "вся выборка", "россия", "рф")  # fmt: skip
_REGION_WORDS = ("област", "обл.", "обл ", "край", "республик", "по региону", "регион")


def header_key(text: str) -> str:
    """How header cells are compared: «Кол-во уч.» ≡ «количество уч»."""
    text = str(text).lower().replace("ё", "е").replace("\u00a0", " ").replace("\n", " ")
    text = re.sub(r"кол-?во|к-во", "количество", text)
    text = re.sub(r"[«»\"“”„'`.,:;()\[\]]", " ", text)
    return " ".join(text.split())


class ImportFailed(Exception):
    """The table cannot be used at all; ``usage`` when the command line is to blame (a sheet the
    book lacks, or what the table does not say and no option said: NOR621)."""

    def __init__(self, diagnostics: list[Diagnostic], usage: bool = False):
        super().__init__("; ".join(d.message for d in diagnostics))
        self.diagnostics = diagnostics
        self.usage = usage or any(d.code == "NOR621" for d in diagnostics)


@dataclass
class Given:
    """What the command line says the table is about (used where the table does not say)."""

    procedure: str | None = None
    subject: str | None = None
    grade: int | None = None
    year: int | None = None
    retakes: str | None = None


@dataclass
class RowReport:
    row: int  # spreadsheet row, 1-based
    used: bool
    said: str = ""
    line: ResultLine | None = None  # a row read by the fast path: its text is made when the report is
    name: str = ""

    @property
    def text(self) -> str:
        if self.line is not None:
            return f"{self.name} → {self.line.school}: {evidence_text(self.line)}"
        return self.said


@dataclass
class Outcome:
    shown: str
    sheet: str
    lines: list[ResultLine] = field(default_factory=list)
    rows: list[RowReport] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    header: str = ""
    about: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    # rows read by the fast path: their lines and the school names as written (no RowReport each)
    fast_lines: list[ResultLine] = field(default_factory=list)
    fast_names: list[str] = field(default_factory=list)

    def finish(self) -> None:
        """Merge the fast path's lines into ``lines`` in row order."""
        if self.fast_lines:
            self.lines = sorted(self.lines + self.fast_lines, key=lambda line: line.line) if self.lines else self.fast_lines

    @property
    def all_rows(self) -> list[RowReport]:
        fast = [RowReport(line.line, True, "", line, name) for line, name in zip(self.fast_lines, self.fast_names)]
        return sorted(self.rows + fast, key=lambda row: row.row) if self.rows else fast

    def report(self, skipped_only: bool = False) -> str:
        out = [f"Таблица: {self.shown}, лист «{self.sheet}»", f"Шапка: {self.header}"]
        out += [f"Столбцы: {'; '.join(self.columns)}"]
        out += [f"Определено: {'; '.join(self.about)}"] if self.about else []
        rows = [row for row in self.rows if not row.used] if skipped_only else self.all_rows
        for row in rows:
            out.append(f"строка {row.row}: {row.text}")
        used = sum(r.used for r in self.rows) + len(self.fast_lines)
        total = len(self.rows) + len(self.fast_lines)
        schools = sum(1 for line in self.lines if line.school)
        averages = len(self.lines) - schools
        out.append(f"Итог: строк данных {total}, использовано {used} (результатов школ — {schools}, средних по "
                   f"территории — {averages}), пропущено {total - used}.")  # fmt: skip
        warnings = [d for d in self.diagnostics if not d.is_error]
        if warnings:
            out.append(f"Предупреждений: {len(warnings)} (см. строки выше).")
        return "\n".join(out)


@dataclass
class _Column:
    index: int
    path: list[str]  # header cells top to bottom (repeats dropped)
    subject: str | None = None  # a known subject in the header path (wide layout)
    field: str | None = None

    @property
    def title(self) -> str:
        return " / ".join(self.path)


def import_table(path: Path, records, given: Given, sheet: str | None = None, shown: str | None = None) -> Outcome:
    """Read ``path`` against the directory of ``records``; raises ``ImportFailed`` when the table
    cannot be used at all (no header, no school column, unknown year…)."""
    from ..model.records import gc_paused

    with gc_paused():  # a region's export is hundreds of thousands of small lists and no cycles
        return _import(path, records, given, sheet, shown or str(path))


def _import(path: Path, records, given: Given, sheet: str | None, shown: str) -> Outcome:
    try:
        grid = read_grid(path, sheet)
    except SheetProblem as problem:
        raise ImportFailed([Diagnostic(shown, 1, 1, "NOR620", str(problem))], usage=problem.usage) from None
    except OSError as error:
        from ..source.yamlsource import os_problem

        raise ImportFailed([Diagnostic(shown, 1, 1, "NOR001", f"файл не читается: {os_problem(error)}")]) from None
    return _Importer(grid, records, given, shown).run()


class _Importer:
    def __init__(self, grid: Grid, records, given: Given, shown: str):
        self.grid, self.records, self.given, self.shown = grid, records, given, shown
        settings = records.settings.analytics
        self.region = settings.region
        self.spellings = {f: {header_key(s) for s in HEADERS.get(f, ()) + tuple(settings.columns.get(f, ()))}
                          for f in HEADERS}  # fmt: skip
        self.totals = _TOTALS + tuple(w.lower() for w in settings.totals_words)
        self.schools = SchoolIndex(records.organizations)
        self.outcome = Outcome(shown, grid.name)

    def problem(self, row: int, column: int | None, code: str, message: str) -> Diagnostic:
        diagnostic = Diagnostic(self.shown, row + 1, (column or 0) + 1, code, message)
        self.outcome.diagnostics.append(diagnostic)
        return diagnostic

    # --- 1. the header ------------------------------------------------------------------------

    def run(self) -> Outcome:
        rows = self.grid.rows
        start = self._header_start()
        end = self._header_end(start)
        columns = self._columns(start, end)
        self.outcome.header = f"строки {start + 1}–{end}" if end - start > 1 else f"строка {start + 1}"
        self._map(columns, start)
        about = self._about(start, columns)
        school = next(c for c in columns if c.field == "school")
        municipality_column = next((c for c in columns if c.field == "municipality" and c.subject is None), None)
        groups = self._groups(columns)
        self.outcome.columns = [f"{f} — {column_letter(c.index)} «{c.title}»" for c in columns if c.field
                                for f in [c.field if c.subject is None else f"{c.subject}: {c.field}"]]  # fmt: skip
        municipality = None
        header_text = name_key(str(rows[start][school.index] or ""))
        fast = self._fast_reader(school, municipality_column, groups, about)
        for r in range(end, len(rows)):
            values = rows[r]
            if fast is not None and fast(r, values, municipality):
                continue
            municipality = self._row(r, values, school, municipality_column, groups, about, municipality, header_text)
        self.outcome.finish()
        return self.outcome

    def _fast_reader(self, school: _Column, municipality_column: _Column | None, groups, about: dict):
        """The common row of a long table — a known school, whole numbers — read without the checks
        ``_row`` makes (a region's export has hundreds of thousands); None for other layouts. The
        function returns False for any row it is not sure of, which ``_row`` then reads."""
        if len(groups) != 1 or groups[0][0] is not None:
            return None
        fields = groups[0][1]
        if "participants" not in fields or "low" not in fields or set(fields) - {"participants", "low", "percent"}:
            return None
        columns = about["columns"]
        i_school, i_n, i_low = school.index, fields["participants"], fields["low"]
        i_pct = fields.get("percent")
        i_mun = municipality_column.index if municipality_column is not None else None
        def pick(name):
            index = columns.get(name)
            return (index, None) if index is not None else (None, about.get(name))

        (i_proc, c_proc), (i_subj, c_subj), (i_grade, c_grade), (i_year, c_year) = (
            pick("procedure"), pick("subject"), pick("grade"), pick("year"))  # fmt: skip
        numbers: dict = {}  # «5», 5.0, «2023» → int, once per distinct value
        known: dict[tuple, str | None] = {}
        new, lines, names, shown, retakes = tuple.__new__, self.outcome.fast_lines, self.outcome.fast_names, self.shown, about["retakes"]

        def fast(r: int, values: list, municipality: str | None) -> bool:
            try:
                name = values[i_school]
                where = values[i_mun] if i_mun is not None else municipality
                n, k = int(values[i_n]), int(values[i_low])
                stated = values[i_pct] if i_pct is not None else None
            except (IndexError, TypeError, ValueError):
                return False
            if not isinstance(name, str) or not name or not 0 < n or not 0 <= k <= n:
                return False
            org = known.get((name, where), "")
            if org == "":
                org = known[(name, where)] = self._fast_school(name, where)
            if org is None:
                return False
            p = None
            if stated not in (None, ""):
                try:
                    p = round(float(str(stated).replace(",", ".").rstrip("%")), 1)
                except ValueError:
                    return False
                if percent_mismatch(k, n, p):
                    return False
            try:
                procedure = values[i_proc] if i_proc is not None else c_proc
                subject = values[i_subj] if i_subj is not None else c_subj
                grade = values[i_grade] if i_grade is not None else c_grade
                year = values[i_year] if i_year is not None else c_year
            except IndexError:
                return False
            if not procedure or not subject:
                return False
            for value in (grade, year):
                if value not in numbers:
                    try:
                        numbers[value] = int(float(value)) if value not in (None, "") else None
                    except (TypeError, ValueError):
                        numbers[value] = False
            grade, year = numbers[grade], numbers[year]
            if grade is False or not year:
                return False
            line = new(ResultLine, (org, None, str(procedure), str(subject), grade, year, n, k, p, retakes,
                                    None, None, False, "", shown, r + 1))  # fmt: skip
            lines.append(line)
            names.append(name)  # its row in the report is made from the line when the report is printed
            return True

        return fast

    def _fast_school(self, name: str, where: str | None) -> str | None:
        """The school a row names — only when it is plainly a school (no totals or area row)."""
        if self._area(name, where) is not None:
            return None
        return self.schools.find(name).org

    def _header_start(self) -> int:
        school_spellings = self.spellings["school"]
        for r, values in enumerate(self.grid.rows[:40]):
            for value in values:
                if isinstance(value, str) and header_key(value) in school_spellings:
                    return r
        self.problem(0, None, "NOR620", "не найдена шапка таблицы: ни в одной из первых 40 строк нет столбца с "
                     "названием школы (например, «Наименование ОО»); если он называется иначе, добавьте заголовок в "
                     "settings.yaml: analytics.columns.school")  # fmt: skip
        raise ImportFailed(self.outcome.diagnostics)

    def _header_end(self, start: int) -> int:
        """The first row after the header: header rows carry no numbers (a row of 1, 2, 3… ends it too)."""
        end = start + 1
        while end < len(self.grid.rows) and end - start < 4:
            values = self.grid.rows[end]
            if any(_number(v) is not None for v in values) or not any(_text(v) for v in values):
                break
            end += 1
        return end

    def _columns(self, start: int, end: int) -> list[_Column]:
        width = max(len(self.grid.rows[r]) for r in range(start, end))
        columns = []
        filled = [list(self.grid.rows[r]) + [None] * (width - len(self.grid.rows[r])) for r in range(start, end)]
        if not self.grid.merged:  # read-only book or CSV: merges unknown — fill upper rows from the left
            for row in filled[:-1]:
                for c in range(1, width):
                    if not _text(row[c]) and _text(row[c - 1]) and _text(filled[-1][c]):
                        row[c] = row[c - 1]  # a sub-header without its group: the group spans from the left
        for c in range(width):
            path: list[str] = []
            for row in filled:
                text = _text(row[c])
                if text and (not path or path[-1] != text):
                    path.append(text)
            columns.append(_Column(c, path))
        return columns

    def _map(self, columns: list[_Column], start: int) -> None:
        for column in columns:
            path = column.path
            for i, cell in enumerate(path):
                subject = known_subject(cell)
                if subject is not None and i < len(path) - 1:
                    column.subject = subject
                    path = path[:i] + path[i + 1 :]
                    break
            column.field = self._field(path)
        seen: dict[tuple, _Column] = {}
        for column in columns:
            if column.field is None:
                continue
            key = (column.subject, column.field)
            if key in seen:
                other = seen[key]
                self.problem(start, column.index, "NOR620",
                             f"для поля {column.field} подходят два столбца: {column_letter(other.index)} «{other.title}» и "
                             f"{column_letter(column.index)} «{column.title}»; переименуйте лишний или уточните "
                             f"analytics.columns.{column.field} в settings.yaml")  # fmt: skip
                raise ImportFailed(self.outcome.diagnostics)
            seen[key] = column
        fields = {c.field for c in columns if c.field}
        if "participants" not in fields and not {"marks_2", "marks_3", "marks_4", "marks_5"} <= fields:
            heads = ", ".join(f"{column_letter(c.index)} «{c.title}»" for c in columns if c.path)
            self.problem(start, None, "NOR620", f"не найден столбец числа участников (например, «Кол-во участников»); "
                         f"в шапке: {heads}; добавьте заголовок в settings.yaml: analytics.columns.participants")  # fmt: skip
            raise ImportFailed(self.outcome.diagnostics)
        if not fields & {"low", "marks_2", "percent"}:
            self.problem(start, None, "NOR620", "не найден столбец низких результатов (например, «Получили «2»», «Не "
                         "преодолели минимальный порог» или «% «2»»); добавьте заголовок в settings.yaml: "
                         "analytics.columns.low")  # fmt: skip
            raise ImportFailed(self.outcome.diagnostics)

    def _field(self, path: list[str]) -> str | None:
        keys = [header_key(cell) for cell in path]
        for k in range(len(keys)):  # the whole header first, then its lower parts
            joined = " ".join(keys[k:])
            for name, spellings in self.spellings.items():
                if joined in spellings:
                    return name
        if len(keys) >= 2 and keys[-1] in _PERCENT_WORDS:  # «Получили «2»» / «%»
            count = self._field(path[:-1])
            if count in ("low", "marks_2"):
                return "percent"
        return None

    def _groups(self, columns: list[_Column]) -> list[tuple[str | None, dict[str, int]]]:
        """(subject or None, field → column) per result a row gives: one group, or one per subject."""
        by_subject: dict[str | None, dict[str, int]] = {}
        for column in columns:
            if column.field in COUNTS + ("percent", "mean_score"):
                by_subject.setdefault(column.subject, {})[column.field] = column.index
        subjects = [s for s in by_subject if s is not None]
        if subjects:
            return [(s, by_subject[s]) for s in subjects]
        return [(None, by_subject.get(None, {}))]

    # --- 2. what the table is about -----------------------------------------------------------

    def _about(self, start: int, columns: list[_Column]) -> dict:
        fields = {c.field: c.index for c in columns if c.field and c.subject is None}
        title_rows = [(r, " ".join(dict.fromkeys(_text(v) for v in self.grid.rows[r] if _text(v)))) for r in range(start)]
        title_rows = [(r, t) for r, t in title_rows if t] + [(-1, self.grid.name)]
        about: dict = {"columns": fields}
        wide = any(c.subject for c in columns)
        for name, value, column_name in (("procedure", self.given.procedure, "procedure"),
                                         ("subject", self.given.subject, "subject"),
                                         ("grade", self.given.grade, "grade"), ("year", self.given.year, "year")):  # fmt: skip
            if column_name in fields:
                self.outcome.about.append(f"{_WHAT[name]} — из столбца {column_letter(fields[column_name])}")
                continue
            if value is not None:
                about[name] = value
                self.outcome.about.append(f"{_WHAT[name]} {value} — из командной строки")
                continue
            if name == "subject" and wide:
                continue
            found = None
            for r, text in title_rows:
                found = _DETECT[name](text)
                if found is not None:
                    where = f"строка {r + 1}" if r >= 0 else "название листа"
                    about[name] = found
                    self.outcome.about.append(f"{_WHAT[name]} {found} — из заголовка ({where}: «{text[:80]}»)")
                    break
            if found is None and name != "grade":
                self.problem(start, None, "NOR621", f"не определено: {_WHAT[name]} — в таблице нет такого столбца, в "
                             f"заголовке не сказано; укажите --{name}")  # fmt: skip
        if any(d.code == "NOR621" for d in self.outcome.diagnostics):
            raise ImportFailed(self.outcome.diagnostics)
        about["retakes"] = self.given.retakes
        if about["retakes"] is None:
            for r, text in title_rows:
                found = _retakes(text)
                if found is not None:
                    about["retakes"] = found
                    where = f"строка {r + 1}" if r >= 0 else "название листа"
                    self.outcome.about.append(f"{found} пересдач — из заголовка ({where})")
                    break
        return about

    # --- 3. the rows --------------------------------------------------------------------------

    def _row(self, r: int, values: Sequence[object], school: _Column, municipality_column: _Column | None, groups, about: dict,
             municipality: str | None, header_text: str) -> str | None:  # fmt: skip
        texts = [_text(v) for v in values]
        filled = [t for t in texts if t]
        report = self.outcome.rows
        if not filled:
            report.append(RowReport(r + 1, False, said="пропущена — пустая строка"))
            return municipality
        numbers = [_number(v) for v in values if _text(v)]
        whole = [n for n in numbers if n is not None and float(n).is_integer()]
        if len(whole) == len(numbers) and len(numbers) >= 3 and \
                [int(n) for n in whole] == list(range(int(whole[0]), int(whole[0]) + len(whole))):  # fmt: skip
            report.append(RowReport(r + 1, False, said="пропущена — строка с номерами столбцов"))
            return municipality
        name = texts[school.index] if school.index < len(texts) else ""
        if municipality_column is not None and municipality_column.index < len(texts) and texts[municipality_column.index]:
            municipality = self._municipality(texts[municipality_column.index]) or municipality
        if name and name_key(name) == header_text:
            report.append(RowReport(r + 1, False, said="пропущена — повтор шапки"))
            return municipality
        has_numbers = any(_number(values[i]) is not None for _s, fields in groups for i in fields.values() if i < len(values))
        words = list(dict.fromkeys(t for t in filled if _number(t) is None))  # merged cells repeat their text
        if not has_numbers:
            heading = name or (words[0] if words else "")
            known = self._municipality(heading) if len(words) == 1 else None
            if known:
                report.append(RowReport(r + 1, False, said=f"пропущена — заголовок раздела «{heading}»: далее школы «{known}»"))
                return known
            report.append(RowReport(r + 1, False, said=f"пропущена — нет чисел; в строке: «{' '.join(words)[:60]}»"))
            return municipality
        label = name or next((w for w in words if self._area(w, municipality) not in (None, False)), "")
        if not label:
            report.append(RowReport(r + 1, False, said=f"пропущена ({column_letter(school.index)}) — нет названия школы"
                                    + (f"; в строке: «{' '.join(words)[:60]}»" if words else "")))  # fmt: skip
            self.problem(r, school.index, "NOR604", "строка с числами, но без названия школы; впишите название или удалите строку")
            return municipality
        name = label
        area = self._area(name, municipality)
        if area is False:
            report.append(RowReport(r + 1, False, said=f"пропущена — итоговая строка «{name}»: чья она, не определено "
                                    "(средние по территории берутся из строк «Итого по …» с известным районом)"))  # fmt: skip
            return municipality
        org = None
        if area is None:
            match = self.schools.find(name)
            org = match.org or self._by_municipality(name, municipality)
            if org is None:
                report.append(RowReport(r + 1, False, said=f"пропущена ({column_letter(school.index)}) — {match.problem}"))
                self.problem(r, school.index, "NOR604", match.problem or "")
                return municipality
        used, missing = [], []
        for subject, fields in groups:
            line, message = self._result(r, values, fields, about, subject, org, area)
            if line is not None:
                self.outcome.lines.append(line)
                used.append(f"{evidence_text(line)}{message}")
            elif message:
                missing.append(message)
        target = f"среднее «{'регион' if area == REGION else area}»" if area else f"{name} → {org}"
        if used:
            report.append(RowReport(r + 1, True, said=f"{target}: " + "; ".join(used + missing)))
        else:
            report.append(RowReport(r + 1, False, said=f"пропущена — {'; '.join(missing)} ({target})"))
        return municipality

    def _municipality(self, text: str) -> str | None:
        key = name_key(text)
        known = self.schools.municipalities
        if key in known:
            return known[key]
        for candidate_key, name in known.items():  # «Каменский муниципальный район» ≈ «Каменский район»
            if candidate_key.split()[0][:-2] and key.startswith(candidate_key.split()[0][:-2]) and \
                    key.split()[-1] == candidate_key.split()[-1]:  # fmt: skip
                return name
        return None

    def _area(self, name: str, municipality: str | None):
        """None: a school row; REGION or a municipality: an area's row; False: a totals row of unknown area."""
        key = name_key(name)
        if self.region and key == name_key(self.region):
            return REGION
        known = self._municipality(name)
        if known is not None and self.schools.find(name).org is None:
            return known
        if not key.startswith(self.totals):
            if any(word in key + " " for word in _REGION_WORDS) and self.schools.find(name).org is None:
                return REGION  # «Пензенская область», «Пензенская обл.»: the region's own line
            return None
        if key.startswith(("вся выборка", "россия", "рф")):
            return False
        if any(word in key + " " for word in _REGION_WORDS):
            return REGION
        named = self._municipality(re.sub(r"^(итого|всего|итог|в целом|среднее)\s*(по)?\s*", "", key))
        return named or municipality or False

    def _by_municipality(self, name: str, municipality: str | None) -> str | None:
        """A name two schools share, told apart by the municipality the row is in."""
        if municipality is None:
            return None
        ids = [i for i in self.schools.by_name.get(name_key(name), []) if self.records.organizations[i].municipality == municipality]
        return ids[0] if len(ids) == 1 else None

    def _result(self, r: int, values: Sequence[object], fields: dict[str, int], about: dict, subject: str | None, org, area):
        def number(name):
            i = fields.get(name)
            return _number(values[i]) if i is not None and i < len(values) else None

        def cell(name):
            i = about["columns"].get(name)
            return _text(values[i]) if i is not None and i < len(values) else ""

        what = f" ({subject})" if subject else ""
        counts = {name: number(name) for name in COUNTS + ("percent", "mean_score")}
        if all(v is None for v in counts.values()):
            return None, f"нет данных{what}"
        participants = counts["participants"]
        marks = tuple(None if counts[f"marks_{m}"] is None else int(counts[f"marks_{m}"]) for m in (2, 3, 4, 5))
        if participants is None and all(m is not None for m in marks):
            participants = sum(marks)
        if not participants:
            return None, f"нет числа участников{what}"
        participants = int(participants)
        low = counts["low"] if counts["low"] is not None else counts["marks_2"]
        note = ""
        stated = counts["percent"]
        if low is None and stated is not None:
            low = round(stated * participants / 100)
            note = f" (число низких результатов рассчитано по проценту: {percent(stated)} из {participants})"
        if low is None:
            return None, f"нет числа низких результатов{what}"
        low = int(low)
        column = fields.get("low", fields.get("marks_2", fields.get("participants")))
        if low > participants:
            self.problem(r, column, "NOR605", f"низких результатов ({low}) больше, чем участников ({participants}){what}")
            return None, f"низких результатов ({low}) больше, чем участников ({participants}){what}"
        if stated is not None and not note:
            mismatch = percent_mismatch(low, participants, stated)
            if mismatch:  # the evidence line says it too: «(33,3%; в источнике — 30,8%)»
                self.problem(r, fields.get("percent"), "NOR201", mismatch)
        procedure = cell("procedure") or about.get("procedure")
        subject_name = cell("subject") or subject or about.get("subject")
        grade = cell("grade") or about.get("grade")
        year = cell("year") or about.get("year")
        try:
            grade = int(float(grade)) if grade not in (None, "") else None
            year = int(float(str(year)[:4]))
        except ValueError:
            self.problem(r, None, "NOR603", f"класс «{grade}» или год «{year}» не число")
            return None, "класс или год не число"
        if not procedure or not subject_name:
            return None, "не определены процедура или предмет"
        retakes = about.get("retakes")
        line = ResultLine(org, area if area else None, str(procedure), str(subject_name), grade, year, participants, low,
                          None if stated is None else round(stated, 1), retakes,
                          marks if any(m is not None for m in marks) else None,
                          counts["mean_score"], False, "", self.shown, r + 1)  # fmt: skip
        return line, note


_WHAT = {"procedure": "процедура", "subject": "предмет", "grade": "класс", "year": "год"}


def _procedure(text: str) -> str | None:
    upper = text.upper()
    for name in KNOWN_PROCEDURES:
        if re.search(rf"(?<![А-ЯЁ]){name}(?![А-ЯЁ])", upper):
            return name
    return None


def _year(text: str) -> int | None:
    found = re.findall(r"(?<!\d)(20\d\d)(?!\d)", text)
    return int(found[-1]) if found else None


def _grade(text: str) -> int | None:
    found = re.search(r"(?<!\d)(1[01]|[1-9])\s*-?\s*(?:й|х|ые|ых)?\s*класс", text.lower())
    return int(found.group(1)) if found else None


def _subject(text: str) -> str | None:
    found = subjects_in(text)
    return found[0] if len(found) == 1 else None


def _retakes(text: str) -> str | None:
    plain = text.lower().replace("ё", "е")
    if re.search(r"до пересдач|основн\w* (период|этап|срок)", plain):
        return "до"
    if re.search(r"после пересдач|с уч\w+ пересдач|с пересдачами|дополнительн\w* (период|срок)", plain):
        return "после"
    return None


_DETECT = {"procedure": _procedure, "subject": _subject, "grade": _grade, "year": _year}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").rstrip("%").replace(",", ".")
    if not text or text in ("-", "—", "–"):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def write_results(target: Path, lines: list[ResultLine]) -> None:
    """Write ``lines`` as a results file (UTF-8 with a BOM and «;», as Excel opens it); never over
    a file. Only the columns some line fills are written; ``note`` names the source row. The row
    format is compiled for those columns (a region's 300,000 lines are written in a blink)."""
    from ..outputs.atomic import write_atomic

    if target.exists():
        raise FileExistsError(str(target))
    # the optional columns some line fills, and every text a cell will hold — one pass
    filled: dict[str, bool] = {}
    texts: set = set()
    shapes: set = set()
    for l in lines:
        shapes.add((l.area is not None, l.grade is not None, l.percent is not None, l.retakes is not None,
                    l.mean_score is not None, l.marks))
        texts.add((l.school, l.area, l.procedure, l.subject))
    for area, grade, has_percent, retakes, mean_score, marks in shapes:
        filled["area"] = filled.get("area", False) or area
        filled["grade"] = filled.get("grade", False) or grade
        filled["percent"] = filled.get("percent", False) or has_percent
        filled["retakes"] = filled.get("retakes", False) or retakes
        filled["mean_score"] = filled.get("mean_score", False) or mean_score
        for m in range(4):
            filled[f"marks_{m + 2}"] = filled.get(f"marks_{m + 2}", False) or (marks is not None and marks[m] is not None)
    used = [name for name in WRITTEN if name in _ALWAYS or filled.get(name)]
    cells = {"school": "{l.school or ''}", "area": "{l.area or ''}", "procedure": "{l.procedure}",
             "subject": "{l.subject}", "grade": "{'' if l.grade is None else l.grade}", "year": "{l.year}",
             "participants": "{l.participants}", "low": "{l.low}", "percent": "{'' if l.percent is None else format(l.percent, 'g').replace('.', ',')}",
             "retakes": "{l.retakes or ''}", "mean_score": "{number(l.mean_score)}",
             "note": "{sources[l.file]}, строка {l.line}"}  # fmt: skip
    for m in range(4):
        cells[f"marks_{m + 2}"] = f"{{mark(l, {m})}}"
    # the source's name goes into every row's note: one line, and quoted like any cell when it
    # holds a separator or a quote (a table named «итоги;2023.csv» or with a line break in its name)
    sources = {file: printable(Path(file).name) for file in {l.file for l in lines}}
    texts.update((name,) for name in sources.values())

    def source(file: str) -> str:
        return sources[file]

    scope = {"number": lambda v: "" if v is None else f"{v:g}".replace(".", ","), "source": source, "sources": sources,
             "mark": lambda l, m: "" if l.marks is None or l.marks[m] is None else str(l.marks[m])}  # fmt: skip
    exec(compile("def row(l):\n    return f\"" + ";".join(cells[name] for name in used) + "\"\n",
                 "<results writer>", "exec"), scope)  # fmt: skip
    row = cast("Callable[[ResultLine], str]", scope["row"])  # compiled just above
    out = [";".join(used)]
    if not any(";" in v or '"' in v for four in texts for v in four if v):  # no cell holds a separator or a quote
        out += [row(line) for line in lines]
    else:
        separators = len(used) - 1
        for line in lines:
            text = row(line)
            if text.count(";") != separators or '"' in text:  # a separator or a quote inside a cell: quote the cells
                text = _requote(line, used, scope)
            out.append(text)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, ("\ufeff" + "\n".join(out) + "\n").encode("utf-8"))


def _requote(line: ResultLine, used: list[str], scope: dict) -> str:
    """The rare row with «;» or «"» inside a cell, each cell formatted alone and quoted."""
    values = {"school": line.school or "", "area": line.area or "", "procedure": line.procedure,
              "subject": line.subject, "grade": "" if line.grade is None else str(line.grade), "year": str(line.year),
              "participants": str(line.participants), "low": str(line.low), "percent": scope["number"](line.percent),
              "retakes": line.retakes or "", "mean_score": scope["number"](line.mean_score),
              "note": f"{scope['source'](line.file)}, строка {line.line}"}  # fmt: skip
    for m in range(4):
        values[f"marks_{m + 2}"] = scope["mark"](line, m)
    return ";".join(_quoted(values[name]) for name in used)


_ALWAYS = {"school", "procedure", "subject", "year", "participants", "low", "note"}
WRITTEN = ("school", "area", "procedure", "subject", "grade", "year", "participants", "low", "percent", "retakes",
           "marks_2", "marks_3", "marks_4", "marks_5", "mean_score", "note")  # fmt: skip


def _quoted(cell: str) -> str:
    return f'"{cell.replace(chr(34), chr(34) * 2)}"' if ";" in cell or '"' in cell else cell
