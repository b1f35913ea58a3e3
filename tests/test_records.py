"""Loading YAML records: positions, refusals of unsafe or ambiguous YAML, encodings."""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path

import pytest
import yaml

from archive import records
from archive.errors import ContentError, Problem
from archive.records import MAX_FILE_BYTES, load, load_content
from archive.schema import REFERENCE_KINDS

BAD_RECORDS = Path(__file__).resolve().parent / "bad_records"


def write(folder: Path, text: str | bytes, name: str = "record.yaml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load(path)
    return caught.value.problems


POSITIONED = """\
id: 2022-09-23-example
venue:
  place: thanh-hoa
figures:
  - metric: iip
    value: 10.3
  - metric: retail-sales
    value: 1612.9
    period: {from: 2022-01, to: 2022-09}
"""


def test_scalar_positions_point_at_the_value(tmp_path: Path) -> None:
    document = load(write(tmp_path, POSITIONED))
    assert document.position(("id",)) == (1, 5)
    assert document.position(("venue", "place")) == (3, 10)
    assert document.position(("figures", 0, "value")) == (6, 12)
    assert document.position(("figures", 1, "value")) == (8, 12)
    assert document.position(("figures", 1, "period", "to")) == (9, 33)


def test_block_positions_point_at_the_key_or_the_list_item(tmp_path: Path) -> None:
    document = load(write(tmp_path, POSITIONED))
    assert document.position(("venue",)) == (2, 1)
    assert document.position(("figures",)) == (4, 1)
    assert document.position(("figures", 1)) == (7, 5)


def test_position_of_an_absent_field_is_its_nearest_parent(tmp_path: Path) -> None:
    document = load(write(tmp_path, POSITIONED))
    assert document.position(("figures", 1, "unit")) == (7, 5)
    assert document.position(("figures", 5, "value")) == (4, 1)
    assert document.position(("nothing", "here")) == (1, 1)


def test_problem_is_located_at_its_field(tmp_path: Path) -> None:
    path = write(tmp_path, POSITIONED)
    problem = load(path).problem(("figures", 1, "value"), "expected a number", "write 1612.9")
    assert (problem.file, problem.line, problem.column) == (path, 8, 12)
    assert problem.field == ("figures", 1, "value")
    assert problem.hint == "write 1612.9"


def test_unquoted_dates_and_timestamps_stay_text(tmp_path: Path) -> None:
    document = load(
        write(
            tmp_path,
            "date: 2022-09-23\nmonth: 2022-09\nstamp: 2022-09-23T08:00:00\nspaced: 2022-09-23 08:00:00\n",
        )
    )
    assert document.data == {
        "date": "2022-09-23",
        "month": "2022-09",
        "stamp": "2022-09-23T08:00:00",
        "spaced": "2022-09-23 08:00:00",
    }


def test_keeping_dates_as_text_does_not_change_pyyaml_for_other_code() -> None:
    assert yaml.safe_load("date: 2022-09-23")["date"] == datetime.date(2022, 9, 23)


def test_unquoted_times_stay_text_instead_of_base_60_numbers(tmp_path: Path) -> None:
    document = load(write(tmp_path, "start_time: 14:30\nearly: 08:00\nlong: 1:30:00\n"))
    assert document.data == {"start_time": "14:30", "early": "08:00", "long": "1:30:00"}


def test_numbers_and_booleans_are_still_typed(tmp_path: Path) -> None:
    document = load(write(tmp_path, "edition: 8\nvalue: 1612.9\nchange_pct: -2.2\nestimated: true\n"))
    assert document.data == {"edition": 8, "value": 1612.9, "change_pct": -2.2, "estimated": True}
    assert isinstance(document.data["edition"], int)


def test_duplicate_key_names_the_field_and_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "id: x\nseries: northern-28\ndate: 2022-09-23\nseries: local-industry-trade\n")
    [problem] = problems_of(path)
    assert problem.field == ("series",)
    assert "'series' appears twice" in problem.message
    assert "first on line 2" in problem.message
    assert (problem.line, problem.column) == (4, 1)


