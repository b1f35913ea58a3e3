"""Charts drawn at build time as SVG: one line per measure where at least three figures compare.

This module works out the layout (ticks, labels, positions); templates/chart.svg.j2 writes the SVG.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from .locale import format_number, format_period, parse_date
from .model import Conference
from .settings import MIN_CHART_POINTS

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class ComparableFigures:
    """Figures of one measure, for one scope and unit, over periods of the same length."""

    metric: str
    scope: str
    unit: str
    months: int
    points: tuple[tuple[Conference, Any], ...]
    era: int = 0
    """Which of its scope's compositions the figures are of: a region's figures before and after it
    changed members are not one line."""

    @property
    def slug(self) -> str:
        """The chart's file name: unique for each group (a measure may be given in two units)."""
        return f"{self.metric}--{self.scope}--{self.unit}--{self.months}m" + (f"--{self.era}" if self.era else "")


def _months(period: Any) -> int:
    start, end = parse_date(period.from_), parse_date(period.to)
    return (end.year - start.year) * 12 + end.month - start.month + 1


def comparable(
    rows: list[tuple[Conference, Any]], era: Callable[[str, Conference], int] = lambda scope, conference: 0
) -> list[ComparableFigures]:
    """Groups of at least three figures with a value, one per period, that can share one chart.

    era(scope, conference) tells which composition of a scope a conference's figures are of."""
    groups: dict[tuple[str, str, str, int, int], dict[str, tuple[Conference, Any]]] = defaultdict(dict)
    for conference, figure in rows:
        if figure.value is not None and not figure.target and figure.out_of is None:
            key = (figure.metric, figure.scope, figure.unit, _months(figure.period), era(figure.scope, conference))
            groups[key].setdefault(figure.period.from_, (conference, figure))
    found = []
    for (metric, scope, unit, months, composition), by_period in sorted(groups.items()):
        if len(by_period) >= MIN_CHART_POINTS:
            points = tuple(by_period[start] for start in sorted(by_period))
            found.append(ComparableFigures(metric, scope, unit, months, points, composition))
    return found


# The drawing: this module works out every position, templates/chart.svg.j2 only places the elements.
WIDTH, HEIGHT = 720, 360
AXIS_TITLE_SIZE, LABEL_SIZE, MIN_LABEL_SIZE = 14, 12, 8
"""Font sizes in px: the axis titles and the labels as pygal drew them; labels shrink to keep the plot tall."""
TITLE_FITS = ((16, 2), (14, 2), (12, 3))
"""(font size, most lines) tried in turn for the chart's title; past the last it is cut with …"""
Y_TITLE_FITS = ((14, 1), (12, 1), (12, 2), (10, 2))
Y_TITLE_EDGE = 32
"""The y title's last baseline; its lines, rotated, stand left of it in a column as wide as two 12 px lines."""
PLOT_RIGHT = WIDTH - 16
MIN_PLOT_HEIGHT = 140
X_TITLE_BASELINE = HEIGHT - 10
MAX_TICKS = 6
NICE_STEPS = (1, 2, 2.5, 5)
"""Tick steps are one of these times a power of ten."""
ANGLES = (30, 45, 60, 90)
"""Rotations tried in turn for x labels that do not fit side by side: 30° as pygal drew them, steeper when
the points are so close that neighbours rotated 30° would overlap."""
_NARROW, _SEMI, _WIDE = frozenset(".,:;'!|ijlI"), frozenset("tfr/()[]-"), frozenset("mwMW—")


@cache
def _em_width(word: str) -> float:
    """The width of a word in em, estimated on the wide side (DejaVu Sans, the usual sans-serif on Linux)."""
    width = 0.0
    for char in word:
        if char in _NARROW:
            width += 0.3
        elif char in _SEMI:
            width += 0.38
        elif char in _WIDE:
            width += 0.95
        elif char.isupper():
            width += 0.72
        else:
            width += 0.63
    return width


def text_width(text: str, size: float) -> float:
    """About how wide a text is drawn in px at a font size in px: enough to keep labels apart and unclipped."""
    return (sum(_em_width(word) for word in text.split(" ")) + 0.32 * text.count(" ")) * size


def wrap(text: str, size: float, room: float) -> list[str]:
    """The words of a text in lines at most `room` px wide at a font size (a longer word stands alone)."""
    lines: list[str] = []
    width, space = 0.0, text_width(" ", size)
    for word in text.split():
        word_width = text_width(word, size)
        if lines and width + space + word_width <= room:
            lines[-1] += " " + word
            width += space + word_width
        else:
            lines.append(word)
            width = word_width
    return lines or [""]


