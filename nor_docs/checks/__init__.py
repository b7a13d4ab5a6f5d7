"""Stage 4, checks: what no single file's schema can see — the rules across records.

Every check takes the loaded ``Records`` (``model/``) and returns diagnostics; none changes the
records. ``cross_record`` holds the rules of references, numbering, deadlines, results, marks and
the documents; ``spelling`` the near-miss organisation names (NOR202); ``raw_references`` the references of a file that
failed its schema.

Imports the foundation, ``source/``, ``model/`` and ``control/`` (deadlines placed on dates for
NOR108/NOR204, the assignments the marks refer to). A new cross-record rule goes here, in the
module of its family, with its code in ``diagnostics.CODES``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..model.records import Records


def run_checks(records: Records, *, warnings: bool = True) -> list[Diagnostic]:
    """Every cross-record problem of ``records``; ``warnings=False`` skips the checks that can only
    warn (spellings, schema comments, letters), for builders that only need to know what is broken."""
    from .cross_record import validate_records

    return validate_records(records, warnings=warnings)
