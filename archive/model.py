"""The resolved archive: conferences in date order, and who and what links to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from .locale import parse_date
from .records import Content
from .schema import references
from .typed import NOT_RECORDED, Ref, shape_of, typed


@dataclass(eq=False)
class Conference:
    """One conference record, placed in its series."""

    record: Any
    """The record as typed objects (see typed.py)."""
    data: dict[str, Any]
    """The record as written, for the downloads."""
    previous: Conference | None = None
    next: Conference | None = None

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def date(self) -> str:
        return self.record.date

    @property
    def year(self) -> int:
        return parse_date(self.date).year

    @property
    def series(self) -> Ref:
        return self.record.series

    @property
    def place(self) -> Ref | None:
        return self.record.venue.place or None

    @property
    def unknown(self) -> frozenset[str]:
        """The fields the sources do not give, marked `unknown` in the record."""
        return frozenset(name for name in self.data if getattr(self.record, name, None) is NOT_RECORDED)


@dataclass(frozen=True)
class Appearance:
    """A person's part in one conference: chair, participant, speaker, closing or recommendation."""

    conference: Conference
    part: str
    role: Any
    """The title the person held then, when the record gives it."""


@dataclass
class Archive:
    """Everything the pages need, with references resolved both ways."""

    refs: dict[str, dict[str, dict[str, Any]]]
    """The reference files as written, by kind and id."""
    entries: dict[str, dict[str, Any]]
    """The same entries as typed objects."""
    conferences: list[Conference]
    by_year: dict[int, list[Conference]] = field(default_factory=dict)
    by_series: dict[str, list[Conference]] = field(default_factory=dict)
    appearances: dict[str, list[Appearance]] = field(default_factory=dict)
    held_in: dict[str, list[Conference]] = field(default_factory=dict)
    linked: dict[tuple[str, str], list[Conference]] = field(default_factory=dict)
    """Conferences by each (kind, id) they name, figures' scopes aside."""
    figures_by_metric: dict[str, list[tuple[Conference, Any]]] = field(default_factory=dict)
    figures_by_scope: dict[str, list[tuple[Conference, Any]]] = field(default_factory=dict)

    def newest_first(self) -> list[Conference]:
        return list(reversed(self.conferences))


def _role_at(record: Any, path: tuple[str | int, ...]) -> Any:
    """The role given beside the person id at path (its last part), if any."""
    holder = record
    for part in path[:-1]:
        holder = holder[part] if isinstance(part, int) else getattr(holder, part)
    return getattr(holder, "role", None)


def _index(archive: Archive, conference: Conference) -> None:
    """File a conference under its year, series, place, the entries it names and its figures."""
    archive.by_year.setdefault(conference.year, []).append(conference)
    archive.by_series.setdefault(conference.series, []).append(conference)
    if conference.place:
        archive.held_in.setdefault(conference.place, []).append(conference)
    named: dict[tuple[str, str], None] = {}
    parts: set[tuple[str, str]] = set()
    for path, found, ref in references(conference.data, "conference"):
        if path[0] != "figures":  # a figure's scope is what it is about, listed with the figures
            named[(found.references, ref)] = None
        if found.references == "people" and found.part and (ref, found.part) not in parts:
            parts.add((ref, found.part))
            role = _role_at(conference.record, path)
            archive.appearances.setdefault(ref, []).append(Appearance(conference, found.part, role))
    for link in named:
        archive.linked.setdefault(link, []).append(conference)
    for figure in conference.record.figures:
        archive.figures_by_metric.setdefault(figure.metric, []).append((conference, figure))
        archive.figures_by_scope.setdefault(figure.scope, []).append((conference, figure))


def build_archive(content: Content) -> Archive:
    """Resolve checked content into the archive the templates read."""
    refs = {kind: document.data or {} for kind, document in content.references.items()}
    entries = {kind: typed(data, shape_of(kind)) for kind, data in refs.items()}
    conferences = [Conference(typed(d.data, shape_of("conference")), d.data) for d in content.conferences]
    conferences.sort(key=lambda c: (c.date, c.id))
    archive = Archive(refs=refs, entries=entries, conferences=conferences)
    for conference in conferences:
        _index(archive, conference)
    for editions in archive.by_series.values():
        for earlier, later in pairwise(editions):
            earlier.next, later.previous = later, earlier
    return archive
