"""A token rule's alternation, run per document on only the parts that can match there.

An existence, substitution or occurrence rule is one alternation of phrases and patterns,
``(?<!\\w)(?:A|B|C)(?!\\w)``. The ``regex`` module tries a long alternation at every position
of the text, which made these rules the slowest part of a run; yet in most articles most
parts cannot match at all. So each part is also compiled alone and, per document:

- a phrase is kept only if every one of its words is a word of the text (with word
  boundaries its words can match nowhere else; see word_index), and a pattern only if the
  text holds one of the strings every match of it contains (``textutil.required_literals``);
- a segment (a block, a sentence) holding none of the kept parts' needles (a word of each
  phrase, the literals of each pattern) is skipped with one bisection;
- in the others the kept parts are searched one by one, and their matches merged the way
  the whole alternation finds them: leftmost first, the earlier part on a tie, none
  starting inside the previous match. A single phrase ``regex`` finds by its first
  characters, fast.

The findings are exactly those of the whole alternation. A part that matches the empty
string would need finditer's rules for empty matches; a rule with such a part falls back
to the whole alternation for that segment.
"""

from __future__ import annotations

import bisect
import time

import regex

from newslint.textutil import required_literals
from newslint.word_index import WORD, TextIndex, case_fold, text_index

_GROUP = "newslint_part"  # the group of each part in the whole alternation: part number follows


class Part:
    """One alternative: its source, and what a text must hold for it to match there.

    ``words``: a phrase's case-folded words, each a whole word of any text it matches
    (with word boundaries). ``needles``: strings one of which every match contains, as
    written (case-sensitive) or lower-case ASCII (IGNORECASE); None when unknown.
    """

    def __init__(self, source: str, phrase: str | None, flags: int, word_boundaries: bool):
        self.source = source
        self.flags = flags
        self.word_boundaries = word_boundaries
        self.ignorecase = bool(flags & regex.IGNORECASE)
        self.words = None
        if phrase is not None:
            if word_boundaries:
                self.words = frozenset(WORD.findall(case_fold(phrase)))
            written = WORD.findall(phrase.lower() if self.ignorecase else phrase)
            usable = [word for word in written if word.isascii() or not self.ignorecase]
            self.needles = (max(usable, key=len),) if usable else None
        else:
            literals = required_literals(source, ignorecase=self.ignorecase)
            self.needles = tuple(literals) if literals else None
        self._pattern: regex.Pattern | None = None

    @property
    def pattern(self) -> regex.Pattern:
        if self._pattern is None:  # compiled on first use: most parts of most rules never run
            self._pattern = regex.compile(bounded(self.source, self.word_boundaries), self.flags)
        return self._pattern

    def may_match(self, index: TextIndex) -> bool:
        """Whether the part can match anywhere in the indexed text."""
        if self.words is not None:
            return self.words <= index.words
        return self.may_match_between(index, 0, len(index.text))

    def needle_starts(self, index: TextIndex) -> list[int] | None:
        """Where the part's needles start in the text; None when it has none to look for."""
        haystack = index.lowered if self.ignorecase else index.text
        if self.needles is None or haystack is None:
            return None
        starts = []
        for needle in self.needles:
            found = haystack.find(needle)
            while found >= 0:
                starts.append(found)
                found = haystack.find(needle, found + 1)
        return starts

    def may_match_between(self, index: TextIndex, start: int, end: int) -> bool:
        """Whether a match inside text[start:end] is possible: a needle must be there."""
        if self.needles is None:
            return True
        haystack = index.lowered if self.ignorecase else index.text
        if haystack is None:
            return True
        return any(haystack.find(needle, start, end) >= 0 for needle in self.needles)


def bounded(body: str, word_boundaries: bool) -> str:
    return rf"(?<!\w)(?:{body})(?!\w)" if word_boundaries else f"(?:{body})"


class Alternation:
    """Parts tried in order; ``finditer`` yields (part number, match) like the whole pattern."""

    def __init__(self, parts: list[Part], flags: int, word_boundaries: bool):
        self.parts = parts
        self.flags = flags
        self.word_boundaries = word_boundaries
        self._whole: regex.Pattern | None = None

    @classmethod
    def build(cls, sources: list[tuple[str, str | None]], flags: int, word_boundaries: bool) -> Alternation:
        """``sources``: (pattern source, the phrase it was written from or None for a regex)."""
        parts = [Part(source, phrase, flags, word_boundaries) for source, phrase in sources]
        return cls(parts, flags, word_boundaries)

    @property
    def source(self) -> str:
        return bounded("|".join(f"(?P<{_GROUP}{number}>{part.source})" for number, part in enumerate(self.parts)),
                       self.word_boundaries)

    @property
    def whole(self) -> regex.Pattern:
        if self._whole is None:
            self._whole = regex.compile(self.source, self.flags)
        return self._whole

    def plan(self, text: str) -> Plan | None:
        """How to search text: None when no part can match anywhere in it."""
        index = text_index(text)
        candidates = [number for number, part in enumerate(self.parts) if part.may_match(index)]
        return Plan(self, index, candidates) if candidates else None

    def part_of(self, match: regex.Match) -> int:
        """The part a match of the whole alternation came from."""
        return next(number for number in range(len(self.parts)) if match.start(f"{_GROUP}{number}") >= 0)


class Plan:
    """The parts that can match in one text, and where their needles are in it."""

    def __init__(self, alternation: Alternation, index: TextIndex, candidates: list[int]):
        self.alternation = alternation
        self.index = index
        self.candidates = candidates
        self.parts = [alternation.parts[number] for number in candidates]
        # Segments with none of the candidates' needles are skipped with one bisection.
        self.needle_starts: list[int] | None = []
        for part in self.parts:
            starts = part.needle_starts(index)
            if starts is None:
                self.needle_starts = None
                break
            self.needle_starts.extend(starts)
        if self.needle_starts is not None:
            self.needle_starts.sort()

    def finditer(self, start: int, end: int, timeout: float) -> list[tuple[int, regex.Match]]:
        """(part number, match) for the matches in text[start:end], as the whole alternation finds them."""
        if self.needle_starts is not None:
            nearest = bisect.bisect_left(self.needle_starts, start)
            if nearest == len(self.needle_starts) or self.needle_starts[nearest] >= end:
                return []
        found = self._merged(start, end, time.monotonic() + timeout)
        if found is None:
            whole = self.alternation.whole
            return [(self.alternation.part_of(match), match)
                    for match in whole.finditer(self.index.text, start, end, timeout=timeout)]
        return found

    def _merged(self, start: int, end: int, deadline: float) -> list[tuple[int, regex.Match]] | None:
        """Each part searched alone, the matches merged; None if a part matched the empty string."""
        index, text = self.index, self.index.text
        upcoming: list[regex.Match | None | bool] = [False] * len(self.parts)  # False: not searched yet
        position = start
        found = []
        while True:
            best_slot, best = -1, None
            for slot, part in enumerate(self.parts):
                match = upcoming[slot]
                if match is False or (match is not None and match.start() < position):
                    match = None
                    if part.may_match_between(index, position, end):
                        remaining = max(deadline - time.monotonic(), 0.001)
                        match = part.pattern.search(text, position, end, timeout=remaining)
                    upcoming[slot] = match
                if match is not None and (best is None or match.start() < best.start()):
                    best_slot, best = slot, match
            if best is None:
                return found
            if best.end() == best.start():
                return None
            found.append((self.candidates[best_slot], best))
            position = best.end()
