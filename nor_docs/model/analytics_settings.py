"""The office's analytics settings: ``analytics:`` in ``records/settings.yaml``.

The column spellings the importer recognises in an office's spreadsheets are given here once
(``columns``: a field of a result line → the headers it is found under, added to the built-in ones
of ``importer.HEADERS``), with the name of the region (for lines of the region's average) and the
rule used when a command names none::

    analytics:
      region: Пензенская область
      rule: penza-2023
      columns:
        participants: [Писали работу]
        low: [Не справились]
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Record, Ref, Text

ImportField = Literal["school", "municipality", "procedure", "subject", "grade", "year", "participants", "low",
                      "percent", "marks_2", "marks_3", "marks_4", "marks_5", "mean_score"]  # fmt: skip


class AnalyticsSettings(Record):
    region: str | None = Field(default=None, description="Название региона (строки средних по региону: area)")
    rule: Ref | None = Field(default=None, description="Правило отбора по умолчанию (id из records/rules/)")
    columns: dict[ImportField, list[Text]] = Field(
        default_factory=dict,
        description="Заголовки столбцов в таблицах, которые получает управление, по полям строки результатов "
        "(в дополнение к встроенным): participants: [Писали работу]",
    )  # fmt: skip
    totals_words: list[Text] = Field(
        default_factory=list,
        description="Слова, с которых начинаются итоговые строки таблиц (кроме «Итого», «Всего», «В целом»…)",
    )
