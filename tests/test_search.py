"""Search as readers type it, through the built site's search box in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.locale import LANGUAGES
from bench.search import TOP, load_queries, run

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="module")
def benchmark(site_dir):
    report = run(site_dir)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "search-benchmark.txt").write_text(report.table() + "\n", encoding="utf-8")
    (ARTIFACTS / "search-benchmark.json").write_text(json.dumps(report.summary(), indent=2), encoding="utf-8")
    return report


def test_every_benchmark_query_finds_its_page_in_the_top_three(benchmark):
    missed = [
        f"{r.lang}: {r.query!r} → {r.expect} ranked {r.rank}" for r in benchmark.results if not r.rank or r.rank > TOP
    ]
    assert not missed, "\n".join(missed) + "\n\n" + benchmark.table()
    assert len(benchmark.results) == sum(len(items) for items in load_queries().values())


def test_each_language_searches_only_its_own_pages(benchmark):
    assert benchmark.other_language == 0
    assert all(r.results for r in benchmark.results)


def test_results_show_quickly_after_the_last_keystroke(benchmark):
    """Reported, not judged: the figure goes to test-artifacts/search-benchmark.json."""
    latency = benchmark.latency()
    assert latency and latency["median_ms"] > 0
    assert set(benchmark.bytes_before_first_results) == set(LANGUAGES)
    assert all(size > 0 for size in benchmark.bytes_before_first_results.values())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_typed_marks_rank_the_exact_spelling_above_the_folded_one(site_dir, lang):
    queries = {lang: [{"query": "Hòa", "expect": "places/hoa-binh/"}, {"query": "Hóa", "expect": "places/thanh-hoa/"}]}
    huyen, sac = run(site_dir, queries).results

    def rank(result, path):  # a page not among the results shown ranks below all of them
        return result.results.index(path) if path in result.results else len(result.results)

    assert huyen.rank and sac.rank
    assert rank(huyen, "places/hoa-binh/") < rank(huyen, "places/thanh-hoa/")
    assert rank(sac, "places/thanh-hoa/") < rank(sac, "places/hoa-binh/")


@pytest.mark.parametrize("typed", ["thanh hoa", "THANH HÓA", "Thanh Hoá", "Thanh Ho\u0301a"])
def test_every_way_of_typing_a_name_finds_it(site_dir, typed):
    result = run(site_dir, {"vi": [{"query": typed, "expect": "places/thanh-hoa/"}]}).results[0]
    assert result.rank is not None and result.rank <= TOP, result.results
