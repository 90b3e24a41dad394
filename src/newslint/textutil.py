"""Small text helpers shared by the parsers and rules."""

from __future__ import annotations

import regex

_NOT_NEWLINE = regex.compile(r"[^\r\n]")
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_SPACES = regex.compile(r"\s+")
_FOLD_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_EDGE_PUNCTUATION = regex.compile(r"^[\W_]+|[\W_]+$")

# A URL written out in running text. Trailing sentence punctuation is not part of it.
# Where a URL written out in text starts: any "scheme://", "www.", and the near misses of
# http(s) that NL301 reports ("htps:/", "http//"). Shared by the plain-text and Markdown parsers.
URL_START = r"(?<![\w@/.])(?i:[a-z][a-z0-9+.\-]{1,15}://|h[a-z]{2,6}:/{1,3}(?=\w)|https?//(?=\w)|www\.)"
BARE_URL = regex.compile(rf"{URL_START}[^\s<>\"'`]+")
_URL_TRAILING = ".,;:!?'\"”’*_"

HTML_COMMENT = regex.compile(r"<!--(.*?)-->", regex.DOTALL)

# Ends like a sentence: terminal punctuation, possibly inside closing quotes or brackets.
_SENTENCE_END = regex.compile(r"[.!?…:;,][\"”’'\)\]]*\s*$")
_HEADLINE_BAD_END = regex.compile(r"[.:;,][\"”’'\)\]]*\s*$")


def blank(text: str) -> str:
    """Replace every character except line breaks with a space (keeps offsets and lines)."""
    return _NOT_NEWLINE.sub(" ", text)


def line_breaks(text: str):
    """Iterate the line-break matches (CRLF, CR or LF) of ``text``."""
    return _LINE_BREAK.finditer(text)


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Text folded for comparison: case, quotes, spacing and end punctuation ignored."""
    return _EDGE_PUNCTUATION.sub("", squash(text.translate(_FOLD_QUOTES))).casefold()


def word_count(text: str) -> int:
    return len(text.split())


def ends_like_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_title_like(text: str, max_words: int = 30) -> bool:
    """A line that reads as a title: not too long, no closing sentence punctuation.

    '?' and '!' are allowed, as headlines use them.
    """
    stripped = text.strip()
    return bool(stripped) and word_count(stripped) <= max_words and not _HEADLINE_BAD_END.search(stripped)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span text[start:end] without leading and trailing whitespace (empty: start == end)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def trim_url(start: int, url: str) -> tuple[int, int]:
    """The span of a bare URL without trailing punctuation or an unbalanced ')'."""
    end = start + len(url)
    while url:
        last = url[-1]
        if last in _URL_TRAILING or (last == ")" and url.count("(") < url.count(")")):
            url = url[:-1]
            end -= 1
            continue
        break
    return start, end


class Blanker:
    """Collects spans to blank out of a text, then builds the blanked text in one pass."""

    def __init__(self, text: str):
        self.text = text
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        if end > start:
            self.spans.append((start, end))

    def build(self) -> str:
        if not self.spans:
            return self.text
        pieces = []
        position = 0
        for start, end in sorted(self.spans):
            if end <= position:
                continue
            start = max(start, position)
            pieces.append(self.text[position:start])
            pieces.append(blank(self.text[start:end]))
            position = end
        pieces.append(self.text[position:])
        return "".join(pieces)
