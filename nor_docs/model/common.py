"""Building blocks shared by every record model: the strict base class, ids, dates and times.

Models are strict (no silent coercion: ``no`` is never a boolean, ``"5"`` never a number) and
closed (an unknown field such as ``deadine:`` is an error). Dates are written as people write
them, ``2021-10-10`` or ``10.10.2021``, and checked for existence (``31.02.2024`` is refused).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..russian.dates import parse_date
from .ids import ID_PATTERN, MAX_ID_LENGTH

MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


def _schema_in_russian(schema: dict[str, Any], model: type) -> None:
    """A model's JSON Schema says what the editor shows a clerk: its Russian ``SCHEMA_DESCRIPTION``
    (if the class has one), never the English docstring written for developers."""
    schema.pop("description", None)
    described = model.__dict__.get("SCHEMA_DESCRIPTION")
    if described:
        schema["description"] = described


class Record(BaseModel):
    """Base of every model read from YAML: strict, closed, immutable once validated.

    Every field carries a Russian one-line ``description`` (with an example where it helps):
    it is what the editor shows on hover through the JSON Schemas (``scaffold/schema.py``), and
    a test fails on a field without one."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True,
                              json_schema_extra=_schema_in_russian)  # fmt: skip


# ``parse_date`` lives in ``russian/dates.py`` (no pydantic): the CLI parses ``--today`` with
# it before the models are imported.


_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def parse_time(value: Any) -> dt.time:
    """``10:30`` or ``10.30`` → time. (A YAML 1.1 reader would have turned 10:30 into 630.)"""
    if isinstance(value, dt.time):
        return value
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise ValueError("время пишется как 10:30")
    hours, minutes = (int(g) for g in match.groups())
    if hours > 23 or minutes > 59:
        raise ValueError(f"такого времени нет: «{value}»")
    return dt.time(hours, minutes)


def _to_str(value: Any) -> Any:
    # Numbers people write as labels («№ 4», item «2», item 1.10, «№ 010») are accepted as the
    # text they were written as (the YAML reader keeps the source text of a float, and of an
    # integer written with a leading zero or sign).
    if isinstance(value, int) and not isinstance(value, bool):
        return getattr(value, "text", None) or str(value)
    if isinstance(value, float):
        return getattr(value, "text", None) or repr(value)
    return value


Date = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}(\s*г\.?)?)$"}),
]
Time = Annotated[
    dt.time,
    BeforeValidator(parse_time),
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}[:.]\d{2}$"}),
]
# A label such as an item number («4.2») or a protocol number («4»): text, numbers accepted;
# never empty (``number: ""`` would print as «.» or «№ »).
def _not_blank(value: str) -> str:
    value = value.strip()
    if not value:
        raise PydanticCustomError("string_too_short", "номер не может быть пустым")
    return value


Label = Annotated[
    str,
    BeforeValidator(_to_str),
    AfterValidator(_not_blank),
    WithJsonSchema({"type": ["string", "integer", "number"], "minLength": 1}),
]
# What may follow «#» in an assignment reference (``<record id>#<number>``): letters, digits, and
# «.» or «-» between them («4.2», «3-а», «1а»).
NUMBER_IN_REFERENCE = r"[0-9A-Za-zА-Яа-яЁё]+(?:[.-][0-9A-Za-zА-Яа-яЁё]+)*"
_REFERABLE = re.compile(rf"^{NUMBER_IN_REFERENCE}\.?$")


def _referable(value: str) -> str:
    """A decision's or a roadmap item's number is a part of its assignment's id: marks refer to
    it after «#», so it holds only what a reference can carry."""
    if not _REFERABLE.match(value):
        cleaned = re.sub(r"[^0-9A-Za-zА-Яа-яЁё.-]+", "", value).strip(".-")
        hint = f"; возможно, «{cleaned}»?" if cleaned and _REFERABLE.match(cleaned) else ""
        raise ValueError(f"номер «{value}»: только буквы и цифры, между ними «.» или «-» — отметки ссылаются "
                         f"на него после «#»{hint}")  # fmt: skip
    return value


# The number of a decision or of a roadmap item: a label that an assignment reference can name.
ItemNumber = Annotated[Label, AfterValidator(_referable)]
_NUMBER_SIGN = re.compile(r"^\s*(№|N[o°]?\.?(?=\s|\d))\s*")


def _without_number_sign(value: str) -> str:
    """A document number is written without «№»: the documents print «№ 4» themselves, and
    «№ 4» in the record would come out as «№ № 4»."""
    sign = _NUMBER_SIGN.match(value)
    if sign and value[sign.end():]:
        raise ValueError(f"«{sign.group(1)}» в документе ставится сам; запишите номер без него: {value[sign.end():]}")
    return value


# The number of a protocol or of an order («4», «15-о»): a label without the «№» sign.
DocNumber = Annotated[Label, AfterValidator(_without_number_sign)]
# A reference to another record by its id (people, organisations, groups, events, meetings).
Ref = Annotated[str, Field(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH)]


@dataclass(frozen=True)
class RefTo:
    """What a reference field names: the kinds of record its id may be («person», «organization»,
    «group», «event», «meeting»), ``within`` the key of a mapping that holds the id (a deadline's
    ``event``), and ``what`` the word a message calls it by («докладчик»). Validation finds every
    reference of a file by these marks — of a file that failed its schema too (``references.py``)."""

    kinds: tuple[str, ...]
    what: str = ""
    within: str | None = None


PersonRef = Annotated[Ref, RefTo(("person",), "лицо")]
OrganizationRef = Annotated[Ref, RefTo(("organization",), "организация")]
GroupRef = Annotated[Ref, RefTo(("group",), "группа")]
# Who an assignment is given to: a person, an organisation or a group.
ExecutorRef = Annotated[Ref, RefTo(("person", "organization", "group"), "исполнитель")]
MeetingRef = Annotated[Ref, RefTo(("meeting",), "заседание")]
Text = Annotated[str, Field(min_length=1)]


def format_date(value: dt.date, style: str = "numeric") -> str:
    """«31.10.2023» (numeric) or «31 октября 2023 г.» (words)."""
    if style == "words":
        return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year} г."
    return value.strftime("%d.%m.%Y")
