"""Commands over the records themselves: validate, schema, new."""

from __future__ import annotations

import sys

import click

from ..outputs.textsafety import printable
from .root import RECORDS_OPTION, cli
from .russian_click import FOLDER, Choice, Path


@cli.command()
@RECORDS_OPTION
@click.option("--format", "fmt", type=Choice(["text", "json"]), default="text", show_default=True,
              help="Формат вывода.")  # fmt: skip
@click.option("--strict", is_flag=True, help="Предупреждения тоже дают код выхода 2.")
@click.option("--codes", is_flag=True, help="Показать все коды диагностики и выйти.")
def validate(records_dir: str, fmt: str, strict: bool, codes: bool) -> None:
    """Проверить записи: схему каждого файла и связи между ними.

    Код выхода: 0 — ошибок нет, 2 — есть ошибки (с --strict — и предупреждения).
    """
    from ..diagnostics import format_codes, format_json, format_text
    from ..exitcodes import for_errors

    if codes:
        click.echo(format_codes(fmt))
        return
    from ..pipeline import load_checked

    records, found = load_checked(records_dir)
    from ..analytics.load import validate_analytics  # records/results, records/rules, cited analyses
    from ..diagnostics import sort_diagnostics

    found = sort_diagnostics(found + validate_analytics(records))
    if fmt == "json":
        click.echo(format_json(found))
    elif found:
        click.echo(format_text(found))
    else:
        acts = sum(not records.kind_of(m).meeting for m in records.meetings.values())  # orders, directives…
        documents = f", документов — {acts}" if acts else ""
        click.echo(f"Записи в порядке: файлов — {len(records.files)}, заседаний — {len(records.meetings) - acts}"
                   f"{documents}, дорожных карт — {len(records.roadmaps)}.")  # fmt: skip
    sys.exit(for_errors(found, strict=strict))


@cli.command()
@click.option("--out", "out_dir", default=None, type=FOLDER,
              help="Куда записать схемы (по умолчанию — в пакет, nor_docs/schemas).")  # fmt: skip
@RECORDS_OPTION
def schema(out_dir: str | None, records_dir: str) -> None:
    """Записать JSON Schema для каждого вида записей (для подсказок в редакторе)."""
    from ..exitcodes import OUTPUT
    from ..outputs.atomic import os_error_text
    from ..outputs.safety import OutputRefused, refuse_inside_records
    from ..scaffold.schema import write_schemas

    try:
        if out_dir is not None:
            refuse_inside_records(out_dir, records_dir, "папка для схем",
                                  "схемы не пишутся в записи — укажите другую папку (--out)")
        written = write_schemas(out_dir)
    except OutputRefused as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(OUTPUT)
    except OSError as error:
        click.echo(printable(f"nor-docs: схемы не записаны: {os_error_text(error)}; укажите другую папку (--out)"), err=True)
        sys.exit(OUTPUT)
    for path in written:
        click.echo(printable(str(path)))


@cli.group()
def new() -> None:
    """Создать заготовку новой записи."""


@new.command("meeting")
@RECORDS_OPTION
@click.option("--date", "on", default=None, metavar="ГГГГ-ММ-ДД", help="Дата заседания, ГГГГ-ММ-ДД (по умолчанию — сегодня).")
@click.option("--slug", default="meeting", show_default=True, metavar="СЛОВО", help="Окончание имени файла (латиницей).")
def new_meeting(records_dir: str, on: str | None, slug: str) -> None:
    """Заготовка протокола заседания: records/meetings/<дата>-<slug>.yaml."""
    from ..scaffold.meeting import ScaffoldError, scaffold_meeting

    try:
        given = click.get_current_context().get_parameter_source("records_dir") is not click.core.ParameterSource.DEFAULT
        path = scaffold_meeting(records_dir, on, slug, records_given=given)
    except ScaffoldError as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(error.exit_code)
    click.echo(printable(f"Создан {path}: заполните поля и запустите nor-docs validate."))


def _added(path, entry_id: str, records_dir: str) -> None:
    click.echo(printable(f"Добавлен «{entry_id}» в {path}. Проверьте: nor-docs validate"
                         + ("" if records_dir == "records" else f" --records {records_dir}")))  # fmt: skip


@new.command("person")
@RECORDS_OPTION
@click.argument("person_id", metavar="ID")
@click.argument("full_name", metavar="ФИО")
@click.option("--position", default=None, metavar="ДОЛЖНОСТЬ", help="Должность строчными: «директор МБОУ СОШ № 3».")
@click.option("--organization", default=None, metavar="ID", help="id организации, где работает.")
@click.option("--gender", type=Choice(["f", "m"]), default=None,
              help="Пол, если его не видно по фамилии и отчеству.")  # fmt: skip
@click.option("--file", "file", type=Path(dir_okay=False), default=None, metavar="ФАЙЛ",
              help="Файл справочника (по умолчанию — где описана его организация).")  # fmt: skip
def new_person(records_dir: str, person_id: str, full_name: str, position: str | None, organization: str | None,
               gender: str | None, file: str | None) -> None:  # fmt: skip
    """Добавить человека в справочник: ID латиницей и «Фамилия Имя Отчество» (или «Фамилия И.О.»).

    Пример: nor-docs new person ivanova "Иванова Мария Петровна" --position "директор" --organization sosh-3"""
    from pathlib import Path as _Path

    from ..scaffold.directory_entry import EntryError, add_entry, person_entry

    try:
        entry = person_entry(person_id, full_name, position, organization, gender)
        path = add_entry(_Path(records_dir), "people", entry, _Path(file) if file else None)
    except EntryError as error:
        click.echo(printable(f"nor-docs: {error}", keep_lines=True), err=True)
        sys.exit(error.exit_code)
    _added(path, person_id, records_dir)


@new.command("organization")
@RECORDS_OPTION
@click.argument("org_id", metavar="ID")
@click.argument("name", metavar="НАЗВАНИЕ")
@click.option("--kind", default="школа", show_default=True, metavar="ВИД",
              help="Вид организации: школа, управление образования, ППМС-центр, центр, институт, …")  # fmt: skip
@click.option("--short-name", default=None, metavar="НАЗВАНИЕ", help="Краткое наименование: «МБОУ СОШ № 3».")
@click.option("--municipality", default=None, metavar="НАЗВАНИЕ", help="Муниципалитет.")
@click.option("--parent", default=None, metavar="ID", help="id вышестоящей организации.")
@click.option("--file", "file", type=Path(dir_okay=False), default=None, metavar="ФАЙЛ",
              help="Файл справочника (по умолчанию — где описана вышестоящая, иначе единственный).")  # fmt: skip
def new_organization(records_dir: str, org_id: str, name: str, kind: str, short_name: str | None,
                     municipality: str | None, parent: str | None, file: str | None) -> None:  # fmt: skip
    """Добавить организацию в справочник: ID латиницей и полное наименование.

    Пример: nor-docs new organization sosh-3 "МБОУ «Средняя общеобразовательная школа № 3»" --short-name "МБОУ СОШ № 3\""""
    from pathlib import Path as _Path

    from ..scaffold.directory_entry import EntryError, add_entry, organization_entry

    try:
        entry = organization_entry(org_id, name, kind, short_name, municipality, parent)
        path = add_entry(_Path(records_dir), "organizations", entry, _Path(file) if file else None)
    except EntryError as error:
        click.echo(printable(f"nor-docs: {error}", keep_lines=True), err=True)
        sys.exit(error.exit_code)
    _added(path, org_id, records_dir)
