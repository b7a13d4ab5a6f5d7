"""The command that builds roadmaps: ``nor-docs build roadmaps`` (``make roadmaps``)."""

from __future__ import annotations

import sys

import click

from ..outputs.textsafety import printable
from .options import HELP as TEMPLATES_HELP
from .options import resolve_default
from .root import RECORDS_OPTION, build, parse_day
from .russian_click import FOLDER


@build.command("roadmaps")
@RECORDS_OPTION
@click.option("--out", "out_dir", default="build/roadmaps", show_default=True, type=FOLDER,
              help="Папка для документов (внутри папки записей — нельзя).")  # fmt: skip
@click.option("--templates", "templates_dir", default="templates", show_default=True,
              callback=resolve_default, type=FOLDER, help=TEMPLATES_HELP)  # fmt: skip
@click.option("--today", callback=parse_day, default=None, metavar="ГГГГ-ММ-ДД",
              help="Отметка о выполнении — статус каждого пункта на этот день, и сводка хода выполнения.")  # fmt: skip
@click.option("--status", is_flag=True,
              help="То же на сегодня (в часовом поясе управления).")  # fmt: skip
def roadmaps(records_dir: str, out_dir: str, templates_dir: str, today, status: bool) -> None:
    """Собрать дорожную карту DOCX для каждой записи roadmaps/: <out>/<id>.docx."""
    from ..build.roadmaps import build_roadmaps
    from ..outputs.safety import OutputRefused
    from .protocols import build_exit_code

    try:
        result = build_roadmaps(records_dir, out_dir, templates_dir, today=today, status=status)
    except OutputRefused as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(error.exit_code)
    for diagnostic in result.diagnostics:
        click.echo(diagnostic.as_text(), err=True)
    for path in sorted(result.built):
        click.echo(printable(path.as_posix()))
    for path in result.removed:
        click.echo(printable(f"удалён {path.as_posix()}: этой дорожной карты больше нет в записях"))
    total = len(result.built) + result.unchanged + len(result.failed)
    when = f" со статусами на {result.today:%d.%m.%Y}" if result.today is not None else ""
    click.echo(printable(f"Собрано дорожных карт{when}: {len(result.built)} из {total} (без изменений — "
                         f"{result.unchanged}, не собрано из-за ошибок — {len(result.failed)}) → {out_dir}"))  # fmt: skip
    sys.exit(build_exit_code(result.diagnostics, result.failed))
