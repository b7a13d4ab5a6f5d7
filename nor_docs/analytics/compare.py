"""Averages to compare a school with: its municipality's and the region's, by procedure and year.

Where the data has an area's own line (``area`` in a results file: the municipality's or the
region's figure as the source publishes it) that line is the average; otherwise the average is
computed from the schools' lines in the data (the sum of low results over the sum of participants),
and says how many schools it is computed from — an average of three schools is not a district's.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import REGION, ResultLine


@dataclass
class Average:
    low: int
    participants: int
    schools: int  # computed from this many schools' lines; 0: the source's own figure
    line: ResultLine | None = None  # the area line it comes from

    @property
    def share(self) -> float:
        return self.low * 100 / self.participants if self.participants else 0.0

    @property
    def stated(self) -> bool:
        return self.line is not None


class Averages:
    """Averages by (area, procedure key, year) and by (area, year) over a set of procedures.

    ``schools`` of a computed average counts the lines summed: one per school (a school's same
    result twice is an error of the records, NOR606)."""

    def __init__(self, lines: list[ResultLine], municipality_of: dict[str, str | None], procedures: set[str] | None = None):
        by_key: dict[tuple, Average] = {}
        stated: dict[tuple, Average] = {}  # the sources' own averages (area lines), the first one
        region = REGION
        for line in lines:
            if line.participants is None or line.low is None:
                continue
            key = line.key
            if procedures is not None and key[0] not in procedures:
                continue
            if line.area is not None:
                stated.setdefault((line.area, key, line.year), Average(line.low, line.participants, 0, line))
                continue
            municipality = municipality_of.get(line.school) if line.school is not None else None
            for slot in ((region, key, line.year), (municipality, key, line.year)) if municipality else ((region, key, line.year),):
                average = by_key.get(slot)
                if average is None:
                    by_key[slot] = Average(line.low, line.participants, 1)
                else:
                    average.low += line.low
                    average.participants += line.participants
                    average.schools += 1
        by_key.update(stated)
        self._by_key = by_key
        self._overall: dict | None = None

    def of(self, area: str | None, key: tuple, year: int) -> Average | None:
        if area is None:
            return None
        return self._by_key.get((area, key, year))

    def overall(self, area: str | None, year: int) -> Average | None:
        """All procedures of a year together, for the dynamics by year (summed once for every area)."""
        if area is None:
            return None
        if self._overall is None:
            self._overall = {}
            for (slot_area, _key, slot_year), average in self._by_key.items():
                total = self._overall.get((slot_area, slot_year))
                if total is None:
                    total = self._overall[(slot_area, slot_year)] = Average(0, 0, 0, average.line)
                total.low += average.low
                total.participants += average.participants
                total.schools = max(total.schools, average.schools)
                if average.line is None:
                    total.line = None  # computed from schools in part: not the source's own figure
        return self._overall.get((area, year))
