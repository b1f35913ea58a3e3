"""A smoke run of the performance benchmark on a tiny archive (the real one is `make bench`)."""

from __future__ import annotations

import json

import pytest

from bench.performance import edit_summary, main


def test_the_benchmark_times_a_full_build_and_a_preview_rebuild_that_shows_the_edit(tmp_path, capsys):
    """The preview driver exits with an error unless the rebuilt page shows the edit, so a run that
    finishes means this checkout's preview (old API or new) really rebuilt the edited page."""
    report = tmp_path / "bench.json"
    assert main(["--sizes", "5", "--repeat", "1", "--json", str(report)]) == 0
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert set(figures) >= {"machine", "checkouts", "repeat", "results", "goals"}
    assert list(figures["checkouts"]) == ["new"] and figures["repeat"] == 1
    [result] = figures["results"]
    assert result["conferences"] == 5
    for figure in ("full_build_s", "preview_rebuild_s"):
        assert list(result[figure]) == ["new"]
        assert isinstance(result[figure]["new"], float) and result[figure]["new"] > 0, result
    assert result["full_build_ratio"] is None, "no old checkout to compare with"
    goals = figures["goals"]
    assert goals["full build new <= 1.2 x old at N=5"] is None
    assert isinstance(goals["preview rebuild new <= 2.5 s at N=5"], bool)
    printed = capsys.readouterr().out
    assert "full build s" in printed and "preview rebuild s" in printed
    assert all(goal in printed for goal in goals)


@pytest.mark.parametrize("quote", ['"', "'", ""], ids=["double-quoted", "single-quoted", "plain"])
def test_the_edit_goes_into_the_vietnamese_summary(tmp_path, quote):
    record = tmp_path / "record.yaml"
    record.write_text(f"title:\n  vi: {quote}Tên{quote}\nsummary:\n  vi: {quote}Tóm tắt.{quote}\n", encoding="utf-8")
    edit_summary(record, "Sửa lần 1.")
    expected = f"title:\n  vi: {quote}Tên{quote}\nsummary:\n  vi: {quote}Sửa lần 1. Tóm tắt.{quote}\n"
    assert record.read_text(encoding="utf-8") == expected


def test_a_record_without_a_vietnamese_summary_is_not_silently_left_unedited(tmp_path):
    record = tmp_path / "record.yaml"
    record.write_text("summary:\n  en: Summary.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no Vietnamese summary"):
        edit_summary(record, "Sửa lần 1.")
