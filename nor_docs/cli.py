"""The command line: a thin layer of small commands over the library.

Each command imports what it needs inside its body, so ``nor-docs --help`` and ``validate``
stay fast and never load python-docx. Bad input is reported, never raised: a traceback reaches
the user only with NOR_DOCS_DEBUG=1.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__

RECORDS_OPTION = click.option(
    "--records",
    "records_dir",
    default="records",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Папка с записями.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nor-docs")
def cli() -> None:
    """nor-docs: протоколы, поручения и дорожные карты ШНОР как YAML-записи в git."""


@cli.command()
@RECORDS_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Формат вывода.")  # fmt: skip
@click.option("--strict", is_flag=True, help="Предупреждения тоже дают код выхода 1.")
def validate(records_dir: str, fmt: str, strict: bool) -> None:
    """Проверить записи: схему каждого файла и связи между ними."""
    from .diagnostics import format_json, format_text
    from .validate import load_and_validate

    records, found = load_and_validate(records_dir)
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
@click.option("--out", "out_dir", default=None, type=click.Path(file_okay=False),
              help="Куда записать схемы (по умолчанию — в пакет, nor_docs/schemas).")  # fmt: skip
def schema(out_dir: str | None) -> None:
    """Записать JSON Schema для каждого вида записей (для подсказок в редакторе)."""
    from .schema import write_schemas

    for path in write_schemas(out_dir):
        click.echo(path)


@cli.group()
def new() -> None:
    """Создать заготовку новой записи."""


@new.command("meeting")
@RECORDS_OPTION
@click.option("--date", "on", default=None, help="Дата заседания, ГГГГ-ММ-ДД (по умолчанию — сегодня).")
@click.option("--slug", default="meeting", show_default=True, help="Окончание имени файла (латиницей).")
def new_meeting(records_dir: str, on: str | None, slug: str) -> None:
    """Заготовка протокола заседания: records/meetings/<дата>-<slug>.yaml."""
    from .scaffold import ScaffoldError, scaffold_meeting

    try:
        path = scaffold_meeting(records_dir, on, slug)
    except ScaffoldError as error:
        click.echo(f"nor-docs: {error}", err=True)
        sys.exit(1)
    click.echo(f"Создан {path}: заполните поля и запустите nor-docs validate.")


def main() -> None:
    """Entry point: run the CLI; turn an unexpected failure into one Russian line."""
    try:
        cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("nor-docs: прервано.", err=True)
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last guard before the user
        if os.environ.get("NOR_DOCS_DEBUG"):
            raise
        click.echo(f"nor-docs: внутренняя ошибка ({type(error).__name__}: {error}). "
                   "Запустите с NOR_DOCS_DEBUG=1 и сообщите разработчикам.", err=True)  # fmt: skip
        sys.exit(2)
