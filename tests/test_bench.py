"""A smoke run of the performance benchmark on small archives (the real one is `make bench`)."""

from __future__ import annotations

import pytest
import yaml

from archive.workers import MANY_FILES
from bench.performance import goals, measure, table
from bench.steps import STEPS, fastest, libyaml_floor
from bench.synthetic import generate


def test_the_benchmark_measures_every_figure_on_small_archives(tmp_path):
    results = [measure(n, tmp_path, repeat=1) for n in (12, 24)]
    for result in results:
        assert result.records_per_s > 0 and result.warm_records_per_s > 0 and result.one_edit_records_per_s > 0
        assert all(getattr(result, f"{step}_s") > 0 for step in STEPS)
        assert 0 < result.libyaml_s < result.render_cold_s
        assert result.pages_written_after_one_edit == 1, "the edited conference's Vietnamese page"
        assert result.full_build_s > 0 and result.plain_mkdocs_s > 0 and result.ratio_to_plain > 0
        assert 0 < result.peak_memory_mb < 24 * 1024
        assert result.conference_page_kb > 1 and result.search_index_kb > 1 and result.output_mb > 0
        assert result.markdown_rewritten_on_rebuild >= 1
        assert result.preview_after_one_edit_s > 0
        assert result.search_results_vi_s > 0 and result.search_results_en_s > 0
        # Plain MkDocs builds the same Markdown into a folder of its own, which the build never deletes.
        plain_site = tmp_path / f"n{result.conferences}" / "plain-site"
        assert (plain_site / "vi" / "index.html").is_file() and (plain_site / "en" / "index.html").is_file()
    small, larger = results
    assert larger.search_index_kb > small.search_index_kb
    assert "conference page does not grow with N" in goals(results)
    assert str(small.conferences) in table(results)


def test_the_cold_render_steps_are_timed_one_by_one(tmp_path):
    seconds = fastest(generate(tmp_path, 12), repeat=1)
    assert list(seconds) == list(STEPS)
    assert all(value > 0 for value in seconds.values()), seconds


@pytest.mark.parametrize("n", [12, MANY_FILES + 8], ids=["in this process", "on every core"])
def test_the_libyaml_floor_loads_every_record(tmp_path, n):
    content = generate(tmp_path, n)
    assert libyaml_floor(content) > 0
    last = sorted((content / "conferences").glob("*.yaml"))[-1]
    last.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        libyaml_floor(content)
