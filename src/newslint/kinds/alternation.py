"""A token rule's alternation, run per document on only the parts that can match there.

An existence, substitution or occurrence rule is one alternation of phrases and patterns,
``(?<!\\w)(?:A|B|C)(?!\\w)``. The ``regex`` module tries a long alternation at every position
of the text, which made these rules the slowest part of a run; yet in most articles most
parts cannot match at all. So each part is also compiled alone and, per document:

- a part is kept only if the text holds one of its needles: strings every match of it
  contains (a phrase's longest word; a pattern's ``textutil.required_literals``), found
  with those of every other token rule of the run in one pass by one Aho-Corasick
  automaton (kinds/needles). A phrase with no usable needle is kept only if every one
  of its words is a word of the text (with word boundaries its words can match nowhere
  else; see word_index);
- a segment (a block, a sentence) holding none of the kept parts' needles is skipped with
  one bisection;
- in the others the parts with needles there are searched one by one, and their matches merged
  the way the whole alternation finds them: leftmost first, the earlier part on a tie, none
  starting inside the previous match;
- a phrase is not searched for but tried with ``match`` only where its first word (its
  anchor) starts, found with str.find: a case-insensitive ``regex`` search costs about
  15 ns a character, a third of the time of linting with the Vale-equivalent rules.

The findings are exactly those of the whole alternation over segments that start and end
between words, as blocks, sentences and lines do (a segment ending inside a word would let
``(?!\\w)`` match there, where the word test says no phrase can). A part that matches the empty
string would need finditer's rules for empty matches; a rule with such a part falls back
to the whole alternation for that segment.
"""

from __future__ import annotations

import bisect
import time
from functools import cached_property

import regex

from newslint.kinds.needles import SharedNeedles
from newslint.textutil import required_literals
from newslint.word_index import WORD, TextIndex, case_fold, text_index

_GROUP = "newslint_part"  # the group of each part in the whole alternation: part number follows
# "a" or "in" starts somewhere in most words: trying a phrase at each is slower than a search.
MIN_ANCHOR = 3
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


class Part:
    """One alternative: its source, and what a text must hold for it to match there.

    ``words``: a phrase's case-folded words, each a whole word of any text it matches
    (with word boundaries). ``needles``: strings one of which every match contains, as
    written (case-sensitive) or lower-case ASCII (IGNORECASE); None when unknown.
    ``anchor``: what every match of a phrase starts with (its first word, in the same form),
    so that it is tried only where that starts; None for a pattern, a non-ASCII first word or
    one shorter than MIN_ANCHOR.
    """

    def __init__(self, source: str, phrase: str | None, flags: int, word_boundaries: bool):
        self.source = source
        self.flags = flags
        self.word_boundaries = word_boundaries
        self.ignorecase = bool(flags & regex.IGNORECASE)
        self.words = None
        self.anchor = None
        if phrase is not None:
            first = phrase.split()[0].lower() if self.ignorecase else phrase.split()[0]
            if len(first) >= MIN_ANCHOR and (first.isascii() or not self.ignorecase):
                self.anchor = first
            if word_boundaries:
                self.words = frozenset(WORD.findall(case_fold(phrase)))
            written = WORD.findall(phrase.lower() if self.ignorecase else phrase)
            usable = [word for word in written if word.isascii() or not self.ignorecase]
            self.needles = (max(usable, key=len),) if usable else None
        else:
            literals = required_literals(source, ignorecase=self.ignorecase)
            self.needles = tuple(literals) if literals and all(literals) else None
        # A phrase (literal words joined by \s+) cannot backtrack catastrophically.
        self.linear = phrase is not None or cannot_backtrack(source)
        self._pattern: regex.Pattern | None = None

    @property
    def pattern(self) -> regex.Pattern:
        if self._pattern is None:  # compiled on first use: most parts of most rules never run
            self._pattern = regex.compile(bounded(self.source, self.word_boundaries), self.flags)
        return self._pattern

    def may_match(self, index: TextIndex) -> bool:
        """Whether the part can match anywhere in the indexed text (used when it has no needles)."""
        if self.words is not None:
            return self.words <= index.words
        return self.may_match_between(index, 0, len(index.text))

    def may_match_between(self, index: TextIndex, start: int, end: int) -> bool:
        """Whether a match inside text[start:end] is possible: a needle must be there."""
        if self.needles is None:
            return True
        haystack = index.lowered if self.ignorecase else index.text
        if haystack is None:
            return True
        for needle in self.needles:  # a loop, not any(): a phrase has one needle
            if haystack.find(needle, start, end) >= 0:
                return True
        return False


