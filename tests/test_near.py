"""The near-miss rule of «возможно, …?»: what a person would call a typo of a known id, and
nothing further (the way out for an id that resembles nothing is to add the record)."""

from __future__ import annotations

import pytest

from nor_docs.model.near_ids import near_id

KNOWN = ["kuznetsk-zaytseva", "kuznetsk-ivanova", "kuznetsk-sosh10", "sosh-3", "kikino", "vpr-2024", "ivanova",
         "kamenka-petrov", "heads", "uo"]  # fmt: skip


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("ivanva", "ivanova"),  # a letter missed
        ("ivanovaa", "ivanova"),  # a letter added
        ("ivnaova", "ivanova"),  # two swapped
        ("kuznetsk-ivanvoa", "kuznetsk-ivanova"),
        ("kuznetsk-zaytsefa", "kuznetsk-zaytseva"),
        ("heds", "heads"),
        ("vpr-2042", "vpr-2024"),  # digits swapped
        ("petrov", "kamenka-petrov"),  # the municipality's prefix dropped
        ("kikino-school", "kikino"),  # a segment added
        ("sohs-3", "sosh-3"),
    ],
)
def test_a_typo_is_near(written, meant):
    assert near_id(written, KNOWN) == meant


@pytest.mark.parametrize(
    "written",
    [
        "kuznetsk-zalyotova",  # shares only the municipality's prefix with kuznetsk-zaytseva (the case)
        "sosh-5",  # another school, not a typo of sosh-3
        "kuznetsk-sosh12",
        "sidorov",
        "ou-kamenka",
        "smirnova",
    ],
)
def test_what_only_looks_alike_is_not(written):
    assert near_id(written, KNOWN) is None


def test_the_nearest_wins_and_an_exact_id_is_no_hint():
    assert near_id("ivanova", ["ivanova"]) is None
    assert near_id("ivanovv", ["ivanova", "ivanovvv"]) == "ivanova"
