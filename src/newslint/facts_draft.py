"""Drafting a fact file from a trusted article, for a person to review.

    newslint --draft-facts seeds/001_f515593e6f37bc8d.txt --date 2024-04-10 > facts.yaml

Every sentence that states figures becomes a fact: its text as the claim, its two most
salient words (names first) as ``about``, its figures as values written the way the
fact file reads them. Relative dates are written as the dates they resolve to.
"""

from __future__ import annotations

import datetime as dt

import regex
import yaml

from newslint.article_figures import sentence_figures
from newslint.document import Document
from newslint.quantities import Quantity, _scaled, describe
from newslint.references import salient_words, states_something


def value_text(quantity: Quantity) -> str:
    """A figure in fact-file form: '2.9 billion USD', '17 years', 'April 2025', '1,200 unicorns'."""
    if quantity.kind == "money":
        return f"{_scaled(quantity.value, quantity.step)} {quantity.unit}"
    return describe(quantity)


def draft_fact_file(doc: Document, reference: dt.date | None) -> str:
    facts = []
    ids: set[str] = set()
    for figures in sentence_figures(doc, reference):
        values = [value_text(q) for q in figures.quantities if states_something(q)]
        about = salient_words(figures.sentence.text, limit=2, stems=False)
        if not values or len(about) < 2:
            continue
        fact_id = _unique(_slug(" ".join(about)), ids)
        facts.append({
            "id": fact_id,
            "claim": " ".join(figures.sentence.text.split()),
            "about": about,
            "values": list(dict.fromkeys(values)),
        })
    document: dict = {}
    if reference is not None:
        document["published"] = reference
    document["facts"] = facts
    header = (f"# Drafted by newslint from {doc.path}: check every claim, 'about' word and value\n"
              "# against the source before you rely on this file.\n")
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=110,
                                   default_flow_style=None)


def _slug(text: str) -> str:
    return regex.sub(r"[^\w]+", "-", text.lower()).strip("-") or "fact"


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
