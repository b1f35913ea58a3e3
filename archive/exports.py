"""The archive as data others can reuse: one JSON file, CSV tables, the schema, and Atom feeds."""

from __future__ import annotations

import csv
import datetime
import io
import json
import marshal
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator

from .cache import digest, keep, read_kept
from .locale import LANGUAGES, parse_date
from .model import Archive, Conference
from .references import CONFERENCE_REFERENCES, references
from .validate import SCHEMA_DIR

DATA_FOLDER = "data"
"""Where the downloads go, at the site's root (the Vietnamese build), linked from both languages."""
FIGURE_COLUMNS = (
    "conference_id",
    "conference_date",
    "series",
    "metric",
    "metric_vi",
    "metric_en",
    "scope",
    "scope_vi",
    "scope_en",
    "period_from",
    "period_to",
    "value",
    "value_max",
    "out_of",
    "unit",
    "unit_vi",
    "unit_en",
    "change_pct",
    "change_ratio",
    "estimated",
    "target",
)
CONFERENCE_COLUMNS = (
    "id",
    "date",
    "series",
    "edition",
    "title_vi",
    "title_en",
    "format",
    "place",
    "place_vi",
    "place_en",
    "chairs",
    "figures",
    "sources",
)


def _names(entry: dict[str, Any]) -> tuple[str, str]:
    name = entry["name"]
    return (name, name) if isinstance(name, str) else (name["vi"], name["en"])


