"""The chart layout: nice ticks, labels that fit, escaping, and the same bytes for the same figures."""

from __future__ import annotations

import itertools
import math
import random
import xml.etree.ElementTree as ElementTree

import pytest

from archive.charts import (
    HEIGHT,
    WIDTH,
    ComparableFigures,
    comparable,
    layout,
    nice_ticks,
    svg,
    text_width,
    y_range,
)
from archive.typed import shape_of, typed

SVG = "{http://www.w3.org/2000/svg}"


def figure(data):
    """A figure as records give it to the charts: typed from the schema."""
    return typed({"figures": [data]}, shape_of("conference")).figures[0]


def group(values, periods=None, metric="retail-sales", unit="billion-vnd"):
    """Figures for a chart; the conference beside each figure is not drawn."""
    periods = periods or [(f"{2001 + i}-01", f"{2001 + i}-03") for i in range(len(values))]
    points = tuple(
        (
            None,
            figure(
                {"metric": metric, "scope": "viet-nam", "unit": unit, "value": value, "period": {"from": a, "to": b}}
            ),
        )
        for value, (a, b) in zip(values, periods, strict=True)
    )
    return ComparableFigures(metric, "viet-nam", unit, 3, points)


def draw(values, lang="vi", title="Doanh thu — Cả nước", periods=None, unit="tỷ đồng"):
    axis = "Kỳ số liệu (3 tháng)" if lang == "vi" else "Period (3 months)"
    return svg(group(values, periods), lang, title, axis, unit)


def is_nice(step: float) -> bool:
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    return any(math.isclose(mantissa, nice) for nice in (1, 2, 2.5, 5))


def check_ticks(ticks, low, high):
    assert 3 <= len(ticks) <= 6, ticks
    assert ticks[0] <= low and high <= ticks[-1], "the ticks cover the values"
    steps = [b - a for a, b in itertools.pairwise(ticks)]
    assert all(math.isclose(s, steps[0]) for s in steps), "evenly spaced"
    assert is_nice(steps[0]), steps[0]
    if low < high:
        assert ticks[0] > low - steps[0] and ticks[-1] < high + steps[0], "no empty step beyond the values"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 8500, [0, 2000, 4000, 6000, 8000, 10000]),
        (11, 24.5, [10, 15, 20, 25]),
        (0, 0.5, [0, 0.1, 0.2, 0.3, 0.4, 0.5]),
        (-8, 0, [-8, -6, -4, -2, 0]),
        (-3, 7, [-5, -2.5, 0, 2.5, 5, 7.5]),
        (5, 5, [4.5, 4.75, 5, 5.25, 5.5]),
        (0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1]),
    ],
)
def test_ticks_are_nice_steps_that_cover_the_values(low, high, expected):
    ticks = nice_ticks(low, high)
    assert ticks == expected
    check_ticks(ticks, low, high)


def test_ticks_carry_no_float_noise_and_whole_ticks_are_ints():
    assert nice_ticks(0.12, 0.5) == [0.1, 0.2, 0.3, 0.4, 0.5]
    assert all(type(t) is int for t in nice_ticks(1700, 8500))
    assert [repr(t) for t in nice_ticks(0.001, 0.0049)] == ["0.001", "0.002", "0.003", "0.004", "0.005"]


def test_ticks_hold_for_any_range():
    rng = random.Random(7)
    for _ in range(2000):
        scale = 10 ** rng.uniform(-3, 7)
        a, b = rng.uniform(-1, 1) * scale, rng.uniform(-1, 1) * scale
        check_ticks(nice_ticks(a, b), min(a, b), max(a, b))


def test_a_single_repeated_value_gets_a_flat_line_across_the_middle():
    for value in (5, 1234.5, -0.3, 0):
        ticks = nice_ticks(*y_range([value] * 4))
        check_ticks(ticks, value, value)
        assert ticks[0] < value < ticks[-1] or value == 0 == ticks[0]
    chart = layout(group([7, 7, 7]), "vi", "t", "x", "u")
    assert len({dot.y for dot in chart.dots}) == 1 and chart.top < chart.dots[0].y < chart.bottom


