"""Fuzzing: random and mutated articles, Markdown and YAML rule packs.

No exception may escape, no built-in rule may crash (NL900), and every finding's line
and column must lie inside the document and point at the text it reports. Hypothesis
runs derandomized (a fixed seed) with a bounded number of examples, so CI is repeatable.
"""

from __future__ import annotations

from pathlib import Path

import regex
import yaml
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.errors import UserError
from newslint.testing import lint_text, registry
from newslint.yaml_rules import PackContents, load_pack_text

FUZZ = settings(max_examples=60, derandomize=True, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")

# Pieces of news prose and of the syntax that trips parsers, glued at random.
TOKENS = [
    "Kishida", "said", "Microsoft", "will invest", "$2.9 billion", "¥590bn", "3.9%", "2 nm", "last year",
    "in 2027", "U.S.", "Mr.", "the largest ever", "experts say", "reportedly", "Photo: AFP", "Share this:",
    "Leave a Reply", "Name *", "© 2024", "Privacy Policy | Contact", "https://www.reuters.com/x", "htps://x",
    "http://example.com", "[IMF](https://imf-data.org/)", "[a][1]", "[1]: https://a.test/", "<https://b.org>",
    '<a href="https://c.jp">c</a>', "# ", "## ", "```", "`code`", "---", "+++", "title: x", "> ", "* ", "1. ",
    "|", "“", "”", '"', "'", "(", ")", "[", "]", "<!-- newslint-disable NL101 -->", "<!-- newslint-disable",
    " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "é", "東京", "🙂", "\u200b", ".", ",", "?", "!", ":", ";",
]
article_text = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=80).map("".join),
    st.text(st.characters(blacklist_characters="\x00\ufeff", blacklist_categories=("Cs",)), max_size=300),
)


@st.composite
def mutated_seed(draw) -> str:
    """A seed article with a few slices deleted, duplicated or replaced by fuzz tokens."""
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.integers(0, 200)))
        operation = draw(st.sampled_from(["delete", "duplicate", "replace"]))
        if operation == "delete":
            text = text[:start] + text[end:]
        elif operation == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + draw(st.lists(st.sampled_from(TOKENS), max_size=8).map("".join)) + text[end:]
    return text


def assert_findings_point_into(text: str, filename: str, **options) -> None:
    findings = lint_text(text, filename=filename, **options)
    starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
    bodies = _LINE_BREAK.split(text)
    for finding in findings:
        assert finding.code != "NL900", finding.message  # a built-in rule crashed
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert 1 <= finding.line <= finding.end_line <= len(starts), finding
        body = bodies[finding.line - 1]
        assert 1 <= finding.column <= len(body) + 1, finding
        assert finding.end_column <= len(bodies[finding.end_line - 1]) + 1, finding
        if finding.end_line == finding.line:
            assert finding.end_column >= finding.column, finding
        # The line and column name the reported text itself.
        line_start = starts[finding.line - 1]
        if finding.start < finding.end and text[finding.start] not in "\r\n":
            assert line_start + finding.column - 1 == finding.start, finding
            assert body[finding.column - 1] == text[finding.start], finding


@FUZZ
@given(article_text)
def test_random_plain_text(text):
    assert_findings_point_into(text, "a.txt", extend_select=["ALL"])


@FUZZ
@given(article_text)
def test_random_markdown(text):
    assert_findings_point_into(text, "a.md", extend_select=["ALL"])


@FUZZ
@given(mutated_seed(), st.sampled_from(["a.txt", "a.md"]))
def test_mutated_seed_articles(text, filename):
    assert_findings_point_into(text, filename, extend_select=["ALL"])


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data):
    for finding in lint_text(data, filename="a.txt"):
        assert finding.code != "NL900", finding.message


KINDS = ["existence", "substitution", "occurrence", "repetition", "no-such-kind"]
SCOPES = ["headline", "body", "sentence", "paragraph", "last 5 lines", "link text", "link target",
          "front matter title", "nowhere", 7]
PATTERNS = st.one_of(st.sampled_from(["said", "(a+)+$", "(", "[", "\\b", "a{2,", "(?i)kishida", "", "ex\\w+",
                                      "(?P<x>y)", "\\p{Lu}+"]),
                     st.text(max_size=12))
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 12), st.text(max_size=10),
                   st.lists(PATTERNS, max_size=4))


@st.composite
def rule_pack(draw) -> str:
    """A YAML rule pack: mostly well-formed, often with a wrong key, type or pattern."""
    rule: dict = {
        "code": draw(st.sampled_from(["HS101", "HS102", "bad", "NL101"])),
        "name": draw(st.sampled_from(["house-rule", "Bad Name", "x"])),
        "kind": draw(st.sampled_from(KINDS)),
        "category": draw(st.sampled_from(["style", "claim", "nonsense"])),
        "severity": draw(st.sampled_from(["warning", "info", "error", "loud"])),
        "summary": "A fuzzed rule",
        "message": draw(st.sampled_from(["Found '{match}'", "Use '{preferred}'", "{", "plain"])),
    }
    if draw(st.booleans()):
        rule["scope"] = draw(st.sampled_from(SCOPES))
    if draw(st.booleans()):
        rule["tokens"] = draw(st.lists(st.sampled_from(["Kishida", "said", "billion", "a b"]), max_size=4))
    if draw(st.booleans()):
        rule["patterns"] = draw(st.lists(PATTERNS, max_size=3))
    if rule["kind"] == "substitution" or draw(st.booleans()):
        rule["swap"] = draw(st.dictionaries(st.sampled_from(["per cent", "said", "("]),
                                            st.sampled_from(["percent", "stated", ""]), max_size=3))
    for key in draw(st.lists(st.sampled_from(["max", "min", "ignorecase", "word-boundaries", "exceptions",
                                              "min-words", "fix", "first-only", "typo-key"]), max_size=3)):
        rule[key] = draw(VALUES)
    text = yaml.safe_dump({"rules": [rule]}, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):  # and sometimes the YAML itself is damaged
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["", ":", "\n  - [", "\t", "'", "{{"])) + text[cut:]
    return text


@FUZZ
@given(rule_pack(), st.sampled_from(SEED_TEXTS))
def test_random_yaml_rule_packs_load_or_fail_with_file_and_line(pack, article):
    try:
        load_pack_text(pack, Path("styles/fuzz.yaml"), registry().kinds, PackContents())
    except UserError as error:
        assert error.line is not None and str(error).startswith("styles/fuzz.yaml:"), str(error)
        assert "\n" not in str(error)
        return
    assert_findings_point_into(article, "a.txt", packs=[pack])
