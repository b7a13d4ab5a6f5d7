"""An extract (выписка из протокола) of chosen agenda items of one meeting, built on request.

The extract keeps the protocol's heading and introductory part, the chosen items with their
original numbers (and the decisions numbered under them, 4.1 → item 4), the signature block, and
adds the certification «Верно» (position, signature, И.О. Фамилия, date). It is written to
``<out>/<meeting id>.extract-<items>.docx``.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, sort_diagnostics
from .build import BuildRefused, Templates, _list_inputs, check_output_folder, notices_as_diagnostics, output_path


def build_extract(
    records_dir: str | Path,
    out_dir: str | Path,
    templates_dir: str | Path,
    meeting_id: str,
    items: list[str],
    *,
    certifier: str | None = None,
    certified_on: str | None = None,
    decisions: list[str] | None = None,
) -> tuple[Path | None, list[Diagnostic]]:
    """Render the extract; (its path or None when it could not be made, diagnostics).

    ``decisions``: decisions of the meeting as a whole (top-level numbers) to carry besides those
    numbered under the items. An extract nobody can certify (NOR311) or one without any decision
    while the meeting's decisions were left out (NOR312) is not written."""
    from ..atomic import write_atomic
    from ..model.common import parse_date
    from ..records import load_records
    from ..validate import validate_records
    from .engine import TemplateProblem
    from .view import ExtractProblem

    root, out = Path(records_dir), Path(out_dir)
    check_output_folder(root, out)
    if not root.is_dir():
        raise BuildRefused(f"папка с записями «{records_dir}» не найдена")
    on = None
    if certified_on is not None:
        try:
            on = parse_date(certified_on)
        except ValueError as error:
            raise BuildRefused(f"--date: {error}") from None
    shared, meetings = _list_inputs(root)
    own = [p for p in meetings if p.stem == meeting_id]
    # The file named after the meeting is enough; a meeting whose id: differs needs them all.
    records, problems = load_records(root, str(records_dir), files=shared + (own or meetings))
    if meeting_id not in records.meetings and own:
        records, problems = load_records(root, str(records_dir), files=shared + meetings)
    problems.extend(validate_records(records, warnings=False))
    meeting = records.meetings.get(meeting_id)
    if meeting is None:
        import difflib

        # Its file is there but could not be loaded: its own errors say why.
        own_errors = [d for d in problems if d.is_error and own and Path(d.file).name == own[0].name]
        if own_errors:
            return None, sort_diagnostics(own_errors)
        hint = difflib.get_close_matches(meeting_id, sorted(records.meetings), n=1, cutoff=0.6)
        tail = f"; возможно, «{hint[0]}»?" if hint else ""
        return None, [Diagnostic(str(records_dir), 1, 1, "NOR309", f"заседание «{meeting_id}» не найдено{tail}")]
    file = records.origins[meeting_id].file
    errors = [d for d in problems if d.is_error and d.file == file]
    if errors:
        return None, sort_diagnostics(errors)
    if certifier is not None and certifier not in records.people:
        import difflib

        hint = difflib.get_close_matches(certifier, sorted(records.people), n=1, cutoff=0.6)
        tail = f"; возможно, «{hint[0]}»?" if hint else ""
        raise BuildRefused(f"--certifier: неизвестное лицо «{certifier}»{tail}")
    from .build import render_meeting

    templates = Templates(Path(templates_dir), str(templates_dir))
    try:
        data, notices = render_meeting(meeting, records, templates, items=items, certifier=certifier,
                                       certified_on=on, decisions=decisions)  # fmt: skip
    except ExtractProblem as error:
        line, col = records.where(meeting_id, error.loc)[1:]
        return None, [Diagnostic(file, line, col, error.code, str(error))]
    except TemplateProblem as problem:
        return None, [Diagnostic(problem.template, 1, 1, problem.code, problem.message)]
    chosen = sorted({str(i).strip().rstrip(".") for i in items}, key=lambda n: [int(p) if p.isdigit() else 0 for p in n.split(".")])
    target = output_path(out, f"{meeting_id}.extract-{'-'.join(chosen)}")
    write_atomic(target, data)
    return target, sort_diagnostics(notices_as_diagnostics(records, meeting_id, notices))
