"""Stage 2, model: what the records can say — one strict pydantic model per record kind, and the
loading of a records folder into them.

``meeting`` — a meeting and its protocol (agenda, decisions, assignments); ``roadmap``; ``marks``
— execution marks, extensions, removals from control; ``events`` — what relative deadlines hang
on; ``directory`` — organisations, people, groups; ``settings`` (and ``analytics_settings``) —
the office's settings; ``deadline`` — a deadline's words parsed into a typed kind; ``common`` —
the strict base class, ids, dates; ``ids`` and ``near_ids`` — what an id may be and which known
id is a near miss of an unknown one (no pydantic: a no-op build imports them alone); ``records``
— a records folder loaded (files from ``source/``, each checked against its model's schema).

Imports the foundation and ``source/`` only; knows nothing of DOCX, dates as control sees them
or other records (those are ``control/`` and ``checks/``). A new field or record kind goes here,
and a new deadline wording into ``deadline.py``.
"""
