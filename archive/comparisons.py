"""One measure compared across regions for the same months, drawn at build time as horizontal bars.

Figures are compared only when they cover the same months in the same unit: a value in billion VND
is not set beside one in trillion VND, nor nine months beside six. Where the sources give only the
change year on year, the changes are compared, in percent. templates/bars.svg.j2 writes the SVG.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .charts import LABEL_SIZE, TITLE_FITS, Label, _environment, fit_lines, nice_ticks, scale, wrap
from .locale import format_number
from .model import Conference

CHANGE = "change"
"""The unit key of a comparison of changes year on year, in percent."""


@dataclass(frozen=True)
class Comparison:
    """Figures of one measure for two or more places over the same months, in the same unit."""

    metric: str
    months: tuple[str, str]
    unit: str
    """A unit id, or CHANGE."""
    points: tuple[tuple[Conference, Any], ...]
    """One (conference, figure) per place, largest first."""

    @property
    def slug(self) -> str:
        return f"{self.metric}--{self.months[0]}--{self.months[1]}--{self.unit}"

    def quantity(self, figure: Any) -> float:
        """What the bars compare: the value, or the change in percent."""
        return _quantity(self.unit, figure)


def _quantity(unit: str, figure: Any) -> float:
    return figure.change_pct if unit == CHANGE else figure.value


def comparisons(rows: list[tuple[Conference, Any]], compared: Callable[[str], bool]) -> list[Comparison]:
    """The groups of figures, one per place that `compared` accepts, that share a measure, months and unit.

    A figure with a value is compared by its value; one with only a change, by its change. A place
    reported twice for the same months keeps the first figure, as the charts do."""
    groups: dict[tuple[str, str, str, str], dict[str, tuple[Conference, Any]]] = defaultdict(dict)
    for conference, figure in rows:
        if figure.target or figure.out_of is not None or not compared(figure.scope):
            continue
        if figure.value is not None:
            unit = figure.unit
        elif figure.change_pct is not None:
            unit = CHANGE
        else:
            continue
        key = (figure.metric, figure.period.from_, figure.period.to, unit)
        groups[key].setdefault(figure.scope, (conference, figure))
    found = []
    for (metric, start, end, unit), by_place in sorted(groups.items()):
        if len(by_place) >= 2:
            points = sorted(by_place.values(), key=lambda point, unit=unit: -_quantity(unit, point[1]))
            found.append(Comparison(metric, (start, end), unit, tuple(points)))
    return found


WIDTH = 720
BAR, GAP = 26, 12
"""A bar's height and the space between bars, in px."""
LEFT_ROOM = 200
"""The column of place names, in px."""
TOP, BOTTOM = 64, 36


@dataclass(frozen=True)
class Bar:
    y: float
    x: float
    width: float
    names: list[Label]
    value: Label


@dataclass(frozen=True)
class Bars:
    """Every position of a bar chart, worked out for templates/bars.svg.j2."""

    slug: str
    title: str
    title_size: int
    title_lines: list[Label]
    width: int
    height: int
    zero: float
    bars: list[Bar]
    ticks: list[Label]
    axis_y: float
    bar_height: int = BAR


def layout(comparison: Comparison, lang: str, title: str, names: list[str], labels: list[str]) -> Bars:
    """The bars of a comparison: names on the left, each bar's length its quantity, its label at its end."""
    values = [comparison.quantity(figure) for _, figure in comparison.points]
    ticks = nice_ticks(min(0, *values), max(0, *values), most=5)
    domain = (ticks[0], ticks[-1])
    left, right = LEFT_ROOM, WIDTH - 90
    size, lines = fit_lines(title, TITLE_FITS, WIDTH - 32)
    title_lines = [Label(line, WIDTH / 2, 24 + index * (size + 4)) for index, line in enumerate(lines)]
    top = TOP + (len(lines) - 1) * (size + 4)
    zero = scale(0, domain, (left, right))
    bars = []
    for index, (value, name, label) in enumerate(zip(values, names, labels, strict=True)):
        y = top + index * (BAR + GAP)
        end = scale(value, domain, (left, right))
        name_lines = wrap(name, LABEL_SIZE, LEFT_ROOM - 16)[:2]
        first = y + BAR / 2 + 4 - (len(name_lines) - 1) * 7
        bars.append(
            Bar(
                y=y,
                x=min(zero, end),
                width=round(abs(end - zero), 1),
                names=[Label(text, LEFT_ROOM - 10, first + line * 14) for line, text in enumerate(name_lines)],
                value=Label(label, max(zero, end) + 6, y + BAR / 2 + 4),
            )
        )
    axis_y = top + len(values) * (BAR + GAP)
    tick_labels = [Label(format_number(tick, lang), scale(tick, domain, (left, right)), axis_y + 18) for tick in ticks]
    return Bars(comparison.slug, title, size, title_lines, WIDTH, int(axis_y + BOTTOM), zero, bars, tick_labels, axis_y)


def svg(comparison: Comparison, lang: str, title: str, names: list[str], labels: list[str]) -> str:
    """The bar chart of a comparison, as SVG."""
    bars = layout(comparison, lang, title, names, labels)
    return _environment().get_template("bars.svg.j2").render(chart=bars)
