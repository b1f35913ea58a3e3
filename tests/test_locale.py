"""Numbers, dates, periods and figures, as each language writes them."""

from __future__ import annotations

import datetime

import pytest

from archive.locale import (
    MINUS,
    date_precision,
    format_change,
    format_count,
    format_date,
    format_number,
    format_period,
    format_quantity,
    format_signed,
    parse_date,
    roman,
)


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (1612.9, "1.612,9", "1,612.9"),
        (38490, "38.490", "38,490"),
        (160.87, "160,87", "160.87"),
        (0.5, "0,5", "0.5"),
        (21, "21", "21"),
    ],
)
def test_format_number(value: float, vi: str, en: str) -> None:
    assert format_number(value, "vi") == vi
    assert format_number(value, "en") == en


@pytest.mark.parametrize(
    ("iso", "vi", "en"),
    [
        ("2022-09-23", "23/9/2022", "23 September 2022"),
        ("2025-07-30", "30/7/2025", "30 July 2025"),
        ("2022-09", "tháng 9/2022", "September 2022"),
        ("2016", "2016", "2016"),
    ],
)
def test_format_date_by_precision(iso: str, vi: str, en: str) -> None:
    assert format_date(iso, "vi") == vi
    assert format_date(iso, "en") == en


@pytest.mark.parametrize(("iso", "precision"), [("2022-09-23", "day"), ("2022-09", "month"), ("2022", "year")])
def test_date_precision(iso: str, precision: str) -> None:
    assert date_precision(iso) == precision


@pytest.mark.parametrize(
    ("iso", "date"),
    [
        ("2022-09-23", datetime.date(2022, 9, 23)),
        ("2022-09", datetime.date(2022, 9, 1)),
        ("2022", datetime.date(2022, 1, 1)),
    ],
)
def test_parse_date_takes_the_first_day_it_can_mean(iso: str, date: datetime.date) -> None:
    assert parse_date(iso) == date


@pytest.mark.parametrize(
    ("start", "end", "vi", "en"),
    [
        ("2023-01", "2023-03", "quý I/2023", "Q1 2023"),
        ("2023-04", "2023-06", "quý II/2023", "Q2 2023"),
        ("2023-10", "2023-12", "quý IV/2023", "Q4 2023"),
        ("2022-01", "2022-09", "9 tháng đầu năm 2022", "January–September 2022"),
        ("2024-01", "2024-04", "4 tháng đầu năm 2024", "January–April 2024"),
        ("2022-04", "2022-09", "tháng 4–9/2022", "April–September 2022"),
        ("2022-01", "2022-12", "năm 2022", "full year 2022"),
        ("2022-05", "2022-05", "tháng 5/2022", "May 2022"),
        ("2022-10", "2023-03", "tháng 10/2022 – tháng 3/2023", "October 2022 – March 2023"),
    ],
)
def test_format_period(start: str, end: str, vi: str, en: str) -> None:
    assert format_period(start, end, "vi") == vi
    assert format_period(start, end, "en") == en


def test_three_months_that_are_not_a_quarter_are_not_called_one() -> None:
    assert format_period("2023-02", "2023-04", "en") == "February–April 2023"
    assert format_period("2023-02", "2023-04", "vi") == "tháng 2–4/2023"


def test_format_quantity_with_a_separate_unit() -> None:
    assert format_quantity(1612.9, "nghìn tỷ đồng", False, "vi") == "1.612,9 nghìn tỷ đồng"
    assert format_quantity(1612.9, "trillion VND", False, "en") == "1,612.9 trillion VND"


def test_format_quantity_with_an_attached_unit_and_a_range() -> None:
    assert format_quantity(8.3, "%", True, "vi", upper=8.5) == "8,3–8,5%"
    assert format_quantity(8.3, "%", True, "en", upper=8.5) == "8.3–8.5%"
    assert format_quantity(6, "%", True, "en") == "6%"


def test_format_quantity_range_with_a_separate_unit() -> None:
    assert format_quantity(1000, "tỷ USD", False, "vi", upper=1200) == "1.000–1.200 tỷ USD"


def test_format_count() -> None:
    assert format_count(48, 63, "địa phương", "vi") == "48/63 địa phương"
    assert format_count(48, 63, "localities", "en") == "48 of 63 localities"
    assert format_count(1200, 5000, "cán bộ", "vi") == "1.200/5.000 cán bộ"


@pytest.mark.parametrize(
    ("pct", "vi", "en"),
    [
        (27.6, "+27,6%", "+27.6%"),
        (-2.2, MINUS + "2,2%", MINUS + "2.2%"),
        (-11.9, "\u221211,9%", "\u221211.9%"),
        (0, "0%", "0%"),
    ],
)
def test_format_change_in_percent_has_a_sign_and_a_true_minus(pct: float, vi: str, en: str) -> None:
    assert format_change(pct, None, "vi") == vi
    assert format_change(pct, None, "en") == en
    assert "-" not in format_change(pct, None, "en")


def test_format_change_as_a_ratio() -> None:
    assert format_change(None, 2.1, "vi") == "gấp 2,1 lần"
    assert format_change(None, 2.1, "en") == "2.1 times"


def test_format_change_prefers_percent_and_is_empty_without_a_change() -> None:
    assert format_change(5, 2, "en") == "+5%"
    assert format_change(None, None, "vi") == ""


def test_format_signed() -> None:
    assert format_signed(1612.9, "vi") == "+1.612,9"
    assert format_signed(-1612.9, "en") == "\u22121,612.9"


def test_minus_is_the_true_minus_sign() -> None:
    assert MINUS == "\u2212"


@pytest.mark.parametrize(
    ("number", "letters"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, "V"),
        (8, "VIII"),
        (9, "IX"),
        (10, "X"),
        (14, "XIV"),
        (28, "XXVIII"),
        (39, "XXXIX"),
        (40, "XL"),
        (49, "XLIX"),
        (50, "L"),
        (90, "XC"),
        (99, "XCIX"),
        (100, "C"),
        (2024, "MMXXIV"),
    ],
)
def test_roman(number: int, letters: str) -> None:
    assert roman(number) == letters
