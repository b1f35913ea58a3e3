"""What the JSON Schema in schema/ declares about each field: the one declaration of a record.

Besides what JSON Schema validates, fields carry annotations that the generator reads:
- `x-references`: the reference file (content/<kind>.yaml) whose ids the field holds;
- `x-part`: the part played by the people named under the field (chair, speaker, ...);
- `x-date`: a date, which must be a real day;
- `x-csv`: a column of the CSV tables (true), or, for a list, the number of its items ("count");
  a list's column joins its items, each shown by the first of its `x-csv-label` fields it has;
- `x-label` ({vi, en}) and `x-description-vi`: the web form's label and help (archive.editor), the
  English help being `description`; `x-long-text`: bilingual text edited in a box of several lines.

A field one of whose forms is the constant "unknown" may say that the sources do not record it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import FieldPath

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
REFERENCE_KINDS = {
    "people": "person",
    "places": "place",
    "organizations": "organization",
    "series": "series",
    "metrics": "metric",
    "units": "unit",
    "topics": "topic",
    "acts": "act",
}
"""The reference files under content/, each defining ids that records use, with what one entry is called."""
ANY = "*"
"""In a field pattern: every item of a list, or every id of a reference file."""

Schema = dict[str, Any]


@cache
def schema_files() -> dict[str, Schema]:
    """The schema files, by file name."""
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(SCHEMA_DIR.glob("*.json"))}


def file_of(kind: str) -> str:
    """The schema file of a kind of file: "conference", or a reference kind."""
    return f"{kind}.schema.json"


def resolve(node: Schema, file: str) -> tuple[Schema, str]:
    """A schema node with its $ref followed (and the target's own $ref, and so on), the node's own
    keywords (description, annotations) laid over the target's; and the file the result lies in."""
    while "$ref" in node:
        target_file, _, pointer = node["$ref"].partition("#")
        file = target_file or file
        target: Any = schema_files()[file]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return node, file


def forms(node: Schema, file: str) -> list[tuple[Schema, str]]:
    """The shapes a value may take: the node itself, or each branch of its oneOf / anyOf but "unknown"."""
    branches = node.get("oneOf", []) + node.get("anyOf", [])
    shapes = [resolve(branch, file) for branch in branches]
    shapes = [(shape, at) for shape, at in shapes if "const" not in shape and set(shape) != {"required"}]
    return shapes or [(node, file)]


UNKNOWN = "unknown"
"""The word a record writes where the sources do not give a field."""


def may_be_unknown(node: Schema) -> bool:
    return any(branch.get("const") == UNKNOWN for branch in node.get("oneOf", []) + node.get("anyOf", []))


@dataclass(frozen=True)
class Field:
    """One field of a kind of file, as the schema declares it."""

    path: FieldPath
    """Where it stands, with ANY for the items of a list or the ids of a reference file."""
    schema: Schema
    part: str | None
    """The part played by a person named here, from the nearest x-part above or at the field."""

    @property
    def references(self) -> str | None:
        return self.schema.get("x-references")

    @property
    def is_date(self) -> bool:
        return bool(self.schema.get("x-date"))


def children(node: Schema, file: str) -> Iterator[tuple[str, Schema, str]]:
    """(key or ANY, schema, file) for each field directly below a node, across its forms."""
    for shape, at in forms(node, file):
        for key, child in shape.get("properties", {}).items():
            yield key, child, at
        for nested in ("items", "additionalProperties"):
            if isinstance(shape.get(nested), dict):
                yield ANY, shape[nested], at


@cache
def fields(kind: str) -> tuple[Field, ...]:
    """Every field of a kind of file, parents before their children."""
    found: list[Field] = []

    def walk(node: Schema, file: str, path: FieldPath, part: str | None) -> None:
        node, file = resolve(node, file)
        part = node.get("x-part", part)
        found.append(Field(path, node, part))
        for key, child, at in children(node, file):
            walk(child, at, (*path, key), part)

    walk(schema_files()[file_of(kind)], file_of(kind), (), None)
    return tuple(found)


@cache
def below(kind: str, path: FieldPath) -> tuple[Field, ...]:
    """The fields directly below a field of a kind of file."""
    return tuple(field for field in fields(kind) if field.path[:-1] == path and field.path)


def value_at(data: Any, path: FieldPath) -> Any:
    """The value at a path without ANY in loaded data, or None where the data has none."""
    return next((value for _, value in find(data, path)), None)


@cache
def reference_fields(kind: str) -> tuple[Field, ...]:
    """The fields of a kind of file that hold ids of reference file entries."""
    return tuple(field for field in fields(kind) if field.references)


def find(value: Any, pattern: FieldPath, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """(path, value) for every place in loaded data that a field pattern reaches."""
    if not pattern:
        yield path, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == ANY and isinstance(value, list):
        for index, item in enumerate(value):
            yield from find(item, rest, (*path, index))
    elif head == ANY and isinstance(value, dict):
        for key, item in value.items():
            yield from find(item, rest, (*path, key))
    elif isinstance(value, dict) and head in value:
        yield from find(value[head], rest, (*path, head))


def references(data: Any, kind: str) -> Iterator[tuple[FieldPath, Field, str]]:
    """(path, field, id) for each id of a reference file entry in a file's data."""
    for field in reference_fields(kind):
        for path, value in find(data, field.path):
            if isinstance(value, str):
                yield path, field, value