def test_zero_is_on_the_axis_only_when_it_costs_little_room():
    assert y_range([1700, 5000, 8500]) == (0, 8500), "the least is within a third of the most"
    assert y_range([11, 16, 24]) == (11, 24), "zero would squash the changes"
    assert y_range([-8, -2.5, -4]) == (-8, 0)
    assert y_range([-8, -6]) == (-8, -6)
    assert y_range([-3, 7]) == (-3, 7), "both signs: zero is already inside"
    assert y_range([0.12, 0.5]) == (0, 0.5)


def test_dots_sit_on_the_scale_of_the_ticks():
    chart = layout(group([2000, 5000, 8000, 3000]), "en", "t", "x", "u")
    y_of = {tick.text: tick.y for tick in chart.y_ticks}
    assert [tick.text for tick in chart.y_ticks] == ["0", "2,000", "4,000", "6,000", "8,000"]
    assert chart.dots[0].y == y_of["2,000"] and chart.dots[2].y == y_of["8,000"]
    assert y_of["0"] == chart.bottom and y_of["8,000"] == chart.top
    xs = [dot.x for dot in chart.dots]
    assert xs == sorted(xs) and chart.left < xs[0] and xs[-1] < chart.right
    assert all(round(v, 1) == v for dot in chart.dots for v in (dot.x, dot.y)), "rounded to 0.1 px"


def test_numbers_and_periods_follow_the_language():
    vi = layout(group([1234.5, 2000, 3500.25]), "vi", "t", "x", "u")
    en = layout(group([1234.5, 2000, 3500.25]), "en", "t", "x", "u")
    assert [t.text for t in vi.y_ticks] == ["1.000", "2.000", "3.000", "4.000"]
    assert [t.text for t in en.y_ticks] == ["1,000", "2,000", "3,000", "4,000"]
    assert vi.dots[0].hover == "quý I/2001: 1.234,5" and en.dots[0].hover == "Q1 2001: 1,234.5"
    assert [label.text for label in en.x_labels] == ["Q1 2001", "Q1 2002", "Q1 2003"]


def test_a_hostile_title_unit_and_axis_come_out_escaped():
    hostile = '<script>alert("x")</script> & <a href="http://evil.example">'
    text = svg(group([1, 2, 3]), "en", hostile, "Period <b> & co", "m² & <i>")
    assert "<script" not in text and "<a " not in text and "<b>" not in text and "<i>" not in text
    assert "&lt;script&gt;" in text and "&amp; &lt;a" in text
    root = ElementTree.fromstring(text)  # still well-formed XML
    assert root.find(f"{SVG}title").text == hostile
    assert " ".join("".join(t.itertext()) for t in root.find(f"{SVG}g[@class='title']")) == hostile
    drawn = {"".join(t.itertext()) for t in root.iter(f"{SVG}text")}
    assert "Period <b> & co" in drawn and "m² & <i>" in drawn


def test_the_same_figures_give_the_same_bytes():
    first, second = draw([3, 1, 4, 1, 5]), draw([3, 1, 4, 1, 5])
    assert first == second
    assert 'id="chart-retail-sales--viet-nam--billion-vnd--3m"' in first
    assert draw([3, 1, 4, 1, 6]) != first, "but other figures draw another chart"


def test_the_chart_is_standalone_svg_in_the_old_colours():
    text = draw([3, 1, 4])
    root = ElementTree.fromstring(text)
    assert root.tag == f"{SVG}svg" and root.get("viewBox") == f"0 0 {WIDTH} {HEIGHT}"
    assert root.get("font-family") == "sans-serif"
    assert (
        "<script" not in text and "<style" not in text and "http" not in text.replace("http://www.w3.org/2000/svg", "")
    )
    assert "#a31515" in text and "#777777" in text and "#111111" in text
    assert len(root.findall(f".//{SVG}circle")) == 3 and len(root.find(f".//{SVG}polyline").get("points").split()) == 3
    assert not root.findall(f".//{SVG}rect"), "transparent: no background drawn"


def monthly(count):
    return [(f"{2000 + i // 12}-{i % 12 + 1:02d}", f"{2000 + i // 12}-{i % 12 + 1:02d}") for i in range(count)]


