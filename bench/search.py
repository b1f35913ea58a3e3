"""Search relevance and speed, measured through the built site's own search box (Pagefind's dialog,
opened with /) in headless Chromium.

Usage: python -m bench.search [--site DIR] [--json FILE]   (builds the site first when --site is not given)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page, sync_playwright

from archive.locale import LANGUAGES
from bench.browser import launch, serve

QUERIES = Path(__file__).resolve().parent / "search_queries.yaml"
TOP = 3

RESULTS = "pagefind-modal pagefind-results"
READY = "pagefind-modal-trigger button"
"""The search button, drawn once Pagefind's interface has started: then / opens the dialog."""
INPUT = "pagefind-modal input"
DIALOG = "pagefind-modal dialog"
_WATCH_RESULTS = """() => {
  const list = document.querySelector("pagefind-modal pagefind-modal-body")
  window.__archiveSearch = { lastKey: 0, lastChange: 0 }
  document.addEventListener("keydown", () => {
    window.__archiveSearch.lastKey = performance.now()
    window.__archiveSearch.lastChange = 0
  }, true)
  new MutationObserver(() => {
    const state = window.__archiveSearch
    if (state.lastKey) state.lastChange = performance.now()
  }).observe(list, { childList: true, subtree: true })
}"""


@dataclass
class QueryResult:
    """What one query found: the rank of the expected page (None if absent) and how fast."""

    lang: str
    query: str
    expect: str
    rank: int | None
    results: list[str]
    other_language: int
    latency_ms: float | None


@dataclass
class Report:
    """Every query's result, and the figures over all of them."""

    results: list[QueryResult] = field(default_factory=list)
    bytes_before_first_results: dict[str, int] = field(default_factory=dict)
    """By language: everything transferred from opening the home page to the first query's results."""

    @property
    def top3_share(self) -> float:
        found = [r for r in self.results if r.rank is not None and r.rank <= TOP]
        return len(found) / len(self.results) if self.results else 0.0

    @property
    def other_language(self) -> int:
        return sum(r.other_language for r in self.results)

    def latency(self) -> dict[str, float]:
        values = sorted(r.latency_ms for r in self.results if r.latency_ms is not None)
        if not values:
            return {}
        return {
            "median_ms": round(statistics.median(values), 1),
            "p90_ms": round(values[int(0.9 * (len(values) - 1))], 1),
            "max_ms": round(values[-1], 1),
        }

    def summary(self) -> dict[str, object]:
        return {
            "queries": len(self.results),
            "top3_share": round(self.top3_share, 3),
            "other_language_results": self.other_language,
            "results_settled_after_last_keystroke": self.latency(),
            "bytes_before_first_results": self.bytes_before_first_results,
        }

    def table(self) -> str:
        lines = [f"{'lang':4}  {'rank':>4}  {'ms':>6}  {'other':>5}  query → expected page"]
        for r in self.results:
            rank = str(r.rank) if r.rank is not None else "-"
            ms = f"{r.latency_ms:.0f}" if r.latency_ms is not None else "-"
            lines.append(f"{r.lang:4}  {rank:>4}  {ms:>6}  {r.other_language:>5}  {r.query} → {r.expect}")
        summary = self.summary()
        lines.append(
            f"top {TOP}: {summary['top3_share']:.0%} of {summary['queries']} queries; "
            f"results from the other language: {summary['other_language_results']}; "
            f"results settled after the last keystroke: {summary['results_settled_after_last_keystroke']}; "
            f"transferred before the first results: {summary['bytes_before_first_results']}"
        )
        return "\n".join(lines)


