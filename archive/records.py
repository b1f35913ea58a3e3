"""Safe YAML loading that remembers where every value stands in its file."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, FieldPath, Problem
from .schema import REFERENCE_KINDS
from .settings import MAX_FILE_BYTES


def _keeping_dates_as_text(loader: type) -> type:
    """A safe loader class that leaves dates as the strings the editor wrote."""
    subclass = type(f"Text{loader.__name__}", (loader,), {})
    subclass.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return subclass


_Loader = _keeping_dates_as_text(yaml.SafeLoader)
"""The pure-Python parser: its messages and positions are the ones editors see."""
_FastLoader = _keeping_dates_as_text(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
"""libyaml's parser, which reads valid files; a file it refuses is read again by _Loader, so that
every syntax error is worded and placed the same way."""


@dataclass
class Document:
    """A loaded YAML file: its data, and the line and column of each value and each field's name."""

    path: Path
    data: Any
    first_line: str = ""
    digest: str = ""
    """A hash of the text: the same digest, the same data."""
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict, repr=False)
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict, repr=False)

    def position(self, path: FieldPath, key: bool = False) -> tuple[int, int]:
        """Line and column of a field's value (or its name), or of its nearest parent that exists."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: FieldPath, message: str, hint: str = "", key: bool = False) -> Problem:
        """A problem located at a field of this document (at its name when key is true)."""
        line, column = self.position(path, key)
        return Problem(self.path, line, column, path, message, hint)


def read_text(path: Path) -> str:
    """A file's text, in NFC; ContentError when it is too large or not UTF-8."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(
            [Problem(path, 1, 1, (), f"the file is {len(raw)} bytes, more than the limit of {MAX_FILE_BYTES}")]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ContentError(
            [Problem(path, line, column, (), "the file is not UTF-8 text", "save it as UTF-8 in your editor")]
        ) from None
    return unicodedata.normalize("NFC", text)


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def load(path: Path, text: str | None = None) -> Document:
    """Read one YAML file (or parse its text, already read); raise ContentError with every problem it has."""
    text = read_text(path) if text is None else text
    try:
        loader, node = _compose(text, _FastLoader)
    except yaml.YAMLError:
        loader, node = _compose_or_explain(path, text)
    document = Document(path, None, text.partition("\n")[0].rstrip("\r"), text_digest(text))
    problems: list[Problem] = []
    try:
        document.data = _Builder(loader, document, problems).build(node, ()) if node is not None else None
    finally:
        loader.dispose()
    if problems:
        raise ContentError(problems)
    return document


