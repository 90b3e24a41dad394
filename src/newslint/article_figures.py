"""The figures of an article, sentence by sentence, read once and shared by the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import regex

from newslint.document import Document, Sentence
from newslint.quantities import Quantity, find_quantities

# Kinds that state something worth checking; ordinals like "first" and bare numbers are noise.
CHECKED_KINDS = frozenset({"money", "percent", "points", "length", "duration", "count", "year", "month", "date",
                           "rank", "number"})
_HAS_FIGURE = regex.compile(r"\d|\b(?:last|this|next|ago|first|second|third|dozen|one|two|three|four|five|six|"
                            r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|million|"
                            r"billion|January|February|March|April|May|June|July|August|September|October|"
                            r"November|December)\b", regex.IGNORECASE)


@dataclass(frozen=True)
class SentenceFigures:
    sentence: Sentence
    quantities: tuple[Quantity, ...]  # spans are offsets into the document


def reference_date(doc: Document, option: dt.date | None, facts) -> dt.date | None:
    """What 'last year' is relative to: --date, else the article's own date, else the fact file's."""
    if option is not None:
        return option
    if doc.date is not None:
        return doc.date
    return getattr(facts, "published", None)


def sentence_figures(doc: Document, reference: dt.date | None) -> list[SentenceFigures]:
    """The quantities of every sentence that has any (computed once per document and date)."""
    memo = doc.__dict__.setdefault("_figures", {})
    if reference not in memo:
        prose = doc.prose
        figures = []
        for sentence in doc.sentences:
            if not _HAS_FIGURE.search(prose, sentence.start, sentence.end):
                continue
            found = find_quantities(prose, reference, sentence.start, sentence.end)
            if found:
                figures.append(SentenceFigures(sentence, tuple(found)))
        memo[reference] = figures
    return memo[reference]


def converted_pair(figures: SentenceFigures, quantity: Quantity) -> Quantity | None:
    """The amount a bracketed conversion converts ('590 billion yen' for '($3.9 billion)')."""
    if quantity.converts is None:
        return None
    return figures.quantities[quantity.converts]


def shifted(quantity: Quantity, offset: int) -> Quantity:
    return replace(quantity, start=quantity.start + offset, end=quantity.end + offset)
