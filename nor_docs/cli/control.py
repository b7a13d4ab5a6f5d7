"""Commands of control of execution: ``check`` (statuses of every assignment, for people and CI),
``calendar`` (.ics feeds of open deadlines) and ``build control`` (the control sheet, DOCX).

``check`` never imports python-docx, docxtpl or icalendar: it runs in CI on every push.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import pathlib
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

import click

from ..exitcodes import ATTENTION, INVALID_RECORDS, OK, OUTPUT, USAGE
from ..outputs.textsafety import printable
from ..report.formats import Format
from .options import HELP as TEMPLATES_HELP
from .options import resolve_default
from .root import RECORDS_OPTION, build, cli, finish, parse_day
from .russian_click import FOLDER, Choice, IntRange, Path


def filter_options(command, many_meetings: bool = False):
    """``--issuer``, ``--meeting``, ``--executor``: the same selection in check, calendar and the
    control sheet (``control/selection.py``); ``many_meetings`` — ``--meeting`` may be repeated
    (the report on execution)."""
    meeting = (click.option("--meeting", "meeting", multiple=True, metavar="ID",
                            help="Только поручения этого заседания, документа или дорожной карты (id: имя файла без "
                                 ".yaml); можно несколько раз.")  # fmt: skip
               if many_meetings else
               click.option("--meeting", default=None, metavar="ID",
                            help="Только поручения этого заседания или дорожной карты (id: имя файла без .yaml)."))  # fmt: skip
    for option in reversed((
        click.option("--issuer", default=None, metavar="ID",
                     help="Только поручения, которые дала эта организация (id из справочника)."),
        meeting,
        click.option("--executor", default=None, metavar="ID",
                     help="Только поручения этого исполнителя: человека, организации или группы (группа — "
                          "каждый её участник)."),
    )):  # fmt: skip
        command = option(command)
    return command


def many_filter_options(command):
    """``filter_options`` with ``--meeting`` repeatable (the report on execution)."""
    return filter_options(command, many_meetings=True)


TODAY_OPTION = click.option(
    "--today", callback=parse_day, default=None, metavar="ГГГГ-ММ-ДД",
    help="Считать сегодняшним этот день (по умолчанию — сегодня в часовом поясе управления).",
)  # fmt: skip


def _prepare(records_dir: str, today: dt.date | None, warn_days: int | None, selection=None):
    """Load and validate; then the control items (those ``selection`` picks, if given).
    Returns (records, items, today, warn, errors); an id of the selection the records do not
    define is a usage error."""
    from ..control.calendar import office_today
    from ..control.status import control_items
    from ..pipeline import load_checked

    checked = load_checked(records_dir, warnings=False)  # only errors stop control; warnings are validate's
    records, errors = checked.records, checked.errors
    if errors:
        return records, [], None, None, errors
    settings = records.settings.deadlines
    today = office_today(settings.timezone.zone, today)  # a zone the system does not know is NOR401 above
    warn = settings.warn_days if warn_days is None else warn_days
    items = control_items(records, today, warn)
    if selection:
        from ..control.selection import FilterError
        from .russian_click import RussianUsageError

        try:
            selection.check(records)
        except FilterError as error:
            raise RussianUsageError(f"{error.option}: {error}", click.get_current_context()) from None
        items = selection.apply(items, records)
    return records, items, today, warn, []


def _selection(issuer: str | None, meeting: str | None, executor: str | None):
    from ..control.selection import ControlFilter

    return ControlFilter(issuer=issuer, meeting=meeting, executor=executor)


@contextlib.contextmanager
def _report_stream(output: str | None) -> Iterator[TextIO]:
    """Where a report goes, line by line: ``output`` (atomically; as a stream into a pipe or a
    device) or stdout. A report that cannot be written is exit 4 with a Russian line. Not
    ``click.echo``: on a pipe it runs an ANSI-stripping regex over all the text."""
    if not output:
        yield sys.stdout
        sys.stdout.flush()
        return
    from ..outputs.atomic import open_atomic, os_error_text

    try:
        with open_atomic(output) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            yield text
            text.flush()
            text.detach()  # the file is open_atomic's to close (and to rename into place)
    except OSError as error:
        click.echo(printable(f"nor-docs: отчёт не записан в {output}: {os_error_text(error, with_path=False)}; "
                             "укажите другой файл (--output)"), err=True)  # fmt: skip
        finish(OUTPUT)


@cli.command()
@RECORDS_OPTION
@TODAY_OPTION
@click.option("--warn-days", type=IntRange(min=0, max=365), default=None, metavar="N",
              help="«Срок истекает»: за сколько рабочих дней до срока (по умолчанию из настроек, 3).")  # fmt: skip
@click.option("--format", "fmt", type=Choice([f.value for f in Format]), default="text", show_default=True,
              help="Формат вывода: для людей, аннотации GitHub, Code Quality GitLab, JSON, JUnit.")  # fmt: skip
@click.option("--output", type=Path(dir_okay=False), default=None,
              help="Записать отчёт в файл, а не в стандартный вывод.")  # fmt: skip
@filter_options
def check(records_dir: str, today: dt.date | None, warn_days: int | None, fmt: str, output: str | None,
          issuer: str | None, meeting: str | None, executor: str | None) -> None:  # fmt: skip
    """Проверить сроки поручений: код 1, если что-то просрочено (2 — записи с ошибками)."""
    if output is not None:
        _refuse_output(output, records_dir, "файл отчёта", "отчёт не пишется в записи — укажите другой файл (--output)")
    selection = _selection(issuer, meeting, executor)
    records, items, today, warn, errors = _prepare(records_dir, today, warn_days, selection)
    from ..control.status import summary
    from ..report import github
    from ..report.formats import ControlReport, writer

    write = writer(fmt)
    if errors:
        with _report_stream(output) as out:
            write.diagnostics(out, errors)
            out.write("\n")
        if fmt == Format.GITHUB:
            _append_step_summary(github.diagnostics_step_summary(errors))
        finish(INVALID_RECORDS)
    report = ControlReport(items, summary(items), records, today, warn, selection)
    with _report_stream(output) as out:
        write.items(out, report)
        out.write("\n")
    if fmt == Format.GITHUB:
        _append_step_summary(github.step_summary(report))
    finish(ATTENTION if report.counts["overdue"] else OK)


def _check_compiled_by(records, compiled_by: str | None) -> None:
    """Exit with ``USAGE`` when ``--compiled-by`` names nobody in the directory."""
    if compiled_by is not None and compiled_by not in records.people:
        import difflib

        hint = difflib.get_close_matches(compiled_by, sorted(records.people), n=1, cutoff=0.6)
        tail = f"; возможно, «{hint[0]}»?" if hint else ""
        click.echo(printable(f"nor-docs: --compiled-by: неизвестное лицо «{compiled_by}»{tail}"), err=True)
        sys.exit(USAGE)


def _refuse_output(target: str, records_dir: str, what: str, way_out: str) -> None:
    """Exit with ``OUTPUT`` before any work when ``target`` lies inside the records folder."""
    from ..outputs.safety import OutputRefused, refuse_inside_records

    try:
        refuse_inside_records(target, records_dir, what, way_out)
    except OutputRefused as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(OUTPUT)


def _append_step_summary(markdown: str) -> None:
    """Add to the GitHub Actions job summary when the step has one (``$GITHUB_STEP_SUMMARY``)."""
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        try:
            with open(step_summary, "a", encoding="utf-8") as handle:
                handle.write(markdown)
        except OSError as error:
            from ..outputs.atomic import os_error_text

            click.echo(printable(f"nor-docs check: сводка шага не записана: {os_error_text(error)}"), err=True)


@cli.command("calendar")
@RECORDS_OPTION
@filter_options
@TODAY_OPTION
@click.option("--out", "out_dir", default="build/calendar", show_default=True, type=FOLDER,
              help="Папка для файлов .ics.")  # fmt: skip
def calendar_command(records_dir: str, issuer: str | None, meeting: str | None, executor: str | None,
                     today: dt.date | None, out_dir: str) -> None:  # fmt: skip
    """Календарь сроков (.ics): общий и по исполнителям, с напоминанием за день.

    С --executor — один файл этого исполнителя; --issuer и --meeting сужают все файлы."""
    from pathlib import Path

    from ..diagnostics import format_text
    from ..outputs.atomic import os_error_text, write_atomic
    from ..outputs.safety import OutputRefused, output_lock

    _refuse_output(out_dir, records_dir, "папка для календарей",
                   "календари не пишутся в записи — укажите другую (по умолчанию build/calendar)")
    selection = _selection(issuer, meeting, executor)
    records, items, today, _warn, errors = _prepare(records_dir, today, None, selection)
    if errors:
        click.echo(format_text(errors) + "\nКалендарь не собран: сначала исправьте записи.")
        sys.exit(INVALID_RECORDS)
    from ..report.ics import calendars

    if selection:
        click.echo(printable(selection.describe(records)))
    try:
        feeds = calendars(items, records, today, executor)
    except Exception as error:
        if os.environ.get("NOR_DOCS_DEBUG"):
            raise
        from ..build.outcome import render_failure

        click.echo(printable(f"nor-docs: NOR313 {render_failure('календарь', error)}"), err=True)
        sys.exit(ATTENTION)
    try:
        with output_lock(out_dir):
            for stem, (data, events) in feeds.items():
                path = Path(out_dir) / f"{stem}.ics"
                try:
                    write_atomic(path, data)
                except OSError as error:
                    click.echo(printable(f"nor-docs: календарь не записан: {os_error_text(error)}; укажите другую "
                                         "папку (--out)"), err=True)  # fmt: skip
                    sys.exit(OUTPUT)
                click.echo(printable(f"{path}: событий — {events}"))
    except OutputRefused as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(OUTPUT)


@build.command("control")
@RECORDS_OPTION
@TODAY_OPTION
@click.option("--by", type=Choice(("executor", "meeting")), default="executor", show_default=True,
              help="Группировать по исполнителям или по протоколам и дорожным картам.")  # fmt: skip
@click.option("--warn-days", type=IntRange(min=0, max=365), default=None, metavar="N",
              help="«Срок истекает»: за сколько рабочих дней до срока (по умолчанию из настроек, 3).")  # fmt: skip
@click.option("--out", "out_dir", default="build/control", show_default=True, type=FOLDER,
              help="Папка для документа (внутри папки записей — нельзя).")  # fmt: skip
@click.option("--templates", "templates_dir", default="templates", show_default=True,
              callback=resolve_default, type=FOLDER, help=TEMPLATES_HELP)  # fmt: skip
@filter_options
@click.option("--compiled-by", default=None, metavar="ID",
              help="Кто составил лист («Составил:»), id человека; по умолчанию из настроек (compiled_by).")  # fmt: skip
def build_control(records_dir: str, today: dt.date | None, by: str, warn_days: int | None, out_dir: str,
                  templates_dir: str, issuer: str | None, meeting: str | None, executor: str | None,
                  compiled_by: str | None) -> None:  # fmt: skip
    """Контрольный лист исполнения поручений (DOCX): <out>/control-sheet-<дата>.docx.

    С --issuer, --meeting, --executor — лист только этих поручений: отбор назван в листе и в имени
    файла (control-sheet-<дата>-executor-<id>.docx).

    Код 2 — записи с ошибками (документ не собирается), 1 — документ не собран (шаблон),
    4 — не записан."""
    from pathlib import Path

    from ..build.control_sheet import build_control_sheet
    from ..build.output_paths import check_output_folder
    from ..control.status import summary
    from ..outputs.safety import OutputRefused

    try:
        check_output_folder(Path(records_dir), Path(out_dir), default="build/control")
    except OutputRefused as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(error.exit_code)
    selection = _selection(issuer, meeting, executor)
    records, items, today, _warn, errors = _prepare(records_dir, today, warn_days, selection)
    if errors:
        for diagnostic in errors:
            click.echo(diagnostic.as_text(), err=True)
        click.echo("Контрольный лист не собран: сначала исправьте записи.", err=True)
        sys.exit(INVALID_RECORDS)
    _check_compiled_by(records, compiled_by)
    path = _build_document("контрольный лист", out_dir, lambda: build_control_sheet(
        records, items, today, by, out_dir, templates_dir, compiled_by, selection))
    counts = summary(items)
    executors = len({i.member for i in items})
    assignments = {i.assignment.id for i in items}
    late = {i.assignment.id for i in items if i.status == "overdue"}
    click.echo(printable(f"{path.as_posix()}: поручений — {len(assignments)} (по исполнителям — {counts['total']}), "
                         f"просрочено — {len(late)} (по исполнителям — {counts['overdue']}), исполнителей — {executors}"))  # fmt: skip
    if selection:
        click.echo(printable(selection.describe(records)))


@build.command("report")
@RECORDS_OPTION
@click.option("--as-of", "today", callback=parse_day, default=None, metavar="ГГГГ-ММ-ДД",
              help="На какой день статусы (по умолчанию — сегодня в часовом поясе управления).")  # fmt: skip
@click.option("--out", "out_dir", default="build/reports", show_default=True, type=FOLDER,
              help="Папка для документа (внутри папки записей — нельзя).")  # fmt: skip
@click.option("--templates", "templates_dir", default="templates", show_default=True,
              callback=resolve_default, type=FOLDER, help=TEMPLATES_HELP)  # fmt: skip
@many_filter_options
@click.option("--compiled-by", default=None, metavar="ID",
              help="Кто составил («Составил:»), id человека; по умолчанию из настроек (compiled_by).")  # fmt: skip
@click.option("--draft", is_flag=True, default=False,
              help="Не собирать DOCX, а вывести то же как запись YAML (reports:) для records/documents/.")  # fmt: skip
def build_report_command(records_dir: str, today: dt.date | None, out_dir: str, templates_dir: str,
                         issuer: str | None, meeting: tuple[str, ...], executor: str | None,
                         compiled_by: str | None, draft: bool) -> None:  # fmt: skip
    """Информация о ходе исполнения поручений (DOCX): <out>/report-<дата>.docx.

    Собирается из отметок: по документам — что поручено, срок, исполнитель, что сделано, статус на
    дату; итог и «Составил». С --issuer, --meeting, --executor — только эти поручения (отбор назван в
    документе и в имени файла). С --draft — запись YAML в стандартный вывод: сохраните её в
    records/documents/, чтобы хранить отчёт как документ.

    Код 2 — записи с ошибками, 1 — документ не собран (шаблон), 3 — неизвестный id, 4 — не записан."""
    from pathlib import Path

    from ..build.output_paths import check_output_folder
    from ..outputs.safety import OutputRefused

    if not draft:
        try:
            check_output_folder(Path(records_dir), Path(out_dir), default="build/reports")
        except OutputRefused as error:
            click.echo(printable(f"nor-docs: {error}"), err=True)
            sys.exit(error.exit_code)
    from ..control.selection import ControlFilter

    selection = ControlFilter(issuer=issuer, meeting=meeting[0] if meeting else None, executor=executor,
                              meetings=tuple(dict.fromkeys(meeting[1:])))  # fmt: skip
    records, items, today, _warn, errors = _prepare(records_dir, today, None, selection)
    if errors:
        for diagnostic in errors:
            click.echo(diagnostic.as_text(), err=True)
        click.echo("Информация о ходе исполнения не собрана: сначала исправьте записи.", err=True)
        sys.exit(INVALID_RECORDS)
    _check_compiled_by(records, compiled_by)
    if draft:
        _print_draft(records, items, today, compiled_by, selection)
        return
    from ..build.report import build_report

    path = _build_document("информация о ходе исполнения", out_dir, lambda: build_report(
        records, items, today, out_dir, templates_dir, compiled_by, selection))
    from ..control.status import summary
    from ..render.control_sheet_view import assignment_parts, assignment_state

    states = [assignment_state(parts, today) for parts in assignment_parts(items)]
    parts = summary(items)
    done = sum(1 for s in states if s in ("done", "done_late"))
    click.echo(printable(f"{path.as_posix()}: поручений — {len(states)} (по исполнителям — {parts['total']}), "
                         f"исполнено — {done} ({parts['done'] + parts['done_late']}), "
                         f"просрочено — {states.count('overdue')} ({parts['overdue']}), "
                         f"снято с контроля — {states.count('cancelled')} ({parts['cancelled']})"))  # fmt: skip
    if selection:
        click.echo(printable(selection.describe(records)))


def _print_draft(records, items, today: dt.date, compiled_by: str | None, selection) -> None:
    """The report as a YAML record on stdout; its issuer is --issuer, the settings' organization or
    the one body every assignment comes from (else a usage error that asks for --issuer)."""
    from ..build.report import draft_yaml
    from ..render.control_sheet_view import issuers_of

    issuer = selection.issuer or records.settings.documents.organization
    if issuer is None:
        bodies = issuers_of(items, records)
        if len(bodies) != 1:
            shown = ", ".join(sorted(bodies)) or "нет поручений"
            click.echo(printable(f"nor-docs: --draft: чья это информация? Поручения дали несколько организаций "
                                 f"({shown}); укажите --issuer или documents.organization в настройках"), err=True)  # fmt: skip
            sys.exit(USAGE)
        issuer = next(iter(bodies))
    sys.stdout.write(draft_yaml(records, items, today, issuer, compiled_by, selection))
    sys.stdout.flush()


def _build_document(what: str, out_dir: str | pathlib.Path, build: Callable[[], pathlib.Path]) -> pathlib.Path:
    """One document built under the output folder's lock; what can go wrong while it is built is a
    message and an exit code, never a traceback: a template problem (NOR30x, exit 1), an output
    refused (exit 4 and the like), anything else NOR313 for this document (exit 1)."""
    from ..build.outcome import render_failure
    from ..diagnostics import Diagnostic
    from ..outputs.safety import OutputRefused, output_lock
    from ..render.compiled_template import TemplateProblem

    try:
        with output_lock(out_dir):
            return build()
    except TemplateProblem as problem:
        click.echo(Diagnostic(problem.template, 1, 1, problem.code, problem.message).as_text(), err=True)
        sys.exit(ATTENTION)
    except OutputRefused as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(error.exit_code)
    except Exception as error:
        if os.environ.get("NOR_DOCS_DEBUG"):
            raise
        click.echo(printable(f"nor-docs: NOR313 {render_failure(what, error)}"), err=True)
        sys.exit(ATTENTION)
