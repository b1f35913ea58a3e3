"""The preview's memory never shows a stale page: for every field of the schema, an edit rendered with
the memory of the render before gives the same files as a render from scratch."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from archive.incremental import Memory
from archive.pipeline import DEFAULT_CONTENT, load_archive
from archive.records import load
from archive.render import Site, render_site
from archive.schema import Field, fields, find

SKIPPED = {("id",): "the id is the file's name", ("date",): "the id starts with the date"}


def leaves() -> list[Field]:
    """The fields of a conference that hold a value of their own (no group or list below them)."""
    parents = {field.path[:-1] for field in fields("conference")}
    return [field for field in fields("conference") if field.path not in parents and field.path not in SKIPPED]


def first_use(pattern: tuple) -> tuple[Path, tuple, Any] | None:
    """The first record, in file order, that gives the field a value: its file, the value's path, the value."""
    for path in sorted((DEFAULT_CONTENT / "conferences").glob("*.yaml")):
        for where, value in find(load(path).data, pattern):
            return path, where, value
    return None


def changed(field: Field, value: Any, taken: Any = ()) -> Any:
    """Another valid value for a field: another id of its file (not one its list already holds), another
    day, choice, number or text."""
    schema = field.schema
    if field.references:
        ids = load(DEFAULT_CONTENT / f"{field.references}.yaml").data
        return next(ref for ref in ids if ref != value and ref not in taken)
    if field.is_date:
        return value[:-1] + ("1" if value[-1] != "1" else "2")
    if "enum" in schema:
        return next(option for option in schema["enum"] if option != value)
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1 if value + 1 <= schema.get("maximum", value + 1) else value - 0.5
    if "pattern" in schema:
        places = reversed(range(len(value)))
        one_changed = (value[:i] + char + value[i + 1 :] for i in places for char in "0123456789ab")
        return next(other for other in one_changed if other != value and re.search(schema["pattern"], other))
    return value + " (đã sửa)"


def edit(record: Path, where: tuple, value: Any) -> None:
    first, _, _ = record.read_text(encoding="utf-8").partition("\n")
    data = load(record).data
    holder = data
    for part in where[:-1]:
        holder = holder[part]
    holder[where[-1]] = value
    record.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_every_field_but_the_skipped_ones_is_given_by_some_record():
    missing = [field.path for field in leaves() if first_use(field.path) is None]
    assert not missing, f"no record gives these fields, so no edit of them is tested: {missing}"


@pytest.fixture(scope="module")
def first_render(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The real content rendered once with a memory: its Markdown, and the memory as it was left."""
    md, memory = tmp_path_factory.mktemp("first") / "md", Memory()
    render_site(load_archive(DEFAULT_CONTENT, memory), md, Site(), memory, "same basis")
    memory.documents, memory.typed = {}, {}  # of the real content: the copy's are made again
    return md, pickle.dumps(memory)


@pytest.mark.parametrize("field", [f for f in leaves() if first_use(f.path)], ids=lambda f: ".".join(map(str, f.path)))
def test_an_edit_rendered_with_the_memory_gives_what_a_fresh_render_gives(field, first_render, content_copy, tmp_path):
    record, where, value = first_use(field.path)  # type: ignore[misc]
    remembered, fresh = tmp_path / "remembered", tmp_path / "fresh"
    shutil.copytree(first_render[0], remembered)
    memory = pickle.loads(first_render[1])
    before = len(memory.drawn)
    siblings: Any = load(record).data
    for part in where[:-1]:
        siblings = siblings[part]
    siblings = siblings if isinstance(where[-1], int) else ()
    edit(content_copy / "conferences" / record.name, where, changed(field, value, siblings))
    report = render_site(load_archive(content_copy, memory), remembered, Site(), memory, "same basis")
    render_site(load_archive(content_copy), fresh)
    assert tree(remembered) == tree(fresh)
    assert 0 < len(report.drawn) < before, "some pages, not all, are drawn again"
