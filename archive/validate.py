"""Checks of the content: the JSON Schema first, then what one file alone cannot tell."""

from __future__ import annotations

import datetime
import difflib
import json
import re
from functools import cache
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from .errors import ContentError, FieldPath, Problem
from .layout import SCHEMA_LINE
from .place_history import history_problems
from .records import Content, Document, field_values
from .schema import REFERENCE_KINDS, fields, file_of, find, references, schema_files

KINDS = ("conference", *REFERENCE_KINDS)


@cache
def _validators() -> dict[str, Draft202012Validator]:
    """python-jsonschema, whose errors carry the schema and context that _explain words for editors."""
    schemas = schema_files()
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    return {kind: Draft202012Validator(schemas[file_of(kind)], registry=registry) for kind in KINDS}


@cache
def _fast_validators() -> dict[str, jsonschema_rs.Validator]:
    """The same schemas compiled by jsonschema-rs, which tells a valid file from an invalid one quickly."""
    schemas = schema_files()
    by_id = {schema["$id"]: schema for schema in schemas.values()}
    return {kind: jsonschema_rs.validator_for(schemas[file_of(kind)], retriever=by_id.__getitem__) for kind in KINDS}


def schema_problems(document: Document, kind: str) -> list[Problem]:
    """Every place where a document breaks its JSON Schema, in words an editor can act on.

    jsonschema-rs says quickly whether the document is valid; only when it is not does
    python-jsonschema, whose errors carry the schema and context we explain, go through it."""
    if _fast_validators()[kind].is_valid(document.data):
        return []
    validator = _validators()[kind]
    problems = [problem for error in validator.iter_errors(document.data) for problem in _explain(document, error)]
    # A misspelt field is also a missing one: say it once, as the misspelling with its correction.
    corrected = {(p.field[:-1], p.hint) for p in problems if p.message.startswith("unknown field")}
    return [
        p
        for p in problems
        if not (
            p.message.startswith("the required field")
            and (p.field, f"did you mean '{p.message.split(chr(39))[1]}'?") in corrected
        )
    ]


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
        if all(e.validator == "required" for e in error.context):
            options = [e.message.split("'")[1] for e in error.context]
            path = tuple(error.absolute_path)
            return [document.problem(path, f"needs one of the fields {', '.join(options)}", f"add {options[0]}")]
        if not meant:
            return [_expected(document, error)]
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
        examples = schema.get("examples") or _property_examples(error)
        hint = f"for example {_example(examples[0])}" if examples else ""
        if expected == "string" and isinstance(found, int | float) and "date" in path:
            hint = f'a year alone goes in quotes: "{found}"'
        return [document.problem(path, f"expected {_article(expected)}, found {_show(found)}", hint)]
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


def _property_examples(error: ValidationError) -> list[Any]:
    """Examples given where the field is declared, when its type lies behind a $ref."""
    parent = error.parent
    return parent.schema.get("examples", []) if parent is not None and isinstance(parent.schema, dict) else []


