"""What the last build was made from, so that an unchanged input is not rendered again.

The manifest (``<out>/.nor-docs-manifest.json``) records, for the last successful build, the
fingerprint of every input: each meeting file, the files every meeting depends on (settings and
the directory), the templates, and the renderer itself (package version and source). A file is
unchanged when its size and modification time are those recorded — or, if they differ, when its
content hash still is (a ``touch`` or a checkout does not force a rebuild). Checking a thousand
unchanged meetings costs a few thousand ``stat`` calls: no record is read, parsed or validated.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..outputs.atomic import write_atomic

MANIFEST_NAME = ".nor-docs-manifest.json"
FORMAT = 1


def file_stat(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class Fingerprint:
    """size, mtime and content hash of one input file."""

    stat: list[int]
    sha: str

    @classmethod
    def of(cls, path: Path) -> Fingerprint | None:
        stat, sha = file_stat(path), file_hash(path)
        if stat is None or sha is None:
            return None
        return cls(stat, sha)

    def as_json(self) -> list:
        return [*self.stat, self.sha]

    @classmethod
    def from_json(cls, value) -> Fingerprint | None:
        if not isinstance(value, list) or len(value) != 3:
            return None
        return cls([value[0], value[1]], value[2])

    def matches(self, path: Path) -> tuple[bool, Fingerprint | None]:
        """(unchanged?, the current fingerprint when it had to be recomputed)."""
        stat = file_stat(path)
        if stat is None:
            return False, None
        if stat == self.stat:
            return True, None
        sha = file_hash(path)
        if sha == self.sha:
            return True, Fingerprint(stat, sha)
        return False, None


@dataclass
class Built:
    """One meeting file's last successful build."""

    source: Fingerprint
    output: str  # file name under the output folder
    output_stat: list[int]

    def as_json(self) -> dict:
        return {"source": self.source.as_json(), "output": self.output, "output_stat": self.output_stat}

    @classmethod
    def from_json(cls, value) -> Built | None:
        try:
            source = Fingerprint.from_json(value["source"])
            if source is None:
                return None
            return cls(source, str(value["output"]), list(value["output_stat"]))
        except (KeyError, TypeError, ValueError):
            return None


@dataclass
class Manifest:
    context: dict = field(default_factory=dict)  # renderer, records root, templates folder
    shared: dict[str, Fingerprint] = field(default_factory=dict)  # settings, directory files
    templates: dict[str, Fingerprint] = field(default_factory=dict)
    meetings: dict[str, Built] = field(default_factory=dict)  # meeting file (relative) → build

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        try:
            data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls()
            manifest = cls(context=dict(data["context"]))
            for key in ("shared", "templates"):
                for name, value in data[key].items():
                    fingerprint = Fingerprint.from_json(value)
                    if fingerprint is not None:
                        getattr(manifest, key)[name] = fingerprint
            for name, value in data["meetings"].items():
                built = Built.from_json(value)
                if built is not None:
                    manifest.meetings[name] = built
            return manifest
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()  # no manifest, or one we cannot trust: build everything

    def save(self, out_dir: Path) -> None:
        data = {
            "format": FORMAT,
            "context": self.context,
            "shared": {k: v.as_json() for k, v in sorted(self.shared.items())},
            "templates": {k: v.as_json() for k, v in sorted(self.templates.items())},
            "meetings": {k: v.as_json() for k, v in sorted(self.meetings.items())},
        }
        text = json.dumps(data, ensure_ascii=False, indent=0, separators=(",", ":"))
        write_atomic(out_dir / MANIFEST_NAME, text.encode("utf-8"))


def same_files(recorded: dict[str, Fingerprint], current: dict[str, Path]) -> tuple[bool, dict[str, Fingerprint]]:
    """Whether the set of files and each file's content are unchanged; with refreshed stats."""
    if set(recorded) != set(current):
        return False, {}
    refreshed = {}
    for name, path in current.items():
        unchanged, newer = recorded[name].matches(path)
        if not unchanged:
            return False, {}
        refreshed[name] = newer or recorded[name]
    return True, refreshed


def renderer_fingerprint() -> str:
    """The package version plus a hash of its source: a new nor-docs renders everything again."""
    from .. import __version__

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"
