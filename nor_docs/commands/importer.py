"""``nor-docs import FILE...``: drafts of records from protocols an office already has."""

from __future__ import annotations

import sys

import click

from ..cli import RECORDS_OPTION, cli
from ..cli_texts import FOLDER, Path


@cli.command("import")
@click.argument("files", nargs=-1, required=True, metavar="ФАЙЛ...", type=Path())
@RECORDS_OPTION
@click.option("--out", "out_dir", default=None, type=FOLDER, metavar="ПАПКА",
              help="Куда записать черновики (meetings/, roadmaps/, directory/); по умолчанию — в папку записей.")  # fmt: skip
def import_(files: tuple[str, ...], records_dir: str, out_dir: str | None) -> None:
    """Импортировать протоколы (DOCX, текст, Markdown) в черновики записей.

    Черновик протокола — <out>/meetings/<дата>-<муниципалитет>-<вид>.yaml, дорожной карты —
    <out>/roadmaps/…; новые люди, организации и группы — <out>/directory/import-<id>.yaml.
    Места, которые нужно проверить, отмечены «# проверьте:». Существующий файл не
    перезаписывается: такой файл пропускается с сообщением.

    Код выхода: 0 — все файлы импортированы, 1 — какой-то файл не импортирован.
    """
    from ..importer.importing import DirectoryError, import_file, load_directory, taken_ids
    from ..importer.summary import closing_lines, file_lines

    try:
        index, problems = load_directory(records_dir)
    except DirectoryError as error:
        click.echo(f"nor-docs: {error}", err=True)
        sys.exit(1)
    if problems:
        click.echo(f"nor-docs: в записях {records_dir} ошибки ({len(problems)}) — справочник прочитан не весь; "
                   f"их покажет nor-docs validate --records {records_dir}", err=True)  # fmt: skip
    if not index.people and not index.organizations:
        click.echo(f"Справочник в {records_dir} пуст или не найден: все люди и организации будут предложены "
                   "как новые записи.")  # fmt: skip
    outcomes = []
    for name in files:
        outcome = import_file(name, index, out_dir or records_dir)
        outcomes.append(outcome)
        for line in file_lines(outcome):
            click.echo(line)
        if outcome.ok and outcome.draft is not None:
            index.taken.update(taken_ids(outcome.draft))
    for line in closing_lines(outcomes, records_dir, out_dir):
        click.echo(line)
    sys.exit(0 if all(o.ok for o in outcomes) else 1)
