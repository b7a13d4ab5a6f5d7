"""The root of the command line: the ``cli`` group, the ``build`` group, ``main`` (the entry point)
and the list of modules whose commands make up the CLI (``COMMAND_MODULES``).

The commands themselves live in the other modules of ``nor_docs/cli/`` (one per family of
commands) and register themselves on import; each imports the heavy parts it needs inside its
body, so ``nor-docs --help`` and ``validate`` stay fast and never load python-docx. Bad input is
reported, never raised: a traceback reaches the user only with NOR_DOCS_DEBUG=1. click's own texts
(help pages, usage errors) are Russian through the ``Group`` class and option types of
``russian_click.py``.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import NoReturn

import click

from .. import __version__
from ..exitcodes import INTERNAL, INTERRUPTED, table_text
from ..outputs.textsafety import printable
from .russian_click import VERSION_MESSAGE, VERSION_TEXT, Group, Path

# Modules of nor_docs/cli/ whose commands make up the CLI (each registers its commands on import).
COMMAND_MODULES = (
    "init",
    "records",
    "control",
    "protocols",
    "roadmaps",
    "importer",
    "analytics",
)

RECORDS_OPTION = click.option(
    "--records",
    "records_dir",
    default="records",
    show_default=True,
    type=Path(),  # a file given here is reported by the command, in Russian (NOR001)
    metavar="ПАПКА",
    help="Папка с записями.",
)


def parse_day(ctx, param, value):
    """Click callback of ``--today``: ``2024-01-20`` or ``20.01.2024``; anything else is a Russian
    usage error."""
    if value is None:
        return None
    from ..russian.dates import parse_date

    try:
        return parse_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


EPILOG = "Коды выхода (одни и те же у всех команд, подробнее — docs/guarantees.md):\n\n\b\n" + table_text()


@click.group("nor-docs", cls=Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.version_option(__version__, prog_name="nor-docs", message=VERSION_MESSAGE, help=VERSION_TEXT)
def cli() -> None:
    """nor-docs: протоколы, поручения и дорожные карты ШНОР как YAML-записи в git."""


@cli.group()
def build() -> None:
    """Собрать документы DOCX в build/."""


# Set by ``finish``: the command has written its whole report and holds nothing to clean up.
_finished = False


def finish(code: int) -> NoReturn:
    """End a read-only command (``check``) whose report is written. Under ``main``
    the process then exits at once, without freeing the loaded records object by object on the
    way out (a twentieth of a second on 1,000 meetings); under ``CliRunner`` it is ``sys.exit``."""
    global _finished
    _finished = True
    sys.exit(code)


def _exit_now(code) -> None:
    """``os._exit`` after flushing the standard streams; returns if they cannot be flushed
    (a closed pipe), so that the normal exit reports it."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__package__}.{_name}")


def main() -> None:
    """Entry point: run the CLI; turn an unexpected failure into one Russian line."""
    global _finished
    _finished = False
    try:
        cli.main(standalone_mode=True)
    except SystemExit as done:
        if _finished:
            _exit_now(done.code)
        raise
    except KeyboardInterrupt:
        click.echo("nor-docs: прервано.", err=True)
        sys.exit(INTERRUPTED)
    except Exception as error:
        if os.environ.get("NOR_DOCS_DEBUG"):
            raise
        click.echo(printable(f"nor-docs: внутренняя ошибка ({type(error).__name__}: {error}). "
                             "Запустите с NOR_DOCS_DEBUG=1 и сообщите разработчикам."), err=True)  # fmt: skip
        sys.exit(INTERNAL)
