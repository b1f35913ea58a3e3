"""The archive as data others can reuse: one JSON file, CSV tables, the schema, and Atom feeds."""

from __future__ import annotations

import copy
import csv
import datetime
import io
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator

from . import catalog
from .errors import FieldPath
from .locale import LANGUAGES, parse_date
from .model import Archive, Conference
from .schema import ANY, SCHEMA_DIR, UNKNOWN, Field, below, fields, find, references, value_at
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


@dataclass(frozen=True)
class Column:
    """A CSV column: its name, how its cell is read from a row's data, and its Table Schema type and
    description (datapackage.json), all from the schema field it comes from."""

    name: str
    cell: Callable[[Any], Any]
    type: str = "string"
    description: str = ""


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


def _table_type(schema: dict[str, Any]) -> str:
    """The Table Schema type of a plain field: its JSON Schema type, or string (a date may be partial)."""
    for option in (schema, *schema.get("oneOf", ())):
        if option.get("type") in ("integer", "number", "boolean"):
            return option["type"]
    return "string"


LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}


def _columns(archive: Archive, field: Field, at: FieldPath) -> list[Column]:
    """The columns a field of the schema fills, by its kind: an id gives the entry's names beside it,
    a text one column per language, a group one per field, a list the labels of its items joined."""
    name = "_".join(map(str, at))
    schema, csv_kind = field.schema, field.schema.get("x-csv")
    about = schema.get("description", "")

    def value(row: Any) -> Any:
        found = value_at(row, at)
        return "" if found is None else found

    if csv_kind == "count":
        count = f"How many: {about}"
        return [Column(name, lambda row: len(v) if isinstance(v := value(row), list) else v, "integer", count)]
    if field.references:
        kind = field.references
        return [
            Column(name, value, "string", about),
            *(
                Column(
                    f"{name}_{lang}",
                    lambda row, index=index: _names(archive, kind, value_at(row, at))[index],
                    "string",
                    f"The name, in {LANGUAGE_NAMES[lang]}, of the entry the column {name} names.",
                )
                for index, lang in enumerate(LANGUAGES)
            ),
        ]
    inside = below("conference", field.path)
    if set(schema.get("properties", ())) == set(LANGUAGES):
        return [
            Column(
                f"{name}_{lang}",
                lambda row, lang=lang: (value_at(row, at) or {}).get(lang, ""),
                "string",
                f"{about} (in {LANGUAGE_NAMES[lang]})",
            )
            for lang in LANGUAGES
        ]
    if inside and inside[0].path[-1] == ANY:
        items, labels = inside[0], schema.get("x-csv-label", [])

        def joined(row: Any) -> Any:
            found = value(row)
            return (
                "; ".join(_label(archive, items, labels, item) for item in found) if isinstance(found, list) else found
            )

        return [Column(name, joined, "string", f"{about} Items joined by '; '.")]
    if inside:
        return [column for f in inside for column in _columns(archive, f, (*at, f.path[-1]))]
    return [Column(name, value, _table_type(schema), about)]


def _table(columns: list[Column], rows: list[Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(column.name for column in columns)
    writer.writerows([column.cell(row) for column in columns] for row in rows)
    return buffer.getvalue()


def _csv_fields(within: FieldPath) -> list[Field]:
    """The fields marked x-csv directly within a row's data, lists left to their own rows."""
    return [
        f
        for f in fields("conference")
        if f.schema.get("x-csv") and f.path[: len(within)] == within and ANY not in f.path[len(within) :]
    ]


def conference_columns(archive: Archive) -> list[Column]:
    """conferences.csv: one row per conference, with the fields the schema marks x-csv."""
    return [column for f in _csv_fields(()) for column in _columns(archive, f, f.path)]


def figure_columns(archive: Archive) -> list[Column]:
    """figures.csv: one row per figure, with its conference and the figure's fields the schema marks x-csv."""
    columns = [
        Column(
            "conference_id", lambda row: row["conference"]["id"], "string", "The conference the figure was reported at."
        ),
        Column("conference_date", lambda row: row["conference"]["date"], "string", "The conference's date (ISO 8601)."),
        Column("series", lambda row: row["conference"]["series"], "string", "The conference's series."),
    ]
    return columns + [column for f in _csv_fields(FIGURES) for column in _columns(archive, f, f.path[len(FIGURES) :])]


def conferences_csv(archive: Archive) -> str:
    return _table(conference_columns(archive), [conference.data for conference in archive.conferences])


def figures_csv(archive: Archive) -> str:
    rows = [
        {"conference": conference.data, **figure}
        for conference in archive.conferences
        for _, figure in find(conference.data, FIGURES)
    ]
    return _table(figure_columns(archive), rows)


def _table_schema(columns: list[Column]) -> dict[str, Any]:
    return {
        "fields": [{"name": c.name, "type": c.type, "description": c.description} for c in columns],
        # A field the sources do not give is written `unknown`: a missing value, not a wrong one.
        "missingValues": ["", UNKNOWN],
    }


def data_package(archive: Archive) -> str:
    """datapackage.json (Frictionless Data): the two CSV files, each column with its type and
    description, the keys that join them, and the licence."""
    conferences = _table_schema(conference_columns(archive)) | {"primaryKey": ["id"]}
    figures = _table_schema(figure_columns(archive)) | {
        "foreignKeys": [{"fields": ["conference_id"], "reference": {"resource": "conferences", "fields": ["id"]}}]
    }
    table = {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig"}
    return json.dumps(
        {
            "name": "moit-conference-archive",
            "title": "Lưu trữ hội nghị ngành Công Thương / Industry and Trade Conference Archive",
            "description": "Conferences of Viet Nam's Ministry of Industry and Trade with the provinces' Departments "
            "of Industry and Trade, and the figures reported at them; texts in Vietnamese (_vi) and English (_en).",
            "licenses": [{"name": LICENSE["id"], "path": LICENSE["path"], "title": LICENSE["title"]}],
            "resources": [
                {"name": "conferences", "path": "conferences.csv", **table, "schema": conferences},
                {"name": "figures", "path": "figures.csv", **table, "schema": figures},
            ],
        },
        ensure_ascii=False,
        indent=1,
    )


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
    archive: Archive,
    md_root: Path,
    site_url: str | None,
    source_root: str,
    modified: datetime.date | None,
    strings: dict[str, dict[str, str]],
) -> None:
    """archive.json, a JSON file per conference, the CSV tables, their data package, the catalogue and
    the schema beside the Vietnamese pages, and a feed for each language. source_root is where the
    content files are read in the repository ("" when it is not known); modified the day the content
    last changed (None when not known)."""
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
    write_if_changed(data / "datapackage.json", data_package(archive))
    catalogue = catalog.dcat(f"{site_root}{DATA_FOLDER}/" if site_root else "", modified)
    write_if_changed(data / "catalog.jsonld", json.dumps(catalogue, ensure_ascii=False, indent=1))
    for schema in sorted(SCHEMA_DIR.glob("*.json")):
        write_if_changed(data / "schema" / schema.name, schema.read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        write_if_changed(md_root / lang / "feed.xml", atom_feed(archive.conferences, lang, site_root, strings))
