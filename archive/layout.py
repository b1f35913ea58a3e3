"""The project's one layout of a content file, whoever wrote it: a person, a web form or a script.

The layout is a function of the data (and of the comments, which are kept): the schema line first,
each mapping's keys in the schema's order, block style, two-space indents with list dashes indented
under their key, text with a space in double quotes and other text plain where YAML reads it back as
the same text, no line folded. So a file saved by any tool and then laid out differs from the file
before only in the lines of the fields whose values changed.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarfloat import ScalarFloat
from ruamel.yaml.scalarint import ScalarInt
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .errors import FieldPath, Problem
from .schema import ANY, REFERENCE_KINDS, below

SCHEMA_LINE = {
    "conference": "# yaml-language-server: $schema=../../schema/conference.schema.json",
    **{kind: f"# yaml-language-server: $schema=../schema/{kind}.schema.json" for kind in REFERENCE_KINDS},
}
"""The first line of each kind of file: it lets editors complete and check fields as they type."""


class _TextDumper(yaml.SafeDumper):
    """PyYAML's judgement of when text needs quotes, with dates read as text, as archive.records reads them."""


_TextDumper.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def implicit_patterns() -> list[str]:
    """The patterns by which YAML, as archive.records reads it, takes plain text for something else
    (yes, 10:30, 1e3, ~): such text is quoted. The editor's script quotes by the same patterns."""
    patterns = {regexp.pattern for resolvers in _TextDumper.yaml_implicit_resolvers.values() for _, regexp in resolvers}
    return sorted(re.sub(r"\s+", "", pattern) for pattern in patterns)


def kind_of(path: Path) -> str:
    """The kind of a content file: "conference" under conferences/, else its reference kind (its name)."""
    return "conference" if path.parent.name == "conferences" else path.stem


def _round_trip() -> YAML:
    handler = YAML()
    handler.Resolver = _AsRecordsRead
    handler.width = 1_000_000
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.allow_unicode = True
    handler.preserve_quotes = False
    return handler


class _AsRecordsRead(VersionedResolver):
    """ruamel reads plain text by the same rules as archive.records: PyYAML's (YAML 1.1, where 0E0 is
    text, not a number), with dates (2024-11-30, or the impossible 2022-02-30) left as the text the
    editor wrote, and written plain."""

    @property
    def versioned_resolver(self) -> Any:
        return _TextDumper.yaml_implicit_resolvers


def _text(value: str) -> str:
    """Text as it is written: double-quoted when it has a space or YAML would not read it plain as this text."""
    plain = yaml.dump(value, Dumper=_TextDumper, allow_unicode=True, width=1_000_000)
    if re.search(r"\s", value) or plain[:1] in "'\"" or not plain.startswith(value):
        return DoubleQuotedScalarString(value)
    return str(value)


def _pattern(path: FieldPath, kind: str) -> FieldPath:
    """A data path as the schema's field pattern: list items, and the ids of a reference file, become ANY."""
    pattern = tuple(ANY if isinstance(part, int) else part for part in path)
    return pattern if kind == "conference" else pattern[:1] and (ANY, *pattern[1:])


def _laid_out(value: Any, kind: str, path: FieldPath) -> Any:
    """A loaded value with every key put in the schema's order and every scalar in the one style."""
    if isinstance(value, CommentedMap):
        order = [field.path[-1] for field in below(kind, _pattern(path, kind))]
        for key in sorted(value, key=lambda key: order.index(key) if key in order else len(order)):
            value.move_to_end(key)
        if value:
            value.fa.set_block_style()
        for key in value:
            value[key] = _laid_out(value[key], kind, (*path, key))
        return value
    if isinstance(value, CommentedSeq):
        if value:
            value.fa.set_block_style()
        for index, item in enumerate(value):
            value[index] = _laid_out(item, kind, (*path, index))
        return value
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, ScalarFloat):
        return float(value)
    if isinstance(value, ScalarInt) and not isinstance(value, bool):
        return int(value)
    return value


def laid_out(text: str, kind: str) -> str:
    """The text of a content file in the project's layout; the data it holds is the same.

    Raises yaml errors (ruamel's) for text that is not YAML; validation reports those, located."""
    handler = _round_trip()
    body = text.removeprefix("\ufeff")
    lines = body.split("\n", 1)
    if lines[0].startswith("# yaml-language-server:"):
        body = lines[1] if len(lines) > 1 else ""
    data = handler.load(body)
    out = io.StringIO()
    if data is not None:
        handler.dump(_laid_out(data, kind, ()), out)
    return f"{SCHEMA_LINE[kind]}\n{out.getvalue().lstrip(chr(10))}"


def first_difference(text: str, kind: str) -> tuple[int, str] | None:
    """The first line where a file leaves the layout, and what that line should be; None when it keeps it."""
    wanted = laid_out(text, kind)
    if wanted == text:
        return None
    have, want = text.split("\n"), wanted.split("\n")
    line = next((n for n, (a, b) in enumerate(zip(have, want, strict=False)) if a != b), min(len(have), len(want)))
    return line + 1, want[line] if line < len(want) else ""


FORMAT_HINT = "run `python build.py format`; on a pull request the check lays the files out itself"


def layout_problems(content_dir: Path) -> list[Problem]:
    """Each valid content file written otherwise than in the layout: the first line that differs, and its fix.
    The pull-request check asks for the layout; building and previewing do not."""
    problems = []
    for path in sorted(content_dir.rglob("*.yaml")):
        difference = first_difference(path.read_text(encoding="utf-8"), kind_of(path))
        if difference:
            line, wanted = difference
            message = f"the file is not laid out the project's way; the line should read: {wanted.strip() or '(empty)'}"
            problems.append(Problem(path, line, 1, (), message, FORMAT_HINT))
    return problems


def format_file(path: Path) -> bool:
    """Lay out one content file in place; whether it changed."""
    text = path.read_text(encoding="utf-8")
    wanted = laid_out(text, kind_of(path))
    if wanted != text:
        # written beside and moved into place, so that no reader (the preview, the editor) sees half a file
        partial = path.with_name(f".{path.name}.layout")
        partial.write_text(wanted, encoding="utf-8")
        os.replace(partial, path)
    return wanted != text
