"""What the preview remembers between its rebuilds, in memory only, so that an edit is quick to see.

It keeps the documents parsed (a file whose text is unchanged is not parsed again), the keys of
the files that passed their own checks, the typed records, and each page drawn with what it read
of the archive. The model notes every read while a page is drawn (reads.py): a page is drawn again
when anything it read differs, so no page declares what it depends on. A full build uses none of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Archive, Conference
from .reads import Read
from .records import Document


@dataclass(frozen=True)
class Drawn:
    """A page as last drawn: its text, its charts, and what it read, with what each read gave then."""

    basis: str
    """A hash of what every page reads: templates, strings, reference files, the site's address."""
    seen: tuple[tuple[Read, Any], ...]
    text: str
    assets: dict[str, str]


@dataclass
class Memory:
    """The preview's memory of its last rebuild."""

    documents: dict[Path, Document] = field(default_factory=dict)
    passed: frozenset[tuple[str, ...]] = frozenset()
    typed: dict[str, Any] = field(default_factory=dict)
    drawn: dict[tuple[str, str], Drawn] = field(default_factory=dict)
    """By language and page path."""


def _member(item: Any) -> Any:
    """What an entry of an index holds besides its conference's fields (read, and noted, on their own):
    an Appearance's part and role, a (conference, figure) pair's figure."""
    if isinstance(item, Conference):
        return item.id
    if isinstance(item, tuple):
        return item[0].id, repr(item[1])
    return item.conference.id, item.part, repr(item.role)


def _members(items: Any) -> tuple[Any, ...] | None:
    return None if items is None else tuple(map(_member, items))


def value_of(archive: Archive, read: Read) -> Any:
    """What a read gives in this archive: a field of a conference, its neighbours, an index's entries."""
    kind, name, *key = read
    if kind == "field":
        conference = archive.by_id.get(name)
        return conference and conference.field_digest(key[0])
    if kind == "neighbours":
        conference = archive.by_id.get(name)
        return conference and tuple(n.id if n else None for n in (conference._previous, conference._next))
    index = getattr(archive, name)
    if isinstance(index, list):
        return _members(list.__iter__(index))
    if key:
        return _members(dict.get(index, key[0]))
    return tuple((entry, _members(items)) for entry, items in dict.items(index))


def still_drawn(archive: Archive, drawn: Drawn | None, basis: str, values: dict[Read, Any]) -> bool:
    """Whether a page drawn earlier would be drawn the same now; values keeps what each read gives now."""
    if drawn is None or drawn.basis != basis:
        return False
    for read, seen in drawn.seen:
        if read not in values:
            values[read] = value_of(archive, read)
        if values[read] != seen:
            return False
    return True
