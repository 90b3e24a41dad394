"""Line evidence for spam-tail detection: how much each line looks like page furniture.

Every line gets a score from the evidence on it, the way boilerplate removers such as
jusText and boilerpipe classify blocks: positive when it looks like page furniture (a
share bar, a "Related" or "Most popular" header, a comment form, a copyright line, a
bare number, a menu item, spam vocabulary), negative when it reads like article prose
(sentences of ordinary length). Context passes then adjust the scores: prose after a
confirmed "Comments" header is comments, prose right after "About <another site>" is a
blurb, headlines after a "Related" header are teasers, a repeat of the headline is
article text. The lexicons come from the YAML rule packs (``rules/tails.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import regex

from newslint.document import Document
from newslint.textutil import (
    ASCII_NON_LETTER,
    ASCII_NON_WORD,
    NOT_PLAIN,
    PlainFastPattern,
    ends_with_mark,
    fold,
    starts_pattern,
    strip_edge_runs,
)

# Lines after an "About <someone else>" header that are read as the blurb.
BLURB_LINES = 3
# What a short line (three words or fewer) says on its own: a menu item, a label, a name.
SHORT_LINE = 0.5
# Furniture this weak, and of these kinds, right after the last paragraph closes the article.
SOFT_FURNITURE = 3.0
SOFT_KINDS = frozenset({"copyright footer", "links"})  # and bare short lines
# A line scoring this much is strong evidence of furniture on its own.
STRONG_FURNITURE = 1.0
# Comments come after the article: this many long prose lines must come before one.
MIN_PROSE_BEFORE_COMMENTS = 3
# Both neighbours of a stranded prose line score at least this (and one of them strongly).
STRANDING_NEIGHBOUR = 0.5
# How much a prose line stranded between furniture lines still counts as prose.
STRANDED_PROSE = 0.5
# A prose score this low (a long sentence) ends a list of related links.
STRONG_PROSE = -3.0
# How many lines after a "Comments" header are searched for signs of actual comments.
COMMENT_LOOKAHEAD = 5

ARTICLE_CREDIT = "article credit"  # a kind that is evidence for neither side

_WORD = regex.compile(r"\w[\w'’+-]*")
# Stdlib re reads \w the same way in plain text (see textutil.NOT_PLAIN), which has no CJK,
# and is twice as fast.
_WORD_PLAIN = re.compile(r"\w[\w'’+-]*")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_TERMINAL_CHARACTERS = ".!?…。！？"
_CLOSERS = "\"”’'»)]"  # may follow the terminal character: 'he said."', '(see below.)'

# A bare number or count ("3", "445 shares", "1FansLike"); prices are product content, not counters.
_NUMBERISH = regex.compile(r"^(?![^\d]*[$€£¥])[\W_]*\d[\d\s.,:/%+×x-]*(?:\s*\w{1,12})?[\W_]*$")
_DATEISH = regex.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    regex.IGNORECASE,
)
_DATE_WORDS = regex.compile(
    r"\b(?:published|updated|posted|modified|on|at|by|am|pm|utc|gmt|[ecmp][sd]t|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b|\b[ap]\.m\.|\d+|[^\w\s]",
    regex.IGNORECASE,
)
_LABEL = regex.compile(r"^\w{0,3}\s*:")  # "Tags: a, b", "Leggi anche su: ..." (not "Privacy and Security:")
_TRUNCATED = regex.compile(r"(?:\.\.+|…)[\"”’')\]]*$")
_VIDEO_TEASER = regex.compile(r"\(\d{1,2}:\d{2}(?::\d{2})?\)\s*$")
_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")
_BYLINE = regex.compile(r"^(?:written|posted|reported|reporting|edited|published|photos?)?\s*by(?:\s+\p{Lu}|$)", regex.I)
_COMMENT_STAMP = regex.compile(r"\d{4}\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*$", regex.I)
_NAME_LINE = regex.compile(r"^(?:By\s+)?\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){1,3}$")
_SENTENCE_INSIDE = regex.compile(r"[.!?]\s+\p{Lu}")
_BRACKETED = regex.compile(r"\[[^\]]{2,80}\]")
_DASHES = regex.compile(r"\s[-–—]\s")
_URLISH = regex.compile(r"^\W*(?:https?://\S+|www\.\S+|\S+@\S+\.\w+|@\w+|[\w.-]+\.(?:com|org|net)\S*)\W*$", regex.I)
_SEPARATORS = regex.compile(r"\s[|•·»]\s|\s/\s")
_GLUED = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}")
_SAID = regex.compile(r"\bsaid:\s*$|\b(?:on|at)\s.*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:said:?)?$", regex.I)
_ABOUT = regex.compile(r"^\W*about\s+(?P<subject>\S.{0,60}?)\W*$", regex.IGNORECASE)
_HEADER_EDGE = regex.compile(r"[\W\d_]+")  # a run of what a header's ends lose: "10 Comments:" -> "comments"
_LEADING_PUNCTUATION = regex.compile(r"^[\W_]+")


@dataclass(frozen=True, slots=True)
class LineEvidence:
    line: int  # 1-based
    score: float  # > 0: page furniture; < 0: article prose
    kind: str | None  # what furniture it looks like, for the message
    stranded: bool = False  # prose between furniture lines: a blurb, not the article's prose
    blank: bool = False  # no text to judge (empty, or markup only)


@lru_cache(maxsize=4096)  # the scorer asks again for the same lines (about 2 µs saved each time)
def words_in(text: str) -> int:
    """Word count that also works for scripts written without spaces."""
    if not NOT_PLAIN.search(text):
        return len(_WORD_PLAIN.findall(text))
    return len(_WORD.findall(text)) + len(_CJK.findall(text)) // 2


class LineScorer:
    """Scores every line of a document, with lexicons from the rule packs."""

    def __init__(self, lexicons: Mapping[str, Any]):
        self.lexicons = lexicons
        self.header_openings = _openings(
            phrase for group in ("comments", "author", "related", "tags", "share", "footer")
            for phrase in lexicons.get(f"tail-header-{group}", ())
        )
        phrases = self.phrase_lists = lexicons.get("tail-phrases", {})  # kind -> phrases
        self.phrase_kinds = list(phrases)
        self.social = _phrase_pattern(lexicons.get("tail-social", ()))
        self.navigation = _phrase_pattern(lexicons.get("tail-navigation", ()))
        self.spam_phrases = lexicons.get("tail-spam", ())
        # Either kind of phrase on a line is rare: one search rules both out for most lines.
        self.rare_filter = _literal_filter([*(phrase for kind in self.phrase_kinds for phrase in phrases[kind]),
                                            *self.spam_phrases])
        self.calls_to_action = _phrase_pattern(lexicons.get("tail-calls-to-action", ()))
        self.credits = _phrase_pattern(lexicons.get("article-credits", ()))

    # What follows runs only on the few lines that rare_filter or header_openings let through,
    # so it is compiled on first use: a clean article (the pre-commit case) never builds it.

    @cached_property
    def headers(self) -> list[tuple[PlainFastPattern | None, str, str | None]]:
        return [
            (_phrase_pattern(self.lexicons.get(f"tail-header-{group}", ())), kind, mode)
            for group, kind, mode in (
                ("comments", "comment form", "comments"),
                ("author", "author bio", "blurb"),
                ("related", "related links", "list"),
                ("tags", "tag list", "list"),
                ("share", "share bar", None),
                ("footer", "site footer", None),
            )
        ]

    @cached_property
    def phrase_filter(self) -> re.Pattern:
        return _literal_filter(phrase for kind in self.phrase_kinds for phrase in self.phrase_lists[kind])

    @cached_property
    def spam_filter(self) -> re.Pattern:
        return _literal_filter(self.spam_phrases)

    @cached_property
    def phrases(self) -> PlainFastPattern | None:
        return _grouped_pattern([self.phrase_lists[kind] for kind in self.phrase_kinds])

    @cached_property
    def spam(self) -> PlainFastPattern | None:
        return _phrase_pattern(self.spam_phrases)

    # -- evidence per line ----------------------------------------------------------

    def evidence(self, doc: Document) -> list[LineEvidence]:
        prose = doc.prose
        lowered_text = doc.text.lower()
        scored = []  # (line, text, score, kind, mode it opens)
        for number, (start, end) in enumerate(doc.lines, 1):
            text = prose[start:end].strip()
            raw = doc.text[start:end].strip()
            if not text and _URLISH.match(raw):
                text = raw  # a link on its own line: blanked in the prose, still a line of the page
            if not text:  # blank, or markup only (a comment, a code fence)
                scored.append((number, "", 0.0, None, None))
                continue
            score, kind, opens = self._score(text, raw, lowered_text, start)
            scored.append((number, text, score, kind, opens))
        return self._in_context(scored)

    def _in_context(self, scored: list) -> list[LineEvidence]:
        """Prose after a confirmed comments header, or right after a blurb header, is furniture.

        A line that repeats the headline or an earlier paragraph is article text, wherever
        it stands (a page that prints the article twice has not started its tail).
        """
        scored = _article_repeats_as_prose(scored)
        evidence = []
        in_comments = False
        in_list = False  # after a "Related" or "Tags" header, until real prose resumes
        blurb_left = 0
        prose_seen = 0  # a byline and date above the article are not a comment
        for index, (number, text, score, kind, opens) in enumerate(scored):
            if text and in_comments and _starts_new_article(text, score, scored[index + 1:]):
                in_comments = False  # not a comment: a headline with paragraphs under it
            if text and in_list and not in_comments and kind != ARTICLE_CREDIT:
                if score <= STRONG_PROSE:
                    in_list = False
                elif score <= 0 and _is_title_like(text):
                    score, kind = 0.5, kind or "related links"
            if text and (in_comments or blurb_left > 0):
                if score < 0.3:
                    score = 0.3 if in_comments else 0.5
                    kind = kind or ("comment form" if in_comments else "site blurb")
                if in_comments and _SAID.search(text):
                    score, kind = max(score, 2.0), "comment form"
                blurb_left -= 1
            if score < 0 and _opens_author_bio(text, scored[max(0, index - 2):index]):
                score, kind = 1.0, "author bio"
            if prose_seen >= MIN_PROSE_BEFORE_COMMENTS and _COMMENT_STAMP.search(text) \
                    and _previous_is_name(scored, index):
                score, kind = max(score, 2.0), "comment form"  # "Pamela Wilson" / "August 22, 2018 at 5:21 pm"
                in_comments = True
            prose_seen += score <= STRONG_PROSE
            if opens == "comments" and not in_comments:
                in_comments = self._comments_follow(scored[index + 1:])
            elif opens == "blurb":
                blurb_left = BLURB_LINES
            elif opens == "list":
                in_list = True
            evidence.append(LineEvidence(number, score, kind, blank=not text))
        return _soften_stranded_prose(_article_closing_line(evidence))

    def _comments_follow(self, following: list) -> bool:
        """Whether comments (a form, 'X said:', dates, 'Reply') follow a comments header."""
        lines = [item for item in following if item[1]][:COMMENT_LOOKAHEAD]
        return any(
            kind == "comment form" or _SAID.search(text) or _is_dateline(text) or text.lower().startswith("reply")
            for _, text, _, kind, _ in lines
        )

    def _score(self, text: str, raw: str, lowered_text: str, start: int) -> tuple[float, str | None, str | None]:
        """(score, kind, mode the line opens) for one non-blank line starting at ``start``."""
        # Cheap tests (word count, end punctuation) come before the patterns they gate.
        lowered = text.lower()
        if not _HAS_WORD.search(text):
            return 0.0, None, None  # a separator such as "___" says nothing either way
        stripped = _strip_edges(lowered)
        count = words_in(text)
        if self._credit(stripped, count):
            return 0.0, ARTICLE_CREDIT, None  # "Contributing: ...", "Provided by ...": the article's own
        terminal = _is_terminal(text)
        score = _prose_score(count, terminal)
        if text.endswith("?") and count <= 12 and not _SENTENCE_INSIDE.search(text[:-1]):
            score = 0.0  # a one-line question is a teaser headline, not prose
        kind = None
        opens = None
        if self.calls_to_action and self.calls_to_action.match(stripped):
            score = max(score, 0) + 1.5
            kind = "promotion"

        rare = bool(self.rare_filter.search(lowered))
        phrase_hits = [self.phrase_kinds[int(m.lastgroup[1:])] for m in self.phrases.finditer(lowered)] \
            if rare and self.phrase_filter.search(lowered) and self.phrases else []
        if count <= 25 and _VIDEO_TEASER.search(text):  # "How Fast Can Gibbons Swing? (3:04)"
            score = max(score, 0) + 1.0
            kind = "related links"
        if count <= 25 and _TRUNCATED.search(text):  # "Major cities face plague of..." : a teaser
            score = 0.8
            kind = "related links"
        if phrase_hits:  # the phrases are specific: a sentence holding one is still furniture
            score = max(score, 0) + 3.0 * min(len(phrase_hits), 2)
            kind = phrase_hits[0]
        header = self._header(lowered, count)
        if header:
            header_kind, header_mode = header
            score = max(score, 0) + 3.0
            kind = kind or header_kind
            opens = header_mode
        about = _ABOUT.match(text) if count <= 6 and not terminal else None
        if about:
            subject = about.group("subject").lower()
            if lowered_text.find(subject, 0, start) < 0:  # "About <a site the article never mentions>"
                score = max(score, 0) + 2.5
                kind, opens = kind or "site blurb", "blurb"
        if count <= 12 and not terminal:
            if _coverage(self.social, lowered) >= 0.6:
                score += 2.5
                kind = kind or "share bar"
            elif _coverage(self.navigation, lowered) >= 0.6:  # only needed when not a share bar
                score += 1.5
                kind = kind or "navigation"
            elif count <= 3:
                score += SHORT_LINE
                kind = kind or "navigation"
        spam_hits = len({m.group().lower() for m in self.spam.finditer(lowered)}) \
            if rare and self.spam_filter.search(lowered) and self.spam else 0
        if spam_hits >= 2:
            score = max(score, 0) + 1.5 * min(spam_hits, 4)
            kind = kind or "link-farm spam"
        if _NUMBERISH.match(text) or _NUMBERISH.match(raw):
            score = max(score, 0) + 1.5
            kind = kind or "counters"
        elif _URLISH.match(raw):
            score = max(score, 0) + 1.5
            kind = kind or "links"
        elif count <= 12 and not terminal and _BYLINE.match(text):
            score += 1.0
            kind = kind or "dates and bylines"
        elif not terminal and _is_dateline(text):
            score += 1.0
            kind = kind or "dates and bylines"
        if not terminal and text.count(",") >= 4 and text.count(",") >= 0.15 * count:
            score = max(score, 0) + 1.0  # "stock car 2018, stock car brasil, ...": a tag list
            kind = kind or "tag list"
        if count <= 40 and len(_BRACKETED.findall(text)) >= 2:
            score = max(score, 0) + 1.5
            kind = kind or "site footer"
        # In ASCII only 0-9 are digits: ten counts in C beat a test per character.
        digits = sum(map(text.count, "0123456789")) if text.isascii() else sum(map(str.isdigit, text))
        if digits >= 10 and digits >= 0.12 * len(text) and len(_DASHES.findall(text)) >= 2:
            score = max(score, 0) + 1.5  # an address or registration line
            kind = kind or "site footer"
        if count <= 25 and len(_SEPARATORS.findall(text)) >= 2:
            score = max(score, 0) + 2.0
            kind = kind or "navigation"
        if count <= 15 and len(_GLUED.findall(text)) >= 2:
            score += 1.0
            kind = kind or "navigation"
        return score, kind, opens

    def is_credit(self, text: str) -> bool:
        """A closing credit of the article: 'Contributing: ...', 'Provided by ...'."""
        return self._credit(_strip_edges(text.lower()), words_in(text))

    def _credit(self, stripped: str, count: int) -> bool:
        """is_credit, given the lowered text without its leading punctuation and its word count."""
        return bool(count <= 20 and self.credits and self.credits.match(stripped))

    def _header(self, lowered: str, count: int) -> tuple[str, str | None] | None:
        """A section header such as "Related articles", "10 Comments" or "Tags: a, b, c".

        The header must be (nearly) the whole line, or a label before a colon.
        """
        if count > 40:
            return None
        stripped = strip_edge_runs(lowered, _HEADER_EDGE, ASCII_NON_LETTER)
        first_words = self.header_openings.get(stripped[:2], ()) + self.header_openings.get(stripped[:1], ())
        if not stripped.startswith(first_words):
            return None  # starts with no header's first word: most lines, ruled out without six pattern calls
        for pattern, kind, mode in self.headers:
            if pattern is None:
                continue
            found = pattern.match(stripped)
            if not found:
                continue
            rest = stripped[found.end():]
            ends_in_colon = lowered.rstrip().endswith(":")
            if words_in(rest) <= 3 and count <= 9 or _LABEL.match(rest.strip()) or ends_in_colon and count <= 12:
                return kind, mode
        return None

def _article_repeats_as_prose(scored: list) -> list:
    """Score a repeat of the headline, or of a long paragraph, as the prose it repeats."""
    article: set[str] = set()  # the headline and the long paragraphs seen so far, folded
    first = True
    result = []
    for number, text, score, kind, opens in scored:
        if text:
            key = fold(text) if words_in(text) >= 4 else ""
            if key and key in article:
                score, kind = min(score, STRONG_PROSE), None
            elif key and (first or score <= STRONG_PROSE):
                article.add(key)
            first = False
        result.append((number, text, score, kind, opens))
    return result


def _opens_author_bio(text: str, previous: list) -> bool:
    """Prose that starts with the name on one of the two lines before it: an author bio.

    "Emiliano Bellini" / "Emiliano joined pv magazine in March 2017. He has been ..."
    """
    for _, line, _, _, _ in previous:
        if line and _NAME_LINE.match(line) and text.split()[0] in (line.split()[0], "I"):
            return True
    return False


def _starts_new_article(text: str, score: float, following: list) -> bool:
    """A headline followed right away by two long paragraphs that carry no comment signs."""
    if score > 0.5 or _is_terminal(text) or words_in(text) < 3 or text.endswith((":", ",")) \
            or _SAID.search(text) or _COMMENT_STAMP.search(text):
        return False  # a comment's signature or greeting, not a headline
    paragraphs = [item for item in following if item[1]][:2]
    return len(paragraphs) == 2 and all(
        item[2] <= STRONG_PROSE and not _SAID.search(item[1]) and not _COMMENT_STAMP.search(item[1])
        for item in paragraphs
    )


def _previous_is_name(scored: list, index: int) -> bool:
    for _, text, _, _, _ in reversed(scored[:index]):
        if text:
            return bool(_NAME_LINE.match(text))
    return False


def _article_closing_line(evidence: list[LineEvidence]) -> list[LineEvidence]:
    """The line right after a long paragraph, if only softly furniture, closes the article.

    A wire agency's "© 2019 Associated Press. All rights reserved.", a closing "Get
    started here." or the site's address sits inside the article; the share bars and
    "Related" headers that follow are the tail.
    """
    lines = [index for index, item in enumerate(evidence) if not item.blank]
    closed = list(evidence)
    for before, current in zip(lines, lines[1:]):
        item = evidence[current]
        soft = item.kind in SOFT_KINDS or item.kind == "navigation" and item.score <= SHORT_LINE
        if evidence[before].score <= STRONG_PROSE and 0 < item.score <= SOFT_FURNITURE and soft:
            closed[current] = LineEvidence(item.line, 0.0, ARTICLE_CREDIT)
    return closed


def _soften_stranded_prose(evidence: list[LineEvidence]) -> list[LineEvidence]:
    """Soften a prose line between two furniture lines (at least one of them strong).

    One sentence between a share bar and a "Subscribe" button is a blurb or a promotion,
    not a paragraph of the article.
    """
    lines = [index for index, item in enumerate(evidence) if not item.blank]
    softened = list(evidence)
    for position in range(1, len(lines) - 1):
        current = evidence[lines[position]]
        before, after = evidence[lines[position - 1]], evidence[lines[position + 1]]
        if current.score < 0 and min(before.score, after.score) >= STRANDING_NEIGHBOUR \
                and max(before.score, after.score) >= STRONG_FURNITURE:
            softened[lines[position]] = LineEvidence(current.line, current.score * STRANDED_PROSE, current.kind,
                                                     stranded=True)
    return softened


def _is_title_like(text: str) -> bool:
    """Reads like a headline: no closing sentence punctuation, not a paragraph."""
    return not _is_terminal(text) and words_in(text) <= 25


def _is_terminal(text: str) -> bool:
    """Whether the line ends like a sentence, closing quotes or brackets aside."""
    return ends_with_mark(text, _TERMINAL_CHARACTERS, _CLOSERS)


def _strip_edges(text: str) -> str:
    if text.isascii():
        return text.lstrip(ASCII_NON_WORD)  # the same, without a pattern call
    return _LEADING_PUNCTUATION.sub("", text)


def _is_dateline(text: str) -> bool:
    """A line that is mostly a date or time: 'Published 7:07 PM EST Nov 19, 2019'."""
    if not _DATEISH.search(text):
        return False
    rest = _DATE_WORDS.sub(" ", _DATEISH.sub(" ", text))
    return words_in(rest) <= 2


def _prose_score(count: int, terminal: bool) -> float:
    """How much a line reads like article prose (negative), from its length and ending."""
    if count >= 8 and terminal:
        return -(2.0 + min(count, 40) / 10)
    if count >= 20:  # a paragraph that lost its final stop; shorter unpunctuated lines are headlines
        return -(1.5 + min(count, 40) / 20)
    if count >= 5 and terminal:
        return -1.0
    return 0.0


def _coverage(pattern: PlainFastPattern | None, text: str) -> float:
    """Share of the line's word characters covered by lexicon entries."""
    if pattern is None:
        return 0.0
    total = sum(len(word) for word in _WORD.findall(text))
    if not total:
        return 0.0
    covered = sum(len(match.group()) for match in pattern.finditer(text))
    return covered / total


