"""Jinja2 renders the archive into one Markdown tree per language, touching only what changed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MethodType
from typing import Any

import jinja2
import jinja2.runtime
from markupsafe import Markup

from . import charts, locale
from .cache import code_digest, digest
from .charts import comparable
from .escape import front_matter_text, html_text, markdown_text
from .exports import DATA_FOLDER, write_archive_json, write_if_changed, write_tables_and_feeds
from .locale import LANGUAGES
from .model import Archive, Conference
from .records import load
from .vietnamese import name_sort_key, sort_key
from .workers import parallel_map

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class Page:
    """One page of the site: where it goes, which template draws it, with what, from which records."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    depends: tuple[Conference, ...] | None = None
    """The conferences the page lists; None for pages drawn from the whole archive."""
    shows: Conference | None = None
    """The conference whose every field the page shows: its own page."""


def site_pages(archive: Archive) -> list[Page]:
    """Every page, the same paths in both languages."""
    pages = [
        Page("index.md", "home.md.j2"),
        Page("timeline/index.md", "timeline.md.j2", {"series_id": None}),
        Page("figures/index.md", "figures.md.j2"),
        Page("conferences/index.md", "conferences.md.j2"),
        Page("series/index.md", "series_index.md.j2"),
        Page("people/index.md", "people.md.j2"),
        Page("places/index.md", "places.md.j2"),
        Page("years/index.md", "years.md.j2"),
        Page("data/index.md", "data.md.j2"),
    ]
    for c in archive.conferences:
        neighbours = tuple(n for n in (c, c.previous, c.next) if n is not None)
        pages.append(Page(f"conferences/{c.id}.md", "conference.md.j2", {"conference": c}, neighbours, c))
    for year, held in archive.by_year.items():
        pages.append(Page(f"years/{year}.md", "year.md.j2", {"year": year}, tuple(held)))
    for ref, rows in archive.figures_by_metric.items():
        pages.append(Page(f"figures/{ref}.md", "metric.md.j2", {"metric_id": ref}, tuple(c for c, _ in rows)))
    for ref in archive.refs["series"]:
        editions = tuple(archive.by_series.get(ref, []))
        pages.append(Page(f"series/{ref}.md", "series.md.j2", {"series_id": ref}, editions))
        if editions:
            pages.append(Page(f"timeline/{ref}.md", "timeline.md.j2", {"series_id": ref}, editions))
    for ref in archive.refs["people"]:
        appearances = tuple(a.conference for a in archive.appearances.get(ref, []))
        pages.append(Page(f"people/{ref}.md", "person.md.j2", {"person_id": ref}, appearances))
    for ref in archive.refs["places"]:
        drawn = [*archive.held_in.get(ref, []), *archive.linked.get(("places", ref), [])]
        drawn += [c for c, _ in archive.figures_by_scope.get(ref, [])]
        pages.append(Page(f"places/{ref}.md", "place.md.j2", {"place_id": ref}, tuple(drawn)))
    return pages


def fingerprint(page: Page, archive: Archive, lang: str) -> str:
    """What a page's Markdown depends on: same fingerprint, same text."""
    listed = (archive.listed_digest,) if page.depends is None else (c.listed_digest for c in page.depends)
    shown = page.shows.digest if page.shows else ""
    return digest(code_digest(), archive.references_digest, lang, page.path, page.template, shown, *listed)


def relative_link(page: str, target: str) -> str:
    """The link from one Markdown file to another, both given from the docs root ("a/b.md")."""
    here, there = page.split("/")[:-1], target.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    return "../" * (len(here) - shared) + "/".join(there[shared:])


PAGE_OF_KIND = {"people": "people", "places": "places", "series": "series", "conferences": "conferences"}


