"""The ``--templates`` option of the builders: the default ``templates`` falls back to the templates
nor-docs comes with (``build/templates.py``) when the current folder has none."""

from __future__ import annotations

import click

from ..build.templates import templates_folder

HELP = "Папка с шаблонами DOCX (если ./templates нет — шаблоны, поставляемые с nor-docs)."


def resolve_default(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Click callback: the default ``templates`` falls back to the shipped folder."""
    if ctx.get_parameter_source(param.name) is click.core.ParameterSource.DEFAULT:
        return templates_folder()
    return value
