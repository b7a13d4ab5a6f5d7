"""Rendering: the model → a plain view of formatted Russian strings → a DOCX template → bytes.

``view`` builds the view of a protocol or an extract (names inflected by ``nor_docs.names``),
``engine`` compiles a DOCX template once and renders views into documents, ``package`` writes
the zip deterministically, ``manifest`` remembers what a build was made from, ``build`` plans
and runs a whole build in parallel. ``roadmap_view`` and ``roadmaps`` do the same for roadmaps
(with statuses as of a day from ``nor_docs.control``).
"""
