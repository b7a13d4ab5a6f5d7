"""Stage 4, checks: what no single file's schema can see — the rules across records.

Every check takes the loaded ``Records`` (``model/``) and adds diagnostics; none changes the
records. One module per family, each listing its codes: ``references`` (NOR104, NOR113, NOR116, NOR132,
NOR501; the references of a file that failed its schema — ``raw_references``), ``numbering``
(NOR111), ``deadlines`` (NOR105, NOR106, NOR108, NOR109, NOR204, NOR209), ``results`` (NOR201),
``documents`` (NOR117, NOR205, NOR207, NOR210, NOR211), ``kinds`` (NOR122–NOR124, NOR213), ``attendance`` (NOR131, NOR219), ``inspection`` (NOR123, NOR135, NOR220, NOR221), ``roadmaps`` (NOR130, NOR218), ``marks`` (NOR110, NOR114, NOR115,
NOR118–NOR121, NOR206), ``links`` (NOR110, NOR114, NOR127–NOR129, NOR206, NOR216: later documents
acting on assignments, and the documents they review), ``editor`` (NOR203), ``spelling`` (NOR202), ``characters`` (NOR208,
NOR212); ``context`` is what they share (the ids of each kind, the messages of an unknown id).
``run_checks`` runs them all.

Imports the foundation, ``source/``, ``model/`` and ``control/`` (deadlines placed on dates for
NOR108/NOR204, the assignments marks refer to). A new cross-record rule goes into the module of its
family (or a new one, run by ``run_checks``), with its code in ``diagnostics.CODES``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..model.records import Records


def run_checks(records: Records, *, warnings: bool = True) -> list[Diagnostic]:
    """Every cross-record problem of ``records``; ``warnings=False`` skips the checks that can only
    warn (spellings, schema comments, letters), for builders that only need to know what is broken."""
    from . import (
        attendance,
        characters,
        deadlines,
        documents,
        editor,
        inspection,
        kinds,
        links,
        marks,
        numbering,
        references,
        results,
        roadmaps,
        spelling,
    )
    from .context import Context

    ctx = Context(records, warnings)
    for family in (references, numbering, deadlines, results, documents, kinds, attendance, inspection, roadmaps,
                   marks, links):
        family.check(ctx)
    if warnings:
        editor.check(ctx)
        ctx.found += spelling.misspelt_organizations(records)
        for source in records.sources:
            ctx.found += characters.spaced_hyphens(source)
            ctx.found += characters.mixed_scripts(source)
    return ctx.found
