"""Checked data as plain typed objects, with classes made from the schema's fields.

Every field the schema declares is an attribute, present or not: a missing optional field is None
(or an empty tuple for a list), and a field marked `unknown` is NOT_RECORDED. Ids of reference file
entries are Refs, which know their file. Templates then read values without guards.
"""

from __future__ import annotations

import dataclasses
import keyword
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from .schema import ANY, REFERENCE_KINDS, Schema, children, file_of, forms, may_be_unknown, resolve, schema_files


class NotRecorded:
    """What a record says with `unknown`: the sources do not give it. Falsy, empty, and any of its
    fields is not recorded either."""

    def __bool__(self) -> bool:
        return False

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __getattr__(self, name: str) -> NotRecorded:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __repr__(self) -> str:
        return "NOT_RECORDED"


NOT_RECORDED = NotRecorded()


class Ref(str):
    """The id of a reference file entry, with the kind of file that defines it (people, places, ...)."""

    kind: str

    def __new__(cls, value: str, kind: str) -> Ref:
        ref = super().__new__(cls, value)
        ref.kind = kind
        return ref

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (Ref, (str(self), self.kind))


def attribute(name: str) -> str:
    """The attribute for a field name: `from` becomes `from_`, as Python keywords must."""
    return f"{name}_" if keyword.iskeyword(name) else name


@dataclass(frozen=True)
class Shape:
    """How to turn one field's data into typed values."""

    forms: tuple[Form, ...]
    unknown: bool


@dataclass(frozen=True)
class Form:
    """One shape a value may take: an object of a made class, a list, a mapping by id, or a scalar."""

    type: str
    made: type | None = None
    fields: tuple[tuple[str, Shape], ...] = ()
    items: Shape | None = None
    references: str | None = None


def _type_of(schema: Schema) -> str:
    if "properties" in schema:
        return "object"
    if isinstance(schema.get("additionalProperties"), dict):
        return "mapping"
    declared = schema.get("type", "string")
    return declared if isinstance(declared, str) else declared[0]


def _class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.replace("-", "_").split("_")) or "Entry"


def _shape(node: Schema, file: str, name: str) -> Shape:
    name = node.get("$ref", name).rpartition("/")[2]
    node, file = resolve(node, file)
    made = []
    for schema, at in forms(node, file):
        kind = _type_of(schema)
        below = {key: (child, child_file) for key, child, child_file in children(schema, at)}
        if kind == "object":
            parts = tuple((key, _shape(child, child_file, key)) for key, (child, child_file) in below.items())
            annotations = [(attribute(key), Any, dataclasses.field(default=None)) for key, _ in parts]
            cls = dataclasses.make_dataclass(_class_name(name), annotations, frozen=True, slots=True)
            made.append(Form("object", cls, parts))
        elif kind in ("array", "mapping"):
            child, child_file = below[ANY]
            made.append(Form(kind, items=_shape(child, child_file, name)))
        else:
            made.append(Form(kind, references=node.get("x-references")))
    return Shape(tuple(made), may_be_unknown(node))


@cache
def shape_of(kind: str) -> Shape:
    """The shape of a kind of file: "conference", or a reference kind."""
    return _shape(schema_files()[file_of(kind)], file_of(kind), REFERENCE_KINDS.get(kind, kind))


def _form(shape: Shape, value: Any) -> Form:
    """The form a value takes: an object for a mapping, a list for a list, a scalar otherwise."""
    wanted = {dict: ("object", "mapping"), list: ("array",)}.get(type(value), ())
    return next((form for form in shape.forms if form.type in wanted or not wanted), shape.forms[0])


def empty(shape: Shape) -> Any:
    """The value of a field that a record leaves out: an empty tuple for a list, None otherwise."""
    return () if any(form.type == "array" for form in shape.forms) else None


def typed(value: Any, shape: Shape) -> Any:
    """Checked data as typed objects."""
    if shape.unknown and value == "unknown":
        return NOT_RECORDED
    form = _form(shape, value)
    if form.type == "object" and isinstance(value, dict):
        given = {attribute(key): typed(value[key], part) if key in value else empty(part) for key, part in form.fields}
        return form.made(**given)  # type: ignore[misc]
    if form.type == "mapping" and isinstance(value, dict):
        return {key: typed(item, form.items) for key, item in value.items()}  # type: ignore[arg-type]
    if form.type == "array" and isinstance(value, list):
        return tuple(typed(item, form.items) for item in value)  # type: ignore[arg-type]
    if form.references and isinstance(value, str):
        return Ref(value, form.references)
    return value
