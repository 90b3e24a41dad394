"""Who says so: quotations, reporting verbs with a source, weasel words, hedges.

For each sentence of an article the reader decides whether it is attributed:

    quote    most of the sentence is inside quotation marks (quotes carry across
             sentences, so "“One. Two,” he said." attributes both sentences)
    source   a reporting verb with a named, pronoun or definite source: "Kishida said",
             "said Hideaki Yokota", "the chipmaker previously told CNN", "Microsoft
             announced", "according to the IMD report", "listed by CB Insights"
    weasel   a source that names nobody: "experts say", "some believe", "it is widely
             believed", "according to people familiar with the matter"
    None     none of these

and whether it is hedged ("reportedly", "is expected to", "may"). The verbs, weasel
subjects, weasel phrases and hedges are lexicons in rules/claims.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from newslint.document import Document, Sentence
from newslint.lexicon_cache import built_from
from newslint.textutil import PlainFastPattern, PrefilteredPattern

# Share of a sentence's letters that must be inside quotation marks for it to be a quote.
MIN_QUOTED_SHARE = 0.5
_NAMED = r"[\p{Lu}][\w.'’&-]*(?:\s+(?:of\s+|de\s+|for\s+)?[\p{Lu}][\w.'’&-]*){0,5}"
_PRONOUN = r"(?:he|she|they|we|it)"
# "by April" and "by Tuesday" are dates, not sources.
_CALENDAR = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
             r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_DEFINITE = r"(?:the|this|that|its|his|her|their)\s+(?:[\w-]+\s+){0,2}[\w-]+"
# "said Hideaki Yokota", "according to the IMD report": the verb comes first.
_VERBS_BEFORE_SOURCE = ("said", "says", "told", "added", "wrote", "warned", "explained", "noted", "argued",
                        "according to")
_QUOTE_MARKS = re.compile("[“”‘’\"]")
# Stdlib re's [^\W_] is exactly str.isalnum(): deleting the rest counts letters and digits in C.
_NOT_ALNUM = re.compile(r"[\W_]+")
_ALNUM = re.compile(r"[^\W_]")
# Reporting verbs this simple mean the same to stdlib re as to regex (no escapes, classes of
# plain letters, no flags), so a stdlib pattern of them can rule sentences out.
_PLAIN_VERB = re.compile(r"(?:[A-Za-z0-9 '’-]|\[[A-Za-z0-9'’-]+\]|\(\?:|[)|?])+")


@dataclass(frozen=True)
class Attribution:
    kind: str | None  # "quote", "source", "weasel" or None
    source: str = ""  # who, as written (the weasel words for "weasel")
    start: int = 0  # span of the attribution words in the document
    end: int = 0
    hedge: str = ""  # the hedge word, if the sentence has one

    @property
    def attributed(self) -> bool:
        return self.kind in ("quote", "source")


class AttributionReader:
    def __init__(self, lexicons: Mapping[str, Any]):
        verbs = _alternation(lexicons.get("reporting-verbs", ()))
        weasels = _alternation(lexicons.get("weasel-subjects", ()))
        self.weasel_subject = PlainFastPattern(rf"(?:some|many|most|several|other|\s)*(?:{weasels})", regex.I) \
            if weasels else None
        subject = rf"(?P<subject>{_NAMED}|(?i:{_PRONOUN})|(?i:{_DEFINITE})|(?i:(?:some |many |most )?(?:{weasels or 'x^'})))"
        self.subject_verb = regex.compile(
            rf"(?<![\w-]){subject}(?:\s*\([^)]{{1,40}}\))?,?\s+"
            rf"(?i:(?:\w+ly|also|has|have|had|would|will|then|later|previously|once)\s+){{0,3}}"
            rf"(?P<verb>{verbs})(?![\w-])"  # lower case: "the United States" is no subject and verb
        ) if verbs else None
        self.verb_filter = _verb_filter(lexicons.get("reporting-verbs", ()))
        self.verb_subject = PrefilteredPattern(regex.compile(
            rf"(?<![\w-])(?i:{'|'.join(_VERBS_BEFORE_SOURCE)})\s+"
            rf"(?P<subject>{_NAMED}|(?i:the\s+[\w-]+(?:\s+[\w-]+){{0,2}}))"
        ), literals=_VERBS_BEFORE_SOURCE, lower=True)
        self.by_source = regex.compile(  # "ranked a lowly 32nd ... by Swiss management school IMD"
            rf"(?<![\w-])(?i:listed|ranked|compiled|published|reported|estimated|calculated|released|commissioned|"
            rf"stated|said|noted|explained|quoted|cited|described|report|study|survey|analysis|data|figures|"
            rf"estimates?|forecasts?|ranking|index|poll)"
            rf"\b[^.;]{{0,120}}?\bby\s+(?P<subject>(?:(?i:[\w-]+)\s+){{0,3}}(?!{_CALENDAR}){_NAMED})"
        )
        self.weasel_phrases = _compiled(lexicons.get("weasel-phrases", ()))
        self.hedges = _compiled(lexicons.get("hedges", ()))

    def read(self, doc: Document) -> list[Attribution]:
        """One Attribution per sentence of the document, in order."""
        prose = doc.prose
        results = []
        open_quote = False
        block = None
        for sentence in doc.sentences:
            if sentence.block is not block:
                block, open_quote = sentence.block, False
            share, open_quote = _quoted_share(prose, sentence.start, sentence.end, open_quote)
            results.append(self._attribution(prose, sentence, share))
        return results

    def _attribution(self, prose: str, sentence: Sentence, quoted_share: float) -> Attribution:
        start, end = sentence.start, sentence.end
        hedge = self.hedges.search(prose, start, end) if self.hedges else None
        hedge_text = hedge.group().lower() if hedge else ""
        if quoted_share >= MIN_QUOTED_SHARE:
            return Attribution("quote", hedge=hedge_text)
        weasel = self.weasel_phrases.search(prose, start, end) if self.weasel_phrases else None
        if weasel:
            return Attribution("weasel", weasel.group(), weasel.start(), weasel.end(), hedge_text)
        for pattern in (self.subject_verb, self.verb_subject, self.by_source):
            if pattern is None:
                continue
            if pattern is self.subject_verb and self.verb_filter and not self.verb_filter.search(prose, start, end):
                continue  # no reporting verb after a space: three in four sentences, ruled out fast
            for found in pattern.finditer(prose, start, end):
                subject = found.group("subject").strip()
                if self._is_weasel(subject):
                    return Attribution("weasel", prose[found.start():found.end()], found.start(), found.end(),
                                       hedge_text)
                return Attribution("source", subject, found.start(), found.end(), hedge_text)
        return Attribution(None, hedge=hedge_text)

    def _is_weasel(self, subject: str) -> bool:
        return bool(self.weasel_subject and self.weasel_subject.fullmatch(subject.lower()))


def _quoted_share(prose: str, start: int, end: int, open_quote: bool) -> tuple[float, bool]:
    """Share of the sentence's letters inside quotation marks, and whether a quote is open after it.

    Only the quotation marks are visited one by one; the letters between two of them are
    counted in one go (a loop over every character was a fifth of the attribution time).
    """
    inside = open_quote
    letters = quoted = 0
    position = start
    for mark in _QUOTE_MARKS.finditer(prose, start, end):
        index = mark.start()
        count = _alnum_count(prose, position, index)
        letters += count
        quoted += count if inside else 0
        position = index + 1
        char = prose[index]
        if char == "“" or char == "‘" and (index == 0 or not prose[index - 1].isalnum()):
            inside = True
        elif char == "”" or char == "’" and (index + 1 >= len(prose) or not prose[index + 1].isalnum()) and inside:
            inside = False
        elif char == '"':
            inside = not inside
    if position == start:  # no quotation marks: all of the sentence is inside a quote, or none
        return (1.0 if inside and _ALNUM.search(prose, start, end) else 0.0), inside
    count = _alnum_count(prose, position, end)
    letters += count
    quoted += count if inside else 0
    return (quoted / letters if letters else 0.0), inside


def _alnum_count(text: str, start: int, end: int) -> int:
    """How many characters of text[start:end] are letters or digits (str.isalnum)."""
    if end <= start:
        return 0
    return len(_NOT_ALNUM.sub("", text[start:end]))


def _verb_filter(verbs) -> re.Pattern | None:
    """A stdlib pattern that finds every place a reporting verb could follow a space.

    ``subject_verb`` tries its subjects at every word of a sentence (about 30 µs a
    sentence); most sentences have no reporting verb at all. Stdlib ``re``'s ``\\s``
    covers ``regex``'s, and the verb's closing boundary is left out, so the filter
    passes every sentence the full pattern can match. None when a verb uses more regex
    than ``_PLAIN_VERB`` allows.
    """
    verbs = list(verbs)
    if not verbs or not all(isinstance(verb, str) and _PLAIN_VERB.fullmatch(verb) for verb in verbs):
        return None
    return re.compile(r"\s(?:" + _alternation(verbs) + ")")


def _alternation(entries) -> str:
    return "|".join(f"(?:{entry})" for entry in sorted(entries, key=len, reverse=True))


def _compiled(entries) -> PrefilteredPattern | None:
    body = _alternation(entries)
    return PrefilteredPattern(PlainFastPattern(rf"(?<![\w-])(?:{body})(?![\w-])", regex.IGNORECASE)) if body else None


def attributions(doc: Document, lexicons: Mapping[str, Any]) -> list[Attribution]:
    """The attribution of every sentence, computed once per document."""
    memo = doc.__dict__.setdefault("_attributions", {})
    if id(lexicons) not in memo:
        memo[id(lexicons)] = built_from(lexicons, AttributionReader).read(doc)
    return memo[id(lexicons)]
