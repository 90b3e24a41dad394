"""Sentence splitting good enough for news prose.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets)
followed by space and a word that does not start in lower case, unless the full stop
belongs to an abbreviation ("Mr.", "U.S.", "Inc.") or an initial ("J. Smith").
Abbreviations that can also end a sentence ("U.S.", "Inc.") end one only when the
next word is a usual sentence opener ("the U.S. The move ...").
"""

from __future__ import annotations

import regex

from newslint.textutil import strip_span

# Never the last word of a sentence: titles, "e.g.", months before a day, "No." before a number.
_NEVER_FINAL = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col maj capt sgt st rev hon pres supt messrs mme mlle
    e.g i.e cf vs fig vol pp approx est dept univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# Abbreviations that may end a sentence.
_MAYBE_FINAL = frozenset("inc corp co ltd llc plc bros etc jr sr al u.s u.k u.n u.s.a e.u a.m p.m".split())
_OPENERS = frozenset(
    """
    the a an it its he she they we i you this that these those there here his her their our my
    in on at by but and or so yet as for with after before while when if meanwhile however also
    still last earlier later just both only some many most one two three its
    """.split()
)
_CANDIDATE = regex.compile(r"(?P<punct>[.!?…]+)[\"”’'\)\]]*(?=\s|$)")
_WORD_BEFORE = regex.compile(r"[A-Za-z][A-Za-z.]*$")
_NEXT_WORD = regex.compile(r"[\"“‘'(\[]*(?P<word>\w+)")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], whitespace trimmed."""
    spans = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        if _ends_sentence(text, match, start, end):
            _append_trimmed(spans, text, sentence_start, match.end())
            sentence_start = match.end()
    _append_trimmed(spans, text, sentence_start, end)
    return spans


def _append_trimmed(spans: list, text: str, start: int, end: int) -> None:
    start, end = strip_span(text, start, end)
    if end > start:
        spans.append((start, end))


def _ends_sentence(text: str, match, block_start: int, block_end: int) -> bool:
    following = _NEXT_WORD.match(text, _skip_space(text, match.end(), block_end), block_end)
    if following is None:
        return True  # end of block, or only punctuation follows
    next_word = following.group("word")
    if next_word[0].islower():
        return False
    if match.group("punct") != ".":
        return True
    before = _WORD_BEFORE.search(text, max(block_start, match.start() - 24), match.start())
    if before is None:
        return True
    word = before.group()
    lowered = word.lower()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if lowered in _NEVER_FINAL:
        return False
    if lowered == "no" and next_word[0].isdigit():
        return False
    if lowered in _MAYBE_FINAL:
        return next_word.lower() in _OPENERS
    return True


def _skip_space(text: str, index: int, end: int) -> int:
    while index < end and text[index].isspace():
        index += 1
    return index
