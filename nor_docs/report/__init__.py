"""Stage 7, report: the reports of ``check`` — one set of control items (or the diagnostics of
records that failed validation), written in one of its formats.

``formats`` — the formats as an enum and the one table from format to writer; one module per
format: ``text``, ``json``, ``github``, ``gitlab``, ``junit``; ``ics`` — calendar feeds of open
deadlines (``nor-docs calendar``).

Imports the foundation, ``model/`` and ``control/``. A new output format is a module here and a
row of ``formats.WRITERS``.
"""
