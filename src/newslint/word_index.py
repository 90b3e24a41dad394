"""The words of a text, case-folded, for ruling out phrases that cannot match in it.

A phrase matched with word boundaries and IGNORECASE can only match a text whose
case-folded words include all of its own; token rules (kinds/alternation) and the fact
base (facts.AboutIndex) look a text's words up here, once per text and only when asked:
token rules mostly rule phrases out by their needles in the aligned lower-case form.
"""

from __future__ import annotations

import re
from functools import cached_property

import regex

from newslint.textutil import NOT_PLAIN, RecentTexts, re_safe

WORD = regex.compile(r"\w+")
PLAIN_WORD = re.compile(r"\w+")  # the same as regex's \w on plain text (see NOT_PLAIN), faster


def _dotted_i(text: str) -> str:
    """IGNORECASE in regex matches 'İ' with 'i' and 'ı' with 'I'; lower() and casefold() do not."""
    if "İ" in text or "ı" in text:
        text = text.replace("İ", "i").replace("ı", "i")
    return text


def case_fold(text: str) -> str:
    """Case-fold words for comparing them: equal whenever IGNORECASE could match them."""
    return _dotted_i(text).casefold()


def aligned_lower(text: str) -> str | None:
    """text lower-cased offset for offset: where IGNORECASE matches lower-case ASCII, this holds it.

    'ſ' is the one letter whose lower() is not its folded form. None in the rare text
    whose lower-case form has another length.
    """
    lowered = _dotted_i(text).lower().replace("ſ", "s")
    return lowered if len(lowered) == len(text) else None


class TextIndex:
    """What a text offers the parts: its aligned lower-case form, its case-folded words."""

    def __init__(self, text: str):
        self.text = text
        self.plain = not NOT_PLAIN.search(text)
        # Plain text: lower() is the case-fold, and it keeps every offset.
        self.lowered: str | None = text.lower() if self.plain else aligned_lower(text)

    @cached_property
    def words(self) -> frozenset[str]:
        if self.plain:  # re reads \w like regex on plain text
            return frozenset(PLAIN_WORD.findall(self.lowered))
        # Where re reads \w as regex does (re_safe), its findall is several times faster.
        finder = PLAIN_WORD if re_safe(self.text) else WORD
        return frozenset(finder.findall(case_fold(self.text)))


_recent = RecentTexts()  # the texts of the document being linted (prose, source)


def text_index(text: str) -> TextIndex:
    return _recent.get(text, TextIndex)
