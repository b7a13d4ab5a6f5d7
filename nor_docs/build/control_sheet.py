"""Build the control sheet: control items → view → ``templates/control-sheet.docx`` → one DOCX.

It is written atomically to ``<out>/control-sheet-<date>.docx`` (``…-by-meeting.docx`` when
grouped by meeting, so the two never overwrite each other).

The same records and the same day give the same bytes: the view depends only on them, the core
properties carry the day (never the clock), and the package is zipped deterministically.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..outputs.atomic import os_error_text, write_atomic
from ..render.control_sheet_view import control_sheet_view
from .output_paths import BuildRefused, output_path
from .templates import Templates

TEMPLATE = "control-sheet.docx"


def sheet_name(today: dt.date, by: str) -> str:
    """The file name (without ``.docx``): ``control-sheet-2023-02-20`` / ``…-by-meeting``."""
    return f"control-sheet-{today.isoformat()}" + ("-by-meeting" if by == "meeting" else "")


def render_control_sheet(view: dict, templates_dir: str | Path = "templates") -> bytes:
    """The DOCX bytes of the sheet; raises ``TemplateProblem`` (NOR303 when the template is missing)."""
    return render_shipped(TEMPLATE, "шаблон контрольного листа", view, templates_dir)


def render_shipped(template: str, what: str, view: dict, templates_dir: str | Path = "templates") -> bytes:
    """The DOCX bytes of ``view`` rendered with ``<templates_dir>/<template>`` (``what`` names it in
    the message); raises ``TemplateProblem`` (NOR303 when the template is missing)."""
    from ..render.compiled_template import TemplateProblem

    templates = Templates(Path(templates_dir), str(templates_dir))
    path = templates.folder / template
    if not path.is_file():
        raise TemplateProblem(templates.display(path), "NOR303", f"{what} не найден; создайте его: make templates")
    return templates.compiled(path).render(view)


def build_control_sheet(records, items, today: dt.date, by: str, out_dir: str | Path,
                        templates_dir: str | Path = "templates", compiled_by: str | None = None,
                        selection=None) -> Path:  # fmt: skip
    """Render the sheet of ``items`` and write it into ``out_dir``; its path.

    Raises ``TemplateProblem`` for a template that cannot be used and ``BuildRefused`` for an
    output that cannot be written; nothing is written then.
    """
    from ..russian.typography import typeset_view

    view = control_sheet_view(records, items, today, by, compiled_by, selection.describe(records) if selection else "")
    data = render_control_sheet(typeset_view(view, records.settings.documents.typography), templates_dir)
    out = Path(out_dir)
    target = output_path(out, sheet_name(today, by) + (selection.file_suffix() if selection else ""))
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as error:
        raise BuildRefused(f"контрольный лист не записан: {os_error_text(error)}") from None
    return target
