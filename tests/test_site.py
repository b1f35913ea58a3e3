"""The built site, read as HTML: pages in both languages, language links, timeline, figures."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from archive.locale import LANGUAGES, format_date, format_number
from archive.pipeline import BuildReport, build
from tests.conftest import page

SEED_FIGURES = {
    # The figures of the seed texts as readers must see them on the conference pages.
    "2022-09-23-northern-28-viii": {
        "vi": [
            "1.612,9 nghìn tỷ đồng",
            "+27,6%",
            "160,87 tỷ USD",
            "+17%",
            "38.490 tỷ đồng",
            "1.056,8 triệu USD",
            "+18%",
            "+10,3%",
            "21/28",
        ],
        "en": [
            "1,612.9 trillion VND",
            "+27.6%",
            "160.87 billion USD",
            "38,490 billion VND",
            "1,056.8 million USD",
            "+10.3%",
            "21 of 28",
        ],
    },
    "2023-04-18-local-industry-trade": {
        "vi": ["4,07 tỷ USD", "gấp 2,1 lần", "48/63 địa phương", "+13,9%", "\u22122,2%", "\u221211,9%", "\u221214,7%"],
        "en": ["4.07 billion USD", "2.1 times", "48 of 63 localities", "+13.9%", "\u22122.2%", "\u221214.7%"],
    },
    "2024-05-17-northern-28-x": {
        "vi": ["1.404 nghìn tỷ đồng", "+12,3%", "120,7 tỷ USD", "+18,3%", "25/28", "11/28", "24/28"],
        "en": ["1,404 trillion VND", "+12.3%", "120.7 billion USD", "+18.3%", "25 of 28", "11 of 28", "24 of 28"],
    },
    "2025-07-30-moit-provincial-working": {
        "vi": ["8,3–8,5%", "12%", "34"],
        "en": ["8.3–8.5%", "12%", "34"],
    },
}


def pages_of(site: Path, lang: str) -> set[str]:
    """Every page's path within its language, e.g. 'conferences/x/' ('' is the home page)."""
    root = site if lang == "vi" else site / "en"
    found = set()
    for index in root.rglob("index.html"):
        relative = index.parent.relative_to(root).as_posix()
        if lang == "vi" and (relative == "en" or relative.startswith("en/")):
            continue
        found.add("" if relative == "." else relative + "/")
    return found


def conference_ids(report: BuildReport) -> list[str]:
    return [c.id for c in report.archive.conferences]


def test_the_four_seed_conferences_are_built_in_both_languages(built_site):
    site, report = built_site
    assert set(SEED_FIGURES) <= set(conference_ids(report))
    for conference_id in SEED_FIGURES:
        for lang in LANGUAGES:
            assert page(site, lang, f"conferences/{conference_id}").find("h1").get_text(strip=True)


def test_every_page_has_the_same_path_in_both_languages(site_dir):
    vi, en = pages_of(site_dir, "vi"), pages_of(site_dir, "en")
    assert vi == en
    for expected in ("", "timeline/", "figures/", "people/", "places/", "series/", "years/", "conferences/"):
        assert expected in vi


def test_language_links_lead_to_the_same_page_in_the_other_language(site_dir):
    for lang in LANGUAGES:
        for path in pages_of(site_dir, lang):
            url = f"http://archive.test/{'' if lang == 'vi' else 'en/'}{path}"
            links = {
                a["hreflang"]: urljoin(url, a["href"]) for a in page(site_dir, lang, path).select("a.md-select__link")
            }
            assert links == {"vi": f"http://archive.test/{path}", "en": f"http://archive.test/en/{path}"}, path


def test_every_page_declares_its_language_and_no_relative_alternates(site_dir):
    """hreflang alternates must be absolute: a build without the site's address has none (built with
    one, tests/test_sharing.py checks them)."""
    for lang in LANGUAGES:
        for path in pages_of(site_dir, lang):
            html = page(site_dir, lang, path)
            assert html.html["lang"] == lang
            assert html.select('link[rel="alternate"][hreflang]') == []


def test_timeline_lists_every_conference_in_date_order_grouped_by_year(built_site):
    site, report = built_site
    expected = sorted(report.archive.conferences, key=lambda c: c.date)
    for lang in LANGUAGES:
        html = page(site, lang, "timeline")
        entries = html.select(".timeline li")
        assert [entry.find("time")["datetime"] for entry in entries] == [c.date for c in expected]
        hrefs = [entry.find("a", href=re.compile("conferences/"))["href"] for entry in entries]
        assert [href.rstrip("/").split("/")[-1] for href in hrefs] == [c.id for c in expected]
        years = [h2.get_text(strip=True).rstrip("¶") for h2 in html.select("article > h2")]
        assert years == sorted({str(c.year) for c in expected})
        for entry, conference in zip(entries, expected, strict=True):
            assert entry.find("time").get_text() == format_date(conference.date, lang)


@pytest.mark.parametrize("conference_id", sorted(SEED_FIGURES))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_seed_figures_appear_formatted_for_the_reader(site_dir, conference_id, lang):
    text = page(site_dir, lang, f"conferences/{conference_id}").find("article").get_text(" ")
    for shown in SEED_FIGURES[conference_id][lang]:
        assert shown in text, shown


