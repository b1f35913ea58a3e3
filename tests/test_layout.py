"""One layout for every content file, whoever wrote it: same data, schema order, one change one diff."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archive.layout import SCHEMA_LINE, kind_of, laid_out, layout_problems
from archive.records import load
from archive.schema import below
from tests.conftest import ROOT

CONTENT = ROOT / "content"
FILES = sorted(CONTENT.rglob("*.yaml"), key=lambda path: path.relative_to(CONTENT).as_posix())
RECORD = CONTENT / "conferences" / "2022-09-23-northern-28-viii.yaml"


def foreign(data: object) -> str:
    """The data as another tool writes it: no schema line, keys sorted, long lines folded, its own quoting."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=60, default_flow_style=False)


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def without_comments(text: str) -> str:
    """The text without its comments (and the blank lines around them) but the schema line: another tool drops them."""
    first, _, rest = text.partition("\n")
    kept = [line for line in rest.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    return "\n".join([first, *kept, ""])


def test_every_content_file_keeps_the_layout():
    assert layout_problems(CONTENT) == []


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.relative_to(CONTENT).as_posix())
def test_whatever_wrote_a_file_laying_it_out_gives_the_committed_file(path: Path):
    """Keys sorted, lines folded, first line lost, other quotes: the layout restores the file byte for byte.
    (The entries of a reference file stay in the order their editors gave them.)"""
    text, data = path.read_text(encoding="utf-8"), load(path).data
    rewritten = foreign(data) if kind_of(path) == "conference" else "".join(foreign({k: v}) for k, v in data.items())
    assert rewritten != without_comments(text)
    assert laid_out(rewritten, kind_of(path)) == without_comments(text)


def test_keys_follow_the_schema_at_every_depth():
    top = [field.path[-1] for field in below("conference", ())]
    chair = [field.path[-1] for field in below("conference", ("chairs", "*"))]
    data = load(RECORD).data
    assert list(data) == [key for key in top if key in data]
    assert all(list(item) == [key for key in chair if key in item] for item in data["chairs"])
    assert RECORD.read_text(encoding="utf-8").startswith(SCHEMA_LINE["conference"] + "\n")


def test_a_change_to_one_field_changes_only_its_lines():
    text = RECORD.read_text(encoding="utf-8")
    data = load(RECORD).data
    data["summary"]["en"] = "A new English summary, written as a web form would save it."
    data["chairs"][1]["role"]["vi"] = "Phó Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa"
    after = laid_out(foreign(data), "conference")
    assert changed_lines(text, after) == [
        f'-  en: "{load(RECORD).data["summary"]["en"]}"',
        '+  en: "A new English summary, written as a web form would save it."',
        '-      vi: "Phó Chủ tịch UBND tỉnh Thanh Hóa"',
        '+      vi: "Phó Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa"',
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
@example("0E0")  # a number to YAML 1.2, text to YAML 1.1 as the records are read: found by this test
def test_any_text_reads_back_as_the_same_text(value: str):
    """Text that plain YAML would read as something else (10:30, yes, 2016, ~, #x) is quoted."""
    path = RECORD.parent / "x.yaml"
    text = laid_out(yaml.safe_dump({"id": value, "summary": {"en": value}}, allow_unicode=True), "conference")
    assert load(path, text).data == {"id": value, "summary": {"en": value}}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "build.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_check_names_the_line_to_fix_and_format_fixes_it(content_copy: Path):
    record = content_copy / "conferences" / RECORD.name
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("format: in-person\n", "format: 'in-person'\n"), encoding="utf-8")
    line = text.split("\n").index("format: in-person") + 1

    checked = run("check", "--content", str(content_copy))
    assert checked.returncode == 1
    assert f"{RECORD.name}:{line}:1: the file is not laid out the project's way" in checked.stderr
    assert "should read: format: in-person" in checked.stderr
    assert "python build.py format" in checked.stderr

    formatted = run("format", "--content", str(content_copy))
    assert formatted.returncode == 0 and f"Laid out {record}" in formatted.stdout
    assert record.read_text(encoding="utf-8") == text
    assert run("check", "--content", str(content_copy)).returncode == 0


def test_format_leaves_a_file_that_is_not_yaml_as_it_is(content_copy: Path):
    broken = content_copy / "conferences" / RECORD.name
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    result = run("format", "--content", str(content_copy))
    assert result.returncode == 1 and "not YAML, left as it is" in result.stderr
    assert broken.read_text(encoding="utf-8") == "id: [unclosed\n"
