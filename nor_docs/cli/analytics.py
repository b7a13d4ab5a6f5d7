"""Commands of the analytics (``nor_docs/analytics``): ``analyze`` (which schools meet the rule,
with evidence; text or JSON), ``results import`` (an office's XLSX/CSV → a results file, with a
report of every row), ``build analysis`` (the analytic report, DOCX), and ``new group`` / ``new
roadmap`` (drafts from the identified list, never overwriting a file).

Exit codes as in every command (``exitcodes``): 0 — done; 1 — a table not imported, the report
not built (its template, NOR313); 2 — the records have errors (reported, nothing analysed); 3 — an
argument names nothing (``--rule``, ``--signer``, ``--issuer``, a sheet) or is missing; 4 — the
output refused (inside the records, an existing file, no room, another build).
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import NoReturn

import click

from ..exitcodes import ATTENTION, INVALID_RECORDS, OUTPUT, USAGE
from ..outputs.textsafety import printable
from .options import HELP as TEMPLATES_HELP
from .options import resolve_default
from .records import new
from .root import RECORDS_OPTION, build, cli, parse_day
from .russian_click import FOLDER, Choice, IntRange, Path

RULE_OPTION = click.option("--rule", "rule_id", default=None, metavar="ID",
                           help="Правило отбора из records/rules/ (по умолчанию — из настроек, единственное или "
                                "правило протокола 000).")  # fmt: skip


def _years(ctx, param, value: str | None) -> list[int] | None:
    """Click callback of ``--years``: «2022,2023» or «2022-2023» → [2022, 2023]; else a usage error."""
    if not value:
        return None
    years: list[int] = []
    for part in value.replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise click.BadParameter(f"«{value}»: пишите годы так: 2022,2023 или 2022-2023")
        years.extend(range(int(first), int(last or first) + 1))
    return sorted(set(years))


YEARS_OPTION = click.option("--years", default=None, metavar="ГОДЫ", callback=_years,
                            help="Годы вместо названных в правиле: 2022,2023 или 2022-2023.")  # fmt: skip


def _usage(message: str) -> NoReturn:
    """A usage error of the running command (exit 3): «nor-docs <команда>: …» and the help."""
    from .russian_click import RussianUsageError

    raise RussianUsageError(message, click.get_current_context())


def _refuse(message: str, code: int = OUTPUT) -> None:
    click.echo(printable(f"nor-docs: {message}"), err=True)
    sys.exit(code)


def _prepare(records_dir: str, rule_id: str | None, years: list[int] | None):
    """(records, dataset, analysis, warnings) — or the errors, reported, and exit 2; a rule that
    ``--rule`` names and the records do not have (or several rules and none chosen) is a usage
    error (3), one that the settings name is an error of the records (2)."""
    from ..analytics.citations import check_citations
    from ..analytics.identify import identify
    from ..analytics.load import load_analytics
    from ..analytics.rules import choose_rule
    from ..diagnostics import Diagnostic, format_text, sort_diagnostics
    from ..pipeline import load_checked

    checked = load_checked(records_dir, warnings=False)
    # the other records' errors stop the analysis; their warnings are validate's to show
    records, problems = checked.records, checked.errors
    data = load_analytics(records)
    problems += data.problems
    loaded, why = choose_rule(data.rules, rule_id, records.settings.analytics.rule)
    from_settings = rule_id is None and records.settings.analytics.rule is not None
    if loaded is None and from_settings:
        problems.append(Diagnostic(f"{records_dir.rstrip('/')}/rules", 1, 1, "NOR608", why or ""))
    elif loaded is not None:
        problems += check_citations(records, data)
    found = sort_diagnostics(problems)
    errors = [d for d in found if d.is_error]
    if errors:
        click.echo(format_text(errors) + "\nАнализ не выполнен: сначала исправьте записи.", err=True)
        sys.exit(INVALID_RECORDS)
    if loaded is None:
        _usage(why or "")
    analysis = identify(data.lines, loaded, records.organizations, years)
    present = {line.year for line in data.lines if line.school is not None}
    missing = [year for year in analysis.years if year not in present]
    if missing:
        where = loaded.file if loaded.source is not None else f"{records_dir.rstrip('/')}/results"
        found.append(Diagnostic(where, 1, 1, "NOR609",
                                f"в records/results/ нет результатов школ за {', '.join(map(str, missing))} — годы правила "
                                f"«{loaded.id}»; добавьте их (nor-docs results import) или укажите --years"))  # fmt: skip
    return records, data, analysis, found


@cli.command()
@RECORDS_OPTION
@RULE_OPTION
@YEARS_OPTION
@click.option("--format", "fmt", type=Choice(["text", "json"]), default="text", show_default=True,
              help="Формат вывода (JSON — по docs/analyze.schema.json).")  # fmt: skip
@click.option("--output", type=Path(dir_okay=False), default=None, help="Записать вывод в файл.")
def analyze(records_dir: str, rule_id: str | None, years: list[int] | None, fmt: str, output: str | None) -> None:
    """Школы с низкими результатами по правилу отбора: кто отвечает правилу, на каких строках, кто почти.

    Читает records/results/*.csv и правило из records/rules/. Код выхода: 0 — анализ выполнен
    (предупреждения допускаются), 2 — в записях ошибки, 3 — нет такого правила, 4 — вывод не записан."""
    from ..analytics.output import format_json, format_text

    if output is not None:
        _refuse_inside_records(output, records_dir, "файл вывода", "вывод не пишется в записи — укажите другой файл (--output)")
    records, data, analysis, found = _prepare(records_dir, rule_id, years)
    if fmt == "json":
        text = format_json(analysis, records.organizations, found, data.files)
    else:
        text = format_text(analysis, records.organizations, found)
    _emit(text, output)


def _refuse_inside_records(target: str, records_dir: str, what: str, way_out: str) -> None:
    """Exit with ``OUTPUT`` before any work when ``target`` lies inside the records folder."""
    from ..outputs.safety import OutputRefused, refuse_inside_records

    try:
        refuse_inside_records(target, records_dir, what, way_out)
    except OutputRefused as error:
        _refuse(str(error), error.exit_code)


def _emit(text: str, output: str | None) -> None:
    """The analysis to ``output`` (atomically; as a stream into a pipe or a device) or to stdout;
    every line printable (a school's name cannot move the cursor or forge a CI command)."""
    text = printable(text, keep_lines=True)
    if output:
        from ..outputs.atomic import os_error_text, write_atomic

        try:
            write_atomic(output, text.encode("utf-8") + b"\n")
        except OSError as error:
            _refuse(f"вывод не записан в {output}: {os_error_text(error, with_path=False)}; укажите другой файл (--output)")
        click.echo(printable(f"Записано: {output}"))
    else:
        click.echo(text)


@cli.group()
def results() -> None:
    """Результаты оценочных процедур: импорт таблиц в records/results/."""


@results.command("import")
@RECORDS_OPTION
@click.argument("table", type=Path(exists=True, dir_okay=False), metavar="ФАЙЛ")
@click.option("--out", "out_name", default=None, metavar="ИМЯ",
              help="Имя файла в records/results/ (по умолчанию — имя таблицы, .csv).")  # fmt: skip
@click.option("--sheet", default=None, metavar="ЛИСТ", help="Лист книги XLSX (по умолчанию — первый).")
@click.option("--procedure", default=None, metavar="ПРОЦЕДУРА", help="ВПР, ОГЭ, ЕГЭ…, если в таблице не сказано.")
@click.option("--subject", default=None, metavar="ПРЕДМЕТ", help="Предмет, если в таблице не сказано.")
@click.option("--grade", type=IntRange(min=1, max=11), default=None, metavar="КЛАСС", help="Класс, если в таблице не сказано.")
@click.option("--year", type=IntRange(min=2000, max=2100), default=None, metavar="ГОД", help="Год, если в таблице не сказано.")
@click.option("--retakes", type=Choice(["до", "после"]), default=None,
              help="Результаты до или после пересдач (ОГЭ, ЕГЭ).")  # fmt: skip
@click.option("--dry-run", is_flag=True, help="Только отчёт о строках, без записи файла.")
@click.option("--skipped-only", is_flag=True, help="В отчёте — только пропущенные строки и итог.")
def results_import(records_dir: str, table: str, out_name: str | None, sheet: str | None, procedure: str | None,
                   subject: str | None, grade: int | None, year: int | None, retakes: str | None, dry_run: bool,
                   skipped_only: bool) -> None:  # fmt: skip
    """Импорт таблицы результатов (XLSX или CSV) в records/results/: отчёт о каждой строке.

    Столбцы узнаются по заголовкам (встроенные написания и analytics.import.columns в settings.yaml),
    школы — по справочнику. Код выхода: 0 — записано, 1 — таблица не прочитана, 2 — ошибки в
    справочнике или настройках, 3 — таблица не говорит, что в ней (укажите --procedure …), или
    нет такого листа, 4 — файл уже есть или не записывается."""
    import os
    import stat
    from pathlib import Path as FsPath

    from ..analytics.importer import Given, ImportFailed, import_table, write_results
    from ..diagnostics import format_text
    from ..outputs.textsafety import has_unsafe
    from ..pipeline import load_checked
    from ..source.layout import NOT_RECORDS, looks_like_records

    name = out_name or (FsPath(table).stem + ".csv")
    if name != FsPath(name).name or name.startswith(".") or not name.strip() or has_unsafe(name):
        _usage(f"--out: «{name}» — имя файла в {records_dir}/results/, без папок и не с точки (например, vpr-2023)")
    if not stat.S_ISREG(os.stat(table).st_mode):
        _usage(f"«{table}» — не обычный файл (канал, устройство); укажите файл таблицы .xlsx или .csv")
    root = FsPath(records_dir)
    if not root.is_dir() or not looks_like_records(root):
        _refuse(f"«{records_dir}»: {NOT_RECORDS}" if root.is_dir() else f"папка с записями «{records_dir}» не найдена; "
                "укажите её (--records)", INVALID_RECORDS)  # fmt: skip
    checked = load_checked(records_dir, warnings=False)
    records, problems = checked.records, checked.errors
    errors = [d for d in problems if d.is_error and ("directory" in d.file or d.file.endswith("settings.yaml"))]
    if errors:
        click.echo(format_text(errors) + "\nИмпорт не выполнен: сначала исправьте справочник и настройки.", err=True)
        sys.exit(INVALID_RECORDS)
    given = Given(procedure, subject, grade, year, retakes)
    try:
        outcome = import_table(FsPath(table), records, given, sheet)
    except ImportFailed as failure:
        for diagnostic in failure.diagnostics:
            click.echo(diagnostic.as_text(), err=True)
        click.echo("Импорт не выполнен.", err=True)
        # the command line must say what the table does not (NOR621), or named a sheet it lacks
        sys.exit(USAGE if failure.usage else ATTENTION)
    click.echo(printable(outcome.report(skipped_only), keep_lines=True))
    if dry_run or not outcome.lines:
        if not outcome.lines:
            click.echo("Файл не записан: ни одной строки результатов.", err=True)
            sys.exit(ATTENTION)
        return
    target = root / "results" / name
    if target.suffix.lower() != ".csv":
        target = target.with_suffix(".csv")
    if os.path.lexists(target):  # a file, or a link or a pipe under its name: never written over or through
        _refuse(f"{target} уже есть — не перезаписываю; укажите другое имя (--out) или удалите файл")
    try:
        write_results(target, outcome.lines)
    except FileExistsError:
        _refuse(f"{target} уже есть — не перезаписываю; укажите другое имя (--out) или удалите файл")
    except OSError as error:
        from ..outputs.atomic import os_error_text

        _refuse(f"{target} не записан: {os_error_text(error, with_path=False)}")
    click.echo(printable(f"Записано строк: {len(outcome.lines)} → {target}; проверьте: nor-docs validate, nor-docs analyze"))


@build.command("analysis")
@RECORDS_OPTION
@RULE_OPTION
@YEARS_OPTION
@click.option("--out", "out_dir", default="build/analysis", show_default=True, type=FOLDER,
              help="Папка для справки (внутри папки записей — нельзя).")  # fmt: skip
@click.option("--templates", "templates_dir", default="templates", show_default=True,
              callback=resolve_default, type=FOLDER, help=TEMPLATES_HELP)  # fmt: skip
@click.option("--date", "on", callback=parse_day, default=None, metavar="ГГГГ-ММ-ДД",
              help="Дата справки (по умолчанию — сегодня).")  # fmt: skip
@click.option("--signer", default=None, metavar="ID", help="Кто подписывает справку (id человека из справочника).")
def build_analysis(records_dir: str, rule_id: str | None, years: list[int] | None, out_dir: str, templates_dir: str,
                   on: dt.date | None, signer: str | None) -> None:  # fmt: skip
    """Аналитическая справка (DOCX) с диаграммами: <out>/analysis-<правило>-<годы>.docx.

    Код 2 — записи с ошибками, 1 — справка не собрана (шаблон, сбой NOR313), 3 — нет такого
    правила или человека, 4 — не записана."""
    from pathlib import Path as FsPath

    from ..build.output_paths import check_output_folder
    from ..outputs.safety import OutputRefused, output_lock

    try:
        check_output_folder(FsPath(records_dir), FsPath(out_dir), default="build/analysis")
        with output_lock(out_dir):  # before any work, as every build: one build into a folder at a time
            path, analysis = _build_analysis(records_dir, rule_id, years, out_dir, templates_dir, on, signer)
    except OutputRefused as error:
        _refuse(str(error), error.exit_code)
    click.echo(printable(f"{path.as_posix()}: школ, отвечающих правилу, — {len(analysis.identified)}, "
                         f"почти отвечающих — {len(analysis.nearly)}"))  # fmt: skip


def _build_analysis(records_dir: str, rule_id: str | None, years: list[int] | None, out_dir: str, templates_dir: str,
                    on: dt.date | None, signer: str | None):  # fmt: skip
    """(the report's path, the analysis), holding the output folder; a report that cannot be built
    ends the command (its diagnostic printed)."""
    import os

    from ..build.analysis import build_report
    from ..build.outcome import render_failure
    from ..diagnostics import Diagnostic
    from ..outputs.safety import OutputRefused
    from ..render.compiled_template import TemplateProblem

    records, data, analysis, found = _prepare(records_dir, rule_id, years)
    if signer is not None and signer not in records.people:
        from ..model.near_ids import near_id

        hint = near_id(signer, sorted(records.people))
        _refuse(f"--signer: неизвестное лицо «{signer}»" + (f"; возможно, «{hint}»?" if hint else ""), USAGE)
    for diagnostic in found:
        click.echo(diagnostic.as_text(), err=True)
    try:
        path = build_report(records, data, analysis, out_dir, templates_dir, on or dt.date.today(), signer)
    except TemplateProblem as problem:
        click.echo(Diagnostic(problem.template, 1, 1, problem.code, problem.message).as_text(), err=True)
        sys.exit(ATTENTION)
    except OutputRefused:
        raise  # not written: the command's exit code 4
    except Exception as error:
        if os.environ.get("NOR_DOCS_DEBUG"):
            raise
        where = analysis.rule.file if analysis.rule.source is not None else f"{records_dir.rstrip('/')}/results"
        failure = render_failure("документ аналитической справки", error)
        click.echo(Diagnostic(where, 1, 1, "NOR313", failure).as_text(), err=True)
        sys.exit(ATTENTION)
    return path, analysis


@new.command("group")
@RECORDS_OPTION
@RULE_OPTION
@YEARS_OPTION
@click.option("--id", "group_id", default=None, metavar="ID", help="id группы (по умолчанию shnor-<год>).")
@click.option("--name", default=None, metavar="НАЗВАНИЕ", help="Название группы (по умолчанию «ШНОР <год>»).")
@click.option("--year", type=IntRange(min=2000, max=2100), default=None, metavar="ГОД",
              help="Год группы (по умолчанию — следующий за последним годом анализа).")  # fmt: skip
@click.option("--print", "to_stdout", is_flag=True, help="Вывести заготовку, а не записывать файл.")
def new_group(records_dir: str, rule_id: str | None, years: list[int] | None, group_id: str | None, name: str | None,
              year: int | None, to_stdout: bool) -> None:  # fmt: skip
    """Группа в справочнике из школ, отвечающих правилу: records/directory/<id>.yaml."""
    from ..outputs.textsafety import has_unsafe
    from ..scaffold.drafts import group_draft

    _check_id(group_id)
    records, _data, analysis, _found = _prepare(records_dir, rule_id, years)
    year = year or (max(analysis.years) + 1 if analysis.years else dt.date.today().year)
    group_id = group_id or f"shnor-{year}"
    if name is not None and (not name.strip() or has_unsafe(name)):
        _usage(f"--name: «{name}» — название группы одной строкой, без управляющих и невидимых символов")
    text = group_draft(analysis, records, group_id, name or f"ШНОР {year}")
    _write_draft(text, FsPath_of(records_dir, "directory", group_id), to_stdout)


@new.command("roadmap")
@RECORDS_OPTION
@RULE_OPTION
@YEARS_OPTION
@click.option("--id", "roadmap_id", default=None, metavar="ID", help="id дорожной карты (по умолчанию shnor-roadmap-<год>).")
@click.option("--issuer", default=None, metavar="ID", help="Организация, утверждающая карту (по умолчанию — из правила).")
@click.option("--year", type=IntRange(min=2000, max=2100), default=None, metavar="ГОД", help="Год карты (по умолчанию — следующий за анализом).")
@click.option("--print", "to_stdout", is_flag=True, help="Вывести заготовку, а не записывать файл.")
def new_roadmap(records_dir: str, rule_id: str | None, years: list[int] | None, roadmap_id: str | None, issuer: str | None,
                year: int | None, to_stdout: bool) -> None:  # fmt: skip
    """Заготовка дорожной карты для школ, отвечающих правилу: records/roadmaps/<id>.yaml."""
    from ..scaffold.drafts import roadmap_draft

    _check_id(roadmap_id)
    records, _data, analysis, _found = _prepare(records_dir, rule_id, years)
    if issuer is not None and issuer not in records.organizations:
        from ..model.near_ids import near_id

        hint = near_id(issuer, sorted(records.organizations))
        _usage(f"--issuer: «{issuer}» — такого id организации в записях нет"
               + (f"; возможно, «{hint}»?" if hint else "; добавьте: nor-docs new organization"))  # fmt: skip
    year = year or (max(analysis.years) + 1 if analysis.years else dt.date.today().year)
    roadmap_id = roadmap_id or f"shnor-roadmap-{year}"
    text = roadmap_draft(analysis, records, year, issuer or analysis.rule.rule.issuer)
    _write_draft(text, FsPath_of(records_dir, "roadmaps", roadmap_id), to_stdout)


def FsPath_of(records_dir: str, folder: str, name: str):
    from pathlib import Path as FsPath

    return FsPath(records_dir) / folder / f"{name}.yaml"


def _check_id(value: str | None) -> None:
    """``--id`` becomes a file name in the records: a record id, never a path (exit 3 otherwise)."""
    import re

    from ..model.common import ID_PATTERN, MAX_ID_LENGTH

    if value is not None and (not re.fullmatch(ID_PATTERN, value) or len(value) > MAX_ID_LENGTH):
        _usage(f"--id: «{value}» — пишите строчными латинскими буквами, цифрами, «.», «_», «-», не длиннее "
               f"{MAX_ID_LENGTH} символов (например, shnor-2025)")  # fmt: skip


def _write_draft(text: str, target, to_stdout: bool) -> None:
    """Print the draft, or write it where it belongs — never over an existing file (nor through a
    link or into a pipe under its name: ``x`` mode refuses anything there)."""
    if to_stdout:
        click.echo(text, nl=False)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        _refuse(f"{target} уже есть — не перезаписываю; укажите другой --id или выведите заготовку: --print")
    except OSError as error:
        from ..outputs.atomic import os_error_text

        _refuse(f"{target} не записан: {os_error_text(error, with_path=False)}")
    click.echo(printable(f"Создан {target}: проверьте заготовку, заполните «…» и запустите nor-docs validate."))
