"""schema.org data (JSON-LD) for each kind of page: a conference is an Event, a series an EventSeries,
a person a Person, a place an AdministrativeArea. Every node that has a page is named by that page's
address with a fragment (`…/conferences/<id>/#event`), so the pages' data link up into one graph."""

from __future__ import annotations

import datetime
import json
import math
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from . import place_history
from .locale import date_precision, parse_date
from .typed import NOT_RECORDED, Ref

if TYPE_CHECKING:
    from .model import Conference
    from .render import Helpers

CONTEXT = "https://schema.org"
MODES = {"in-person": "Offline", "online": "Online", "hybrid": "Mixed"}
FRAGMENT = {"conferences": "event", "series": "series", "people": "person", "places": "place"}


def node_id(h: Helpers, folder: str, ref: str) -> str:
    """The @id of what a page is about: its address (from this page when the site's is unknown) and a fragment."""
    return (h.page_url_of(f"{folder}/{ref}.md") or f"{h.to_root()}{folder}/{ref}/") + "#" + FRAGMENT[folder]


def reference(h: Helpers, kind: str, ref: Ref, **more: Any) -> dict[str, Any]:
    """A node that names an entry with a page of its own, and points at that page's node."""
    types = {"people": "Person", "places": "AdministrativeArea", "series": "EventSeries"}
    return {"@type": types[kind], "@id": node_id(h, kind, ref), "name": h.name(ref), **more}


def area(h: Helpers, ref: Ref, on: str | None = None) -> dict[str, Any]:
    """A province or region as it was on a date, inside the unit it is part of today if it merged."""
    node = reference(h, "places", ref, name=h.place_name(ref, on))
    now = place_history.current(h.archive.refs["places"], ref)
    if now != ref:
        node["containedInPlace"] = reference(h, "places", Ref(now, "places"))
    return node


def event(h: Helpers, conference: Conference) -> dict[str, Any]:
    record = conference.record
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Event",
        "@id": node_id(h, "conferences", conference.id),
        "name": h.t(record.title),
        "description": h.t(record.summary),
        "inLanguage": h.lang,
        "url": node_id(h, "conferences", conference.id).removesuffix("#event"),
        "organizer": [{"@type": "GovernmentOrganization", "name": h.name(org)} for org in record.hosts],
        "superEvent": reference(h, "series", record.series, url=node_id(h, "series", record.series).split("#")[0]),
    }
    if date_precision(record.date) == "day":  # schema.org dates are whole days; a month or a year is left out
        start = parse_date(record.date)
        days = max(1, math.ceil(record.duration_days or 1))
        data["startDate"] = start.isoformat()
        data["endDate"] = (start + datetime.timedelta(days=days - 1)).isoformat()
    if record.format in MODES:
        data["eventAttendanceMode"] = f"https://schema.org/{MODES[record.format]}EventAttendanceMode"
    venue = record.venue
    location: dict[str, Any] = {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "VN"}}
    if conference.place:
        location["name"] = h.t(venue.hall) if venue.hall else h.place_name(conference.place, record.date)
        location["address"]["addressRegion"] = h.place_name(conference.place, record.date)
        location["containedInPlace"] = area(h, conference.place, record.date)
    else:
        location["name"] = h.ui("not_recorded")
    if venue.address:
        location["address"]["streetAddress"] = h.t(venue.address)
    data["location"] = location
    if record.chairs is not NOT_RECORDED and record.chairs:
        data["performer"] = [reference(h, "people", chair.person) for chair in record.chairs]
    sources = [source for source in record.sources if source.url]
    if sources:
        data["subjectOf"] = [
            {"@type": "CreativeWork", "url": s.url, **({"name": s.title} if s.title else {})} for s in sources
        ]
    return data


def series(h: Helpers, ref: Ref) -> dict[str, Any]:
    editions = h.archive.by_series.get(ref, [])
    data = reference(h, "series", ref, url=node_id(h, "series", ref).split("#")[0])
    data["description"] = h.t(h.entry(ref).description)
    data["subEvent"] = [
        {"@type": "Event", "@id": node_id(h, "conferences", c.id), "name": h.t(c.record.title)} for c in editions
    ]
    return {"@context": CONTEXT, **data}


def person(h: Helpers, ref: Ref) -> dict[str, Any]:
    data = reference(h, "people", ref, url=node_id(h, "people", ref).split("#")[0])
    data["performerIn"] = [
        {"@type": "Event", "@id": node_id(h, "conferences", c.id), "name": h.t(c.record.title)}
        for c in h.archive.linked.get(("people", ref), [])
    ]
    return {"@context": CONTEXT, **data}


def place(h: Helpers, ref: Ref) -> dict[str, Any]:
    data = area(h, ref)
    data["url"] = data["@id"].split("#")[0]
    data["address"] = {"@type": "PostalAddress", "addressCountry": "VN"}
    absorbed = h.absorbed(ref)
    if absorbed:
        data["containsPlace"] = [reference(h, "places", part) for part in absorbed]
    return {"@context": CONTEXT, **data}


def script_text(data: dict[str, Any]) -> Markup:
    """JSON for a page's front matter and head: valid JSON and YAML either way, and escaped, so that no
    markup from a record stands in the page's source."""
    text = json.dumps(data, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
