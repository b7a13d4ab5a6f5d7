"""The analytic report's «view»: an analysis turned into the plain Russian strings and tables the
template (``templates/analysis.docx``) places, and the charts it shows.

Sections (numbered in order, the optional ones only when they have something to say): the rule
as stated; the data; the schools that meet the rule, each with its evidence; the dynamics by year
with the municipality's and the region's averages and the charts; the comparison of each evidence
line with the averages; the schools that nearly met the rule; remarks on the data (a stated
percentage that does not match its numbers, lines without numbers); the conclusion; the signature.
Knows nothing of DOCX: the charts come back as what to draw (``ChartSpec``); ``charts.py`` draws
them and ``build/analysis.py`` places them.
"""

from __future__ import annotations

import re

from ..analytics.compare import Average, Averages
from ..analytics.evidence import evidence_text, heading, percent
from ..analytics.identify import Analysis, Finding
from ..analytics.model import REGION, ResultLine
from ..analytics.output import rule_statement
from ..analytics.rules import stated, years_text
from ..analytics.subjects import procedure_key
from ..model.common import format_date
from .charts import ChartSpec

BARS_HEIGHT_MM = 215  # a bar chart and its caption fit on a page of text height 257 mm
SCHOOLS_PER_PANELS = 8  # schools in one figure of dynamics (four rows of two: a page)
YEARS_SHOWN = 5  # in the table of dynamics
YEARS_IN_BARS = 3  # in the bar chart: more bars per school would make it a page per few schools


_NBSP = "\u00a0"


def _bound(text: str) -> str:
    """An evidence line as a document sets it: «4 чел. из 12 (33,3%)», «5 класс» never torn across lines."""
    text = re.sub(r"(\d) (чел\.|класс)", rf"\1{_NBSP}\2", text)
    return re.sub(r"из (\d+) \(", rf"из{_NBSP}\1{_NBSP}(", text)


