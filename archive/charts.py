"""Charts drawn at build time as SVG: one line per measure where at least three figures compare."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pygal
from pygal.style import Style

from .locale import format_number, format_period, parse_date
from .model import Conference

MIN_POINTS = 3
STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#333333",
    foreground_strong="#111111",
    foreground_subtle="#777777",
    colors=("#a31515",),
    font_family="sans-serif",
    title_font_size=16,
    label_font_size=12,
    major_label_font_size=12,
)


@dataclass(frozen=True)
class ComparableFigures:
    """Figures of one measure, for one scope and unit, over periods of the same length."""

    metric: str
    scope: str
    unit: str
    months: int
    points: tuple[tuple[Conference, dict[str, Any]], ...]

    @property
    def slug(self) -> str:
        return f"{self.metric}--{self.scope}--{self.months}m"


def _months(period: dict[str, str]) -> int:
    start, end = parse_date(period["from"]), parse_date(period["to"])
    return (end.year - start.year) * 12 + end.month - start.month + 1


def comparable(rows: list[tuple[Conference, dict[str, Any]]]) -> list[ComparableFigures]:
    """Groups of at least three figures with a value, one per period, that can share one chart."""
    groups: dict[tuple[str, str, str, int], dict[str, tuple[Conference, dict[str, Any]]]] = defaultdict(dict)
    for conference, figure in rows:
        if "value" in figure and not figure.get("target") and "out_of" not in figure:
            key = (figure["metric"], figure["scope"], figure["unit"], _months(figure["period"]))
            groups[key].setdefault(figure["period"]["from"], (conference, figure))
    found = []
    for (metric, scope, unit, months), by_period in sorted(groups.items()):
        if len(by_period) >= MIN_POINTS:
            points = tuple(by_period[start] for start in sorted(by_period))
            found.append(ComparableFigures(metric, scope, unit, months, points))
    return found


def svg(group: ComparableFigures, lang: str, title: str, axis_x: str, unit_name: str) -> str:
    """The chart: a title, the periods along the bottom, the values with their unit up the side."""
    chart = pygal.Line(
        js=[],
        style=STYLE,
        width=720,
        height=360,
        explicit_size=False,
        title=title,
        x_title=axis_x,
        y_title=unit_name,
        show_legend=False,
        dots_size=4,
        x_label_rotation=30,
        truncate_label=-1,
        value_formatter=lambda value: format_number(value, lang),
        disable_xml_declaration=True,
    )
    chart.x_labels = [format_period(f["period"]["from"], f["period"]["to"], lang) for _, f in group.points]
    chart.add(title, [f["value"] for _, f in group.points])
    text = chart.render(is_unicode=True)
    # pygal names each chart with a random id and stamps the day: make the file depend on its data only.
    chart_id = re.search(r'id="(chart-[0-9a-f-]+)"', text).group(1)
    text = text.replace(chart_id, f"chart-{group.slug}")
    # pygal adds its tooltip configuration as a script even with js=[]; a static chart needs none,
    # and its comments name the day and the project's web pages.
    text = re.sub(r"<script\b[^>]*>.*?</script>", "", text, flags=re.S)
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)
