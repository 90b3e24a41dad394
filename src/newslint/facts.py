"""The reference fact file: what the articles are checked against.

    published: 2024-04-10            # optional reference date for relative dates
    rates:                           # optional exchange rates: 1 USD = 151.3 JPY
      USD/JPY: 151.3
    facts:
      - id: microsoft-japan-investment
        claim: Microsoft will invest $2.9 billion in cloud and AI infrastructure in Japan.
        about: [Microsoft, invest|pledge]
        value: 2.9 billion USD       # or values: [590 billion JPY, 3.9 billion USD]
        source: https://...          # optional
        hedge: reportedly            # optional: the source is not certain of it
        said_by: Kishida             # optional: whose statement (or goal) it is

A fact applies to a sentence when every ``about`` entry occurs in it: entries are
case-insensitive word prefixes ("subsid" matches "subsidies"), '|' separates
alternatives, and an entry of several words matches them in a row ("rate hike").
Values are written the way a person writes them and read by the quantity parser.
Loaded safely and checked key by key; every problem is a UserError at file:line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from newslint.document import parse_date
from newslint.errors import UserError
from newslint.quantities import Quantity, parse_value
from newslint.textutil import PrefilteredPattern, RecentTexts
from newslint.word_index import WORD, case_fold, text_index
from newslint.yamlload import LineDict, LineList, load_yaml

TOP_KEYS = ("published", "rates", "facts")
FACT_KEYS = ("id", "claim", "about", "value", "values", "source", "hedge", "said_by")
_CURRENCY_PAIR = regex.compile(r"(?P<base>[A-Z]{3})/(?P<quote>[A-Z]{3})")


@dataclass(frozen=True)
class FactValue:
    text: str  # as written in the fact file
    quantity: Quantity
    line: int


@dataclass(frozen=True)
class Fact:
    id: str
    claim: str
    about: tuple[tuple[str, ...], ...]  # every group must occur; any alternative of a group will do
    values: tuple[FactValue, ...] = ()
    source: str | None = None
    hedge: str | None = None  # the source is not certain: "reportedly" (NL504 reports dropping it)
    said_by: str | None = None  # whose statement the fact is: "Kishida" (NL503)
    line: int = 0  # where the fact starts in its file
    origin: str = ""  # the file it comes from, as shown to users
    min_about: float = 1.0  # share of the about groups that must occur (facts drawn from an article: less)
    patterns: tuple[PrefilteredPattern, ...] = field(default=(), compare=False, repr=False)

    def matches(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]] | None:
        """Spans of the about words in text[start:end] when the fact applies there, else None."""
        end = len(text) if end is None else end
        spans = []
        matched = 0
        for pattern in self.patterns:
            found = pattern.search(text, start, end)
            if found:
                matched += 1
                spans.append(found.span())
        if matched < self.min_about * len(self.patterns) or not matched:
            return None
        return spans


class AboutIndex:
    """The facts whose about words may occur in a text, found from the words the text holds.

    An about group matches only at the start of a word that begins with the leading word
    characters of one of its alternatives ("invest" for "invest|pledge", "u" for "U.S."), so a
    fact is worth searching for only when the text's words start enough of its groups. A few
    hundred dictionary lookups per document instead of a search per fact.
    """

    PREFIX = 3  # keys are filed under their first three characters (shorter keys: whole)

    def __init__(self, facts: list[Fact]):
        self.facts = facts
        self.by_prefix: dict[str, list[tuple[str, int, int]]] = {}  # -> (key, fact, group)
        self.unkeyed: list[set[int]] = []  # per fact: groups with an alternative that has no key
        for number, fact in enumerate(facts):
            unkeyed = set()
            for group, alternatives in enumerate(fact.about):
                for alternative in alternatives:
                    leading = WORD.match(case_fold(alternative))
                    if leading is None:
                        unkeyed.add(group)  # "$5": no word to look for, always a candidate
                    else:
                        key = leading.group()
                        self.by_prefix.setdefault(key[:self.PREFIX], []).append((key, number, group))
            self.unkeyed.append(unkeyed)

    def candidates(self, words: Iterable[str]) -> list[Fact]:
        """The facts enough of whose groups have a key that starts one of words (case-folded)."""
        present = [set(groups) for groups in self.unkeyed]
        for word in words:
            for length in range(1, min(len(word), self.PREFIX) + 1):
                for key, number, group in self.by_prefix.get(word[:length], ()):
                    if word.startswith(key):
                        present[number].add(group)
        return [fact for fact, groups in zip(self.facts, present)
                if groups and len(groups) >= fact.min_about * len(fact.about)]


def about_patterns(groups: tuple[tuple[str, ...], ...]) -> tuple[PrefilteredPattern, ...]:
    """One pattern per group: any alternative, each word a case-insensitive prefix.

    Prefiltered: a sentence is tried against every fact, and most hold none of its words.
    """
    compiled = []
    for alternatives in groups:
        parts = [r"\s+".join(rf"{regex.escape(word)}\w*" for word in alternative.split()) for alternative in alternatives]
        compiled.append(PrefilteredPattern(regex.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", regex.IGNORECASE)))
    return tuple(compiled)


@dataclass(frozen=True)
class FactFile:
    path: Path
    facts: tuple[Fact, ...] = ()
    published: dt.date | None = None
    rates: dict[tuple[str, str], tuple[float, int]] = field(default_factory=dict, compare=False)  # -> (rate, line)


@dataclass
class FactBase:
    """All the facts a run checks against: a fact file and facts drawn from reference articles."""

    facts: list[Fact] = field(default_factory=list)
    published: dt.date | None = None
    rates: dict[tuple[str, str], tuple[float, int]] = field(default_factory=dict)
    rates_origin: str = ""
    # The last text applicable() scanned and its answer: several rules ask about one document.
    _scanned: RecentTexts = field(default_factory=lambda: RecentTexts(size=1), init=False, repr=False,
                                  compare=False)
    _index: AboutIndex | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def combine(cls, fact_file: FactFile | None, references: list[Fact]) -> FactBase | None:
        if fact_file is None and not references:
            return None
        base = cls(list(references))
        if fact_file is not None:
            base.facts[:0] = fact_file.facts
            base.published = fact_file.published
            base.rates = dict(fact_file.rates)
            base.rates_origin = fact_file.facts[0].origin if fact_file.facts else str(fact_file.path)
        return base

    def applicable(self, text: str) -> list[Fact]:
        """The facts that apply somewhere in text, in file order.

        A sentence is a slice of its document, and a fact that applies to a slice applies to
        the whole (about words are searched with the text around the slice visible), so the
        facts worth trying on a document's sentences are these: with hundreds of facts, most
        are about other stories and are dropped here once instead of once per sentence.
        """
        return self._scanned.get(text, self._applicable)

    def _applicable(self, text: str) -> list[Fact]:
        if self._index is None:
            self._index = AboutIndex(self.facts)
        candidates = self._index.candidates(text_index(text).words)
        return [fact for fact in candidates if fact.matches(text) is not None]

    def rate(self, base: str, quote: str) -> tuple[float, int] | None:
        """Units of ``quote`` per unit of ``base`` from the rates table, either way round."""
        if (base, quote) in self.rates:
            return self.rates[base, quote]
        if (quote, base) in self.rates:
            rate, line = self.rates[quote, base]
            return 1 / rate, line
        return None


def load_facts(path: Path, shown_as: str | None = None) -> FactFile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError("fact file not found", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read fact file: {exc}", path) from None
    return parse_facts(load_yaml(text, path), path, shown_as)


def parse_facts(data: Any, path: Path, shown_as: str | None = None) -> FactFile:
    """Validate loaded fact-file data (a mapping, as YAML gives it)."""
    origin = shown_as or str(path)
    if data is None:
        return FactFile(path)
    if not isinstance(data, dict):
        raise UserError("a fact file must be a mapping with 'facts' (and optional 'published', 'rates')", path, 1)
    for key in data:
        if key not in TOP_KEYS:
            raise UserError(f"unknown key {key!r} (a fact file has: {', '.join(TOP_KEYS)})", path, _line(data, key))
    published = None
    if "published" in data:
        published = parse_date(data["published"])
        if published is None:
            raise UserError("'published' must be a date like 2024-04-10", path, _line(data, "published"))
    rates = _rates(data.get("rates"), path, _line(data, "rates"))
    entries = data.get("facts") or []
    if not isinstance(entries, list):
        raise UserError("'facts' must be a list of facts", path, _line(data, "facts"))
    facts = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        line = entries.line_of(index) if isinstance(entries, LineList) else None
        fact = _fact(entry, path, line, origin)
        if fact.id in seen:
            raise UserError(f"duplicate fact id {fact.id!r} (first on line {seen[fact.id]})", path, fact.line)
        seen[fact.id] = fact.line
        facts.append(fact)
    return FactFile(path, tuple(facts), published, rates)


def _rates(data: Any, path: Path, line: int | None) -> dict[tuple[str, str], tuple[float, int]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UserError("'rates' must map currency pairs to rates, like USD/JPY: 151.3", path, line)
    rates = {}
    for pair, rate in data.items():
        pair_line = data.line_of(pair) if isinstance(data, LineDict) else line
        found = _CURRENCY_PAIR.fullmatch(str(pair))
        if not found or isinstance(rate, bool) or not isinstance(rate, (int, float)) or rate <= 0:
            raise UserError(f"rate {pair}: {rate!r}: write a pair and a positive number, like USD/JPY: 151.3",
                            path, pair_line)
        rates[found.group("base"), found.group("quote")] = (float(rate), pair_line or 0)
    return rates


def _fact(entry: Any, path: Path, line: int | None, origin: str) -> Fact:
    if not isinstance(entry, dict):
        raise UserError("each fact must be a mapping with id, claim and about", path, line)
    where = lambda key: _line(entry, key) or line  # noqa: E731
    for key in entry:
        if key not in FACT_KEYS:
            raise UserError(f"unknown key {key!r} in a fact (known: {', '.join(FACT_KEYS)})", path, where(key))
    for key in ("id", "claim"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise UserError(f"a fact needs {key!r} (a non-empty string)", path, where(key))
    about = entry.get("about")
    if not isinstance(about, list) or not about or not all(isinstance(a, str) and a.strip() for a in about):
        raise UserError("'about' must be a non-empty list of words that identify the fact", path, where("about"))
    if "value" in entry and "values" in entry:
        raise UserError("give either 'value' or 'values', not both", path, where("values"))
    raw_values = entry.get("values", [entry["value"]] if "value" in entry else [])
    if not isinstance(raw_values, list):
        raise UserError("'values' must be a list of figures like '2.9 billion USD'", path, where("values"))
    values = []
    for index, raw in enumerate(raw_values):
        value_line = raw_values.line_of(index) if isinstance(raw_values, LineList) else \
            where("value" if "value" in entry else "values")
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            raise UserError(f"value {raw!r} is not a figure like '2.9 billion USD'", path, value_line)
        try:
            quantity = parse_value(str(raw))
        except ValueError as exc:
            raise UserError(f"bad value: {exc}", path, value_line) from None
        values.append(FactValue(str(raw), quantity, value_line or 0))
    source = entry.get("source")
    if source is not None and not isinstance(source, str):
        raise UserError("'source' must be a URL", path, where("source"))
    for key in ("hedge", "said_by"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise UserError(f"{key!r} must be a word or name, like 'reportedly' or 'Kishida'", path, where(key))
    groups = tuple(tuple(alt.strip() for alt in group.split("|") if alt.strip()) for group in about)
    return Fact(
        id=entry["id"].strip(),
        claim=entry["claim"].strip(),
        about=groups,
        values=tuple(values),
        source=source,
        hedge=entry.get("hedge", "").strip() or None,
        said_by=entry.get("said_by", "").strip() or None,
        line=line or _line(entry, "id") or 0,
        origin=origin,
        patterns=about_patterns(groups),
    )


def _line(data: Any, key: str) -> int | None:
    return data.line_of(key) if isinstance(data, LineDict) else None
