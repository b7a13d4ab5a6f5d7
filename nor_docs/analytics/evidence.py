"""Evidence lines in the words the offices use: «ОГЭ математика 2022 – 6 чел. из 12 (50,0%)».

The percentage is always the one the numbers give, to a tenth, with a comma; where the source
stated another one, it is said beside it («(33,3%; в источнике — 30,8%)»), so a wrong figure is
never repeated as if it were right. A line the source calls low without numbers says so.
"""

from __future__ import annotations

from .model import ResultLine
from .results import pct


def percent(value: float) -> str:
    """«50,0%»."""
    return f"{value:.1f}%".replace(".", ",")


def heading(line: ResultLine) -> str:
    """«ОГЭ математика 2022», «ВПР русский 5 класс 2022»."""
    grade = f" {line.grade} класс" if line.grade else ""
    return f"{line.procedure} {line.subject}{grade} {line.year}"


def numbers(line: ResultLine) -> str:
    """«6 чел. из 12 (50,0%)», or what the source said instead of numbers."""
    share = line.share
    if share is None:
        return "низкий результат (числа в источнике не приведены)"
    stated = ""
    if line.percent is not None and round(share, 1) != round(line.percent, 1) and round(share) != line.percent:
        stated = f"; в источнике — {pct(line.percent)}"
    return f"{line.low} чел. из {line.participants} ({percent(share)}{stated})"


def evidence_text(line: ResultLine) -> str:
    return f"{heading(line)} – {numbers(line)}"
