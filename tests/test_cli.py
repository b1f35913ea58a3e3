"""The command line as an editor runs it: messages, exit codes, and an output folder never half-written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archive.records import load
from archive.validate import schema_problems

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "build.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def break_record(content: Path, old: str, new: str, name: str = "2022-09-23-northern-28-viii.yaml") -> Path:
    record = content / "conferences" / name
    text = record.read_text(encoding="utf-8")
    assert old in text
    record.write_text(text.replace(old, new, 1), encoding="utf-8")
    return record


def test_check_passes_on_the_archive():
    result = run("check")
    assert result.returncode == 0, result.stderr
    records = len(list((ROOT / "content" / "conferences").glob("*.yaml")))
    assert f"OK: {records} conferences" in result.stdout


def test_check_reports_every_problem_with_file_line_and_field(content_copy: Path):
    record = break_record(content_copy, "date: 2022-09-23", "date: 2022-09-23\nvenu: x")
    break_record(content_copy, "series: northern-28", "series: northern-29", "2024-05-17-northern-28-x.yaml")
    result = run("check", "--content", str(content_copy))
    assert result.returncode == 1
    line = record.read_text(encoding="utf-8").splitlines().index("venu: x") + 1
    assert (
        f"2022-09-23-northern-28-viii.yaml:{line}:1: venu: unknown field 'venu' (hint: did you mean 'venue'?)"
        in result.stderr
    )
    assert "2024-05-17-northern-28-x.yaml:" in result.stderr and "unknown series id 'northern-29'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path: Path, content_copy: Path):
    out = tmp_path / "site"
    assert run("build", "--content", str(content_copy), "--out", str(out)).returncode == 0
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*")}
    break_record(content_copy, "value: 1612.9", "value: '1.612,9'")
    result = run("build", "--content", str(content_copy), "--out", str(out))
    assert result.returncode == 1
    assert "figures[2].value: expected a number" in result.stderr
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*")} == before


@pytest.mark.parametrize("out", [".", "content", "..", "content/conferences"])
def test_build_refuses_to_write_over_the_sources(out: str):
    before = sorted(p.name for p in (ROOT / "content").iterdir())
    result = run("build", "--out", out)
    assert result.returncode == 1
    assert "refusing to build into" in result.stderr
    assert sorted(p.name for p in (ROOT / "content").iterdir()) == before


def test_new_writes_a_valid_skeleton_and_check_names_what_is_left_to_fill(content_copy: Path):
    result = run(
        "new",
        "--content",
        str(content_copy),
        "--date",
        "2026-05-20",
        "--series",
        "northern-28",
        "--title-vi",
        "Hội nghị thử",
        "--title-en",
        "A test conference",
        "--slug",
        "northern-28-xii",
    )
    assert result.returncode == 0, result.stderr
    record = content_copy / "conferences" / "2026-05-20-northern-28-xii.yaml"
    assert record.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/conference.schema.json"
    )
    assert not schema_problems(load(record), "conference")
    checked = run("check", "--content", str(content_copy))
    assert checked.returncode == 1
    left = [line.split(": ")[1] for line in checked.stderr.splitlines() if "xii.yaml:" in line]
    assert left == ["summary.vi", "summary.en", "sources[0].url"]
    assert "unfinished: the text still says TODO" in checked.stderr
