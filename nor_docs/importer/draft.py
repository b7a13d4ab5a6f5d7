"""The draft a recogniser builds: record fields in the order the sample records use, with the
notes for a person («проверьте: …») attached where they belong.

A ``Node`` is a mapping of one record (or part of one) whose keys are ordered by ``FIELD_ORDER``
for its kind, absent values dropped; ``Node.notes`` maps a key to the notes shown above that
key's line (the key ``None``: above the node itself, for a list item). The YAML writer
(``yaml_writer.py``) prints exactly this. Nothing here knows YAML, DOCX or the record models.
"""

from __future__ import annotations

from typing import Any

# Field order per kind of node, as the sample records under records/ write them.
FIELD_ORDER: dict[str, tuple[str, ...]] = {
    "meeting": ("document", "kind", "title", "issuer", "number", "date", "time", "place", "format", "chair",
                "secretary", "attendees_label", "attendees", "invited", "absent", "theme", "intro", "agenda", "decisions",
                "decision_word", "assignments_layout", "signers", "appendices"),
    "document": ("document", "issuer", "issuer_lines", "number", "date", "place", "title", "unsigned", "preamble",
                 "formula", "formula_inline", "decisions", "signers"),
    "format": ("mode", "platform"),
    "role": ("person", "label", "position"),
    "attendee": ("person", "group", "organization", "position", "role", "note", "count", "text"),
    "agenda_item": ("number", "title", "speakers", "appendix", "items", "heard", "spoke", "decisions"),
    "speaker": ("person", "group", "position", "text"),
    "statement": ("person", "position", "text"),
    "decision": ("number", "executors", "addressed_to", "executors_in_text", "text", "deadline",
                 "deadline_comma", "on_control", "controls", "bullets", "decisions"),
    "deadline": ("text", "event"),
    "signer": ("person", "position"),
    "appendix": ("number", "title", "subtitle", "text", "table", "text_after"),
    "table": ("header", "rows"),
    "roadmap": ("title", "issuer", "subject", "period", "approval", "columns", "sections", "items"),
    "column": ("field", "header"),
    "period": ("start", "end"),
    "approval": ("by", "date", "number", "appendix", "as_written"),
    "section": ("number", "title", "items"),
    "roadmap_item": ("number", "activity", "deadline", "executors", "result", "reporting"),
    "directory": ("organizations", "people", "groups"),
    "organization": ("id", "name", "short_name", "kind", "municipality", "aliases"),
    "person": ("id", "surname", "first_name", "patronymic", "initials", "gender", "position", "organization"),
    "group": ("id", "name", "dative", "genitive", "members", "count", "organization"),
    "member": ("person", "organization"),
}  # fmt: skip

# Lists written even when empty («Отсутствовали:» with nobody under it is a fact of the protocol).
KEEP_EMPTY = {"absent"}

PLACEHOLDER = "…"  # what a person must fill in (validate reports it, as for «nor-docs new»)


class Node(dict):
    """An ordered record mapping with notes for a person attached to its keys."""

    kind: str

    def __init__(self, kind: str, /, **fields: Any):
        super().__init__()
        self.kind = kind
        self.notes: dict[str | None, list[str]] = {}
        self.extra: dict[str, Any] = {}  # what the recogniser keeps for the resolver; never written
        for key in FIELD_ORDER[kind]:
            value = fields.pop(key, None)
            if value is None or (isinstance(value, (list, str)) and not value and key not in KEEP_EMPTY):
                continue
            self[key] = value
        if fields:
            raise KeyError(f"{kind}: unknown fields {sorted(fields)}")

    def set(self, key: str, value: Any) -> None:
        """Set ``key`` keeping the kind's order."""
        if value is None or (isinstance(value, (list, str)) and not value and key not in KEEP_EMPTY):
            self.pop(key, None)
            return
        items = dict(self)
        items[key] = value
        order = FIELD_ORDER[self.kind]
        self.clear()
        for name in order:
            if name in items:
                super().__setitem__(name, items[name])

    def note(self, key: str | None, text: str) -> None:
        """A note shown above ``key`` (None: above the node); the same note once."""
        notes = self.notes.setdefault(key, [])
        if text not in notes:
            notes.append(text)


def count_notes(value: Any) -> int:
    """How many notes a draft carries, nested ones included."""
    total = 0
    if isinstance(value, Node):
        total += sum(len(v) for v in value.notes.values())
        for item in value.values():
            total += count_notes(item)
    elif isinstance(value, list):
        for item in value:
            total += count_notes(item)
    return total


def plain(value: Any) -> Any:
    """The draft as plain dicts and lists (what a YAML reader would give back)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
