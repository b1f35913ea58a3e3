"""The preview's dirty builds: only pages whose Markdown changed are built again, and the site they
leave is the site a full build makes, byte for byte, with a search index of the same pages."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest

from archive.pipeline import build
from archive.preview import Preview

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
    assert text.count('name: "Nguyễn Hồng Diên"\n') == 1
    people.write_text(text.replace('name: "Nguyễn Hồng Diên"\n', 'name: "Nguyễn Hồng Diên Đã sửa"\n'), encoding="utf-8")


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


def entry(site: Path) -> dict[str, int]:
    """How many pages of each language the search index holds."""
    languages = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    return {lang: about["page_count"] for lang, about in languages.items()}


def html(site: Path, page: str) -> Path:
    return site / page / "index.html"


URL = "http://127.0.0.1:8000/"


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_dirty_build_builds_only_the_changed_pages_and_leaves_the_site_a_full_build_makes(
    content_copy: Path, tmp_path: Path, edit: str
) -> None:
    change, changed_page, new_text = EDITS[edit]
    untouched_page = f"conferences/{UNTOUCHED}"
    preview = Preview(content_copy, tmp_path / "preview", URL)
    preview.rebuild()
    untouched_mtime = html(preview.out_dir, untouched_page).stat().st_mtime_ns
    changed_mtime = html(preview.out_dir, changed_page).stat().st_mtime_ns

    change(content_copy)
    preview.rebuild()

    assert html(preview.out_dir, untouched_page).stat().st_mtime_ns == untouched_mtime
    assert html(preview.out_dir, changed_page).stat().st_mtime_ns != changed_mtime
    assert new_text in html(preview.out_dir, changed_page).read_text(encoding="utf-8")
    full = tmp_path / "full"
    build(content_copy, full, URL, work_dir=tmp_path / "full-work")
    # Pagefind writes its filter files in an order that differs from run to run over the same pages,
    # so its folder is compared by what it indexes, and everything else byte for byte.
    assert [name for name in differences(preview.out_dir, full) if not name.startswith("pagefind/")] == []
    assert entry(preview.out_dir) == entry(full)
    preview.close()


def test_a_removed_page_or_a_new_theme_makes_the_build_full(content_copy: Path, tmp_path: Path, monkeypatch) -> None:
    preview = Preview(content_copy, tmp_path / "preview", URL)
    preview.rebuild()
    page = html(preview.out_dir, "conferences/2024-05-17-northern-28-x")
    built = page.stat().st_mtime_ns
    preview.rebuild()
    assert page.stat().st_mtime_ns == built, "same content, same theme: nothing built again"

    monkeypatch.setattr("archive.preview.theme_digest", lambda: "another theme")
    preview.rebuild()
    assert page.stat().st_mtime_ns != built, "every page built again"
    built = page.stat().st_mtime_ns

    (content_copy / "conferences" / f"{UNTOUCHED}.yaml").unlink()
    preview.rebuild()
    assert not html(preview.out_dir, f"conferences/{UNTOUCHED}").exists()
    assert page.stat().st_mtime_ns != built, "every page built again"
    preview.close()
