"""Stage 8, build: orchestration of documents — which template, which records, which files are
out of date, in how many processes, written where (atomically, never into the records).

``templates`` — the templates folder and which template a document uses; ``manifest`` — what the
last build was made from (a no-op build reads no record); ``output_paths`` — a document's file name
and the safety of an output folder; ``workers`` — the pool of processes and the progress bar; one
module per document family: ``protocols``, ``extracts``, ``roadmaps``, ``control_sheet``,
``analysis`` (the analytic report). The calendar feeds (.ics) are not documents: ``report/ics.py``.

Imports the stages before it (``pipeline``, ``control``, ``render``, …) and the foundation. A new
document kind gets its module here (copy ``roadmaps.py``; its view is ``render/``'s, its template
``templates/make_*.py``); a new output rule of every build goes into ``output_paths``.
"""
