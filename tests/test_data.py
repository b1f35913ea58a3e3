"""Data others can reuse: downloads, schema.org Event data, Atom feeds, sitemap, charts, print."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from urllib.parse import urljoin

import pytest
from playwright.sync_api import sync_playwright

from archive.exports import FEED_ENTRIES, atom_feed
from archive.locale import LANGUAGES, format_number
from archive.pipeline import DEFAULT_CONTENT, build, load_archive
from archive.render import load_strings
from archive.schema import REFERENCE_KINDS, SCHEMA_DIR
from bench.browser import launch, serve
from bench.synthetic import generate
from tests.conftest import page

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_whole_archive_downloads_as_json_with_references_resolved(built_site):
    site, report = built_site
    data = json.loads((site / "data" / "archive.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in data["conferences"]] == [c.id for c in report.archive.conferences]
    viii = next(c for c in data["conferences"] if c["id"] == "2022-09-23-northern-28-viii")
    assert viii["chairs"][0]["person"] == {"id": "dang-hoang-an", **report.archive.refs["people"]["dang-hoang-an"]}
    assert viii["venue"]["place"]["id"] == "thanh-hoa" and viii["venue"]["place"]["name"] == "Thanh Hóa"
    assert viii["figures"][2]["metric"]["name"]["en"] and viii["figures"][2]["metric"]["name"]["vi"]
    assert viii["title"]["vi"] and viii["title"]["en"]
    assert set(data["references"]) == set(REFERENCE_KINDS)


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark, for spreadsheets"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_files_have_a_row_per_figure_and_per_conference(built_site):
    site, report = built_site
    figures = read_csv(site / "data" / "figures.csv")
    expected = [(c.id, f) for c in report.archive.conferences for f in c.record.figures]
    assert len(figures) == len(expected)
    for row, (conference_id, figure) in zip(figures, expected, strict=True):
        assert row["conference_id"] == conference_id and row["metric"] == figure.metric
        assert row["period_from"] == figure.period.from_ and row["period_to"] == figure.period.to
        if figure.value is not None:
            assert float(row["value"]) == figure.value
    conferences = read_csv(site / "data" / "conferences.csv")
    assert [row["id"] for row in conferences] == [c.id for c in report.archive.conferences]
    assert any("Đặng Hoàng An" in row["chairs"] for row in conferences)


def test_the_schema_is_published_beside_the_downloads(site_dir):
    for schema in SCHEMA_DIR.glob("*.json"):
        assert (site_dir / "data" / "schema" / schema.name).read_text(encoding="utf-8") == schema.read_text("utf-8")


def test_the_data_page_and_the_home_page_link_every_download_in_both_languages(site_dir):
    for lang in LANGUAGES:
        for path in ("data", ""):
            address = f"http://archive.test/{'' if lang == 'vi' else 'en/'}{path + '/' if path else ''}"
            hrefs = [a["href"] for a in page(site_dir, lang, path).select("article a[href]")]
            targets = {urljoin(address, href).removeprefix("http://archive.test/") for href in hrefs}
            for file in (
                "data/archive.json",
                "data/figures.csv",
                "data/conferences.csv",
                "data/schema/conference.schema.json",
            ):
                assert file in targets, (lang, path, file)
                assert (site_dir / file).is_file()
            feed = "feed.xml" if lang == "vi" else "en/feed.xml"
            assert feed in targets, (lang, path)


def json_ld(site, lang, conference_id):
    script = page(site, lang, f"conferences/{conference_id}").find("script", type="application/ld+json")
    return json.loads(script.string)


def test_each_conference_page_carries_schema_org_event_data(built_site):
    site, report = built_site
    for conference in report.archive.conferences:
        for lang in LANGUAGES:
            event = json_ld(site, lang, conference.id)
            assert event["@type"] == "Event" and event["name"] == conference.data["title"][lang]
            assert event["startDate"] == conference.date and event["inLanguage"] == lang
            assert event["url"].rstrip("/").endswith(f"conferences/{conference.id}")
            assert all(org["@type"] == "GovernmentOrganization" for org in event["organizer"])
            assert event["superEvent"]["@type"] == "EventSeries"
            if conference.place:
                assert event["location"]["@type"] == "Place"
                assert event["location"]["address"]["@type"] == "PostalAddress"
            if conference.data["format"] != "unknown":
                assert event["eventAttendanceMode"].endswith("EventAttendanceMode")
    hybrid = json_ld(site, "en", "2023-04-18-local-industry-trade")
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert hybrid["location"]["address"]["streetAddress"] == "54 Hai Bà Trưng, Hoàn Kiếm, Hà Nội"


def test_each_language_has_an_atom_feed_newest_first_linked_from_every_page(built_site):
    site, report = built_site
    for lang in LANGUAGES:
        root = site if lang == "vi" else site / "en"
        feed = ElementTree.parse(root / "feed.xml").getroot()
        titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
        assert titles == [c.data["title"][lang] for c in reversed(report.archive.conferences)]
        for path in ("", "timeline", "conferences/2022-09-23-northern-28-viii"):
            link = page(site, lang, path).find("link", type="application/atom+xml")
            assert link is not None and link["href"].endswith("feed.xml")


def test_a_feed_holds_the_newest_conferences_only(tmp_path):
    archive = load_archive(generate(tmp_path, FEED_ENTRIES + 10))
    for lang in LANGUAGES:
        feed = ElementTree.fromstring(atom_feed(archive.conferences, lang, "https://example.org/", load_strings()))
        links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
        newest = archive.newest_first()[:FEED_ENTRIES]
        root = "https://example.org/" + ("" if lang == "vi" else f"{lang}/")
        assert links == [f"{root}conferences/{c.id}/" for c in newest]


def test_a_feed_has_an_author_and_ids_that_stay_when_the_site_moves(tmp_path):
    archive = load_archive(DEFAULT_CONTENT)
    strings = load_strings()
    seen: set[str] = set()
    for lang in LANGUAGES:
        ids = []
        for site_root in ("https://owner.github.io/archive/", "https://archive.example.vn/", ""):
            feed = ElementTree.fromstring(atom_feed(archive.conferences, lang, site_root, strings))
            assert feed.find(f"{ATOM}author/{ATOM}name").text == strings["home_title"][lang]
            ids.append([feed.find(f"{ATOM}id").text] + [e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")])
        assert ids[0] == ids[1] == ids[2]
        assert all(i.startswith("urn:uuid:") for i in ids[0])
        seen |= set(ids[0])
    assert len(seen) == 2 * (1 + len(archive.conferences)), "an id is shared by two feeds or entries"


def test_the_sitemap_lists_every_page_with_its_alternate_in_the_other_language(published):
    out, _ = published
    relative = [p.parent.relative_to(out) for p in out.glob("**/index.html")]
    pages = [path for path in relative if path.parts[:1] != ("en",)]
    sitemap = ElementTree.parse(out / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.find("s:loc", ns).text: u for u in sitemap.findall("s:url", ns)}
    assert len(urls) == len(pages)
    for url in urls.values():
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert set(alternates) == {"vi", "en"}
        assert alternates["en"] == alternates["vi"].replace("/archive/", "/archive/en/", 1)


SVG = "{http://www.w3.org/2000/svg}"


def chart_parts(svg: str) -> dict:
    """What a chart shows, read from its SVG (which must parse as XML)."""
    root = ElementTree.fromstring(svg)

    def texts(group: str, cls: str | None = None) -> list[str]:
        found = root.find(f"{SVG}g[@class='{group}']")
        return ["".join(t.itertext()) for t in found.iter(f"{SVG}text") if cls is None or t.get("class") == cls]

    return {
        "root": root,
        "title": root.find(f"{SVG}title").text,
        "drawn_title": " ".join(texts("title")),
        "ticks": texts("y-axis", "tick"),
        "y_title": " ".join(texts("axis-title y-title")),
        "x_labels": texts("x-axis", "label"),
        "x_title": "".join(root.find(f"{SVG}text[@class='axis-title x-title']").itertext()),
        "hovers": [c.find(f"{SVG}title").text for c in root.iter(f"{SVG}circle")],
        "line": root.find(f".//{SVG}polyline").get("points").split(),
    }


def parse_number(text: str, lang: str) -> float:
    """1.234,5 (vi) or 1,234.5 (en) back to 1234.5."""
    group, decimal = (".", ",") if lang == "vi" else (",", ".")
    return float(text.replace(group, "").replace(decimal, ".").replace("\u2212", "-"))


@pytest.fixture(scope="module")
def charted_site(tmp_path_factory):
    """A synthetic archive large enough for measures with three comparable figures."""
    folder = tmp_path_factory.mktemp("charts")
    content = generate(folder, 40)
    out = folder / "site"
    build(content, out, work_dir=folder / "work")
    return out


LINE_CHARTS = "article img[src$='.svg']:not([src*='/compared/'])"
COMPARED = "article img[src*='/compared/']"


def line_charts(site):
    return sorted(path for path in (site / "charts").rglob("*.svg") if path.parent.name != "compared")


def test_charts_are_svg_drawn_at_build_time_with_a_table_beside_them(charted_site):
    charts = line_charts(charted_site)
    assert charts, "some measure has three comparable figures"
    for lang in LANGUAGES:
        seen = 0
        root = charted_site if lang == "vi" else charted_site / "en"
        for metric_page in (root / "figures").glob("*/index.html"):
            html = page(charted_site, lang, metric_page.parent.relative_to(root).as_posix())
            for image in html.select(LINE_CHARTS):
                seen += 1
                assert image["alt"]
                table = image.find_parent("p").find_next_sibling("table")
                path = (metric_page.parent / image["src"]).resolve()
                svg = path.read_text(encoding="utf-8")
                assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org", "")
                chart = chart_parts(svg)
                assert chart["root"].get("viewBox") == "0 0 720 360"
                assert chart["root"].get("id") == f"chart-{path.stem}", "the id names the chart's data, not chance"
                assert chart["title"] and chart["title"] in image["alt"], "the accessible name is the title"
                drawn = chart["drawn_title"]  # drawn above the chart, cut with … only when it would not fit
                assert drawn == chart["title"] or chart["title"].startswith(drawn.removesuffix(" …")), drawn
                rows = [
                    [cell.get_text(" ", strip=True) for cell in tr.find_all("td")] for tr in table.select("tbody tr")
                ]
                assert len(rows) >= 3
                periods = [period for period, _, _, _ in rows]
                assert chart["x_labels"] == periods, "the x axis names the periods as the table does"
                assert len(chart["line"]) == len(rows)
                for (period, value, _, _), hover in zip(rows, chart["hovers"], strict=True):
                    label, number = hover.split(": ")
                    assert label == period and value.startswith(number), "each dot says its period and value"
                    unit = value.split(" ", 1)[1].split(" (")[0] if " " in value else "%"
                    assert chart["y_title"] == unit, "the y axis names the unit"
                foreign = r"^-?\d{1,3}(,\d{3})+$" if lang == "vi" else r"^-?\d{1,3}(\.\d{3})+$"
                ticks = chart["ticks"]
                assert len(ticks) >= 3 and not [tick for tick in ticks if re.match(foreign, tick)], ticks
                numbers = [parse_number(tick, lang) for tick in ticks]
                values = [parse_number(hover.split(": ")[1], lang) for hover in chart["hovers"]]
                assert numbers == sorted(numbers) and numbers[0] <= min(values) and max(values) <= numbers[-1]
                periods_title = "Kỳ số liệu (" if lang == "vi" else "Period ("
                assert chart["x_title"].startswith(periods_title)
        assert seen, f"charts are shown on the measure pages in {lang}"
    vi_svg = next((charted_site / "charts").rglob("*.svg")).read_text(encoding="utf-8")
    assert "Kỳ số liệu" in vi_svg


def test_a_comparison_draws_a_bar_per_place_with_the_table_under_it(charted_site):
    seen = 0
    for lang in LANGUAGES:
        root = charted_site if lang == "vi" else charted_site / "en"
        for metric_page in (root / "figures").glob("*/index.html"):
            html = page(charted_site, lang, metric_page.parent.relative_to(root).as_posix())
            for image in html.select(COMPARED):
                seen += 1
                path = (metric_page.parent / image["src"]).resolve()
                svg = ElementTree.fromstring(path.read_text(encoding="utf-8"))
                assert svg.get("id") == f"bars-{path.stem}"
                title = svg.find(f"{SVG}title").text
                assert title in image["alt"] and title in image.find_previous("h3").get_text()
                values = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "value"]
                names = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "name"]
                rows = image.find_parent("p").find_next_sibling("table").select("tbody tr")
                assert len(rows) == len(values) >= 2 and len(names) >= len(values)
                for row, value in zip(rows, values, strict=True):
                    value_cell, change_cell = (cell.get_text(" ", strip=True) for cell in row.find_all("td")[1:3])
                    assert value in (value_cell, change_cell) or value_cell.startswith(value), (value, value_cell)
    assert seen, "some measure is given for two regions over the same months"


def test_a_measure_page_shows_each_figure_once_in_a_chart_table_or_below(charted_site):
    archive = load_archive(charted_site.parent / "content")
    with_others = 0
    for metric, rows in archive.figures_by_metric.items():
        html = page(charted_site, "vi", f"figures/{metric}")
        shown = Counter()
        for row in html.select("article table tbody tr"):
            if "So sánh" in row.find_previous("h2").get_text():
                continue  # a comparison sets figures shown below beside others of the same months
            (link,) = row.select("a[href*='conferences/']")
            shown[link["href"].rstrip("/").rsplit("/", 1)[-1]] += 1
        assert shown == Counter(conference.id for conference, _ in rows), metric
        with_others += "Các số liệu khác" in html.get_text()
    assert with_others, "some measure page has charts and figures outside them"


def test_chart_sections_stay_out_of_search_while_their_pages_stay_in(charted_site):
    for lang in LANGUAGES:
        root = charted_site if lang == "vi" else charted_site / "en"
        charted = 0
        for series_page in sorted((root / "series").glob("*/index.html")):
            path = series_page.parent.relative_to(root).as_posix() + "/"
            html = page(charted_site, lang, path)
            assert html.select_one("[data-pagefind-body]"), "a series page is found by its name"
            for image in html.select("article img[src$='.svg']"):
                charted += 1
                assert image.find_parent(attrs={"data-pagefind-ignore": True}), path
        assert charted, f"some series page has charts in {lang}"


@pytest.mark.browser
def test_charts_stay_readable_in_the_dark_palette(charted_site):
    measures = sorted((charted_site / "figures").glob("*/index.html"))
    with_chart = next(path for path in measures if "/charts/" in path.read_text("utf-8"))
    with serve(charted_site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_page()
        tab.goto(base + with_chart.parent.relative_to(charted_site).as_posix() + "/")
        tab.click("label.md-header__button[for^='__palette']:visible")
        assert tab.get_attribute("body", "data-md-color-scheme") == "slate"
        ground = tab.eval_on_selector("article img[src$='.svg']", "img => getComputedStyle(img).backgroundColor")
        browser.close()
    assert ground == "rgb(255, 255, 255)", "dark ink needs a light ground"


def test_numbers_in_charts_follow_the_language(charted_site):
    first = line_charts(charted_site)[0]
    svg_vi = first.read_text(encoding="utf-8")
    svg_en = (charted_site / "en" / first.relative_to(charted_site)).read_text(encoding="utf-8")
    assert "Period (" in svg_en and "Kỳ số liệu (" in svg_vi
    assert format_number(1234.5, "vi") == "1.234,5" and format_number(1234.5, "en") == "1,234.5"
    vi, en = chart_parts(svg_vi), chart_parts(svg_en)
    assert [parse_number(t, "vi") for t in vi["ticks"]] == [parse_number(t, "en") for t in en["ticks"]]
    assert vi["line"] == en["line"], "the same figures, drawn the same in both languages"


@pytest.mark.browser
def test_a_conference_page_prints_on_a4_without_navigation_and_with_link_addresses(site_dir):
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_page()
        tab.goto(base + "en/conferences/2024-05-17-northern-28-x/")
        tab.emulate_media(media="print")
        for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-tabs"):
            if tab.query_selector(hidden):
                assert tab.eval_on_selector(hidden, "e => getComputedStyle(e).display") == "none", hidden
        after = tab.eval_on_selector("article a[href^='http']", "a => getComputedStyle(a, '::after').content")
        assert "http" in after
        pdf = tab.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
        browser.close()