def load_queries(path: Path = QUERIES) -> dict[str, list[dict[str, str]]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _page_path(href: str, base: str, lang: str) -> tuple[str, bool]:
    """A result's page path without language prefix, and whether it belongs to the other language."""
    path = urlsplit(href).path[len(urlsplit(base).path) :]
    in_english = path.startswith("en/")
    if in_english:
        path = path[len("en/") :]
    return path, in_english != (lang == "en")


def _search(page: Page, query: str) -> float | None:
    """Type a query as a reader does; return ms from the last keystroke until the results settle.

    The last change of the result list counts, not the first: an earlier keystroke's results may
    still arrive after the last key, and the reader waits for the final ones."""
    closed = f"() => !document.querySelector('{DIALOG}').open"
    while not page.evaluate(closed):  # Escape empties the box first, then closes the dialog (which empties it)
        page.keyboard.press("Escape")
        page.wait_for_timeout(50)
    page.keyboard.press("/")
    page.wait_for_selector(f"{INPUT}:focus")
    page.keyboard.press("Control+A")  # the box may still hold the last query
    page.keyboard.press("Backspace")
    page.keyboard.type(query, delay=40)
    _wait_for_results_of(page, query)
    state = page.evaluate("() => window.__archiveSearch")
    return state["lastChange"] - state["lastKey"]


def _wait_for_results_of(page: Page, query: str) -> None:
    """Until the dialog shows the results of the whole query (its summary names the query) and has
    drawn nothing more for 300 ms: Pagefind draws the list as each result's text arrives."""
    page.wait_for_function(
        "q => (document.querySelector('pagefind-modal pagefind-summary')?.textContent || '').includes(q)",
        arg=f"{query.strip()}",
        timeout=10_000,
    )
    page.wait_for_function("() => performance.now() - window.__archiveSearch.lastChange > 300", timeout=10_000)


def run(site: Path, queries: dict[str, list[dict[str, str]]] | None = None) -> Report:
    """Run every query through each language's search box on the built site."""
    queries = queries or load_queries()
    report = Report()
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for lang, items in queries.items():
            page = browser.new_page()
            sizes = _count_transfers(page)
            page.goto(base + ("" if lang == "vi" else "en/"))
            page.wait_for_selector(READY)
            page.evaluate(_WATCH_RESULTS)
            for item in items:
                latency = _search(page, item["query"])
                report.bytes_before_first_results.setdefault(lang, sum(sizes))
                hrefs = page.eval_on_selector_all(f"{RESULTS} .pf-result-link", "links => links.map(a => a.href)")
                found = [_page_path(href, base, lang) for href in hrefs]
                pages = list(dict.fromkeys(path.split("#")[0] for path, _ in found))
                rank = pages.index(item["expect"]) + 1 if item["expect"] in pages else None
                report.results.append(
                    QueryResult(lang, item["query"], item["expect"], rank, pages, sum(o for _, o in found), latency)
                )
            page.close()
        browser.close()
    return report


def _count_transfers(page: Page) -> list[int]:
    """The sizes of every response the page receives from now on, as they arrive (bytes on the wire)."""
    sizes: list[int] = []
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.on("Network.loadingFinished", lambda event: sizes.append(event["encodedDataLength"]))
    return sizes


@dataclass
class FirstSearch:
    """A reader's first search on a fresh visit: what it cost and how long it took."""

    lang: str
    bytes_before_first_results: int
    """Everything transferred from opening the home page to the first results, the page included."""
    ms_after_last_keystroke: float
    seconds_from_opening: float


def first_search(site: Path, query: str, cpu_slowdown: float = 1) -> list[FirstSearch]:
    """For each language: open the home page afresh, type a query, and measure until the first results.

    cpu_slowdown slows the browser's CPU as Lighthouse does for a mid-range phone (4)."""
    found = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for lang in LANGUAGES:
            page = browser.new_page()
            sizes = _count_transfers(page)
            if cpu_slowdown != 1:
                page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
            started = time.perf_counter()
            page.goto(base + ("" if lang == LANGUAGES[0] else f"{lang}/"))
            page.wait_for_selector(READY)
            page.evaluate(_WATCH_RESULTS)
            page.keyboard.press("/")
            page.wait_for_selector(f"{INPUT}:focus")
            page.keyboard.type(query, delay=40)
            _wait_for_results_of(page, query)
            seconds = time.perf_counter() - started
            state = page.evaluate("() => window.__archiveSearch")
            found.append(FirstSearch(lang, sum(sizes), state["lastChange"] - state["lastKey"], seconds))
            page.close()
        browser.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--synthetic", type=int, metavar="N", help="build a synthetic archive of N records instead")
    parser.add_argument("--first", metavar="QUERY", help="measure a reader's first search, with this query, instead")
    parser.add_argument("--cpu-slowdown", type=float, default=1, help="slow the browser's CPU (Lighthouse: 4)")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        site = args.site
        if site is None:
            from archive.pipeline import DEFAULT_CONTENT, build
            from bench.synthetic import generate

            content = generate(Path(temporary), args.synthetic) if args.synthetic else DEFAULT_CONTENT
            site = Path(temporary) / "site"
            build(content, out_dir=site, work_dir=Path(temporary) / "work")
        if args.first:
            found = first_search(site, args.first, args.cpu_slowdown)
            for first in found:
                print(
                    f"{first.lang}: {first.bytes_before_first_results / 1024:.0f} KB before the first results, "
                    f"{first.ms_after_last_keystroke:.0f} ms after the last keystroke, "
                    f"{first.seconds_from_opening:.1f} s from opening the page"
                )
            if args.json:
                args.json.write_text(json.dumps([asdict(f) for f in found], indent=2), encoding="utf-8")
            return 0
        report = run(site)
    print(report.table())
    if args.json:
        payload = {"summary": report.summary(), "results": [asdict(r) for r in report.results]}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if report.top3_share == 1.0 and report.other_language == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