def _count(value: int) -> str:
    """«120 000»: thousands apart, with a non-breaking space."""
    return f"{value:,}".replace(",", "\u00a0")


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def report_view(records, data, analysis: Analysis, on, signer: str | None) -> tuple[dict, list[ChartSpec]]:
    rule = analysis.rule.rule
    orgs = records.organizations
    counted = _counted(data.lines, analysis)
    municipality_of = {org_id: org.municipality for org_id, org in orgs.items()}
    procedures = {procedure_key(p) for p in rule.low_result.procedures}
    averages = Averages(counted, municipality_of, procedures)
    municipalities = sorted({orgs[f.school].municipality for f in analysis.identified if orgs[f.school].municipality})
    # municipalities of the schools in the data: one municipality's report does not repeat its name
    in_data = {municipality_of.get(line.school) for line in counted if line.school is not None}
    several = len(in_data) > 1
    name = {f.school: orgs[f.school].display_name + (f" ({orgs[f.school].municipality})" if several and orgs[f.school].municipality else "")
            for f in analysis.identified + analysis.nearly}  # fmt: skip
    numbers = iter(range(1, 20))
    view: dict = {
        "issuer": _issuer(records, rule.issuer),
        "kind": "АНАЛИТИЧЕСКАЯ СПРАВКА",
        "subject": f"о результатах оценочных процедур {_years_span(analysis.years)} и выявлении общеобразовательных "
                   "организаций с низкими образовательными результатами",
        "date": format_date(on, records.settings.documents.date_style),
        "has_wide_tables": True,
    }  # fmt: skip
    statement = rule_statement(analysis)
    criteria = [stated(c.text, analysis.years) or c.kind for c in rule.criteria]
    view["rule"] = {
        "heading": f"{next(numbers)}. Критерии отбора",
        "paragraphs": [f"Отбор проведён по правилу «{rule.title}»" + (f" ({rule.source})" if rule.source else "") + ".",
                       statement[0],
                       "В начальный список включаются общеобразовательные организации, удовлетворяющие "
                       + ("как минимум одному из следующих критериев:" if rule.match == "any" else "всем следующим критериям:")],
        "criteria": [f"– {text}{';' if i < len(criteria) - 1 else '.'}" for i, text in enumerate(criteria)],
        "after": ([f"При анализе данных {', '.join(rule.low_result.before_retakes)} учитываются результаты участников, "
                   "полученные до пересдач."] if rule.low_result.before_retakes else [])
                 + [f"Рассмотрены результаты {years_text(analysis.years)} гг."],
    }  # fmt: skip
    kinds = sorted({line.procedure for line in counted}, key=lambda p: procedure_key(p))
    view["data"] = {
        "heading": f"{next(numbers)}. Исходные данные",
        "paragraphs": [f"Проанализированы результаты {_count(analysis.schools_in_data)} общеобразовательных организаций: "
                       f"{_count(analysis.lines_considered)} строк результатов ({', '.join(kinds) or 'нет'}) за "
                       f"{_years_span(analysis.years)}; всего в данных — {_count(len(data.lines))} строк за "
                       f"{_years_span(sorted({line.year for line in data.lines}))}".rstrip(".") + ".",
                       "Источник: " + ", ".join(data.files) + "." if data.files else "Файлов результатов нет."]
                      + [note[:1].upper() + note[1:] + "." for note in analysis.notes],
    }  # fmt: skip
    found = analysis.identified
    view["identified"] = {
        "heading": f"{next(numbers)}. Общеобразовательные организации, отвечающие критериям",
        "paragraphs": [f"Критериям отбора отвечают {len(found)} из {analysis.schools_in_data} общеобразовательных организаций:"]
        if found else ["Ни одна общеобразовательная организация не отвечает критериям отбора."],
        "rows": [{"number": str(i), "name": name[f.school], "criteria": ", ".join(map(str, f.criteria)),
                  "evidence": [_bound(evidence_text(line)) for line in f.evidence]} for i, f in enumerate(found, 1)],
    }  # fmt: skip
    years = sorted({line.year for line in counted})[-YEARS_SHOWN:]
    wanted = {f.school for f in found}
    by_school: dict[str, list[ResultLine]] = {school: [] for school in wanted}
    for line in counted:  # one pass: a region has hundreds of thousands of lines
        if line.school in wanted:
            by_school[line.school].append(line)
    shares = [[_school_share(by_school[f.school], year) for year in years] for f in found]
    rows = [{"name": name[f.school], "cells": [_number(v) for v in row]} for f, row in zip(found, shares)]
    # The region's average computed from the schools of one municipality would be that municipality's
    # again: it is shown only when the source gives it or the data covers several municipalities.
    region_known = several
    for area in municipalities + [REGION]:
        overall = [averages.overall(area, year) for year in years]
        if area == REGION and not region_known:
            overall = [a if a is not None and a.stated else None for a in overall]
        if any(a is not None for a in overall):
            rows.append({"name": _area_label(area, overall), "cells": [_number(a.share if a else None) for a in overall]})
    view["dynamics"] = {
        "heading": f"{next(numbers)}. Динамика результатов по годам",
        "paragraphs": [f"Доля участников с низкими результатами по всем учтённым процедурам ({', '.join(rule.low_result.procedures)}), %:"]
        if found else [],
        "years": [str(y) for y in years],
        "rows": rows if found else [],
        "note": "Прочерк — данных нет. Средние по району и региону — по строкам территорий в данных, где они есть, "
                "иначе по результатам школ в данных (в скобках — число школ).",
    }  # fmt: skip
    charts = _charts(analysis, by_school, name, years, shares)
    view["comparison"] = _comparison(analysis, averages, name, orgs, numbers, region_known)
    near = max(analysis.threshold - rule.near_margin, 0)
    view["nearly"] = {
        "heading": f"{next(numbers)}. Общеобразовательные организации, близкие к критериям" if analysis.nearly else "",
        "paragraphs": [f"При пороге {near:g}% вместо {analysis.threshold:g}% критериям отвечали бы ещё "
                       f"{len(analysis.nearly)} ОО:"],
        "entries": [f"– {name[f.school]}: " + "; ".join(_bound(evidence_text(line)) for line in f.evidence) + ";"
                  for f in analysis.nearly],
    }  # fmt: skip
    if view["nearly"]["entries"]:
        view["nearly"]["entries"][-1] = view["nearly"]["entries"][-1][:-1] + "."
    remarks = _remarks(data, analysis)
    view["remarks"] = {"heading": f"{next(numbers)}. Замечания к данным" if remarks else "", "entries": remarks}
    conclusion = ([f"По результатам анализа в начальный список школ с низкими образовательными результатами "
                   f"предлагается включить {len(found)} ОО: {', '.join(orgs[f.school].display_name for f in found)}."]
                  if found else ["Оснований для включения общеобразовательных организаций в список нет."])  # fmt: skip
    if analysis.nearly:
        conclusion.append(f"Рекомендуется держать на контроле результаты {len(analysis.nearly)} ОО, близких к критериям.")
    view["conclusion"] = {"heading": f"{next(numbers)}. Выводы", "paragraphs": conclusion}
    view["signature"] = _signature(records, signer)
    view["core"] = {"title": f"Аналитическая справка: {rule.title}", "subject": view["subject"],
                    "author": view["issuer"] or "nor-docs", "date": on, "identifier": analysis.rule.id}  # fmt: skip
    return view, charts


def _counted(lines: list[ResultLine], analysis: Analysis) -> list[ResultLine]:
    """The lines the rule counts (procedures, before retakes, enough participants), in every year."""
    low = analysis.rule.rule.low_result
    procedures = {procedure_key(p) for p in low.procedures}
    before = {procedure_key(p) for p in low.before_retakes}
    kept = []
    for line in lines:
        key = procedure_key(line.procedure)
        if key not in procedures or (key in before and line.retakes == "после"):
            continue
        if line.participants is not None and line.participants < low.min_participants:
            continue
        kept.append(line)
    return kept


def _school_share(lines: list[ResultLine], year: int) -> float | None:
    low = participants = 0
    for line in lines:
        if line.year == year and line.participants and line.low is not None:
            low += line.low
            participants += line.participants
    return round(low * 100 / participants, 1) if participants else None


