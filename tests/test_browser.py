"""The site read in a real browser: Debian's Chromium, driven by Playwright, on localhost."""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from archive.locale import LANGUAGES
from bench.browser import launch, serve
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CONFERENCE = "conferences/2022-09-23-northern-28-viii/"
AXE_PAGES = {
    "home": "",
    "timeline": "timeline/",
    "conference": CONFERENCE,
    "person": "people/ngo-quang-trung/",
    "figures": "figures/",
}
PHONE, DESKTOP = {"width": 375, "height": 812}, {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def browser(site_dir) -> Browser:
    with serve(site_dir) as base, sync_playwright() as playwright:
        chromium = launch(playwright)
        chromium.base_url = base  # type: ignore[attr-defined]
        yield chromium
        chromium.close()


def open_page(browser: Browser, path: str, lang: str = "vi", viewport: dict | None = None) -> Page:
    tab = browser.new_page(viewport=viewport or DESKTOP)
    tab.goto(browser.base_url + ("" if lang == "vi" else "en/") + path)  # type: ignore[attr-defined]
    return tab


def site_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))


TABS = 8
"""Pages loading at once, in tabs of one reader's browser: most of a page's time is the wait for the network to rest."""


def watched_tab(context: BrowserContext, problems: list[str]) -> Page:
    """A tab that notes every console error, script error, failed or refused request, and request to another host."""
    tab = context.new_page()
    tab.on(
        "console", lambda message: message.type == "error" and problems.append(f"{tab.url}: console: {message.text}")
    )
    tab.on("pageerror", lambda error: problems.append(f"{tab.url}: script error: {error}"))
    tab.on("requestfailed", lambda request: problems.append(f"{tab.url}: failed: {request.url}"))
    tab.on(
        "response",
        lambda response: response.status >= 400 and problems.append(f"{tab.url}: {response.status}: {response.url}"),
    )
    host = urlsplit(context.browser.base_url).netloc  # type: ignore[union-attr]
    tab.on(
        "request",
        lambda request: (
            urlsplit(request.url).netloc not in (host, "")
            and problems.append(f"{tab.url}: left localhost: {request.url}")
        ),
    )
    return tab


def test_every_page_loads_without_errors_failed_requests_or_requests_elsewhere(browser, site_dir):
    problems: list[str] = []
    context = browser.new_context()
    tabs = [watched_tab(context, problems) for _ in range(TABS)]
    pages = [path for path in site_pages(site_dir) if path != "./"] + [""]
    loaded = 0
    for start in range(0, len(pages), TABS):
        batch = list(zip(tabs, pages[start : start + TABS], strict=False))
        for tab, path in batch:  # the navigations start together, then each is awaited until its network rests
            tab.goto(browser.base_url + path.removeprefix("./"), wait_until="commit")  # type: ignore[attr-defined]
        for tab, path in batch:
            tab.wait_for_load_state("networkidle")
            assert tab.url.endswith(path.removeprefix("./")), (tab.url, path)
            loaded += 1
    context.close()
    assert not problems, problems[:10]
    assert loaded == len(pages) > 100


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(AXE_PAGES))
def test_no_serious_accessibility_violation_in_light_and_dark(browser, name, lang, scheme):
    tab = open_page(browser, AXE_PAGES[name], lang)
    if scheme == "slate":
        tab.click("label.md-header__button[for^='__palette']:visible")
    tab.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') === '{scheme}'")
    results = Axe().run(tab)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    tab.close()
    assert not serious, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_the_language_switch_leads_to_the_same_conference_and_back(browser):
    tab = open_page(browser, CONFERENCE, "vi")
    vi_title = tab.inner_text("article h1")
    tab.hover(".md-select")
    tab.click("a.md-select__link[hreflang='en']")
    tab.wait_for_url(f"**/en/{CONFERENCE}")
    assert tab.inner_text("article h1") != vi_title
    assert tab.evaluate("() => document.documentElement.lang") == "en"
    tab.hover(".md-select")
    tab.click("a.md-select__link[hreflang='vi']")
    tab.wait_for_url(f"**/{CONFERENCE}")
    assert "/en/" not in tab.url and tab.inner_text("article h1") == vi_title
    tab.close()


def test_the_timeline_shows_every_conference_in_date_order(browser, built_site):
    _, report = built_site
    for lang in LANGUAGES:
        tab = open_page(browser, "timeline/", lang)
        shown = tab.eval_on_selector_all(".timeline li time", "times => times.map(t => t.dateTime)")
        assert shown == [c.date for c in report.archive.conferences]
        assert all(tab.is_visible(f".timeline li:nth-of-type({i + 1})") for i in range(1))
        tab.close()


@pytest.mark.parametrize("path", ["", "timeline/", CONFERENCE, "figures/", "people/ngo-quang-trung/"])
def test_nothing_overflows_a_phone_screen_and_tables_scroll_in_their_own_box(browser, path):
    for lang in LANGUAGES:
        tab = open_page(browser, path, lang, PHONE)
        width = tab.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide"
        for overflow in tab.eval_on_selector_all(
            "article table",
            "ts => ts.map(t => getComputedStyle(t.closest('.md-typeset__scrollwrap') || t.parentElement).overflowX)",
        ):
            assert overflow in ("auto", "scroll")
        tab.close()