def test_every_duplicate_key_of_a_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "a: 1\nb: 2\na: 3\nc:\n  d: 4\n  d: 5\n")
    problems = problems_of(path)
    assert [(p.field, p.line) for p in problems] == [(("a",), 3), (("c", "d"), 6)]


def test_yaml_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, 'id: x\ntitle:\n  vi: "unclosed\n  en: text\n')
    [problem] = problems_of(path)
    assert problem.message.startswith("YAML syntax error")
    assert problem.line > 1
    assert problem.column >= 1
    assert problem.hint


def test_alias_is_refused_where_it_is_used(tmp_path: Path) -> None:
    path = write(tmp_path, "a: &x thanh-hoa\nb: *x\nc:\n  - *x\n")
    problems = problems_of(path)
    assert [(p.field, p.line) for p in problems] == [(("b",), 2), (("c", 0), 4)]
    assert all("aliases" in p.message for p in problems)


def test_anchor_without_alias_is_harmless(tmp_path: Path) -> None:
    assert load(write(tmp_path, "a: &x thanh-hoa\n")).data == {"a": "thanh-hoa"}


def test_merge_key_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "base: &b\n  place: ha-noi\nvenue:\n  <<: *b\n")
    [problem] = problems_of(path)
    assert "merge keys (<<)" in problem.message
    assert (problem.line, problem.field) == (4, ("venue",))


def test_python_tags_are_refused_without_running_anything(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = write(tmp_path, f'a: !!python/object/apply:os.system ["touch {marker}"]\nb: !!python/name:os.system\n')
    problems = problems_of(path)
    assert [p.field for p in problems] == [("a",), ("b",)]
    assert not marker.exists()


def test_problem_messages_fit_on_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "b: !!python/name:os.system\n")
    [problem] = problems_of(path)
    assert "\n" not in problem.describe()


def test_non_utf8_bytes_are_refused_with_their_position(tmp_path: Path) -> None:
    path = write(tmp_path, b"id: x\ntitle: caf\xe9\n")
    [problem] = problems_of(path)
    assert "not UTF-8" in problem.message
    assert (problem.line, problem.column) == (2, 11)


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b"a: 1\n" + b"#" * (MAX_FILE_BYTES - 4))
    [problem] = problems_of(path)
    assert str(MAX_FILE_BYTES) in problem.message


def test_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, b"a: 1\n" + b"#" * (MAX_FILE_BYTES - 5))
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load(path).data == {"a": 1}


def test_utf8_bom_is_accepted_and_does_not_shift_columns(tmp_path: Path) -> None:
    document = load(write(tmp_path, "\ufeffid: x\nname: Đặng Hoàng An\n".encode()))
    assert document.data == {"id": "x", "name": "Đặng Hoàng An"}
    assert document.position(("id",)) == (1, 5)


def test_crlf_line_endings_are_accepted(tmp_path: Path) -> None:
    text = "id: x\r\nsummary: |\r\n  line one\r\n  line two\r\nhosts:\r\n  - moit\r\n"
    document = load(write(tmp_path, text.encode()))
    assert document.data == {"id": "x", "summary": "line one\nline two\n", "hosts": ["moit"]}
    assert document.position(("hosts", 0)) == (6, 5)


def test_decomposed_input_comes_out_composed(tmp_path: Path) -> None:
    text = "name: Đặng Hoàng An\nthủy: Hòa Bình\n"
    document = load(write(tmp_path, unicodedata.normalize("NFD", text)))
    assert document.data == {"name": "Đặng Hoàng An", "thủy": "Hòa Bình"}
    assert all(unicodedata.is_normalized("NFC", s) for item in document.data.items() for s in item)


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_empty_file_has_no_data(tmp_path: Path, text: str) -> None:
    assert load(write(tmp_path, text)).data is None


