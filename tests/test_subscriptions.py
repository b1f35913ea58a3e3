"""What reusers subscribe to and load: a feed per series, person and place, calendars, a JSON file per
conference, and the licence that lets them reuse it all."""

from __future__ import annotations

import datetime
import json
import math
import xml.etree.ElementTree as ElementTree

import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar

from archive.exports import resolved
from archive.history import last_changes
from archive.locale import LANGUAGES, date_precision, format_date
from archive.pipeline import build
from archive.render import load_strings
from archive.settings import LICENSE, PUBLISHER
from tests.conftest import PUBLISHED_URL, REPO_URL, ROOT, page

ATOM = "{http://www.w3.org/2005/Atom}"
PREFIX = {"vi": "", "en": "en/"}


def conferences_of(report, kind: str, ref: str) -> list:
    archive = report.archive
    return archive.by_series.get(ref, []) if kind == "series" else archive.linked.get((kind, ref), [])


def test_every_series_person_and_place_page_links_its_own_feed_of_its_conferences(published):
    site, report = published
    checked = 0
    for kind in ("series", "people", "places"):
        for ref in report.archive.entries[kind]:
            for lang in LANGUAGES:
                html = page(site, lang, f"{kind}/{ref}")
                heads = [link["href"] for link in html.find_all("link", type="application/atom+xml")]
                assert "feed.xml" in heads, (kind, ref, heads)
                assert html.select_one(".archive-feed a")["href"] == "feed.xml"
                feed = ElementTree.parse(site / PREFIX[lang] / kind / ref / "feed.xml").getroot()
                own = f"{PUBLISHED_URL}{PREFIX[lang]}{kind}/{ref}/"
                assert feed.find(f"{ATOM}link[@rel='self']").get("href") == own + "feed.xml"
                assert LICENSE["path"] in feed.findtext(f"{ATOM}rights")
                links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
                expected = reversed(conferences_of(report, kind, ref))
                assert links == [f"{PUBLISHED_URL}{PREFIX[lang]}conferences/{c.id}/" for c in expected]
                checked += 1
    assert checked > 200


def events(file) -> dict[str, object]:
    """A calendar file read back with a parser: its events by address."""
    calendar = Calendar.from_ical(file.read_bytes())
    return {str(event["URL"]): event for event in calendar.walk("VEVENT")}


def test_the_calendars_hold_every_conference_with_a_known_day_as_an_all_day_event(published):
    site, report = published
    dated = [c for c in report.archive.conferences if date_precision(c.date) == "day"]
    for lang in LANGUAGES:
        found = events(site / PREFIX[lang] / "calendar.ics")
        assert set(found) == {f"{PUBLISHED_URL}{PREFIX[lang]}conferences/{c.id}/" for c in dated}
        for conference in dated:
            event = found[f"{PUBLISHED_URL}{PREFIX[lang]}conferences/{conference.id}/"]
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            assert not isinstance(start, datetime.datetime), "an all-day event has a date, not a time"
            assert start.isoformat() == conference.date
            assert (end - start).days == max(1, math.ceil(conference.record.duration_days or 1))
            assert str(event["SUMMARY"]) == conference.data["title"][lang]
            assert conference.data["summary"][lang] in str(event["DESCRIPTION"])
            if conference.place:
                assert str(event["LOCATION"])
    for series, editions in report.archive.by_series.items():
        found = events(site / "series" / series / "calendar.ics")
        assert len(found) == len([c for c in editions if date_precision(c.date) == "day"]), series


def test_a_conference_dated_only_to_the_month_is_left_out_of_the_calendars_and_said_so(content_copy, tmp_path):
    record = content_copy / "conferences" / "2023-10-06-southern-ix.yaml"
    text = record.read_text(encoding="utf-8").replace("2023-10-06-southern-ix", "2023-10-southern-ix")
    (content_copy / "conferences" / "2023-10-southern-ix.yaml").write_text(
        text.replace("date: 2023-10-06", "date: 2023-10"), encoding="utf-8"
    )
    record.unlink()
    site = tmp_path / "site"
    report = build(content_copy, site, PUBLISHED_URL, tmp_path / "work")
    assert report.archive.by_id["2023-10-southern-ix"].date == "2023-10"
    for lang in LANGUAGES:
        title = report.archive.by_id["2023-10-southern-ix"].data["title"][lang]
        assert not any(str(e["SUMMARY"]) == title for e in events(site / PREFIX[lang] / "calendar.ics").values())
        series_calendar = site / PREFIX[lang] / "series" / "southern" / "calendar.ics"
        assert not any(str(e["SUMMARY"]) == title for e in events(series_calendar).values())
        said = load_strings()["calendar_undated"][lang]
        for where in ("data", "series/southern"):
            note = page(site, lang, where).find(string=lambda text, said=said: said in text)
            assert note is not None, (lang, where)
            assert title in note.find_parent(["p", "li"]).get_text(), (lang, where)


