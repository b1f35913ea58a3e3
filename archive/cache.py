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


SHARDS = "0123456789abcdef"
"""The record cache spreads the data over one file per first digit of the texts' digests."""


class RecordCache:
    """Records as parsed from their text, what was worked out from them, and which files passed
    their checks, in a folder.

    The data is spread over sixteen files by the first digit of each text's digest, so that after
    an edit one or two of them are written again, not all the data (28 MB for 2,000 records)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.parsed: dict[str, Any] = {}
        """Data by the digest of the file's text."""
        self.derived: dict[str, dict[str, Any]] = {}
        """What later steps worked out from the data (see records.Document.derive), by the same digest."""
        for shard in SHARDS if folder else ():
            stored = read_kept(self._file(shard))
            self.parsed.update(stored.get("parsed", {}))
            self.derived.update(stored.get("derived", {}))
        self.passed: set[str] = read_kept(self._file("passed")).get("passed", set()) if folder else set()
        """Check keys (see validate.check_key) of the files that passed."""
        self._derived_sizes = {key: len(values) for key, values in self.derived.items()}
        self._used: set[str] = set()
        self._new: set[str] = set()

    def _file(self, name: str) -> Path:
        assert self.folder, "a cache without a folder keeps nothing"
        return self.folder / f"{name}.marshal"

    def data(self, text_digest: str) -> Any:
        """The data parsed earlier from a text with this digest, or None."""
        if text_digest in self.parsed:
            self._used.add(text_digest)
        return self.parsed.get(text_digest)

    def keep(self, text_digest: str, data: Any) -> None:
        self.parsed[text_digest] = data
        self._used.add(text_digest)
        self._new.add(text_digest)

    def derived_of(self, text_digest: str) -> dict[str, Any]:
        """The values worked out from the data of a text with this digest: a mapping that the
        caller fills, and that save() keeps."""
        return self.derived.setdefault(text_digest, {})

    def save(self, passed: set[str]) -> None:
        """Write the files whose part changed: data this run parsed or worked out from, data it did
        not use (records since removed are forgotten), the files that passed."""
        if not self.folder:
            return
        changed = {
            key[0]
            for key in self.parsed
            if key in self._new
            or key not in self._used
            or len(self.derived.get(key, {})) != self._derived_sizes.get(key, 0)
        }
        kept: dict[str, dict[str, dict[str, Any]]] = {shard: {"parsed": {}, "derived": {}} for shard in changed}
        for key in self._used:
            if key[0] in kept:
                kept[key[0]]["parsed"][key] = self.parsed[key]
                if self.derived.get(key):
                    kept[key[0]]["derived"][key] = self.derived[key]
        for shard, part in sorted(kept.items()):
            keep(self._file(shard), part)
        if passed != self.passed:
            keep(self._file("passed"), {"passed": passed})
