"""The YAML reader: YAML 1.2 scalars, duplicate keys, aliases, encodings, positions."""

from nor_docs.yamlsource import parse_source


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


def test_item_numbers_keep_their_written_form():
    from nor_docs.model.common import Label
    from pydantic import TypeAdapter

    source, _ = read("a: 1.10\nb: 4\nc: 1.3\n")
    labels = TypeAdapter(dict[str, Label]).validate_python(source.data)
    assert labels == {"a": "1.10", "b": "4", "c": "1.3"}