def _expectation(path: Path) -> tuple[str, tuple[int, int]]:
    first, second = path.read_text(encoding="utf-8").splitlines()[:2]
    assert first.startswith("# expect: ") and second.startswith("# at: "), f"{path.name} lacks its header"
    line, column = second.removeprefix("# at: ").split(":")
    return first.removeprefix("# expect: "), (int(line), int(column))


@pytest.mark.parametrize("path", sorted(BAD_RECORDS.glob("*.yaml")), ids=lambda p: p.stem)
def test_bad_record_is_refused_with_a_located_message(path: Path) -> None:
    fragment, place = _expectation(path)
    problems = problems_of(path)
    assert any(fragment in p.message and (p.line, p.column) == place for p in problems), [
        (p.line, p.column, p.message) for p in problems
    ]


def test_the_bad_records_corpus_is_not_empty() -> None:
    assert len(list(BAD_RECORDS.glob("*.yaml"))) >= 10


def _minimal_content(root: Path) -> Path:
    for kind in REFERENCE_KINDS:
        write(root, "{}\n", f"{kind}.yaml")
    (root / "conferences").mkdir()
    return root


def test_load_content_reads_references_and_conferences_in_file_order(tmp_path: Path) -> None:
    root = _minimal_content(tmp_path)
    write(root, "id: b\n", "conferences/2023-01-01-b.yaml")
    write(root, "id: a\n", "conferences/2022-01-01-a.yaml")
    content = load_content(root)
    assert sorted(content.references) == sorted(REFERENCE_KINDS)
    assert [document.data["id"] for document in content.conferences] == ["a", "b"]


def test_load_content_reports_every_problem_of_every_file(tmp_path: Path) -> None:
    root = _minimal_content(tmp_path)
    write(root, "a: 1\na: 2\nb: 3\nb: 4\n", "conferences/2022-01-01-a.yaml")
    write(root, "x: [1, 2\n", "conferences/2023-01-01-b.yaml")
    write(root, "ha-noi: {name: Hà Nội}\nha-noi: {name: Hà Nội}\n", "places.yaml")
    with pytest.raises(ContentError) as caught:
        load_content(root)
    by_file = {}
    for problem in caught.value.problems:
        by_file.setdefault(problem.file.name, []).append(problem)
    assert sorted(by_file) == ["2022-01-01-a.yaml", "2023-01-01-b.yaml", "places.yaml"]
    assert len(by_file["2022-01-01-a.yaml"]) == 2


def test_load_content_reports_missing_reference_files_and_yml_records(tmp_path: Path) -> None:
    root = _minimal_content(tmp_path)
    (root / "units.yaml").unlink()
    write(root, "id: a\n", "conferences/2022-01-01-a.yml")
    with pytest.raises(ContentError) as caught:
        load_content(root)
    messages = {p.file.name: p for p in caught.value.problems}
    assert messages["units.yaml"].message == "the file is missing"
    assert "must end in .yaml" in messages["2022-01-01-a.yml"].message
    assert "2022-01-01-a.yaml" in messages["2022-01-01-a.yml"].hint


def test_content_error_lists_problems_by_file_then_position() -> None:
    a, b = Path("a.yaml"), Path("b.yaml")
    problems = [
        Problem(b, 1, 1, (), "x"),
        Problem(a, 9, 1, (), "x"),
        Problem(a, 2, 7, (), "x"),
        Problem(a, 2, 3, (), "x"),
    ]
    error = ContentError(problems)
    assert [(p.file.name, p.line, p.column) for p in error.problems] == [
        ("a.yaml", 2, 3),
        ("a.yaml", 2, 7),
        ("a.yaml", 9, 1),
        ("b.yaml", 1, 1),
    ]
    assert "4 problem" in str(error)


def test_the_real_content_loads() -> None:
    content = load_content(Path(records.__file__).resolve().parent.parent / "content")
    assert content.conferences
    assert all(document.data for document in content.references.values())
