"""The YAML reader: YAML 1.2 scalars, duplicate keys, aliases, encodings, positions."""

import pytest

from nor_docs.source.yamlsource import parse_source


def read(text: str):
    return parse_source(text.encode("utf-8"), "x.yaml")


def test_yaml_1_1_surprises_stay_strings():
    source, problems = read("a: no\nb: 10:30\nc: 2021-10-10\nd: yes\ne: true\nf: 5\n")
    assert problems == []
    assert source.data == {"a": "no", "b": "10:30", "c": "2021-10-10", "d": "yes", "e": True, "f": 5}


def test_quoted_values_are_strings():
    source, _ = read('a: "true"\nb: "5"\n')
    assert source.data == {"a": "true", "b": "5"}


def test_duplicate_key_is_reported_with_both_lines():
    _, problems = read("a: 1\nb: 2\na: 3\n")
    assert [(p.line, p.column, p.code) for p in problems] == [(3, 1, "NOR006")]
    assert "строка 1" in problems[0].message


def test_alias_is_refused():
    _, problems = read("a: &x [1, 2]\nb: *x\n")
    assert [(p.line, p.code) for p in problems] == [(2, "NOR007")]


def test_alias_bomb_does_not_expand():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    _, problems = read(bomb)
    assert problems and all(p.code == "NOR007" for p in problems)


def test_positions_are_one_based_line_and_column():
    source, _ = read("top:\n  items:\n    - name: x\n      deadline: y\n")
    assert source.position(("top", "items", 0, "deadline")) == (4, 17)
    assert source.key_position(("top", "items", 0, "deadline")) == (4, 7)


def test_not_utf8_empty_and_not_mapping():
    _, problems = parse_source("a: привет".encode("cp1251"), "x.yaml")
    assert problems[0].code == "NOR002"
    _, problems = read("# only a comment\n")
    assert problems[0].code == "NOR003"
    _, problems = read("- a\n- b\n")
    assert problems[0].code == "NOR005"


def test_syntax_error_points_at_line():
    _, problems = read("a: 1\nb: [1, 2\nc: 3\n")
    assert problems[0].code == "NOR004"
    assert problems[0].line >= 2


def test_control_character_is_reported_and_removed():
    source, problems = read('a: "x\\u0001y"\n')
    assert [p.code for p in problems] == ["NOR010"]
    assert source.data == {"a": "xy"}


def test_python_tags_are_refused():
    _, problems = read("a: !!python/object:os.system x\n")
    assert [p.code for p in problems] == ["NOR008"]


def test_absurd_nesting_is_reported_not_crashed_on():
    # PyYAML's C composer recurses: a million brackets would overflow the C stack (segfault).
    for text in (
        "a: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n",
        "a:\n" + "- " * 200_000 + "x\n",
        "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 3000)),
        "a: " + "{b: " * 100_000 + "c" + "}" * 100_000 + "\n",
    ):
        source, problems = read(text)
        assert source is None and [p.code for p in problems] == ["NOR011"]


def test_moderate_nesting_within_the_limit_is_read():
    source, problems = read("a: " + "[" * 60 + "x" + "]" * 60 + "\n")
    assert problems == [] and source is not None


def test_alias_bomb_stays_small_in_memory():
    import tracemalloc

    levels = "abcdefghijklmnopqrst"  # 20 levels of 10 aliases: 10**20 values if expanded
    bomb = f"{levels[0]}: &{levels[0]} [" + ", ".join(["lol"] * 10) + "]\n"
    for prev, cur in zip(levels, levels[1:]):
        bomb += f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    tracemalloc.start()
    source, problems = read(bomb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5_000_000
    assert problems[0].code == "NOR007" and problems[-1].message.startswith("и ещё ссылок YAML в этом файле: ")
    assert source is not None and source.data["b"] == [None] * 10


def test_explicit_str_tag_keeps_text_and_other_core_tags_are_refused():
    source, problems = read("a: !!str 5\nb: !!int 5\n")
    assert source.data["a"] == "5"
    assert [(p.line, p.code) for p in problems] == [(2, "NOR008")]


def test_merge_key_is_refused():
    _, problems = read("base: {x: 1}\nc:\n  <<: {x: 2}\n")
    assert [(p.line, p.code) for p in problems] == [(3, "NOR007")]


def test_raw_control_characters_are_reported_where_they_stand():
    source, problems = parse_source("a: x\x01y\nb: ok\x85\n".encode(), "x.yaml")
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 5, "NOR010"), (2, 6, "NOR010")]
    assert source is not None and source.data["b"] == "ok\ufffd"


