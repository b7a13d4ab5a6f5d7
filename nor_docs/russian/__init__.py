"""The Russian language as the documents need it (foundation: imports no stage of nor-docs).

``dates`` — dates as people write them (``2021-10-10``, ``10.10.2021 г.``), parsed and formatted;
``names`` — names and positions inflected (pytrovich, pymorphy3): «Иванову И.И.», «директора»;
``mixedscript`` — words that mix Latin and Cyrillic letters, and the letters that look alike;
``typography`` — what a typesetter fixes in a document's text (non-breaking spaces, dashes,
«ёлочки»).

A new rule of the language that a document or a message needs goes here, in the module of its
kind; nothing here knows of records, YAML or DOCX.
"""