def test_search_by_keyboard_alone_with_a_visible_focus(browser):
    tab = open_page(browser, "", "en")
    tab.wait_for_selector("pagefind-modal-trigger button")
    tab.keyboard.press("/")
    tab.wait_for_selector("pagefind-modal input:focus")
    assert tab.evaluate("() => document.querySelector('pagefind-modal dialog').getAttribute('aria-label')")
    tab.keyboard.type("Ngo Quang Trung", delay=30)
    tab.wait_for_selector("pagefind-modal .pf-result-link")
    tab.keyboard.press("ArrowDown")
    tab.wait_for_timeout(200)
    focused = tab.evaluate("() => document.activeElement.className")
    assert "pf-result-link" in focused
    style = tab.evaluate(  # Pagefind draws the focus on the result's card
        "() => { const s = getComputedStyle(document.activeElement.closest('.pf-result-card'));"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor]; }"
    )
    assert style[0] != "none" or style[2] != "none" or style[3] not in ("rgba(0, 0, 0, 0)", "transparent"), style
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/people/ngo-quang-trung/**")
    assert tab.locator("article mark").count() > 0, "the page a result opens marks the words searched for"
    tab.keyboard.press("/")
    tab.wait_for_selector("pagefind-modal input:focus")
    for _ in range(2):  # the first Escape empties the box, the second closes the dialog
        tab.keyboard.press("Escape")
    assert not tab.evaluate("() => document.querySelector('pagefind-modal dialog').open")
    tab.close()


def test_both_palettes_switch_with_the_toggle(browser):
    tab = open_page(browser, CONFERENCE, "en")
    start = tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    tab.click("label.md-header__button[for^='__palette']:visible")
    after = tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert {start, after} == {"default", "slate"}
    tab.close()


def test_screenshots_for_people_to_look_at(browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    taken = []
    for lang in LANGUAGES:
        for name, path in (("home", ""), ("timeline", "timeline/"), ("conference", CONFERENCE)):
            for device, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                tab = open_page(browser, path, lang, viewport)
                target = SCREENSHOTS / f"{name}-{lang}-{device}.png"
                tab.screenshot(path=target, full_page=True)
                taken.append(target)
                tab.close()
    assert all(shot.stat().st_size > 10_000 for shot in taken)
    assert len(taken) == 12


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_dialog_is_accessible_fits_a_phone_and_speaks_the_page_language(browser, lang, scheme):
    tab = open_page(browser, "", lang, PHONE)
    if scheme == "slate":
        tab.click("label.md-header__button[for^='__palette']:visible")
    tab.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') === '{scheme}'")
    tab.evaluate("() => document.activeElement.blur()")  # / types a slash in a focused field, as it should
    tab.wait_for_selector("pagefind-modal-trigger button")
    tab.keyboard.press("/")
    tab.wait_for_selector("pagefind-modal input:focus")
    tab.keyboard.type("thanh hoa", delay=30)
    tab.wait_for_selector("pagefind-modal .pf-result-link")
    tab.wait_for_timeout(400)
    results = Axe().run(tab, context="pagefind-modal")
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
    right = tab.evaluate("() => document.querySelector('pagefind-modal dialog').getBoundingClientRect().right")
    assert right <= PHONE["width"]
    placeholder = tab.get_attribute("pagefind-modal input", "placeholder")
    assert placeholder == ("Tìm kiếm" if lang == "vi" else "Search")
    assert ("kết quả" in tab.inner_text("pagefind-modal pagefind-summary")) == (lang == "vi")
    tab.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_header_does_not_move_when_the_search_script_arrives(browser, viewport):
    """Before Pagefind's script defines its button, the search link holds the button's place: no layout shift."""
    boxes = """() => [...document.querySelectorAll('.md-header__inner > *')]
        .map(e => e.getBoundingClientRect()).filter(r => r.width)
        .map(r => [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)])"""
    before = browser.new_page(viewport=viewport)
    before.route("**/pagefind-component-ui.js", lambda route: route.abort())
    before.goto(browser.base_url + "en/")  # type: ignore[attr-defined]
    after = open_page(browser, "", "en", viewport)
    after.wait_for_selector("pagefind-modal-trigger button")
    assert before.evaluate(boxes) == after.evaluate(boxes)
    before.close()
    after.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_conference_citation_gives_today_as_the_day_of_access(browser, lang):
    tab = open_page(browser, CONFERENCE, lang)
    today = datetime.date.today()
    expected = f"{today.day}/{today.month}/{today.year}" if lang == "vi" else f"{today.day} {today:%B %Y}"
    assert tab.locator(".archive-citation [data-accessed]").inner_text() == expected
    tab.close()
