"""EX101 and EX201 on real article text, through newslint's own pipeline."""

from __future__ import annotations

import pytest

from newslint.testing import check_examples, lint_text, registry

ARTICLE = """\
JAPAN WOOS US TECH INVESTORS

Prime Minister Fumio Kishida met chip executives in Washington on Tuesday.

Shares of Japanese chipmakers rose 3 per cent after the meeting, and Tokyo Electron
gained 5 Per Cent. Readers can e-mail questions to the business desk.
"""


@pytest.mark.parametrize("code", ["EX101", "EX201"])
def test_examples(code):
    check_examples(code)  # every bad example flagged, no good one


def test_rules_are_registered_with_their_origin():
    book = registry().rulebook()
    assert book.get("EX101").origin == "example"
    assert book.get("house-style").origin == "example (house-style.yaml)"


def test_findings_on_an_article():
    findings = lint_text(ARTICLE, select=["EX101", "EX201"])
    assert [(d.line, d.column, d.code, str(d.severity), d.message) for d in findings] == [
        (1, 1, "EX101", "warning", "The headline is in capital letters"),
        (5, 38, "EX201", "info", "House style: write 'percent', not 'per cent'"),
        (6, 10, "EX201", "info", "House style: write 'Percent', not 'Per Cent'"),
        (6, 32, "EX201", "info", "House style: write 'email', not 'e-mail'"),
    ]


def test_house_style_fix_is_safe_and_replaces_the_word():
    [finding] = lint_text("Tokyo stocks rise\n\nThe Nikkei gained 2 per cent.\n", select=["EX201"])
    assert finding.help == "Use the house spelling."
    assert finding.fix.safe
    assert [edit.replacement for edit in finding.fix.edits] == ["percent"]


@pytest.mark.parametrize(
    "headline",
    [
        "Japan woos US tech investors",  # sentence case
        "NATO and G7 leaders meet in Tokyo",  # acronyms inside a normal headline
        "US CPI UP",  # too few letters to call it shouting
    ],
)
def test_headlines_that_are_not_shouting(headline):
    assert lint_text(f"{headline}\n\nLeaders spoke on Tuesday.\n", select=["EX101"]) == []


def test_plugin_rules_run_beside_the_built_in_ones():
    text = ARTICLE + "\nJAPAN WOOS US TECH INVESTORS\n"
    codes = [d.code for d in lint_text(text)]
    assert "EX101" in codes and "NL101" in codes  # the repeated headline is newslint's own rule
