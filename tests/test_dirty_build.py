"""The preview's dirty builds: only pages whose Markdown changed are built again, and the site they
leave is the site a full build makes, byte for byte, search index included."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from archive.pipeline import build

EDITED = "2023-04-18-local-industry-trade"
UNTOUCHED = "2016-09-06-northern-28-2016"
"""Two conferences of different series, places and years: an edit to one does not show on the other's page."""


def edit_summary(content: Path) -> None:
    record = content / "conferences" / f"{EDITED}.yaml"
    text = record.read_text(encoding="utf-8")
    assert 'summary:\n  vi: "' in text
    record.write_text(
        text.replace('summary:\n  vi: "', 'summary:\n  vi: "Đã sửa trong bản xem trước. ', 1), encoding="utf-8"
    )


def rename_person(content: Path) -> None:
    people = content / "people.yaml"
    text = people.read_text(encoding="utf-8")
    assert text.count("name: Nguyễn Hồng Diên\n") == 1
    people.write_text(text.replace("name: Nguyễn Hồng Diên\n", "name: Nguyễn Hồng Diên Đã sửa\n"), encoding="utf-8")


EDITS = {
    "a record's summary": (edit_summary, f"conferences/{EDITED}", "Đã sửa trong bản xem trước."),
    "a name in people.yaml, shown on many pages": (rename_person, "people/nguyen-hong-dien", "Nguyễn Hồng Diên Đã sửa"),
}


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ, or are in one folder only, anywhere under the two folders."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only)
        found.extend(
            prefix + name
            for name in filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)[1]
        )
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def html(site: Path, page: str) -> Path:
    return site / page / "index.html"


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_dirty_build_builds_only_the_changed_pages_and_leaves_the_site_a_full_build_makes(
    content_copy: Path, tmp_path: Path, edit: str
) -> None:
    change, changed_page, new_text = EDITS[edit]
    untouched_page = f"conferences/{UNTOUCHED}"
    preview, work = tmp_path / "preview", tmp_path / "work"
    first = build(content_copy, preview, work_dir=work, dirty=True)
    assert not first.dirty, "nothing to build on: the first build is a full one"
    untouched_mtime = html(preview, untouched_page).stat().st_mtime_ns
    changed_mtime = html(preview, changed_page).stat().st_mtime_ns

    change(content_copy)
    again = build(content_copy, preview, work_dir=work, dirty=True)

    assert again.dirty
    assert html(preview, untouched_page).stat().st_mtime_ns == untouched_mtime
    assert html(preview, changed_page).stat().st_mtime_ns != changed_mtime
    assert new_text in html(preview, changed_page).read_text(encoding="utf-8")
    full = tmp_path / "full"
    build(content_copy, full, work_dir=tmp_path / "full-work")
    assert differences(preview, full) == []


def test_a_removed_page_a_new_address_or_a_new_theme_setting_makes_the_build_full(
    content_copy: Path, tmp_path: Path
) -> None:
    preview, work = tmp_path / "preview", tmp_path / "work"
    build(content_copy, preview, work_dir=work)
    assert build(content_copy, preview, work_dir=work, dirty=True).dirty, "same content, same settings"

    assert not build(content_copy, preview, "https://example.org/archive/", work_dir=work, dirty=True).dirty
    assert build(content_copy, preview, "https://example.org/archive/", work_dir=work, dirty=True).dirty

    (content_copy / "conferences" / f"{UNTOUCHED}.yaml").unlink()
    removed = build(content_copy, preview, "https://example.org/archive/", work_dir=work, dirty=True)
    assert not removed.dirty
    assert not html(preview, f"conferences/{UNTOUCHED}").exists()