def field_values(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Every value of loaded data, the data itself first, each with its field path."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from field_values(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from field_values(item, (*path, index))


_REFUSED = object()
"""A field name already reported as refused."""


_PLAIN_SCALAR_TAGS = tuple(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null"))
"""What a value may be: text, a number, true or false, or nothing (no !!binary, !!timestamp)."""
_PLAIN_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_TEXT = "tag:yaml.org,2002:str"


def _compose(text: str, loader_class: type) -> tuple[yaml.BaseLoader, yaml.Node | None]:
    """Parse text into a node tree; the loader is kept to construct scalars."""
    loader = loader_class(text)
    try:
        return loader, loader.get_single_node()
    except yaml.YAMLError:
        loader.dispose()
        raise


def _compose_or_explain(path: Path, text: str) -> tuple[yaml.BaseLoader, yaml.Node | None]:
    """Parse with the pure-Python parser, turning its error into a located problem."""
    try:
        return _compose(text, _Loader)
    except yaml.reader.ReaderError as error:
        # Every character is checked before parsing: control characters such as NUL are refused.
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        message = f"the file holds a character YAML does not allow (U+{error.character:04X})"
        hint = "delete it, or retype the text around it"
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message, hint = f"YAML syntax error: {error.problem or error.context}", "check indentation, colons and quotes"
    except yaml.YAMLError as error:
        line, column, message, hint = 1, 1, f"YAML error: {error}", ""
    raise ContentError([Problem(path, line, column, (), message, hint)])


def _is_sexagesimal(node: yaml.Node) -> bool:
    """A plain scalar that YAML 1.1 reads as a base-60 number, such as a time 14:30."""
    return (
        isinstance(node, yaml.ScalarNode)
        and not node.style  # plain: None from the Python parser, "" from libyaml
        and node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
        and ":" in node.value
    )


class _Builder:
    """Turns a composed YAML node tree into plain data, recording positions."""

    def __init__(self, loader: _Loader, document: Document, problems: list[Problem]) -> None:
        self.loader = loader
        self.document = document
        self.problems = problems
        self.seen: set[int] = set()

    def _at(self, node: yaml.Node, path: FieldPath, message: str, hint: str = "") -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.document.path, mark.line + 1, mark.column + 1, path, message, hint))

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if id(node) in self.seen:
            # An alias is the anchored node itself, whose marks point at the anchor:
            # report it at the field that holds the alias (or its nearest parent) instead.
            line, column = self.document.position(path)
            message, hint = "YAML aliases (*name) are not allowed", "write the value out in full"
            self.problems.append(Problem(self.document.path, line, column, path, message, hint))
            return None
        self.document.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.seen.add(id(node))
        if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTION_TAGS:
            # Tags on lists and groups (!!python/object/apply:…, !!set) would otherwise be dropped silently.
            self._at(node, path, f"the YAML tag {node.tag} is not allowed", "remove the tag")
            return None
        if node.tag == _TEXT:  # most values: the text is the value
            return node.value
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        if _is_sexagesimal(node):
            # YAML 1.1 reads 14:30 as the number 870; keep the time the editor wrote.
            return node.value
        if node.tag in _PLAIN_SCALAR_TAGS or node.tag == "!":
            try:
                return self.loader.construct_object(node, deep=True)
            except yaml.YAMLError as error:
                reason = error.problem if isinstance(error, yaml.MarkedYAMLError) and error.problem else error
                self._at(node, path, f"cannot read this value: {reason}")
                return None
        self._at(node, path, f"the YAML tag {node.tag} is not allowed", "remove the tag")
        return None

    def _key(self, node: yaml.Node, path: FieldPath) -> Any:
        """A field name as YAML reads it; _REFUSED, reported, when it carries a tag (a Python object's)."""
        if not isinstance(node, yaml.ScalarNode):
            return None
        if node.tag == _TEXT:
            return node.value
        if node.tag not in _PLAIN_SCALAR_TAGS and node.tag != "!":
            self._at(node, path, f"the YAML tag {node.tag} is not allowed", "remove the tag")
            return _REFUSED
        try:
            return self.loader.construct_object(node)
        except yaml.YAMLError:
            return None

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._at(key_node, path, "YAML merge keys (<<) are not allowed", "write the fields out in full")
                continue
            key = self._key(key_node, path)
            if key is _REFUSED:
                continue
            if not isinstance(key, str):
                self._at(key_node, path, "a field name must be text", "write the name as letters, e.g. venue:")
                continue
            if key in result:
                self._at(
                    key_node,
                    (*path, key),
                    f"the field '{key}' appears twice (first on line {self.document.key_positions[(*path, key)][0]})",
                    "keep one of them",
                )
                continue
            key_position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            self.document.positions[(*path, key)] = key_position
            self.document.key_positions[(*path, key)] = key_position
            result[key] = self.build(value_node, (*path, key))
            if not isinstance(value_node, yaml.ScalarNode):
                # A block below its key: point at the key, where the editor looks.
                self.document.positions[(*path, key)] = key_position
            self.document.key_positions[(*path, key)] = key_position
        return result


@dataclass
class Content:
    """Every file of a content folder, loaded but not yet checked."""

    root: Path
    references: dict[str, Document]
    conferences: list[Document]


def load_content(root: Path, earlier: dict[Path, Document] | None = None) -> Content:
    """Load content/<kind>.yaml and content/conferences/*.yaml, reporting every problem at once.

    A file whose text is that of its document in `earlier` is not parsed again."""
    earlier = earlier or {}
    problems: list[Problem] = []
    documents: dict[Path, Document] = {}
    reference_paths = [root / f"{kind}.yaml" for kind in REFERENCE_KINDS]
    conference_paths = sorted((root / "conferences").glob("*.yaml"))
    for stray in sorted((root / "conferences").glob("*.yml")):
        problems.append(
            Problem(stray, 1, 1, (), "a record's file name must end in .yaml", f"rename it {stray.stem}.yaml")
        )
    for path in reference_paths + conference_paths:
        if not path.is_file():
            problems.append(Problem(path, 1, 1, (), "the file is missing"))
            continue
        try:
            text = read_text(path)
            known = earlier.get(path)
            documents[path] = known if known and known.digest == text_digest(text) else load(path, text)
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return Content(
        root=root,
        references={path.stem: documents[path] for path in reference_paths},
        conferences=[documents[path] for path in conference_paths],
    )
