"""The command line: a thin layer of small commands over the library.

``cli`` is the root group and ``build`` the group of document builders. The commands themselves
live in ``nor_docs/commands/`` (one module per part of the product) and register themselves on
import; each imports the heavy parts it needs inside its body, so ``nor-docs --help`` and
``validate`` stay fast and never load python-docx. Bad input is reported, never raised: a
traceback reaches the user only with NOR_DOCS_DEBUG=1.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from . import __version__

# Modules under nor_docs/commands/ whose commands make up the CLI.
COMMAND_MODULES = (
    "records",
    "control",
    "protocols",
    "roadmaps",
)

RECORDS_OPTION = click.option(
    "--records",
    "records_dir",
    default="records",
    show_default=True,
    type=click.Path(),  # a file given here is reported by the command, in Russian
    help="Папка с записями.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nor-docs")
def cli() -> None:
    """nor-docs: протоколы, поручения и дорожные карты ШНОР как YAML-записи в git."""


@cli.group()
def build() -> None:
    """Собрать документы DOCX в build/."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__package__}.commands.{_name}")


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
