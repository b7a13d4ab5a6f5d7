"""Record ids: what an id may be, light on import (no pydantic) — a no-op build names its documents
by id without loading a model."""

from __future__ import annotations

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
# An id becomes a file name (``<id>.docx``, ``<id>.extract-2-4.docx``, ``<id>.ics``): within this
# it fits every file system's limit of 255 bytes with room to spare.
MAX_ID_LENGTH = 100
