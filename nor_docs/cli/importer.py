"""``nor-docs import FILE...``: drafts of records from protocols an office already has."""

from __future__ import annotations

import sys

import click

from ..outputs.textsafety import printable
from .root import RECORDS_OPTION, cli
from .russian_click import FOLDER, Path


@cli.command("import")
@click.argument("files", nargs=-1, required=True, metavar="ФАЙЛ...", type=Path())
@RECORDS_OPTION
@click.option("--out", "out_dir", default=None, type=FOLDER, metavar="ПАПКА",
              help="Куда записать черновики (meetings/, documents/, roadmaps/, directory/); по умолчанию — в папку записей.")  # fmt: skip
def import_(files: tuple[str, ...], records_dir: str, out_dir: str | None) -> None:
    """Импортировать протоколы (DOCX, текст, Markdown) в черновики записей.

    Черновик протокола — <out>/meetings/<дата>-<муниципалитет>-<вид>.yaml, дорожной карты —
    <out>/roadmaps/…; новые люди, организации и группы — <out>/directory/import-<id>.yaml.
    Места, которые нужно проверить, отмечены «# проверьте:». Существующий файл не
    перезаписывается: такой файл пропускается с сообщением.

    Код выхода: 0 — все файлы импортированы, 1 — какой-то файл не прочитан или не распознан,
    2 — --records не папка, 4 — черновик не записан (файл уже есть, нет прав или места, идёт
    другой импорт в ту же папку).
    """
    import os

    from ..exitcodes import ATTENTION, INVALID_RECORDS, OK, OUTPUT
    from ..importer.importing import DirectoryError, import_file, load_directory, taken_ids
    from ..importer.summary import closing_lines, file_lines
    from ..outputs.safety import OutputRefused, output_lock

    try:
        index, problems = load_directory(records_dir)
    except DirectoryError as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(INVALID_RECORDS)
    if problems:
        click.echo(printable(f"nor-docs: в записях {records_dir} ошибки ({len(problems)}) — справочник прочитан не весь; "
                             f"их покажет nor-docs validate --records {records_dir}"), err=True)  # fmt: skip
    if not index.people and not index.organizations:
        click.echo(printable(f"Справочник в {records_dir} пуст или не найден: все люди и организации будут предложены "
                             "как новые записи."))  # fmt: skip
    target = out_dir or records_dir
    existed = os.path.isdir(target)
    outcomes = []
    try:
        # one import at a time into a folder: a draft's name is checked free, then written
        with output_lock(target, busy=f"в папку «{target}» уже идёт импорт (другой запуск nor-docs); дождитесь его "
                                      "окончания или укажите другую папку (--out)"):  # fmt: skip
            for name in files:
                outcome = import_file(name, index, target)
                outcomes.append(outcome)
                for line in file_lines(outcome):
                    click.echo(printable(line))
                if outcome.ok and outcome.draft is not None:
                    index.taken.update(taken_ids(outcome.draft))
    except OutputRefused as error:
        click.echo(printable(f"nor-docs: {error}"), err=True)
        sys.exit(error.exit_code)
    if not existed and not any(o.written for o in outcomes):
        try:
            os.rmdir(target)  # made only to hold the lock: nothing was imported into it
        except OSError:
            pass
    for line in closing_lines(outcomes, records_dir, out_dir):
        click.echo(printable(line))
    # a file not read or not recognised: not all imported (1); a draft not written: the output (4)
    code = OK
    for outcome in outcomes:
        if not outcome.ok:
            code = max(code, ATTENTION if outcome.draft is None else OUTPUT)
    sys.exit(code)

