"""Jinja2 renders the archive into one Markdown tree per language, touching only what changed."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from . import locale
from .escape import front_matter_text, html_text, markdown_text
from .locale import LANGUAGES
from .model import Archive, Conference
from .vietnamese import name_sort_key, sort_key
from .workers import parallel_map

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class Page:
    """One page of the site: where it goes, which template draws it, with what."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def site_pages(archive: Archive) -> list[Page]:
    """Every page, the same paths in both languages."""
    pages = [
        Page("index.md", "home.md.j2"),
        Page("timeline.md", "timeline.md.j2"),
        Page("figures.md", "figures.md.j2"),
        Page("conferences/index.md", "conferences.md.j2"),
        Page("series/index.md", "series_index.md.j2"),
        Page("people/index.md", "people.md.j2"),
        Page("places/index.md", "places.md.j2"),
        Page("years/index.md", "years.md.j2"),
    ]
    pages += [Page(f"conferences/{c.id}.md", "conference.md.j2", {"conference": c}) for c in archive.conferences]
    pages += [Page(f"years/{year}.md", "year.md.j2", {"year": year}) for year in archive.by_year]
    pages += [Page(f"series/{ref}.md", "series.md.j2", {"series_id": ref}) for ref in archive.refs["series"]]
    pages += [Page(f"people/{ref}.md", "person.md.j2", {"person_id": ref}) for ref in archive.refs["people"]]
    pages += [Page(f"places/{ref}.md", "place.md.j2", {"place_id": ref}) for ref in archive.refs["places"]]
    return pages


PAGE_OF_KIND = {"people": "people", "places": "places", "series": "series", "conferences": "conferences"}


class Helpers:
    """What templates call to name, link and format things in one language, from one page."""

    def __init__(self, archive: Archive, lang: str, page_path: str, strings: dict[str, dict[str, str]]) -> None:
        self.archive = archive
        self.lang = lang
        self.page_path = page_path
        self.strings = strings

    def t(self, text: str | dict[str, str]) -> str:
        """A text in this page's language; a plain string is the same in both."""
        return text if isinstance(text, str) else text[self.lang]

    def ui(self, key: str) -> str:
        """An interface string from templates/strings.yaml."""
        return self.strings[key][self.lang]

    def href(self, target: str) -> str:
        """The relative link from this page's Markdown file to another's."""
        return posixpath.relpath(target, posixpath.dirname(self.page_path) or ".")

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

    def edition(self, conference: Conference) -> str:
        edition = conference.record.get("edition")
        return locale.roman(edition) if edition else ""

    def sorted_refs(self, kind: str) -> list[str]:
        """Ids of a reference file in Vietnamese alphabetical order of their names."""
        if kind == "people":
            return sorted(self.archive.refs[kind], key=lambda ref: name_sort_key(self.name(kind, ref)))
        return sorted(self.archive.refs[kind], key=lambda ref: sort_key(self.name(kind, ref)))


@cache
def environment() -> jinja2.Environment:
    """Templates from templates/; every {{ value }} is escaped for Markdown unless it is Markup.

    Autoescape makes macro results Markup, so what a macro escaped is not escaped twice.
    """
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
    return env


@cache
def load_strings() -> dict[str, dict[str, str]]:
    """Interface strings per language."""
    return yaml.safe_load((TEMPLATES_DIR / "strings.yaml").read_text(encoding="utf-8"))


@dataclass
class RenderReport:
    """How many Markdown files a render wrote, left alone, and removed."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0


def render_language(archive: Archive, lang: str, out_dir: Path, report: RenderReport | None = None) -> RenderReport:
    """Write the Markdown of one language; unchanged files keep their modification time."""
    report = report or RenderReport()
    env = environment()
    strings = load_strings()
    wanted: set[Path] = set()
    for page in site_pages(archive):
        helpers = Helpers(archive, lang, page.path, strings)
        text = env.get_template(page.template).render(
            archive=archive, h=helpers, lang=lang, ui=helpers.ui, page_path=page.path, **page.context
        )
        target = out_dir / page.path
        wanted.add(target)
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        report.written += 1
    for stale in sorted(out_dir.rglob("*.md")):
        if stale not in wanted:
            stale.unlink()
            report.removed += 1
    return report


def _render_one(job: tuple[Archive, Path], lang: str) -> RenderReport:
    archive, md_root = job
    return render_language(archive, lang, md_root / lang)


def render_site(archive: Archive, md_root: Path) -> RenderReport:
    """Write the Markdown of every language under md_root/<lang>/, the languages side by side."""
    report = RenderReport()
    for part in parallel_map(_render_one, LANGUAGES, shared=(archive, md_root)):
        report.written += part.written
        report.unchanged += part.unchanged
        report.removed += part.removed
    return report
