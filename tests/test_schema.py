"""The JSON Schema documents every field, so editors see what to write as they type."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
SCHEMAS = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_DIR.glob("*.json")}


def resolve(node: dict, file: str) -> tuple[dict, str]:
    """Follow a $ref (within a file or to another schema file) to the definition it names."""
    while "$ref" in node and len(node) == 1:
        target, _, pointer = node["$ref"].partition("#")
        file = target or file
        node = SCHEMAS[file]
        for part in filter(None, pointer.split("/")):
            node = node[part]
    return node, file


def documented(node: dict, file: str, key: str) -> bool:
    if key in node:
        return True
    if "$ref" in node:
        target, target_file = resolve({"$ref": node["$ref"]}, file)
        return documented(target, target_file, key)
    return False


def fields(node: object, file: str, path: str) -> Iterator[tuple[str, str, dict]]:
    """Every property of every object in a schema file, with its path."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}.{name}", file, sub
        for key, value in node.items():
            yield from fields(value, file, f"{path}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from fields(item, file, f"{path}[{index}]")


ALL_FIELDS = [field for name, schema in SCHEMAS.items() for field in fields(schema, name, name)]


@pytest.mark.parametrize(("path", "file", "node"), ALL_FIELDS, ids=[path for path, _, _ in ALL_FIELDS])
def test_every_field_has_a_description_and_an_example(path, file, node):
    assert documented(node, file, "description"), f"{path} has no description"
    assert documented(node, file, "examples"), f"{path} has no example"


def test_every_record_names_its_schema_on_the_first_line():
    content = SCHEMA_DIR.parent / "content"
    for record in (content / "conferences").glob("*.yaml"):
        first = record.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/conference.schema.json", record
    for reference in content.glob("*.yaml"):
        first = reference.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{reference.stem}.schema.json", reference
