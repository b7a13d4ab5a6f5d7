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
    """Averages by (area, procedure key, year) and by (area, year) over a set of procedures."""

    def __init__(self, lines: list[ResultLine], municipality_of: dict[str, str | None], procedures: set[str] | None = None):
        self._by_key: dict[tuple, Average] = {}
        self._schools: dict[tuple, set] = {}
        stated: dict[tuple, ResultLine] = {}
        for line in lines:
            if line.participants is None or line.low is None:
                continue
            key = line.key
            if procedures is not None and key[0] not in procedures:
                continue
            if line.area is not None:
                stated.setdefault((line.area, key, line.year), line)
                continue
            municipality = municipality_of.get(line.school)
            for area in (REGION, municipality) if municipality else (REGION,):
                slot = (area, key, line.year)
                average = self._by_key.get(slot)
                if average is None:
                    average = self._by_key[slot] = Average(0, 0, 0)
                    self._schools[slot] = set()
                average.low += line.low
                average.participants += line.participants
                self._schools[slot].add(line.school)
        for slot, schools in self._schools.items():
            self._by_key[slot].schools = len(schools)
        for slot, line in stated.items():
            self._by_key[slot] = Average(line.low, line.participants, 0, line)  # type: ignore[arg-type]

    def of(self, area: str | None, key: tuple, year: int) -> Average | None:
        if area is None:
            return None
        return self._by_key.get((area, key, year))

    def overall(self, area: str | None, year: int, keys: set | None = None) -> Average | None:
        """All procedures (or ``keys``) of a year together, for the dynamics by year."""
        if area is None:
            return None
        cached = getattr(self, "_overall", None)
        if cached is None:
            cached = self._overall = {}
        if keys is None and (area, year) in cached:
            return cached[(area, year)]
        total = Average(0, 0, 0)
        found = False
        for (slot_area, key, slot_year), average in self._by_key.items():
            if slot_area == area and slot_year == year and (keys is None or key in keys):
                total.low += average.low
                total.participants += average.participants
                total.schools = max(total.schools, average.schools)
                found = True
        if keys is None:
            cached[(area, year)] = total if found else None
        return total if found else None
