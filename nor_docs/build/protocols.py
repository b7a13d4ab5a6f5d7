"""Build every meeting's protocol into ``<out>/<meeting id>.docx``: plan, render in parallel, report.

1. Plan. List the record files and the templates (``stat`` only) and compare them with the last
   build's manifest: a meeting is rendered again only when its file, a file it depends on
   (settings, the directory), the templates or nor-docs itself changed, or its output is gone.
   When nothing changed no record is even read.
2. Render. The templates are compiled once, before the worker processes start (they inherit
   them); each worker takes a batch of meeting files, loads them with the directory and settings,
   validates them, and renders and writes every meeting whose file has no error. A bad record
   stops only itself.
3. Report. Diagnostics with file and line; the manifest is rewritten for what was built.

Every output is written atomically (temporary file + rename) and only inside ``out``, which a
build holds locked (``outputs.output_lock``): a second build into the same folder is refused.

**One id, one file.** Each batch is validated on its own, so the ids of the whole folder are
checked before any batch renders: the id every changed meeting file claims (``records.
claimed_ids``, its ``id:`` or its name) and the id of every unchanged one (the manifest) are
compared, and a meeting id that two files claim stops both — neither is rendered, the last good
document under that name stays, and each file gets NOR107 naming the other. A worker that finds
a file claiming another id than planned (edited during the build) does not write it.

**One bad document.** A failure inside one meeting's rendering is NOR313 for that meeting; the
others are built and summarised.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..diagnostics import Diagnostic, sort_diagnostics
from ..exitcodes import INVALID_RECORDS
from ..outputs.atomic import os_error_text, remove_leftovers, write_atomic
from ..source.layout import DOCUMENT_FOLDERS, NOT_RECORDS, looks_like_records
from .manifest import MANIFEST_NAME, Built, Fingerprint, Manifest, file_stat, renderer_fingerprint, same_files
from .outcome import BuildResult, notices_as_diagnostics, render_failure
from .output_paths import BuildRefused, check_output_folder, output_path, records_not_found, shown_name
from .templates import Templates
from .workers import run_batches

SHARED_FOLDERS = ("directory", "events")  # what every meeting's validation and rendering reads












# --- templates ----------------------------------------------------------------------------------




# --- rendering one meeting -----------------------------------------------------------------------


def render_meeting(meeting, records, templates: Templates, items=None, certifier=None, certified_on=None,
                   decisions=None):  # fmt: skip
    """(DOCX bytes, notices) for one meeting; raises ``TemplateProblem`` or ``ExtractProblem``."""
    from ..render.document_kind import kind_of, template_name
    from ..render.protocol_view import protocol_view
    from ..russian.typography import typeset_view

    document_kind = kind_of(meeting, records)
    if document_kind.report and items is None:  # «Информация о ходе исполнения»: its entries as a table
        from ..render.report_view import record_view

        view = record_view(meeting, records)
        notices: list = []
        kind = template_name(document_kind, False)
    else:
        view, notices = protocol_view(meeting, records, records.settings, items=items,
                                      certifier=certifier, certified_on=certified_on, decisions=decisions)  # fmt: skip
        kind = template_name(document_kind, view["extract"])
    template = templates.compiled(templates.choose(meeting, kind))
    return template.render(typeset_view(view, records.settings.documents.typography)), notices






# --- the job each worker runs --------------------------------------------------------------------


@dataclass
class _Job:
    root: Path
    display_root: str | None
    out_dir: Path
    shared: list[Path]
    templates: Templates
    expected: dict[str, str] = field(default_factory=dict)  # meeting file → the id planned for it
    cache: Path | None = None  # the parse cache's folder (``source/parse_cache.py``), if kept


_JOB: _Job | None = None  # set in the parent before the workers fork


@dataclass
class _Outcome:
    file: str  # relative to the records root
    output: str | None = None
    output_stat: list[int] | None = None
    source: Fingerprint | None = None


def _render_batch(batch: list[str]) -> tuple[list[_Outcome], list[Diagnostic]]:
    """Load, validate, render and write one batch of meeting files (in a worker or in-process).

    The cyclic garbage collector is paused for the batch: loading allocates hundreds of thousands
    of long-lived objects (YAML nodes, models) and a collector pass over them every few thousand
    allocations costs a third of the build; nothing here makes reference cycles worth chasing.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return _render_batch_now(batch)
    finally:
        if enabled:
            gc.enable()


