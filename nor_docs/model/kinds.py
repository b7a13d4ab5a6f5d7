"""Document kinds as data: what a protocol, a collegium's decision, an order or a directive prints
(heading, formula before the items, signatures), whether it is a meeting (chair, attendance,
agenda), how it is cited and which template renders it.

The built-in catalogue is package data (``kinds.yaml`` beside this module); an office changes or
adds kinds in ``records/kinds.yaml`` (``KindsFile``): an entry whose id is built in replaces only the
fields it gives, a new id must give them all. Code asks the kind (``Kind.meeting``,
``Kind.formula``), never compares kind ids. See docs/design/document-kinds.md, sections 3 and 8.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import ClassVar, Literal

import yaml
from pydantic import Field, ValidationError

from .common import Record, Ref, Text
from .deadline import DeadlineError, WithinDeadline, parse_deadline

PROTOCOL = "protocol"  # the kind of a record that names none

# What a citation may hold, «{nominative} от {date}{number}».
PLACEHOLDERS = ("nominative", "genitive", "instrumental", "date", "number")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class KindForms(Record):
    """The kind's name in the cases a citation needs."""

    nominative: Text = Field(description="Как документ называют в ссылке: «Решение коллегии», «Приказ»")
    genitive: Text = Field(description="Родительный падеж: «решения коллегии», «приказа»")
    instrumental: Text = Field(description="Творительный падеж: «решением коллегии», «приказом»")


class Kind(Record):
    """One kind of document: its look on paper and its place in control."""

    id: Ref = Field(description="id вида: protocol, decision-collegium, order, directive…")
    label: Text = Field(description="Название вида для сообщений: «решение коллегии»")
    heading: str | None = Field(description="Слово вида в шапке документа: «РЕШЕНИЕ КОЛЛЕГИИ», «ПРИКАЗ»; null — без него")
    title_style: Literal["meeting-genitive", "about", "free"] = Field(
        description="Заголовок: meeting-genitive — «заседания …» (обязателен), about — «О …», free — как написан")
    formula: str | None = Field(description="Слова перед пунктами: «РЕШИЛИ:», «коллегия РЕШАЕТ:», «ПРИКАЗЫВАЮ:»; "
                                            "null — нет (преамбула кончается двоеточием)")  # fmt: skip
    meeting: bool = Field(description="true — заседание: председатель, секретарь, присутствующие, повестка")
    agenda: Literal["required", "optional", "none"] = Field(description="Повестка дня: обязательна, может быть, не бывает")
    signatures: Literal["chair-secretary", "head", "none"] = Field(
        description="Подписи: chair-secretary — председатель и секретарь, head — руководитель, none — без подписи")
    control_clause: bool = Field(description="true — последний пункт обычно говорит, на кого возложен контроль")
    forms: KindForms = Field(description="Название вида в падежах для ссылок")
    citation: Text = Field(description="Ссылка на документ: «{nominative} от {date}{number}»")
    template: Text = Field(description="Шаблон DOCX из папки templates/: decision.docx, act.docx")
    # --- inspection acts: предписание, представление, протест (docs/kinds.md) ---
    inspection: bool = Field(False, description="true — акт проверки (предписание, представление, протест): у пунктов "
                             "бывают violation (нарушение) и measures_taken (принятые меры), у документа — "
                             "addressed_to и received")  # fmt: skip
    statutory_term: str | None = Field(None, description="Срок по закону, если в пункте своего нет, — слова срока от "
                                       "даты получения (received): «в течение месяца»; null — нет")  # fmt: skip
    statutory_basis: str | None = Field(None, description="Откуда срок по закону: «Закон «О прокуратуре», ст. 24»")
    # --- a report on execution: «Информация о ходе исполнения» (docs/report.md) ---
    report: bool = Field(False, description="true — информация о ходе исполнения: строки reports: печатаются таблицей "
                         "(шаблон report.docx), пунктов решений нет")  # fmt: skip


