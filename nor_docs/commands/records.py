"""Commands over the records themselves: validate, schema, new."""

from __future__ import annotations

import sys

import click

from ..cli import RECORDS_OPTION, cli
from ..cli_texts import FOLDER, Choice


@cli.command()
@RECORDS_OPTION
@click.option("--format", "fmt", type=Choice(["text", "json"]), default="text", show_default=True,
              help="Формат вывода.")  # fmt: skip
@click.option("--strict", is_flag=True, help="Предупреждения тоже дают код выхода 1.")
@click.option("--codes", is_flag=True, help="Показать все коды диагностики и выйти.")
def validate(records_dir: str, fmt: str, strict: bool, codes: bool) -> None:
    """Проверить записи: схему каждого файла и связи между ними.

    Код выхода: 0 — ошибок нет, 1 — есть ошибки (с --strict — и предупреждения).
    """
    from ..diagnostics import format_codes, format_json, format_text

    if codes:
        click.echo(format_codes(fmt))
        return
    from ..readpool import prefetch

    prefetch(records_dir)  # a large folder: a second process starts reading while the models load
    from ..validate import load_and_validate

    records, found = load_and_validate(records_dir)
    from ..analytics.load import validate_analytics  # records/results, records/rules, cited analyses
    from ..diagnostics import sort_diagnostics

    found = sort_diagnostics(found + validate_analytics(records))
    if fmt == "json":
        click.echo(format_json(found))
    elif found:
        click.echo(format_text(found))
    else:
        click.echo(f"Записи в порядке: файлов — {len(records.files)}, заседаний — {len(records.meetings)}, "
                   f"дорожных карт — {len(records.roadmaps)}.")  # fmt: skip
    failed = any(d.is_error for d in found) or (strict and found)
    sys.exit(1 if failed else 0)


@cli.command()
@click.option("--out", "out_dir", default=None, type=FOLDER,
              help="Куда записать схемы (по умолчанию — в пакет, nor_docs/schemas).")  # fmt: skip
def schema(out_dir: str | None) -> None:
    """Записать JSON Schema для каждого вида записей (для подсказок в редакторе)."""
    from ..schema import write_schemas

    for path in write_schemas(out_dir):
        click.echo(path)


@cli.group()
def new() -> None:
    """Создать заготовку новой записи."""


@new.command("meeting")
@RECORDS_OPTION
@click.option("--date", "on", default=None, metavar="ГГГГ-ММ-ДД", help="Дата заседания, ГГГГ-ММ-ДД (по умолчанию — сегодня).")
@click.option("--slug", default="meeting", show_default=True, metavar="СЛОВО", help="Окончание имени файла (латиницей).")
def new_meeting(records_dir: str, on: str | None, slug: str) -> None:
    """Заготовка протокола заседания: records/meetings/<дата>-<slug>.yaml."""
    from ..scaffold import ScaffoldError, scaffold_meeting

    try:
        given = click.get_current_context().get_parameter_source("records_dir") is not click.core.ParameterSource.DEFAULT
        path = scaffold_meeting(records_dir, on, slug, records_given=given)
    except ScaffoldError as error:
        click.echo(f"nor-docs: {error}", err=True)
        sys.exit(1)
    click.echo(f"Создан {path}: заполните поля и запустите nor-docs validate.")
