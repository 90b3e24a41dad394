"""Small text helpers shared by the parsers and rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

import regex

_NOT_NEWLINE = regex.compile(r"[^\r\n]")
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_SPACES = regex.compile(r"\s+")
_FOLD_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_NON_WORD_RUN = regex.compile(r"[\W_]+")
# Whitespace to str.split() but not to regex's \s: where squash cannot use str.split().
_SPLIT_ONLY_SPACE = re.compile("[\x1c-\x1f]")
# Plain text: ASCII and the common typographic marks. In it, stdlib re and regex agree on
# \w, \b and \d, and IGNORECASE knows no variation of a letter but its case, so a fast
# stdlib pattern (on lower-cased text) can stand in for a slow regex one.
NOT_PLAIN = re.compile(r"[^\x00-\x7f‘’“”–—…]")

# A URL written out in running text. Trailing sentence punctuation is not part of it.
# Where a URL written out in text starts: any "scheme://", "www.", and the near misses of
# http(s) that NL301 reports ("htps:/", "http//"). Shared by the plain-text and Markdown parsers.
URL_START = r"(?<![\w@/.])(?i:[a-z][a-z0-9+.\-]{1,15}://|h[a-z]{2,6}:/{1,3}(?=\w)|https?//(?=\w)|www\.)"
BARE_URL = regex.compile(rf"{URL_START}[^\s<>\"'`]+")
# Every BARE_URL match holds one of these at most 16 characters after its start (a
# 16-character scheme before "://"). Stdlib re finds them fast; see bare_urls.
URL_ANCHOR = re.compile(r":/|//|[Ww]{3}\.")  # no IGNORECASE: it makes stdlib re slow
_URL_REACH = 16
_URL_TRAILING = ".,;:!?'\"”’*_"


def may_hold_url(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a URL_ANCHOR, so may hold a URL written out.

    Every anchor holds "/" or ends in "w." / "W.", which most paragraphs lack: three
    str.find calls rule them out about ten times faster than the re alternation.
    """
    end = len(text) if end is None else end
    if text.find("/", start, end) < 0 and text.find("w.", start, end) < 0 and text.find("W.", start, end) < 0:
        return False
    return URL_ANCHOR.search(text, start, end) is not None


def bare_urls(text: str):
    """The matches of BARE_URL.finditer(text), trying only starts near a URL_ANCHOR.

    BARE_URL starts with a lookbehind and an alternation, which regex tries at every
    character of an article; here it is tried at the few characters before each anchor.
    Any match starts at most _URL_REACH characters before an anchor, so no start is missed.
    """
    position = 0  # where the next match may start (after the previous one)
    tried = 0  # every start before this has been tried
    for anchor in URL_ANCHOR.finditer(text):
        start = max(position, tried, anchor.start() - _URL_REACH)
        while start <= anchor.start():
            match = BARE_URL.match(text, start)
            if match:
                yield match
                position = start = match.end()
            else:
                start += 1
        tried = max(tried, anchor.start() + 1)

HTML_COMMENT = regex.compile(r"<!--(.*?)-->", regex.DOTALL)

# Ends like a sentence: terminal punctuation, possibly inside closing quotes or brackets.
_SENTENCE_END = regex.compile(r"[.!?…:;,][\"”’'\)\]]*\s*$")
_TITLE_BAD_ENDS = ".:;,"  # a title does not end in one of these
CLOSING_MARKS = "\"”’')]"


def blank(text: str) -> str:
    """Replace every character except line breaks with a space (keeps offsets and lines)."""
    return _NOT_NEWLINE.sub(" ", text)


def line_breaks(text: str):
    """Iterate the line-break matches (CRLF, CR or LF) of ``text``."""
    return _LINE_BREAK.finditer(text)


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    if _SPLIT_ONLY_SPACE.search(text):
        return _SPACES.sub(" ", text).strip()
    return " ".join(text.split())  # the same, several times faster than the regex


def fold(text: str) -> str:
    """Text folded for comparison: case, quotes, spacing and end punctuation ignored."""
    if not text.isascii():  # ASCII has no curly quotes: no need to translate
        text = text.translate(_FOLD_QUOTES)
    return strip_non_word_edges(squash(text)).casefold()


# What [\W_] and [\W\d_] are in ASCII, for str.strip.
ASCII_NON_WORD = "".join(chr(code) for code in range(128) if not chr(code).isalnum())
ASCII_NON_LETTER = "".join(chr(code) for code in range(128) if not chr(code).isalpha())


