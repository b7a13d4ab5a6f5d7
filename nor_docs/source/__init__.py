"""Stage 1, source: the record files as text — found, read, and their YAML problems in Russian.

``layout`` — where record files live in a records folder and how their paths are shown;
``yamlsource`` — one file read into plain data (YAML 1.2 core schema, no aliases, tags or
duplicate keys) with the position of every value, and every YAML problem as a diagnostic.
``parse_cache`` — parsed files kept by content hash, so a full rebuild does not parse them again.

Imports only the foundation (``diagnostics``, ``outputs``, ``russian``). No content checks here
(what the text says is ``checks/``'s business): a new rule of the YAML syntax goes here, a new rule
about what a value says does not.
"""
