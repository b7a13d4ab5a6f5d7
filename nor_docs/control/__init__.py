"""Stage 3, control: what the checked records mean on a day — deadlines as dates, and how each
assignment stands.

``calendar`` — the working calendar and today in the office's time zone; ``schedule`` — a
deadline's control points (``model/deadline.py`` parses the words, this places them on dates);
``tracking`` — those points as execution marks and extensions close and move them;
``assignments`` — every controlled item of the records as one list; ``status`` — the control
items as of a day with their statuses, and executive discipline; ``links`` — reverse links
(decision → roadmaps that fulfil it, meeting → items reported at it); ``selection`` — the
``--issuer``/``--meeting``/``--executor`` choice of items; ``citation`` — how a document and its
item are cited by their kind («Приказ от 21.08.2023 № 176, п. 1.5», «решением коллегии от …»),
for every report, the calendar, the control sheet and the links between documents.

Imports the foundation and ``model/`` only: it comes before ``checks/``, which places deadlines on
dates with it (NOR108, NOR204) and finds the assignments marks refer to. What a deadline
means on a date goes here (``schedule``); how its words are read does not (``model/deadline.py``).
"""
