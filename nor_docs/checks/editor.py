"""What an editor needs of a record file (NOR203): the modeline that tells it the file's JSON Schema,
so that it suggests the fields and shows their Russian descriptions."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from .context import Context


def check(ctx: Context) -> None:
    schema_comments(ctx)


def schema_comments(ctx: Context) -> None:
    for source in ctx.r.sources:
        if source.schema_comment is None:
            ctx.found.append(Diagnostic(source.path, 1, 1, "NOR203",
                                         "нет строки «# yaml-language-server: $schema=…»: редактор не "
                                         "подскажет поля; добавьте её (см. nor-docs schema)"))  # fmt: skip
