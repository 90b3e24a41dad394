"""The quantity parser: every figure of the seed story, and generated number formats."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.quantities import describe, find_quantities, parse_value, same_figure

REFERENCE = dt.date(2024, 4, 10)


def read(text: str) -> list[tuple]:
    return [(q.text, q.kind, q.value, q.unit) for q in find_quantities(text, REFERENCE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Microsoft will invest $2.9 billion.", [("$2.9 billion", "money", 2.9e9, "USD")]),
        ("pledge US$2.9 billion to boost", [("US$2.9 billion", "money", 2.9e9, "USD")]),
        ("worth up to 590 billion yen ($3.9 billion) for Rapidus",
         [("590 billion yen", "money", 590e9, "JPY"), ("$3.9 billion", "money", 3.9e9, "USD")]),
        ("a second, US$20-billion facility", [("second", "rank", 2.0, None), ("US$20-billion", "money", 2e10, "USD")]),
        ("spent 3.9 trillion yen (US$25 billion)",
         [("3.9 trillion yen", "money", 3.9e12, "JPY"), ("US$25 billion", "money", 2.5e10, "USD")]),
        ("$750bn, 750 billion dollars, €1.2bn and £3m",
         [("$750bn", "money", 7.5e11, "USD"), ("750 billion dollars", "money", 7.5e11, "USD"),
          ("€1.2bn", "money", 1.2e9, "EUR"), ("£3m", "money", 3e6, "GBP")]),
        ("rose 12%, 12 percent, 12 per cent and 3 percentage points",
         [("12%", "percent", 12.0, "%"), ("12 percent", "percent", 12.0, "%"), ("12 per cent", "percent", 12.0, "%"),
          ("3 percentage points", "points", 3.0, "pp")]),
        ("pilot production of two-nanometer chips, or 2nm", [("two-nanometer", "length", 2e-9, "m"), ("2nm", "length", 2e-9, "m")]),
        ("its first rate hike in 17 years", [("first", "rank", 1.0, None), ("17 years", "duration", 17 * 365.25, "day")]),
        ("ranked a lowly 32nd, the third-largest economy", [("32nd", "rank", 32.0, None), ("third-largest", "rank", 3.0, "largest")]),
        ("more than 1 million jobs", [("1 million", "count", 1e6, "job")]),
        ("only seven Japanese firms among more than 1,200 tech “unicorns”",
         [("seven", "count", 7.0, "firm"), ("1,200", "count", 1200.0, "unicorn")]),
        ("more than a dozen other executives", [("a dozen", "count", 12.0, "executive")]),
        ("three million of Japan's population of 125 million",
         [("three million", "number", 3e6, None), ("125 million", "number", 1.25e8, None)]),
        ("from April 2025, with mass production in 2027", [("April 2025", "month", 24303.0, None), ("2027", "year", 2027.0, None)]),
        ("in February, on Nov. 19, 2019", [("February", "month", 2024 * 12 + 1, None),
                                           ("Nov. 19, 2019", "date", float(dt.date(2019, 11, 19).toordinal()), None)]),
    ],
)
def test_figures_of_the_seed_story(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Last year", "2023"), ("earlier this year", "2024"), ("next year", "2025"), ("In last year", "2023"),
        ("Last month", "March 2024"), ("Earlier this month", "April 2024"), ("two years ago", "2022"),
        ("6 months ago", "October 2023"),
    ],
)
def test_relative_dates_resolve_against_the_reference_date(text, shown):
    (quantity,) = find_quantities(text, REFERENCE)
    assert (quantity.relative, describe(quantity)) == (True, shown)


def test_relative_dates_without_a_reference_date_are_not_read():
    assert find_quantities("Last year the deal closed.") == []


def test_qualifiers_ranges_and_conversions():
    rise, = find_quantities("Profit rose 5-10% this quarter.")
    assert (rise.value, rise.upper, describe(rise)) == (5.0, 10.0, "5-10%")
    quantities = find_quantities("up to 590 billion yen ($3.9 billion) and some 330 billion yen")
    assert [(q.qualifier, q.converts) for q in quantities] == [("up to", None), (None, 0), ("some", None)]


@pytest.mark.parametrize(
    ("written", "reference", "same"),
    [
        ("$3 billion", "2.9 billion USD", True),  # rounded to the precision it is written to
        ("$2.87 billion", "2.9 billion USD", True),  # the reference is precise to a tenth
        ("$3.2 billion", "2.9 billion USD", False),
        ("$750 million", "750 billion USD", False),
        ("750 billion dollars", "750 billion USD", True),
        ("2029", "2027", False),
        ("April 2024", "2024", True),
        ("2024", "April 2025", False),
        ("seven years", "17 years", False),
        ("2,100 unicorns", "1200 unicorns", False),
        ("1,200 tech unicorns", "1200 unicorns", True),
        ("1,200 firms", "1200 unicorns", False),
        ("5-10%", "7%", True),
    ],
)
def test_same_figure(written, reference, same):
    (figure,) = [q for q in find_quantities(written) if q.kind != "rank"]
    assert same_figure(figure, parse_value(reference)) is same


def test_fact_values_are_one_figure():
    assert describe(parse_value("2.9 billion USD")) == "$2.9 billion"
    assert describe(parse_value("32nd")) == "32nd"
    for bad in ("soon", "2.9 billion USD and 3 billion USD"):
        with pytest.raises(ValueError, match="is not one figure"):
            parse_value(bad)


# -- generated number formats --------------------------------------------------------

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "tn": 1e12}
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
amounts = st.decimals(min_value="0.01", max_value="999999", places=2, allow_nan=False, allow_infinity=False)


def written(amount, decimals: int, separators: bool) -> str:
    text = f"{amount:,.{decimals}f}" if separators else f"{amount:.{decimals}f}"
    return text


@settings(max_examples=200, deadline=None, derandomize=True)
@given(amount=amounts, decimals=st.integers(0, 2), separators=st.booleans(),
       currency=st.sampled_from(sorted(CURRENCIES)), scale=st.sampled_from(sorted(SCALES)))
def test_money_in_any_format_reads_back(amount, decimals, separators, currency, scale):
    number = written(amount, decimals, separators)
    joiner = "" if scale in ("bn", "mn", "tn") else " "
    text = f"The company paid {currency}{number}{joiner}{scale} for it."
    (quantity,) = find_quantities(text)
    assert quantity.kind == "money" and quantity.unit == CURRENCIES[currency]
    assert quantity.value == pytest.approx(float(number.replace(",", "")) * SCALES[scale])
    assert quantity.text == f"{currency}{number}{joiner}{scale}"
    assert same_figure(quantity, parse_value(f"{number.replace(',', '')} {scale} {CURRENCIES[currency]}"))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(amount=st.integers(1, 10**9), noun=st.sampled_from(["jobs", "people", "firms", "unicorns", "workers"]))
def test_counts_with_thousands_separators_read_back(amount, noun):
    (quantity,) = find_quantities(f"It created {amount:,} {noun} last quarter.")
    assert (quantity.kind, quantity.value, quantity.text) == ("count", float(amount), f"{amount:,}")


WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@settings(max_examples=100, deadline=None, derandomize=True)
@given(number=st.integers(1, 99), unit=st.sampled_from(["years", "months", "weeks"]), hyphen=st.booleans())
def test_spelled_out_numbers_read_back(number, unit, hyphen):
    if number < 20:
        words = WORDS[number - 1]
    else:
        tens, ones = divmod(number, 10)
        words = TENS[tens - 2] + (("-" if hyphen else " ") + WORDS[ones - 1] if ones else "")
    (quantity,) = [q for q in find_quantities(f"It took {words} {unit} to finish.") if q.kind == "duration"]
    assert quantity.text == f"{words} {unit}"
    assert same_figure(quantity, parse_value(f"{number} {unit}"))


@settings(max_examples=100, deadline=None, derandomize=True)
@given(low=st.integers(1, 50), width=st.integers(1, 50), style=st.sampled_from(["-", "–", " to "]))
def test_percentage_ranges_read_back(low, width, style):
    (quantity,) = find_quantities(f"Sales rose {low}{style}{low + width}% in the quarter.")
    assert (quantity.kind, quantity.value, quantity.upper) == ("percent", float(low), float(low + width))