def extents(chart):
    """Left, right and lowest reach of each x label, as the layout estimates them."""
    a = math.radians(chart.angle)
    for label in chart.x_labels:
        width = text_width(label.text, chart.label_size)
        if chart.angle:
            yield label.x - width * math.cos(a), label.x, label.y + width * math.sin(a)
        else:
            yield label.x - width / 2, label.x + width / 2, label.y


@pytest.mark.parametrize(
    ("periods", "angle"),
    [
        ([(f"{y}-01", f"{y}-03") for y in range(2001, 2004)], 0),
        (monthly(14), 30),
        (monthly(26), 45),
        ([(f"{y}-11", f"{y + 1}-02") for y in range(2000, 2012)], 30),
    ],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_x_labels_neither_overlap_nor_leave_the_drawing(periods, angle, lang):
    values = [float(i % 5) for i in range(len(periods))]
    chart = layout(group(values, periods), lang, "t", "Period", "u")
    assert chart.angle == angle
    assert len(chart.x_labels) == len(periods), "every period is named"
    slot = chart.x_ticks[1] - chart.x_ticks[0]
    for left, right, low in extents(chart):
        assert left >= 0 and right <= WIDTH and low < chart.x_title_baseline - chart.axis_title_size
    if angle:
        assert slot * math.sin(math.radians(angle)) >= chart.label_size, "rotated neighbours a line apart"
    else:
        widest = max(text_width(label.text, chart.label_size) for label in chart.x_labels)
        assert widest < slot
    assert chart.bottom - chart.top >= 120, "the plot keeps its height"


def test_too_many_points_name_every_other_period_and_every_point_on_hover():
    chart = layout(group([1.0] * 60, monthly(60)), "en", "t", "Period", "u")
    assert chart.angle == 90 and 1 < len(chart.x_labels) < 60
    assert chart.x_labels[0].text == "January 2000" and chart.x_labels[1].text == "March 2000"
    assert len(chart.dots) == 60 and chart.dots[59].hover == "December 2004: 1"


def test_a_long_title_wraps_and_a_very_long_one_is_cut():
    long = "Số địa phương có chỉ số phát triển công nghiệp, thương mại tăng trưởng dương so với cùng kỳ — Cả nước"
    chart = layout(group([1, 2, 3]), "vi", long, "x", "u")
    assert len(chart.title_lines) == 2 and " ".join(line.text for line in chart.title_lines) == long
    assert chart.top > layout(group([1, 2, 3]), "vi", "ngắn", "x", "u").top, "the plot starts lower"
    endless = " ".join(["chỉ tiêu"] * 120)
    cut = layout(group([1, 2, 3]), "vi", endless, "x", "u")
    assert len(cut.title_lines) == 3 and cut.title_lines[-1].text.endswith(" …")
    for line in cut.title_lines:
        assert text_width(line.text, cut.title_size) <= WIDTH - 24
    assert cut.bottom - cut.top >= 120


def test_a_measure_given_in_two_units_gets_two_charts_with_their_own_files() -> None:
    rows = [
        (None, figure({"metric": "exports", "scope": "viet-nam", "unit": unit, "value": value, "period": period}))
        for unit in ("usd-billion", "pct")
        for value, period in enumerate({"from": f"{year}-01", "to": f"{year}-12"} for year in (2020, 2021, 2022))
    ]
    groups = comparable(rows)
    assert [group.unit for group in groups] == ["pct", "usd-billion"]
    assert len({group.slug for group in groups}) == 2


def test_figures_of_two_compositions_of_a_region_are_two_charts() -> None:
    rows = [
        (y, figure({"metric": "exports", "scope": "southern", "unit": "usd-billion", "value": y, "period": period}))
        for y, period in ((y, {"from": f"{y}-01", "to": f"{y}-12"}) for y in range(2019, 2025))
    ]
    groups = comparable(rows, era=lambda scope, year: int(year >= 2022))
    assert [[f.value for _, f in group.points] for group in groups] == [[2019, 2020, 2021], [2022, 2023, 2024]]
    assert len({group.slug for group in groups}) == 2
