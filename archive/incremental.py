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


def _conference_of(item: Any) -> Conference:
    """The conference an entry of an index stands for: itself, an Appearance's, a (conference, figure)'s."""
    if isinstance(item, Conference):
        return item
    return item[0] if isinstance(item, tuple) else item.conference


def _members(items: Any) -> tuple[tuple[str, str], ...] | None:
    if items is None:
        return None
    return tuple((conference.id, conference.digest) for conference in map(_conference_of, items))


def value_of(archive: Archive, read: Read) -> Any:
    """What a read gives in this archive: a conference's digest, its neighbours, an index's entries."""
    kind, name, *key = read
    if kind == "conference":
        return archive.by_id[name].digest if name in archive.by_id else None
    if kind == "neighbours":
        conference = archive.by_id.get(name)
        return conference and tuple(n.id if n else None for n in (conference._previous, conference._next))
    index = getattr(archive, name)
    if isinstance(index, list):
        return _members(list.__iter__(index))
    if key:
        return _members(dict.get(index, key[0]))
    return tuple((entry, _members(items)) for entry, items in dict.items(index))


def still_drawn(archive: Archive, drawn: Drawn | None, basis: str) -> bool:
    """Whether a page drawn earlier would be drawn the same now."""
    return drawn is not None and drawn.basis == basis and all(value_of(archive, r) == v for r, v in drawn.seen)
