"""Which templates folder a build uses when ``--templates`` is not given.

``templates/`` in the current folder, as in this repository and in an office's records repository
that keeps its own restyled templates; failing that, the templates nor-docs comes with (next to
the package), so that ``nor-docs build …`` works from any folder. A ``--templates`` given on the
command line is used as given.
"""

from __future__ import annotations

from pathlib import Path

import click

DEFAULT = "templates"
SHIPPED = Path(__file__).resolve().parent.parent.parent / "templates"
HELP = "Папка с шаблонами DOCX (если ./templates нет — шаблоны, поставляемые с nor-docs)."


def templates_folder(cwd: Path | None = None) -> str:
    """``templates`` if the current folder has one, else nor-docs' own templates if present."""
    local = (cwd or Path.cwd()) / DEFAULT
    if local.is_dir() or not SHIPPED.is_dir():
        return DEFAULT
    return str(SHIPPED)


def resolve_default(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Click callback: the default ``templates`` falls back to the shipped folder."""
    if ctx.get_parameter_source(param.name) is click.core.ParameterSource.DEFAULT:
        return templates_folder()
    return value
