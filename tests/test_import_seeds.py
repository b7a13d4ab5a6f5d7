"""The five seed protocols, imported from plain text, recover the facts of their sample records
(records/meetings transcribe them): the share per seed of people, agenda items, decisions,
executors and deadlines — with the sample directory, and with none (everyone proposed anew, people
compared by surname and initials). The numbers are pinned: a change either way is seen here, and
``bench/import_facts.py`` prints them."""

from __future__ import annotations

import pytest
from import_facts import measure_seeds

KINDS = ("people", "agenda items", "decisions", "executors", "deadlines")

# seed → (recovered, total) per kind, in KINDS order.
WITH_DIRECTORY = {
    "000_c4b2feb87e122e7d.txt": [(2, 2), (2, 2), (5, 5), (0, 0), (0, 0)],
    "001_398c1efde4d30367.txt": [(19, 19), (1, 1), (2, 2), (2, 2), (2, 2)],
    "002_4dbd5cde15fe31d7.txt": [(8, 8), (2, 2), (3, 3), (1, 1), (1, 1)],
    # Decisions 2–5 name no executor: the record's authors read «руководители ОО» into them.
    "003_f47f8df3f44c68ee.txt": [(3, 3), (3, 3), (10, 10), (1, 5), (5, 5)],
    # Decisions 2–4 likewise; decision 2's «руководителям школ-участников проекта» is proposed
    # as a new group, the record has the group of project participants.
    "004_f8a50a386e0d4be3.txt": [(1, 1), (4, 4), (5, 5), (1, 4), (0, 0)],
}
# Without a directory the fifteen schools of seed 003's decision 1 stay fifteen organisations
# (no group of them is known), so its executors are not the record's group.
WITHOUT_DIRECTORY = {**WITH_DIRECTORY, "003_f47f8df3f44c68ee.txt": [(3, 3), (3, 3), (10, 10), (0, 5), (5, 5)]}


@pytest.mark.parametrize(("with_directory", "expected"), [(True, WITH_DIRECTORY), (False, WITHOUT_DIRECTORY)],
                         ids=["with-directory", "without-directory"])
def test_seed_texts_recover_their_facts(tmp_path, with_directory, expected):
    shares = measure_seeds(tmp_path / "records", with_directory)
    found = {seed: [(s.recovered, s.total) for s in (shares[seed][k] for k in KINDS)] for seed in shares}
    assert found == expected
