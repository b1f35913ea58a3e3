"""A series on the site: its editions in order with the gaps, links between editions, timelines per series."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from playwright.sync_api import sync_playwright

from archive.locale import LANGUAGES
from bench.browser import launch, serve
from tests.conftest import page

SERIES = "northern-28"
REGIONAL = ["northern-28", "southern", "central-highlands"]


def edition_rows(site, lang, series=SERIES):
    rows = page(site, lang, f"series/{series}").select("article table tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in rows]


@pytest.mark.parametrize("series", REGIONAL)
def test_the_series_page_lists_every_edition_in_order_with_the_gaps_named(built_site, series):
    site, report = built_site
    editions = report.archive.by_series[series]
    assert [c.date for c in editions] == sorted(c.date for c in editions)
    for lang in LANGUAGES:
        rows = edition_rows(site, lang, series)
        gap = "chưa có trong lưu trữ" if lang == "vi" else "not in the archive yet"
        conference_rows = [row for row in rows if gap not in row[-1]]
        gap_rows = [row[0] for row in rows if gap in row[-1]]
        assert len(conference_rows) == len(editions)
        numbered = [c.data["edition"] for c in editions if "edition" in c.data]
        missing = sorted(set(range(1, max(numbered) + 1)) - set(numbered))
        assert sum(_numbers(label) for label in gap_rows) == len(missing), gap_rows
        for row, conference in zip(conference_rows, editions, strict=True):
            assert str(conference.year) in row[1]
            if conference.place:
                assert report.archive.refs["places"][conference.place]["name"] in row[2]


def _numbers(label: str) -> int:
    """How many edition numbers a gap label such as 'V–VII' covers."""
    from archive.locale import roman

    values = {roman(n): n for n in range(1, 100)}
    first, _, last = label.partition("–")
    return values[last or first] - values[first] + 1


def test_each_conference_links_its_previous_and_next_edition(built_site):
    site, report = built_site
    editions = report.archive.by_series[SERIES]
    for before, after in pairwise(editions):
        for lang in LANGUAGES:
            links = [a["href"] for a in page(site, lang, f"conferences/{before.id}").select(".edition-nav a")]
            assert f"../{after.id}/" in links
            back = [a["href"] for a in page(site, lang, f"conferences/{after.id}").select(".edition-nav a")]
            assert f"../{before.id}/" in back


def test_each_series_has_its_own_timeline_page_reached_by_plain_links(built_site):
    site, report = built_site
    for lang in LANGUAGES:
        overview = page(site, lang, "timeline")
        filters = {a["href"]: a for a in overview.select(".timeline-filter a")}
        for series, conferences in report.archive.by_series.items():
            assert f"{series}/" in filters
            own = page(site, lang, f"timeline/{series}")
            shown = [time["datetime"] for time in own.select(".timeline li time")]
            assert shown == [c.date for c in conferences]
            assert own.select_one(f'.timeline-filter a[data-series="{series}"]')["aria-current"] == "page"
        assert filters["./"]["aria-current"] == "page"


@pytest.mark.browser
def test_where_javascript_runs_the_series_links_filter_the_timeline_in_place(site_dir, built_site):
    _, report = built_site
    expected = [c.date for c in report.archive.by_series[SERIES]]
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_page()
        tab.goto(base + "en/timeline/")
        tab.evaluate("() => { window.__samePage = true }")
        tab.click(f'.timeline-filter a[data-series="{SERIES}"]')
        visible = tab.eval_on_selector_all(".timeline li:not([hidden]) time", "times => times.map(t => t.dateTime)")
        assert visible == expected
        assert tab.evaluate("() => window.__samePage") is True, "the filter did not reload the page"
        assert tab.url.endswith(f"/en/timeline/{SERIES}/")
        hidden_years = tab.eval_on_selector_all("article h2[hidden]", "hs => hs.map(h => h.textContent)")
        assert all(re.match(r"\d{4}", text) for text in hidden_years)
        browser.close()


def test_fields_the_sources_do_not_give_are_said_to_be_unrecorded(built_site):
    site, report = built_site
    partial = [c for c in report.archive.conferences if c.unknown]
    assert partial, "the archive has records with fields marked unknown"
    for conference in partial:
        for lang in LANGUAGES:
            article = page(site, lang, f"conferences/{conference.id}").find("article")
            said = "Không được ghi trong nguồn" if lang == "vi" else "Not recorded in the sources"
            assert said in article.get_text(" ")
            for heading in article.find_all("h2"):
                following = heading.find_next_sibling()
                assert following is not None and following.name != "h2", f"empty section {heading.text}"
