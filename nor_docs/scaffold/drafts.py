"""Drafts from the identified list: a directory group («ШНОР 2024») and a roadmap.

Both are YAML records for a person to check and save (``nor-docs new group`` / ``new roadmap``
write them only where no file is; ``--print`` shows them). Each school comes with its evidence as
comments, so the reader of the draft sees why it is there. What nor-docs cannot know is left as
«…», which ``validate`` points at until it is filled in.
"""

from __future__ import annotations

from ..analytics.evidence import evidence_text
from ..analytics.identify import Analysis
from ..analytics.rules import years_text
from .directory_entry import yaml_scalar

_ROADMAP_ITEMS = (
    ("Комплексный анализ деятельности образовательной организации и результатов оценочных процедур",
     "аналитическая справка"),
    ("Анкетирование по выявлению рисковых профилей", "рисковый профиль школы"),
    ("Разработка и утверждение антирисковых программ", "утверждённые антирисковые программы"),
    ("Реализация антирисковых программ; отчёт о ходе реализации", "отчёт"),
)  # fmt: skip


def _why(analysis: Analysis) -> str:
    rule = analysis.rule
    return f"правило «{rule.rule.title}» ({rule.file}), данные {years_text(analysis.years)}"


def _school_comments(analysis: Analysis, records, indent: str) -> list[str]:
    lines = []
    for finding in analysis.identified:
        lines.append(f"{indent}# {records.display_name(finding.school)}: "
                     + "; ".join(evidence_text(line) for line in finding.evidence))  # fmt: skip
    return lines


def group_draft(analysis: Analysis, records, group_id: str, name: str) -> str:
    out = [
        "# yaml-language-server: $schema=../../nor_docs/schemas/directory.schema.json",
        f"# Группа «{name}»: школы, отвечающие правилу отбора по результатам; {_why(analysis)}.",
        "# Составлено nor-docs new group; проверьте состав и формы названия.",
        "groups:",
        f"  - id: {group_id}",
        f"    name: {yaml_scalar(name)}",
        f"    dative: {yaml_scalar(f'Школам {name}')}",
        f"    genitive: {yaml_scalar(f'школ {name}')}",
        "    members:",
    ]
    if not analysis.identified:
        out.append("      []  # правилу не отвечает ни одна школа")
    for finding in analysis.identified:
        out.append(f"      # {records.display_name(finding.school)}: "
                   + "; ".join(evidence_text(line) for line in finding.evidence))  # fmt: skip
        out.append(f"      - organization: {finding.school}")
    return "\n".join(out) + "\n"


def roadmap_draft(analysis: Analysis, records, year: int, issuer: str | None) -> str:
    schools = [finding.school for finding in analysis.identified]
    executors = f"[{', '.join(schools)}]" if schools else "[ … ]"
    out = [
        "# yaml-language-server: $schema=../../nor_docs/schemas/roadmap.schema.json",
        f"# Заготовка дорожной карты для школ, отвечающих правилу отбора; {_why(analysis)}.",
        "# Составлено nor-docs new roadmap: замените каждое «…», поправьте мероприятия и сроки.",
        *_school_comments(analysis, records, ""),
        f"title: «Дорожная карта» адресной поддержки школ с низкими образовательными результатами на {year} год",
        f"issuer: {issuer or '…'}",
        "period:",
        f"  start: {year}-01-01",
        f"  end: {year}-12-31",
        "sections:",
        "  - title: Адресная поддержка школ с низкими образовательными результатами",
        "    items:",
    ]
    for number, (activity, result) in enumerate(_ROADMAP_ITEMS, 1):
        out += [
            f"      - number: 1.{number}",
            f"        activity: {activity}",
            "        deadline: …",
            f"        executors: {executors}",
            f"        result: {result}",
        ]
    return "\n".join(out) + "\n"
