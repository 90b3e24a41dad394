"""A trusted article as the reference: its figures, with the words around them, act as facts.

Each sentence of the reference that states figures becomes a fact whose ``about``
words are the sentence's salient words (names first, then long words, cut to their
stems so that inflections match). A fact drawn this way applies to a sentence of the
checked article when most of those words occur in it, not necessarily all.
"""

from __future__ import annotations

import datetime as dt

import regex

from newslint.article_figures import sentence_figures
from newslint.document import Document
from newslint.facts import Fact, FactValue, about_patterns
from newslint.quantities import Quantity

# Share of a reference sentence's salient words that must occur in a checked sentence.
MIN_SHARED_WORDS = 0.6
MAX_ABOUT_WORDS = 8
STEM_LENGTH = 6
_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")
_STOPWORDS = frozenset(
    """that this with from have has were will would could should their there which about after before
    also into over than they them then when what where while said says just more most other some such
    only very been being does made make many much even because between during under against among
    within without across around upon these those your ours""".split()
)


def salient_words(text: str, limit: int = MAX_ABOUT_WORDS, stems: bool = True) -> list[str]:
    """The words that identify what a sentence is about: names first, then long words.

    With ``stems`` the words are cut to their first letters, so that inflections match.
    """
    words = []
    for position, word in enumerate(_WORD.findall(text)):
        lowered = word.lower().strip("'’-")
        if len(lowered) < 4 or lowered in _STOPWORDS:
            continue
        named = word[0].isupper() and position > 0
        shown = lowered[:STEM_LENGTH] if stems else word.strip("'’-")
        words.append((0 if named else 1, -len(lowered), position, shown))
    ordered = []
    seen = set()  # lower-cased, for the duplicate test
    for _, _, _, shown in sorted(words):
        if 0 <= limit <= len(ordered):
            break  # the rest would be cut off anyway
        if shown.lower() not in seen:
            seen.add(shown.lower())
            ordered.append(shown)
    return ordered[:limit]


def facts_from_article(doc: Document, origin: str, reference: dt.date | None) -> list[Fact]:
    """One fact per sentence of the reference article that states figures."""
    facts = []
    for figures in sentence_figures(doc, reference):
        values = [q for q in figures.quantities if states_something(q)]
        if not values:
            continue
        sentence = figures.sentence
        line = doc.line_of(sentence.start)
        about = tuple((word,) for word in salient_words(sentence.text))
        if len(about) < 2:
            continue
        facts.append(Fact(
            id=f"{origin}:{line}",
            claim=" ".join(sentence.text.split()),
            about=about,
            values=tuple(FactValue(q.text, q, line) for q in values),
            line=line,
            origin=origin,
            min_about=MIN_SHARED_WORDS,
            patterns=about_patterns(about),
        ))
    return facts


def states_something(quantity: Quantity) -> bool:
    """Figures worth checking: not 'first' or 'second' as plain order words, not bare numbers."""
    return quantity.kind != "number" and not (quantity.kind == "rank" and quantity.value <= 2 and not quantity.unit)
