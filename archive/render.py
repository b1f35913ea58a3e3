"""Jinja2 renders the archive into one Markdown tree per language, rewriting only files that changed."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import catalog, charts, locale, place_history, structured_data
from .calendars import Day, calendar
from .charts import comparable
from .comparisons import CHANGE, comparisons
from .comparisons import svg as comparisons_svg
from .escape import front_matter_text, html_text, markdown_text
from .exports import atom_feed, feed_id, write_downloads, write_if_changed
from .incremental import Drawn, Memory, still_drawn, tracing, value_of
from .locale import LANGUAGES
from .model import Archive, Conference
from .parallel import side_by_side
from .records import load
from .settings import LICENSE
from .social_cards import Card
from .typed import NOT_RECORDED, Ref
from .vietnamese import name_sort_key, sort_key

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
PAGE_OF_KIND = ("people", "places", "series")
"""The kinds of reference entries that have a page of their own, in a folder named after the kind."""


@dataclass(frozen=True)
class Page:
    """One page of the site: where it goes, which template draws it, and with what."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


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
        Page("search/index.md", "search.md.j2"),
    ]
    pages += [Page(f"conferences/{c.id}.md", "conference.md.j2", {"conference": c}) for c in archive.conferences]
    pages += [Page(f"years/{year}.md", "year.md.j2", {"year": year}) for year in archive.by_year]
    pages += [Page(f"figures/{ref}.md", "metric.md.j2", {"metric": ref}) for ref in archive.figures_by_metric]
    for ref in archive.entries["series"]:
        pages.append(Page(f"series/{ref}.md", "series.md.j2", {"series_id": Ref(ref, "series")}))
        if ref in archive.by_series:
            pages.append(Page(f"timeline/{ref}.md", "timeline.md.j2", {"series_id": Ref(ref, "series")}))
    pages += [
        Page(f"people/{ref}.md", "person.md.j2", {"person": Ref(ref, "people")}) for ref in archive.entries["people"]
    ]
    pages += [
        Page(f"places/{ref}.md", "place.md.j2", {"place": Ref(ref, "places")}) for ref in archive.entries["places"]
    ]
    return pages


def relative_link(page: str, target: str) -> str:
    """The link from one Markdown file to another, both given from the docs root ("a/b.md")."""
    here, there = page.split("/")[:-1], target.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    return "../" * (len(here) - shared) + "/".join(there[shared:])


@dataclass(frozen=True)
class Site:
    """What every page of a render shares: where the site is published and edited."""

    url: str | None = None
    repo_url: str | None = None
    content_path: str = "content"
    """The content folder's path in the repository, for edit links."""
    changed: dict[str, datetime.date] = field(default_factory=dict, hash=False)
    """When each content file last changed (archive/history.py), by its path from the content folder."""

    def last_change(self) -> datetime.date | None:
        """The day the content last changed, when the repository's history is known."""
        return max(self.changed.values(), default=None)

    def content_url(self, action: str, file: str = "") -> str:
        """The address at which the repository shows ("blob") or edits ("edit") a content file; empty
        without a repository."""
        return f"{self.repo_url.rstrip('/')}/{action}/main/{self.content_path}/{file}" if self.repo_url else ""


