"""The templates of the documents: which folder a build uses when ``--templates`` is not given, and
which template a document uses in it (``Templates``: compiled once per file).

``templates/`` in the current folder, as in this repository and in an office's records repository
that keeps its own restyled templates; failing that, the templates nor-docs comes with (next to
the package), so that ``nor-docs build …`` works from any folder. A ``--templates`` given on the
command line is used as given.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..render.compiled_template import CompiledTemplate, TemplateProblem

DEFAULT = "templates"
SHIPPED = Path(__file__).resolve().parent.parent.parent / "templates"


def templates_folder(cwd: Path | None = None) -> str:
    """``templates`` if the current folder has one, else nor-docs' own templates if present."""
    local = (cwd or Path.cwd()) / DEFAULT
    if local.is_dir() or not SHIPPED.is_dir():
        return DEFAULT
    return str(SHIPPED)


class Templates:
    """The templates folder: which template a meeting uses, compiled once per file."""

    def __init__(self, folder: Path, shown: str):
        self.folder = folder
        self.shown = shown.rstrip("/") or "."
        self._compiled: dict[Path, CompiledTemplate | TemplateProblem] = {}  # a problem is raised each time

    def files(self) -> dict[str, Path]:
        if not self.folder.is_dir():
            return {}
        return {p.relative_to(self.folder).as_posix(): p for p in sorted(self.folder.rglob("*.docx"))
                if not p.name.startswith(("~$", "."))}  # fmt: skip

    def display(self, path: Path) -> str:
        try:
            return f"{self.shown}/{path.relative_to(self.folder).as_posix()}"
        except ValueError:
            return str(path)

    def choose(self, meeting, kind: str) -> Path:
        """The meeting's own template, else ``<issuer>/<kind>.docx``, else ``<kind>.docx``
        (an extract falls back to the protocol template). Raises ``TemplateProblem``."""
        from ..render.compiled_template import TemplateProblem

        if meeting.template:
            path = (self.folder / meeting.template).resolve()
            if not path.is_relative_to(self.folder.resolve()) or path.suffix.lower() != ".docx":
                raise TemplateProblem(self.display(self.folder), "NOR307",
                                      f"шаблон «{meeting.template}» должен быть файлом .docx внутри {self.shown}/")  # fmt: skip
            if not path.is_file():
                raise TemplateProblem(self.display(path), "NOR303", f"шаблон «{meeting.template}» не найден")
            return path
        names = [f"{kind}.docx", "protocol.docx"] if kind != "protocol" else ["protocol.docx"]
        for folder in (self.folder / meeting.issuer, self.folder):
            for name in names:
                if (folder / name).is_file():
                    return folder / name
        raise TemplateProblem(f"{self.shown}/protocol.docx", "NOR303",
                              "шаблон протокола не найден; создайте его: python templates/make_templates.py")  # fmt: skip

    def choose_named(self, issuer: str, name: str) -> Path:
        """``<issuer>/<name>``, else ``<name>`` (a roadmap's ``roadmap.docx``). Raises ``TemplateProblem``."""
        from ..render.compiled_template import TemplateProblem

        for folder in (self.folder / issuer, self.folder):
            if (folder / name).is_file():
                return folder / name
        raise TemplateProblem(f"{self.shown}/{name}", "NOR303",
                              f"шаблон {name} не найден; создайте его: python templates/make_templates.py")  # fmt: skip

    def compiled(self, path: Path) -> CompiledTemplate:
        """The compiled template (cached); raises its ``TemplateProblem`` every time it is asked."""
        from ..render.compiled_template import CompiledTemplate, TemplateProblem

        if path not in self._compiled:
            try:
                self._compiled[path] = CompiledTemplate(path, self.display(path))
            except TemplateProblem as problem:
                self._compiled[path] = problem
        value = self._compiled[path]
        if isinstance(value, Exception):
            raise value
        return value

    def warm(self) -> None:
        """Compile the usual templates now, so that worker processes inherit them compiled."""
        for path in self.files().values():
            if path.name in ("protocol.docx", "extract.docx"):
                try:
                    self.compiled(path)
                except Exception:
                    pass
