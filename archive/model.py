"""The resolved archive: conferences in date order, and who and what links to them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from .incremental import Index, Listing, note
from .locale import parse_date
from .records import Content
from .schema import references
from .typed import NOT_RECORDED, Ref, attribute, shape_of, typed


class Conference:
    """One conference record, placed in its series. Reading its record or its neighbours is noted."""

    def __init__(self, record: Any, data: dict[str, Any], digest: str, field_digests: dict[str, str]) -> None:
        self._record = record
        self.data = data
        """The record as written, for the downloads."""
        self.digest = digest
        """A hash of its file: the same digest, the same record."""
        self._previous: Conference | None = None
        self._next: Conference | None = None
        self._field_digests = field_digests
        """Hashes of its fields, worked out when asked for (see field_digest)."""

    @property
    def id(self) -> str:
        return self._record.id

    @property
    def record(self) -> Any:
        """The record as typed objects (see typed.py), each field's reading noted."""
        return RecordView(self)

    def field_digest(self, name: str) -> str:
        """A hash of one field of the record as written."""
        if name not in self._field_digests:
            text = json.dumps(self.data.get(name), ensure_ascii=False, sort_keys=True)
            self._field_digests[name] = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
        return self._field_digests[name]

    @property
    def previous(self) -> Conference | None:
        """The edition before, in its series."""
        note("neighbours", self.id)
        return self._previous

    @property
    def next(self) -> Conference | None:
        note("neighbours", self.id)
        return self._next

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
        return frozenset(name for name in self.data if getattr(self.record, name) is NOT_RECORDED)


class RecordView:
    """A conference's typed record that notes which of its fields are read."""

    __slots__ = ("_conference",)

    def __init__(self, conference: Conference) -> None:
        self._conference = conference

    def __getattr__(self, name: str) -> Any:
        note("field", self._conference.id, name)
        return getattr(self._conference._record, name)


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
    conferences: Listing
    reference_digests: dict[str, str] = field(default_factory=dict)
    """A hash of each reference file."""
    by_id: dict[str, Conference] = field(default_factory=dict)
    by_year: Index = field(default_factory=lambda: Index("by_year"))
    by_series: Index = field(default_factory=lambda: Index("by_series"))
    appearances: Index = field(default_factory=lambda: Index("appearances"))
    """Each person's Appearances."""
    held_in: Index = field(default_factory=lambda: Index("held_in"))
    linked: Index = field(default_factory=lambda: Index("linked"))
    """Conferences by each (kind, id) they name, figures' scopes aside."""
    figures_by_metric: Index = field(default_factory=lambda: Index("figures_by_metric"))
    """(conference, figure) pairs by measure."""
    figures_by_scope: Index = field(default_factory=lambda: Index("figures_by_scope"))

    def newest_first(self) -> list[Conference]:
        return list(reversed(self.conferences))


def _role_at(record: Any, path: tuple[str | int, ...]) -> Any:
    """The role given beside the person id at path (its last part), if any."""
    holder = record
    for part in path[:-1]:
        holder = holder[part] if isinstance(part, int) else getattr(holder, attribute(part))
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


def build_archive(content: Content, typed_before: dict[str, Any] | None = None) -> Archive:
    """Resolve checked content into the archive the templates read.

    typed_before holds typed records, with their fields' digests, by their file's digest, to be taken as
    they are."""
    refs = {kind: document.data or {} for kind, document in content.references.items()}
    entries = {kind: typed(data, shape_of(kind)) for kind, data in refs.items()}
    known = dict(typed_before or {})
    for document in content.conferences:
        if document.digest not in known:
            known[document.digest] = (typed(document.data, shape_of("conference")), {})
    conferences = []
    for document in content.conferences:
        record, field_digests = known[document.digest]
        conferences.append(Conference(record, document.data, document.digest, field_digests))
    conferences.sort(key=lambda c: (c.date, c.id))
    archive = Archive(refs=refs, entries=entries, conferences=Listing(conferences))
    archive.by_id = {conference.id: conference for conference in conferences}
    archive.reference_digests = {kind: document.digest for kind, document in content.references.items()}
    for conference in conferences:
        _index(archive, conference)
    for editions in dict.values(archive.by_series):
        for earlier, later in pairwise(editions):
            earlier._next, later._previous = later, earlier
    return archive