def strip_non_word_edges(text: str) -> str:
    """The text without the runs of non-word characters (and '_') at its ends."""
    return strip_edge_runs(text, _NON_WORD_RUN, ASCII_NON_WORD)


def strip_edge_runs(text: str, run: regex.Pattern, ascii_run: str) -> str:
    """The text without the runs of ``run`` at its start and its end.

    What ``regex.sub(rf"^{R}|{R}$", "", text)`` does for a run pattern R, without trying
    the end-anchored run at every position of the text (the slow part). ``ascii_run``
    holds the ASCII characters R's runs are made of: ASCII text is stripped with
    str.strip; other text has its trailing run matched at the start of the reversed text.
    """
    if text.isascii():  # a constant-time test
        return text.strip(ascii_run)
    leading = run.match(text)
    trailing = run.match(text[::-1])
    start = leading.end() if leading else 0
    end = len(text) - (trailing.end() if trailing else 0)
    return text[start:end]


def starts_pattern(strings: Iterable[str]) -> re.Pattern:
    """A stdlib pattern matching wherever one of the strings starts; a space in them stands for any whitespace.

    The strings make one trie, so a position is ruled out after one or two characters:
    used to find the few places worth trying a slow ``regex`` pattern. Its ``\\s`` covers
    every character ``regex``'s does.
    """
    trie: dict = {}
    for string in strings:
        if not string:
            continue
        node = trie
        for char in " ".join(string.split()):
            node = node.setdefault(char, {})
        node[""] = {}  # a string ends here: what follows does not matter for where it starts
    return re.compile(_trie_pattern(trie) if trie else r"(?!)")


def _trie_pattern(node: dict) -> str:
    if "" in node:
        return ""
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
                for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def word_count(text: str) -> int:
    return len(text.split())


def ends_like_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_title_like(text: str, max_words: int = 30) -> bool:
    """A line that reads as a title: not too long, no closing sentence punctuation.

    '?' and '!' are allowed, as headlines use them.
    """
    stripped = text.strip()
    if not stripped or ends_with_mark(stripped, _TITLE_BAD_ENDS):
        return False
    return word_count(stripped) <= max_words


def ends_with_mark(text: str, marks: str, closers: str = CLOSING_MARKS) -> bool:
    """Whether text ends with one of ``marks``, closing quotes or brackets after it aside.

    str methods, not a pattern: a regex search for an end tries every position of the text.
    """
    end = text.rstrip(closers)
    return bool(end) and end[-1] in marks


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


# -- ruling spans out before a slow pattern runs -------------------------------------------

# Text on which a stdlib re pattern finds what the same regex pattern finds: ASCII,
# Latin-1, general punctuation and currency signs, less the characters where the two
# differ on \w or \s: \x1c-\x1f, superscript digits and fractions (\w to re only), the
# joiners and ties (\w to regex only). tests/test_fast_paths.py checks every character.
RE_SAFE_CHARACTERS = ("\x00-\x1b\x20-\xb1\xb4-\xb8\xba\xbb\xbf-\xff\u2000-\u200b\u200e-\u203e"
                      "\u2041-\u2053\u2055-\u206f\u20a0-\u20cf")
_NOT_RE_SAFE = re.compile(f"[^{RE_SAFE_CHARACTERS}]")
_RE_FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.VERBOSE  # the same bits in re


class RecentTexts:
    """What was worked out for the last few texts, found again by identity.

    Rules ask about the same document text (its prose, its source) many times in a row;
    the texts are kept alive with their answers, so no other text can take their id.
    """

    def __init__(self, size: int = 4):
        self.size = size
        self.entries: list[tuple[str, object]] = []

    def get(self, text: str, work_out):
        for known, answer in self.entries:
            if known is text:
                return answer
        answer = work_out(text)
        self.entries.insert(0, (text, answer))
        del self.entries[self.size:]
        return answer


_re_safe_long = RecentTexts()


def re_safe(text: str) -> bool:
    """Whether re and regex patterns find the same in text. The whole text counts, not a
    window of it: lookarounds see past a search's bounds."""
    if len(text) < 256:  # a line or a sentence: scanning it is as quick as a cache lookup
        return not _NOT_RE_SAFE.search(text)
    return _re_safe_long.get(text, lambda long_text: not _NOT_RE_SAFE.search(long_text))


