"""A meeting that heard an analysis cites it (``analysis:`` in a СЛУШАЛИ/ВЫСТУПИЛИ statement);
the protocol then prints the schools the rule identified, each with its evidence lines, as seed 000
does («МОУ СОШ с. Кикино:» / «ОГЭ русский 2023 – 3 чел. из 8 (37,5%)»).

``check_citations`` is what ``validate`` says about such citations (an unknown rule, a school the
rule does not identify); ``cited_paragraphs`` is what the protocol view prints.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from .evidence import evidence_text
from .identify import Analysis, identify
from .rules import choose_rule

if TYPE_CHECKING:
    from ..model.meeting import AgendaItem, Meeting, Statement


def _statements(meeting: Meeting) -> Iterator[tuple[tuple, Statement]]:
    def walk(items: Sequence[AgendaItem], loc: tuple) -> Iterator[tuple[tuple, Statement]]:
        for i, item in enumerate(items):
            for key in ("heard", "spoke"):
                for j, statement in enumerate(getattr(item, key)):
                    yield loc + (i, key, j), statement
            yield from walk(item.items, loc + (i, "items"))

    yield from walk(meeting.agenda, ("agenda",))


def cites_analysis(records) -> bool:
    return any(s.analysis is not None for m in records.meetings.values() for _loc, s in _statements(m))


def analysis_for(records, citation) -> tuple[Analysis | None, str | None]:
    """The analysis a citation names (cached per rule and years), or None and why not."""
    from .load import load_analytics

    data = load_analytics(records)
    loaded, problem = choose_rule(data.rules, citation.rule, data.settings.rule, "в ссылке на анализ (analysis.rule)")
    if loaded is None:
        return None, problem
    cache = records.derived.setdefault("analyses", {})
    key = (loaded.id, tuple(citation.years))
    if key not in cache:
        cache[key] = identify(data.lines, loaded, records.organizations, list(citation.years) or None)
    return cache[key], None


def check_citations(records, data) -> list[Diagnostic]:
    found = []
    for meeting_id, meeting in records.meetings.items():
        for loc, statement in _statements(meeting):
            citation = statement.analysis
            if citation is None:
                continue
            analysis, problem = analysis_for(records, citation)
            if analysis is None:
                file, line, col = records.where(meeting_id, loc + ("analysis", "rule"))
                found.append(Diagnostic(file, line, col, "NOR608", problem or ""))
                continue
            identified = {f.school for f in analysis.identified}
            for k, school in enumerate(citation.schools):
                if school not in identified:
                    file, line, col = records.where(meeting_id, loc + ("analysis", "schools", k))
                    name = records.display_name(school)
                    found.append(Diagnostic(file, line, col, "NOR610",
                                            f"«{name}» ({school}) не отвечает правилу «{analysis.rule.id}» по данным "
                                            f"{', '.join(map(str, analysis.years))}; уберите её из schools или проверьте "
                                            "результаты (nor-docs analyze)"))  # fmt: skip
    return found


def cited_paragraphs(records, citation) -> tuple[list[str], str | None]:
    """The paragraphs a protocol prints for ``citation``: per school «Название:» and its evidence
    lines; or no paragraphs and the reason (for the build to report)."""
    analysis, problem = analysis_for(records, citation)
    if analysis is None:
        return [], problem
    chosen = set(citation.schools)
    paragraphs = []
    for finding in analysis.identified:
        if chosen and finding.school not in chosen:
            continue
        paragraphs.append(f"{records.display_name(finding.school)}:")
        paragraphs.extend(evidence_text(line) for line in finding.evidence)
    return paragraphs, None