class KindEntry(Record):
    """An entry of ``records/kinds.yaml``: a kind of the office's own (every field), or the fields
    of a built-in kind the office writes differently (only those)."""

    id: Ref = Field(description="id вида; совпадает со встроенным — меняются только указанные поля")
    label: Text | None = Field(None, description="Название вида для сообщений: «решение коллегии»")
    heading: str | None = Field(None, description="Слово вида в шапке документа: «РЕШЕНИЕ КОЛЛЕГИИ»")
    title_style: Literal["meeting-genitive", "about", "free"] | None = Field(
        None, description="Заголовок: meeting-genitive, about или free")
    formula: str | None = Field(None, description="Слова перед пунктами: «коллегия решила:»")
    meeting: bool | None = Field(None, description="true — заседание (председатель, повестка)")
    agenda: Literal["required", "optional", "none"] | None = Field(None, description="Повестка: required, optional, none")
    signatures: Literal["chair-secretary", "head", "none"] | None = Field(
        None, description="Подписи: chair-secretary, head или none")
    control_clause: bool | None = Field(None, description="true — есть пункт о контроле")
    forms: KindForms | None = Field(None, description="Название вида в падежах для ссылок")
    citation: Text | None = Field(None, description="Ссылка на документ: «{nominative} от {date}{number}»")
    template: Text | None = Field(None, description="Шаблон DOCX из папки templates/")
    inspection: bool | None = Field(None, description="true — акт проверки: у пунктов violation и measures_taken")
    statutory_term: str | None = Field(None, description="Срок по закону от даты получения: «в течение месяца»; "
                                       "null — отключить срок по закону у встроенного вида")  # fmt: skip
    statutory_basis: str | None = Field(None, description="Откуда срок по закону: «Закон «О прокуратуре», ст. 24»")
    report: bool | None = Field(None, description="true — информация о ходе исполнения: строки reports: таблицей")


class KindsFile(Record):
    """``records/kinds.yaml``: the office's kinds."""

    SCHEMA_DESCRIPTION: ClassVar[str] = "Виды документов офиса (records/kinds.yaml)"

    kinds: list[KindEntry] = Field(default_factory=list, description="Виды документов: свои или изменения встроенных")


@functools.cache
def _builtin() -> tuple[Kind, ...]:
    text = resources.files(__package__).joinpath("kinds.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: a few ms less at every start
    return tuple(Kind.model_validate(entry, strict=False) for entry in yaml.load(text, Loader=loader)["kinds"])


def builtin_kinds() -> dict[str, Kind]:
    """The catalogue shipped with nor-docs, by id (a new dict each call; the kinds are frozen)."""
    return {kind.id: kind for kind in _builtin()}


def merge_kinds(base: dict[str, Kind], office: KindsFile) -> tuple[dict[str, Kind], list[tuple[int, tuple, str]]]:
    """``base`` with the office's entries merged by id; and the problems, as (entry index, the
    field's path inside the entry, Russian message): a new kind missing a field, a citation with a
    placeholder that does not exist. A faulty entry is left out (the built-in kind stays)."""
    kinds = dict(base)
    problems: list[tuple[int, tuple, str]] = []
    for i, entry in enumerate(office.kinds):
        given = entry.model_dump(exclude_unset=True)
        start = base[entry.id].model_dump() if entry.id in base else {}
        try:
            kind = Kind.model_validate(start | given)
        except ValidationError as error:
            missing = [str(e["loc"][0]) for e in error.errors() if e["type"] == "missing"]
            what = ", ".join(missing) if missing else error.errors()[0]["msg"]
            problems.append((i, ("id",), f"вид «{entry.id}» новый, и у него не хватает полей: {what}; "
                                         "укажите их (образец — встроенные виды, docs/kinds.md)"))  # fmt: skip
            continue
        bad = citation_problem(kind.citation)
        if bad is None and kind.statutory_term is not None:
            bad = statutory_term_problem(kind.statutory_term)
            where: tuple = ("statutory_term",)
        else:
            where = ("citation",)
        if bad is not None:
            problems.append((i, where, f"вид «{entry.id}»: {bad}"))
            continue
        kinds[kind.id] = kind
    return kinds, problems


def statutory_term_problem(words: str) -> str | None:
    """Why a kind's statutory term cannot be counted from a day (words the deadline parser does not
    read, or a term with no date of its own: «постоянно»), or None."""
    try:
        deadline = parse_deadline(words)
    except DeadlineError:
        return f"срок по закону «{words}» не распознан; пишите, как срок пункта: «в течение месяца», «в течение 10 дней»"
    if not isinstance(deadline, WithinDeadline):
        return f"срок по закону «{words}» — не срок от даты получения; пишите «в течение месяца», «в течение 10 дней»"
    return None


def citation_problem(citation: str) -> str | None:
    """Why a citation pattern cannot be filled (an unknown placeholder), or None."""
    import difflib

    for name in _PLACEHOLDER.findall(citation):
        if name not in PLACEHOLDERS:
            near = difflib.get_close_matches(name, PLACEHOLDERS, n=1, cutoff=0.5)
            hint = f"; возможно, «{{{near[0]}}}»?" if near else f"; бывают: {', '.join('{' + p + '}' for p in PLACEHOLDERS)}"
            return f"неизвестный заполнитель «{{{name}}}» в citation{hint}"
    return None
