"""The figures of an article, sentence by sentence, read once and shared by the rules."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

import regex

from newslint.document import Document, Sentence
from newslint.quantities import Quantity, find_quantities
from newslint.textutil import NOT_PLAIN, lowered_plain

# Kinds that state something worth checking; ordinals like "first" and bare numbers are noise.
CHECKED_KINDS = frozenset({"money", "percent", "points", "length", "duration", "count", "year", "month", "date",
                           "rank", "number"})
_FIGURE_WORDS = ("last|this|next|ago|first|second|third|dozen|one|two|three|four|five|six|seven|eight|nine|ten|"
                 "eleven|twelve|twenty|thirty|forty|fifty|hundred|million|billion|January|February|March|April|"
                 "May|June|July|August|September|October|November|December")
_HAS_FIGURE = regex.compile(rf"\d|\b(?:{_FIGURE_WORDS})\b", regex.IGNORECASE)
# The same test for plain text, lower-cased (see textutil.NOT_PLAIN), in two stdlib
# patterns (a digit is found fastest on its own): five times faster.
_DIGIT_PLAIN = re.compile(r"[0-9]")
_FIGURE_WORD_PLAIN = re.compile(rf"\b(?:{_FIGURE_WORDS.lower()})\b")


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
            if not _has_figure(prose, sentence.start, sentence.end):
                continue
            found = find_quantities(prose, reference, sentence.start, sentence.end)
            if found:
                figures.append(SentenceFigures(sentence, tuple(found)))
        memo[reference] = figures
    return memo[reference]


def _has_figure(prose: str, start: int, end: int) -> bool:
    """Whether _HAS_FIGURE matches in prose[start:end] (its \\b sees the character before)."""
    lowered = lowered_plain(prose, start, end)
    before = prose[max(start - 1, 0):start]
    if lowered is None or NOT_PLAIN.search(before):
        return bool(_HAS_FIGURE.search(prose, start, end))
    return bool(_DIGIT_PLAIN.search(lowered) or _FIGURE_WORD_PLAIN.search(before.lower() + lowered, len(before)))


def converted_pair(figures: SentenceFigures, quantity: Quantity) -> Quantity | None:
    """The amount a bracketed conversion converts ('590 billion yen' for '($3.9 billion)')."""
    if quantity.converts is None:
        return None
    return figures.quantities[quantity.converts]


def shifted(quantity: Quantity, offset: int) -> Quantity:
    return replace(quantity, start=quantity.start + offset, end=quantity.end + offset)
