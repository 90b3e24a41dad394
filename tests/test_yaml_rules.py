"""YAML rule kinds on article text, and the errors a broken rule pack gives."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from newslint.errors import UserError
from newslint.kinds import BUILTIN_KINDS
from newslint.testing import lint_text
from newslint.yaml_rules import PackContents, load_pack

HEADER = """\
rules:
  - code: EX100
    name: test-rule
    category: style
    severity: warning
    summary: A test rule
"""


def pack(body: str) -> str:
    return HEADER + textwrap.indent(textwrap.dedent(body), "    ")


def findings(text: str, body: str, filename: str = "a.txt") -> list[tuple[int, int, str]]:
    result = lint_text(text, filename=filename, select=["EX100"], packs=[pack(body)])
    return [(d.line, d.column, d.message) for d in result]


def test_existence_tokens_are_phrases_matched_across_spacing_and_case():
    body = """\
    kind: existence
    message: "Found '{match}'"
    tokens: [leave a reply]
    """
    assert findings("Intro line here.\n\nLEAVE A   reply\n", body) == [(3, 1, "Found 'LEAVE A reply'")]


def test_existence_respects_word_boundaries_and_exceptions():
    body = """\
    kind: existence
    message: "'{match}'"
    tokens: [cookie]
    exceptions: [cookie jar]
    """
    text = "Cookies are fine. A cookie jar is fine. One cookie is not.\n"
    assert findings(text, body) == [(1, 45, "'cookie'")]


def test_existence_patterns_and_case_sensitivity():
    body = """\
    kind: existence
    message: "'{match}'"
    ignorecase: false
    patterns: ['[A-Z]{4,}']
    """
    assert findings("Shares of ACME rose, acme said.\n", body) == [(1, 11, "'ACME'")]


def test_existence_in_link_text_scope_reads_markdown_link_text_only():
    body = """\
    kind: existence
    message: "'{match}'"
    scope: link-text
    tokens: [click here]
    """
    text = "# Story headline here\n\nTo read more, [click here](https://example.org). Do not click here.\n"
    assert findings(text, body, "a.md") == [(3, 16, "'click here'")]


def test_substitution_reports_preferred_word_and_fixes_with_case():
    body = """\
    kind: substitution
    message: "Use '{preferred}', not '{match}'"
    swap: {utilise: use, "in order to": to}
    """
    result = lint_text("Utilise the plant in order to grow.\n", select=["EX100"], packs=[pack(body)])
    assert [(d.column, d.message) for d in result] == [
        (1, "Use 'Use', not 'Utilise'"),
        (19, "Use 'to', not 'in order to'"),
    ]
    assert [edit.replacement for d in result for edit in d.fix.edits] == ["Use", "to"]
    assert all(not d.fix.safe for d in result)


def test_occurrence_max_in_headline():
    body = """\
    kind: occurrence
    message: "Headline has {count} words (max {max})"
    scope: headline
    max: 5
    patterns: ['\\S+']
    """
    assert findings("One two three four five six\n\nBody.\n", body) == [(1, 1, "Headline has 6 words (max 5)")]
    assert findings("One two three\n\nBody.\n", body) == []


def test_repetition_of_paragraphs_reports_the_repeat_with_evidence():
    body = """\
    kind: repetition
    message: "Repeated: {text}"
    scope: paragraph
    fix: safe
    """
    text = "Headline\n\nThe same paragraph appears twice here.\n\nOther text.\n\nThe same paragraph appears twice here.\n"
    result = lint_text(text, select=["EX100"], packs=[pack(body)])
    assert [(d.line, d.message, d.evidence) for d in result] == [
        (7, "Repeated: The same paragraph appears twice here.", "first written on line 3")
    ]


def write_pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("kind: existance\nmessage: x\ntokens: [a]\n", 7, "unknown rule kind 'existance'"),
        ("kind: existence\nmessage: x\ntokenz: [a]\n", 9, "unknown key 'tokenz' for a rule of kind existence; did you mean 'tokens'?"),
        ("kind: existence\nmessage: x\npatterns: ['(unclosed']\n", 9, "bad regular expression '(unclosed'"),
        ("kind: existence\nmessage: x\ntokens: [a]\nignorecase: maybe\n", 10, "'ignorecase' must be true or false"),
        ("kind: existence\nmessage: x\ntokens: [a]\nscope: chapter\n", 10, "unknown scope 'chapter'"),
        ("kind: existence\nmessage: '{nope}'\ntokens: [a]\n", 8, "unknown placeholder {nope} in message"),
        ("kind: occurrence\nmessage: x\nscope: headline\ntokens: [a]\n", 2, "needs 'max' or 'min'"),
    ],
)
def test_broken_rule_packs_fail_at_file_and_line(tmp_path, body, line, message):
    path = write_pack(tmp_path, pack(body))
    with pytest.raises(UserError) as caught:
        load_pack(path, BUILTIN_KINDS, PackContents())
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert message in error.message


def test_yaml_syntax_error_and_wrong_types_name_the_line(tmp_path):
    path = write_pack(tmp_path, "rules:\n  - code: EX1\n    name: [unclosed\n")
    with pytest.raises(UserError) as caught:
        load_pack(path, BUILTIN_KINDS, PackContents())
    assert caught.value.line == 4 and caught.value.message.startswith("invalid YAML")
    path = write_pack(tmp_path, "rules:\n  code: EX100\n")
    with pytest.raises(UserError) as caught:
        load_pack(path, BUILTIN_KINDS, PackContents())
    assert (caught.value.line, caught.value.message) == (1, "'rules' must be a list of rules")


def test_duplicate_keys_are_an_error_not_an_overwrite(tmp_path):
    path = write_pack(tmp_path, pack("kind: existence\nmessage: x\ntokens: [a]\ntokens: [b]\n"))
    with pytest.raises(UserError) as caught:
        load_pack(path, BUILTIN_KINDS, PackContents())
    assert (caught.value.line, caught.value.message) == (10, "duplicate key 'tokens'")


def test_yaml_is_loaded_safely(tmp_path):
    path = write_pack(tmp_path, "rules: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(UserError) as caught:
        load_pack(path, BUILTIN_KINDS, PackContents())
    assert "could not determine a constructor" in caught.value.message


def test_lexicons_merge_across_packs(tmp_path):
    first = tmp_path / "a.yaml"
    first.write_text("lexicons:\n  nav: [home, about]\n  domains: {IMF: imf.org}\n", encoding="utf-8")
    second = tmp_path / "b.yaml"
    second.write_text("lexicons:\n  nav: [about, contact]\n  domains: {WHO: who.int}\n", encoding="utf-8")
    contents = PackContents()
    load_pack(first, BUILTIN_KINDS, contents)
    load_pack(second, BUILTIN_KINDS, contents)
    assert contents.lexicons == {"nav": ["home", "about", "contact"], "domains": {"IMF": "imf.org", "WHO": "who.int"}}
