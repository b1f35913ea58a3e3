"""schema.org data on every kind of page: it parses as JSON-LD, has each type's required properties,
and its @ids join the pages into one graph."""

from __future__ import annotations

import json

from archive.locale import LANGUAGES
from tests.conftest import PUBLISHED_URL, page

PREFIX = {"vi": "", "en": "en/"}
TYPES = {"conferences": "Event", "series": "EventSeries", "people": "Person", "places": "AdministrativeArea"}
REQUIRED = {
    "Event": {"@id", "name", "url", "startDate", "endDate", "location", "organizer", "superEvent"},
    "EventSeries": {"@id", "name", "url", "subEvent"},
    "Person": {"@id", "name", "url"},
    "AdministrativeArea": {"@id", "name", "url", "address"},
}


def data_of(site, lang: str, path: str) -> dict:
    scripts = page(site, lang, path).find_all("script", type="application/ld+json")
    assert len(scripts) == 1, path
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data


def test_every_conference_series_person_and_place_page_has_its_typed_data(published):
    site, report = published
    graph: dict[str, dict] = {}
    for folder, kind in TYPES.items():
        refs = report.archive.by_id if folder == "conferences" else report.archive.entries[folder]
        for ref in refs:
            for lang in LANGUAGES:
                data = data_of(site, lang, f"{folder}/{ref}")
                address = f"{PUBLISHED_URL}{PREFIX[lang]}{folder}/{ref}/"
                assert data["@type"] == kind
                assert REQUIRED[kind] <= set(data), (folder, ref, REQUIRED[kind] - set(data))
                assert data["url"] == address and data["@id"].startswith(address + "#")
                graph[data["@id"]] = data
    # What one page points at is what the other page says it is.
    for node in graph.values():
        linked = [node.get("superEvent"), *node.get("performer", []), *node.get("subEvent", [])]
        for target in filter(None, linked):
            assert target["@id"] in graph, target
            assert graph[target["@id"]]["@type"] == target["@type"]


def test_an_event_names_its_chairs_sources_and_place_as_it_was_and_is(published):
    site, report = published
    for conference in report.archive.conferences:
        for lang in LANGUAGES:
            event = data_of(site, lang, f"conferences/{conference.id}")
            assert event["startDate"] == conference.date
            assert event["endDate"] >= event["startDate"]
            chairs = [] if isinstance(conference.data["chairs"], str) else conference.data["chairs"]
            assert [p["@id"].split("/")[-2] for p in event.get("performer", [])] == [c["person"] for c in chairs]
            urls = [source["url"] for source in conference.data["sources"] if source.get("url")]
            assert [work["url"] for work in event.get("subjectOf", [])] == urls
            location = event["location"]
            assert location["@type"] == "Place" and location["name"]
            if conference.place:
                province = location["containedInPlace"]
                assert province["@id"] == f"{PUBLISHED_URL}{PREFIX[lang]}places/{conference.place}/#place"
                successor = report.archive.refs["places"][conference.place].get("successor")
                assert ("containedInPlace" in province) == bool(successor), conference.id


def test_a_merged_province_is_inside_what_it_became_part_of(published):
    site, report = published
    merged = {ref: entry for ref, entry in report.archive.refs["places"].items() if entry.get("successor")}
    assert merged
    for ref in merged:
        place = data_of(site, "en", f"places/{ref}")
        assert place["containedInPlace"]["@type"] == "AdministrativeArea", ref
    absorbing = {entry["successor"]["place"] for entry in merged.values()} - set(merged)
    for ref in absorbing:
        assert data_of(site, "vi", f"places/{ref}").get("containsPlace"), ref
