"""Checking content: JSON Schema and cross-record checks, with messages an editor can act on.

Each test copies the real content/ into a temporary folder and breaks one thing in it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from archive.errors import ContentError, Problem, format_field_path
from archive.records import load_content
from archive.schema import REFERENCE_KINDS
from archive.validate import check
from bench.synthetic import generate

CONTENT = Path(__file__).resolve().parent.parent / "content"
VIII = "conferences/2022-09-23-northern-28-viii.yaml"
X = "conferences/2024-05-17-northern-28-x.yaml"
LOCAL = "conferences/2023-04-18-local-industry-trade.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the real content that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def edit(root: Path, name: str, pattern: str, replacement: str) -> tuple[int, re.Match[str]]:
    """Replace the first match of a (multiline) regex; return the line it starts on, and the match."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, flags=re.MULTILINE)
    assert match, f"{pattern!r} not found in {name}"
    path.write_text(text[: match.start()] + match.expand(replacement) + text[match.end() :], encoding="utf-8")
    return text.count("\n", 0, match.start()) + 1, match


def line_of(root: Path, name: str, pattern: str) -> int:
    text = (root / name).read_text(encoding="utf-8")
    match = re.search(pattern, text, flags=re.MULTILINE)
    assert match, f"{pattern!r} not found in {name}"
    return text.count("\n", 0, match.start()) + 1