_LOOKBEHIND = r"(?<!\w)"


def _bounded(phrase: str) -> str:
    """A phrase as a pattern, with word boundaries where its script has them."""
    body = r"\s+".join(regex.escape(part) for part in phrase.lower().split())
    if phrase[:1].isalnum() and not _CJK.match(phrase[:1]):
        body = _LOOKBEHIND + body
    if phrase[-1:].isalnum() and not _CJK.match(phrase[-1:]):
        body = body + r"(?!\w)"
    return body


def _phrase_pattern(phrases: Iterable[str]) -> PlainFastPattern | None:
    ordered = sorted({phrase.strip() for phrase in phrases if phrase.strip()}, key=len, reverse=True)
    if not ordered:
        return None
    return PlainFastPattern(_factored(ordered))


def _factored(ordered: list[str]) -> str:
    """The alternation of the phrases, longest first, factored by first character.

    It matches exactly what ``"|".join(_bounded(p) for p in ordered)`` matches, much
    faster: the ``regex`` module tried every phrase at every position (0.2 ms for one
    short line against the navigation words). A phrase can only match where its first
    character stands, so phrases with different first characters never compete for a
    position and only their order within one first character counts; and the word
    boundary before them, the same for all, is tested once per position.
    """
    plain = "|".join(_bounded(phrase) for phrase in ordered)
    groups: dict[str, list[str]] = {}  # escaped first character -> rests, in order
    bounded: dict[str, bool] = {}  # escaped first character -> whether it has the boundary
    for phrase in ordered:
        body = _bounded(phrase)
        has_boundary = body.startswith(_LOOKBEHIND)
        body = body[len(_LOOKBEHIND):] if has_boundary else body
        first = regex.escape(phrase.lower().split()[0][0])
        if not body.startswith(first) or bounded.setdefault(first, has_boundary) != has_boundary:
            return plain  # not a literal first character, or mixed boundaries: keep the plain order
        groups.setdefault(first, []).append(body[len(first):])
    factored = {first: first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items()}
    with_boundary = [branch for first, branch in factored.items() if bounded[first]]
    branches = [_LOOKBEHIND + "(?:" + "|".join(with_boundary) + ")"] if with_boundary else []
    return "|".join(branches + [branch for first, branch in factored.items() if not bounded[first]])