def fit_lines(text: str, fits: tuple[tuple[int, int], ...], room: float) -> tuple[int, list[str]]:
    """The first (font size, most lines) of `fits` at which the text wraps into `room` px wide lines;
    past the last, its lines cut there, the last ending in …"""
    for size, most in fits:
        lines = wrap(text, size, room)
        if len(lines) <= most:
            return size, lines
    lines = lines[:most]
    last = lines[-1]
    while " " in last and text_width(last + " …", size) > room:
        last = last.rsplit(" ", 1)[0]
    lines[-1] = last + " …"
    return size, lines


def _exact(value: float, decimals: int) -> float | int:
    """A tick value without float noise (0.30000000000000004 → 0.3), an int when it is whole."""
    value = round(value, decimals) + 0.0  # + 0.0: never -0.0
    return int(value) if value.is_integer() else value


def nice_ticks(low: float, high: float, most: int = MAX_TICKS) -> list[float | int]:
    """Ticks 1, 2, 2.5 or 5 × 10^k apart, from the multiple of the step at or below low to the one at or above
    high: the smallest such step that needs at most `most` ticks (so 3 to `most` ticks). A single value is
    widened by a tenth of itself each way (0 becomes 0..1), so that its flat line runs across the middle."""
    low, high = min(low, high), max(low, high)
    if low == high:
        low, high = (0.0, 1.0) if low == 0 else (low - abs(low) / 10, high + abs(high) / 10)
    exponent = math.floor(math.log10((high - low) / most)) - 1
    while True:
        for mantissa in NICE_STEPS:
            step = mantissa * 10.0**exponent
            first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
            if last - first + 1 <= most:
                decimals = max(0, -exponent + (1 if mantissa == 2.5 else 0))
                return [_exact(index * step, decimals) for index in range(first, last + 1)]
        exponent += 1


def y_range(values: list[float]) -> tuple[float, float]:
    """The span the y axis covers: the values, stretched to 0 when they all lie on one side of it and the one
    nearest 0 is within a third of the farthest (then 0 costs little room and shows sizes truly); otherwise
    the axis hugs the values so that their changes stay visible."""
    low, high = min(values), max(values)
    if 0 <= low <= high / 3:
        low = 0
    elif high <= 0 and low / 3 <= high:
        high = 0
    return low, high


def scale(value: float, domain: tuple[float, float], span: tuple[float, float]) -> float:
    """A value's position: domain[0] lands on span[0], domain[1] on span[1]; rounded to 0.1 px."""
    fraction = (value - domain[0]) / (domain[1] - domain[0])
    return round(span[0] + fraction * (span[1] - span[0]), 1) + 0.0


def x_label_angle(widths: list[float], slot: float, size: float) -> tuple[int, int]:
    """How to write x labels of these widths at points `slot` px apart: (rotation in degrees, label every n-th
    point). Level when the widest fits its slot; else the least rotation of ANGLES that keeps neighbours a
    line apart; upright and only every n-th when even that is too tight."""
    if max(widths) + 8 <= slot:
        return 0, 1
    line = size * 1.25
    for angle in ANGLES:
        if slot * math.sin(math.radians(angle)) >= line:
            return angle, 1
    return 90, math.ceil(line / slot)


def label_band(width: float, angle: int, size: float) -> float:
    """How far below the x axis a label of this width reaches, written at this angle and font size."""
    a = math.radians(angle)
    return 8 + 1.05 * size * math.cos(a) + width * math.sin(a)


def plot_left(tick_width: float, reaches: list[float], right: float) -> float:
    """The plot's left edge: room for the y title and the tick labels, and enough that x labels rotated to
    the lower left (reaching `reaches` px left of their point, one per point) stay inside the drawing."""
    left = Y_TITLE_EDGE + 10 + tick_width
    for index, reach in enumerate(reaches):
        share = (index + 0.5) / len(reaches)  # the point sits at left + share × (right − left)
        left = max(left, (4 + reach - share * right) / (1 - share))
    return left


@dataclass(frozen=True)
class Label:
    """A text and where it is anchored (a y tick label: at its tick, its baseline 4 px lower)."""

    text: str
    x: float
    y: float

    @property
    def baseline(self) -> float:
        return round(self.y + 4, 1)


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    hover: str
    """period: value, shown when the pointer rests on the dot."""


@dataclass(frozen=True)
class Chart:
    """Everything the template places, in px within a WIDTH × HEIGHT view box."""

    slug: str
    title: str
    title_size: int
    title_lines: tuple[Label, ...]
    left: float
    right: float
    top: float
    bottom: float
    y_title_size: int
    y_title_lines: tuple[Label, ...]
    y_ticks: tuple[Label, ...]
    x_title: str
    x_labels: tuple[Label, ...]
    x_ticks: tuple[float, ...]
    label_size: float
    angle: int
    dots: tuple[Dot, ...]

    width = WIDTH
    height = HEIGHT
    x_title_baseline = X_TITLE_BASELINE
    axis_title_size = AXIS_TITLE_SIZE

    @property
    def anchor(self) -> str:
        """Rotated x labels end at their point, level ones are centred on it."""
        return "end" if self.angle else "middle"

    @property
    def tick_end(self) -> float:
        """Where the marks below the x axis at each point end."""
        return round(self.bottom + 5, 1)

    @property
    def center(self) -> float:
        """The middle of the plot, under which the x title is centred."""
        return round((self.left + self.right) / 2, 1)

    @property
    def polyline(self) -> str:
        return " ".join(f"{dot.x},{dot.y}" for dot in self.dots)


