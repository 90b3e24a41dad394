"""Spam-tail detection: where an article ends and the page furniture after it begins.

The tail is the suffix of the document whose line scores (see ``tail_evidence``) add
up to the most, when that sum is convincing. One junk line inside the body cannot start
a tail, because the prose after it weighs against it; a real tail is taken whole,
because everything in it adds up. Prose inside a candidate tail weighs three times as
much as furniture, and a tail may never hold more than half of the document's prose:
the article is never cut short.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newslint.document import Document
from newslint.lexicon_cache import built_from
from newslint.tail_evidence import ARTICLE_CREDIT, LineEvidence, LineScorer

# How convincing a tail must be: its total score, and the score of its strongest line.
MIN_TAIL_SCORE = 3.0
MIN_STRONGEST_LINE = 1.5
# Prose inside a tail counts this much more than furniture: tails are rarely prose.
PROSE_WEIGHT = 3.0
# The most of the document's prose (by weight) a tail may hold: the article stays whole.
MAX_PROSE_SHARE = 0.5


@dataclass(frozen=True)
class Tail:
    first_line: int
    last_line: int
    kinds: tuple[str, ...]  # what the tail holds, in order of appearance
    score: float


def find_in(evidence: list[LineEvidence]) -> Tail | None:
    """The best-scoring convincing suffix of the lines, or None."""
    nonblank = [item for item in evidence if not item.blank]
    if len(nonblank) < 2:
        return None
    total_prose = sum(-item.score for item in nonblank if item.score < 0 and not item.stranded)
    best_sum, best_index, running, tail_prose = 0.0, None, 0.0, 0.0
    # The first non-blank line is always article; try every cut after it, latest first.
    for index in range(len(nonblank) - 1, 0, -1):
        item = nonblank[index]
        score = item.score
        running += score if score > 0 or item.stranded else PROSE_WEIGHT * score
        tail_prose += -score if score < 0 and not item.stranded else 0.0
        if tail_prose > MAX_PROSE_SHARE * total_prose:
            break  # cutting here or earlier would take the article's prose with the tail
        if running > best_sum:
            best_sum, best_index = running, index
    if best_index is None or best_sum < MIN_TAIL_SCORE:
        return None
    tail = nonblank[best_index:]
    if max(item.score for item in tail) < MIN_STRONGEST_LINE:
        return None
    kinds = tuple(dict.fromkeys(item.kind for item in tail if item.kind and item.score > 0
                                and item.kind != ARTICLE_CREDIT))
    return Tail(tail[0].line, tail[-1].line, kinds, round(best_sum, 2))


def scorer_for(lexicons: Mapping[str, Any]) -> LineScorer:
    """One scorer per lexicon set."""
    return built_from(lexicons, LineScorer)


@dataclass(frozen=True)
class TailAnalysis:
    evidence: list[LineEvidence]  # one per line of the document
    tail: Tail | None

    def in_tail(self, line: int) -> bool:
        return self.tail is not None and self.tail.first_line <= line <= self.tail.last_line


def analyse(doc: Document, lexicons: Mapping[str, Any]) -> TailAnalysis:
    """Line evidence and the spam tail, computed once per document and shared by the rules."""
    memo = doc.__dict__.setdefault("_tail_analysis", {})
    if id(lexicons) not in memo:
        evidence = scorer_for(lexicons).evidence(doc)
        memo[id(lexicons)] = TailAnalysis(evidence, find_in(evidence))
    return memo[id(lexicons)]
