"""``python -m nor_docs``: the same as the ``nor-docs`` command."""

from .cli import main

main()