# The regex module's timeout costs about 2 µs a call, six times a short match, whatever the
# text; a pattern that cannot backtrack out of hand runs without it (see cannot_backtrack).
MAX_OPTIONAL = 3  # optional characters ("colou?r"): 2**3 ways at most to try at one position
_SINGLE_ESCAPE_WITH_BRACES = "pPNx"  # \p{L}, \N{EM DASH}, \x{2014}: one character each
_OPERATORS = "()|*+{}"


def cannot_backtrack(source: str) -> bool:
    """Whether the pattern is a plain sequence of one-character items (literals, escapes,
    classes, '.', anchors), at most MAX_OPTIONAL of them followed by '?'.

    Such a pattern tries a bounded number of ways at each position, so no text can make
    it run away and it needs no time limit. Anything else (groups, '|', '*', '+', braces)
    may backtrack without bound ('(a+)+$', '(a|a)(a|a)...b') and keeps the limit.
    """
    position, optional, after_item = 0, 0, False
    while position < len(source):
        char = source[position]
        if char == "\\":
            if position + 1 >= len(source):
                return False
            position += 2
            if source[position - 1] in _SINGLE_ESCAPE_WITH_BRACES and source[position:position + 1] == "{":
                close = source.find("}", position)
                if close < 0:
                    return False
                position = close + 1
            after_item = True
        elif char == "[":
            close = _class_end(source, position)
            if close < 0:
                return False
            position, after_item = close + 1, True
        elif char == "?":
            optional += 1
            if not after_item or optional > MAX_OPTIONAL:
                return False
            position, after_item = position + 1, False
        elif char in _OPERATORS:
            return False
        else:
            position, after_item = position + 1, char not in "^$"
    return True


def _class_end(source: str, start: int) -> int:
    """Where the class opened at source[start] ('[') closes; -1 if unsure."""
    position = start + 1
    if source[position:position + 1] == "^":
        position += 1
    if source[position:position + 1] == "]":
        position += 1  # a ']' first is a literal
    while position < len(source):
        char = source[position]
        if char == "\\":
            position += 2
        elif char == "[":
            return -1  # a nested set (regex's version 1 syntax): not read here
        elif char == "]":
            return position
        else:
            position += 1
    return -1


def bounded(body: str, word_boundaries: bool) -> str:
    return rf"(?<!\w)(?:{body})(?!\w)" if word_boundaries else f"(?:{body})"


class Alternation:
    """Parts tried in order; ``finditer`` yields (part number, match) like the whole pattern."""

    def __init__(self, parts: list[Part], flags: int, word_boundaries: bool):
        self.parts = parts
        self.flags = flags
        self.word_boundaries = word_boundaries
        self.ignorecase = bool(flags & regex.IGNORECASE)
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

    @cached_property
    def own_needles(self) -> SharedNeedles:
        """Needles for a plan made outside a run (a run's token rules share theirs)."""
        return SharedNeedles([self])

    def plan(self, text: str, shared: SharedNeedles | None = None) -> Plan | None:
        """How to search text: None when no part can match anywhere in it.

        ``shared``: the needles of the run's token rules (RuleContext.needles), found in
        one pass over the text for all of them; used when it holds this alternation.
        """
        slot = shared.slot_of(self) if shared is not None else None
        if slot is None:
            shared, slot = self.own_needles, 0
        index = text_index(text)
        haystack = index.lowered if self.ignorecase else index.text
        found = shared.hits(haystack, self.ignorecase) if haystack is not None else {}
        candidates = []
        needle_starts: list[tuple[int, int]] | None = []  # (where a needle starts, candidate slot)
        for number, part in enumerate(self.parts):
            if part.needles is None or haystack is None:
                if not part.may_match(index):
                    continue
                needle_starts = None  # nothing to look for: every segment must be searched for it
            else:
                starts = found.get((slot, number))
                if not starts:
                    continue
                if needle_starts is not None:
                    needle_starts.extend((start, len(candidates)) for start in starts)
            candidates.append(number)
        return Plan(self, index, candidates, needle_starts) if candidates else None

    def part_of(self, match: regex.Match) -> int:
        """The part a match of the whole alternation came from."""
        return next(number for number in range(len(self.parts)) if match.start(f"{_GROUP}{number}") >= 0)


