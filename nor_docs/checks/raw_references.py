"""Every reference a record file makes (to people, organisations, groups, events, meetings,
assignments), found in its raw data by the marks the model puts on its reference fields
(``RefTo`` in ``model/common.py``) — whatever else in the file is wrong.

A file that fails its schema (a date that does not exist, a field misspelt) is not loaded, yet
its references are there to check: the unknown ids of that file are reported in the same run as
its schema errors, not in the run after they are fixed. The walk follows the model's fields
through the data as far as the data has the shape the model expects, and skips what it does not.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..model.common import RefTo


def raw_references(model: type[BaseModel], data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, RefTo, str]]:
    """(path in ``data``, what the field refers to, the id written) for every string at a
    reference field of ``model``."""
    if not isinstance(data, dict):
        return
    fields = model.model_fields
    for key, value in data.items():
        field = fields.get(key) if isinstance(key, str) else None
        if field is None:
            continue
        marks = [m for m in field.metadata if isinstance(m, RefTo)]
        yield from _walk(field.annotation, marks, value, loc + (key,))


def _walk(annotation: Any, marks: list[RefTo], value: Any, loc: tuple) -> Iterator[tuple[tuple, RefTo, str]]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        found = marks + [m for m in metadata if isinstance(m, RefTo)]
        yield from _walk(inner, found, value, loc)
        return
    if marks:
        mark = marks[-1]
        if mark.within is not None:
            inner = value.get(mark.within) if isinstance(value, dict) else None
            if isinstance(inner, str):
                yield loc + (mark.within,), mark, inner
            return
        if isinstance(value, str):
            yield loc, mark, value
            return
    if origin in (typing.Union, types.UnionType):
        for arm in typing.get_args(annotation):
            if arm is not type(None):
                yield from _walk(arm, marks, value, loc)
        return
    if origin is list and isinstance(value, list):
        (item,) = typing.get_args(annotation) or (Any,)
        for i, element in enumerate(value):
            yield from _walk(item, marks, element, loc + (i,))
        return
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from raw_references(annotation, value, loc)
