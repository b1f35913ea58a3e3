"""What the preview remembers between its rebuilds, in memory only, so that an edit is quick to see.

It keeps the documents parsed (a file whose text is unchanged is not parsed again), the keys of the
files that passed their own checks, the typed records, and each page drawn with what it read of the
archive. The model notes every read while a page is drawn (a field of a record, a conference's
neighbours, an entry or the whole of an index): a page is drawn again when anything it read
differs, so no page declares what it depends on. A full build uses none of it; outside tracing(),
noting a read costs one comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Archive
    from .records import Document

Read = tuple[Any, ...]
_reads: set[Read] | None = None


def note(*read: Any) -> None:
    if _reads is not None:
        _reads.add(read)


@contextmanager
def tracing() -> Iterator[set[Read]]:
    """Collect, into the set it yields, what is read of the archive inside the block."""
    global _reads
    outer, _reads = _reads, set()
    try:
        yield _reads
    finally:
        _reads = outer


def _noting(method: Callable[..., Any], by_key: bool = False) -> Callable[..., Any]:
    """A dict's or list's method that notes, before it runs, that one entry or the whole was read."""

    def noted(self: Any, *args: Any) -> Any:
        note("index", self.name, *args[:1]) if by_key else note("index", self.name)
        return method(self, *args)

    return noted


class Index(dict):
    """An index of the archive by some key (year, series, person, ...), noting which entries are read."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    __getitem__ = _noting(dict.__getitem__, by_key=True)
    get = _noting(dict.get, by_key=True)
    __contains__ = _noting(dict.__contains__, by_key=True)
    items, values, keys = _noting(dict.items), _noting(dict.values), _noting(dict.keys)
    __iter__, __len__ = _noting(dict.__iter__), _noting(dict.__len__)


class Listing(list):
    """The archive's conferences in date order, noting that all of them are read."""

    name = "conferences"
    __iter__, __len__, __reversed__ = _noting(list.__iter__), _noting(list.__len__), _noting(list.__reversed__)
    __getitem__ = _noting(list.__getitem__)


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
    if isinstance(item, tuple):
        return item[0].id, repr(item[1])
    if hasattr(item, "part"):
        return item.conference.id, item.part, repr(item.role)
    return item.id


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
