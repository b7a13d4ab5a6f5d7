"""What a signed document needs of its record (NOR117, NOR205, NOR207, NOR210, NOR211): a protocol with
an agenda or decisions, someone to sign it, a name whose gender (hence case) is known, a position
the dictionary can put in the case «СЛУШАЛИ:» needs, a file name whose date is the meeting's."""

from __future__ import annotations

import datetime as dt
import re

from .context import Context, agenda_items


def check(ctx: Context) -> None:
    for pid, person in ctx.r.people.items():
        if person.gender is None and not person.patronymic and not _gender_from_surname(person.surname):
            ctx.report(
                pid, ("surname",), "NOR205",
                f"пол «{person.surname}» не определяется по фамилии и отчеству; укажите gender: f или m",
            )  # fmt: skip
    for mid, m in ctx.r.meetings.items():
        if not m.agenda and not m.decisions and not m.reports:  # a report on execution has its entries
            ctx.report(mid, (), "NOR117",
                       "в протоколе нет ни повестки (agenda), ни решений (decisions) — похоже, файл не дописан "
                       "или обрезан; допишите заседание (протокол без них не собирается)")  # fmt: skip
        file_date(ctx, mid, m)
        kind = ctx.r.kind_of(m)
        if m.unsigned or kind.signatures == "none":
            pass
        elif kind.signatures == "head" and not m.signers:
            ctx.report(mid, (), "NOR207",
                       f"у документа вида «{kind.label}» нет подписи руководителя: добавьте signers "
                       "(person и position), иначе документ выйдет без подписи")  # fmt: skip
        elif kind.signatures == "chair-secretary" and m.chair is None and m.secretary is None and not m.signers:
            ctx.report(mid, (), "NOR207",
                       "в протоколе некому подписаться: нет ни председателя (chair), ни секретаря (secretary), "
                       "ни списка подписей (signers) — добавьте их, иначе документ выйдет без подписей")  # fmt: skip
        if ctx.warnings:
            people = ctx.kinds["person"]
            for loc, item in agenda_items(m.agenda, ("agenda",)):
                for j, statement in enumerate(item.heard):
                    if statement.person in people:
                        position_case(ctx, mid, loc + ("heard", j), statement)


def file_date(ctx: Context, mid: str, meeting) -> None:
    """A meeting file named by its date («2023-12-14-mun4-wg.yaml») whose ``date:`` says
    another day: one of the two is a slip (NOR211)."""
    named = _FILE_DATE.match(ctx.r.origins[mid].file.rpartition("/")[2])
    if named is None:
        return
    try:
        day = dt.date(int(named[1]), int(named[2]), int(named[3]))
    except ValueError:
        return
    if day != meeting.date:
        ctx.report(mid, ("date",), "NOR211",
                    f"в имени файла дата {day:%d.%m.%Y}, а в date: — {meeting.date:%d.%m.%Y}; исправьте ту, что "
                    "ошибочна (имя файла — это id заседания: на него ссылаются отметки)")  # fmt: skip


def position_case(ctx: Context, mid: str, loc: tuple, statement) -> None:
    """The position after «СЛУШАЛИ:» takes the name's case; where the dictionary cannot give
    it for sure, say so, and where to write the form (NOR210)."""
    case = ctx.r.settings.documents.heard_case
    if case == "nominative":
        return
    from ..russian.names import position_case_problem

    person = ctx.r.people.get(statement.person)
    if statement.position:
        problem = position_case_problem(statement.position, case)
        if problem:
            ctx.report(mid, loc + ("position",), "NOR210",
                        f"{problem}; запишите должность здесь сразу в нужном падеже")  # fmt: skip
        return
    if person is None or not person.position:
        return
    if person.position_forms is not None and getattr(person.position_forms, case):
        return
    problem = position_case_problem(person.position, case)
    if problem:
        ctx.report(person.id, ("position",), "NOR210",
                    f"{problem}; укажите формы должности в справочнике: position_forms: {{{case}: …}}")  # fmt: skip


def _gender_from_surname(surname: str) -> bool:
    return bool(re.search(r"(ова|ева|ёва|ина|ына|ая|ов|ев|ёв|ин|ын|ий|ой|ский|цкий)$", surname.lower()))


_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:\b|[-_.])")
