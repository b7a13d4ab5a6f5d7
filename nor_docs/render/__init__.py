"""Stage 7, render: view models and DOCX writing only — the checked records (and their control
items) turned into plain strings, and those into a document's bytes.

``protocol_view`` — a meeting as its protocol or extract shows it; ``roadmap_view`` — a roadmap,
with statuses on request; ``control_sheet_view`` — the control sheet of control items;
``analysis_view`` and ``charts`` — the analytic report of ``nor_docs/analytics`` (tables, charts);
``compiled_template`` — a DOCX template compiled once and filled many times; ``docx_zip`` — the
package zipped byte for byte the same every time.

Imports the foundation, ``model/``, ``control/`` and ``analytics/`` (the domain a view shows);
never ``report/`` or ``build/``, never YAML. A new document kind's view goes here
(``<kind>_view.py``); where its template is found and its file written is ``build/``'s.
"""
