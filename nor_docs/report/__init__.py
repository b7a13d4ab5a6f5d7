"""Stage 6, report: the reports of ``check`` — one set of control items (or the diagnostics of
records that failed validation), written in one of its formats.

``formats`` — the formats as an enum and the one table from format to writer; one module per
format, each writing both the items and the diagnostics of records that failed validation:
``text``, ``json``, ``github``, ``gitlab``, ``junit``; ``common`` — what they share; ``ics`` —
calendar feeds of open deadlines (``nor-docs calendar``). The ``format_*`` functions below give a
report as one string (tests, benchmarks).

Imports the foundation, ``model/`` and ``control/``. A new output format is a module here and a
row of ``formats.WRITERS``.
"""

import importlib
from typing import Any

# name → the writer module that has it; imported when first asked for (``check`` lists the formats
# before it starts reading, and must not import the models for that).
_BY_NAME = {"format_github": "github", "format_step_summary": "github", "format_gitlab": "gitlab",
            "format_json": "json", "item_record": "json", "format_junit": "junit", "format_text": "text"}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _BY_NAME:
        return getattr(importlib.import_module(f"{__name__}.{_BY_NAME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