def resolved(record: dict[str, Any], refs: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """The record with each referenced id replaced by {"id": …, and the entry's fields}."""
    result = marshal.loads(marshal.dumps(record))  # a deep copy of plain data, done in C
    for path, kind, ref in references(record, CONFERENCE_REFERENCES):
        holder = result
        for part in path[:-1]:
            holder = holder[part]
        holder[path[-1]] = {"id": ref, **refs[kind][ref]}
    return result


Places = dict[str, tuple[int, int]]
"""Where each conference's JSON stands in an archive.json, as byte offsets, by its key (see archive_json)."""


def archive_json(archive: Archive, earlier: bytes = b"", places: Places | None = None) -> tuple[bytes, Places]:
    """Every conference with its references resolved, and the reference files, in both languages, as
    UTF-8; and where each conference's JSON stands in it.

    A conference whose key (the digests of its record and of the references) is in `places` is
    copied from `earlier`, the archive.json those places describe; the rest are serialized. The
    text is that of json.dumps of the whole (no indent: the C encoder)."""
    places = places or {}
    head = {
        "description": "Conferences of Viet Nam's Ministry of Industry and Trade with the provinces' Departments "
        "of Industry and Trade; every text in Vietnamese (vi) and English (en).",
        "schema": "conference.schema.json",
    }
    opening = json.dumps(head, ensure_ascii=False)[:-1]  # without its closing brace
    parts = [f'{opening}, "conferences": ['.encode()]
    position = len(parts[0])
    placed: Places = {}
    for number, conference in enumerate(archive.conferences):
        if number:
            parts.append(b", ")
            position += 2
        key = digest(conference.digest, archive.references_digest)
        if key in places:
            start, end = places[key]
            fragment = earlier[start:end]
        else:
            fragment = json.dumps(resolved(conference.record, archive.refs), ensure_ascii=False).encode()
        placed[key] = (position, position + len(fragment))
        parts.append(fragment)
        position += len(fragment)
    parts.append(f'], "references": {json.dumps(archive.refs, ensure_ascii=False)}}}'.encode())
    return b"".join(parts), placed


def _csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def figures_csv(archive: Archive) -> str:
    """One row per figure."""
    rows = []
    for conference in archive.conferences:
        for figure in conference.record.get("figures", []):
            metric, scope = archive.refs["metrics"][figure["metric"]], archive.refs["places"][figure["scope"]]
            unit = archive.refs["units"].get(figure.get("unit", ""), {})
            rows.append(
                {
                    "conference_id": conference.id,
                    "conference_date": conference.date,
                    "series": conference.series,
                    "metric": figure["metric"],
                    "metric_vi": metric["name"]["vi"],
                    "metric_en": metric["name"]["en"],
                    "scope": figure["scope"],
                    "scope_vi": _names(scope)[0],
                    "scope_en": _names(scope)[1],
                    "period_from": figure["period"]["from"],
                    "period_to": figure["period"]["to"],
                    **{
                        key: figure.get(key, "")
                        for key in (
                            "value",
                            "value_max",
                            "out_of",
                            "unit",
                            "change_pct",
                            "change_ratio",
                            "estimated",
                            "target",
                        )
                    },
                    "unit_vi": _names(unit)[0] if unit else "",
                    "unit_en": _names(unit)[1] if unit else "",
                }
            )
    return _csv(FIGURE_COLUMNS, rows)


def conferences_csv(archive: Archive) -> str:
    """One row per conference."""
    rows = []
    for conference in archive.conferences:
        record = conference.record
        place = archive.refs["places"].get(conference.place or "", {})
        rows.append(
            {
                "id": conference.id,
                "date": conference.date,
                "series": conference.series,
                "edition": record.get("edition", ""),
                "title_vi": record["title"]["vi"],
                "title_en": record["title"]["en"],
                "format": record["format"],
                "place": conference.place or "",
                "place_vi": _names(place)[0] if place else "",
                "place_en": _names(place)[1] if place else "",
                "chairs": "; ".join(archive.refs["people"][c["person"]]["name"] for c in record.get("chairs", [])),
                "figures": len(record.get("figures", [])),
                "sources": "; ".join(s.get("url", s.get("seed", "")) for s in record["sources"]),
            }
        )
    return _csv(CONFERENCE_COLUMNS, rows)


FEED_ENTRIES = 50
"""A feed holds the newest conferences only, as feeds do: its size does not grow with the archive."""


def atom_feed(archive: Archive, lang: str, site_root: str, strings: dict[str, dict[str, str]]) -> str:
    """The newest conferences in one language, newest first, as an Atom feed (addresses absolute
    when known)."""
    language_root = site_root + ("" if lang == LANGUAGES[0] else f"{lang}/")
    feed = FeedGenerator()
    feed.id(language_root or f"urn:moit-conference-archive:{lang}")
    feed.title(strings["home_title"][lang])
    feed.subtitle(strings["home_intro"][lang])
    feed.language(lang)
    feed.link(href=language_root + "feed.xml", rel="self")
    feed.link(href=language_root or "./", rel="alternate")
    newest: datetime.datetime | None = None
    for conference in archive.conferences[-FEED_ENTRIES:]:  # feedgen puts each new entry first: newest on top
        entry = feed.add_entry()
        address = f"{language_root}conferences/{conference.id}/"
        entry.id(address if site_root else f"urn:moit-conference-archive:conference:{conference.id}")
        entry.title(conference.record["title"][lang])
        entry.link(href=address)
        entry.summary(conference.record["summary"][lang])
        when = _moment(conference)
        entry.published(when)
        entry.updated(when)
        newest = max(newest, when) if newest else when
    feed.updated(newest or datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    return feed.atom_str(pretty=True).decode("utf-8")


def _moment(conference: Conference) -> datetime.datetime:
    day = parse_date(conference.date)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def write_if_changed(path: Path, text: str | bytes, encoding: str = "utf-8") -> bool:
    """Write a file only when its content differs, so that unchanged files keep their time."""
    data = text if isinstance(text, bytes) else text.encode(encoding)
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def write_archive_json(archive: Archive, md_root: Path, kept_path: Path) -> None:
    """data/archive.json, beside the Vietnamese pages. The conferences unchanged since the last render
    are copied from the file it wrote, at the places it kept in kept_path, while that file is as it
    left it (same size and modification time); otherwise every conference is serialized again."""
    path = md_root / LANGUAGES[0] / DATA_FOLDER / "archive.json"
    kept = read_kept(kept_path)
    trusted = path.is_file() and kept.get("file") == _stamp(path)
    earlier = path.read_bytes() if trusted else b""
    data, places = archive_json(archive, earlier, kept["places"] if trusted else None)
    if not trusted:
        write_if_changed(path, data)
    elif data != earlier:  # earlier is the file's text: no need to read it again to compare
        path.write_bytes(data)
    keep(kept_path, {"file": _stamp(path), "places": places})


def _stamp(path: Path) -> tuple[int, int]:
    """A file's size and modification time: what tells that nothing else wrote it."""
    status = path.stat()
    return status.st_size, status.st_mtime_ns


def write_tables_and_feeds(
    archive: Archive, md_root: Path, site_url: str | None, strings: dict[str, dict[str, str]], figures: bool = True
) -> None:
    """The CSV tables and the schema beside the Vietnamese pages, and a feed for each language;
    figures.csv only when `figures` (it shows only what other pages show of the records: see
    model.OWN_PAGE_FIELDS)."""
    data = md_root / LANGUAGES[0] / DATA_FOLDER
    # A byte-order mark lets spreadsheet programs read the Vietnamese text as UTF-8.
    if figures:
        write_if_changed(data / "figures.csv", figures_csv(archive), "utf-8-sig")
    write_if_changed(data / "conferences.csv", conferences_csv(archive), "utf-8-sig")
    for schema in sorted(SCHEMA_DIR.glob("*.json")):
        write_if_changed(data / "schema" / schema.name, schema.read_text(encoding="utf-8"))
    site_root = site_url.rstrip("/") + "/" if site_url else ""
    for lang in LANGUAGES:
        write_if_changed(md_root / lang / "feed.xml", atom_feed(archive, lang, site_root, strings))