def test_item_numbers_keep_their_written_form():
    from pydantic import TypeAdapter

    from nor_docs.model.common import Label

    source, _ = read("a: 1.10\nb: 4\nc: 1.3\n")
    labels = TypeAdapter(dict[str, Label]).validate_python(source.data)
    assert labels == {"a": "1.10", "b": "4", "c": "1.3"}


def _as_line_ends(text: str, end: str, bom: bool = False) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", end).encode("utf-8")


LINE_ENDS_SAMPLE = "# yaml-language-server: $schema=x\n# a comment\nkind: k\nnote: |\n  one\n  two\nlist:\n  - a: 1\n  - b: x y\n"


def test_line_ends_crlf_cr_and_bom_read_alike():
    """Windows (CRLF, often with a BOM) and old-Mac (CR only) files read as the same data with the
    same positions as LF; a CR-only file is not «empty» for its first line being a comment."""
    expected, problems = parse_source(_as_line_ends(LINE_ENDS_SAMPLE, "\n"), "x.yaml")
    assert problems == []
    for end in ("\r\n", "\r"):
        for bom in (False, True):
            source, problems = parse_source(_as_line_ends(LINE_ENDS_SAMPLE, end, bom), "x.yaml")
            assert problems == [], (end, bom)
            assert source.data == expected.data
            assert source.schema_comment == expected.schema_comment
            for loc in (("kind",), ("note",), ("list", 1, "b")):
                assert source.position(loc) == expected.position(loc)
            assert source.position_in_value(("list", 1, "b"), "x y", 2) == (9, 10)


# Every problem text of libyaml 0.2.6 (the one PyYAML 6.0.3+ bundles) and of PyYAML's own
# pure-Python scanner and parser: none may reach a user in English, whatever libyaml is installed.
LIBYAML_PROBLEMS = [
    "block sequence entries are not allowed in this context", "control characters are not allowed",
    "could not find expected ':'", "could not find expected directive name", "did not find URI escaped octet",
    "did not find expected '!'", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
    "did not find expected '-' indicator", "did not find expected <document start>",
    "did not find expected alphabetic or numeric character", "did not find expected comment or line break",
    "did not find expected digit or '.' character", "did not find expected hexdecimal number",
    "did not find expected key", "did not find expected node content", "did not find expected tag URI",
    "did not find expected version number", "did not find expected whitespace",
    "did not find expected whitespace or line break", "did not find the expected '>'",
    "duplicate %TAG directive", "expected DOCUMENT-END", "expected DOCUMENT-START or STREAM-END",
    "expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS", "expected nothing after STREAM-END",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected", "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet", "found an indentation indicator equal to 0",
    "found character that cannot start any token", "found duplicate %TAG directive",
    "found duplicate %YAML directive", "found extremely long version number", "found incompatible YAML document",
    "found invalid Unicode character escape code", "found undefined tag handle", "found unexpected ':'",
    "found unexpected document indicator", "found unexpected end of stream",
    "found unexpected non-alphabetical character", "found unknown directive name",
    "found unknown escape character", "incompatible %YAML directive", "input is too long",
    "invalid Unicode character", "invalid leading UTF-8 octet", "invalid length of a UTF-8 sequence",
    "invalid trailing UTF-8 octet", "incomplete UTF-8 octet sequence", "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context", "found undefined alias", "found duplicate anchor",
    "expected ',' or ']', but got ','", "expected ':', but found '<scalar>'", "expected <block end>, but found '-'",
    "some message a newer libyaml might add",
]


@pytest.mark.parametrize("problem", LIBYAML_PROBLEMS)
def test_every_libyaml_message_reaches_the_user_in_russian(problem):
    import re

    import yaml

    from nor_docs.source.yamlsource import _translate_yaml_problem

    mark = yaml.Mark("x.yaml", 0, 0, 0, "a: b\n", 0)
    text = _translate_yaml_problem(yaml.MarkedYAMLError(None, None, problem, mark), "a: b\n")
    assert text and not re.search(r"[A-Za-z]{3,}\W+[A-Za-z]{3,}", text), text


def test_libyaml_own_nesting_limit_is_nor011_not_a_syntax_error():
    # libyaml 0.2.6 stops at 1,000 levels while scanning ahead, before the reader's own check
    # (64 levels) sees the parser's events: still NOR011, in Russian, where it stands.
    source, problems = read("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert source is None and [p.code for p in problems] == ["NOR011"]
    assert "exceeded" not in problems[0].message and problems[0].line == 1