def layout(group: ComparableFigures, lang: str, title: str, axis_x: str, unit_name: str) -> Chart:
    """Where everything goes: ticks, labels and dots in px, every number and period in the page's language."""
    values = [figure.value for _, figure in group.points]
    periods = [format_period(figure.period.from_, figure.period.to, lang) for _, figure in group.points]
    count, right = len(values), PLOT_RIGHT
    title_size, title_texts = fit_lines(title, TITLE_FITS, WIDTH - 24)
    title_lines = tuple(
        Label(text, WIDTH / 2, round(10 + title_size * (1 + 1.2 * i), 1)) for i, text in enumerate(title_texts)
    )
    top = round(title_lines[-1].y + 18, 1)
    ticks = nice_ticks(*y_range(values))
    tick_labels = [format_number(tick, lang) for tick in ticks]
    tick_width = max(text_width(label, LABEL_SIZE) for label in tick_labels)
    widths = [text_width(period, LABEL_SIZE) for period in periods]
    left = plot_left(tick_width, [], right)
    for _ in range(4):  # rotated labels may push the plot right, which narrows the slots: settle both
        angle, every = x_label_angle(widths, (right - left) / count, LABEL_SIZE)
        reach = math.cos(math.radians(angle)) if angle else 0.0
        moved = plot_left(tick_width, [w * reach if i % every == 0 else 0.0 for i, w in enumerate(widths)], right)
        if moved == left:
            break
        left = moved
    size, widest = LABEL_SIZE, max(widths[::every])
    room = X_TITLE_BASELINE - AXIS_TITLE_SIZE - 8 - top - MIN_PLOT_HEIGHT
    if label_band(widest, angle, size) > room:  # long labels written steeply: a smaller font keeps the plot tall
        per_px = label_band(widest / size, angle, 1) - 8  # how much lower the labels reach per px of font size
        size = round(max(MIN_LABEL_SIZE, (room - 8) / per_px), 1)
        widest *= size / LABEL_SIZE
    bottom = round(X_TITLE_BASELINE - AXIS_TITLE_SIZE - 8 - label_band(widest, angle, size), 1)
    y_size, y_texts = fit_lines(unit_name, Y_TITLE_FITS, bottom - top)
    middle = round((top + bottom) / 2, 1)
    y_title_lines = tuple(
        Label(text, round(Y_TITLE_EDGE - (len(y_texts) - 1 - i) * 1.2 * y_size, 1), middle)
        for i, text in enumerate(y_texts)
    )
    slot = (right - left) / count
    xs = [round(left + (index + 0.5) * slot, 1) for index in range(count)]
    a = math.radians(angle)
    label_dx, label_dy = 0.35 * size * math.sin(a), 8 + 0.8 * size * math.cos(a)
    domain = (ticks[0], ticks[-1])
    return Chart(
        slug=group.slug,
        title=title,
        title_size=title_size,
        title_lines=title_lines,
        left=round(left, 1),
        right=right,
        top=top,
        bottom=bottom,
        y_title_size=y_size,
        y_title_lines=y_title_lines,
        y_ticks=tuple(
            Label(label, round(left - 6, 1), scale(tick, domain, (bottom, top)))
            for tick, label in zip(ticks, tick_labels, strict=True)
        ),
        x_title=axis_x,
        x_labels=tuple(
            Label(period, round(x + label_dx, 1), round(bottom + label_dy, 1))
            for index, (x, period) in enumerate(zip(xs, periods, strict=True))
            if index % every == 0
        ),
        x_ticks=tuple(xs),
        label_size=size,
        angle=angle,
        dots=tuple(
            Dot(x, scale(value, domain, (bottom, top)), f"{period}: {format_number(value, lang)}")
            for x, value, period in zip(xs, values, periods, strict=True)
        ),
    )


@cache
def _environment() -> jinja2.Environment:
    """The charts' own environment: XML escaping for SVG, not the Markdown finalizer of the page templates."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
    )


def svg(group: ComparableFigures, lang: str, title: str, axis_x: str, unit_name: str) -> str:
    """The chart: a title, the periods along the bottom, the values with their unit up the side."""
    return _environment().get_template("chart.svg.j2").render(chart=layout(group, lang, title, axis_x, unit_name))