class Helpers:
    """What templates call to name, link and format things in one language, from one page."""

    def __init__(self, archive: Archive, lang: str, page_path: str, strings: dict[str, dict[str, str]]) -> None:
        self.archive = archive
        self.lang = lang
        self.page_path = page_path
        self.strings = strings
        self.assets: dict[str, str] = {}
        """Files the page uses (its charts), by path from the docs root, to write beside it."""

    def t(self, text: str | dict[str, str]) -> str:
        """A text in this page's language; a plain string is the same in both."""
        return text if isinstance(text, str) else text[self.lang]

    def ui(self, key: str) -> str:
        """An interface string from templates/strings.yaml."""
        return self.strings[key][self.lang]

    def href(self, target: str) -> str:
        """The relative link from this page's Markdown file to another's."""
        return relative_link(self.page_path, target)

    def link(self, label: str, target: str) -> Markup:
        """A Markdown link whose label is shown exactly as written."""
        return Markup(f"[{markdown_text(label)}]({self.href(target)})")

    def ref(self, kind: str, ref: str) -> dict[str, Any]:
        return self.archive.refs[kind][ref]

    def name(self, kind: str, ref: str) -> str:
        """The display name of a person, place, organization, series, metric, unit or topic."""
        return self.t(self.ref(kind, ref)["name"])

    def to(self, kind: str, ref: str) -> Markup:
        """A link to the page of a person, place or series; the plain name for the rest."""
        if kind in PAGE_OF_KIND:
            return self.link(self.name(kind, ref), f"{PAGE_OF_KIND[kind]}/{ref}.md")
        return markdown_text(self.name(kind, ref))

    def conference(self, conference: Conference) -> Markup:
        return self.link(self.t(conference.record["title"]), f"conferences/{conference.id}.md")

    def date(self, iso: str) -> str:
        return locale.format_date(iso, self.lang)

    def time(self, iso: str) -> Markup:
        """A <time datetime> element for a date."""
        return Markup(f'<time datetime="{html_text(iso)}">{html_text(self.date(iso))}</time>')

    def number(self, value: float) -> str:
        return locale.format_number(value, self.lang)

    def period(self, period: dict[str, str]) -> str:
        return locale.format_period(period["from"], period["to"], self.lang)

    def value(self, figure: dict[str, Any]) -> str:
        """A figure's value with its unit, or a dash when only the change is known."""
        if "value" not in figure:
            return "—"
        unit = self.ref("units", figure["unit"])
        unit_name = self.t(unit["name"])
        if "out_of" in figure:
            return locale.format_count(figure["value"], figure["out_of"], unit_name, self.lang)
        return locale.format_quantity(
            figure["value"], unit_name, unit.get("attached", False), self.lang, figure.get("value_max")
        )

    def change(self, figure: dict[str, Any]) -> str:
        return locale.format_change(figure, self.lang) or "—"

    def qualifiers(self, figure: dict[str, Any]) -> str:
        """(ước tính) / (estimate), (mục tiêu) / (target), for a figure that is one."""
        marks = [self.ui(key) for key in ("estimated", "target") if figure.get(key)]
        return "".join(f" ({mark})" for mark in marks)

    def figure_label(self, figure: dict[str, Any]) -> Markup:
        """A figure's measure, linked to its page, with its qualifiers."""
        metric = figure["metric"]
        return self.link(self.name("metrics", metric), f"figures/{metric}.md") + markdown_text(self.qualifiers(figure))

    def role(self, entry: dict[str, Any]) -> Markup:
        """ ", the title held then" when the entry gives it."""
        return markdown_text(", " + self.t(entry["role"])) if "role" in entry else Markup("")

    def place_of(self, conference: Conference) -> Markup:
        """The conference's place, linked, or "not recorded"."""
        return self.to("places", conference.place) if conference.place else markdown_text(self.ui("not_recorded"))

    def latest_figures(self, place: str) -> list[tuple[str, Conference, dict[str, Any]]]:
        """For each measure reported for a place, its most recent figure, in the order of the measures."""
        latest: dict[str, tuple[Conference, dict[str, Any]]] = {}
        for conference, figure in self.archive.figures_by_scope.get(place, []):
            latest[figure["metric"]] = (conference, figure)
        return [(metric, *latest[metric]) for metric in self.sorted_refs("metrics") if metric in latest]

    def attributes(self, **values: str | bool | None) -> Markup:
        """An attribute list for the Markdown link before it: { data-series="x" aria-current="page" }."""
        pairs = [f'{name.replace("_", "-")}="{html_text(value)}"' for name, value in values.items() if value]
        return Markup("{ " + " ".join(pairs) + " }") if pairs else Markup("")

    def series_rows(self, series: str) -> list[tuple[Conference | None, str]]:
        """The editions of a series in order, with a row for each gap in the numbering ("I–VII")."""
        rows: list[tuple[Conference | None, str]] = []
        last = 0
        for conference in self.archive.by_series.get(series, []):
            number = conference.record.get("edition")
            if number and number > last + 1:
                gap = locale.roman(last + 1) + ("" if number == last + 2 else "–" + locale.roman(number - 1))
                rows.append((None, gap))
            last = max(last, number or 0)
            rows.append((conference, locale.roman(number) if number else ""))
        return rows

    def download(self, label: str, file: str) -> Markup:
        """A link to a file of the data folder, which only the site's root (Vietnamese) build holds."""
        if self.lang == LANGUAGES[0]:
            return self.link(label, f"data/{file}")
        up = "../" * (self.page_path.count("/") + 1)
        return Markup(f'<a href="{html_text(up + "data/" + file)}">{html_text(label)}</a>')

    def event(self, conference: Conference) -> Markup:
        """schema.org Event data for the page's head (the address is added by the theme)."""
        record = conference.record
        modes = {"in-person": "Offline", "online": "Online", "hybrid": "Mixed"}
        event: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.t(record["title"]),
            "description": self.t(record["summary"]),
            "startDate": record["date"],
            "inLanguage": self.lang,
            "organizer": [
                {"@type": "GovernmentOrganization", "name": self.name("organizations", org)} for org in record["hosts"]
            ],
            "superEvent": {"@type": "EventSeries", "name": self.name("series", record["series"])},
        }
        if record.get("format") in modes:
            event["eventAttendanceMode"] = f"https://schema.org/{modes[record['format']]}EventAttendanceMode"
        if conference.place:
            venue = record["venue"]
            place_name = self.name("places", conference.place)
            address = {"@type": "PostalAddress", "addressRegion": place_name, "addressCountry": "VN"}
            if "address" in venue:
                address["streetAddress"] = self.t(venue["address"])
            event["location"] = {
                "@type": "Place",
                "name": self.t(venue["hall"]) if "hall" in venue else place_name,
                "address": address,
            }
        text = json.dumps(event, ensure_ascii=False)
        # Valid JSON and YAML either way; escaped, no markup from a record stands in the page's source.
        return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))

    def series_figures(self, series: str) -> list[tuple[Conference, dict[str, Any]]]:
        """Every figure reported at the series' conferences."""
        return [(c, f) for c in self.archive.by_series.get(series, []) for f in c.record.get("figures", [])]

    def charts(self, rows: list[tuple[Conference, dict[str, Any]]], folder: str) -> list[dict[str, Any]]:
        """A chart for each group of at least three comparable figures, its SVG kept to be written
        under charts/<folder>/ (one folder per page: a series draws a measure from fewer figures)."""
        found = []
        for group in comparable(rows):
            measure = self.name("metrics", group.metric)
            title = f"{measure} — {self.name('places', group.scope)}"
            axis = self.ui("chart_periods").format(months=group.months)
            unit = self.t(self.ref("units", group.unit)["name"])
            path = f"charts/{folder}/{group.slug}.svg"
            self.assets[path] = charts.svg(group, self.lang, title, axis, unit)
            alt = f"{self.ui('chart_of')} {title} ({unit}); {self.ui('chart_table')}"
            found.append(
                {"title": title, "image": Markup(f"![{markdown_text(alt)}]({self.href(path)})"), "points": group.points}
            )
        return found

    def not_charted(
        self, rows: list[tuple[Conference, dict[str, Any]]], drawn: list[dict[str, Any]]
    ) -> list[tuple[Conference, dict[str, Any]]]:
        """The rows whose figure no chart's table shows: a page lists each figure once."""
        shown = {id(figure) for chart in drawn for _, figure in chart["points"]}
        return [(conference, figure) for conference, figure in rows if id(figure) not in shown]

    def edition(self, conference: Conference) -> str:
        edition = conference.record.get("edition")
        return locale.roman(edition) if edition else ""

    def sorted_refs(self, kind: str) -> list[str]:
        """Ids of a reference file in Vietnamese alphabetical order of their names."""
        if kind == "people":
            return sorted(self.archive.refs[kind], key=lambda ref: name_sort_key(self.name(kind, ref)))
        return sorted(self.archive.refs[kind], key=lambda ref: sort_key(self.name(kind, ref)))


