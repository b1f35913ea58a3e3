"""The archive as data others can reuse: one JSON file, CSV tables, the schema, and Atom feeds."""

from __future__ import annotations

import copy
import csv
import datetime
import io
import json
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator

from .errors import FieldPath
from .locale import LANGUAGES, parse_date
from .model import Archive, Conference
from .schema import ANY, SCHEMA_DIR, Field, below, fields, find, references, value_at
from .settings import FEED_ENTRIES, LICENSE

DATA_FOLDER = "data"
"""Where the downloads go, at the site's root (the Vietnamese build), linked from both languages."""
FIGURES = ("figures", ANY)
"""Where a record's figures stand: figures.csv has a row for each."""
FEED_IDS = uuid.UUID("44f7806f-c4e7-4395-9645-ff1e71309545")
"""The namespace of the feeds' ids (urn:uuid, RFC 4122 version 5): an id is made from what the feed
or entry is, never from the site's address, so a reader keeps its place when the site moves."""


def feed_id(*names: str) -> str:
    """A stable Atom id: the same names always give the same id."""
    return uuid.uuid5(FEED_IDS, "/".join(names)).urn


def resolved(record: dict[str, Any], refs: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """The record with each referenced id replaced by {"id": …, and the entry's fields}; the groups and
    lists on the way to an id are copied, the rest is shared with the record."""
    copies: dict[FieldPath, Any] = {(): dict(record)}
    for path, field, ref in references(record, "conference"):
        for depth in range(1, len(path)):
            if path[:depth] not in copies:
                parent, part = copies[path[: depth - 1]], path[depth - 1]
                copies[path[:depth]] = parent[part] = copy.copy(parent[part])
        copies[path[:-1]][path[-1]] = {"id": ref, **refs[field.references][ref]}
    return copies[()]


def archive_json(archive: Archive) -> str:
    """Every conference with its references resolved, and the reference files, in both languages."""
    return json.dumps(
        {
            "description": "Conferences of Viet Nam's Ministry of Industry and Trade with the provinces' Departments "
            "of Industry and Trade; every text in Vietnamese (vi) and English (en).",
            "license": LICENSE,
            "schema": "conference.schema.json",
            "conferences": [resolved(conference.data, archive.refs) for conference in archive.conferences],
            "references": archive.refs,
        },
        ensure_ascii=False,
    )


def conference_json(archive: Archive, conference: Conference, site_root: str, source_root: str) -> str:
    """One conference on its own (data/conferences/<id>.json): its record with the references
    resolved, the licence, and the addresses of its page in each language and of its YAML source
    (relative to the file when the site's or the repository's address is not known)."""
    root = site_root or "../../"
    folders = {lang: "" if lang == LANGUAGES[0] else f"{lang}/" for lang in LANGUAGES}
    pages = {lang: f"{root}{folder}conferences/{conference.id}/" for lang, folder in folders.items()}
    return json.dumps(
        {
            "license": LICENSE,
            "pages": pages,
            "source": f"{source_root or 'content/'}conferences/{conference.id}.yaml",
            "schema": "../schema/conference.schema.json",
            "conference": resolved(conference.data, archive.refs),
        },
        ensure_ascii=False,
        indent=1,
    )


Column = tuple[str, Callable[[Any], Any]]
"""A CSV column: its name, and how its cell is read from a row's data."""


def _names(archive: Archive, kind: str, ref: Any) -> tuple[str, str]:
    """An entry's name in each language ("" for what is not an id of the file)."""
    entry = archive.refs[kind].get(ref, {}) if isinstance(ref, str) else {}
    name = entry.get("name", "")
    return (name, name) if isinstance(name, str) else (name["vi"], name["en"])


def _label(archive: Archive, items: Field, labels: list[str], item: Any) -> str:
    """How one item of a list shows in its cell: a name for an id, or the first of its `labels` fields it has."""
    if items.references:
        return _names(archive, items.references, item)[0]
    if isinstance(item, dict):
        labelled = {f.path[-1]: f for f in below("conference", items.path)}
        key = next((key for key in labels if key in item and key in labelled), None)
        return _label(archive, labelled[key], [], item[key]) if key else ""
    return str(item)


def _columns(archive: Archive, field: Field, at: FieldPath) -> list[Column]:
    """The columns a field of the schema fills, by its kind: an id gives the entry's names beside it,
    a text one column per language, a group one per field, a list the labels of its items joined."""
    name = "_".join(map(str, at))
    schema, csv_kind = field.schema, field.schema.get("x-csv")

    def value(row: Any) -> Any:
        found = value_at(row, at)
        return "" if found is None else found

    if csv_kind == "count":
        return [(name, lambda row: len(v) if isinstance(v := value(row), list) else v)]
    if field.references:
        kind = field.references
        return [
            (name, value),
            (f"{name}_vi", lambda row: _names(archive, kind, value_at(row, at))[0]),
            (f"{name}_en", lambda row: _names(archive, kind, value_at(row, at))[1]),
        ]
    inside = below("conference", field.path)
    if set(schema.get("properties", ())) == set(LANGUAGES):
        return [
            (f"{name}_{lang}", lambda row, lang=lang: (value_at(row, at) or {}).get(lang, "")) for lang in LANGUAGES
        ]
    if inside and inside[0].path[-1] == ANY:
        items, labels = inside[0], schema.get("x-csv-label", [])

        def joined(row: Any) -> Any:
            found = value(row)
            return (
                "; ".join(_label(archive, items, labels, item) for item in found) if isinstance(found, list) else found
            )

        return [(name, joined)]
    if inside:
        return [column for f in inside for column in _columns(archive, f, (*at, f.path[-1]))]
    return [(name, value)]


def _table(columns: list[Column], rows: list[Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(name for name, _ in columns)
    writer.writerows([cell(row) for _, cell in columns] for row in rows)
    return buffer.getvalue()


def _csv_fields(within: FieldPath) -> list[Field]:
    """The fields marked x-csv directly within a row's data, lists left to their own rows."""
    return [
        f
        for f in fields("conference")
        if f.schema.get("x-csv") and f.path[: len(within)] == within and ANY not in f.path[len(within) :]
    ]


def conferences_csv(archive: Archive) -> str:
    """One row per conference, with the fields the schema marks x-csv."""
    columns = [column for f in _csv_fields(()) for column in _columns(archive, f, f.path)]
    return _table(columns, [conference.data for conference in archive.conferences])


def figures_csv(archive: Archive) -> str:
    """One row per figure, with its conference and the figure's fields the schema marks x-csv."""
    rows = [
        {"conference": conference.data, **figure}
        for conference in archive.conferences
        for _, figure in find(conference.data, FIGURES)
    ]
    columns: list[Column] = [
        ("conference_id", lambda row: row["conference"]["id"]),
        ("conference_date", lambda row: row["conference"]["date"]),
        ("series", lambda row: row["conference"]["series"]),
    ]
    columns += [column for f in _csv_fields(FIGURES) for column in _columns(archive, f, f.path[len(FIGURES) :])]
    return _table(columns, rows)


def atom_feed(
    conferences: Sequence[Conference],
    lang: str,
    site_root: str,
    strings: dict[str, dict[str, str]],
    page: str = "",
    about: str = "",
) -> str:
    """The newest of the conferences in one language, newest first, as an Atom feed (addresses
    absolute when the site's is known). page is the page the feed belongs to, from the language's
    root ("" for the archive's own feed), and about what that page is about, for the title."""
    language_root = site_root + ("" if lang == LANGUAGES[0] else f"{lang}/")
    archive_name = strings["home_title"][lang]
    feed = FeedGenerator()
    feed.id(feed_id("feed", lang, *([page] if page else [])))
    feed.title(f"{about} · {archive_name}" if about else archive_name)
    feed.subtitle(strings["home_intro"][lang])
    feed.author({"name": archive_name, **({"uri": language_root} if language_root else {})})
    feed.rights(f"{LICENSE['title']} ({LICENSE['short']}): {LICENSE['path']}")
    feed.link(href=LICENSE["path"], rel="license")
    feed.language(lang)
    feed.link(href=language_root + page + "feed.xml", rel="self")
    feed.link(href=(language_root + page) or "./", rel="alternate")
    newest: datetime.datetime | None = None
    for conference in list(conferences)[-FEED_ENTRIES:]:  # feedgen puts each new entry first: newest on top
        entry = feed.add_entry()
        entry.id(feed_id("conference", conference.id, lang))
        # Read through the typed record, so that the preview notes what a page's feed depends on.
        entry.title(getattr(conference.record.title, lang))
        entry.link(href=f"{language_root}conferences/{conference.id}/")
        entry.summary(getattr(conference.record.summary, lang))
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


def write_downloads(
    archive: Archive, md_root: Path, site_url: str | None, source_root: str, strings: dict[str, dict[str, str]]
) -> None:
    """archive.json, a JSON file per conference, the CSV tables and the schema beside the Vietnamese
    pages, and a feed for each language. source_root is where the content files are read in the
    repository ("" when it is not known)."""
    data = md_root / LANGUAGES[0] / DATA_FOLDER
    site_root = site_url.rstrip("/") + "/" if site_url else ""
    write_if_changed(data / "archive.json", archive_json(archive))
    wanted = set()
    for conference in archive.conferences:
        wanted.add(file := data / "conferences" / f"{conference.id}.json")
        write_if_changed(file, conference_json(archive, conference, site_root, source_root))
    for stale in set((data / "conferences").glob("*.json")) - wanted:
        stale.unlink()
    # A byte-order mark lets spreadsheet programs read the Vietnamese text as UTF-8.
    write_if_changed(data / "figures.csv", figures_csv(archive), "utf-8-sig")
    write_if_changed(data / "conferences.csv", conferences_csv(archive), "utf-8-sig")
    for schema in sorted(SCHEMA_DIR.glob("*.json")):
        write_if_changed(data / "schema" / schema.name, schema.read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        write_if_changed(md_root / lang / "feed.xml", atom_feed(archive.conferences, lang, site_root, strings))
