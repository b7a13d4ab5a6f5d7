"""``nor-docs init``: start an office's own records repository (``scaffold/init_office.py``)."""

from __future__ import annotations

import sys

import click

from ..outputs.textsafety import printable
from .root import cli


@cli.command("init")
@click.argument("target", default=".", metavar="[ПАПКА]")  # a file there: init_office says so
@click.option("--name", default="Управление образования", show_default=True, metavar="НАЗВАНИЕ",
              help="Полное наименование управления, как в документах.")  # fmt: skip
@click.option("--short-name", default=None, metavar="НАЗВАНИЕ", help="Краткое наименование: «УО г. Каменки».")
@click.option("--id", "office_id", default="uo", show_default=True, metavar="ID",
              help="id управления в справочнике (латиницей): на него ссылаются записи.")  # fmt: skip
@click.option("--municipality", default=None, metavar="НАЗВАНИЕ", help="Муниципалитет: «Каменский район».")
@click.option("--nor-docs", "source", default=None, metavar="ИСТОЧНИК",
              help="Откуда CI ставит nor-docs: git+https://…/nor-docs.git@<тег или коммит>, путь к .whl или "
                   "nor-docs==0.1.0 (по умолчанию — репозиторий, из которого запущен nor-docs, на его коммите).")  # fmt: skip
def init_command(target: str, name: str, short_name: str | None, office_id: str, municipality: str | None,
                 source: str | None) -> None:  # fmt: skip
    """Начать репозиторий записей управления в ПАПКЕ (новой или пустой; по умолчанию — здесь).

    Пишет records/ (настройки с пояснениями, справочник с самим управлением, пустые папки),
    схемы и настройки редактора, шаблоны DOCX, CI для GitHub и GitLab, Makefile и .gitignore.
    Ничего не перезаписывает."""
    from ..scaffold.init_office import InitError, Office, init_office, next_steps

    office = Office(id=office_id, name=name, short_name=short_name, municipality=municipality)
    try:
        started = init_office(target, office, source)
    except InitError as error:
        click.echo(printable(f"nor-docs init: {error}"), err=True)
        sys.exit(error.exit_code)
    click.echo(next_steps(started, office))