def _expected(document: Document, error: ValidationError) -> Problem:
    """A value that fits none of a field's forms: say what the field takes, with an example."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    description = schema.get("description") or "a different value"
    examples = schema.get("examples", [])
    hint = f"for example {_example(examples[0])}" if examples else ""
    message = f"{_show(error.instance)} does not fit here: expected {_lower_first(description)}"
    return document.problem(tuple(error.absolute_path), message, hint)


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


def _example(value: Any) -> str:
    """An example from the schema, written as it could be typed in YAML."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": ")).replace('"', "")
    return str(value)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def real_date(iso: str) -> bool:
    parts = [int(part) for part in iso.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


ISO_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
UNFINISHED = re.compile(r"\bTODO\b")


def file_problems(document: Document, kind: str) -> list[Problem]:
    """What any file must have: its schema line, and no TODO left from a skeleton."""
    problems = []
    if document.first_line != SCHEMA_LINE[kind]:
        problems.append(
            Problem(
                document.path,
                1,
                1,
                (),
                "the first line must name the schema",
                f"make the first line: {SCHEMA_LINE[kind]}",
            )
        )
    for path, text in field_values(document.data):
        if not isinstance(text, str):
            continue
        if UNFINISHED.search(text):
            problems.append(document.problem(path, "unfinished: the text still says TODO", "replace it"))
        elif not text.strip() and path and path[-1] in ("vi", "en"):
            problems.append(document.problem(path, "the text is empty", "write the text in this language"))
    return problems


def record_problems(document: Document, content: Content) -> list[Problem]:
    """What the schema cannot check in one conference: its name, dates and references.

    Runs on records that break the schema too, skipping what is malformed, so that an editor
    sees every problem of a file at once."""
    record = document.data if isinstance(document.data, dict) else {}
    problems: list[Problem] = []
    record_id, date = record.get("id"), record.get("date")
    if isinstance(record_id, str) and record_id != document.path.stem:
        problems.append(
            document.problem(
                ("id",),
                f"the id '{record_id}' differs from the file name",
                f"rename the file {record_id}.yaml or set id: {document.path.stem}",
            )
        )
    dated = isinstance(date, str) and ISO_DATE.fullmatch(date)
    if isinstance(record_id, str) and dated and not record_id.startswith(date + "-"):
        problems.append(
            document.problem(
                ("id",), f"the id must start with the date {date}", f"for example {date}-{record_id.split('-')[-1]}"
            )
        )
    problems.extend(date_problems(document, "conference"))
    for index, figure in enumerate(record.get("figures") or []):
        period = figure.get("period") if isinstance(figure, dict) else None
        ends = [period.get(end) for end in ("from", "to")] if isinstance(period, dict) else []
        if len(ends) == 2 and all(isinstance(end, str) for end in ends) and ends[0] > ends[1]:
            problems.append(document.problem(("figures", index, "period"), "the period ends before it starts"))
    problems.extend(unresolved_references(document, "conference", content))
    return problems


def date_problems(document: Document, kind: str) -> list[Problem]:
    """Dates of a file that are well written but name no real day (2025-02-30)."""
    return [
        document.problem(path, f"{iso} is not a real date", "check the day and the month")
        for date_field in fields(kind)
        if date_field.is_date
        for path, iso in find(document.data, date_field.path)
        if isinstance(iso, str) and ISO_DATE.fullmatch(iso) and not real_date(iso)
    ]


def unresolved_references(document: Document, kind_of_file: str, content: Content) -> list[Problem]:
    """Ids in a document that its reference files do not define."""
    problems = []
    for path, field, ref in references(document.data, kind_of_file):
        kind = field.references
        known = content.references[kind].data
        if not isinstance(known, dict) or ref in known:
            continue
        guess = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.75)
        define = f"if '{ref}' is new, add it to content/{kind}.yaml"
        hint = f"did you mean '{guess[0]}'? {define[0].upper()}{define[1:]}" if guess else define
        problems.append(document.problem(path, f"unknown {REFERENCE_KINDS[kind]} id '{ref}'", hint))
    return problems


def archive_problems(content: Content) -> list[Problem]:
    """Checks across records: unique ids and editions, numbered series."""
    problems: list[Problem] = []
    seen_ids: dict[str, Document] = {}
    seen_editions: dict[tuple[str, int], Document] = {}
    series = content.references["series"].data if isinstance(content.references["series"].data, dict) else {}
    for document in content.conferences:
        record = document.data if isinstance(document.data, dict) else {}
        record_id, series_id, edition = record.get("id"), record.get("series"), record.get("edition")
        if isinstance(record_id, str):
            if record_id in seen_ids:
                first = seen_ids[record_id]
                problems.append(document.problem(("id",), f"the id '{record_id}' is also used by {first.path.name}"))
            seen_ids.setdefault(record_id, document)
        if isinstance(edition, int) and isinstance(series_id, str) and isinstance(series.get(series_id), dict):
            if not series[series_id].get("numbered"):
                problems.append(
                    document.problem(
                        ("edition",),
                        f"the series '{series_id}' does not number its editions",
                        "remove edition, or set numbered: true in content/series.yaml",
                    )
                )
            key = (series_id, edition)
            if key in seen_editions:
                problems.append(
                    document.problem(("edition",), f"edition {edition} is also {seen_editions[key].path.name}")
                )
            seen_editions.setdefault(key, document)
    return problems


def own_problems(document: Document, kind: str, content: Content) -> list[Problem]:
    """The problems of one file: its schema, its own rules, and the references it makes.

    A field that breaks the schema is reported once: the checks that follow do not repeat it."""
    found = schema_problems(document, kind) + file_problems(document, kind)
    later = (
        record_problems(document, content)
        if kind == "conference"
        else date_problems(document, kind) + unresolved_references(document, kind, content)
    )
    reported = {problem.field for problem in found}
    return found + [problem for problem in later if problem.field not in reported]


def check(content: Content, passed: frozenset[tuple[str, ...]] = frozenset()) -> frozenset[tuple[str, ...]]:
    """Raise ContentError listing every problem in the content, all at once, if there is any.

    Returns what each file's own checks depended on: its name and text, and the reference files.
    A file whose key is in `passed` is not checked on its own again; the checks across files always run."""
    references = tuple(document.digest for document in content.references.values())
    documents = [(document, kind) for kind, document in content.references.items()]
    documents += [(document, "conference") for document in content.conferences]
    keys = [(str(document.path), document.digest, *references) for document, _ in documents]
    problems = [
        problem
        for (document, kind), key in zip(documents, keys, strict=True)
        if key not in passed
        for problem in own_problems(document, kind, content)
    ]
    problems.extend(archive_problems(content))
    problems.extend(history_problems(content))
    if problems:
        raise ContentError(problems)
    return frozenset(keys)
