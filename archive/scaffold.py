"""A skeleton record for a new conference, valid from the start, with TODOs to fill."""

from __future__ import annotations

import re
from pathlib import Path

from .records import load
from .validate import _real_date

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
hosts: [moit]        # ids from content/organizations.yaml
chairs: []           # - {{person: <id>, role: {{vi: "...", en: "..."}}}}
figures: []
sources:
  - url: https://TODO.example/replace-with-the-source-address
    kind: report
"""


FIELDS_TO_FILL = (
    "summary",
    "format",
    "venue",
    "hosts",
    "chairs",
    "participants",
    "figures",
    "conclusions",
    "sources",
)
"""What the skeleton leaves for the editor, in the order of the record."""


class ScaffoldError(ValueError):
    """The new record's date, series or id is not usable."""


def write_skeleton(
    content_dir: Path, date: str, series: str, title_vi: str, title_en: str, slug: str | None = None
) -> Path:
    """Write content/conferences/<date>-<slug>.yaml and return its path."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", date) or not _real_date(date):
        raise ScaffoldError(f"--date {date!r} is not a real ISO date such as 2026-05-20")
    known_series = series_ids(content_dir)
    if series not in known_series:
        raise ScaffoldError(f"--series {series!r} is not in content/series.yaml; known: {', '.join(known_series)}")
    slug = slug or series
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise ScaffoldError(f"--slug {slug!r} must be lowercase ASCII letters, digits and hyphens")
    record_id = f"{date}-{slug}"
    path = content_dir / "conferences" / f"{record_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    quote = lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
    path.write_text(
        SKELETON.format(id=record_id, series=series, date=date, title_vi=quote(title_vi), title_en=quote(title_en)),
        encoding="utf-8",
    )
    return path


def series_ids(content_dir: Path) -> list[str]:
    """The series a new conference can belong to."""
    return list(load(content_dir / "series.yaml").data or {})
