"""The model of results and rules: one result line, and a rule that identifies schools.

A ``ResultLine`` is one row of a results file (``records/results/*.csv``): a school (by its
directory id) or an area's average (a municipality as the directory names it, or the region), one
procedure (ВПР, ОГЭ, ЕГЭ or a regional one), subject, grade and year; the participants and how many
had a low result («2» on ВПР, below the minimum threshold on ОГЭ/ЕГЭ); where the source has them,
the marks «2»…«5», the mean score, whether the numbers are before or after retakes, and the
percentage as the source states it (checked against the numbers, NOR201). Lines are named
tuples, not pydantic models: a region holds hundreds of thousands of them, and the reader checks
each cell itself (``results.py``).

A ``Rule`` (``records/rules/*.yaml``) says what a low result is (the threshold, which procedures
count, ОГЭ/ЕГЭ before retakes) and which patterns of low results put a school on the list
(``Criterion``); the shipped default is the rule of seed 000 (``default_rule.yaml``).
"""

from __future__ import annotations

from typing import ClassVar, Literal, NamedTuple

from pydantic import Field

from ..model.common import Record, Ref, Text
from .subjects import procedure_key, subject_key

REGION = "регион"  # the area of a line that gives the region's average


class ResultLine(NamedTuple):
    """One line of results; ``school`` or ``area`` is set (the other is None)."""

    school: str | None
    area: str | None
    procedure: str  # as written: «ОГЭ»
    subject: str  # as written: «математика»
    grade: int | None
    year: int
    participants: int | None
    low: int | None
    percent: float | None = None  # as the source states it
    retakes: str | None = None  # «до» / «после» (пересдач); None: the source does not say
    marks: tuple | None = None  # counts of «2», «3», «4», «5» (None where not given)
    mean_score: float | None = None
    stated_low: bool = False  # the source calls it low without giving the numbers
    note: str = ""
    file: str = ""
    line: int = 0

    @property
    def share(self) -> float | None:
        """The percentage of low results, from the numbers."""
        if self.participants and self.low is not None:
            return self.low * 100 / self.participants
        return None

    @property
    def key(self) -> tuple[str, str, int | None]:
        """What makes it «the same procedure» in another year: procedure, subject, grade."""
        return (procedure_key(self.procedure), subject_key(self.subject), self.grade)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


CriterionKind = Literal[
    "procedures_in_one_year",
    "same_procedure_consecutive_years",
    "procedures_each_year",
    "procedures_in_years",
    "above_region",
]


class LowResult(Record):
    """What a low result is."""

    threshold: float = Field(
        default=30, gt=0, le=100,
        description="Порог, %: результат низкий, если доля участников с «2» (ВПР) или не преодолевших "
        "минимальный порог (ОГЭ, ЕГЭ) не меньше этого числа",
    )  # fmt: skip
    procedures: list[Text] = Field(
        default_factory=lambda: ["ВПР", "ОГЭ", "ЕГЭ"],
        description="Какие оценочные процедуры учитываются (ВПР, ОГЭ, ЕГЭ, региональные — как в файлах результатов)",
    )
    before_retakes: list[Text] = Field(
        default_factory=lambda: ["ОГЭ", "ЕГЭ"],
        description="По каким процедурам учитываются результаты до пересдач (строки «после» не берутся)",
    )
    min_participants: int = Field(
        default=1, ge=1, description="Строки с меньшим числом участников не учитываются (малые выборки)"
    )
    count_stated: bool = Field(
        default=True,
        description="Учитывать строки без чисел, которые источник называет низкими (stated_low: да)",
    )
    text: str | None = Field(default=None, description="Определение низкого результата словами правила (для справки)")


class Criterion(Record):
    """One pattern of low results that puts a school on the list."""

    kind: CriterionKind = Field(
        description="procedures_in_one_year — не менее N процедур с низким результатом в одном из лет; "
        "same_procedure_consecutive_years — одна и та же процедура низкая N лет подряд; "
        "procedures_each_year — не менее N процедур в каждом из лет; "
        "procedures_in_years — не менее N процедур за все годы вместе; "
        "above_region — доля низких результатов выше средней по региону на above_by п.п. по N процедурам в одном году",
    )  # fmt: skip
    min_procedures: int | None = Field(
        default=None, ge=1, description="N процедур (по умолчанию 2 для procedures_in_one_year и procedures_in_years, иначе 1)"
    )
    consecutive_years: int = Field(default=2, ge=2, description="Сколько лет подряд (same_procedure_consecutive_years)")
    above_by: float = Field(default=10, ge=0, description="На сколько п.п. выше средней по региону (above_region)")
    text: str | None = Field(default=None, description="Критерий словами правила (для справки и протокола)")

    @property
    def needed(self) -> int:
        if self.min_procedures is not None:
            return self.min_procedures
        return 2 if self.kind in ("procedures_in_one_year", "procedures_in_years") else 1


class Rule(Record):
    """A rule of identification: records/rules/<id>.yaml (id = file name)."""

    SCHEMA_DESCRIPTION: ClassVar[str] = "Правило отбора школ с низкими результатами (records/rules/<id>.yaml)"

    id: Ref | None = Field(default=None, description="Идентификатор (по умолчанию — имя файла)")
    title: Text = Field(description="Название правила: «Критерии отбора ШНОР (Пензенская область, 2023)»")
    source: str | None = Field(default=None, description="Откуда правило: документ, дата")
    issuer: Ref | None = Field(default=None, description="Организация, от имени которой составляется справка (id)")
    years: list[int] = Field(
        default_factory=list, description="Годы, за которые смотрятся результаты; пусто — последние span лет в данных"
    )
    span: int = Field(default=2, ge=1, le=10, description="Сколько последних лет брать, если years не указаны")
    low_result: LowResult = Field(default_factory=LowResult, description="Что считается низким результатом")
    criteria: list[Criterion] = Field(min_length=1, description="Критерии включения в список")
    match: Literal["any", "all"] = Field(
        default="any", description="any — школа включается, если выполнен хотя бы один критерий; all — все"
    )
    near_margin: float = Field(
        default=5, ge=0, lt=100,
        description="«Почти отвечают»: школы, которые вошли бы в список при пороге, ниже на столько п.п.",
    )  # fmt: skip
