"""A skeleton record for a new conference, valid from the start, with TODOs to fill."""

from __future__ import annotations

import re
from pathlib import Path

from .layout import laid_out
from .records import load
from .schema import file_of, schema_files
from .validate import real_date

SKELETON = """\
# yaml-language-server: $schema=../../schema/conference.schema.json
id: {id}
series: {series}
title:
  vi: {title_vi}
  en: {title_en}
summary:
  vi: "TODO: tóm tắt hội nghị bằng lời của bạn."
  en: "TODO: summarise the conference in your own words."
date: {date}
format: unknown      # in-person | online | hybrid | unknown
venue: unknown       # or: {{place: ha-noi}} with an id from content/places.yaml
hosts:               # ids from content/organizations.yaml
  - moit
chairs: []           # - {{person: <id>, role: {{vi: "...", en: "..."}}}}
figures: []
sources:
  - url: https://TODO.example/replace-with-the-source-address
    kind: report
"""


ASKED = ("id", "series", "title", "date")
"""The fields `build.py new` fills from its questions."""


def fields_to_fill() -> tuple[list[str], list[str]]:
    """What the skeleton leaves for the editor, in the schema's order: the required fields, then the others."""
    schema = schema_files()[file_of("conference")]
    left = [name for name in schema["properties"] if name not in ASKED]
    return [name for name in left if name in schema["required"]], [
        name for name in left if name not in schema["required"]
    ]


class ScaffoldError(ValueError):
    """The new record's date, series or id is not usable."""


def check_answer(content_dir: Path, name: str, value: str) -> None:
    """Raise ScaffoldError when a date, series, title or slug for a new record is not usable."""
    if name == "date" and not (re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) and real_date(value)):
        raise ScaffoldError(f"the date {value!r} is not a real date written YYYY-MM-DD, such as 2026-05-20")
    if name == "series" and value not in series_ids(content_dir):
        raise ScaffoldError(f"the series {value!r} is not in content/series.yaml")
    if name == "slug" and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ScaffoldError(f"the short name {value!r} may hold only lowercase letters a-z, digits and hyphens")
    if name.startswith("title") and not value.strip():
        raise ScaffoldError("the title must not be empty")


def write_skeleton(
    content_dir: Path, date: str, series: str, title_vi: str, title_en: str, slug: str | None = None
) -> Path:
    """Write content/conferences/<date>-<slug>.yaml and return its path."""
    slug = slug or series
    for name, value in (
        ("date", date),
        ("series", series),
        ("title_vi", title_vi),
        ("title_en", title_en),
        ("slug", slug),
    ):
        check_answer(content_dir, name, value)
    record_id = f"{date}-{slug}"
    path = content_dir / "conferences" / f"{record_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    skeleton = SKELETON.format(
        id=record_id, series=series, date=date, title_vi=_quoted(title_vi), title_en=_quoted(title_en)
    )
    path.write_text(laid_out(skeleton, "conference"), encoding="utf-8")
    return path


def _quoted(text: str) -> str:
    """A double-quoted YAML string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def series_ids(content_dir: Path) -> list[str]:
    """The series a new conference can belong to."""
    return list(load(content_dir / "series.yaml").data or {})
