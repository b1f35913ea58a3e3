"""Places through the 2025 reorganisation, regions over time, and the series side by side, as readers see them."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from archive.comparisons import comparisons
from archive.locale import LANGUAGES, format_date
from archive.place_history import chain, period_at
from archive.records import load
from bench.browser import launch, serve
from tests.conftest import DEFAULT_CONTENT, page
from tests.test_browser import DESKTOP, PHONE
from tests.test_validate import edit, only, problems

PLACES = "places.yaml"
REGIONAL = ("northern-28", "southern", "central-highlands")


def places_as_written() -> dict:
    """content/places.yaml as the archive reads it (dates as written, not as date objects)."""
    return load(DEFAULT_CONTENT / PLACES).data


def name(entry: dict, lang: str) -> str:
    return entry["name"] if isinstance(entry["name"], str) else entry["name"][lang]


def merged() -> list[str]:
    return [ref for ref, entry in places_as_written().items() if "successor" in entry]


def test_the_archive_covers_every_former_province_and_the_regional_series(built_site):
    _, report = built_site
    places = places_as_written()
    former = [ref for ref, entry in places.items() if entry["kind"] in ("province", "city") and ref != "hue"]
    assert len(former) == 63
    today = {chain(places, ref)[-1] for ref in former}
    assert len(today) == 34
    assert len(report.archive.conferences) >= 20
    assert all(len(report.archive.by_series.get(series, [])) >= 3 for series in REGIONAL)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_merged_province_names_its_successor_and_the_date_and_each_links_the_other(site_dir, lang):
    places = places_as_written()
    for ref in merged():
        successor = places[ref]["successor"]
        article = page(site_dir, lang, f"places/{ref}").select_one("article")
        note = article.select_one(".admonition")
        assert name(places[successor["place"]], lang) in note.get_text(), ref
        assert format_date(str(successor["since"]), lang) in note.get_text(), ref
        assert note.select_one(f'a[href$="/{successor["place"]}/"]'), ref
        successor_page = page(site_dir, lang, f"places/{successor['place']}").select_one("article")
        assert successor_page.select_one(f'a[href$="/{ref}/"]'), (ref, "not listed by", successor["place"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_conference_naming_a_merged_province_says_what_it_is_today(built_site, lang):
    site, report = built_site
    places = places_as_written()
    seen = 0
    for (kind, ref), conferences in report.archive.linked.items():
        if kind != "places" or ref not in merged():
            continue
        now = chain(places, ref)[-1]
        for conference in conferences:
            text = page(site, lang, f"conferences/{conference.id}").select_one("article").get_text(" ")
            assert name(places[now], lang) in text
            assert format_date(str(places[ref]["successor"]["since"]), lang) in text
            seen += 1
    assert seen >= 5


def test_a_regional_figure_names_the_region_as_it_was(built_site):
    site, report = built_site
    places = places_as_written()
    for lang in LANGUAGES:
        for conference in report.archive.conferences:
            scopes = {f.scope for f in conference.record.figures if f.scope in REGIONAL}
            if not scopes:
                continue
            table = page(site, lang, f"conferences/{conference.id}").select_one("article").get_text(" ")
            for scope in scopes:
                period = period_at(places[scope], conference.date)
                expected = (period or {}).get("name") or places[scope]["name"]
                assert expected[lang] in table, (conference.id, scope)


def test_the_check_refuses_an_incoherent_history_with_file_line_and_field(content_copy: Path):
    line, _ = edit(content_copy, PLACES, r"^(hoa-binh:\n(?:  .*\n)*?    place: )phu-tho", r"\1hoa-binh")
    edit(content_copy, PLACES, r"^(ha-giang:\n(?:  .*\n)*?    since: )2025-07-01", r"\g<1>2025-06-01")
    found = problems(content_copy)
    cycle = only(found, "cannot become part of itself: hoa-binh → hoa-binh")
    assert (cycle.file.name, cycle.line, cycle.field) == (PLACES, line + 4, ("hoa-binh", "successor", "place"))
    early = only(found, "2025-06-01 is before the act nq-202-2025-qh15 was adopted")
    assert early.field == ("ha-giang", "successor", "since")


def test_the_check_refuses_a_member_listed_after_it_merged(content_copy: Path):
    edit(content_copy, PLACES, r"^(      places:\n)(        - ha-noi\n)", r"\1        - hoa-binh\n\2")
    found = problems(content_copy)
    late = only(found, "'hoa-binh' was part of 'phu-tho' from 2025-07-01")
    assert late.file.name == PLACES and late.field[1] == "membership"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_shows_a_row_per_year_and_a_column_per_region(built_site, lang):
    site, report = built_site
    grid = page(site, lang, "timeline").select_one(".region-years")
    rows = grid.select(".region-years__row")
    assert [row.select_one("p").get_text(strip=True) for row in rows] == [str(y) for y in report.archive.by_year]
    columns = len(grid.select(".region-years__head span")) - 1
    assert columns >= 4
    for row, year in zip(rows, report.archive.by_year, strict=True):
        cells = row.select("li")
        assert len(cells) == columns
        linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in row.select("li a")}
        assert linked == {c.id for c in report.archive.by_year[year]}


def test_figures_are_compared_only_for_the_same_months_and_unit(built_site):
    site, report = built_site
    rows = [pair for pairs in report.archive.figures_by_metric.values() for pair in pairs]
    found = comparisons(rows, lambda scope: report.archive.refs["places"][scope]["kind"] in ("region", "country"))
    assert found
    for group in found:
        figures = [figure for _, figure in group.points]
        assert len({(f.period.from_, f.period.to) for f in figures}) == 1
        assert len({f.unit if f.value is not None else "change" for f in figures}) == 1
        assert len({f.scope for f in figures}) == len(figures) >= 2
    retail = next(g for g in found if g.metric == "retail-sales" and g.months == ("2022-01", "2022-09"))
    assert {"northern-28", "southern"} <= {f.scope for _, f in retail.points}
    for lang in LANGUAGES:
        section = page(site, lang, "figures/retail-sales").select("article table")
        assert any("1.612,9" in t.get_text() or "1,612.9" in t.get_text() for t in section)


@pytest.mark.browser
def test_the_regions_by_year_read_on_a_phone_and_side_by_side_on_a_desk(site_dir):
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        phone = browser.new_page(viewport=PHONE, java_script_enabled=False)
        phone.goto(base + "timeline/")
        right = phone.evaluate("() => document.querySelector('.region-years').getBoundingClientRect().right")
        assert right <= PHONE["width"], "without JavaScript the table of regions fits the screen"
        labels = phone.eval_on_selector_all(".region-years__region", "spans => spans.map(s => s.offsetWidth)")
        assert labels and all(width > 0 for width in labels), "on a phone each item names its region"
        desk = browser.new_page(viewport=DESKTOP)
        desk.goto(base + "en/timeline/")
        row = desk.locator(".region-years__row").first
        tops = row.locator("li").evaluate_all("items => items.map(i => Math.round(i.getBoundingClientRect().top))")
        assert len(set(tops)) == 1 and len(tops) >= 4, "on a desk a year's regions stand side by side"
        desk.click('.timeline-filter a[data-series="southern"]')
        assert desk.locator(".regions-by-year").is_hidden()
        browser.close()