def _render_batch_now(batch: list[str]) -> tuple[list[_Outcome], list[Diagnostic]]:
    from ..pipeline import load_checked
    from ..render.compiled_template import TemplateProblem
    from ..render.protocol_view import ExtractProblem
    from ..source.parse_cache import ParseCache

    job = _JOB
    assert job is not None
    fingerprints = {name: Fingerprint.of(job.root / name) for name in batch}
    read = ParseCache(job.cache).read if job.cache is not None else None
    records, problems = load_checked(job.root, files=job.shared + [job.root / n for n in batch], warnings=False,
                                     display_root=job.display_root, read=read)
    if _links_out(records):  # a document that names others' items (a report, ``acts_on``): read them too
        records, problems = load_checked(job.root, warnings=False, display_root=job.display_root, read=read)
        mine = {_shown(job, n) for n in batch} | {_shown(job, p.relative_to(job.root).as_posix()) for p in job.shared}
        others = {_shown(job, p.relative_to(job.root).as_posix()) for p in records.files} - mine
        problems = [d for d in problems if d.file not in others]  # their own batches report them
    broken = {d.file for d in problems if d.is_error}
    # an error in the directory touches every protocol (names, cases, positions): none is built from
    # it — the error is reported, the documents built before stay
    shared_broken = bool(broken & {_shown(job, p.relative_to(job.root).as_posix()) for p in job.shared
                                   if p.relative_to(job.root).parts[0] == "directory"})
    by_source: dict[str, str] = {}
    for record_id, origin in records.origins.items():
        if record_id in records.meetings:
            by_source[origin.file] = record_id
    outcomes = []
    found: list[Diagnostic] = [d for d in problems if d.is_error]
    for name in batch:
        outcome = _Outcome(name)
        outcomes.append(outcome)
        shown = _shown(job, name)
        mid = by_source.get(shown)
        if mid is None or shown in broken or shared_broken:
            continue
        planned = job.expected.get(name)
        if planned is not None and planned != mid:  # the file changed since the ids were compared
            found.append(Diagnostic(shown, 1, 1, "NOR313", f"протокол не собран: файл заявляет id «{mid}», а перед "
                                                           f"сборкой заявлял «{planned}» (изменён во время сборки?); "
                                                           "запустите сборку ещё раз"))  # fmt: skip
            continue
        meeting = records.meetings[mid]
        try:
            data, notices = render_meeting(meeting, records, job.templates)
        except TemplateProblem as problem:
            found.append(Diagnostic(problem.template, 1, 1, problem.code, problem.message))
            continue
        except ExtractProblem as problem:  # a record that is itself an extract nobody can certify
            file, line, col = records.where(mid, problem.loc)
            found.append(Diagnostic(file, line, col, problem.code, str(problem)))
            continue
        except Exception as error:
            if os.environ.get("NOR_DOCS_DEBUG"):
                raise
            file, line, col = records.where(mid)
            found.append(Diagnostic(file, line, col, "NOR313", render_failure("протокол", error)))
            continue
        try:
            target = output_path(job.out_dir, mid)
            write_atomic(target, data, durable=False)
        except (BuildRefused, OSError) as error:
            why = os_error_text(error) if isinstance(error, OSError) else error
            found.append(Diagnostic(shown, 1, 1, "NOR308", f"протокол не записан: {why}"))
            continue
        found.extend(notices_as_diagnostics(records, mid, notices))
        outcome.output = target.name
        outcome.output_stat = file_stat(target)
        outcome.source = fingerprints[name]
    return outcomes, found


def _links_out(records) -> bool:
    """Whether a loaded document names assignments of other records (``reports:``, ``acts_on``):
    checked and rendered, it needs the folder's other documents and roadmaps."""
    from ..control.links import has_links

    return any(has_links(meeting) for meeting in records.meetings.values())


def _shown(job: _Job, name: str) -> str:
    base = job.display_root if job.display_root is not None else job.root.as_posix()
    return f"{base.rstrip('/')}/{name}" if base not in ("", ".") else name


# --- the build -------------------------------------------------------------------------------------


