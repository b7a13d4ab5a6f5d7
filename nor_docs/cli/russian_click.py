"""click in Russian: the help pages, the usage errors and the option types of the CLI.

click writes its own scaffolding in English («Usage:», «Error: No such option…»). The classes
here say the same in Russian, without gettext catalogs:

- ``Group`` / ``Command``: the root group and everything under it (``command_class`` and
  ``group_class`` pass them down, so a new command gets them without asking) write the help
  page in Russian, and the groups turn every usage error into two Russian lines:
  ``nor-docs check: --format: «xml» — нет такого значения; …`` and ``Справка: nor-docs check --help``
  (exit code 3, ``exitcodes.USAGE``: click's own 2 means invalid records in nor-docs).
- ``Choice``, ``IntRange``, ``Path`` (and ``FOLDER``, a path that must be a folder): the option
  types, whose complaints about a value are Russian. Every option of the CLI uses one of them
  (or a plain string or flag); tests/test_cli_russian.py walks the command tree to keep it so.
"""

from __future__ import annotations

import os

import click

from ..exitcodes import INTERRUPTED, USAGE

HELP_TEXT = "Показать эту справку и выйти."
VERSION_TEXT = "Показать версию и выйти."
VERSION_MESSAGE = "%(prog)s, версия %(version)s"


# --- option types whose complaints are Russian ----------------------------------------------


class Choice(click.Choice):
    """``click.Choice`` that names the bad value and the allowed ones in Russian."""

    def get_invalid_choice_message(self, value, ctx) -> str:
        return f"«{value}» — нет такого значения; допустимы: {', '.join(map(str, self.choices))}"


class IntRange(click.IntRange):
    """``click.IntRange`` with Russian messages and a Russian range in the help."""

    name = "число"

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            try:
                int(value)
            except (TypeError, ValueError):
                self.fail(f"«{value}» — не целое число", param, ctx)
            self.fail(f"«{value}» — вне допустимого: {self._describe_range()}", param, ctx)

    def _describe_range(self) -> str:  # click shows it in the help: «[не меньше 0]»
        low = None if self.min is None else (f"больше {self.min}" if self.min_open else f"не меньше {self.min}")
        high = None if self.max is None else (f"меньше {self.max}" if self.max_open else f"не больше {self.max}")
        return ", ".join(part for part in (low, high) if part)


class Path(click.Path):
    """``click.Path`` that says in Russian what is wrong with the path and what to do."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.name = "папка" if not self.file_okay else "файл" if not self.dir_okay else "путь"

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(self.problem(os.fsdecode(value)), param, ctx)

    def problem(self, path: str) -> str:
        if not os.path.exists(path):
            return f"«{path}» не найден; проверьте путь"
        if not self.file_okay and not os.path.isdir(path):
            return f"«{path}» — это файл, а не папка; укажите папку (или переименуйте файл)"
        if not self.dir_okay and os.path.isdir(path):
            return f"«{path}» — это папка, а не файл; укажите путь к файлу"
        return f"«{path}» — нет доступа; проверьте права"


# A path that must be a folder (``--out``, ``--templates``): a file there is a Russian usage error.
FOLDER = Path(file_okay=False)


# --- usage errors -----------------------------------------------------------------------------


class RussianUsageError(click.UsageError):
    """A usage error already in Russian; shown as «nor-docs <команда>: …» and the way out."""

    exit_code = USAGE

    def format_message(self) -> str:
        """One line (a value from the command line, printable: a workflow input with a line break
        cannot forge a CI command), then the way to the help."""
        from ..outputs.textsafety import printable

        ctx = self.ctx
        if ctx is None:
            return printable(f"nor-docs: {self.message}")
        text = printable(f"{ctx.command_path}: {self.message}")
        if ctx.command.get_help_option(ctx) is not None:
            text += f"\nСправка: {ctx.command_path} --help"
        return text

    def show(self, file=None) -> None:
        click.echo(self.format_message(), file=file, err=True)


class NoArgsHelp(click.exceptions.NoArgsIsHelpError):
    """The help page shown for want of a command or an argument, with a usage error's exit code."""

    exit_code = USAGE


class InterruptedByUser(RussianUsageError):
    """Ctrl+C: «прервано.», with the exit code of an interrupted run (``exitcodes.INTERRUPTED``)."""

    exit_code = INTERRUPTED


def _option_named(ctx: click.Context | None, name: str) -> click.Option | None:
    if ctx is None:
        return None
    for param in ctx.command.get_params(ctx):
        if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
            return param
    return None


def _param_name(param: click.Parameter | None, ctx: click.Context | None) -> str:
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    if param is not None and ctx is not None:
        return param.make_metavar(ctx)
    return "значение"


def _one_of(names: list[str]) -> str:
    return " или ".join(names)


