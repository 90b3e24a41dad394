"""Fast paths find exactly what the slow patterns they stand for find.

A token rule's per-document plan against its whole alternation; bare_urls against BARE_URL;
the fact base's word index against trying every fact; re against regex on the text
PlainFastPattern gives re; simple Markdown read line by line against markdown-it; a title's
end read with str methods against the pattern it replaced.
"""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.facts import Fact, FactBase, about_patterns
from newslint.kinds.alternation import Alternation
from newslint.kinds.base import phrase_pattern
from newslint.kinds.needles import SharedNeedles
from newslint.testing import lint_text
from newslint.textutil import BARE_URL, bare_urls

WORDS = ["read", "more", "ha", "per", "cent", "share", "this", "e-mail", "İstanbul", "ſhare", "KELVIN", "it's", "café",
         "Straße", "€5", "µm"]
WORD_CHARACTER = regex.compile(r"\w")
GLUE = [" ", "  ", "\n", "\n\n", ", ", ". ", "-", "_", "", "\t"]


def whole_matches(alternation: Alternation, text: str, segments) -> list[tuple[int, tuple[int, int]]]:
    found = []
    for start, end in segments:
        for match in alternation.whole.finditer(text, start, end):
            found.append((alternation.part_of(match), match.span()))
    return found


def planned_matches(alternation: Alternation, text: str, segments,
                    shared: SharedNeedles | None = None) -> list[tuple[int, tuple[int, int]]]:
    plan = alternation.plan(text, shared)
    if plan is None:
        return []
    return [(number, match.span()) for start, end in segments for number, match in plan.finditer(start, end, 1.0)]


@st.composite
def cases(draw):
    phrases = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
                            min_size=1, max_size=5, unique=True))
    patterns = draw(st.lists(st.sampled_from([r"rumou?red", r"per\s?cent", r"h[a-z]", r"sh(?:are|ift)"]),
                             max_size=2, unique=True))
    # The text is made of the phrases themselves, so that parts often match at the same place.
    vocabulary = phrases + WORDS + ["Read", "MORE", "HA", "rumored", "x"]
    pieces = draw(st.lists(st.tuples(st.sampled_from(vocabulary), st.sampled_from(GLUE)), max_size=40))
    text = "".join(word + glue for word, glue in pieces)
    # Segments (blocks, sentences, lines) never split a word: cut only where a word is not split.
    boundaries = [i for i in range(len(text) + 1) if not (0 < i < len(text) and WORD_CHARACTER.match(text, i - 1)
                                                          and WORD_CHARACTER.match(text, i))]
    cuts = sorted(draw(st.lists(st.sampled_from(boundaries), max_size=6)))
    bounds = [0, *cuts, len(text)]
    segments = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    ignorecase = draw(st.booleans())
    word_boundaries = draw(st.booleans())
    return phrases, patterns, text, segments, ignorecase, word_boundaries


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_plan_finds_what_the_whole_alternation_finds(case):
    phrases, patterns, text, segments, ignorecase, word_boundaries = case
    sources = [(phrase_pattern(phrase), phrase) for phrase in phrases] + [(pattern, None) for pattern in patterns]
    alternation = Alternation.build(sources, 2 if ignorecase else 0, word_boundaries)  # 2 is regex.IGNORECASE
    expected = whole_matches(alternation, text, segments)
    assert planned_matches(alternation, text, segments) == expected
    # In a run the token rules share one automaton: other rules' needles, some the same
    # strings in the other case mode, must not change what this rule finds.
    others = [Alternation.build(sources[::-1], 0 if ignorecase else 2, word_boundaries),
              Alternation.build([(phrase_pattern("more"), "more"), ("h[a-z]", None)], 2, True)]
    shared = SharedNeedles([others[0], alternation, others[1]])
    assert planned_matches(alternation, text, segments, shared) == expected


def test_case_variants_that_lower_does_not_fold_still_match():
    # 'ſ' folds to 's' and 'İ' matches 'i' under IGNORECASE; the word index must not rule them out.
    alternation = Alternation.build([(phrase_pattern("share this"), "share this"),
                                     (phrase_pattern("istanbul"), "istanbul")], 2, True)
    text = "Please ſhare this from İstanbul."
    assert [(number, span) for number, span in planned_matches(alternation, text, [(0, len(text))])] == [
        (0, (7, 17)), (1, (23, 31))]


TWO_TOKEN_RULES = """
rules:
  - code: XX101
    name: boilerplate
    kind: existence
    category: spam-tail
    severity: warning
    summary: Boilerplate
    message: "Boilerplate '{match}'"
    tokens: [read more]
  - code: XX102
    name: share-bar
    kind: existence
    category: spam-tail
    severity: warning
    summary: Share bar
    message: "Share bar '{match}'"
    tokens: [share this]
"""


