"""What a page reads of the archive, noted while it is drawn (see incremental.py).

The model notes each read as it happens: a conference's record, its neighbours in its series, an
entry or the whole of an index. Outside tracing(), noting costs one comparison."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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


class Index(dict):
    """An index of the archive by some key (year, series, person, ...), noting which entries are read."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __getitem__(self, key: Any) -> Any:
        note("index", self.name, key)
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        note("index", self.name, key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        note("index", self.name, key)
        return super().__contains__(key)

    def _whole(self) -> None:
        note("index", self.name)

    def items(self):
        self._whole()
        return super().items()

    def values(self):
        self._whole()
        return super().values()

    def keys(self):
        self._whole()
        return super().keys()

    def __iter__(self) -> Iterator[Any]:
        self._whole()
        return super().__iter__()

    def __len__(self) -> int:
        self._whole()
        return super().__len__()


class Listing(list):
    """The archive's conferences in date order, noting that all of them are read."""

    name = "conferences"

    def __iter__(self) -> Iterator[Any]:
        note("index", self.name)
        return super().__iter__()

    def __len__(self) -> int:
        note("index", self.name)
        return super().__len__()

    def __getitem__(self, key: Any) -> Any:
        note("index", self.name)
        return super().__getitem__(key)

    def __reversed__(self) -> Iterator[Any]:
        note("index", self.name)
        return super().__reversed__()
