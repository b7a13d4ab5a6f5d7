"""Build the report on execution from marks: control items → view → ``templates/report.docx`` →
``<out>/report-<date>[-<selection>].docx`` (atomically), or the same as a ``reports:`` record in
YAML (``draft_yaml``) for a clerk who keeps it in ``records/documents/``.

The same records and the same day give the same bytes, as for the control sheet
(``build/control_sheet.py``, whose rendering this shares).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..outputs.atomic import os_error_text, write_atomic
from ..render.report_view import report_record, report_view
from .control_sheet import render_shipped
from .output_paths import BuildRefused, output_path

TEMPLATE = "report.docx"


def report_name(today: dt.date) -> str:
    """The file name (without ``.docx``): ``report-2024-06-01``."""
    return f"report-{today.isoformat()}"


def build_report(records, items, today: dt.date, out_dir: str | Path, templates_dir: str | Path = "templates",
                 compiled_by: str | None = None, selection=None) -> Path:  # fmt: skip
    """Render the report on ``items`` and write it into ``out_dir``; its path.

    Raises ``TemplateProblem`` for a template that cannot be used and ``BuildRefused`` for an
    output that cannot be written; nothing is written then.
    """
    from ..russian.typography import typeset_view

    view = report_view(records, items, today, compiled_by, selection.describe(records) if selection else "")
    data = render_shipped(TEMPLATE, "шаблон информации о ходе исполнения",
                          typeset_view(view, records.settings.documents.typography), templates_dir)  # fmt: skip
    out = Path(out_dir)
    target = output_path(out, report_name(today) + (selection.file_suffix() if selection else ""))
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as error:
        raise BuildRefused(f"информация о ходе исполнения не записана: {os_error_text(error)}") from None
    return target


def draft_yaml(records, items, today: dt.date, issuer: str, compiled_by: str | None = None, selection=None) -> str:
    """The report as a record of ``records/documents/`` in YAML, with a first line that names the
    schema and a comment that says how to keep it."""
    import yaml

    record = report_record(records, items, today, issuer, compiled_by,
                           selection.describe(records) if selection else "")  # fmt: skip
    head = (
        "# yaml-language-server: $schema=../../nor_docs/schemas/meeting.schema.json\n"
        f"# Информация о ходе исполнения поручений на {today.strftime('%d.%m.%Y')}, собрана из отметок "
        "(nor-docs build report --draft).\n"
        f"# Сохраните как records/documents/{today.isoformat()}-informaciya.yaml и проверьте: nor-docs validate\n"
    )  # fmt: skip
    return head + yaml.dump(record, Dumper=_ClerkDumper, allow_unicode=True, sort_keys=False, width=100)


def _clerk_dumper():
    """A YAML dumper that writes as a clerk would: multi-line text as a block («|-»), the members
    of an entry on one line («[a, b]»)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper, value: str):
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def ids(dumper, value: list):
        flow = all(isinstance(v, str) for v in value)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)

    Dumper.add_representer(str, text)
    Dumper.add_representer(list, ids)
    return Dumper


_ClerkDumper = _clerk_dumper()
