"""A problem inside a long text is reported on its own line, not on the line the text starts."""

from nor_docs.checks.spelling import SpellingChecker
from nor_docs.model.directory import Organization
from nor_docs.source.yamlsource import parse_source

SCHOOL = Organization(id="s", name="МОУ СОШ с. Головинщино", kind="школа")


def near_miss_positions(yaml_text: str) -> list[tuple[int, int]]:
    source, problems = parse_source(yaml_text.encode("utf-8"), "x.yaml")
    assert problems == []
    value = source.data["text"]
    return [
        source.position_in_value(("text",), value, offset)
        for offset, _written, _org in SpellingChecker([SCHOOL]).near_misses(value)
    ]


def test_literal_block_reports_the_line_of_the_word():
    text = "text: |-\n  МОУ СОШ с. Головинщино.\n\n  Школы: МОУ СОШ с. Головинцино.\n"
    assert near_miss_positions(text) == [(4, 10)]


def test_folded_block_counts_earlier_occurrences_of_the_same_word():
    text = (
        "text: >-\n"
        "  МОУ СОШ с. Кикино, МОУ СОШ с. Головинщино,\n"
        "  МОУ СОШ с. Головинцино и\n"
        "  снова МОУ СОШ с. Головинцино.\n"
    )
    assert near_miss_positions(text) == [(3, 3), (4, 9)]


def test_single_line_value_reports_its_column():
    assert near_miss_positions('text: "о МОУ СОШ с. Головинцино"\n') == [(1, 10)]


def test_a_value_not_found_falls_back_to_its_start():
    source, _ = parse_source(b"text: |-\n  abc\n", "x.yaml")
    assert source.position_in_value(("text",), "xyz", 0) == (1, 7)
