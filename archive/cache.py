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


class RecordCache:
    """Records as parsed from their text, and which files passed their checks, in one file.

    Only plain data (text, numbers, lists, mappings) is stored, with marshal, which is the quickest
    to read back; the file is ignored when the generator's code changed or it cannot be read."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.parsed: dict[str, Any] = {}
        """Data by the digest of the file's text."""
        self.passed: set[str] = set()
        """Check keys (see validate.check_key) of the files that passed."""
        if path and path.is_file():
            try:
                stored = marshal.loads(path.read_bytes())
            except (EOFError, ValueError, TypeError):
                stored = None
            if isinstance(stored, dict) and stored.get("code") == code_digest():
                self.parsed, self.passed = stored["parsed"], stored["passed"]
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

    def save(self, passed: set[str]) -> None:
        """Write what this run used (records since removed are forgotten) and the files that passed."""
        if not self.path or (not self._new and passed == self.passed and self._used == set(self.parsed)):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        parsed = {key: value for key, value in self.parsed.items() if key in self._used}
        # Written beside, then renamed: a build reading at the same time sees the old file or the new one.
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        partial.write_bytes(marshal.dumps({"code": code_digest(), "parsed": parsed, "passed": passed}))
        partial.replace(self.path)
