"""Rendering: the model → a plain view of formatted Russian strings → a DOCX template → bytes.

``view`` builds the view of a protocol or an extract (names inflected by ``nor_docs.names``),
``engine`` compiles a DOCX template once and renders views into documents, ``package`` writes
the zip deterministically, ``manifest`` remembers what a build was made from, ``build`` plans
and runs a whole build in parallel. ``control_view`` and ``control_sheet`` do the same for the
control sheet (контрольный лист) of control items as of a day; ``roadmap_view`` and ``roadmaps``
for roadmaps (with statuses as of a day from ``nor_docs.control``).
"""