def build_protocols(
    records_dir: str | Path,
    out_dir: str | Path,
    templates_dir: str | Path = "templates",
    *,
    jobs: int | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> BuildResult:
    """Render every changed meeting under ``records_dir`` into ``out_dir``."""
    from ..outputs.safety import output_lock

    root = Path(records_dir)
    out = Path(out_dir)
    check_output_folder(root, out)
    if not root.is_dir():
        raise records_not_found(records_dir)
    if not looks_like_records(root):
        raise BuildRefused(f"«{records_dir}»: {NOT_RECORDS}", INVALID_RECORDS)
    with output_lock(out):
        return _build_protocols(root, out, str(records_dir), Templates(Path(templates_dir), str(templates_dir)),
                                jobs=jobs, force=force, progress=progress)  # fmt: skip


def _build_protocols(root: Path, out: Path, records_dir: str, templates: Templates, *, jobs, force,
                     progress) -> BuildResult:  # fmt: skip
    result = BuildResult()
    shared_files, meeting_files = list_inputs(root)
    shared = {p.relative_to(root).as_posix(): p for p in shared_files}
    meetings = {p.relative_to(root).as_posix(): p for p in meeting_files}
    template_files = templates.files()
    context = {
        "renderer": renderer_fingerprint(),
        "records": str(root.resolve()),
        "templates": str(templates.folder.resolve()),
    }

    previous = Manifest.load(out)
    manifest = Manifest(context=context)
    todo = sorted(meetings)
    if not force and previous.context == context:
        shared_same, shared_now = same_files(previous.shared, shared)
        templates_same, templates_now = same_files(previous.templates, template_files)
        if shared_same and templates_same:
            manifest.shared, manifest.templates = shared_now, templates_now
            todo = []
            for name, path in meetings.items():
                built = previous.meetings.get(name)
                if built is not None and file_stat(out / built.output) == built.output_stat:
                    unchanged, newer = built.source.matches(path)
                    if unchanged:
                        manifest.meetings[name] = Built(newer or built.source, built.output, built.output_stat)
                        continue
                todo.append(name)
    if not manifest.shared:
        manifest.shared = {k: fp for k, p in shared.items() if (fp := Fingerprint.of(p)) is not None}
    if not manifest.templates:
        manifest.templates = {k: fp for k, p in template_files.items() if (fp := Fingerprint.of(p)) is not None}

    expected, blocked, found = _one_file_per_id(root, records_dir, shared_files, meetings, todo, manifest)
    result.diagnostics.extend(found)
    for name in sorted(blocked):
        result.failed.append(name)
        manifest.meetings.pop(name, None)  # rendered again once the ids differ
    todo = [name for name in todo if name not in blocked]
    result.unchanged = len(meetings) - len(todo) - len(blocked)

    if todo:
        remove_leftovers(out)
        outcomes, found = _run(
            _Job(root, records_dir, out, shared_files, templates, expected, _cache_folder(out)), todo, jobs, progress
        )  # fmt: skip
        result.diagnostics.extend(found)
        owners: dict[str, str] = {}
        for outcome in outcomes:
            if outcome.output is None or outcome.source is None or outcome.output_stat is None:  # set together
                result.failed.append(outcome.file)
                manifest.meetings.pop(outcome.file, None)
                continue
            if outcome.output in owners:  # cannot happen (ids are compared first); never silently
                result.diagnostics.append(Diagnostic(
                    shown_name(records_dir, outcome.file), 1, 1, "NOR107",
                    f"идентификатор заседания «{Path(outcome.output).stem}» уже занят "
                    f"({shown_name(records_dir, owners[outcome.output])}); дайте другой",
                ))  # fmt: skip
                result.failed.append(outcome.file)
                continue
            owners[outcome.output] = outcome.file
            result.built.append(out / outcome.output)
            manifest.meetings[outcome.file] = Built(outcome.source, outcome.output, outcome.output_stat)
    # Outputs of meeting files that no longer exist are removed — only files the last build of
    # these same records made (another records folder built into the same place keeps its own).
    same_records = previous.context.get("records") == context["records"]
    for name, built in previous.meetings.items() if same_records else ():
        if name not in meetings and built.output not in {b.output for b in manifest.meetings.values()}:
            try:
                output_path(out, Path(built.output).stem).unlink(missing_ok=True)
            except (BuildRefused, OSError):
                pass
    if todo:  # the parse cache keeps what the manifest knows: the content hashes of today's inputs
        _prune_cache(out, manifest)
    try:
        if todo or previous.meetings.keys() != manifest.meetings.keys() or previous.context != context:
            manifest.save(out)
        elif _refreshed(previous, manifest):
            manifest.save(out)
    except OSError as error:  # the documents are written; only the next build's shortcut is lost
        result.diagnostics.append(Diagnostic(str(out / MANIFEST_NAME), 1, 1, "NOR308",
                                             f"список собранного не записан: {os_error_text(error, with_path=False)}; "
                                             "следующая сборка соберёт всё заново"))  # fmt: skip
    result.diagnostics = sort_diagnostics(result.diagnostics)
    return result


def _cache_folder(out: Path) -> Path | None:
    """Where the workers keep parsed record files (``source/parse_cache.py``): beside the outputs,
    so that ``--force`` or a new template does not parse unchanged YAML again; None when turned off."""
    from ..source import parse_cache

    return out / parse_cache.FOLDER_NAME if parse_cache.enabled() else None


def _prune_cache(out: Path, manifest: Manifest) -> None:
    from ..source.parse_cache import FOLDER_NAME, ParseCache

    folder = out / FOLDER_NAME
    if folder.is_dir():
        keep = {b.source.sha for b in manifest.meetings.values()} | {f.sha for f in manifest.shared.values()}
        ParseCache(folder).prune(keep)


def _one_file_per_id(root: Path, records_dir: str, shared_files: list[Path], meetings: dict[str, Path],
                     todo: list[str], manifest: Manifest) -> tuple[dict[str, str], set[str], list[Diagnostic]]:  # fmt: skip
    """Compare the ids of the whole folder before any batch renders (module doc, «One id, one
    file»): (the id planned for each file to render, the files no document is made from, NOR107
    for each of them)."""
    claims = {name: Path(built.output).stem for name, built in manifest.meetings.items()}  # built before
    if not todo:
        return {}, set(), []  # nothing to render (a no-op build reads no record, imports no model)
    from ..model.records import claimed_ids, load_records

    expected = claimed_ids([meetings[name] for name in todo])
    for name in todo:
        if (claimed := expected.get(meetings[name])) is not None:
            claims[name] = claimed
    by_id: dict[str, list[str]] = {}
    for name, mid in claims.items():
        by_id.setdefault(mid, []).append(name)
    colliding = sorted(name for names in by_id.values() if len(names) > 1 for name in names)
    planned = {name: claimed for name in todo if (claimed := expected.get(meetings[name])) is not None}
    if not colliding:
        return planned, set(), []
    # Only a file whose meeting loads claims its id (as in validate); load those that collide.
    records, _problems = load_records(root, records_dir, files=shared_files + [meetings[n] for n in colliding])
    where: dict[str, tuple[str, int, int]] = {}
    for mid, origin in records.origins.items():
        if mid in records.meetings:
            where[origin.file] = (mid, *origin.source.position(("id",)))
    for mid, located in records.duplicates:
        if located.loc == () and located.file not in where:
            where[located.file] = (mid, *located.source.position(("id",)))
    counted: dict[str, list[tuple[str, str, int, int]]] = {}
    for name in colliding:
        shown = shown_name(records_dir, name)
        if shown in where:
            mid, line, col = where[shown]
            counted.setdefault(mid, []).append((name, shown, line, col))
    blocked: set[str] = set()
    found = []
    for mid, files in sorted(counted.items()):
        if len(files) < 2:
            continue
        for name, shown, line, col in files:
            others = ", ".join(f"{o_shown}:{o_line}" for o_name, o_shown, o_line, _c in files if o_name != name)
            found.append(Diagnostic(shown, line, col, "NOR107",
                                    f"идентификатор заседания «{mid}» заявлен и в {others}: протокол «{mid}» не "
                                    "собирается ни из одного из этих файлов (прежний документ остаётся), пока id не "
                                    "станут разными; дайте другой"))  # fmt: skip
            blocked.add(name)
    return planned, blocked, found


def _refreshed(previous: Manifest, manifest: Manifest) -> bool:
    """Whether only recorded stats changed (a touched file): worth saving, nothing to render."""
    for now, before in ((manifest.shared, previous.shared), (manifest.templates, previous.templates)):
        if any(name in before and before[name].stat != fp.stat for name, fp in now.items()):
            return True
    return any(name in previous.meetings and previous.meetings[name].source.stat != built.source.stat
               for name, built in manifest.meetings.items())  # fmt: skip




def list_inputs(root: Path) -> tuple[list[Path], list[Path]]:
    """(settings + directory + events files, meeting files), each sorted — ``stat`` only."""
    from ..source.layout import record_files

    shared, meetings = [], []
    for path in record_files(root):
        parts = path.relative_to(root).parts
        if len(parts) == 1:
            shared.append(path)  # settings.yaml
        elif parts[0] in SHARED_FOLDERS:
            shared.append(path)
        elif parts[0] in DOCUMENT_FOLDERS:  # meetings/, documents/
            meetings.append(path)
    return shared, meetings




def _run(job: _Job, todo: list[str], jobs: int | None, progress) -> tuple[list[_Outcome], list[Diagnostic]]:
    """Render ``todo`` in batches (``workers.run_batches``): the job is what every worker inherits."""
    global _JOB
    _JOB = job
    try:
        return run_batches(_render_batch, todo, jobs, progress, warm=partial(_warm, job))
    finally:
        _JOB = None


def _warm(job: _Job) -> None:
    _preload()
    job.templates.warm()


def _preload() -> None:
    """Import and initialise in the parent what every worker needs, so they inherit it."""
    from .. import checks, pipeline  # noqa: F401
    from ..checks import characters, deadlines, documents, editor, marks, numbering, references  # noqa: F401
    from ..model import records  # noqa: F401
    from ..render import compiled_template, protocol_view  # noqa: F401
    from ..russian import names

    names._engines()






