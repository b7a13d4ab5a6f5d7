"""Build every roadmap into ``<out>/<roadmap id>.docx``, with statuses as of a day on request.

The records folder is loaded and validated once (roadmaps are few, and their statuses need the
marks, events and meetings anyway). A roadmap whose own file has an error is reported and
skipped; the others are built. With statuses, errors in what statuses are computed from
(``marks/``, ``events/``, ``settings.yaml``) stop every status document (NOR502): a plan's
execution column must not be built on records known to be wrong.

The layers are those of the protocols: ``roadmap_view`` (model → strings), the compiled DOCX
template (``render/compiled_template.py``), an atomic write inside ``out`` (``output_paths.py``). A document whose
bytes have not changed is not written again; the document of a roadmap gone from the records is
removed (only documents this records folder's builds wrote: ``WRITTEN_LIST``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, sort_diagnostics
from ..outputs.atomic import os_error_text, remove_leftovers, write_atomic
from .outcome import BuildResult, render_failure
from .output_paths import BuildRefused, check_output_folder, output_path, records_not_found, shown_name
from .templates import Templates  # fmt: skip

TEMPLATE_NAME = "roadmap.docx"
DEFAULT_OUT = "build/roadmaps"
STATUS_FOLDERS = ("marks", "events")  # with settings.yaml: what statuses are computed from
WRITTEN_LIST = ".nor-docs-roadmaps.json"  # in --out: which documents this records folder's roadmaps made


@dataclass
class RoadmapBuild(BuildResult):
    today: dt.date | None = None  # the day statuses were computed for, if they were
    removed: list[Path] = field(default_factory=list)  # documents of roadmaps no longer in the records


def render_roadmap(roadmap, records, template, parts=None, today: dt.date | None = None) -> bytes:
    """The DOCX bytes of one roadmap (``parts``: assignment id → control items, for statuses)."""
    from ..render.roadmap_view import roadmap_view
    from ..russian.typography import typeset_view

    view = roadmap_view(roadmap, records, parts, today)
    return template.render(typeset_view(view, records.settings.documents.typography))


def roadmap_parts(records, today: dt.date) -> dict[str, list]:
    """Assignment id → the control items (one per executor) of every roadmap item, as of ``today``."""
    from ..control.status import control_items

    parts: dict[str, list] = {}
    for item in control_items(records, today):
        if item.assignment.origin == "roadmap":
            parts.setdefault(item.assignment.id, []).append(item)
    return parts


def build_roadmaps(
    records_dir: str | Path,
    out_dir: str | Path,
    templates_dir: str | Path = "templates",
    *,
    today: dt.date | None = None,
    status: bool = False,
) -> RoadmapBuild:
    """Render every roadmap under ``records_dir`` into ``out_dir``; statuses when ``status`` or
    ``today`` is given (``today`` defaults to today in the office's time zone)."""

    from ..outputs.safety import output_lock

    root, out = Path(records_dir), Path(out_dir)
    check_output_folder(root, out, DEFAULT_OUT)
    if not root.is_dir():
        raise records_not_found(records_dir)
    with output_lock(out):
        return _build_roadmaps(root, out, records_dir, templates_dir, today, status)


def _build_roadmaps(root: Path, out: Path, records_dir, templates_dir, today, status) -> RoadmapBuild:
    from ..pipeline import load_checked
    from ..render.compiled_template import TemplateProblem
    from ..source.layout import record_files

    records, found = load_checked(root, warnings=False, display_root=str(records_dir))
    errors = [d for d in found if d.is_error]
    broken = {d.file for d in errors}
    result = RoadmapBuild(diagnostics=list(errors))
    # A roadmap id two files claim stops both (the first one loaded is not the right one either).
    for rid, located in records.duplicates:
        if rid in records.roadmaps and located.loc == ():
            first = records.origins[rid]
            broken.add(first.file)
            line, col = first.source.position(("id",))
            result.diagnostics.append(Diagnostic(first.file, line, col, "NOR107",
                                                 f"идентификатор «{rid}» заявлен и в {located.file}: дорожная карта "
                                                 "не собирается ни из одного из этих файлов, пока id не станут разными"))  # fmt: skip
    files = [shown_name(records_dir, p.relative_to(root).as_posix()) for p in record_files(root)
             if p.relative_to(root).parts[0] == "roadmaps"]  # fmt: skip
    by_file: dict[str, list[str]] = {}
    for rid in sorted(records.roadmaps):
        by_file.setdefault(records.origins[rid].file, []).append(rid)

    parts = None
    blocked = None  # why statuses cannot be given
    if status or today is not None:
        blocked = _status_blocked(records_dir, broken)
        if blocked is None:
            from ..control.calendar import office_today

            # (a time zone the system does not know is NOR401 in settings.yaml: blocked above)
            result.today = office_today(records.settings.deadlines.timezone.zone, today)
            try:
                parts = roadmap_parts(records, result.today)
            except Exception as error:
                if os.environ.get("NOR_DOCS_DEBUG"):
                    raise
                blocked = f"сбой при расчёте статусов ({type(error).__name__}: {error}) — сообщите разработчикам"

    # an error in the directory would print ids where names belong: no roadmap is built (the error is
    # reported; documents built before stay). Errors that touch statuses only are NOR502 below.
    directory = shown_name(records_dir, "directory/")
    shared_broken = any(f.startswith(directory) for f in broken)
    templates = Templates(Path(templates_dir), str(templates_dir))
    out_ready = False
    for file in files:
        if file in broken or shared_broken:
            result.failed.append(file)
            continue
        for rid in by_file.get(file, []):
            if blocked is not None:
                result.diagnostics.append(Diagnostic(file, 1, 1, "NOR502",
                                                     f"статусы пунктов не посчитаны: {blocked}; исправьте записи "
                                                     "или соберите дорожную карту без --today/--status"))  # fmt: skip
                result.failed.append(file)
                continue
            roadmap = records.roadmaps[rid]
            try:
                template = templates.compiled(templates.choose_named(roadmap.issuer, TEMPLATE_NAME))
                data = render_roadmap(roadmap, records, template, parts, result.today)
            except TemplateProblem as problem:
                result.diagnostics.append(Diagnostic(problem.template, 1, 1, problem.code, problem.message))
                result.failed.append(file)
                continue
            except Exception as error:
                if os.environ.get("NOR_DOCS_DEBUG"):
                    raise
                where, line, col = records.where(rid)
                result.diagnostics.append(Diagnostic(where, line, col, "NOR313", render_failure("документ дорожной карты", error)))
                result.failed.append(file)
                continue
            try:
                target = output_path(out, rid)
                if not out_ready:
                    out.mkdir(parents=True, exist_ok=True)
                    remove_leftovers(out)
                    out_ready = True
                if _same_bytes(target, data):
                    result.unchanged += 1
                    continue
                write_atomic(target, data)
            except (BuildRefused, OSError) as error:
                why = os_error_text(error) if isinstance(error, OSError) else error
                result.diagnostics.append(Diagnostic(file, 1, 1, "NOR308", f"дорожная карта не записана: {why}"))
                result.failed.append(file)
                continue
            result.built.append(target)
    present = {rid: file for file in files if file not in broken for rid in by_file.get(file, [])}
    result.removed = _forget_deleted(out, root, present, broken, out_ready or out.is_dir())
    result.diagnostics = sort_diagnostics(result.diagnostics)
    return result


def _forget_deleted(out: Path, root: Path, present: dict[str, str], broken: set[str], out_exists: bool) -> list[Path]:
    """Remove the documents of roadmaps that are gone from the records (their file deleted, or the
    id renamed), and remember which documents the records' roadmaps own now.

    Only documents that a build of these same records wrote are removed (the list
    ``WRITTEN_LIST`` in ``out``): a document put there by hand or by another records folder stays,
    and so does the last good document of a roadmap whose file now has an error."""
    if not out_exists:
        return []
    listing = out / WRITTEN_LIST
    records = str(root.resolve())
    try:
        before = json.loads(listing.read_text(encoding="utf-8"))
        owned = before["roadmaps"] if before.get("records") == records else {}
        owned = {str(rid): str(file) for rid, file in owned.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        owned = {}
    removed, keep = [], dict(present)
    for rid, file in sorted(owned.items()):
        if rid in present:
            continue
        if file in broken:  # not readable now: its last document stays until the file is fixed
            keep[rid] = file
            continue
        try:
            target = output_path(out, rid)
            if target.is_file():
                target.unlink()
                removed.append(target)
        except (BuildRefused, OSError):
            keep[rid] = file  # try again next time
    data = json.dumps({"records": records, "roadmaps": dict(sorted(keep.items()))}, ensure_ascii=False, indent=1)
    data += "\n"
    try:
        if not _same_bytes(listing, data.encode()):
            write_atomic(listing, data.encode())
    except OSError:
        pass  # the documents are written; only their cleanup next time is lost
    return removed


def _status_blocked(records_dir, broken: set[str]) -> str | None:
    """Why statuses cannot be trusted (errors in the files they are computed from), or None."""
    prefixes = tuple(shown_name(records_dir, f"{folder}/") for folder in STATUS_FOLDERS)
    settings = shown_name(records_dir, "settings.yaml")
    bad = sorted(f for f in broken if f.startswith(prefixes) or f == settings)
    if not bad:
        return None
    shown = ", ".join(bad[:3]) + (f" и ещё {len(bad) - 3}" if len(bad) > 3 else "")
    return f"ошибки в {shown}"


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
