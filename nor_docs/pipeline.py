"""Stage 5, pipeline — the one load path: a records folder (or some of its files) read, loaded into
the model and checked — what every command starts from, adding only its own step (statuses, a
document, a report).

``load_checked(records_dir)`` reads every record file (``source/``), loads it into the model
(``model/``: pydantic, ids registered, a scaffold's «…» read as not filled), runs the cross-record
checks (``checks/``) and returns ``Checked``: the records, their settings and every diagnostic,
sorted. Settings are validated at load; a time zone the system does not know is NOR401 here, at its
line, for every command alike. Nothing raises on bad input.

``files`` loads only those files (a build's batch of meetings with the settings and the
directory). ``warnings=False`` skips the checks that can only warn, for builders that only need to
know what is broken.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .diagnostics import Diagnostic

if TYPE_CHECKING:  # light on import: the models are imported when records are loaded
    from .model.records import Reader, Records
    from .model.settings import Settings


class Checked(NamedTuple):
    """A records folder loaded and checked: the records and every diagnostic (sorted)."""

    records: Records
    diagnostics: list[Diagnostic]

    @property
    def settings(self) -> Settings:
        return self.records.settings

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def load_checked(records_dir: str | Path, *, files: list[Path] | None = None, warnings: bool = True,
                 display_root: str | None = None, read: Reader | None = None) -> Checked:  # fmt: skip
    """Read, load and check ``records_dir`` (only ``files``, if given: paths under it in
    ``record_files`` order; each file with ``read``, if given: a parse cache's); see the module doc."""
    from .checks import run_checks
    from .diagnostics import sort_diagnostics
    from .model.records import gc_paused, load_records

    # Loading and checking build hundreds of thousands of small objects and no garbage cycles worth
    # collecting: the cyclic collector is paused meanwhile, and what was loaded is frozen after.
    with gc_paused():
        records, found = (load_records(records_dir, display_root, files) if read is None
                          else load_records(records_dir, display_root, files, read=read))
        found += run_checks(records, warnings=warnings)
        found += unknown_time_zone(records)
    return Checked(records, sort_diagnostics(found))


def unknown_time_zone(records: Records) -> list[Diagnostic]:
    """NOR401 where the settings name a time zone the system does not know."""
    zone = records.settings.deadlines.timezone
    if zone.zone is not None:
        return []
    source = next((s for s in records.sources if s.path.endswith("settings.yaml")), None)
    file, (line, col) = (source.path, source.position(("deadlines", "timezone"))) if source else ("settings.yaml", (1, 1))
    return [Diagnostic(file, line, col, "NOR401", f"неизвестный часовой пояс «{zone}»; пишите, например, Europe/Moscow")]