def test_every_figure_of_every_record_is_on_its_page_in_both_languages(built_site):
    site, report = built_site
    for conference in report.archive.conferences:
        for lang in LANGUAGES:
            rows = page(site, lang, f"conferences/{conference.id}").select("article table tbody tr")
            figures = conference.record.figures
            assert len(rows) == len(figures)
            for row, figure in zip(rows, figures, strict=True):
                cells = row.get_text(" ")
                for key in ("value", "value_max", "out_of", "change_pct", "change_ratio"):
                    if getattr(figure, key) is not None:
                        assert format_number(abs(getattr(figure, key)), lang) in cells, (conference.id, key)


def test_dates_are_written_per_language(site_dir):
    vi = page(site_dir, "vi", "conferences/2022-09-23-northern-28-viii").find("article").get_text(" ")
    en = page(site_dir, "en", "conferences/2022-09-23-northern-28-viii").find("article").get_text(" ")
    assert "23/9/2022" in vi
    assert "23 September 2022" in en


def test_names_keep_their_diacritics_on_english_pages(site_dir):
    text = page(site_dir, "en", "conferences/2022-09-23-northern-28-viii").find("article").get_text(" ")
    for name in ("Đặng Hoàng An", "Mai Xuân Liêm", "Ngô Quang Trung", "Thanh Hóa", "Quách Tất Liêm"):
        assert name in text


def test_conferences_are_not_listed_in_the_sidebar(built_site):
    site, report = built_site
    html = page(site, "vi", "timeline")
    nav_links = [a["href"] for a in html.select("nav.md-nav a[href]")]
    assert not [href for href in nav_links if any(c.id in href for c in report.archive.conferences)]


def test_series_editions_link_to_each_other(site_dir):
    viii = page(site_dir, "en", "conferences/2022-09-23-northern-28-viii").select(".edition-nav a")
    x = page(site_dir, "en", "conferences/2024-05-17-northern-28-x").select(".edition-nav a")
    assert [a["href"] for a in viii] == ["../2019-05-24-northern-28-vi/", "../2023-07-28-northern-28-ix/"]
    assert [a["href"] for a in x] == ["../2023-07-28-northern-28-ix/", "../2025-10-17-northern-provinces-2025/"]


def test_person_page_lists_each_conference_the_person_took_part_in(site_dir):
    text = page(site_dir, "vi", "people/ngo-quang-trung").find("article").get_text(" ")
    assert "Hội nghị ngành Công thương 28 tỉnh" in text or "28 tỉnh" in text
    links = {a["href"] for a in page(site_dir, "vi", "people/ngo-quang-trung").select("article a[href*=conferences]")}
    assert "../../conferences/2022-09-23-northern-28-viii/" in links
    assert "../../conferences/2023-04-18-local-industry-trade/" in links


def test_each_language_has_its_own_search_index(site_dir):
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(LANGUAGES)
    for lang in LANGUAGES:
        root = site_dir if lang == "vi" else site_dir / "en"
        pages = [
            path
            for path in root.rglob("index.html")
            if (lang == "en" or not path.is_relative_to(site_dir / "en"))
            and "data-pagefind-body" in path.read_text(encoding="utf-8")
        ]
        assert entry["languages"][lang]["page_count"] == len(pages) > 50


def test_pages_request_nothing_from_other_hosts(site_dir):
    loading = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src"}
    for html_file in site_dir.rglob("*.html"):
        html = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in loading.items():
            for element in html.find_all(tag, attrs={attribute: re.compile(r"^(https?:)?//")}):
                pytest.fail(f"{html_file}: {element} loads from another host")
        for link in html.find_all("link", href=re.compile(r"^(https?:)?//")):
            assert not {"stylesheet", "preconnect", "preload", "icon"} & set(link.get("rel", [])), link


def test_timeline_orders_conferences_within_a_year(tmp_path, content_copy):
    source = content_copy / "conferences" / "2022-09-23-northern-28-viii.yaml"
    earlier = source.read_text(encoding="utf-8").replace("2022-09-23", "2022-03-02").replace("edition: 8", "edition: 7")
    (content_copy / "conferences" / "2022-03-02-northern-28-vii.yaml").write_text(
        earlier.replace("id: 2022-03-02-northern-28-viii", "id: 2022-03-02-northern-28-vii"), encoding="utf-8"
    )
    out = tmp_path / "site"
    report = build(content_copy, out, work_dir=tmp_path / "work")
    in_2022 = sorted(c.date for c in report.archive.by_year[2022])
    assert in_2022[0] == "2022-03-02"
    for lang in LANGUAGES:
        dates = [time["datetime"] for time in page(out, lang, "timeline").select(".timeline li time")]
        assert [date for date in dates if date.startswith("2022")] == in_2022
        assert dates == sorted(dates)


def test_list_pages_stay_out_of_search_and_conferences_weigh_more(site_dir):
    def indexed(path):
        return page(site_dir, "vi", path).select_one("[data-pagefind-body]")

    for listing in ("timeline", "people", "places", "conferences", "years", "figures", "search"):
        assert indexed(listing) is None, listing
    assert indexed("conferences/2022-09-23-northern-28-viii")["data-pagefind-weight"] == "2"
    assert indexed("people/ngo-quang-trung") is not None and indexed("places/thanh-hoa") is not None
    assert indexed("")["data-pagefind-weight"] == "0.3", "the home page weighs less than the pages it lists"