def problems(root: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        check(load_content(root))
    return caught.value.problems


def only(found: list[Problem], fragment: str) -> Problem:
    matching = [p for p in found if fragment in p.message]
    assert len(matching) == 1, [p.describe() for p in found]
    return matching[0]


def test_the_real_content_passes() -> None:
    check(load_content(CONTENT))


def test_unknown_field_is_named_with_a_guess_at_its_line(root: Path) -> None:
    line, _ = edit(root, VIII, r"^venue:$", "venu:")
    problem = only(problems(root), "unknown field 'venu'")
    assert problem.hint == "did you mean 'venue'?"
    assert (problem.file.name, problem.line, problem.column) == (Path(VIII).name, line, 1)
    assert problem.field == ("venu",)


def test_every_unknown_field_of_one_group_is_reported(root: Path) -> None:
    line, _ = edit(root, VIII, r"^(format: .*)$", r"\1\nvenu: x\nhots: y")
    found = problems(root)
    assert only(found, "unknown field 'venu'").line == line + 1
    assert only(found, "unknown field 'hots'").line == line + 2
    assert only(found, "unknown field 'hots'").hint == "did you mean 'hosts'?"


def test_unknown_field_far_from_any_lists_the_allowed_ones(root: Path) -> None:
    edit(root, VIII, r"^venue:\n  place: .*$", "venue:\n  place: thanh-hoa\n  zzz: 1")
    problem = only(problems(root), "unknown field 'zzz'")
    assert problem.field == ("venue", "zzz")
    assert problem.hint.startswith("allowed fields: ")
    assert "hall" in problem.hint


def test_misspelt_field_inside_a_one_of_group_is_named(root: Path) -> None:
    line, _ = edit(root, VIII, r"^venue:\n  place: .*$", "venue:\n  place: thanh-hoa\n  hal: {vi: a, en: b}")
    problem = only(problems(root), "unknown field 'hal'")
    assert problem.hint == "did you mean 'hall'?"
    assert (problem.field, problem.line) == (("venue", "hal"), line + 2)


def test_text_missing_a_language_is_a_required_field_at_its_path(root: Path) -> None:
    edit(root, VIII, r'^  en: ".*"\n', "")
    problem = only(problems(root), "the required field 'en' is missing")
    assert problem.field == ("title",)
    assert problem.line == line_of(root, VIII, r"^title:$")


def test_blank_text_is_reported_as_empty(root: Path) -> None:
    line, _ = edit(root, VIII, r'^(\s+)vi: ".*"$', r'\1vi: "   "')
    problem = only(problems(root), "the text is empty")
    assert problem.field[-1] == "vi"
    assert problem.line == line


def test_empty_string_is_reported(root: Path) -> None:
    line, _ = edit(root, VIII, r'^(\s+)en: ".*"$', r'\1en: ""')
    problem = only(problems(root), "must not be empty")
    assert problem.field[-1] == "en"
    assert problem.line == line


def test_number_written_the_vietnamese_way_is_not_a_number(root: Path) -> None:
    line, _ = edit(root, VIII, r"^(\s+value: )[0-9.]+$", r'\1"1.612,9"')
    problem = only(problems(root), "expected a number")
    assert "'1.612,9'" in problem.message
    assert problem.field[0] == "figures" and problem.field[-1] == "value"
    assert isinstance(problem.field[1], int)
    assert problem.line == line


def test_unquoted_year_is_refused_but_quoted_year_passes(root: Path) -> None:
    edit(root, VIII, r"^date: .*$", "date: 2022")
    problem = only(problems(root), "expected text")
    assert problem.field == ("date",)
    edit(root, VIII, r"^date: .*$", 'date: "2022"')
    check(load_content(root))


def test_impossible_day_is_not_a_real_date(root: Path) -> None:
    line, _ = edit(root, VIII, r"^(\s+date: )\d{4}-\d{2}-\d{2}$", r"\g<1>2023-02-30")
    problem = only(problems(root), "2023-02-30 is not a real date")
    assert problem.field[-1] == "date"
    assert problem.line == line


def test_impossible_month_in_a_period_is_not_a_real_date(root: Path) -> None:
    line, _ = edit(root, VIII, r"from: \d{4}-\d{2}", "from: 2022-13")
    problem = only(problems(root), "2022-13 is not a real date")
    assert problem.field[0] == "figures" and problem.field[-2:] == ("period", "from")
    assert problem.line == line


def test_period_that_ends_before_it_starts(root: Path) -> None:
    line, _ = edit(root, VIII, r"period:\n\s+from: \S+\n\s+to: \S+", "period: {from: 2022-10, to: 2022-09}")
    problem = only(problems(root), "the period ends before it starts")
    assert problem.field[-1] == "period"
    assert problem.line == line


def test_day_month_year_date_is_refused_by_its_pattern(root: Path) -> None:
    line, _ = edit(root, VIII, r"^date: .*$", "date: 23/9/2022")
    problem = only(problems(root), "'23/9/2022' is not valid")
    assert "ISO date" in problem.message
    assert problem.hint == "for example 2022-09-23"
    assert (problem.field, problem.line) == (("date",), line)


def test_enum_value_gets_a_guess(root: Path) -> None:
    edit(root, VIII, r"^format: .*$", "format: inperson")
    problem = only(problems(root), "expected one of in-person, online, hybrid, unknown")
    assert problem.hint == "did you mean 'in-person'?"


@pytest.mark.parametrize(
    ("pattern", "kind"),
    [
        (r"^(\s+- person: )(\S+)$", "people"),
        (r"^(  place: )(\S+)$", "places"),
        (r"^(\s+- metric: )(\S+)$", "metrics"),
        (r"^(series: )(\S+)$", "series"),
        (r"^(  - )(\S+)$", "organizations"),
    ],
)
def test_misspelt_reference_gets_a_guess(root: Path, pattern: str, kind: str) -> None:
    line, match = edit(root, VIII, pattern, r"\1\2x")
    problem = only(problems(root), f"unknown {REFERENCE_KINDS[kind]} id '{match[2]}x'")
    assert problem.hint == f"did you mean '{match[2]}'? If '{match[2]}x' is new, add it to content/{kind}.yaml"
    assert problem.line == line


def test_reference_unlike_any_id_says_where_to_define_it(root: Path) -> None:
    line, _ = edit(root, VIII, r"^(\s+- person: )(\S+)$", r"\1zzzz-qqqq")
    problem = only(problems(root), "unknown person id 'zzzz-qqqq'")
    assert problem.hint == "if 'zzzz-qqqq' is new, add it to content/people.yaml"
    assert problem.field[-1] == "person"
    assert problem.line == line


def test_reference_files_are_checked_against_each_other(root: Path) -> None:
    line, match = edit(root, "organizations.yaml", r"^(  part_of: )(\S+)$", r"\1\2x")
    problem = only(problems(root), f"unknown organization id '{match[2]}x'")
    assert problem.file.name == "organizations.yaml"
    assert problem.field[-1] == "part_of"
    assert problem.line == line


def test_a_misspelt_required_field_is_reported_once_as_the_misspelling(root: Path) -> None:
    line, _ = edit(root, "people.yaml", r"^  name: ", "  nam: ")
    found = problems(root)
    assert only(found, "unknown field 'nam'").line == line
    assert only(found, "unknown field 'nam'").hint == "did you mean 'name'?"
    assert not [p for p in found if "the required field 'name' is missing" in p.message]


def test_a_missing_required_field_without_a_misspelling_is_reported(root: Path) -> None:
    edit(root, "people.yaml", r"^  name: ", "  # name: ")
    assert only(problems(root), "the required field 'name' is missing").file.name == "people.yaml"


def test_id_that_is_not_a_slug_is_located_at_that_id(root: Path) -> None:
    line, _ = edit(root, "places.yaml", r"^thanh-hoa:$", "Thanh-Hoa:")
    problem = only(problems(root), "'Thanh-Hoa' is not valid")
    assert "lowercase ASCII slug" in problem.message
    assert (problem.field, problem.line) == (("Thanh-Hoa",), line)


def test_id_different_from_the_file_name(root: Path) -> None:
    line, _ = edit(root, VIII, r"^id: .*$", "id: 2022-09-23-northern-28-8")
    problem = only(problems(root), "differs from the file name")
    assert "'2022-09-23-northern-28-8'" in problem.message
    assert "2022-09-23-northern-28-8.yaml" in problem.hint
    assert "id: 2022-09-23-northern-28-viii" in problem.hint
    assert (problem.field, problem.line) == (("id",), line)


def test_id_that_does_not_start_with_the_date(root: Path) -> None:
    edit(root, VIII, r"^date: .*$", "date: 2022-09-24")
    problem = only(problems(root), "the id must start with the date 2022-09-24")
    assert problem.field == ("id",)


def test_two_records_with_the_same_id(root: Path) -> None:
    shutil.copy(root / VIII, root / "conferences" / "2022-09-23-northern-28-viii-copy.yaml")
    found = problems(root)
    problem = only(found, "is also used by")
    assert "'2022-09-23-northern-28-viii'" in problem.message
    names = {problem.file.name, problem.message.rsplit(" ", 1)[-1]}
    assert names == {"2022-09-23-northern-28-viii.yaml", "2022-09-23-northern-28-viii-copy.yaml"}


def test_same_edition_twice_in_a_series(root: Path) -> None:
    line, _ = edit(root, X, r"^edition: .*$", "edition: 8")
    problem = only(problems(root), "edition 8 is also 2022-09-23-northern-28-viii.yaml")
    assert (problem.file.name, problem.field, problem.line) == (Path(X).name, ("edition",), line)


def test_edition_in_a_series_that_does_not_number_them(root: Path) -> None:
    edit(root, LOCAL, r"^(series: .*)$", r"\1\nedition: 3")
    problem = only(problems(root), "does not number its editions")
    assert "numbered: true" in problem.hint


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "ftp://moit.gov.vn/", "https://moit.gov.vn/a b", 'https://x/"><script>', "//moit.gov.vn"],
)
def test_web_address_that_is_not_http_is_refused(root: Path, url: str) -> None:
    line, _ = edit(root, X, r"url: \S+", "url: '" + url + "'")
    problem = only(problems(root), "is not valid: expected an http or https address")
    assert problem.field[-1] == "url"
    assert problem.line == line


