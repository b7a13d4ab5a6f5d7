"""The rule applied to the results: which schools meet it, on which lines, and which nearly did.

For the rule's years, a school's line counts when its procedure is one the rule names, it is before
retakes where the rule says so (a line «после» is left out; one that does not say is taken as
before), and it has at least ``min_participants``; it is low when the share of low results is at
least the threshold (or, with ``count_stated``, when the source calls it low without numbers).
«The same procedure» is the procedure, subject and grade («ОГЭ математика», «ВПР русский 5 класс»).
Each criterion is a function of the school's low lines by year (``CRITERIA``); an office's new
criterion is one more function there and one more ``kind`` in ``model.CriterionKind``.

Schools that do not meet the rule but would at a threshold ``near_margin`` points lower are «nearly»
(«почти отвечают»), with the lines that came close.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .compare import Averages
from .model import REGION, Criterion, ResultLine
from .rules import LoadedRule, years_text
from .subjects import procedure_key, procedure_rank

EPSILON = 1e-9


@dataclass
class Finding:
    """A school and why: the numbers of the criteria it meets, the evidence, a reason per criterion."""

    school: str
    criteria: list[int] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    evidence: list[ResultLine] = field(default_factory=list)
    near: list[ResultLine] = field(default_factory=list)  # «nearly»: the lines below the threshold


@dataclass
class Analysis:
    rule: LoadedRule
    years: list[int]
    identified: list[Finding]
    nearly: list[Finding]
    schools_in_data: int
    lines_considered: int
    notes: list[str] = field(default_factory=list)

    @property
    def threshold(self) -> float:
        return self.rule.rule.low_result.threshold


# A school's low lines: year → procedure key → the line.
Lows = dict[int, dict[tuple, ResultLine]]
Check = Callable[[Lows, list[int], Criterion, "Context"], "tuple[list[ResultLine], str] | None"]


@dataclass
class Context:
    school: str
    municipality: str | None
    averages: Averages | None  # only when a criterion compares with the region


def rule_years(loaded: LoadedRule, lines: list[ResultLine], wanted: list[int] | None = None) -> list[int]:
    """The years the rule looks at: given, the rule's own, or the last ``span`` years with data."""
    if wanted:
        return sorted(wanted)
    if loaded.rule.years:
        return sorted(loaded.rule.years)
    present = sorted({line.year for line in lines if line.school is not None})
    return present[-loaded.rule.span :]


def identify(lines: list[ResultLine], loaded: LoadedRule, organizations: dict,
             years: list[int] | None = None) -> Analysis:  # fmt: skip
    """Apply ``loaded`` to ``lines``; ``organizations`` (the directory's, by id) give each school's
    municipality and name (the order of the lists: by municipality, then name)."""
    rule = loaded.rule
    municipality_of = {org_id: org.municipality for org_id, org in organizations.items()}
    years = rule_years(loaded, lines, years)
    low = rule.low_result
    procedures = {procedure_key(p) for p in low.procedures}
    before = {procedure_key(p) for p in low.before_retakes}
    wanted_years = set(years)
    threshold = low.threshold
    near_threshold = max(threshold - rule.near_margin, 0.0)
    lows: dict[str, Lows] = {}
    nears: dict[str, Lows] = {}
    schools: set[str] = set()
    considered = 0
    unsaid = 0
    for line in lines:
        school = line.school
        if school is None:
            continue
        schools.add(school)
        if line.year not in wanted_years:
            continue
        key = line.key
        if key[0] not in procedures:
            continue
        if key[0] in before:
            if line.retakes == "после":
                continue
            if line.retakes is None:
                unsaid += 1
        participants = line.participants
        if participants is None:
            if not (line.stated_low and low.count_stated):
                continue
            considered += 1
            lows.setdefault(school, {}).setdefault(line.year, {}).setdefault(key, line)
            continue
        if participants < low.min_participants or line.low is None:
            continue  # too few to judge, or no count of low results to judge by
        considered += 1
        share = line.low * 100 / participants
        if share + EPSILON >= threshold:
            lows.setdefault(school, {}).setdefault(line.year, {}).setdefault(key, line)
        elif share + EPSILON >= near_threshold and rule.near_margin:
            nears.setdefault(school, {}).setdefault(line.year, {}).setdefault(key, line)
    averages = Averages(lines, municipality_of, procedures) if any(c.kind == "above_region" for c in rule.criteria) else None
    identified, nearly = [], []
    for school in schools:
        context = Context(school, municipality_of.get(school), averages)
        finding = _apply(rule.criteria, rule.match, lows.get(school, {}), years, context)
        if finding is not None:
            identified.append(finding)
            continue
        if school in nears:
            merged: Lows = {}
            for source in (lows.get(school, {}), nears[school]):
                for year, by_key in source.items():
                    for key, line in by_key.items():
                        merged.setdefault(year, {}).setdefault(key, line)
            finding = _apply(rule.criteria, rule.match, merged, years, context)
            if finding is not None:
                finding.near = [line for line in finding.evidence if line.share is not None and line.share + EPSILON < threshold]
                nearly.append(finding)
    notes = []
    if unsaid:
        notes.append(f"строк ОГЭ/ЕГЭ, где не сказано, до или после пересдач они: {unsaid}; учтены как до пересдач")
    order = _school_order(organizations)
    analysis = Analysis(loaded, years, sorted(identified, key=order), sorted(nearly, key=order), len(schools),
                        considered, notes)  # fmt: skip
    for finding in analysis.identified + analysis.nearly:
        finding.evidence = _ordered(finding.evidence, lines)
    return analysis