class PlainFastPattern:
    """A ``regex`` pattern that runs as a stdlib ``re`` pattern on text where the two agree.

    Compiling lexicon patterns was a third of a single-file run: ``regex`` parses a
    pattern in Python, ``re`` two to three times faster. On text of the characters in
    RE_SAFE_CHARACTERS the two find the same matches, so the ``re`` pattern serves it
    (nearly every English article); other text gets the ``regex`` pattern,
    compiled when first needed. A source ``re`` cannot compile (``\\p{Lu}``, a
    variable-length lookbehind) always runs as ``regex``.
    """

    def __init__(self, source: str, flags: int = 0):
        self.pattern = source
        self.flags = flags

    @cached_property
    def plain(self) -> re.Pattern | None:
        if self.flags & ~_RE_FLAGS & ~regex.UNICODE:
            return None
        try:
            # As an int: regex's flag enum would slow every flag test of re's compiler.
            return re.compile(self.pattern, int(self.flags & _RE_FLAGS))
        except (re.error, OverflowError, RecursionError):
            return None

    @cached_property
    def full(self) -> regex.Pattern:
        return regex.compile(self.pattern, self.flags)

    def _run(self, method: str, text: str, pos: int, endpos: int | None):
        engine = self.plain if self.plain is not None and re_safe(text) else self.full
        return getattr(engine, method)(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._run("match", text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._run("fullmatch", text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._run("search", text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._run("finditer", text, pos, endpos)


class PrefilteredPattern:
    """A ``regex`` pattern that skips plain-text spans which lack every literal its matches need.

    ``search`` returns exactly what ``pattern.search`` returns. Lexicon patterns (hedges,
    claim signals, ...) are long alternations the ``regex`` module tries at every word
    of a sentence; most sentences hold none of the words they need, and a stdlib test
    for those words (see ``required_literals``) is several times faster.
    """

    def __init__(self, pattern: regex.Pattern | PlainFastPattern, literals: Iterable[str] | None = None,
                 lower: bool = False):
        """``literals``: strings one of which every match holds (read from the pattern when not given);
        ``lower``: they are to be found in the lower-cased text (always so for an IGNORECASE pattern)."""
        self.pattern = pattern
        self.lower = lower or bool(pattern.flags & regex.IGNORECASE)
        if literals is None and not pattern.flags & regex.VERBOSE:
            literals = required_literals(pattern.pattern, self.lower)
        self.literals = frozenset(literals) if literals else None
        self.needs = starts_pattern(self.literals) if self.literals else None

    def search(self, text: str, start: int = 0, end: int | None = None):
        end = len(text) if end is None else end
        if self.needs is not None and not self._may_match(text, start, end):
            return None
        return self.pattern.search(text, start, end)

    def finditer(self, text: str, start: int, end: int):
        if self.needs is not None and not self._may_match(text, start, end):
            return iter(())
        return self.pattern.finditer(text, start, end)

    def _may_match(self, text: str, start: int, end: int) -> bool:
        if not self.lower:
            return bool(NOT_PLAIN.search(text, start, end) or self.needs.search(text, start, end))
        lowered = lowered_plain(text, start, end)
        return lowered is None or bool(self.needs.search(lowered))  # None: not plain, no quick answer


# Lower-cased plain spans of the text last asked about: the figures, the attribution and the
# claim patterns all test the same sentences of a document, and lower-case each one once.
_lowered_text: str | None = None  # kept alive while cached, so no other text can take its id
_lowered_spans: dict[tuple[int, int], str | None] = {}


def lowered_plain(text: str, start: int, end: int) -> str | None:
    """text[start:end] lower-cased if it is plain text (see NOT_PLAIN), else None."""
    global _lowered_text, _lowered_spans
    if text is not _lowered_text:
        _lowered_text, _lowered_spans = text, {}
    key = (start, end)
    if key not in _lowered_spans:
        _lowered_spans[key] = None if NOT_PLAIN.search(text, start, end) else text[start:end].lower()
    return _lowered_spans[key]


class _Unsupported(Exception):
    """Syntax required_literals does not read: it gives no answer rather than a wrong one."""


def required_literals(source: str, ignorecase: bool) -> frozenset[str] | None:
    """Strings one of which every match of the pattern contains, in plain text; None if unknown.

    Only a small part of the syntax is read: literal characters, escaped punctuation,
    ``\\w \\s \\d \\W \\S \\D \\b \\B``, ``.``, classes, groups, ``(?:``, lookarounds, anchors,
    quantifiers and ``|``; anything else (``\\p``, inline flags, ...) gives None. On plain
    text (see NOT_PLAIN) regex and this reading agree. With ``ignorecase`` the strings are
    lower-cased, to be looked for in lower-cased text; then a literal must be ASCII or a
    plain mark, since other letters have case variants that are plain ('ſ' matches 's').
    """
    reader = _LiteralReader(source, ignorecase)
    try:
        needed = reader.alternation()
        if reader.position != len(source):
            return None
    except (_Unsupported, IndexError):
        return None
    return needed


class _LiteralReader:
    _PLAIN_MARKS = "‘’“”–—…"

    def __init__(self, source: str, ignorecase: bool):
        self.source = source
        self.ignorecase = ignorecase
        self.position = 0

    def _peek(self) -> str:
        return self.source[self.position] if self.position < len(self.source) else ""

    def _take(self) -> str:
        char = self.source[self.position]
        self.position += 1
        return char

    def alternation(self) -> frozenset[str] | None:
        branches = [self.sequence()]
        while self._peek() == "|":
            self._take()
            branches.append(self.sequence())
        if any(branch is None for branch in branches):
            return None  # a branch that needs nothing known: the whole needs nothing known
        return frozenset().union(*branches)

    def sequence(self) -> frozenset[str] | None:
        """The most selective requirement among the items of a sequence."""
        candidates = []
        run = ""  # consecutive literal characters: they occur together
        while self._peek() not in ("", "|", ")"):
            kind, value = self.atom()
            minimum = self.quantifier()
            if kind == "char" and minimum is None:
                run += value
                continue
            if kind == "zero":
                continue  # takes no characters: the run goes on
            if run:
                candidates.append(frozenset([run]))
                run = ""
            if kind == "char":
                value = frozenset([value])
            if value is not None and (minimum is None or minimum >= 1):
                candidates.append(value)
        if run:
            candidates.append(frozenset([run]))
        if not candidates:
            return None
        # Longer strings are rarer; spaces at their ends make them no rarer (" to").
        return max(candidates, key=lambda strings: (min(len(string.strip()) for string in strings), -len(strings)))

    def atom(self) -> tuple[str, object]:
        char = self._take()
        if char == "(":
            return self._group()
        if char == "[":
            self._class()
            return "set", None
        if char == "\\":
            escaped = self._take()
            if escaped in "wsdWSD":
                return "set", None
            if escaped in "bB":
                return "zero", None
            if escaped.isascii() and not escaped.isalnum():
                return "char", escaped
            raise _Unsupported(escaped)
        if char == ".":
            return "set", None
        if char in "^$":
            return "zero", None
        if char in "*+?{}]":
            raise _Unsupported(char)
        if not (char.isascii() or char in self._PLAIN_MARKS):
            raise _Unsupported(char)
        return "char", char.lower() if self.ignorecase else char

    def _group(self) -> tuple[str, object]:
        kind = "set"
        if self._peek() == "?":
            self._take()
            marker = self._take()
            if marker == "<":
                marker += self._take()
            if marker in ("=", "!", "<=", "<!"):
                kind = "zero"  # a lookaround: its characters are not part of the match
            elif marker != ":":
                raise _Unsupported(marker)
        inner = self.alternation()
        if self._take() != ")":
            raise _Unsupported(")")
        return kind, (inner if kind == "set" else None)

    def _class(self) -> None:
        """Skip a character class: it is no literal."""
        if self._peek() == "^":
            self._take()
        if self._peek() == "]":
            self._take()
        while True:
            char = self._take()
            if char == "\\":
                self._take()
            elif char == "[":
                raise _Unsupported("[")  # a POSIX class or a nested set
            elif char == "]":
                return

    def quantifier(self) -> int | None:
        """The minimum count of a quantifier after an atom; None when there is none."""
        char = self._peek()
        if char in ("?", "*", "+"):
            self._take()
            minimum = 1 if char == "+" else 0
        elif char == "{":
            close = self.source.find("}", self.position)
            body = self.source[self.position + 1:close] if close > 0 else ""
            if not regex.fullmatch(r"\d*(?:,\d*)?", body) or body in ("", ","):
                raise _Unsupported("{")
            self.position = close + 1
            minimum = int(body.split(",")[0] or 0)
        else:
            return None
        if self._peek() in ("?", "+"):
            self._take()  # lazy or possessive: the same minimum
        if self._peek() in ("?", "*", "+", "{"):
            raise _Unsupported("quantifier")
        return minimum
