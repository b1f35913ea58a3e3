"""Numbers, dates, periods and figures formatted per language with Babel."""

from __future__ import annotations

import datetime
from functools import cache

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

LANGUAGES = ("vi", "en")
"""Vietnamese first: it is the site's root language."""

_DATE_PATTERNS = {
    "vi": {"day": "d/M/y", "month": "'tháng' M/y", "year": "y"},
    "en": {"day": "d MMMM y", "month": "MMMM y", "year": "y"},
}
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
MINUS = "\u2212"


def roman(number: int) -> str:
    """8 → VIII, as Vietnamese writes edition and quarter numbers."""
    result = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        result += letters * count
    return result


def date_precision(iso: str) -> str:
    """day, month or year, from the form of an ISO date."""
    return {10: "day", 7: "month"}.get(len(iso), "year")


def parse_date(iso: str) -> datetime.date:
    """The first day an ISO date (of any precision) can mean."""
    parts = [int(part) for part in iso.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])


@cache
def format_date(iso: str, lang: str) -> str:
    """23/9/2022 in Vietnamese, 23 September 2022 in English; month or year when that is all we know."""
    pattern = _DATE_PATTERNS[lang][date_precision(iso)]
    return babel_format_date(parse_date(iso), pattern, locale=lang)


@cache
def format_number(value: float | int, lang: str) -> str:
    """1.612,9 in Vietnamese, 1,612.9 in English (each value is formatted once per language)."""
    return format_decimal(value, locale=lang)


def format_signed(value: float | int, lang: str) -> str:
    """+27,6 / −2,2 with a true minus sign."""
    sign = "+" if value > 0 else MINUS if value < 0 else ""
    return sign + format_number(abs(value), lang)


def _month_name(month: int, lang: str) -> str:
    return babel_format_date(datetime.date(2000, month, 1), "MMMM", locale=lang)


@cache
def format_period(start: str, end: str, lang: str) -> str:
    """A figure's period: Quý I/2023, 9 tháng đầu năm 2022 / Q1 2023, January–September 2022."""
    first, last = parse_date(start), parse_date(end)
    vi = lang == "vi"
    if first.year != last.year:
        return f"{format_date(start, lang)} – {format_date(end, lang)}"
    year = first.year
    if first.month == 1 and last.month == 12:
        return f"năm {year}" if vi else f"full year {year}"
    if first.month % 3 == 1 and last.month == first.month + 2:
        quarter = first.month // 3 + 1
        return f"quý {roman(quarter)}/{year}" if vi else f"Q{quarter} {year}"
    if first.month == last.month:
        return format_date(start, lang)
    if vi:
        if first.month == 1:
            return f"{last.month} tháng đầu năm {year}"
        return f"tháng {first.month}–{last.month}/{year}"
    return f"{_month_name(first.month, lang)}–{_month_name(last.month, lang)} {year}"


def format_quantity(value: float | int, unit_name: str, attached: bool, lang: str, upper: float | None = None) -> str:
    """1.612,9 nghìn tỷ đồng; 8,3–8,5%; the unit as the reference file names it."""
    number = format_number(value, lang)
    if upper is not None:
        number += "–" + format_number(upper, lang)
    return f"{number}{unit_name}" if attached else f"{number} {unit_name}"


def format_count(value: int, total: int, unit_name: str, lang: str) -> str:
    """48/63 địa phương / 48 of 63 localities."""
    if lang == "vi":
        return f"{format_number(value, lang)}/{format_number(total, lang)} {unit_name}"
    return f"{format_number(value, lang)} of {format_number(total, lang)} {unit_name}"


def format_change(pct: float | None, ratio: float | None, lang: str) -> str:
    """Change against the same period a year earlier: +27,6% or gấp 2,1 lần / 2.1 times."""
    if pct is not None:
        return format_signed(pct, lang) + "%"
    if ratio is not None:
        times = format_number(ratio, lang)
        return f"gấp {times} lần" if lang == "vi" else f"{times} times"
    return ""