class Helpers:
    """What templates call to name, link and format things in one language, from one page."""

    def __init__(self, archive: Archive, lang: str, page_path: str, site: Site) -> None:
        self.archive = archive
        self.lang = lang
        self.page_path = page_path
        self.site = site
        self.assets: dict[str, str | bytes] = {}
        """Files the page uses (its charts, feeds and calendars), by path from the docs root, to write beside it."""
        self.cards: dict[str, Card] = {}
        """The preview images the page declares, by their path: the build draws them (social_cards.draw_cards)."""

    def t(self, text: Any) -> str:
        """A text in this page's language; a plain string is the same in both."""
        return text if isinstance(text, str) else getattr(text, self.lang)

    def ui(self, key: str) -> str:
        """An interface string from templates/strings.yaml."""
        return load_strings()[key][self.lang]

    def href(self, target: str) -> str:
        """The relative link from this page's Markdown file to another's."""
        return relative_link(self.page_path, target)

    def link(self, label: str, target: str) -> Markup:
        """A Markdown link whose label is shown exactly as written."""
        return Markup(f"[{markdown_text(label)}]({self.href(target)})")

    def entry(self, ref: Ref) -> Any:
        """The reference file entry an id names."""
        return self.archive.entries[ref.kind][ref]

    def name(self, ref: Ref) -> str:
        """The display name of a person, place, organization, series, metric, unit or topic."""
        return self.t(self.entry(ref).name)

    def to(self, ref: Ref, on: str | None = None) -> Markup:
        """A link to the page of a person, place or series; the plain name for the rest.

        A place is named as it was on the date `on` (a region by its membership then), followed by
        what it is today when it no longer exists as it was."""
        if ref.kind == "places":
            return self.link(self.place_name(ref, on), f"places/{ref}.md") + self.today(ref)
        if ref.kind in PAGE_OF_KIND:
            return self.link(self.name(ref), f"{ref.kind}/{ref}.md")
        return markdown_text(self.name(ref))

    def place_name(self, ref: Ref, on: str | None = None) -> str:
        """A place's name; a region's name on a date, when its membership then had a name of its own."""
        period = place_history.period_at(self.archive.refs["places"][ref], on) if on else None
        name = period.get("name") if period else None
        return (name if isinstance(name, str) else name[self.lang]) if name else self.name(ref)

    def composition(self, ref: str, conference: Conference) -> int:
        """Which period of a region's membership a conference's date falls in (0 for a place without one)."""
        periods = self.archive.refs["places"][ref].get("membership") or []
        period = place_history.period_at(self.archive.refs["places"][ref], conference.date)
        return periods.index(period) if period in periods else 0

    def _today_parts(self, ref: Ref) -> tuple[str, Ref, str] | None:
        """What a place is today, around the name of the unit it is part of (None if it still exists)."""
        successor = self.entry(ref).successor
        if not successor:
            return None
        now = Ref(place_history.current(self.archive.refs["places"], ref), "places")
        text = self.ui(f"today_{successor.change}").format(place="{place}", date=self.date(successor.since))
        before, _, after = text.partition("{place}")
        return before, now, after

    def today(self, ref: Ref) -> Markup:
        """ " (part of Phú Thọ since 1 July 2025)" after a place that no longer exists as it was."""
        parts = self._today_parts(ref)
        if not parts:
            return Markup("")
        before, now, after = parts
        return markdown_text(f" ({before}") + self.link(self.name(now), f"places/{now}.md") + markdown_text(f"{after})")

    def today_text(self, ref: Ref) -> str:
        """The same as today(), as plain text."""
        parts = self._today_parts(ref)
        return f" ({parts[0]}{self.name(parts[1])}{parts[2]})" if parts else ""

    def absorbed(self, ref: Ref) -> list[Ref]:
        """The places that merged into this one, or became it."""
        return [Ref(other, "places") for other in place_history.absorbed(self.archive.refs["places"], ref)]

    def regions_of(self, ref: Ref) -> list[tuple[Ref, Any]]:
        """Each region that grouped this place, with the period when it did, in date order."""
        return [
            (Ref(region, "places"), period)
            for region in self.sorted_refs("places")
            for period in self.entry(region).membership
            if ref in period.places
        ]

    def span(self, period: Any) -> str:
        """A membership period's dates: "đến 30/6/2025", "from 1 July 2025", "1/1/2025 – 30/6/2025"."""
        start, end = period.from_, period.until
        if start and end:
            return f"{self.date(start)} – {self.date(end)}"
        return self.ui("span_from" if start else "span_until").format(date=self.date(start or end))

    def conference(self, conference: Conference) -> Markup:
        return self.link(self.t(conference.record.title), f"conferences/{conference.id}.md")

    def edit_url(self, file: str) -> str:
        """The address that opens a content file in the repository's editor; empty without a repository."""
        return self.site.content_url("edit", file)

    def date(self, iso: str) -> str:
        return locale.format_date(iso, self.lang)

    def time(self, iso: str) -> Markup:
        """A <time datetime> element for a date."""
        return Markup(f'<time datetime="{html_text(iso)}">{html_text(self.date(iso))}</time>')

    def number(self, value: float) -> str:
        return locale.format_number(value, self.lang)

    def period(self, period: Any) -> str:
        return locale.format_period(period.from_, period.to, self.lang)

    def value(self, figure: Any) -> str:
        """A figure's value with its unit, or a dash when only the change is known."""
        if figure.value is None:
            return "—"
        unit = self.entry(figure.unit)
        if figure.out_of is not None:
            return locale.format_count(figure.value, figure.out_of, self.t(unit.name), self.lang)
        return locale.format_quantity(figure.value, self.t(unit.name), bool(unit.attached), self.lang, figure.value_max)

    def change(self, figure: Any) -> str:
        return locale.format_change(figure.change_pct, figure.change_ratio, self.lang) or "—"

    def qualifiers(self, figure: Any) -> str:
        """(ước tính) / (estimate), (mục tiêu) / (target), for a figure that is one."""
        marks = [self.ui(key) for key in ("estimated", "target") if getattr(figure, key)]
        return "".join(f" ({mark})" for mark in marks)

    def figure_label(self, figure: Any) -> Markup:
        """A figure's measure, linked to its page, with its qualifiers."""
        return self.link(self.name(figure.metric), f"figures/{figure.metric}.md") + markdown_text(
            self.qualifiers(figure)
        )

    def role(self, entry: Any) -> Markup:
        """ ", the title held then" when the entry gives it."""
        return markdown_text(", " + self.t(entry.role)) if entry.role else Markup("")

    def place_of(self, conference: Conference) -> Markup:
        """The conference's place, linked, or "not recorded"."""
        return self.to(conference.place) if conference.place else markdown_text(self.ui("not_recorded"))

    def latest_figures(self, place: str) -> list[tuple[Ref, Conference, Any]]:
        """For each measure reported for a place, its most recent figure, in the order of the measures."""
        latest: dict[str, tuple[Conference, Any]] = {}
        for conference, figure in self.archive.figures_by_scope.get(place, []):
            latest[figure.metric] = (conference, figure)
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
            number = conference.record.edition
            if number and number > last + 1:
                gap = locale.roman(last + 1) + ("" if number == last + 2 else "–" + locale.roman(number - 1))
                rows.append((None, gap))
            last = max(last, number or 0)
            rows.append((conference, locale.roman(number) if number else ""))
        return rows

    def years_by_region(self) -> tuple[list[Ref], list[tuple[str, dict[str, list[Conference]]]]]:
        """The regions whose series met, country last, and for each year the conferences of each region."""
        regions = {self.entry(series).region: None for series in self.archive.by_series}
        columns = sorted(
            (Ref(region, "places") for region in regions if region),
            key=lambda ref: (self.entry(ref).kind == "country", list(self.archive.entries["places"]).index(ref)),
        )
        rows = []
        for year, conferences in self.archive.by_year.items():
            cells: dict[str, list[Conference]] = {region: [] for region in columns}
            for conference in conferences:
                region = self.entry(conference.series).region
                if region in cells:
                    cells[region].append(conference)
            rows.append((year, cells))
        return columns, rows

    def search_filters(self, conference: Conference) -> dict[str, list[str]]:
        """What a reader narrows search results by, for a conference: its series, its year, and its
        place as it was and as it is today."""
        filters = {self.ui("series"): [self.name(conference.series)], self.ui("year"): [str(conference.year)]}
        if conference.place:
            now = Ref(place_history.current(self.archive.refs["places"], conference.place), "places")
            filters[self.ui("place")] = list(dict.fromkeys([self.name(conference.place), self.name(now)]))
        return filters

    def download(self, label: str, file: str) -> Markup:
        """A link to a file of the data folder, which only the site's root (Vietnamese) build holds."""
        if self.lang == LANGUAGES[0]:
            return self.link(label, f"data/{file}")
        up = "../" * (self.page_path.count("/") + 1)
        return Markup(f'<a href="{html_text(up + "data/" + file)}">{html_text(label)}</a>')

    def feed(self, ref: Ref) -> str:
        """The Atom feed of a series', a person's or a place's conferences, written beside its page;
        its path from the language's root."""
        conferences = (
            self.archive.by_series.get(ref, [])
            if ref.kind == "series"
            else self.archive.linked.get((ref.kind, ref), [])
        )
        page = f"{ref.kind}/{ref}/"
        site_root = self.site.url.rstrip("/") + "/" if self.site.url else ""
        self.assets[page + "feed.xml"] = atom_feed(
            conferences, self.lang, site_root, load_strings(), page, self.name(ref)
        )
        return page + "feed.xml"

    def calendar(self, series: Ref | None = None) -> str:
        """The iCalendar file of a series' conferences, or of every conference, written beside the
        page; its path from the language's root."""
        conferences = self.archive.by_series.get(series, []) if series else self.archive.conferences
        path = f"series/{series}/calendar.ics" if series else "calendar.ics"
        name = f"{self.name(series)} · {self.ui('home_title')}" if series else self.ui("home_title")
        days = []
        for conference in self.undated(conferences, dated=True):
            record = conference.record
            url = self.page_url_of(f"conferences/{conference.id}.md") or ""
            place = (
                self.place_name(conference.place, record.date) + self.today_text(conference.place)
                if conference.place
                else ""
            )
            hall = self.t(record.venue.hall) if record.venue.hall else ""
            days.append(
                Day(
                    uid=feed_id("conference", conference.id, self.lang).removeprefix("urn:uuid:"),
                    start=locale.parse_date(record.date),
                    days=max(1, math.ceil(record.duration_days or 1)),  # a half day is on one day
                    summary=self.t(record.title),
                    description="\n\n".join(filter(None, [self.t(record.summary), url])),
                    location=", ".join(filter(None, [hall, place])),
                    url=url,
                )
            )
        self.assets[path] = calendar(name, self.lang, days)
        return path

    def undated_note(self, conferences: list[Conference]) -> Markup:
        """Which of the conferences a calendar leaves out, for want of a day; nothing when none is."""
        undated = self.undated(conferences)
        if not undated:
            return Markup("")
        return markdown_text(self.ui("calendar_undated") + " ") + Markup("; ").join(map(self.conference, undated)) + "."

    def undated(self, conferences: list[Conference], dated: bool = False) -> list[Conference]:
        """The conferences whose day is not known (given to the month or year only); or, dated, the others."""
        return [c for c in conferences if (locale.date_precision(c.record.date) == "day") == dated]

    def feed_link(self, feed: str, calendar: str | None = None) -> Markup:
        """A line with the links to the page's own feed and, for a series, its calendar."""
        links = self.link(self.ui("feed_of_page"), feed)
        if calendar:
            links += Markup(" · ") + self.link(self.ui("calendar_of_page"), calendar)
        return Markup('<p class="archive-feed" markdown>') + links + Markup("</p>")

    def citation(self, conference: Conference) -> dict[str, str]:
        """What a citation of a conference's page gives: its title, the archive, its address and the day
        its record last changed (each only when known)."""
        changed = self.site.changed.get(f"conferences/{conference.id}.yaml")
        found = {
            "title": self.t(conference.record.title),
            "archive": self.ui("home_title"),
            "url": self.page_url() or "",
            "changed": changed.isoformat() if changed else "",
            "license": LICENSE["path"],
        }
        return {key: value for key, value in found.items() if value}

    def citation_text(self, citation: dict[str, str]) -> Markup:
        """The citation in the page's language, as a reader copies it. The day of access is the
        reader's: the page's script writes today's date in its place (overrides/main.html)."""
        parts = [citation["title"], citation["archive"]] + ([citation["url"]] if "url" in citation else [])
        dates = [self.ui("cite_changed").format(date=self.date(citation["changed"]))] if "changed" in citation else []
        before, _, after = self.ui("cite_accessed").partition("{date}")
        day = Markup("<span data-accessed>") + markdown_text(self.ui("cite_access_day")) + Markup("</span>")
        accessed = markdown_text(before) + day + markdown_text(after)
        return markdown_text(". ".join(parts) + ". " + "".join(f"{d}; " for d in dates)) + accessed + "."

    def dataset_json_ld(self) -> Markup:
        """schema.org Dataset data for the data page, the downloads at their addresses."""
        if self.site.url:
            data_url = self.site.url.rstrip("/") + "/data/"
        else:
            data_url = self.to_root() + ("" if self.lang == LANGUAGES[0] else "../") + "data/"
        page_url = self.page_url() or "./"
        return structured_data.script_text(catalog.dataset(data_url, page_url, self.lang, self.site.last_change()))

    def license_notice(self) -> Markup:
        """The licence of the data and texts, in a sentence with a link to it."""
        before, after = self.ui("license_notice").split("{license}")
        link = Markup(f"[{markdown_text(LICENSE['short'])}]({LICENSE['path']})")
        return markdown_text(before) + link + markdown_text(after)

    def page_url(self) -> str | None:
        """This page's absolute address, when the site's address is known."""
        return self.page_url_of(self.page_path)

    def to_root(self) -> str:
        """The relative path from this page's address to its language's root ("../../" from conferences/x/)."""
        url = self.page_path.removesuffix(".md").removesuffix("index").rstrip("/")
        return "../" * (url.count("/") + 1 if url else 0)

    def page_url_of(self, page_path: str) -> str | None:
        """The absolute address of a page of this language, by its Markdown file, when the site's is known."""
        if not self.site.url:
            return None
        root = self.site.url.rstrip("/") + "/" + ("" if self.lang == LANGUAGES[0] else f"{self.lang}/")
        path = page_path.removesuffix(".md").removesuffix("index")
        return root + (path + "/" if path and not path.endswith("/") else path)

    def json_ld(self, about: Conference | Ref) -> Markup:
        """The schema.org data of the page about a conference, a series, a person or a place."""
        if isinstance(about, Ref):
            of_kind = {"series": structured_data.series, "people": structured_data.person}
            of_kind["places"] = structured_data.place
            return structured_data.script_text(of_kind[about.kind](self, about))
        return structured_data.script_text(structured_data.event(self, about))

    def series_figures(self, series: str) -> list[tuple[Conference, Any]]:
        """Every figure reported at the series' conferences."""
        return [(c, f) for c in self.archive.by_series.get(series, []) for f in c.record.figures]

    def charts(self, rows: list[tuple[Conference, Any]], folder: str) -> list[dict[str, Any]]:
        """A chart for each group of at least three comparable figures, its SVG kept to be written
        under charts/<folder>/ (one folder per page: a series draws a measure from fewer figures)."""
        found = []
        for group in comparable(rows, self.composition):
            measure = self.name(Ref(group.metric, "metrics"))
            title = f"{measure} — {self.place_name(Ref(group.scope, 'places'), group.points[0][0].date)}"
            axis = self.ui("chart_periods").format(months=group.months)
            unit = self.t(self.entry(Ref(group.unit, "units")).name)
            path = f"charts/{folder}/{group.slug}.svg"
            self.assets[path] = charts.svg(group, self.lang, title, axis, unit)
            alt = f"{self.ui('chart_of')} {title} ({unit}); {self.ui('chart_table')}"
            image = Markup(f"![{markdown_text(alt)}]({self.href(path)})")
            found.append({"title": title, "image": image, "points": group.points})
        return found

    def comparisons(self, rows: list[tuple[Conference, Any]]) -> list[dict[str, Any]]:
        """A bar chart for each group of figures of the regions and the country over the same months, in
        the same unit, its SVG kept to be written under charts/compared/."""
        found = []
        regional = ("region", "country")
        for group in comparisons(rows, lambda scope: self.entry(Ref(scope, "places")).kind in regional):
            months = locale.format_period(*group.months, self.lang)
            unit = self.ui("change") if group.unit == CHANGE else self.t(self.entry(Ref(group.unit, "units")).name)
            title = f"{self.name(Ref(group.metric, 'metrics'))} — {months} ({unit})"
            names = [self.place_name(figure.scope, c.date) for c, figure in group.points]
            labels = [self.change(f) if group.unit == CHANGE else self.value(f) for _, f in group.points]
            path = f"charts/compared/{group.slug}.svg"
            self.assets[path] = comparisons_svg(group, self.lang, title, names, labels)
            alt = f"{self.ui('chart_of')} {title}; {self.ui('chart_table')}"
            image = Markup(f"![{markdown_text(alt)}]({self.href(path)})")
            found.append({"title": title, "image": image, "points": group.points})
        return found

    def not_charted(
        self, rows: list[tuple[Conference, Any]], drawn: list[dict[str, Any]]
    ) -> list[tuple[Conference, Any]]:
        """The rows whose figure no chart's table shows: a page lists each figure once."""
        shown = {id(figure) for chart in drawn for _, figure in chart["points"]}
        return [(conference, figure) for conference, figure in rows if id(figure) not in shown]

    def card(self, conference: Conference | None = None) -> str:
        """The preview image shown where the page is shared, declared beside the page and drawn by the build;
        its path from the language's root. A conference's shows its title, date, place and series; the rest
        share one."""
        if conference is None:
            path = "cards/archive.png"
            self.cards[path] = Card(self.ui("card_heading"), self.ui("home_title"), (self.ui("card_tagline"),))
            return path
        record, path = conference.record, f"cards/{conference.id}.png"
        when_where = [self.date(record.date)]
        if conference.place:
            when_where.append(self.place_name(conference.place, record.date))
        series = self.name(record.series)
        if record.edition:
            series += f" · {self.ui('edition')} {self.edition(conference)}"
        self.cards[path] = Card(self.ui("home_title"), self.t(record.title), (" · ".join(when_where), series))
        return path

    def edition(self, conference: Conference) -> str:
        return locale.roman(conference.record.edition) if conference.record.edition else ""

    def sorted_refs(self, kind: str, among: Any = None) -> list[Ref]:
        """Ids of a reference file (or those among them given) in Vietnamese alphabetical order of their names."""
        key = name_sort_key if kind == "people" else sort_key
        refs = self.archive.entries[kind] if among is None else among
        return sorted((Ref(ref, kind) for ref in refs), key=lambda ref: key(self.name(ref)))