def test_the_calendar_events_keep_their_uid_when_the_site_moves(published, built_site):
    moved, _ = built_site  # the same archive built with no address
    here = Calendar.from_ical((published[0] / "calendar.ics").read_bytes()).walk("VEVENT")
    there = Calendar.from_ical((moved / "calendar.ics").read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in here] == [str(e["UID"]) for e in there]
    assert len({str(e["UID"]) for e in here}) == len(here)


def test_each_conference_has_its_own_json_file_with_licence_pages_and_source(published):
    site, report = published
    files = sorted((site / "data" / "conferences").glob("*.json"))
    assert [f.stem for f in files] == sorted(c.id for c in report.archive.conferences)
    for conference in report.archive.conferences:
        data = json.loads((site / "data" / "conferences" / f"{conference.id}.json").read_text(encoding="utf-8"))
        assert data["license"] == LICENSE
        assert data["conference"] == json.loads(json.dumps(resolved(conference.data, report.archive.refs)))
        pages = {lang: f"{PUBLISHED_URL}{PREFIX[lang]}conferences/{conference.id}/" for lang in LANGUAGES}
        assert data["pages"] == pages
        assert data["source"] == f"{REPO_URL}blob/main/content/conferences/{conference.id}.yaml"
        for url in data["pages"].values():
            assert (site / url.removeprefix(PUBLISHED_URL) / "index.html").is_file()
    assert json.loads((site / "data" / "archive.json").read_text(encoding="utf-8"))["license"] == LICENSE


def test_the_licence_is_stated_on_every_page_in_its_language(published):
    site, _ = published
    words = {"vi": "giấy phép", "en": "published under"}
    checked = 0
    for file in site.rglob("*.html"):
        lang = "en" if file.relative_to(site).parts[0] == "en" else "vi"
        footer = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").select_one(".md-copyright")
        link = footer.find("a", rel="license")
        assert link is not None and link["href"] == LICENSE["path"], file
        assert words[lang] in footer.get_text(), file
        checked += 1
    assert checked > 300
    for lang in LANGUAGES:
        body = page(site, lang, "data").select_one("article")
        assert any(a["href"] == LICENSE["path"] for a in body.find_all("a")), lang


def test_the_repository_says_how_to_cite_it_under_the_same_licence():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["title"] and citation["message"] and citation["authors"][0]["name"] == PUBLISHER
    assert citation["license"] == LICENSE["id"]


def test_the_catalogue_and_the_data_page_describe_the_dataset_and_its_downloads(published):
    site, _ = published
    modified = max(last_changes(ROOT / "content").values()).isoformat()
    catalogue = json.loads((site / "data" / "catalog.jsonld").read_text(encoding="utf-8"))
    assert catalogue["@type"] == "dcat:Catalog"
    dataset = catalogue["dcat:dataset"]
    for node in (catalogue, dataset):
        assert node["dct:license"]["@id"] == LICENSE["path"]
        assert node["dct:publisher"]["foaf:name"] == PUBLISHER
        assert {language["@id"].rsplit("/", 1)[-1] for language in node["dct:language"]} == set(LANGUAGES)
        assert node["dct:modified"]["@value"] == modified
    downloads = [d["dcat:downloadURL"]["@id"] for d in dataset["dcat:distribution"]]
    assert all((site / url.removeprefix(PUBLISHED_URL)).is_file() for url in downloads), downloads
    for lang in LANGUAGES:
        data = json.loads(page(site, lang, "data").find("script", type="application/ld+json").string)
        assert data["@type"] == "Dataset" and data["license"] == LICENSE["path"]
        assert data["publisher"]["name"] == PUBLISHER and data["dateModified"] == modified
        assert set(data["inLanguage"]) == set(LANGUAGES) and data["name"] and data["description"]
        assert [d["contentUrl"] for d in data["distribution"]] == downloads


def test_every_conference_page_says_how_to_cite_it_for_readers_and_reference_managers(published):
    site, report = published
    changed = last_changes(ROOT / "content")
    for conference in report.archive.conferences:
        day = changed[f"conferences/{conference.id}.yaml"].isoformat()
        for lang in LANGUAGES:
            html = page(site, lang, f"conferences/{conference.id}")
            url = f"{PUBLISHED_URL}{PREFIX[lang]}conferences/{conference.id}/"
            title = conference.data["title"][lang]
            block = html.select_one(".archive-citation").get_text()
            assert title in block and url in block and format_date(day, lang) in block
            tags = {tag["name"]: tag["content"] for tag in html.find_all("meta", attrs={"name": True})}
            assert tags["citation_title"] == tags["DC.title"] == title
            assert tags["citation_public_url"] == tags["DC.identifier"] == url
            assert tags["DC.date"] == day and tags["citation_date"] == day.replace("-", "/")
            assert tags["DC.rights"] == LICENSE["path"] and tags["DC.language"] == lang