class _PageContext(jinja2.runtime.Context):
    """A template's context whose calls to the page's helpers go straight to them.

    Jinja's call first looks at each callee for the decorators that ask for the context, a sixth of
    a page's time; Helpers has none. Every other callable (macros, filters, globals) goes Jinja's way."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if type(__obj) is MethodType and type(__obj.__self__) is Helpers:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            return __obj(*args, **kwargs)
        return super().call(__obj, *args, **kwargs)


@cache
def environment(compiled: Path | None = None) -> jinja2.Environment:
    """Templates from templates/; every {{ value }} is escaped for Markdown unless it is Markup.

    Autoescape makes macro results Markup, so what a macro escaped is not escaped twice. With a
    folder `compiled`, each template's compiled code is kept there (Jinja checks its source), so
    that a later render does not compile it again.
    """
    if compiled:
        compiled.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
        finalize=markdown_text,
    )
    env.context_class = _PageContext
    env.filters["html"] = html_text
    env.filters["front"] = front_matter_text
    return env


@cache
def load_strings() -> dict[str, dict[str, str]]:
    """Interface strings per language."""
    return load(TEMPLATES_DIR / "strings.yaml").data


@dataclass
class RenderReport:
    """How many conferences a render drew from, and how many pages it drew, wrote, left alone, and removed."""

    conferences: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    rendered: int = 0


COMPILED_TEMPLATES = ".compiled-templates"
"""Beside the languages' Markdown: the templates' compiled code, which every render reuses."""
MANIFEST = ".fingerprints.json"
"""Beside each language's Markdown: the fingerprint each page was last drawn from."""


