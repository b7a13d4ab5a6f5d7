"""Vertical: scaffolding — what helps people write records: a new meeting's skeleton
(``meeting``), a person or an organisation added to the directory (``directory_entry``), a new
office's repository (``init_office``), drafts of a group or a roadmap from an analysis
(``drafts``), and the JSON Schemas an editor checks records with (``schema``).

Writes only new files or one directory file under its lock, never over a record. Uses ``source/``
(the reader), ``model/`` (the record kinds), ``model.records`` (loading), ``analytics/`` (drafts)
and ``build/templates`` (the shipped templates ``init`` copies). A new «nor-docs new …» goes here.
"""