def test_a_rule_finds_phrases_in_markdown_emphasis_and_across_lines():
    text = "# Title\n\nSome text. _Read_ more about it,\nor share\nthis story.\n"
    findings = lint_text(text, filename="a.md", packs=[TWO_TOKEN_RULES], select=["XX"])
    assert [(d.line, d.column, d.message) for d in findings] == [
        (3, 13, "Boilerplate 'Read more'"),  # '_Read_' is one word to \w+, 'Read' once the markup is blanked
        (4, 4, "Share bar 'share this'"),
    ]


def test_the_token_rules_of_a_run_find_their_needles_in_one_pass_over_the_text(monkeypatch):
    scans = []
    scan = SharedNeedles._scan

    def counted(self, haystack, ignorecase):
        scans.append(len(self.alternations))
        return scan(self, haystack, ignorecase)

    monkeypatch.setattr(SharedNeedles, "_scan", counted)
    findings = lint_text("Read more here, and share this.\n", filename="a.txt", packs=[TWO_TOKEN_RULES], select=["XX"])
    assert [d.code for d in findings] == ["XX101", "XX102"]
    assert scans == [2]  # one scan, by the automaton of both rules


# -- bare URLs in plain text, found near their anchors ---------------------------------------

URL_PIECES = ["https://example.com/a", "http//x.org", "htps:/bad.net", "www.site.co.uk", "WWW.Shout.com",
              "ftp://files", "a-very-long-scheme+x://y", "sixteen-chars-ab://z", "seventeen-chars-a://z",
              "//", ":/", "www.", "e-mail@www.x.com", "x.www.y.com", "word", "(see https://a.b/c).",
              "h:/", "hhhhhhh:/x", "https://", "<", "'"]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(URL_PIECES), st.sampled_from(["", " ", "\n", ".", "/", "w"])),
                max_size=12))
def test_bare_urls_finds_what_the_pattern_finds(pieces):
    text = "".join(piece + glue for piece, glue in pieces)
    assert [m.span() for m in bare_urls(text)] == [m.span() for m in BARE_URL.finditer(text)]


ABOUT_WORDS = ["invest", "Microsoft", "rate hike", "U.S.", "$5", "İstanbul", "ſubsid", "KELVIN", "ai", "x"]
TEXT_WORDS = ["investment", "INVESTS", "microsoft's", "rate", "hike", "rates  hiked", "u.s.", "US", "$5bn",
              "istanbul", "İSTANBUL", "subsidies", "Kelvin", "AI", "said", "ı", "ſ"]


@st.composite
def fact_cases(draw):
    facts = []
    for _ in range(draw(st.integers(1, 6))):
        groups = draw(st.lists(st.lists(st.sampled_from(ABOUT_WORDS), min_size=1, max_size=2, unique=True),
                               min_size=1, max_size=3))
        about = tuple(tuple(group) for group in groups)
        facts.append((about, draw(st.sampled_from([1.0, 0.5]))))
    pieces = draw(st.lists(st.tuples(st.sampled_from(TEXT_WORDS), st.sampled_from(GLUE)), max_size=25))
    return facts, "".join(word + glue for word, glue in pieces)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(fact_cases())
def test_the_fact_index_keeps_every_fact_that_applies(case):
    drawn, text = case
    facts = [Fact(id=f"f{number}", claim="c", about=about, min_about=share, patterns=about_patterns(about))
             for number, (about, share) in enumerate(drawn)]
    base = FactBase(facts)
    assert base.applicable(text) == [fact for fact in facts if fact.matches(text) is not None]


def _re_safe_characters() -> list[str]:
    from newslint.textutil import RE_SAFE_CHARACTERS

    characters, index = [], 0
    while index < len(RE_SAFE_CHARACTERS):
        if index + 2 < len(RE_SAFE_CHARACTERS) and RE_SAFE_CHARACTERS[index + 1] == "-":
            first, last = RE_SAFE_CHARACTERS[index], RE_SAFE_CHARACTERS[index + 2]
            characters.extend(chr(code) for code in range(ord(first), ord(last) + 1))
            index += 3
        else:
            characters.append(RE_SAFE_CHARACTERS[index])
            index += 1
    return characters