def read_manifest(path: Path) -> dict[str, str]:
    """The fingerprints a render left; none when the file is missing, damaged, or from another version."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def render_language(archive: Archive, lang: str, out_dir: Path, report: RenderReport | None = None) -> RenderReport:
    """Write the Markdown of one language. A page whose fingerprint has not changed since the last
    render is not drawn again, and a file whose text is unchanged keeps its modification time."""
    report = report or RenderReport()
    env = environment(out_dir.parent / COMPILED_TEMPLATES)
    strings = load_strings()
    manifest_path = out_dir / MANIFEST
    previous = read_manifest(manifest_path)
    current: dict[str, str] = {}
    for page in site_pages(archive):
        target = out_dir / page.path
        current[page.path] = fingerprint(page, archive, lang)
        if previous.get(page.path) == current[page.path] and target.is_file():
            report.unchanged += 1
            continue
        helpers = Helpers(archive, lang, page.path, strings)
        text = env.get_template(page.template).render(
            archive=archive, h=helpers, lang=lang, ui=helpers.ui, page_path=page.path, **page.context
        )
        report.rendered += 1
        for asset, content in helpers.assets.items():
            write_if_changed(out_dir / asset, content)
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        report.written += 1
    wanted = {out_dir / path for path in current}
    for stale in sorted(out_dir.rglob("*.md")):
        if stale not in wanted:
            stale.unlink()
            report.removed += 1
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(current, indent=0, sort_keys=True), encoding="utf-8")
    return report


JSON_KEPT = ".archive-json.marshal"
"""Beside the languages' Markdown: where each conference's JSON stands in the last data/archive.json."""
ARCHIVE_JSON, TABLES = "archive.json", "tables and feeds"
"""The parts of a render that write the downloads and feeds, beside the languages."""


@dataclass(frozen=True)
class RenderJob:
    """What every part of a render reads."""

    archive: Archive
    md_root: Path
    site_url: str | None
    figures_due: bool
    """Whether what other pages show of the records changed, so that figures.csv is written again."""


def _render_part(job: RenderJob, part: str) -> RenderReport:
    """One language's Markdown, data/archive.json, or the tables and feeds."""
    if part == ARCHIVE_JSON:
        write_archive_json(job.archive, job.md_root, job.md_root / JSON_KEPT)
    elif part == TABLES:
        write_tables_and_feeds(job.archive, job.md_root, job.site_url, load_strings(), job.figures_due)
    else:
        return render_language(job.archive, part, job.md_root / part)
    return RenderReport()


def render_site(archive: Archive, md_root: Path, site_url: str | None = None) -> RenderReport:
    """Write the Markdown of every language under md_root/<lang>/, and the downloads and feeds beside
    them, the parts side by side on the machine's cores. The downloads are written again only when
    the archive, the code or the address changed; figures.csv only when what other pages show of
    the records changed too."""
    report = RenderReport(conferences=len(archive.conferences))
    manifest_path = md_root / LANGUAGES[0] / DATA_FOLDER / MANIFEST
    previous = read_manifest(manifest_path)
    current = {
        "all": digest(code_digest(), archive.digest, site_url or ""),
        "listed": digest(code_digest(), archive.listed_digest),
    }
    # Longest first, each to the core that is free next: the languages, then archive.json, then the
    # short tables. (archive.json first left one core idle at the end while the other drew a language.)
    parts = [*LANGUAGES] if previous == current else [*LANGUAGES, ARCHIVE_JSON, TABLES]
    job = RenderJob(archive, md_root, site_url, previous.get("listed") != current["listed"])
    for part in parallel_map(_render_part, parts, shared=job):
        report.written += part.written
        report.unchanged += part.unchanged
        report.removed += part.removed
        report.rendered += part.rendered
    if previous != current:
        manifest_path.write_text(json.dumps(current), encoding="utf-8")
    return report