def _openings(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The first words of the phrases, by their first two characters (or one, for a one-letter word).

    A phrase pattern matches at the start of a text only if the text starts with the
    phrase's first word, so a text that starts with none of these holds none there.
    """
    openings: dict[str, set[str]] = {}
    for phrase in phrases:
        words = phrase.strip().lower().split()
        if words:
            openings.setdefault(words[0][:2], set()).add(words[0])
    return {start: tuple(sorted(words)) for start, words in openings.items()}


def _literal_filter(phrases: Iterable[str]) -> re.Pattern:
    """A quick test that rules out most lines before an exact phrase pattern runs.

    Stdlib ``re`` looks for the phrases, without their word boundaries, as one trie
    (about 6 µs a line, where the ``regex`` alternation of all phrases took 0.3 ms). Its
    ``\\s`` matches every character ``regex``'s does, so a line it rejects cannot hold
    a phrase.
    """
    return starts_pattern(phrase.strip().lower() for phrase in phrases)


def _grouped_pattern(groups: list[Iterable[str]]) -> PlainFastPattern | None:
    parts = []
    for index, phrases in enumerate(groups):
        ordered = sorted({phrase.strip() for phrase in phrases if phrase.strip()}, key=len, reverse=True)
        if ordered:
            parts.append(f"(?P<g{index}>" + "|".join(_bounded(phrase) for phrase in ordered) + ")")
    return PlainFastPattern("|".join(parts)) if parts else None
