"""What earlier builds already did, kept in the work folder: a file whose text has not changed is not
parsed or checked again, and a page whose inputs have not changed is not drawn again."""

from __future__ import annotations

import hashlib
import marshal
import os
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCES = (PACKAGE_DIR, PACKAGE_DIR.parent / "templates", PACKAGE_DIR.parent / "schema")
"""The generator's code, templates and schema: what turns the same content into the same output."""
LIBRARIES = ("PyYAML", "jsonschema", "jsonschema-rs", "Jinja2", "MarkupSafe", "Babel")
"""The libraries that parse, check and draw: another version may read or write differently."""


def digest(*texts: str | bytes) -> str:
    """A short hash of some texts, each kept apart from the next."""
    hasher = hashlib.blake2b(digest_size=16)
    for text in texts:
        hasher.update(text.encode("utf-8") if isinstance(text, str) else text)
        hasher.update(b"\0")
    return hasher.hexdigest()


@cache
def code_digest() -> str:
    """A hash of the generator's code, templates, schema and libraries: when they change, nothing
    earlier is reused."""
    paths = sorted(path for folder in SOURCES for path in folder.rglob("*") if path.is_file())
    versions = [f"{name} {metadata.version(name)}" for name in LIBRARIES]
    return digest(
        *versions, *(part for path in paths if path.suffix != ".pyc" for part in (path.name, path.read_bytes()))
    )


def read_kept(path: Path | None) -> dict[str, Any]:
    """What an earlier run kept in a file with keep(), or nothing when the file is missing, damaged,
    or written by other code."""
    if not path or not path.is_file():
        return {}
    try:
        stored = marshal.loads(path.read_bytes())
    except (EOFError, ValueError, TypeError):
        return {}
    return stored["kept"] if isinstance(stored, dict) and stored.get("code") == code_digest() else {}


def keep(path: Path, kept: dict[str, Any]) -> None:
    """Store plain data (text, numbers, lists, mappings, sets) for the next run, with marshal, the
    quickest to read back. Written beside, then renamed: a run reading at the same time sees the old
    file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    partial.write_bytes(marshal.dumps({"code": code_digest(), "kept": kept}))
    partial.replace(path)


class RecordCache:
    """Records as parsed from their text, what was worked out from them, and which files passed
    their checks, in one file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        stored = read_kept(path)
        self.parsed: dict[str, Any] = stored.get("parsed", {})
        """Data by the digest of the file's text."""
        self.passed: set[str] = stored.get("passed", set())
        """Check keys (see validate.check_key) of the files that passed."""
        self.derived: dict[str, dict[str, Any]] = stored.get("derived", {})
        """What later steps worked out from the data (see records.Document.derive), by the same digest."""
        self._derived_sizes = {key: len(values) for key, values in self.derived.items()}
        self._used: set[str] = set()
        self._new = False

    def data(self, text_digest: str) -> Any:
        """The data parsed earlier from a text with this digest, or None."""
        if text_digest in self.parsed:
            self._used.add(text_digest)
        return self.parsed.get(text_digest)

    def keep(self, text_digest: str, data: Any) -> None:
        self.parsed[text_digest] = data
        self._used.add(text_digest)
        self._new = True

    def derived_of(self, text_digest: str) -> dict[str, Any]:
        """The values worked out from the data of a text with this digest: a mapping that the
        caller fills, and that save() keeps."""
        return self.derived.setdefault(text_digest, {})

    def save(self, passed: set[str]) -> None:
        """Write what this run used (records since removed are forgotten), what was worked out from
        it, and the files that passed."""
        grown = any(len(values) != self._derived_sizes.get(key, 0) for key, values in self.derived.items())
        if not self.path or (not self._new and not grown and passed == self.passed and self._used == set(self.parsed)):
            return
        used = {key: value for key, value in self.parsed.items() if key in self._used}
        derived = {key: self.derived[key] for key in used if self.derived.get(key)}
        keep(self.path, {"parsed": used, "derived": derived, "passed": passed})
