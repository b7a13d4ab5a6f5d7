"""Vertical: import — a protocol, an extract or a roadmap an office already has (DOCX, text,
Markdown) turned into YAML drafts of records, never over an existing file.

The flow, one module per step: ``reading`` (``read_docx``, ``read_text``) → blocks of text;
``kinds`` decides what the document is; ``protocol`` (with ``heading``, ``attendance``, ``agenda``,
``statements``, ``decisions``, ``signatures``, ``appendices``) or ``roadmap`` recognises it into a
draft; ``resolve`` (``directory_index``, ``people``, ``orgnames``, ``proposals``) matches names
against the directory; ``yaml_writer`` writes the draft; ``importing`` runs it file by file and
``summary`` reports. Uses ``source/`` (the layout), ``model/`` (deadline wordings, the record kinds;
the directory loaded by ``model.records``), ``outputs/`` and ``scaffold/`` (schema lines).

A new kind of paper to import gets a recogniser here (``kinds``); what its record can say is
``model/``'s.
"""
