"""The work folder's record cache: it saves parsing and checking, and never hides a problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import model
from archive.cache import RecordCache, digest
from archive.errors import ContentError
from archive.pipeline import CACHE_FOLDER, load_archive
from archive.records import read_text

RECORD = "conferences/2022-09-23-northern-28-viii.yaml"


def edit(record: Path) -> None:
    """Mark the record's first Vietnamese text as edited."""
    record.write_text(record.read_text(encoding="utf-8").replace("vi: ", "vi: Đã sửa. ", 1), encoding="utf-8")


@pytest.fixture
def cache_folder(tmp_path: Path, content_copy: Path) -> Path:
    """A cache written by a first, clean load of the content."""
    path = tmp_path / "work" / CACHE_FOLDER
    load_archive(content_copy, path)
    assert (path / "passed.marshal").is_file()
    return path


def test_a_second_load_takes_every_file_from_the_cache(content_copy: Path, cache_folder: Path) -> None:
    cache = RecordCache(cache_folder)
    assert len(cache.parsed) == len(list(content_copy.rglob("*.yaml")))
    archive = load_archive(content_copy, cache_folder)
    assert archive.digest == load_archive(content_copy).digest
    assert [c.record for c in archive.conferences] == [c.record for c in load_archive(content_copy).conferences]


def test_an_edited_record_is_read_again(content_copy: Path, cache_folder: Path) -> None:
    edit(content_copy / RECORD)
    archive = load_archive(content_copy, cache_folder)
    edited = next(c for c in archive.conferences if c.id == Path(RECORD).stem)
    assert edited.record["title"]["vi"].startswith("Đã sửa. ")


def test_an_edit_writes_again_only_the_cache_files_of_the_old_and_the_new_text(
    content_copy: Path, cache_folder: Path
) -> None:
    before = {file.name: file.stat().st_mtime_ns for file in cache_folder.iterdir()}
    assert len(before) > 4, "the data of twelve files spread over several"
    record = content_copy / RECORD
    old_digest = digest(read_text(record))
    edit(record)
    new_digest = digest(read_text(record))
    load_archive(content_copy, cache_folder)
    after = {file.name: file.stat().st_mtime_ns for file in cache_folder.iterdir()}
    written = {name for name, mtime in after.items() if before.get(name) != mtime}
    assert written == {f"{old_digest[0]}.marshal", f"{new_digest[0]}.marshal", "passed.marshal"}
    cache = RecordCache(cache_folder)
    assert new_digest in cache.parsed and old_digest not in cache.parsed


def test_a_broken_record_is_reported_after_a_cached_build(content_copy: Path, cache_folder: Path) -> None:
    record = content_copy / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace("format: ", "fromat: ", 1), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_archive(content_copy, cache_folder)
    assert [p.message for p in raised.value.problems] == ["unknown field 'fromat'"]


def test_a_record_cached_as_valid_is_checked_again_when_a_reference_file_changes(
    content_copy: Path, cache_folder: Path
) -> None:
    people = content_copy / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("dang-hoang-an:", "dang-hoang-anh:"), "utf-8")
    with pytest.raises(ContentError) as raised:
        load_archive(content_copy, cache_folder)
    problem = raised.value.problems[0]
    assert problem.file.name == Path(RECORD).name
    assert problem.message == "unknown person id 'dang-hoang-an'"


def test_a_damaged_cache_is_ignored(content_copy: Path, cache_folder: Path) -> None:
    for file in cache_folder.iterdir():
        file.write_bytes(b"\x00not marshal data")
    assert RecordCache(cache_folder).parsed == {}
    assert load_archive(content_copy, cache_folder).conferences
    assert RecordCache(cache_folder).parsed, "written again, whole"


def test_a_cache_from_other_code_is_ignored(
    content_copy: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("archive.cache.code_digest", lambda: "another version of the generator")
    assert RecordCache(cache_folder).parsed == {} and RecordCache(cache_folder).passed == set()


def test_what_the_model_works_out_from_a_record_is_kept_for_the_next_load(
    content_copy: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_archive(content_copy)
    worked_out: list[str] = []
    for name in ("_links", "_listed_digest"):
        work = getattr(model, name)
        monkeypatch.setattr(model, name, lambda record, work=work: worked_out.append(record["id"]) or work(record))
    archive = load_archive(content_copy, cache_folder)
    assert worked_out == [], "every record unchanged: nothing worked out again"
    assert [(c.links, c.listed_digest) for c in archive.conferences] == [
        (c.links, c.listed_digest) for c in fresh.conferences
    ]
    ids = {link: [c.id for c in held] for link, held in archive.linked.items()}
    assert ids == {link: [c.id for c in held] for link, held in fresh.linked.items()}

    edit(content_copy / RECORD)
    load_archive(content_copy, cache_folder)
    assert worked_out == [Path(RECORD).stem] * 2, "the edited record only"
