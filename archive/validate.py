"""Checks of the content: the JSON Schema first, then what one file alone cannot tell."""

from __future__ import annotations

import datetime
import difflib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from .errors import ContentError, FieldPath, Problem
from .records import REFERENCE_KINDS, Content, Document
from .references import CONFERENCE_REFERENCES, REFERENCE_FILE_REFERENCES, references

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


@cache
def _validators() -> dict[str, Draft202012Validator]:
    """One validator per file kind, sharing a registry of the schema files."""
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMA_DIR.glob("*.json")}
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    kinds = {"conference": "conference.schema.json"} | {kind: f"{kind}.schema.json" for kind in REFERENCE_KINDS}
    return {kind: Draft202012Validator(schemas[name], registry=registry) for kind, name in kinds.items()}


def schema_problems(document: Document, kind: str) -> list[Problem]:
    """Every place where a document breaks its JSON Schema, in words an editor can act on."""
    validator = _validators()[kind]
    return [problem for error in validator.iter_errors(document.data) for problem in _explain(document, error)]


def _allowed_fields(error: ValidationError) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    return sorted(schema.get("properties", {}))


def _explain(document: Document, error: ValidationError) -> list[Problem]:
    """Turn a jsonschema error into located, plain-language problems (one per unknown field)."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        # Explain the branch the value was meant for: skip branches of another kind (a const or a type
        # that does not match), so an unknown field under venue: is named rather than "not valid under any".
        meant = [
            e
            for e in error.context
            if e.validator not in ("const", "type") or len(e.absolute_path) > len(error.absolute_path)
        ]
        if meant:
            error = best_match(meant)
    path: FieldPath = tuple(error.absolute_path)
    found = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties":
        allowed = _allowed_fields(error)
        unknown = sorted(set(found) - set(allowed)) if isinstance(found, dict) else []
        problems = []
        for name in unknown or ["?"]:
            guess = difflib.get_close_matches(name, allowed, n=1)
            hint = f"did you mean '{guess[0]}'?" if guess else f"allowed fields: {', '.join(allowed)}"
            problems.append(document.problem((*path, name), f"unknown field '{name}'", hint, key=True))
        return problems
    if "propertyNames" in error.absolute_schema_path:
        # The instance is an id (a field name) of this object: point at that name.
        path = (*path, found)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return [document.problem(path, f"the required field '{missing}' is missing", "add it")]
    if error.validator == "type":
        expected = error.validator_value
        return [document.problem(path, f"expected {_article(expected)}, found {_show(found)}")]
    if error.validator in ("enum", "const"):
        options = error.validator_value if error.validator == "enum" else [error.validator_value]
        guess = difflib.get_close_matches(str(found), [str(o) for o in options], n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else ""
        return [document.problem(path, f"expected one of {', '.join(map(str, options))}; found {_show(found)}", hint)]
    if error.validator == "pattern":
        expected = schema.get("description") or f"text matching {error.validator_value}"
        examples = schema.get("examples")
        hint = f"for example {examples[0]}" if examples else ""
        return [document.problem(path, f"{_show(found)} is not valid: expected {_lower_first(expected)}", hint)]
    if error.validator in ("minItems", "minLength") and not found:
        return [document.problem(path, "must not be empty")]
    if error.validator == "dependentRequired":
        return [document.problem(path, error.message.replace("is a dependency of", "is needed with"))]
    return [document.problem(path, error.message)]


def _article(expected: str | list[str]) -> str:
    names = {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "object": "a group of fields",
        "array": "a list",
    }
    items = expected if isinstance(expected, list) else [expected]
    return " or ".join(names.get(item, item) for item in items)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _real_date(iso: str) -> bool:
    parts = [int(part) for part in iso.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _dates(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    """Every date-like string of a record, by the field names that hold them."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("date", "published", "from", "to") and isinstance(item, str):
                yield (*path, key), item
            else:
                yield from _dates(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _dates(item, (*path, index))


def _blank_texts(value: Any, path: FieldPath) -> Iterator[FieldPath]:
    """Strings that hold only spaces: a language present in name only."""
    if isinstance(value, str) and not value.strip():
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _blank_texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _blank_texts(item, (*path, index))


def record_problems(document: Document, content: Content) -> list[Problem]:
    """What the schema cannot check in one conference: its name, dates and references."""
    record = document.data
    problems: list[Problem] = []
    expected_id = document.path.stem
    if record["id"] != expected_id:
        problems.append(
            document.problem(
                ("id",),
                f"the id '{record['id']}' differs from the file name",
                f"rename the file {record['id']}.yaml or set id: {expected_id}",
            )
        )
    if not record["id"].startswith(record["date"] + "-"):
        problems.append(
            document.problem(
                ("id",),
                f"the id must start with the date {record['date']}",
                f"for example {record['date']}-{record['id'].split('-')[-1]}",
            )
        )
    for path, iso in _dates(record, ()):
        if not _real_date(iso):
            problems.append(document.problem(path, f"{iso} is not a real date", "check the day and the month"))
    for index, figure in enumerate(record.get("figures", [])):
        period = figure["period"]
        if _real_date(period["from"]) and _real_date(period["to"]) and period["from"] > period["to"]:
            problems.append(document.problem(("figures", index, "period"), "the period ends before it starts"))
    for path in _blank_texts(record, ()):
        problems.append(document.problem(path, "the text is empty", "write the text in this language"))
    problems.extend(unresolved_references(document, CONFERENCE_REFERENCES, content))
    return problems


def unresolved_references(document: Document, fields: tuple, content: Content) -> list[Problem]:
    """Ids in a document that its reference files do not define."""
    problems = []
    for path, kind, ref in references(document.data, fields):
        known = content.references[kind].data
        if ref not in known:
            guess = difflib.get_close_matches(ref, list(known), n=1)
            hint = f"did you mean '{guess[0]}'?" if guess else f"define it in content/{kind}.yaml"
            problems.append(document.problem(path, f"unknown {kind} id '{ref}'", hint))
    return problems


def archive_problems(content: Content) -> list[Problem]:
    """Checks across records: unique ids and editions, numbered series."""
    problems: list[Problem] = []
    seen_ids: dict[str, Document] = {}
    seen_editions: dict[tuple[str, int], Document] = {}
    series = content.references["series"].data
    for document in content.conferences:
        record = document.data
        if record["id"] in seen_ids:
            first = seen_ids[record["id"]]
            problems.append(document.problem(("id",), f"the id '{record['id']}' is also used by {first.path.name}"))
        seen_ids.setdefault(record["id"], document)
        if "edition" in record and record["series"] in series:
            if not series[record["series"]].get("numbered"):
                problems.append(
                    document.problem(
                        ("edition",),
                        f"the series '{record['series']}' does not number its editions",
                        "remove edition, or set numbered: true in content/series.yaml",
                    )
                )
            key = (record["series"], record["edition"])
            if key in seen_editions:
                problems.append(
                    document.problem(
                        ("edition",), f"edition {record['edition']} is also {seen_editions[key].path.name}"
                    )
                )
            seen_editions.setdefault(key, document)
    return problems


def check(content: Content) -> None:
    """Raise ContentError listing every problem in the content, if there is any."""
    problems: list[Problem] = []
    for kind, document in content.references.items():
        problems.extend(schema_problems(document, kind))
    if not problems:
        for kind, fields in REFERENCE_FILE_REFERENCES.items():
            problems.extend(unresolved_references(content.references[kind], fields, content))
    references_sound = not problems
    valid: list[Document] = []
    for document in content.conferences:
        found = schema_problems(document, "conference")
        problems.extend(found)
        if not found:
            valid.append(document)
    if references_sound:
        for document in valid:
            problems.extend(record_problems(document, content))
        problems.extend(archive_problems(Content(content.root, content.references, valid)))
    if problems:
        raise ContentError(problems)
