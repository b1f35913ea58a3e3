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


def _matches(value: Any, pattern: FieldPath, path: FieldPath) -> Iterator[tuple[FieldPath, Any]]:
    if not pattern:
        yield path, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == ANY and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _matches(item, rest, (*path, index))
    elif head == ANY and isinstance(value, dict):
        for key, item in value.items():
            yield from _matches(item, rest, (*path, key))
    elif isinstance(value, dict) and head in value:
        yield from _matches(value[head], rest, (*path, head))


def references(data: Any, fields: tuple[tuple[FieldPath, str], ...]) -> Iterator[tuple[FieldPath, str, str]]:
    """Each (field path, kind, id) in data that the given fields declare as references."""
    for pattern, kind in fields:
        for path, value in _matches(data, pattern, ()):
            if isinstance(value, str):
                yield path, kind, value
