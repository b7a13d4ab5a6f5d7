"""An extract (выписка из протокола) of chosen agenda items of one meeting, built on request.

The extract keeps the protocol's heading and introductory part, the chosen items with their
original numbers (and the decisions numbered under them, 4.1 → item 4), the signature block, and
adds the certification «Верно» (position, signature, И.О. Фамилия, date). It is written to
``<out>/<meeting id>.extract-<items>.docx``.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..diagnostics import Diagnostic, sort_diagnostics
from .outcome import notices_as_diagnostics, render_failure  # fmt: skip
from .output_paths import BuildRefused, check_output_folder, output_path, records_not_found, usage_problem
from .protocols import list_inputs
from .templates import Templates


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
    from ..model.common import parse_date
    from ..outputs.safety import output_lock

    root, out = Path(records_dir), Path(out_dir)
    check_output_folder(root, out)
    if not root.is_dir():
        raise records_not_found(records_dir)
    on = None
    if certified_on is not None:
        try:
            on = parse_date(certified_on)
        except ValueError as error:
            raise usage_problem(f"--date: {error}") from None
    with output_lock(out):
        return _build_extract(root, out, records_dir, templates_dir, meeting_id, items, certifier, on, decisions)


def _build_extract(root: Path, out: Path, records_dir, templates_dir, meeting_id: str, items: list[str],
                   certifier: str | None, on, decisions: list[str] | None) -> tuple[Path | None, list[Diagnostic]]:  # fmt: skip
    from ..model.records import claimed_ids
    from ..outputs.atomic import os_error_text, write_atomic
    from ..pipeline import load_checked
    from ..render.compiled_template import TemplateProblem
    from ..render.protocol_view import ExtractProblem

    shared, meetings = list_inputs(root)
    # The files that claim this id (by name or by ``id:``): one is what is wanted; two, the
    # wrong meeting could be the one loaded — both are loaded and the duplicate reported.
    claims = claimed_ids(meetings)
    # (a file named so that cannot be read is loaded too: its own errors say why it is not there)
    own = [p for p in meetings if claims.get(p) == meeting_id or (claims.get(p) is None and p.stem == meeting_id)]
    records, problems = load_checked(root, files=shared + (own or meetings), warnings=False, display_root=str(records_dir))
    meeting = records.meetings.get(meeting_id)
    if meeting is None:
        import difflib

        # Its file is there but could not be loaded: its own errors say why.
        names = {p.name for p in own}
        own_errors = [d for d in problems if d.is_error and Path(d.file).name in names]
        if own_errors:
            return None, sort_diagnostics(own_errors)
        hint = difflib.get_close_matches(meeting_id, sorted(records.meetings), n=1, cutoff=0.6)
        tail = f"; возможно, «{hint[0]}»?" if hint else ""
        return None, [Diagnostic(str(records_dir), 1, 1, "NOR309", f"заседание «{meeting_id}» не найдено{tail}")]
    file = records.origins[meeting_id].file
    duplicates = [located for mid, located in records.duplicates if mid == meeting_id and located.loc == ()]
    errors = [d for d in problems if d.is_error and (d.file == file or any(d.file == x.file for x in duplicates))]
    if duplicates:
        line, col = records.origins[meeting_id].source.position(("id",))
        others = ", ".join(x.file for x in duplicates)
        errors.append(Diagnostic(file, line, col, "NOR107", f"идентификатор заседания «{meeting_id}» заявлен и в "
                                                            f"{others}: выписка не собирается, пока id не станут разными"))  # fmt: skip
    if errors:
        return None, sort_diagnostics(errors)
    # Errors in what every meeting shares (settings, the directory, events) are reported, as a
    # protocol build reports them (exit code 2), whether the extract is then built or not.
    shared_names = {_shown(records_dir, root, p) for p in shared}
    shared_errors = [d for d in problems if d.is_error and d.file in shared_names]
    if certifier is not None and certifier not in records.people:
        import difflib

        hint = difflib.get_close_matches(certifier, sorted(records.people), n=1, cutoff=0.6)
        tail = f"; возможно, «{hint[0]}»?" if hint else ""
        raise usage_problem(f"--certifier: неизвестное лицо «{certifier}»{tail}")
    from .protocols import render_meeting

    templates = Templates(Path(templates_dir), str(templates_dir))
    try:
        data, notices = render_meeting(meeting, records, templates, items=items, certifier=certifier,
                                       certified_on=on, decisions=decisions)  # fmt: skip
    except ExtractProblem as error:
        line, col = records.where(meeting_id, error.loc)[1:]
        return None, sort_diagnostics(shared_errors + [Diagnostic(file, line, col, error.code, str(error))])
    except TemplateProblem as problem:
        return None, sort_diagnostics(shared_errors + [Diagnostic(problem.template, 1, 1, problem.code, problem.message)])
    except Exception as error:
        if os.environ.get("NOR_DOCS_DEBUG"):
            raise
        _file, line, col = records.where(meeting_id)
        failure = Diagnostic(file, line, col, "NOR313", render_failure("документ выписки", error))
        return None, sort_diagnostics(shared_errors + [failure])
    chosen = sorted({str(i).strip().rstrip(".") for i in items}, key=lambda n: [int(p) if p.isdigit() else 0 for p in n.split(".")])
    try:
        target = output_path(out, f"{meeting_id}.extract-{'-'.join(chosen)}")
        write_atomic(target, data)
    except (BuildRefused, OSError) as error:
        why = os_error_text(error) if isinstance(error, OSError) else error
        return None, sort_diagnostics(shared_errors + [Diagnostic(file, 1, 1, "NOR308", f"выписка не записана: {why}")])
    return target, sort_diagnostics(shared_errors + notices_as_diagnostics(records, meeting_id, notices))


def _shown(records_dir, root: Path, path: Path) -> str:
    from ..source.layout import shown_path

    return shown_path(path, root, str(records_dir))