@cache
def environment() -> jinja2.Environment:
    """Templates from templates/; every {{ value }} is escaped for Markdown unless it is Markup.

    Autoescape makes macro results Markup, so what a macro escaped is not escaped twice."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
        finalize=markdown_text,
    )
    env.filters["html"] = html_text
    env.filters["front"] = front_matter_text
    env.tests["not_recorded"] = lambda value: value is NOT_RECORDED
    return env


@cache
def load_strings() -> dict[str, dict[str, str]]:
    """Interface strings per language."""
    return load(TEMPLATES_DIR / "strings.yaml").data


@dataclass
class RenderReport:
    """How many conferences a render drew from, how many Markdown files it wrote and removed, the
    preview images its pages declared, and, for the preview's memory, the pages it drew with what they read."""

    conferences: int = 0
    written: int = 0
    removed: int = 0
    drawn: dict[tuple[str, str], Drawn] = field(default_factory=dict)
    cards: dict[Path, Card] = field(default_factory=dict)


def render_language(
    archive: Archive, lang: str, out_dir: Path, site: Site, memory: Memory | None = None, basis: str = ""
) -> RenderReport:
    """Write the Markdown of one language. A file whose text is unchanged keeps its modification time,
    so that MkDocs' dirty build in the preview builds only the pages that changed. With the preview's
    memory, a page that would be drawn as it was is left as it is."""
    report = RenderReport()
    env = environment()
    wanted, values = set(), {}
    for page in site_pages(archive):
        target = out_dir / page.path
        wanted.add(target)
        if memory and still_drawn(archive, memory.drawn.get((lang, page.path)), basis, values) and target.is_file():
            continue
        h = Helpers(archive, lang, page.path, site)
        with tracing() as reads:
            text = env.get_template(page.template).render(archive=archive, h=h, lang=lang, ui=h.ui, **page.context)
        if memory:
            seen = tuple((read, values[read] if read in values else value_of(archive, read)) for read in reads)
            report.drawn[(lang, page.path)] = Drawn(basis, seen, text, h.assets)
        for asset, content in h.assets.items():
            write_if_changed(out_dir / asset, content)
        report.cards.update({out_dir / path: card for path, card in h.cards.items()})
        report.written += write_if_changed(target, text)
    for stale in sorted(set(out_dir.rglob("*.md")) - wanted):
        stale.unlink()
        report.removed += 1
    return report


