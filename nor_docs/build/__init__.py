"""Stage 9, build: orchestration of documents — which template, which records, which files are
out of date, in how many processes, written where (atomically, never into the records).

``templates`` — the templates folder and which template a document uses; ``manifest`` — what the
last build was made from (a no-op build reads no record); ``output_paths`` — a document's file name
and the safety of an output folder; ``workers`` — the pool of processes and the progress bar; one
module per document family: ``protocols``, ``extracts``, ``roadmaps``, ``control_sheet``,
``calendar`` (.ics files), ``analysis`` (the analytic report).

Imports every stage below it (``pipeline``, ``control``, ``render``, …). A new document kind gets
its module here (its view is ``render/``'s); a new output rule of every build goes into
``output_paths``.
"""