class Plan:
    """The parts that can match in one text, and where their needles are in it."""

    def __init__(self, alternation: Alternation, index: TextIndex, candidates: list[int],
                 needle_starts: list[tuple[int, int]] | None):
        self.alternation = alternation
        self.index = index
        self.candidates = candidates
        self.parts = [alternation.parts[number] for number in candidates]
        # None when some candidate has no needles; else sorted, for bisection per segment.
        self.starts: list[int] | None = None
        self.slots: list[int] = []  # the candidate slot of each needle start
        if needle_starts is not None:
            needle_starts.sort()
            self.starts = [start for start, _ in needle_starts]
            self.slots = [slot for _, slot in needle_starts]

    def finditer(self, start: int, end: int, timeout: float) -> list[tuple[int, regex.Match]]:
        """(part number, match) for the matches in text[start:end], as the whole alternation finds them."""
        slots = range(len(self.parts))
        deadline = time.monotonic() + timeout
        if self.starts is not None:
            # A match lies inside the segment, so holds a needle that starts there.
            first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
            if first == last:
                return []
            slots = sorted(set(self.slots[first:last]))  # only parts with a needle here can match
        found = self._merged(slots, start, end, deadline)
        return self._whole(start, end, timeout) if found is None else found

    def _next(self, slot: int, position: int, end: int, deadline: float) -> regex.Match | None:
        """The slot's part's first match in text[position:end]."""
        part, index = self.parts[slot], self.index
        if not part.may_match_between(index, position, end):
            return None
        if part.anchor is None or index.lowered is None:
            if part.linear:
                return part.pattern.search(index.text, position, end)
            return part.pattern.search(index.text, position, end, timeout=max(deadline - time.monotonic(), 0.001))
        # A phrase's match starts where its anchor does: try there alone, leftmost first,
        # skipping a start inside a word, where its leading (?<!\w) cannot hold.
        haystack = index.lowered if part.ignorecase else index.text
        at = haystack.find(part.anchor, position, end)
        while at >= 0:
            if not (part.word_boundaries and at > 0 and haystack[at - 1] in _ASCII_WORD):
                match = part.pattern.match(index.text, at, end)  # a phrase: linear
                if match is not None:
                    return match
            at = haystack.find(part.anchor, at + 1, end)
        return None

    def _whole(self, start: int, end: int, timeout: float) -> list[tuple[int, regex.Match]]:
        """The whole alternation's matches: for a part that matched the empty string."""
        whole = self.alternation.whole
        return [(self.alternation.part_of(match), match)
                for match in whole.finditer(self.index.text, start, end, timeout=timeout)]

    def _merged(self, slots, start: int, end: int, deadline: float) -> list[tuple[int, regex.Match]] | None:
        """The parts of these slots searched alone, the matches merged; None if one matched the empty string."""
        upcoming: dict[int, regex.Match | None | bool] = dict.fromkeys(slots, False)  # False: not searched yet
        position = start
        found = []
        while True:
            best_slot, best = -1, None
            for slot in slots:
                match = upcoming[slot]
                if match is False or (match is not None and match.start() < position):
                    match = upcoming[slot] = self._next(slot, position, end, deadline)
                if match is not None and (best is None or match.start() < best.start()):
                    best_slot, best = slot, match
            if best is None:
                return found
            if best.end() == best.start():
                return None
            found.append((self.candidates[best_slot], best))
            position = best.end()
