"""Load what the analysis needs from a records folder: results, rules, settings — with positions.

``records/results/**/*.csv`` (``results.py``) and ``records/rules/*.yaml`` (``rules.py``) are read
here, not by ``nor_docs.records``: the rest of nor-docs never needs them, and a region's results
are read only by the commands that use them. ``validate_analytics`` is what ``nor-docs validate``
adds for these folders (and for meetings that cite an analysis).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from ..source.layout import shown_path
from .model import ResultLine
from .results import duplicates, read_results
from .rules import LoadedRule, load_rules
from .schools import SchoolIndex

if TYPE_CHECKING:
    from ..model.records import Records

RESULTS = "results"
RULES = "rules"


@dataclass
class Dataset:
    """The results and rules of one records folder, with the directory they refer to."""

    records: Records
    lines: list[ResultLine] = field(default_factory=list)
    rules: dict[str, LoadedRule] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # results files read, as shown
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def settings(self):
        return self.records.settings.analytics

    @property
    def organizations(self) -> dict:
        return self.records.organizations

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.problems)


def has_analytics(root: str | Path) -> bool:
    root = Path(root)
    return (root / RESULTS).is_dir() or (root / RULES).is_dir()


def results_files(root: Path) -> list[Path]:
    folder = root / RESULTS
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.rglob("*") if p.suffix.lower() == ".csv" and p.is_file()),
                  key=lambda p: p.relative_to(folder).parts)  # fmt: skip


def load_analytics(records, display_root: str | None = None) -> Dataset:
    """Results and rules of ``records.root`` (cached on ``records.derived``: a run loads them once)."""
    cached = records.derived.get("analytics")
    if cached is not None:
        return cached
    from ..model.records import gc_paused

    with gc_paused():  # hundreds of thousands of small objects, no cycles among them
        return _load(records, display_root)


def _load(records, display_root: str | None) -> Dataset:
    root = Path(records.root)
    data = Dataset(records)
    schools = SchoolIndex(records.organizations)
    region = records.settings.analytics.region
    for path in results_files(root):
        shown = shown_path(path, root, display_root)
        lines, found = read_results(path, shown, schools, region)
        data.files.append(shown)
        data.lines.extend(lines)
        data.problems.extend(found)
    data.problems.extend(duplicates(data.lines))
    rules_shown = shown_path(root / RULES, root, display_root)
    data.rules, found = load_rules(root / RULES, rules_shown)
    data.problems.extend(found)
    records.derived["analytics"] = data
    return data


def validate_analytics(records, display_root: str | None = None) -> list[Diagnostic]:
    """Every problem of the results and rules, and of the meetings' citations of an analysis."""
    from .citations import check_citations, cites_analysis

    if not has_analytics(records.root) and not cites_analysis(records):
        return []
    data = load_analytics(records, display_root)
    return data.problems + check_citations(records, data)
