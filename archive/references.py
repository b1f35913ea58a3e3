"""Where records and reference files point at ids defined in content/<kind>.yaml."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .errors import FieldPath

ANY = "*"
"""Stands for every index of a list, or every id of a reference file."""

CONFERENCE_REFERENCES: tuple[tuple[FieldPath, str], ...] = (
    (("series",), "series"),
    (("venue", "place"), "places"),
    (("hosts", ANY), "organizations"),
    (("chairs", ANY, "person"), "people"),
    (("participants", ANY, "organizations", ANY), "organizations"),
    (("participants", ANY, "people", ANY, "person"), "people"),
    (("speakers", ANY, "person"), "people"),
    (("figures", ANY, "metric"), "metrics"),
    (("figures", ANY, "scope"), "places"),
    (("figures", ANY, "unit"), "units"),
    (("conclusions", "by", "person"), "people"),
    (("recommendations", ANY, "person"), "people"),
    (("recommendations", ANY, "place"), "places"),
    (("documents", ANY, "issuer"), "organizations"),
    (("topics", ANY), "topics"),
)
"""Each field of a conference record that holds an id, and the file that defines it."""

REFERENCE_FILE_REFERENCES: dict[str, tuple[tuple[FieldPath, str], ...]] = {
    "organizations": ((("*", "part_of"), "organizations"), (("*", "place"), "places")),
    "series": ((("*", "region"), "places"),),
}
"""Fields of reference files that point at other reference files."""


def _collect(value: Any, pattern: FieldPath, path: FieldPath, found: list[tuple[FieldPath, Any]]) -> None:
    """Append (path, value) for every place in value that pattern reaches (a list, not a generator:
    this walk runs over every record on every build)."""
    if not pattern:
        found.append((path, value))
        return
    head, rest = pattern[0], pattern[1:]
    if head == ANY and isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, rest, (*path, index), found)
    elif head == ANY and isinstance(value, dict):
        for key, item in value.items():
            _collect(item, rest, (*path, key), found)
    elif isinstance(value, dict) and head in value:
        _collect(value[head], rest, (*path, head), found)


def references(data: Any, fields: tuple[tuple[FieldPath, str], ...]) -> Iterator[tuple[FieldPath, str, str]]:
    """Each (field path, kind, id) in data that the given fields declare as references."""
    for pattern, kind in fields:
        found: list[tuple[FieldPath, Any]] = []
        _collect(data, pattern, (), found)
        for path, value in found:
            if isinstance(value, str):
                yield path, kind, value
