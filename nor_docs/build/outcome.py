"""What a build reports: the documents built, unchanged and not built, with every diagnostic; and
the words of a document that failed while being filled in (NOR313)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic


def render_failure(what: str, error: BaseException) -> str:
    """The message of NOR313: a document that failed while being filled in (a bug nor-docs must
    hear of; the record passed validation)."""
    return (f"{what} не собран: сбой при заполнении ({type(error).__name__}: {error}); остальные документы "
            "собраны — сообщите разработчикам (подробности: NOR_DOCS_DEBUG=1)")


@dataclass
class BuildResult:
    built: list[Path] = field(default_factory=list)
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)  # meeting files not built
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed and not any(d.is_error for d in self.diagnostics)


def notices_as_diagnostics(records, meeting_id: str, notices) -> list[Diagnostic]:
    found = []
    for notice in notices:
        file, line, col = records.where(meeting_id, notice.loc)
        found.append(Diagnostic(file, line, col, notice.code, notice.message))
    return found
