"""The needles of every token rule of a run, found in one pass over a text.

Each part of a token rule's alternation has needles: strings one of which every match of
it contains (see kinds/alternation). The rules that run together (one LintSettings) share
one Aho-Corasick automaton (pyahocorasick) per case mode, holding all their needles: a
text is scanned once, whatever the number of rules, and each rule's plan takes its own
parts' hits from the result. A rule outside any run (a test, a plugin's own use) gets
an automaton of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

import ahocorasick

from newslint.textutil import RecentTexts

if TYPE_CHECKING:
    from newslint.kinds.alternation import Alternation

Owner = tuple[int, int]  # (the alternation's slot in the SharedNeedles, its part number)


class SharedNeedles:
    """One automaton per case mode over the needles of several alternations."""

    def __init__(self, alternations: Iterable[Alternation]):
        self.alternations = list(alternations)
        self._slots = {id(alternation): slot for slot, alternation in enumerate(self.alternations)}
        # Several rules ask about the same text (the prose) in a row: its hits are kept.
        self._recent = {True: RecentTexts(), False: RecentTexts()}  # by ignorecase

    def slot_of(self, alternation: Alternation) -> int | None:
        """The alternation's slot, or None when it is not one of these."""
        slot = self._slots.get(id(alternation))
        return slot if slot is not None and self.alternations[slot] is alternation else None

    def hits(self, haystack: str, ignorecase: bool) -> dict[Owner, list[int]]:
        """(slot, part number) -> where that part's needles start in haystack.

        ``haystack`` is the text lower-cased for the ignorecase alternations, as written
        for the others (their needles are in the same form).
        """
        return self._recent[ignorecase].get(haystack, lambda text: self._scan(text, ignorecase))

    def _scan(self, haystack: str, ignorecase: bool) -> dict[Owner, list[int]]:
        finder = self._finders[ignorecase]
        found: dict[Owner, list[int]] = {}
        if finder is not None:
            for last, (length, owners) in finder.iter(haystack):
                for owner in owners:
                    found.setdefault(owner, []).append(last - length + 1)
        return found

    @cached_property
    def _finders(self) -> dict[bool, ahocorasick.Automaton | None]:
        owners: dict[bool, dict[str, list[Owner]]] = {True: {}, False: {}}
        for slot, alternation in enumerate(self.alternations):
            for number, part in enumerate(alternation.parts):
                for needle in part.needles or ():
                    owners[alternation.ignorecase].setdefault(needle, []).append((slot, number))
        return {ignorecase: _automaton(needles) for ignorecase, needles in owners.items()}


def _automaton(owners: dict[str, list[Owner]]) -> ahocorasick.Automaton | None:
    if not owners:
        return None
    finder = ahocorasick.Automaton()
    for needle, needle_owners in owners.items():
        finder.add_word(needle, (len(needle), tuple(needle_owners)))
    finder.make_automaton()
    return finder
