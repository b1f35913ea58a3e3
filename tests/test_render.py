"""Rendering Markdown: every record in both languages, text kept as text, only changed files written."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from archive.escape import markdown_text
from archive.locale import LANGUAGES
from archive.pipeline import load_archive
from archive.render import render_site, site_pages

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "# not a heading",
    "| a | b |",
    "*not emphasis* _nor this_",
    "[x](javascript:alert(1))",
    "{{ 7*7 }} {% if true %}x{% endif %}",
    "1. not a list",
    "&amp; stays &lt;literal&gt;",
    "back\\slash `code` ![img](x.png)",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_record_text_renders_as_exactly_the_typed_characters(text):
    html = markdown.markdown(f"- item {markdown_text(text)}", extensions=["tables", "attr_list", "md_in_html"])
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<em>" not in html
    rendered = html.removeprefix("<ul>\n<li>item ").removesuffix("</li>\n</ul>")
    unescaped = rendered.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    assert unescaped == text


def test_every_record_is_rendered_in_both_languages(tmp_path):
    archive = load_archive()
    report = render_site(archive, tmp_path)
    assert report.written == 2 * len(site_pages(archive))
    for conference in archive.conferences:
        for lang in LANGUAGES:
            text = (tmp_path / lang / "conferences" / f"{conference.id}.md").read_text(encoding="utf-8")
            assert conference.data["title"][lang].split()[0] in text


def test_a_second_render_leaves_unchanged_files_untouched(tmp_path):
    archive = load_archive()
    render_site(archive, tmp_path)
    before = {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*.md")}
    report = render_site(archive, tmp_path)
    assert report.written == 0 and report.removed == 0
    assert {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*.md")} == before


def test_a_deleted_record_disappears_from_the_markdown(tmp_path, content_copy: Path):
    render_site(load_archive(content_copy), tmp_path)
    page = tmp_path / "vi" / "conferences" / "2024-05-17-northern-28-x.md"
    assert page.exists()
    (content_copy / "conferences" / "2024-05-17-northern-28-x.yaml").unlink()
    report = render_site(load_archive(content_copy), tmp_path)
    assert not page.exists() and not (tmp_path / "en" / page.relative_to(tmp_path / "vi")).exists()
    assert report.removed >= 2
    timeline = (tmp_path / "vi" / "timeline" / "index.md").read_text(encoding="utf-8")
    assert "2024-05-17-northern-28-x" not in timeline


def test_hostile_record_text_stays_text_in_the_generated_markdown(tmp_path, content_copy: Path):
    record = content_copy / "conferences" / "2022-09-23-northern-28-viii.yaml"
    lines = record.read_text(encoding="utf-8").splitlines()
    summary = lines.index("summary:") + 1
    lines[summary] = '  vi: "<script>alert(1)</script> # {{ 7*7 }} | [x](javascript:alert(1))"'
    record.write_text("\n".join(lines), encoding="utf-8")
    render_site(load_archive(content_copy), tmp_path)
    page = (tmp_path / "vi" / "conferences" / "2022-09-23-northern-28-viii.md").read_text(encoding="utf-8")
    front_matter, body = page.split("\n---\n", 1)
    assert "<script>" not in page
    assert "&lt;script&gt;" in front_matter
    assert "[x](javascript" not in body and "{{ 7*7 }}" not in body
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; # \\{\\{ 7\\*7 \\}\\} \\| \\[x\\](javascript:alert(1))"
    assert escaped in body


def test_a_render_after_one_edit_rewrites_only_the_files_whose_text_changed(tmp_path, content_copy: Path):
    render_site(load_archive(content_copy), tmp_path)
    record = content_copy / "conferences" / "2024-05-17-northern-28-x.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("vi: ", "vi: Đã sửa. ", 1), encoding="utf-8")
    report = render_site(load_archive(content_copy), tmp_path)
    total = 2 * len(site_pages(load_archive(content_copy)))
    assert 2 <= report.written < total / 2, report
    edited = (tmp_path / "vi" / "conferences" / "2024-05-17-northern-28-x.md").read_text(encoding="utf-8")
    assert "Đã sửa" in edited


def _edit(record: Path, field: str, change) -> None:
    """Change one field of a record, keeping its schema line."""
    first, _, body = record.read_text(encoding="utf-8").partition("\n")
    data = yaml.safe_load(body)
    data[field] = change(data[field])
    record.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file a render leaves for MkDocs, by path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


EDITS = {
    "summary": lambda summary: {lang: text + " Đã sửa." for lang, text in summary.items()},
    "sources": lambda sources: [
        {**sources[0], "supports": {lang: text + " Thêm." for lang, text in sources[0]["supports"].items()}},
        *sources[1:],
    ],
    "duration_days": lambda days: days + 1,
    "delegates_expected": lambda count: count + 1,
    "title": lambda title: {lang: text + " (sửa)" for lang, text in title.items()},
    "figures": lambda figures: [{**figures[0], "value": figures[0]["value"] + 1}, *figures[1:]],
}


@pytest.mark.parametrize("field", sorted(EDITS))
def test_a_render_after_an_edit_gives_the_same_files_as_a_render_from_scratch(tmp_path, content_copy, field):
    """Whatever an edit leaves alone must be what a fresh render draws."""
    incremental, fresh = tmp_path / "incremental", tmp_path / "fresh"
    render_site(load_archive(content_copy), incremental)
    _edit(content_copy / "conferences" / "2024-05-17-northern-28-x.yaml", field, EDITS[field])
    report = render_site(load_archive(content_copy), incremental)
    render_site(load_archive(content_copy), fresh)
    assert _tree(incremental) == _tree(fresh)
    own_page_only = field in ("summary", "sources", "duration_days", "delegates_expected")
    assert (report.written == 2) if own_page_only else (report.written > 2), report