Job = tuple[Archive, Path, Site, "Memory | None", str]


def _render_part(job: Job, part: str) -> RenderReport:
    """One language's Markdown, or the downloads and feeds."""
    archive, md_root, site, memory, basis = job
    if part in LANGUAGES:
        return render_language(archive, part, md_root / part, site, memory, basis)
    write_downloads(archive, md_root, site.url, site.content_url("blob"), site.last_change(), load_strings())
    return RenderReport()


def render_site(
    archive: Archive, md_root: Path, site: Site | None = None, memory: Memory | None = None, basis: str = ""
) -> RenderReport:
    """Write the Markdown of every language under md_root/<lang>/, and the downloads and feeds beside
    them, the languages side by side on the machine's cores. With the preview's memory, pages are
    drawn again only where what they read changed, and the memory keeps what was drawn."""
    for template in environment().list_templates(filter_func=lambda name: name.endswith(".md.j2")):
        environment().get_template(template)  # compiled once here, not in each language's process
    parts = side_by_side(_render_part, ["downloads", *LANGUAGES], (archive, md_root, site or Site(), memory, basis))
    report = RenderReport(conferences=len(archive.conferences))
    for part in parts:
        report.written += part.written
        report.removed += part.removed
        report.drawn.update(part.drawn)
        report.cards.update(part.cards)
    if memory:
        memory.drawn.update(report.drawn)
        pages = {(lang, page.path) for page in site_pages(archive) for lang in LANGUAGES}
        memory.drawn = {key: drawn for key, drawn in memory.drawn.items() if key in pages}
    return report
