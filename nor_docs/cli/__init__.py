"""Stage 9, cli: the command line — thin: each command parses its options, runs the one load path
(``pipeline.load_checked``) or a builder, adds its own step and prints.

``root`` — the root group ``cli``, the ``build`` group, ``main`` (the entry point) and the options
every command shares; ``russian_click`` — click's help pages, usage errors and option types in
Russian; ``options`` — the ``--templates`` option; one module per family of commands: ``records``
(validate, schema, new), ``control`` (check, calendar, build control), ``protocols`` (build
protocols, build extract), ``roadmaps``, ``importer`` (import), ``analytics`` (analyze, results
import, build analysis, new group/roadmap), ``init``. The exit codes are ``nor_docs/exitcodes.py``.

May import every stage and vertical. A new command goes into the module of its family (or a new
one listed in ``root.COMMAND_MODULES``); what it computes goes into the stage it belongs to.
"""

from .root import build, cli, main

__all__ = ["build", "cli", "main"]
