"""Writing what nor-docs makes (foundation: imports no stage of nor-docs).

``atomic`` — one output file written atomically (or as a stream into a pipe or a device), and
what an operating-system error means, in Russian; ``safety`` — where a command may write (never
inside the records) and the lock of an output folder; ``textsafety`` — the characters no output
prints raw (every diagnostic and printed line passes through ``printable``).

A new rule about where or how an output is written goes here.
"""