def test_all_problems_of_all_files_are_reported_at_once(root: Path) -> None:
    edit(root, VIII, r"^venue:$", "venu:")
    edit(root, X, r"^edition: .*$", 'edition: "ten"')
    edit(root, LOCAL, r"^(\s+- person: )(\S+)$", r"\1zzzz-qqqq")
    found = problems(root)
    assert only(found, "unknown field 'venu'").file.name == Path(VIII).name
    assert only(found, "expected a whole number").file.name == Path(X).name
    assert only(found, "unknown person id 'zzzz-qqqq'").file.name == Path(LOCAL).name
    assert found == sorted(found, key=lambda p: (str(p.file), p.line, p.column))


def test_a_broken_reference_file_and_a_broken_record_are_reported_together(root: Path) -> None:
    edit(root, "people.yaml", r"^  name: ", "  nam: ")
    edit(root, X, r"^edition: .*$", 'edition: "ten"')
    files = {p.file.name for p in problems(root)}
    assert files == {"people.yaml", Path(X).name}


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ((), ""),
        (("id",), "id"),
        (("figures", 2, "value"), "figures[2].value"),
        (("chairs", 0, "role", "vi"), "chairs[0].role.vi"),
        (("hosts", 1), "hosts[1]"),
        ((0, "x"), "[0].x"),
    ],
)
def test_format_field_path(path: tuple, text: str) -> None:
    assert format_field_path(path) == text


def test_problem_describes_itself_relative_to_the_content_folder(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "conferences" / "a.yaml", 3, 5, ("figures", 2, "value"), "expected a number", "1612.9")
    assert problem.describe(tmp_path) == "conferences/a.yaml:3:5: figures[2].value: expected a number (hint: 1612.9)"
    bare = Problem(tmp_path / "a.yaml", 1, 1, (), "the file is missing")
    assert bare.describe(tmp_path) == "a.yaml:1:1: the file is missing"
    assert bare.describe(tmp_path / "elsewhere").startswith(str(tmp_path / "a.yaml"))


@pytest.mark.parametrize(
    ("broken", "message"),
    [("format: online: yes", "mapping values"), ("format: onsite", "onsite")],
    ids=["unreadable YAML", "a value the schema refuses"],
)
def test_problems_in_the_first_and_last_of_many_files_are_reported_in_place(
    tmp_path: Path, broken: str, message: str
) -> None:
    content = generate(tmp_path, 72)
    files = sorted((content / "conferences").glob("*.yaml"))
    first, last = files[0].name, files[-1].name
    lines = {name: edit(content, f"conferences/{name}", r"^format: .*$", broken)[0] for name in (first, last)}
    found = problems(content)
    assert [(p.file.name, p.line) for p in found] == [(first, lines[first]), (last, lines[last])]
    assert all(message in p.describe() for p in found), [p.describe() for p in found]