def _area_label(area: str, averages: list[Average | None]) -> str:
    counts = {a.schools for a in averages if a is not None and not a.stated}
    where = "Регион" if area == REGION else area
    suffix = f" (по {max(counts)} ОО)" if counts else ""
    return f"{where}: в среднем{suffix}"


def _charts(analysis: Analysis, by_school: dict, name: dict, years: list[int], shares) -> list[ChartSpec]:
    found = analysis.identified
    if not found or not years:
        return []
    charts = []
    threshold = analysis.threshold
    shown = years[-YEARS_IN_BARS:]
    columns = [years.index(year) for year in shown]
    per_chart = max(1, int((BARS_HEIGHT_MM - 26) // (4.2 * len(shown) + 3)))
    for start in range(0, len(found), per_chart):
        part = found[start : start + per_chart]
        caption = "Доля участников с низкими результатами по годам, % (все учтённые процедуры)"
        values = [[row[c] for c in columns] for row in shares[start : start + per_chart]]
        charts.append(ChartSpec("shares", ([name[f.school] for f in part], shown, values, threshold, caption)))
    for start in range(0, len(found), SCHOOLS_PER_PANELS):
        panels = [(name[f.school], _series(f, by_school[f.school], years)) for f in found[start : start + SCHOOLS_PER_PANELS]]
        charts.append(ChartSpec("dynamics", (panels, years, threshold, "Динамика доли низких результатов по процедурам, "
                                             "по которым школа отвечает критериям, %")))  # fmt: skip
    return charts


def _series(finding: Finding, lines: list[ResultLine], years: list[int]) -> list[tuple[str, dict[int, float]]]:
    keys: dict[tuple, str] = {}
    for line in finding.evidence:
        keys.setdefault(line.key, f"{line.procedure} {line.subject}" + (f" {line.grade} кл." if line.grade else ""))
    series = []
    for key, label in keys.items():
        points = {line.year: round(line.share, 1) for line in lines
                  if line.key == key and line.share is not None and line.year in years}
        if points:
            series.append((label, points))
    return series


def _comparison(analysis: Analysis, averages: Averages, name: dict, orgs, numbers, region_known: bool) -> dict:
    rows = []
    computed = False
    for finding in analysis.identified:
        municipality = orgs[finding.school].municipality
        for line in finding.evidence:
            if line.share is None:
                continue
            cells = []
            for area in (municipality, REGION):
                average = averages.of(area, line.key, line.year)
                if average is not None and area == REGION and not (region_known or average.stated):
                    average = None
                if average is None:
                    cells.append("—")
                else:
                    computed = computed or not average.stated
                    cells.append(_number(average.share) + ("" if average.stated else f" ({average.schools})"))
            rows.append({"name": name[finding.school], "procedure": heading(line), "school": _number(line.share),
                         "municipality": cells[0], "region": cells[1]})  # fmt: skip
    return {
        "heading": f"{next(numbers)}. Сравнение со средними показателями района и региона" if rows else "",
        "paragraphs": ["Доля низких результатов школы по каждой процедуре, по которой она отвечает критериям, и "
                       "средние значения по той же процедуре и году:"],
        "rows": rows,
        "note": ("В скобках — число школ, по результатам которых в данных рассчитано среднее (строки района или региона "
                 "из источника в данных отсутствуют)." if computed else "Средние — по строкам района и региона из источника."),
    }  # fmt: skip


def _remarks(data, analysis: Analysis) -> list[str]:
    items = []
    by_place = {(line.file, line.line): line for line in data.lines}
    for diagnostic in sorted(d for d in data.problems if not d.is_error):
        line = by_place.get((diagnostic.file, diagnostic.line))
        who = data.records.display_name(line.school) if line is not None and line.school else (line.area if line else "")
        what = f"«{heading(line)}», {who}" if line is not None else ""
        if diagnostic.code == "NOR201" and line is not None:
            items.append(f"– {what}: в источнике указано {percent(line.percent).replace(',0%', '%')}, по числам — "
                         f"{percent(line.share)} ({diagnostic.file}, строка {diagnostic.line}); в справке — по числам;")  # fmt: skip
        else:
            items.append(f"– {diagnostic.message} ({diagnostic.file}, строка {diagnostic.line});")
    stated_only = [line for f in analysis.identified for line in f.evidence if line.share is None]
    for line in stated_only:
        items.append(f"– «{heading(line)}», {data.records.display_name(line.school)}: источник называет результат низким, не приводя чисел "
                     f"({line.file}, строка {line.line});")  # fmt: skip
    if items:
        items[-1] = items[-1][:-1] + "."
    return items


def _issuer(records, issuer: str | None) -> str:
    if issuer and issuer in records.organizations:
        return records.organizations[issuer].name
    return ""


def _years_span(years: list[int]) -> str:
    if not years:
        return ""
    if len(years) == 1:
        return f"{years[0]} г."
    if years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]} гг."
    return f"{years_text(years)} гг."


def _signature(records, signer: str | None) -> dict:
    if signer is None or signer not in records.people:
        return {"position": "", "name": ""}
    person = records.people[signer]
    position = person.position or ""
    return {"position": position[:1].upper() + position[1:], "name": person.short_initials_first}
