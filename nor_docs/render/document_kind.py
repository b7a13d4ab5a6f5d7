"""What a document's kind changes in its view (``protocol_view``): the heading, the header lines,
the formula before the items and where it stands, the template.

The kind comes from the catalogue the records loaded (``Records.kinds``: the built-in kinds and the
office's ``records/kinds.yaml``); a directory without one (a test's) uses the built-in catalogue.
The formula: the record's ``formula``, else its ``decision_word`` where given («ПОСТАНОВИЛИ»), else
the kind's. A formula that begins with a small letter («коллегия РЕШАЕТ:») ends the preamble's last
paragraph, as the paper writes it; one in capitals («ПРИКАЗЫВАЮ:», «РЕШИЛИ:») is a line of its own —
unless the record says otherwise (``formula_inline``: «… области КОЛЛЕГИЯ ПОСТАНОВЛЯЕТ:»).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.kinds import PROTOCOL, Kind, builtin_kinds

if TYPE_CHECKING:
    from ..model.meeting import Meeting


def kind_of(meeting: Meeting, directory: object) -> Kind:
    """The meeting's kind in ``directory``'s catalogue (a protocol when unknown: validation says so)."""
    kinds: dict[str, Kind] = getattr(directory, "kinds", None) or builtin_kinds()
    return kinds.get(meeting.document) or kinds.get(PROTOCOL) or builtin_kinds()[PROTOCOL]


def formula_of(meeting: Meeting, kind: Kind) -> str:
    """The words before the items, with their colon («РЕШИЛИ:», «ПРИКАЗЫВАЮ:»), or ""."""
    if meeting.formula is not None:
        return meeting.formula.strip()
    if "decision_word" in meeting.model_fields_set:
        return f"{meeting.decision_word}:"
    return (kind.formula or "").strip()


def continues_preamble(formula: str, inline: bool | None = None) -> bool:
    """Whether the formula ends the preamble's sentence («…округе, коллегия РЕШАЕТ:»): as the record
    says (``formula_inline``), else when it begins with a small letter."""
    if not formula:
        return False
    return inline if inline is not None else formula[0].islower()


def template_name(kind: Kind, extract: bool) -> str:
    """The template's name without ``.docx``, as ``Templates.choose`` looks it up."""
    if extract:
        return "extract"
    return kind.template.removesuffix(".docx")
