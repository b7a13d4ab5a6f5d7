"""Whatever a records folder holds — random bytes, garbled YAML, odd structures — loading reports
it and never raises, and the CLI exits 0 or 2 without a traceback.

Runs derandomized (the same examples every time) so CI stays stable; ``NOR_DOCS_FUZZ=1`` explores
afresh with many more examples.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nor_docs.cli import cli
from nor_docs.pipeline import load_checked as load_and_validate
from nor_docs.source.yamlsource import parse_source

BASE = Path(__file__).resolve().parent / "bad" / "_base"
MEETING = (BASE / "meetings" / "2024-01-10-wg.yaml").read_text(encoding="utf-8")
DIRECTORY = (BASE / "directory" / "base.yaml").read_text(encoding="utf-8")

if os.environ.get("NOR_DOCS_FUZZ"):
    settings.register_profile("fuzz", max_examples=3000, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    settings.load_profile("fuzz")
else:
    settings.register_profile("stable", max_examples=120, deadline=None, derandomize=True,
                              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    settings.load_profile("stable")

YAML_PIECES = st.sampled_from(
    [":", ": ", "- ", "-", "\n", "  ", "\t", "[", "]", "{", "}", ",", "#", "&a ", "*a", "<<: ", "!!python/object ",
     "!!str ", "'", '"', "\\", "|", ">-", "---\n", "...\n", "?", "%", "@", "`", "no", "10:30", "31.02.2024",
     "\x00", "\x01", "\x85", "\u2028", "\ufeff", "\ufffe", "\ud7ff", "…", "ё", "№", "0x1F", "1e400", "~",
     "deadline: ", "executors: [", "event: ", "number: 1.10", "person: ", "  - ", "\r\n", "\r"]
)  # fmt: skip


@st.composite
def garbled_meeting(draw) -> str:
    """The base meeting with a few random edits at random places."""
    text = MEETING
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate_line", "drop_line"]))
        if action == "insert":
            text = text[:at] + draw(YAML_PIECES | st.text(max_size=5)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif action == "replace":
            text = text[:at] + draw(YAML_PIECES) + text[at + 1 :]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines[i : i + 1] = [lines[i], lines[i]] if action == "duplicate_line" else []
            text = "\n".join(lines)
    return text


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
MEETING_KEYS = ["kind", "title", "issuer", "date", "time", "chair", "attendees", "agenda", "decisions", "results",
                "signers", "appendices", "format", "number", "id", "deadine"]  # fmt: skip


@st.composite
def odd_structure(draw) -> str:
    """A meeting whose fields hold random JSON-like values, written as YAML."""
    data = {key: draw(JSONISH) for key in draw(st.lists(st.sampled_from(MEETING_KEYS), unique=True, max_size=8))}
    if draw(st.booleans()):
        data["decisions"] = [{"number": draw(JSONISH), "text": "x", "executors": draw(JSONISH),
                              "deadline": draw(JSONISH | st.text(max_size=40))}]  # fmt: skip
    return yaml.safe_dump(data, allow_unicode=draw(st.booleans()))


def validate_folder(meeting: bytes, directory: bytes | None = None):
    """Run the library and the CLI over a records folder holding ``meeting``; both must cope."""
    from click.testing import CliRunner

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        shutil.copytree(BASE, root)
        (root / "meetings" / "2024-02-01-wg.yaml").write_bytes(meeting)
        if directory is not None:
            (root / "directory" / "base.yaml").write_bytes(directory)
        records, found = load_and_validate(root)
        assert all(d.line >= 1 and d.column >= 1 and d.code.startswith("NOR") and d.message for d in found)
        for fmt in ("text", "json"):
            result = CliRunner().invoke(cli, ["validate", "--records", str(root), "--format", fmt])
            assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
            assert result.exit_code in (0, 2), result.output  # exitcodes: ok or invalid records
            assert "Traceback" not in result.output
        return found


@given(st.binary(max_size=400))
def test_random_bytes_never_raise(raw):
    source, problems = parse_source(raw, "x.yaml")
    assert source is not None or problems


@given(st.binary(max_size=300))
def test_random_bytes_as_a_record_file(raw):
    validate_folder(raw)


@given(garbled_meeting())
def test_garbled_yaml_never_raises(text):
    validate_folder(text.encode("utf-8", "surrogatepass"))


@given(garbled_meeting())
def test_garbled_directory_never_raises(text):
    directory = DIRECTORY
    # graft the garbled meeting's damage into the directory: same edits, other file
    validate_folder(MEETING.encode(), (directory + "\n" + text[:200]).encode("utf-8", "surrogatepass"))


@given(odd_structure())
def test_odd_structures_never_raise(text):
    validate_folder(text.encode("utf-8"))


@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=12)))
def test_deadline_text_never_raises_anything_but_a_deadline_error(text, event):
    from nor_docs.model.deadline import DeadlineError, parse_deadline

    try:
        deadline = parse_deadline(text, event)
    except DeadlineError:
        return
    except ValueError as error:  # the model refusing e.g. an event id with capitals
        assert "event" in str(error) or "pattern" in str(error)
        return
    assert deadline.as_written == " ".join(text.split())
