"""What search engines and shared links read from a page's head: hreflang alternates, Open Graph and
Twitter card tags, and the preview images drawn at build time."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageChops, ImageDraw
from playwright.sync_api import sync_playwright

from archive.locale import LANGUAGES
from archive.social_cards import DETAIL_SIZES, TITLE_SIZES, Card, _font, draw_cards
from bench.browser import launch, serve
from tests.conftest import PUBLISHED_URL as SITE_URL

LOCALES = {"vi": "vi_VN", "en": "en_GB"}


@pytest.fixture(scope="module")
def pages(published) -> list[tuple[str, str, BeautifulSoup]]:
    """Every built page but the 404s: (language, path from the language's root, parsed HTML)."""
    site, _ = published
    found = []
    for file in sorted(site.rglob("index.html")):
        relative = file.parent.relative_to(site).as_posix().removeprefix(".")
        lang = "en" if relative == "en" or relative.startswith("en/") else "vi"
        path = relative.removeprefix("en").strip("/")
        found.append((lang, path + "/" if path else "", BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")))
    return found


def local_file(site: Path, url: str) -> Path:
    """The built file an address of the published site stands for."""
    assert url.startswith(SITE_URL), url
    path = site / urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)
    return path / "index.html" if url.endswith("/") else path


def meta(soup: BeautifulSoup, key: str) -> str:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    assert tag is not None, key
    return tag["content"]


def test_every_page_lists_the_same_page_in_each_language_with_absolute_hreflang(published, pages):
    site, _ = published
    checked = 0
    for lang, path, soup in pages:
        alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
        assert alternates == {
            "vi": SITE_URL + path,
            "en": SITE_URL + "en/" + path,
            "x-default": SITE_URL + path,
        }, (lang, path)
        for url in alternates.values():
            assert local_file(site, url).is_file(), url
        assert soup.find("link", rel="canonical")["href"] == alternates[lang]
        checked += 1
    assert checked > 300


def test_every_page_has_open_graph_and_twitter_card_tags_with_an_image(published, pages):
    _, report = published
    conference_ids = {conference.id for conference in report.archive.conferences}
    for lang, path, soup in pages:
        title = soup.find("meta", attrs={"property": "og:title"})["content"]
        assert title and title in soup.title.string
        assert meta(soup, "og:description") == meta(soup, "description") != ""
        assert meta(soup, "og:url") == soup.find("link", rel="canonical")["href"]
        assert meta(soup, "og:locale") == LOCALES[lang]
        assert meta(soup, "og:locale:alternate") == LOCALES["en" if lang == "vi" else "vi"]
        assert meta(soup, "twitter:card") == "summary_large_image"
        assert meta(soup, "twitter:title") == title
        image = meta(soup, "og:image")
        assert meta(soup, "twitter:image") == image
        own = path.startswith("conferences/") and path.split("/")[1] in conference_ids
        language_root = SITE_URL + ("en/" if lang == "en" else "")
        expected = f"cards/{path.split('/')[1]}.png" if own else "cards/archive.png"
        assert image == language_root + expected, (lang, path)
        assert meta(soup, "og:type") == ("article" if own else "website")


def test_each_conference_has_its_own_preview_image_in_each_language_at_least_1200_by_630(published):
    site, report = published
    drawn: dict[str, bytes] = {}
    for conference in report.archive.conferences:
        for lang in LANGUAGES:
            file = site / ("en" if lang == "en" else "") / "cards" / f"{conference.id}.png"
            with Image.open(file) as image:
                assert image.format == "PNG" and image.width >= 1200 and image.height >= 630
            drawn[f"{lang}/{conference.id}"] = file.read_bytes()
    assert len(set(drawn.values())) == len(drawn), "two pages share a conference's image"
    for lang in LANGUAGES:
        with Image.open(site / ("en" if lang == "en" else "") / "cards" / "archive.png") as image:
            assert (image.width, image.height) == (1200, 630)


def _drawn(font, character: str) -> Image.Image:
    image = Image.new("L", (200, 200))
    ImageDraw.Draw(image).text((20, 20), character, font=font, fill=255)
    return image


def _glyph_missing(font, character: str, notdef: Image.Image) -> bool:
    """A character the font lacks is drawn as nothing, or as the font's .notdef box like a private-use one."""
    drawn = _drawn(font, character)
    return drawn.getbbox() is None or ImageChops.difference(drawn, notdef).getbbox() is None


def test_the_preview_font_has_every_character_the_images_show(published):
    """Every character that the build's preview images show: titles, dates, places and series, in both languages."""
    _, report = published
    shown = {c for card in report.render.cards.values() for c in card.heading + card.title + "".join(card.details)}
    assert {"ộ", "ế", "ự", "Đ", "ơ", "ư"} <= shown
    assert len(report.render.cards) == 2 * (len(report.archive.conferences) + 1)
    for weight, size in (("Bold", TITLE_SIZES[-1]), ("Regular", DETAIL_SIZES[-1]), ("Semibold", 34)):
        font = _font(weight, size)
        notdef = _drawn(font, "\ue000")
        missing = sorted(c for c in shown if not c.isspace() and _glyph_missing(font, c, notdef))
        assert missing == [], (weight, missing)


def test_a_preview_image_is_drawn_again_only_when_what_it_shows_changes(tmp_path):
    first, second = tmp_path / "cards" / "a.png", tmp_path / "cards" / "b.png"
    cards = {first: Card("Lưu trữ", "Hội nghị lần thứ VIII", ("23/9/2022",)), second: Card("Lưu trữ", "Hội nghị", ())}
    assert draw_cards(cards) == 2
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in cards}
    assert draw_cards(cards) == 0
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in cards} == before
    cards[first] = Card("Lưu trữ", "Hội nghị lần thứ IX", ("23/9/2022",))
    second.write_bytes(b"not an image")
    assert draw_cards(cards) == 2
    assert first.read_bytes() != before[first][0] and second.read_bytes() == before[second][0]
    with Image.open(first) as image:
        assert image.mode == "P" and image.size == (1200, 630)


def test_a_404_page_is_not_indexed_and_links_from_the_site_root(published):
    site, _ = published
    for file in (site / "404.html", site / "en" / "404.html"):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        assert meta(soup, "robots") == "noindex"
        assert soup.find("link", rel="canonical") is None
        assert soup.find("link", rel="alternate", hreflang=True) is None
        switch = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
        assert {lang: href.replace("/en/../", "/") for lang, href in switch.items()} == {
            "vi": "/archive/",
            "en": "/archive/en/",
        }
        for a in soup.find_all("a", href=True):
            assert a["href"].startswith(("/archive/", "https://", "#")), a["href"]
            assert "//" not in a["href"].removeprefix("https://"), a["href"]


@pytest.mark.browser
def test_pages_built_for_their_address_request_nothing_from_it_when_served_elsewhere(published):
    """Absolute alternates must not send the theme's script to the published host, or to a sitemap
    that does not exist beside a page; nor does any page download a sitemap, which grows with the archive."""
    site, _ = published
    problems: list[str] = []
    with serve(site, "/archive/") as base, sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_page()
        tab.on("console", lambda message: message.type == "error" and problems.append(message.text))
        tab.on("request", lambda request: request.url.startswith(base) or problems.append(request.url))
        tab.on("request", lambda request: request.url.endswith("sitemap.xml") and problems.append(request.url))
        tab.on("response", lambda response: response.status >= 400 and problems.append(response.url))
        for path in ("", "en/", "conferences/2022-09-23-northern-28-viii/", "en/people/bui-huy-son/"):
            tab.goto(base + path, wait_until="networkidle")
        browser.close()
    assert problems == []
