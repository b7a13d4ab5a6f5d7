"""Which reader a file goes to, by its extension: DOCX, or text / Markdown; the rest refused.

``read_document`` returns the blocks (with broken sentences joined) and notes on how the file was
read; ``ReadError`` carries a Russian message saying what to do instead.
"""

from __future__ import annotations

from pathlib import Path

from .blocks import Block, merge_broken

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", "")
SUFFIXES = (".docx", ".docm") + TEXT_SUFFIXES


class ReadError(ValueError):
    """The file cannot be imported; the message says why and what to do."""


def read_document(path: str | Path) -> tuple[list[Block], list[str]]:
    """(blocks, notes) of the file at ``path``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise ReadError("файл не найден; проверьте путь")
    if path.is_dir():
        raise ReadError("это папка, а не файл; укажите файлы протоколов (*.docx, *.txt, *.md)")
    if suffix in (".doc", ".rtf", ".odt", ".pdf"):
        raise ReadError(f"формат {suffix} не читается; откройте файл в Word или LibreOffice и сохраните "
                        "как .docx (или как текст .txt)")  # fmt: skip
    try:
        if suffix in (".docx", ".docm"):
            from .read_docx import DocxError, read_docx

            try:
                return merge_broken(read_docx(path)), []
            except DocxError as error:
                raise ReadError(str(error)) from None
        from .read_text import TextError, read_text

        try:
            blocks, notes = read_text(path)
        except TextError as error:
            raise ReadError(str(error)) from None
        return merge_broken(blocks), notes
    except OSError as error:
        from ..outputs.atomic import os_error_text

        raise ReadError(f"файл не читается: {os_error_text(error, with_path=False)}") from None


def blocks_of_text(text: str, markdown: bool = False) -> list[Block]:
    """Blocks of a text already in memory (tests, the benchmark)."""
    from .read_text import text_blocks

    return merge_broken(text_blocks(text, markdown))