def test_re_and_regex_agree_on_every_character_called_safe():
    import re

    import regex

    probes = [r"\w", r"\W", r"\s", r"\S", r"\d", r"\b", r"\B", r"(?<!\w)x", r"x(?![\w-])", r"[\w.'’&-]+"]
    disagreements = []
    for char in _re_safe_characters():
        texts = (char, "x" + char, char + "x", "a" + char + "b", char * 2, char.casefold())
        for probe in probes:
            for text in texts:
                if [m.span() for m in re.finditer(probe, text)] != [m.span() for m in regex.finditer(probe, text)]:
                    disagreements.append((hex(ord(char)), probe, text))
        for other in {char.lower(), char.upper(), char.swapcase(), *"abcdefghijklmnopqrstuvwxyzKS0"}:
            if len(other) == 1 and (bool(re.fullmatch(re.escape(other), char, re.I))
                                    != bool(regex.fullmatch(regex.escape(other), char, regex.I))):
                disagreements.append((hex(ord(char)), "ignorecase", other))
    assert disagreements == []


SAFE_AND_NOT = ["share", "Read", "more", "Reuters", " ", "\n", ".", "-", "’", "€", "é", "É", "²", "ſ", "K",
                "\u200d", "\x1c", "ß", "İ", "é"]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(SAFE_AND_NOT), max_size=20).map("".join),
       st.sampled_from([r"(?<![\w-])(?:share|read\s+more|reuters|é|s)(?![\w-])", r"\w+", r"\s+\S", r"[\w.'’-]+",
                        r"(?i)\bread\b", r"\d+"]),
       st.booleans())
def test_plain_fast_pattern_finds_what_regex_finds(text, source, ignorecase):
    import regex

    from newslint.textutil import PlainFastPattern

    flags = regex.IGNORECASE if ignorecase and not source.startswith("(?i)") else 0
    fast = PlainFastPattern(source, flags)
    slow = regex.compile(source, flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
    for position in range(len(text) + 1):
        found, expected = fast.match(text, position), slow.match(text, position)
        assert (found and found.span()) == (expected and expected.span())


MARKDOWN_LINES = [
    "# Japan courts investors", "## Chips", "####### seven", "#hashtag", "# ", "#", "Kishida said on Tuesday.",
    "*By Jane Doe*", "**Bold** start", "* item", "- item", "+ item", "+1 for this", "1. first", "2024. A year",
    "1) one", "> A quote from [Reuters](https://reuters.com).", ">", "> ", ">> nested", "> # quoted heading",
    ">no space", "    indented code", " one space", "\tTab", "---", "***", "* * *", "___", "===", "--", "Title",
    "| a | b |", "|---|---|", "--- | ---", ":-:|:-:", "```", "~~~", "<div>", "<!-- newslint: ignore -->",
    "[1]: https://example.com", "See [IMF](https://imf.org) and https://www.oecd.org.", "Plain `code` and _em_.",
    "", "", " ", "\x0c", "a\\", "Q: what? A: that.", "© 2024 Site | Privacy",
]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_LINES), max_size=14), st.sampled_from(["\n", "\r\n", "\r"]),
       st.booleans())
def test_simple_markdown_reads_as_markdown_it_reads_it(lines, newline, front_matter):
    from newslint.document import Document
    from newslint.markdown import parse_markdown

    text = ("---\ntitle: x\n---\n" if front_matter else "") + newline.join(lines)
    doc = Document(text, "a.md", parse_markdown)
    assert parse_markdown(text, doc.lines, fast=True) == parse_markdown(text, doc.lines, fast=False)


def test_simple_markdown_takes_the_fast_path_only_when_simple():
    from newslint.document import Document
    from newslint.markdown import parse_markdown
    from newslint.markdown_blocks import simple_blocks

    def blocks(text):
        return simple_blocks(text, Document(text, "a.md", parse_markdown).lines)

    story = "# Japan courts investors\n\nKishida said.\nHe smiled.\n> A quote.\n\n## Chips\nMore."
    assert [(b.first, b.last, b.kind.upper(), b.level, b.quoted) for b in blocks(story)] == [
        (0, 0, "HEADING", 1, False), (2, 3, "PARAGRAPH", 0, False), (4, 4, "PARAGRAPH", 0, True),
        (6, 6, "HEADING", 2, False), (7, 7, "PARAGRAPH", 0, False)]
    for not_simple in ("Title\n===", "- item", "> quote\nlazy line", "    code", "[a]: https://x.org", "<div>"):
        assert blocks(not_simple) is None, not_simple


# -- a title's end, read with str methods ----------------------------------------------------

TITLE_BAD_END = regex.compile(r"[.:;,][\"”’'\)\]]*\s*$")  # what is_title_like tested before


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.text(alphabet=list("ab .:;,?!\"”’')]\t\n\x1c\u00a0\u2003"), max_size=14))
def test_is_title_like_reads_the_end_as_the_pattern_did(text):
    from newslint.textutil import is_title_like, word_count

    stripped = text.strip()
    by_pattern = bool(stripped) and word_count(stripped) <= 30 and not TITLE_BAD_END.search(stripped)
    assert is_title_like(text) == by_pattern
