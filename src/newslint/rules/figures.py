"""NL4xx: figures that contradict the fact file, a reference article, or each other."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import regex

from newslint.article_figures import SentenceFigures, converted_pair, reference_date, sentence_figures
from newslint.diagnostics import Severity
from newslint.facts import Fact, FactValue
from newslint.quantities import Quantity, granularity, same_figure
from newslint.references import salient_words
from newslint.rule import Rule
from newslint.structure import BlockKind
from newslint.tails import analyse

# A conversion implying a rate this far (relative) from the others, or the rates table, is wrong.
MAX_RATE_DEVIATION = 0.10
# Kinds compared between two places of one article (dates and ranks change legitimately;
# counts and lengths are mostly product specifications and lists of things).
COMPARED_KINDS = frozenset({"money", "percent", "points", "duration"})
# Share of salient words two sentences need in common to be "about the same thing".
MIN_SHARED_CONTEXT = 0.6
MAX_COMPARED = 50  # earlier statements kept per (dimension, frame)
# Words before a figure that must be the same for two figures to state the same thing.
FRAME_WORDS = 2
_PERIOD_MARK = regex.compile(r"\b(?:Q[1-4]|H[12]|FY\s?\d{2,4})\b")
_NAME = regex.compile(r"\p{L}[\p{L}'’-]*")

_FACTS = {
    "published": "2024-04-10",
    "facts": [{"id": "microsoft-japan-investment", "claim": "Microsoft will invest $2.9 billion in Japan.",
               "about": ["Microsoft", "invest|pledge"], "value": "2.9 billion USD"}],
}


def _mismatches(fact: Fact, quantities: tuple[Quantity, ...], about_spans,
                accounted: set[Quantity]) -> Iterator[tuple[Quantity, FactValue]]:
    """Figures of a sentence that state none of the fact's values, each with the value it misses.

    Values are paired with figures of the same dimension; a figure that states some value
    is fine, and so is a spare figure when every value is stated (the pilot in 2025 next to
    mass production in 2027), or a figure that states a value of another fact that applies
    to the sentence (``accounted``). A value no figure states is paired with the remaining
    figure of the same granularity (and counted noun) nearest to the fact's words.
    """
    by_dimension: dict[tuple, list[FactValue]] = defaultdict(list)
    for value in fact.values:
        by_dimension[value.quantity.dimension].append(value)
    for dimension, values in by_dimension.items():
        candidates = [q for q in quantities if q.dimension == dimension and _checkable(q)]
        unstated = [v for v in values if not any(same_figure(q, v.quantity) for q in candidates)]
        spare = [q for q in candidates
                 if q not in accounted and not any(same_figure(q, v.quantity) for v in values)]
        for value in unstated:
            if not spare:
                break
            figure = min(spare, key=lambda q: _distance(q, value.quantity, about_spans))
            spare.remove(figure)
            yield figure, value


def _checkable(figure: Quantity) -> bool:
    """Bare numbers are compared only when large ('125 million'): small ones ('1 in 4') are too many."""
    return figure.kind != "number" or figure.value >= 1000 or figure.step >= 1000


def _distance(figure: Quantity, reference: Quantity, about_spans) -> float:
    cost = min(abs(figure.start - start) for start, _ in about_spans) if about_spans else 0.0
    if granularity(figure) != granularity(reference):
        cost += 1000
    if reference.kind == "count" and reference.unit not in figure.nouns:
        cost += 1000
    return cost


def _written(figure: Quantity) -> str:
    """The figure as written, with its meaning when that is not obvious ('last year' (2023))."""
    if figure.relative or figure.kind in ("month", "date") and figure.text != figure.display():
        return f"'{figure.text}' ({figure.display()})"
    return figure.text


class FigureMismatch(Rule):
    code = "NL401"
    name = "figure-mismatch"
    category = "figure"
    severity = Severity.ERROR
    summary = "A figure contradicts the fact file or the reference article"
    rationale = (
        "Rewritten news goes wrong quietly in its figures: $2.9 billion becomes $2.9 million, 'earlier this "
        "year' becomes 'last year', a yen amount keeps an old dollar conversion. In every sentence a fact "
        "applies to (all its 'about' words occur), each figure of the same kind as the fact's values must "
        "state one of them. Equal values written differently ('$750bn', '750 billion dollars', '2nm') match, "
        "and so does a figure rounded to the precision it is written to ('$3 billion' for $2.9 billion). "
        "Relative dates are read against --date, the article's front matter date, or the fact file's "
        "'published'. A second figure of the same kind that serves another purpose is not reported when "
        "the fact's value is there too."
    )
    help = "Correct the figure, or the fact file if the fact has changed."
    examples = {
        "bad": [{"text": "Microsoft woos Japan\n\nMicrosoft will invest $3.2 billion in Japan, it said.\n",
                 "facts": _FACTS}],
        "good": [{"text": "Microsoft woos Japan\n\nMicrosoft pledged $2.9bn, on top of $1 billion last year.\n",
                  "facts": _FACTS}],
    }

    def check(self, doc, ctx):
        base = ctx.facts
        if base is None or not base.facts:
            return
        prose = doc.prose
        reported: set[tuple[int, int]] = set()
        for figures in sentence_figures(doc, reference_date(doc, ctx.reference_date, base)):
            sentence = figures.sentence
            applying = []
            for fact in base.applicable(prose):
                spans = fact.matches(prose, sentence.start, sentence.end) if fact.values else None
                if spans is not None:
                    applying.append((fact, spans))
            accounted = {q for q in figures.quantities
                         if any(same_figure(q, value.quantity) for fact, _ in applying for value in fact.values)}
            for fact, spans in applying:
                for figure, value in _mismatches(fact, figures.quantities, spans, accounted):
                    if (figure.start, figure.end) in reported:
                        continue
                    reported.add((figure.start, figure.end))
                    where = f"{fact.origin}:{value.line}"
                    named = where if fact.id == where else f"{where}, {fact.id}"  # facts from an article: once
                    ctx.report(
                        figure.start, figure.end,
                        f"figure {_written(figure)} does not match the reference {value.quantity.display()} "
                        f"({named})",
                        evidence=fact.claim + (f" ({fact.source})" if fact.source else ""),
                    )


class ConversionMismatch(Rule):
    code = "NL403"
    name = "conversion-mismatch"
    category = "figure"
    severity = Severity.WARNING
    summary = "A currency conversion implies an exchange rate far from the article's others or the rates table"
    rationale = (
        "When an amount is given with a conversion in brackets ('590 billion yen ($3.9 billion)'), the two "
        "imply an exchange rate. A rewritten amount that keeps its old conversion, or a conversion typed "
        "wrong, implies a rate more than 10% away from the others in the article, or from the fact file's "
        "'rates' table when there is one. No fact file is needed."
    )
    help = "Recompute the conversion at the rate of the day."
    examples = {
        "bad": ["Japan funds chips\n\nThe ministry approved 590 billion yen ($4.9 billion) for Rapidus.\n\n"
                "That is on top of 330 billion yen ($2.17 billion) already promised.\n"],
        "good": ["Japan funds chips\n\nThe ministry approved 590 billion yen ($3.9 billion) for Rapidus.\n\n"
                 "That is on top of 330 billion yen ($2.17 billion) already promised.\n"],
    }

    def check(self, doc, ctx):
        base = ctx.facts
        conversions = defaultdict(list)  # (currency, currency) -> [(rate, figure, line)]
        for figures in sentence_figures(doc, reference_date(doc, ctx.reference_date, base)):
            for figure in figures.quantities:
                original = converted_pair(figures, figure)
                if original is None or not figure.value or not original.value:
                    continue
                pair = tuple(sorted((original.unit, figure.unit)))
                amounts = {original.unit: original.value, figure.unit: figure.value}
                rate = amounts[pair[1]] / amounts[pair[0]]  # units of pair[1] per unit of pair[0]
                conversions[pair].append((rate, figure, doc.line_of(figure.start)))
        for (first, second), found in conversions.items():
            table = base.rate(first, second) if base is not None else None
            for index, (rate, figure, line) in enumerate(found):
                if table is not None:
                    expected, table_line = table
                    where = f"the rates table ({base.rates_origin}:{table_line})"
                else:
                    others = [other for position, (other, _, _) in enumerate(found) if position != index]
                    if not others or (len(found) == 2 and index == 0):
                        continue  # two that disagree: report the later one only
                    expected = statistics.median(others)
                    lines = sorted({other_line for position, (_, _, other_line) in enumerate(found) if position != index})
                    where = f"the article's other conversion{'s' if len(others) > 1 else ''} (line {', '.join(map(str, lines))})"
                if abs(rate - expected) / expected > MAX_RATE_DEVIATION:
                    base_code, quote_code = (first, second) if expected >= 1 else (second, first)
                    if expected < 1:  # say "151.3 JPY per USD", not "0.0066 USD per JPY"
                        rate, expected = 1 / rate, 1 / expected
                    ctx.report(figure.start, figure.end,
                               f"conversion {figure.text} implies {_rate(rate)} {quote_code} per {base_code}, "
                               f"not {_rate(expected)} as {where}")


def _rate(rate: float) -> str:
    return f"{rate:,.4g}" if rate < 10 else f"{rate:,.1f}"


class InconsistentFigures(Rule):
    code = "NL404"
    name = "inconsistent-figures"
    category = "figure"
    severity = Severity.INFO
    summary = "The same thing is stated with different figures in two places of the article"
    rationale = (
        "A figure changed in one place and not in another leaves the article contradicting itself: "
        "'Microsoft will invest $2.9 billion' in the lead and 'will invest $3.2 billion' further down. Two "
        "figures of the same kind and unit are compared only when everything says they describe the same "
        "thing: the same words right before them ('will invest'), a name both sentences mention, most "
        "salient words in common, and no different period (Q1 and Q2, 2022 and 2023). Lists and the spam "
        "tail are left out. No fact file is needed. It is a hint, at info: on real pages, runs of similar "
        "items (people charged and their bonds, one product model after another) read the same way, and "
        "text alone cannot tell them from a contradiction. Checked against a fact file, a wrong figure is "
        "an error (NL401)."
    )
    help = "Make the two figures agree, or say what distinguishes them."
    examples = {
        "bad": ["Microsoft woos Japan\n\nMicrosoft will invest $2.9 billion in cloud infrastructure in Japan.\n\n"
                "Officials welcomed the news.\n\nMicrosoft will invest $3.2 billion in cloud infrastructure in Japan, "
                "the company said.\n"],
        "good": ["Microsoft woos Japan\n\nMicrosoft will invest $2.9 billion in cloud infrastructure in Japan.\n\n"
                 "Amazon will invest $15 billion in cloud infrastructure in Japan by 2027.\n"],
    }

    def check(self, doc, ctx):
        tail = analyse(doc, ctx.lexicons)
        # Only statements with the same dimension and frame can contradict; the cap keeps a
        # pathological document (one sentence repeated 100,000 times) linear.
        seen: dict[tuple, list[_Statement]] = defaultdict(list)
        for figures in sentence_figures(doc, reference_date(doc, ctx.reference_date, ctx.facts)):
            sentence = figures.sentence
            if sentence.block.kind == BlockKind.LIST_ITEM or tail.in_tail(doc.line_of(sentence.start)):
                continue
            compared = [figure for figure in figures.quantities
                        if figure.kind in COMPARED_KINDS and figure.converts is None]
            if not compared:
                continue  # nothing to compare: no need to read what the sentence is about
            context = _Context.of(figures, doc.prose)
            statements = [_Statement(figure, context, _frame(doc.prose, sentence.start, figure)) for figure in compared]
            for statement in statements:
                earlier = next((other for other in seen[statement.key] if statement.contradicts(other)), None)
                if earlier is not None:
                    ctx.report(statement.figure.start, statement.figure.end,
                               f"figure {statement.figure.text} differs from {earlier.figure.text} on line "
                               f"{doc.line_of(earlier.figure.start)} for what reads as the same thing")
            for statement in statements:
                if len(seen[statement.key]) < MAX_COMPARED:
                    seen[statement.key].append(statement)


class _Context:
    """What a sentence is about: its salient words, the names it mentions, the periods it names.

    Each is read only when two statements get far enough in ``contradicts`` (rarely).
    """

    def __init__(self, figures: SentenceFigures):
        self.figures = figures

    @classmethod
    def of(cls, figures: SentenceFigures, prose: str) -> _Context:
        return cls(figures)

    @cached_property
    def text(self) -> str:
        return self.figures.sentence.text

    @cached_property
    def names(self) -> frozenset:
        return frozenset(word.lower() for position, word in enumerate(_NAME.findall(self.text))
                         if position > 0 and word[0].isupper())

    @cached_property
    def periods(self) -> frozenset:
        times = {q.display() for q in self.figures.quantities if q.kind in ("year", "month", "date")}
        return frozenset(times | set(_PERIOD_MARK.findall(self.text)))

    @cached_property
    def words(self) -> frozenset:
        return frozenset(salient_words(self.text, limit=12))


@dataclass(frozen=True)
class _Statement:
    figure: Quantity
    context: _Context
    frame: tuple[str, ...]  # the words right before the figure

    @property
    def key(self) -> tuple:
        return self.figure.dimension, self.frame

    def contradicts(self, other: _Statement) -> bool:
        mine, theirs = self.context, other.context
        if other.context is mine or other.figure.dimension != self.figure.dimension:
            return False  # figures of one sentence are not compared with each other
        if same_figure(self.figure, other.figure) or not self.frame or self.frame != other.frame:
            return False
        if self.figure.kind == "count" and self.figure.unit != other.figure.unit:
            return False
        if mine.periods != theirs.periods or not mine.names & theirs.names:
            return False
        shared = len(mine.words & theirs.words)
        return shared >= 3 and shared >= MIN_SHARED_CONTEXT * min(len(mine.words), len(theirs.words))


def _frame(prose: str, sentence_start: int, figure: Quantity) -> tuple[str, ...]:
    """The two words right before a figure, folded: ('will', 'invest') for 'will invest $2.9 billion'."""
    before = _NAME.findall(prose[sentence_start:figure.start])
    return tuple(word.lower() for word in before[-FRAME_WORDS:])