def russian_message(error: click.ClickException) -> str:
    """What ``error`` means, in Russian (the prefix and the way out are ``RussianUsageError``'s)."""
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click.NoSuchOption):
        hint = f"; возможно, {_one_of(error.possibilities)}?" if error.possibilities else ""
        return f"нет параметра «{error.option_name}»{hint}"
    if isinstance(error, click.exceptions.NoSuchCommand):
        import difflib

        known = ctx.command.list_commands(ctx) if ctx is not None else []
        close = difflib.get_close_matches(error.command_name, known, n=1, cutoff=0.6)
        hint = f"; возможно, «{close[0]}»?" if close else "."
        return f"нет команды «{error.command_name}»{hint} Команды: {', '.join(known)}."
    if isinstance(error, click.BadOptionUsage):
        option = _option_named(ctx, error.option_name)
        if option is not None and (option.is_flag or option.count):
            return f"{error.option_name} не принимает значения"
        count = option.nargs if option is not None else 1
        return f"после {error.option_name} нужно значение" if count == 1 else f"после {error.option_name} нужно значений: {count}"
    if isinstance(error, click.MissingParameter):
        name = _param_name(error.param, ctx)
        if isinstance(error.param, click.Argument):
            return f"не указан {name}"
        return f"не указан обязательный параметр {name}"
    if isinstance(error, click.BadParameter):
        return f"{_param_name(error.param, ctx)}: {error.message}"
    return error.message


def _parse_with_context(parse, ctx: click.Context, args: list[str]) -> list[str]:
    """``parse(ctx, args)``; a usage error the parser raised without a context gets this one
    (click's parser raises ``BadOptionUsage`` bare), so that the report names the command."""
    try:
        return parse(ctx, args)
    except click.UsageError as error:
        if error.ctx is None:
            error.ctx = ctx
        raise


def _russian(error: click.ClickException) -> RussianUsageError:
    """The same error in Russian, with the exit code of a usage error (``exitcodes.USAGE``)."""
    return RussianUsageError(russian_message(error), getattr(error, "ctx", None))


# --- help pages -------------------------------------------------------------------------------


def _format_usage(self: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Использование: ")


def _option_row(param: click.Option, ctx: click.Context) -> tuple[str, str] | None:
    record = param.get_help_record(ctx)
    if record is None:
        return None
    extra = param.get_help_extra(ctx)
    notes = []
    if "envvars" in extra:
        notes.append(f"переменная окружения: {', '.join(extra['envvars'])}")
    if "default" in extra:
        notes.append(f"по умолчанию: {extra['default']}")
    if "range" in extra:
        notes.append(extra["range"])
    if "required" in extra:
        notes.append("обязательно")
    text = param.help or ""
    if notes:
        text = f"{text}  [{'; '.join(notes)}]" if text else f"[{'; '.join(notes)}]"
    return record[0], text


def _format_options(self: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    rows = [row for p in self.get_params(ctx) if isinstance(p, click.Option) and (row := _option_row(p, ctx))]
    if rows:
        with formatter.section("Параметры"):
            formatter.write_dl(rows)


class _RussianHelp(click.Command):
    """What a command and a group share: the usage line's metavar and the --help option's text."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[ПАРАМЕТРЫ]")
        super().__init__(*args, **kwargs)

    format_usage = _format_usage

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option


class Command(_RussianHelp, click.Command):
    """A command whose help page is Russian."""

    format_options = _format_options

    def parse_args(self, ctx, args):
        # click's own complaint about extra arguments is English: let them through, then say it here.
        strict = not ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = _parse_with_context(super().parse_args, ctx, args)
        finally:
            ctx.allow_extra_args = not strict
        if strict and rest and not ctx.resilient_parsing:
            raise RussianUsageError(f"лишние аргументы: {' '.join(rest)}", ctx)
        return rest


class Group(_RussianHelp, click.Group):
    """A group whose help page is Russian and whose usage errors are reported in Russian."""

    command_class = Command
    group_class = type  # subgroups are ``Group`` too

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("subcommand_metavar", "КОМАНДА [АРГУМЕНТЫ]...")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx, formatter) -> None:
        _format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx, formatter) -> None:
        found = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        commands = [(name, command) for name, command in found if command is not None and not command.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _command in commands)
            with formatter.section("Команды"):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in commands])

    def parse_args(self, ctx, args):
        return _parse_with_context(super().parse_args, ctx, args)

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as error:  # the help page, for want of a command
            raise NoArgsHelp(error.ctx) from None
        except click.UsageError as error:
            if isinstance(error, RussianUsageError):
                raise
            raise _russian(error) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError as error:
            raise NoArgsHelp(error.ctx) from None
        except click.ClickException as error:
            if isinstance(error, RussianUsageError):
                raise
            raise _russian(error) from None
        except KeyboardInterrupt:  # click would print «Aborted!»
            raise InterruptedByUser("прервано.", None) from None
