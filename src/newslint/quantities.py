"""Quantities in text: numbers with their scale, currency, unit or counted noun.

    >>> [(q.text, q.kind, q.value, q.unit) for q in find_quantities("Microsoft will invest $2.9 billion.")]
    [('$2.9 billion', 'money', 2900000000.0, 'USD')]

Every quantity keeps its exact span in the text, a normalised value, the step its
written form is precise to ("2.9 billion" is precise to 0.1 billion), and a qualifier
such as "about" or "more than". Kinds and their units and values:

    money     currency code (USD, JPY, EUR, GBP, ...)    amount in that currency
    percent   "%"                                         percent
    points    "pp"                                        percentage points
    length    "m"                                         metres ("2 nm" is 2e-9)
    duration  "day"                                       days ("17 years" is 6209.25)
    count     the counted noun, singular ("job")          number of them
    year      -                                           the year (2027)
    month     -                                           year * 12 + month - 1
    date      -                                           the day's ordinal
    rank      -                                           the position (32 for "32nd")
    number    -                                           a number with nothing attached

Relative dates ("last year", "earlier this month", "two years ago") are resolved
against a reference date when one is given, and skipped otherwise.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import regex

from newslint.textutil import lowered_plain, starts_pattern

# -- vocabulary ---------------------------------------------------------------------

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "t": 1e12, "tln": 1e12,
}
# Symbols and codes written before the amount.
_CURRENCY_PREFIXES = {
    "us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "r$": "BRL", "$": "USD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "usd": "USD", "eur": "EUR", "jpy": "JPY",
    "gbp": "GBP", "cny": "CNY", "rmb": "CNY", "krw": "KRW", "inr": "INR", "chf": "CHF", "aud": "AUD", "cad": "CAD",
}
# Words and codes written after the amount.
_CURRENCY_SUFFIXES = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "yen": "JPY", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "won": "KRW",
    "rupee": "INR", "rupees": "INR", "francs": "CHF", "swiss francs": "CHF",
    **{code.lower(): code for code in ("USD", "EUR", "JPY", "GBP", "CNY", "KRW", "INR", "CHF", "AUD", "CAD")},
}
CURRENCY_DISPLAY = {"USD": "$", "EUR": "€", "GBP": "£"}
_LENGTHS = {
    "nm": 1e-9, "nanometer": 1e-9, "nanometers": 1e-9, "nanometre": 1e-9, "nanometres": 1e-9,
    "mm": 1e-3, "millimeter": 1e-3, "millimeters": 1e-3, "millimetre": 1e-3, "millimetres": 1e-3,
    "cm": 1e-2, "centimeter": 1e-2, "centimeters": 1e-2, "centimetre": 1e-2, "centimetres": 1e-2,
    "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0,
    "km": 1e3, "kilometer": 1e3, "kilometers": 1e3, "kilometre": 1e3, "kilometres": 1e3,
    "mile": 1609.344, "miles": 1609.344,
}
_DURATIONS = {
    "day": 1.0, "days": 1.0, "week": 7.0, "weeks": 7.0, "month": 30.4375, "months": 30.4375,
    "year": 365.25, "years": 365.25, "decade": 3652.5, "decades": 3652.5,
}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_QUALIFIERS = (
    "more than", "less than", "fewer than", "up to", "at least", "at most", "as much as", "as many as",
    "about", "around", "approximately", "roughly", "nearly", "almost", "over", "under", "some", "beyond",
    "above", "below", "exceeding", "exceeded", "exceeds", "an estimated", "estimated", "just over", "just under",
)
# Words that end a counted noun phrase: "three million of Japan's population" counts no noun.
_NOUN_STOPS = frozenset(
    """of in to for from with and or the a an that which who whom as at by on than per into onto over under
    about after before since until this these those its their his her our your is are was were be been
    has have had will would can could may might said says say worldwide each every more less fewer ago
    last next already also now still appear appears""".split()
)

# -- patterns -----------------------------------------------------------------------

_SPELLED = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_UNITS_WORDS_RE = "|".join(sorted(_UNITS_WORDS, key=len, reverse=True))
_SCALE = r"(?:thousand|million|billion|trillion|mln|bln|tln|mn|bn|tn|[kmbt])"
_NUMBER = regex.compile(
    rf"""
    (?:(?P<currency>US\$|[ACSR]\$|HK\$|NZ\$|\$|€|£|¥|₩|₹|\b(?:USD|EUR|JPY|GBP|CNY|RMB|KRW|INR|CHF|AUD|CAD)\b)\s?)?
    (?:
        (?P<digits>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)
      | (?P<words>\b(?:{_SPELLED})(?:[\s-](?:{_UNITS_WORDS_RE}))?\b)
      | (?P<dozen>\ba\s+dozen\b|\bdozens?\b)
    )
    (?:
        \s?(?P<range_sep>-|–|to)\s?(?P<upper>\d+(?:\.\d+)?)
    )?
    (?:(?P<hyphen>-)?\s?(?P<scale>{_SCALE})\b)?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_ORDINAL = regex.compile(
    r"\b(?P<number>\d+)(?:st|nd|rd|th)\b|\b(?P<word>" + "|".join(_ORDINAL_WORDS) + r")\b(?:-(?P<superlative>\w+est)\b)?",
    regex.IGNORECASE,
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = regex.compile(
    rf"\b(?P<month>{_MONTH_NAMES})\.?(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?)?(?:\s+(?P<year>(?:19|20)\d{{2}}))?\b",
    regex.IGNORECASE,
)
_YEAR = regex.compile(r"(?<![\w$€£¥.,/-])(?P<year>(?:19|20)\d{2})(?![\w%]|[.,]\d|\s?(?:%|percent))")
_RELATIVE = regex.compile(
    r"\b(?:(?P<shift>earlier|later|early|late)\s+)?(?P<which>last|this|next)\s+(?P<span>year|month)\b"
    r"|\b(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<ago_span>years?|months?)\s+ago\b",
    regex.IGNORECASE,
)
_CURRENCY_WORD = regex.compile(
    "(?:" + "|".join(regex.escape(word) for word in sorted(_CURRENCY_SUFFIXES, key=len, reverse=True)) + r")\b"
)
_POINTS = regex.compile(r"percentage\s+points?\b|pp\b")
_PERCENT = regex.compile(r"per\s?cent\b|pct\b")
_QUALIFIER = regex.compile(r"\b(?:" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+$", regex.I)
_LETTERS = regex.compile(r"\p{L}+")
_NOUN_OR_MARK = regex.compile(r"[\"“”'‘’]*([\p{L}][\p{L}-]*)[\"“”'‘’]*|(\S)")
_CONVERSION_BETWEEN = regex.compile(r"\s*\(\s*(?:about|around|roughly|approximately|some|or)?\s*")

# -- where the patterns can match in plain text ----------------------------------------
#
# The `regex` module tries a pattern such as _NUMBER at every position of a sentence (30 µs
# a sentence). In plain text (see textutil.NOT_PLAIN) a match can only start where the
# lower-cased text starts one of these strings, a space standing for any run of whitespace:
# a digit, a dollar sign, or a word the pattern begins with (for ASCII letters, IGNORECASE
# knows no other variation than case). _matches tries the pattern only there.
_DIGITS = tuple("0123456789")
_NUMBER_STARTS = starts_pattern([
    *_DIGITS, "$", "us$", "a$", "c$", "s$", "r$", "hk$", "nz$",
    "usd", "eur", "jpy", "gbp", "cny", "rmb", "krw", "inr", "chf", "aud", "cad",
    *_UNITS_WORDS, *_TENS_WORDS, "a dozen", "dozen",
])
_ORDINAL_STARTS = re.compile(r"(?<![0-9])[0-9]++(?:st|nd|rd|th)|" + starts_pattern(_ORDINAL_WORDS).pattern)
_DATE_STARTS = starts_pattern(MONTHS)
_YEAR_STARTS = starts_pattern(["19", "20"])


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    kind: str
    value: float
    unit: str | None = None
    step: float = 1.0  # the precision of the written figure
    qualifier: str | None = None
    upper: float | None = None  # the top of a range ("5-10%")
    nouns: tuple[str, ...] = ()  # counted nouns that follow ("tech unicorns" -> tech, unicorn)
    converts: int | None = None  # index (in the same list) of the quantity this one converts
    relative: bool = False  # "last year": resolved against the reference date

    @property
    def dimension(self) -> tuple[str, str | None]:
        """Quantities of one dimension can be compared: same kind and unit (time kinds together)."""
        if self.kind in ("year", "month", "date"):
            return ("time", None)
        return (self.kind, None if self.kind in ("count", "rank") else self.unit)

    def display(self) -> str:
        return describe(self)


def find_quantities(text: str, reference: dt.date | None = None, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity in text[start:end], in order, without overlaps."""
    end = len(text) if end is None else end
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(quantity: Quantity | None) -> None:
        if quantity is not None and not any(a < quantity.end and quantity.start < b for a, b in taken):
            found.append(quantity)
            taken.append((quantity.start, quantity.end))

    # Plain text, lower-cased, to find where the patterns can start (None: try everywhere).
    lowered = lowered_plain(text, start, end)
    if lowered is None or "year" in lowered or "month" in lowered:  # every _RELATIVE match has one
        for match in _RELATIVE.finditer(text, start, end):
            add(_relative(match, reference))
    for match in _matches(_DATE, _DATE_STARTS, lowered, text, start, end):
        add(_date(text, match, reference))
    for match in _matches(_ORDINAL, _ORDINAL_STARTS, lowered, text, start, end):
        add(_ordinal(match))
    for match in _matches(_NUMBER, _NUMBER_STARTS, lowered, text, start, end):
        add(_number(text, match, end))
    for match in _matches(_YEAR, _YEAR_STARTS, lowered, text, start, end):  # a year inside a number was taken above
        add(Quantity(match.start(), match.end(), match.group(), "year", float(match.group("year"))))
    found.sort(key=lambda quantity: quantity.start)
    return _link_conversions(text, [_with_qualifier(text, quantity, start) for quantity in found])


def _matches(pattern: regex.Pattern, starts: re.Pattern, lowered: str | None, text: str, start: int,
             end: int) -> Iterator[regex.Match]:
    """``pattern.finditer(text, start, end)``, tried only where ``starts`` matches ``lowered``.

    ``lowered`` is text[start:end] lower-cased, when it is plain text. The same matches in
    the same order: finditer takes the first position where the pattern matches, and in
    plain text that is one of the positions ``starts`` finds. None of the patterns
    matches the empty string, so each search goes on at a match's end.
    """
    if lowered is None:
        yield from pattern.finditer(text, start, end)
        return
    position = 0
    while True:
        candidate = starts.search(lowered, position)
        if candidate is None:
            return
        found = pattern.match(text, start + candidate.start(), end)
        if found is None:
            position = candidate.start() + 1
        else:
            yield found
            position = found.end() - start


def parse_value(text: str) -> Quantity:
    """The one quantity written in a fact file value; ValueError if there is none or more."""
    quantities = find_quantities(text)
    if len(quantities) != 1:
        raise ValueError(f"{text!r} is not one figure (write it like '2.9 billion USD', '17 years', '32nd', '2024')")
    return quantities[0]


# -- the pieces ---------------------------------------------------------------------


def _number(text: str, match, end: int) -> Quantity | None:
    digits, words, dozen = match.group("digits"), match.group("words"), match.group("dozen")
    if dozen:
        if dozen.lower().startswith("dozens"):
            return None  # "dozens of": no figure
        value, step = 12.0, 1.0
    elif digits:
        if match.group("currency") is None and _YEAR.fullmatch(digits) and not match.group("scale"):
            return None  # a year: left to the year pattern
        value = float(digits.replace(",", ""))
        step = 10.0 ** -(len(digits.split(".")[1]) if "." in digits else 0)
    else:
        value, step = float(_spelled_value(words)), 1.0
    scale_word = (match.group("scale") or "").lower()
    scale = _SCALES.get(scale_word, 1.0)
    span_end = match.end()
    if scale_word in ("m", "b", "t", "k") and not (match.group("currency") or _attached(match)):
        scale, span_end = 1.0, match.start("scale") - (1 if match.group("hyphen") else 0)
        span_end = len(text[:span_end].rstrip())  # "5 m" or "3 b": a letter, not a scale
    upper = float(match.group("upper")) * scale if match.group("upper") else None
    quantity = Quantity(match.start(), span_end, text[match.start():span_end], "number", value * scale,
                        step=step * scale, upper=upper)
    currency = match.group("currency")
    if currency:
        return _replaced(quantity, kind="money", unit=_CURRENCY_PREFIXES[currency.lower()])
    return _suffix_unit(text, quantity, end)


def _replaced(quantity: Quantity, **changes) -> Quantity:
    """``dataclasses.replace`` without its look at every field on each call (it was a tenth of
    the time spent reading figures)."""
    return Quantity(**{**quantity.__dict__, **changes})


def _attached(match) -> bool:
    """'750bn', '2.9B': a scale letter written right against the digits."""
    return bool(match.group("digits")) and match.start("scale") == match.end("digits")


def _suffix_unit(text: str, quantity: Quantity, end: int) -> Quantity:
    """What follows the number: a currency word, %, a unit, a duration, or a counted noun."""
    rest = text[quantity.end:end]
    hyphen = rest.startswith("-")
    body = rest.lstrip("- ")
    offset = len(rest) - len(body)
    lowered = body.lower()
    currency = _CURRENCY_WORD.match(lowered)
    if currency:
        return _extend(text, quantity, offset + currency.end(), "money", _CURRENCY_SUFFIXES[currency.group()])
    if lowered.startswith("%") and not hyphen:
        return _extend(text, quantity, offset + 1, "percent", "%")
    points = _POINTS.match(lowered)
    if points:
        return _extend(text, quantity, offset + points.end(), "points", "pp")
    percent = _PERCENT.match(lowered)
    if percent:
        return _extend(text, quantity, offset + percent.end(), "percent", "%")
    unit = _LETTERS.match(lowered)
    if unit and unit.group() in _LENGTHS:
        return _extend(text, quantity, offset + unit.end(), "length", "m", _LENGTHS[unit.group()])
    if unit and unit.group() in _DURATIONS:
        return _extend(text, quantity, offset + unit.end(), "duration", "day", _DURATIONS[unit.group()])
    words = _counted_nouns(body)
    if words and not hyphen:
        nouns = tuple(singular(word) for word in words)
        plurals = [noun for word, noun in zip(words, nouns) if word != noun or word.endswith("people")]
        # The head noun of "the two countries seek" is the plural one, not the verb after it.
        head = plurals[-1] if plurals and quantity.value != 1 else nouns[-1]
        return _replaced(quantity, kind="count", unit=head, nouns=nouns)
    return quantity


def _extend(text: str, quantity: Quantity, length: int, kind: str, unit: str, factor: float = 1.0) -> Quantity:
    end = quantity.end + length
    return _replaced(quantity, end=end, text=text[quantity.start:end], kind=kind, unit=unit,
                   value=quantity.value * factor, step=quantity.step * factor,
                   upper=quantity.upper * factor if quantity.upper is not None else None)


def _counted_nouns(body: str) -> tuple[str, ...]:
    """Up to two words after a number, up to a function word, an adverb or punctuation.

    '1,200 tech "unicorns"' counts (tech, unicorn); 'seven Japanese firms appear' (japanese, firm).
    """
    words = []
    for match in itertools.islice(_NOUN_OR_MARK.finditer(body), 2):  # the first two, not all of them
        token = match.group(1).lower() if match.group(1) else ""
        if not token or token in _NOUN_STOPS or token.endswith("ly"):
            break
        words.append(token)
    return tuple(words)


def singular(word: str) -> str:
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _spelled_value(words: str) -> int:
    parts = regex.split(r"[\s-]+", words.lower())
    return sum(_UNITS_WORDS.get(part, _TENS_WORDS.get(part, 0)) for part in parts)


def _ordinal(match) -> Quantity | None:
    if match.group("number"):
        value = float(match.group("number"))
    else:
        value = float(_ORDINAL_WORDS[match.group("word").lower()])
    return Quantity(match.start(), match.end(), match.group(), "rank", value,
                    unit=match.group("superlative").lower() if match.group("superlative") else None)


def _date(text: str, match, reference: dt.date | None) -> Quantity | None:
    month_word = match.group("month")
    if month_word.lower() == "may" and not month_word[0].isupper():
        return None
    if month_word[0].islower():
        return None  # "march", "may" as words
    month = MONTHS[month_word.lower().rstrip(".")]
    year = int(match.group("year")) if match.group("year") else None
    day = int(match.group("day")) if match.group("day") else None
    if year is None:
        if reference is None or (len(month_word) <= 3 and day is None):
            return None
        # A month without a year is the latest such month up to the reference date.
        year = reference.year if month <= reference.month else reference.year - 1
    if day is not None:
        try:
            value = float(dt.date(year, month, day).toordinal())
        except ValueError:
            return None
        return Quantity(match.start(), match.end(), match.group(), "date", value)
    return Quantity(match.start(), match.end(), match.group(), "month", float(year * 12 + month - 1))


def _relative(match, reference: dt.date | None) -> Quantity | None:
    if reference is None:
        return None
    if match.group("which"):
        shift = {"last": -1, "this": 0, "next": 1}[match.group("which").lower()]
        span = match.group("span").lower()
    else:
        count = match.group("count").lower()
        shift = -(int(count) if count.isdigit() else _UNITS_WORDS.get(count, 1))
        span = match.group("ago_span").lower().rstrip("s")
    if span == "year":
        return Quantity(match.start(), match.end(), match.group(), "year", float(reference.year + shift),
                        relative=True)
    months = reference.year * 12 + reference.month - 1 + shift
    return Quantity(match.start(), match.end(), match.group(), "month", float(months), relative=True)


def _with_qualifier(text: str, quantity: Quantity, floor: int) -> Quantity:
    before = text[max(floor, quantity.start - 24):quantity.start]
    found = _QUALIFIER.search(before)
    return _replaced(quantity, qualifier=found.group().strip().lower()) if found else quantity


def _link_conversions(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'590 billion yen ($3.9 billion)': the amount in brackets converts the one before it."""
    linked = list(quantities)
    for index in range(1, len(quantities)):
        before, current = quantities[index - 1], quantities[index]
        between = text[before.end:current.start]
        if before.kind == current.kind == "money" and before.unit != current.unit \
                and _CONVERSION_BETWEEN.fullmatch(between):
            linked[index] = _replaced(current, converts=index - 1)
    return linked


# -- showing quantities ---------------------------------------------------------------


def describe(quantity: Quantity) -> str:
    """A quantity as a person writes it: '$2.9 billion', '590 billion yen', 'April 2025', '5-10%'."""
    if quantity.upper is not None:
        low = describe(replace(quantity, upper=None))
        high = describe(replace(quantity, value=quantity.upper, upper=None))
        shared = _shared_suffix(low, high)
        return f"{low[:len(low) - len(shared)]}-{high}" if shared else f"{low} to {high}"
    kind, value = quantity.kind, quantity.value
    if kind == "year":
        return str(int(value))
    if kind == "month":
        return f"{MONTH_NAMES[int(value) % 12]} {int(value) // 12}"
    if kind == "date":
        day = dt.date.fromordinal(int(value))
        return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
    if kind == "rank":
        number = int(value)
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"
    if kind == "money":
        amount = _scaled(value, quantity.step)
        symbol = CURRENCY_DISPLAY.get(quantity.unit or "")
        if symbol:
            return f"{symbol}{amount}"
        word = {"JPY": "yen", "CNY": "yuan", "KRW": "won"}.get(quantity.unit or "", quantity.unit or "")
        return f"{amount} {word}"
    if kind == "percent":
        return f"{_plain(value, quantity.step)}%"
    if kind == "points":
        return f"{_plain(value, quantity.step)} percentage points"
    if kind == "length":
        for name, factor in (("nm", 1e-9), ("mm", 1e-3), ("km", 1e3), ("m", 1.0)):
            if value >= factor or name == "m":
                return f"{_plain(value / factor, quantity.step / factor)} {name}"
    if kind == "duration":
        for name, factor in (("years", 365.25), ("months", 30.4375), ("weeks", 7.0), ("days", 1.0)):
            if value >= factor and abs(value / factor - round(value / factor)) < 1e-6 or name == "days":
                count = _plain(value / factor, max(quantity.step / factor, 1e-9))
                return f"{count} {name[:-1] if count == '1' else name}"
    if kind == "count":
        noun = quantity.unit or ""
        return f"{_scaled(value, quantity.step)} {plural(noun) if value != 1 else noun}".strip()
    return _scaled(value, quantity.step)


def plural(noun: str) -> str:
    if noun.endswith(("people", "staff")) or not noun:
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _shared_suffix(low: str, high: str) -> str:
    """The unit both ends of a range share: '5%' and '10%' share '%'."""
    for suffix in ("%", " percentage points", " billion yen", " billion", " million", " years"):
        if low.endswith(suffix) and high.endswith(suffix):
            return suffix
    return ""


def _scaled(value: float, step: float) -> str:
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            return f"{_plain(value / scale, step / scale)} {word}"
    return _plain(value, step)


def _plain(value: float, step: float) -> str:
    decimals = max(0, min(6, -math.floor(math.log10(step)) if step > 0 and step < 1 else 0))
    text = f"{value:,.{decimals}f}"
    return text


# -- comparing ------------------------------------------------------------------------


def same_figure(written: Quantity, reference: Quantity) -> bool:
    """Whether the written figure states the reference, within the precision of either.

    '$3 billion' states $2.9 billion (written to the nearest billion); '$2.87 billion'
    states it too (the reference is precise to a tenth); '$3.2 billion' does not.
    """
    if written.dimension != reference.dimension:
        return False
    if written.dimension[0] == "time":
        return _same_time(written, reference)
    if written.kind == "count" and reference.unit and reference.unit not in written.nouns:
        return False
    tolerance = max(written.step, reference.step) / 2 + 1e-9 * max(abs(reference.value), 1.0)
    if written.upper is not None:  # a range states any value inside it
        return written.value - tolerance <= reference.value <= written.upper + tolerance
    return abs(written.value - reference.value) <= tolerance


def _same_time(written: Quantity, reference: Quantity) -> bool:
    """Compare at the coarser of the two granularities ('2024' states April 2024)."""
    def year_month_day(quantity: Quantity) -> tuple[int, int | None, int | None]:
        if quantity.kind == "year":
            return int(quantity.value), None, None
        if quantity.kind == "month":
            return int(quantity.value) // 12, int(quantity.value) % 12 + 1, None
        day = dt.date.fromordinal(int(quantity.value))
        return day.year, day.month, day.day

    a, b = year_month_day(written), year_month_day(reference)
    return all(x == y for x, y in zip(a, b) if x is not None and y is not None)


def granularity(quantity: Quantity) -> int:
    return {"year": 0, "month": 1, "date": 2}.get(quantity.kind, 0)
