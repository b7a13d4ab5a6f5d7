"""Commands that build protocols and extracts: ``nor-docs build protocols``, ``build extract``."""

from __future__ import annotations

import sys

import click

from ..outputs.textsafety import printable
from .options import HELP as TEMPLATES_HELP
from .options import resolve_default
from .root import RECORDS_OPTION, build
from .russian_click import FOLDER, IntRange

OUT_OPTION = click.option(
    "--out", "out_dir", default="build/protocols", show_default=True, type=FOLDER,
    help="Папка для документов (внутри папки записей — нельзя).",
)  # fmt: skip
TEMPLATES_OPTION = click.option(
    "--templates", "templates_dir", default="templates", show_default=True, type=FOLDER,
    callback=resolve_default, help=TEMPLATES_HELP,
)  # fmt: skip


def _shown(items) -> list:
    """What a build prints: errors, and its own warnings (the rest is ``nor-docs validate``'s)."""
    return [d for d in items if d.is_error or d.code.startswith("NOR3")]


def build_exit_code(diagnostics, failed) -> int:
    """A build's exit code (``exitcodes``): the worst of its errors; a document left unbuilt is
    at least ``ATTENTION``."""
    from ..exitcodes import ATTENTION, for_errors

    return max(for_errors(diagnostics), ATTENTION if failed else 0)


def _echo_diagnostics(items) -> None:
    for diagnostic in items:
        click.echo(diagnostic.as_text(), err=True)


@build.command("protocols")
@RECORDS_OPTION
@OUT_OPTION
@TEMPLATES_OPTION
@click.option("--jobs", "-j", type=IntRange(min=1), default=None, metavar="N",
              help="Сколько процессов (по умолчанию — по числу ядер).")  # fmt: skip
@click.option("--force", is_flag=True, help="Собрать заново всё, даже неизменившееся.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Показывать ход сборки (только в терминале).")  # fmt: skip
def protocols(records_dir: str, out_dir: str, templates_dir: str, jobs: int | None, force: bool,
              progress: bool) -> None:  # fmt: skip
    """Собрать протокол DOCX для каждого заседания: <out>/<id заседания>.docx."""
    from ..build.protocols import build_protocols
    from ..build.workers import stderr_progress
    from ..outputs.safety import OutputRefused

    try:
        result = build_protocols(records_dir, out_dir, templates_dir, jobs=jobs, force=force,
                                 progress=stderr_progress(progress))  # fmt: skip
    except OutputRefused as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(error.exit_code)
    shown = _shown(result.diagnostics)
    _echo_diagnostics(shown)
    if len(result.built) <= 20:
        for path in sorted(result.built):
            click.echo(printable(path.as_posix()))
    total = len(result.built) + result.unchanged
    if not result.built and not result.failed and not result.unchanged:
        click.echo(printable(f"В {records_dir}/meetings нет заседаний (файлов .yaml) — собирать нечего. Новое "
                             f"заседание: nor-docs new meeting --records {records_dir}"))  # fmt: skip
    elif not result.built and not result.failed:
        click.echo(printable(f"Без изменений: протоколов — {result.unchanged} в {out_dir}; собирать нечего."))
    else:
        click.echo(printable(f"Собрано протоколов: {len(result.built)} из {total + len(result.failed)} "
                             f"(без изменений — {result.unchanged}, не собрано из-за ошибок — {len(result.failed)}) "
                             f"→ {out_dir}"))  # fmt: skip
    sys.exit(build_exit_code(result.diagnostics, result.failed))


@build.command("extract")
@click.argument("meeting_id", metavar="ID_ЗАСЕДАНИЯ")
@click.option("--item", "items", multiple=True, required=True, metavar="N",
              help="Номер пункта повестки (можно несколько: --item 2 --item 4).")  # fmt: skip
@RECORDS_OPTION
@OUT_OPTION
@TEMPLATES_OPTION
@click.option("--decision", "decisions", multiple=True, metavar="N",
              help="Решение заседания в целом, которое войдёт в выписку (можно несколько: --decision 1 "
                   "--decision 3); решения с номером пункта (4.1 → пункт 4) входят сами.")  # fmt: skip
@click.option("--certifier", default=None, metavar="ID",
              help="Кто заверяет выписку («Верно»), id человека; по умолчанию секретарь.")  # fmt: skip
@click.option("--date", "certified_on", default=None, metavar="ДАТА",
              help="Дата заверения (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ); по умолчанию дата заседания.")  # fmt: skip
def extract(meeting_id: str, items: tuple[str, ...], records_dir: str, out_dir: str, templates_dir: str,
            decisions: tuple[str, ...], certifier: str | None, certified_on: str | None) -> None:  # fmt: skip
    """Выписка из протокола: выбранные пункты с исходными номерами и заверением «Верно»."""
    from ..build.extracts import build_extract
    from ..outputs.safety import OutputRefused

    try:
        path, found = build_extract(records_dir, out_dir, templates_dir, meeting_id, list(items),
                                    certifier=certifier, certified_on=certified_on,
                                    decisions=list(decisions))  # fmt: skip
    except OutputRefused as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(error.exit_code)
    _echo_diagnostics(_shown(found))
    if path is not None:
        click.echo(printable(path.as_posix()))
    sys.exit(build_exit_code(found, [] if path is not None else ["выписка"]))
