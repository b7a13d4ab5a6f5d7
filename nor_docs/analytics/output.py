"""An analysis for people (text) and for programs (JSON, the contract in docs/analyze.schema.json).

The JSON is version 1: fields are not removed and do not change meaning without a new version; new
fields may be added (consumers skip unknown ones). Percentages are numbers rounded to a tenth;
every evidence line names the file and line of the result it comes from.
"""

from __future__ import annotations

import json

from ..diagnostics import Diagnostic
from .evidence import evidence_text, percent
from .identify import Analysis, Finding
from .model import ResultLine
from .rules import stated, years_text

VERSION = 1


def rule_statement(analysis: Analysis) -> list[str]:
    """The rule as stated: the definition of a low result, then the numbered criteria."""
    rule = analysis.rule.rule
    low = rule.low_result
    lines = []
    if low.text:
        lines.append(stated(low.text, analysis.years))
    else:
        lines.append(f"Низкий результат — не менее {low.threshold:g}% участников процедуры ({', '.join(low.procedures)}) "
                     "получили «2» или не преодолели минимальный порог.")  # fmt: skip
    for number, criterion in enumerate(rule.criteria, 1):
        lines.append(f"{number}) {stated(criterion.text, analysis.years) or criterion.kind}")
    if low.before_retakes:
        lines.append(f"Результаты {', '.join(low.before_retakes)} учитываются до пересдач.")
    return lines


def format_text(analysis: Analysis, organizations: dict, diagnostics: list[Diagnostic]) -> str:
    rule = analysis.rule
    out = [f"Правило: {rule.rule.title} ({rule.file}); годы: {years_text(analysis.years)}."]
    out += [f"  {line}" for line in rule_statement(analysis)]
    out.append("")
    out.append(f"Отвечают правилу — {len(analysis.identified)} из {analysis.schools_in_data} школ в данных:")
    out += _findings(analysis.identified, organizations)
    if not analysis.identified:
        out.append("  нет")
    margin = rule.rule.near_margin
    if margin:
        near = max(analysis.threshold - margin, 0)
        out.append("")
        out.append(f"Почти отвечают (вошли бы при пороге {near:g}%) — {len(analysis.nearly)}:")
        out += _findings(analysis.nearly, organizations, threshold=analysis.threshold)
        if not analysis.nearly:
            out.append("  нет")
    for note in analysis.notes:
        out.append(f"Примечание: {note}.")
    if diagnostics:
        from ..diagnostics import format_text as diagnostics_text

        out.append("")
        out.append(diagnostics_text(diagnostics))
    return "\n".join(out)


def _findings(findings: list[Finding], organizations: dict, threshold: float | None = None) -> list[str]:
    out = []
    for number, finding in enumerate(findings, 1):
        org = organizations.get(finding.school)
        name = org.display_name if org else finding.school
        municipality = f", {org.municipality}" if org is not None and org.municipality else ""
        out.append(f"{number}. {name} ({finding.school}{municipality})")
        criteria = "; ".join(f"{n}) {reason}" for n, reason in zip(finding.criteria, finding.reasons))
        out.append(f"   критерии: {criteria}")
        for line in finding.evidence:
            below = ""
            if threshold is not None and line in finding.near and line.share is not None:
                below = f" — ниже порога на {percent(threshold - line.share).rstrip('%')} п.п."
            out.append(f"   {evidence_text(line)}{below}")
    return out


def evidence_item(line: ResultLine, threshold: float | None = None) -> dict:
    share = line.share
    return {
        "text": evidence_text(line),
        "procedure": line.procedure,
        "subject": line.subject,
        "grade": line.grade,
        "year": line.year,
        "participants": line.participants,
        "low": line.low,
        "share": None if share is None else round(share, 1),
        "percent_stated": line.percent,
        "stated_low": line.stated_low,
        "retakes": line.retakes,
        "below_threshold": bool(threshold is not None and share is not None and share < threshold),
        "file": line.file,
        "line": line.line,
    }


def _finding_item(finding: Finding, organizations: dict, threshold: float) -> dict:
    org = organizations.get(finding.school)
    return {
        "id": finding.school,
        "name": org.display_name if org else finding.school,
        "municipality": org.municipality if org else None,
        "criteria": finding.criteria,
        "reasons": finding.reasons,
        "evidence": [evidence_item(line, threshold) for line in finding.evidence],
    }


def as_dict(analysis: Analysis, organizations: dict, diagnostics: list[Diagnostic], files: list[str]) -> dict:
    rule = analysis.rule.rule
    low = rule.low_result
    return {
        "version": VERSION,
        "rule": {
            "id": analysis.rule.id,
            "title": rule.title,
            "file": analysis.rule.file,
            "source": rule.source,
            "years": analysis.years,
            "threshold": low.threshold,
            "procedures": list(low.procedures),
            "before_retakes": list(low.before_retakes),
            "min_participants": low.min_participants,
            "low_result": stated(low.text, analysis.years) or None,
            "criteria": [{"number": n, "kind": c.kind, "min_procedures": c.needed, "text": stated(c.text, analysis.years) or None}
                         for n, c in enumerate(rule.criteria, 1)],  # fmt: skip
            "match": rule.match,
            "near_margin": rule.near_margin,
        },
        "schools": [_finding_item(f, organizations, analysis.threshold) for f in analysis.identified],
        "nearly": [_finding_item(f, organizations, analysis.threshold) for f in analysis.nearly],
        "summary": {
            "schools_in_data": analysis.schools_in_data,
            "lines_considered": analysis.lines_considered,
            "identified": len(analysis.identified),
            "nearly": len(analysis.nearly),
            "results_files": files,
        },
        "notes": analysis.notes,
        "diagnostics": [d.as_dict() for d in diagnostics],
    }


def format_json(analysis: Analysis, organizations: dict, diagnostics: list[Diagnostic], files: list[str]) -> str:
    return json.dumps(as_dict(analysis, organizations, diagnostics, files), ensure_ascii=False, indent=2)