def _apply(criteria: list[Criterion], match: str, lows: Lows, years: list[int], context: Context) -> Finding | None:
    finding = Finding(context.school)
    met = 0
    evidence: dict[tuple, ResultLine] = {}
    for number, criterion in enumerate(criteria, 1):
        outcome = CRITERIA[criterion.kind](lows, years, criterion, context)
        if outcome is None:
            continue
        met += 1
        lines, reason = outcome
        finding.criteria.append(number)
        finding.reasons.append(reason)
        for line in lines:
            evidence.setdefault((line.key, line.year), line)
    if met == 0 or (match == "all" and met < len(criteria)):
        return None
    finding.evidence = list(evidence.values())
    return finding


def _name(key: tuple, line: ResultLine) -> str:
    return f"{line.procedure} {line.subject}" + (f" {line.grade} класс" if line.grade else "")


def _procedures(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} процедура"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} процедуры"
    return f"{n} процедур"


def _in_one_year(lows: Lows, years: list[int], criterion: Criterion, context: Context):
    hits = [(year, lows[year]) for year in years if len(lows.get(year, {})) >= criterion.needed]
    if not hits:
        return None
    lines = [line for _year, by_key in hits for line in by_key.values()]
    return lines, "; ".join(f"{year}: {_procedures(len(by_key))}" for year, by_key in hits)


def _consecutive(lows: Lows, years: list[int], criterion: Criterion, context: Context):
    run = criterion.consecutive_years
    lines, reasons = [], []
    keys = {key for by_key in lows.values() for key in by_key}
    for key in sorted(keys, key=lambda k: (procedure_rank(k[0]), k[1], k[2] or 0)):
        years_low = [year for year in years if key in lows.get(year, {})]
        best = _longest_run(years_low)
        if len(best) >= run:
            lines += [lows[year][key] for year in best]
            reasons.append(f"{_name(key, lows[best[0]][key])}: {years_text(best)}")
    if not reasons or len(reasons) < criterion.needed:
        return None
    return lines, "; ".join(reasons)


def _longest_run(years: list[int]) -> list[int]:
    best: list[int] = []
    current: list[int] = []
    for year in years:
        current = current + [year] if current and year == current[-1] + 1 else [year]
        if len(current) > len(best):
            best = current
    return best


def _each_year(lows: Lows, years: list[int], criterion: Criterion, context: Context):
    if not years or any(len(lows.get(year, {})) < criterion.needed for year in years):
        return None
    lines = [line for year in years for line in lows[year].values()]
    return lines, "; ".join(f"{year}: {_procedures(len(lows[year]))}" for year in years)


def _in_years(lows: Lows, years: list[int], criterion: Criterion, context: Context):
    lines = [line for year in years for line in lows.get(year, {}).values()]
    if len(lines) < criterion.needed:
        return None
    return lines, f"{years_text(years)}: {_procedures(len(lines))}"


def _above_region(lows: Lows, years: list[int], criterion: Criterion, context: Context):
    hits = []
    for year in years:
        above = []
        for key, line in lows.get(year, {}).items():
            average = context.averages.of(REGION, key, year) if context.averages else None
            if average is not None and line.share is not None and line.share >= average.share + criterion.above_by - EPSILON:
                above.append(line)
        if len(above) >= criterion.needed:
            hits.append((year, above))
    if not hits:
        return None
    return ([line for _y, above in hits for line in above],
            "; ".join(f"{year}: {_procedures(len(above))} выше средней по региону на {criterion.above_by:g} п.п. и более"
                      for year, above in hits))  # fmt: skip


CRITERIA: dict[str, Check] = {
    "procedures_in_one_year": _in_one_year,
    "same_procedure_consecutive_years": _consecutive,
    "procedures_each_year": _each_year,
    "procedures_in_years": _in_years,
    "above_region": _above_region,
}


def _school_order(organizations: dict):
    def key(finding: Finding):
        org = organizations.get(finding.school)
        municipality = (org.municipality or "") if org else ""
        name = org.display_name if org else finding.school
        return (municipality.casefold().replace("ё", "е"), name.casefold().replace("ё", "е"), finding.school)

    return key


def _ordered(evidence: list[ResultLine], lines: list[ResultLine]) -> list[ResultLine]:
    """ВПР, ОГЭ, ЕГЭ; within a procedure the subjects in the order the data gives them; then grade and year."""
    first_seen: dict[tuple, tuple] = {}
    for line in evidence:
        subject = (line.key[0], line.key[1])
        first_seen[subject] = min(first_seen.get(subject, (line.file, line.line)), (line.file, line.line))
    return sorted(evidence, key=lambda line: (procedure_rank(line.key[0]), first_seen[(line.key[0], line.key[1])],
                                              line.grade or 0, line.year))  # fmt: skip
