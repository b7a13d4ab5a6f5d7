"""Stage 4, checks: what no single file's schema can see — the rules across records.

Every check takes the loaded ``Records`` (``model/``) and returns diagnostics; none changes the
records. ``cross_record`` holds the rules of references, numbering, deadlines, results, marks and
the documents; ``spelling`` the near-miss organisation names (NOR202); ``raw_references`` the references of a file that
failed its schema.

Imports the foundation, ``source/``, ``model/`` and ``control/`` (deadlines placed on dates for
NOR108/NOR204, the assignments the marks refer to). A new cross-record rule goes here, in the
module of its family, with its code in ``diagnostics.CODES``.
"""
