"""Which known id a person would call a near miss of an unknown one (the «возможно, …?» hint).

A typo — a letter missed, added, changed, or two swapped — in the part of the id that tells
records apart (a different number is another record, not a typo; digits swapped are a typo): ids of one municipality share a prefix («kuznetsk-»), which makes any two of them
look alike to a plain similarity ratio, so the shared prefix is set aside before counting. One
edit is near for a short remainder, two for a longer one, three only for a long one. An id that
is another's with a segment added or dropped («ivanova» for «kamenka-ivanova», «kikino-school» for
«kikino») is near too.
Anything further is not a hint: the way out is to add the record, and the message says that.
"""

from __future__ import annotations

from collections.abc import Iterable


def near_id(value: str, known: Iterable[str]) -> str | None:
    """The known id nearest to ``value`` if a person would call it near, else None."""
    best: tuple[int, str] | None = None
    for candidate in known:
        if candidate == value:
            continue
        distance = _near(value, candidate)
        if distance is not None and (best is None or (distance, candidate) < best):
            best = (distance, candidate)
    return best[1] if best else None


def _near(value: str, candidate: str) -> int | None:
    """How far ``candidate`` is from ``value`` (smaller is nearer), or None if not near."""
    if _segments_end(value, candidate) or _segments_end(candidate, value):
        return 3
    a, b = _without_common_prefix(value, candidate)
    if _digits(a) and _digits(b) and sorted(_digits(a)) != sorted(_digits(b)):
        return None  # «sosh-5» is another school than «sosh-3», not a typo of it («vpr-2042» is one of «vpr-2024»)
    longest = max(len(a), len(b))
    allowed = 1 if longest <= 5 else 2 if longest <= 12 else 3
    if abs(len(a) - len(b)) > allowed:
        return None
    distance = _edits(a, b, allowed)
    return distance if distance <= allowed else None


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _segments_end(short: str, long: str) -> bool:
    """``long`` is ``short`` with whole segments added before or after it: ``kamenka-ivanova`` or
    ``kikino-school`` for ``ivanova`` or ``kikino``."""
    return len(short) >= 4 and (long.endswith("-" + short) or long.startswith(short + "-"))


def _without_common_prefix(a: str, b: str) -> tuple[str, str]:
    """Both ids without the whole segments («kuznetsk-») they begin with alike."""
    cut = 0
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            break
        if x in "-._":
            cut = i + 1
    return a[cut:], b[cut:]


def _edits(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (insert, delete, replace, swap of neighbours), counted
    no further than ``limit + 1``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]
