"""The resolved archive: conferences in date order, and who and what links to them."""

from __future__ import annotations

import marshal
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from .cache import digest
from .locale import parse_date
from .records import Content, Document
from .references import CONFERENCE_REFERENCES, references


@dataclass(eq=False)
class Conference:
    """One conference record, placed in its series."""

    record: dict[str, Any]
    """The record as written, but with the fields marked unknown left empty (see `unknown`)."""
    digest: str = ""
    """A hash of the record's file, to tell whether it changed since the last render."""
    listed_digest: str = ""
    """A hash of what other pages show of the record: all but OWN_PAGE_FIELDS."""
    previous: Conference | None = None
    next: Conference | None = None
    links: list[tuple[str, str]] = field(default_factory=list)
    """(kind, id) of each reference file entry the record names, figures' scopes aside."""
    unknown: frozenset[str] = frozenset()
    """Fields the sources do not give, marked `unknown` in the record."""

    @property
    def id(self) -> str:
        return self.record["id"]

    @property
    def date(self) -> str:
        return self.record["date"]

    @property
    def year(self) -> int:
        return parse_date(self.date).year

    @property
    def series(self) -> str:
        return self.record["series"]

    @property
    def place(self) -> str | None:
        venue = self.record["venue"]
        return venue["place"] if isinstance(venue, dict) else None


@dataclass(frozen=True)
class Appearance:
    """A person's part in one conference: chair, participant, speaker, closing or recommendation."""

    conference: Conference
    part: str
    role: dict[str, str] | None


@dataclass
class Archive:
    """Everything the pages need, with references resolved both ways."""

    refs: dict[str, dict[str, dict[str, Any]]]
    conferences: list[Conference]
    by_year: dict[int, list[Conference]] = field(default_factory=dict)
    by_series: dict[str, list[Conference]] = field(default_factory=dict)
    appearances: dict[str, list[Appearance]] = field(default_factory=dict)
    held_in: dict[str, list[Conference]] = field(default_factory=dict)
    linked: dict[tuple[str, str], list[Conference]] = field(default_factory=dict)
    figures_by_metric: dict[str, list[tuple[Conference, dict[str, Any]]]] = field(default_factory=dict)
    figures_by_scope: dict[str, list[tuple[Conference, dict[str, Any]]]] = field(default_factory=dict)
    references_digest: str = ""
    digest: str = ""
    """A hash of every file: what the downloads depend on."""
    listed_digest: str = ""
    """A hash of the references and of what pages other than a conference's own show of each record:
    what a page drawn from the whole archive depends on."""

    def newest_first(self) -> list[Conference]:
        return list(reversed(self.conferences))


_PARTS = (
    ("chairs", "chair"),
    ("participants", "participant"),
    ("speakers", "speaker"),
    ("recommendations", "recommendation"),
)


def _people_in(conference: Conference) -> list[tuple[str, str, dict[str, str] | None]]:
    """(person id, part, role held then) for everyone a record names."""
    record = conference.record
    found: list[tuple[str, str, dict[str, str] | None]] = []
    for key, part in _PARTS:
        for entry in record.get(key, []):
            if "person" in entry:
                found.append((entry["person"], part, entry.get("role")))
            for member in entry.get("people", []):
                found.append((member["person"], part, member.get("role")))
    closing = record.get("conclusions", {}).get("by")
    if closing:
        found.append((closing["person"], "closing", closing.get("role")))
    return found


UNKNOWABLE_LISTS = ("chairs", "participants", "speakers", "figures", "recommendations", "documents")
"""Fields a record may mark unknown; conclusions, format and venue may be unknown too."""


OWN_PAGE_FIELDS = frozenset({"summary", "sources", "start_time", "duration_days", "delegates_expected"})
"""Fields that only the conference's own page (and the downloads) show: editing them redraws no
other page. None of them holds a reference, so no person, place or organization page lists them."""


def _listed_digest(record: dict[str, Any]) -> str:
    """A hash of what pages other than the conference's own show of a record."""
    listed = {key: value for key, value in record.items() if key not in OWN_PAGE_FIELDS}
    # marshal's version 2 writes the same bytes for the same data, and is quicker than JSON.
    return digest(marshal.dumps(listed, 2))


def _links(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, id) of each person, place, organization, series or topic the record names, once each,
    in the order of CONFERENCE_REFERENCES. A figure's scope is a place the figure is about, listed
    with the figures, not a mention."""
    found = ((kind, ref) for path, kind, ref in references(record, CONFERENCE_REFERENCES) if path[0] != "figures")
    return list(dict.fromkeys(found))


def _conference(document: Document) -> Conference:
    """A conference whose fields marked unknown are empty, so that nothing downstream meets the word."""
    record = document.data
    unknown = {key for key in (*UNKNOWABLE_LISTS, "conclusions", "format", "venue") if record.get(key) == "unknown"}
    known = {key: value for key, value in record.items() if key not in unknown or key in ("format", "venue")}
    known.update({key: [] for key in UNKNOWABLE_LISTS if key in unknown})
    return Conference(
        known,
        digest=document.digest,
        listed_digest=document.derive("listed digest", _listed_digest),
        links=document.derive("links", _links),
        unknown=frozenset(unknown),
    )


def build_archive(content: Content) -> Archive:
    """Resolve checked content into the archive the templates read."""
    refs = {kind: document.data or {} for kind, document in content.references.items()}
    conferences = sorted((_conference(document) for document in content.conferences), key=lambda c: (c.date, c.id))
    archive = Archive(refs=refs, conferences=conferences)
    archive.references_digest = content.references_digest
    archive.digest = digest(archive.references_digest, *(c.digest for c in conferences))
    archive.listed_digest = digest(archive.references_digest, *(c.listed_digest for c in conferences))
    by_year: dict[int, list[Conference]] = defaultdict(list)
    by_series: dict[str, list[Conference]] = defaultdict(list)
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    held_in: dict[str, list[Conference]] = defaultdict(list)
    linked: dict[tuple[str, str], list[Conference]] = defaultdict(list)
    figures_by_metric: dict[str, list[tuple[Conference, dict[str, Any]]]] = defaultdict(list)
    figures_by_scope: dict[str, list[tuple[Conference, dict[str, Any]]]] = defaultdict(list)
    for conference in conferences:
        by_year[conference.year].append(conference)
        by_series[conference.series].append(conference)
        if conference.place:
            held_in[conference.place].append(conference)
        for link in conference.links:
            linked[link].append(conference)
        seen: set[tuple[str, str]] = set()
        for person, part, role in _people_in(conference):
            if (person, part) not in seen:
                seen.add((person, part))
                appearances[person].append(Appearance(conference, part, role))
        for figure in conference.record.get("figures", []):
            figures_by_metric[figure["metric"]].append((conference, figure))
            figures_by_scope[figure["scope"]].append((conference, figure))
    for editions in by_series.values():
        for earlier, later in pairwise(editions):
            earlier.next, later.previous = later, earlier
    archive.by_year = dict(by_year)
    archive.by_series = dict(by_series)
    archive.appearances = dict(appearances)
    archive.held_in = dict(held_in)
    archive.linked = dict(linked)
    archive.figures_by_metric = dict(figures_by_metric)
    archive.figures_by_scope = dict(figures_by_scope)
    return archive
