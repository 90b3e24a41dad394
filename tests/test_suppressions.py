"""Inline suppression comments, and the notes about unused or unreadable ones."""

from __future__ import annotations

from newslint.testing import lint_text

HEADLINE = "Kishida woos US investors"


def found(text: str, filename: str = "a.txt") -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in lint_text(text, filename=filename)]


def test_disable_next_line_suppresses_only_that_line():
    text = f"{HEADLINE}\n\n<!-- newslint-disable-next-line NL101 -->\n{HEADLINE}\n\n{HEADLINE}\n"
    assert found(text) == [(6, "NL101")]


def test_disable_enable_range_by_name_and_category():
    text = (f"{HEADLINE}\n\n<!-- newslint-disable repeated-headline -->\n{HEADLINE}\n<!-- newslint-enable -->\n\n"
            f"<!-- newslint-disable spam-tail -->\nLeave a Reply\n")
    assert found(text) == []


def test_disable_file_anywhere_and_prefix_selector():
    text = f"{HEADLINE}\n\n{HEADLINE}\n\nLeave a Reply\n\n<!-- newslint-disable-file NL2 -->\n"
    assert found(text) == [(3, "NL101")]


def test_suppressions_work_in_markdown_html_blocks():
    text = f"# {HEADLINE}\n\n<!-- newslint-disable-next-line -->\n{HEADLINE}\n"
    assert found(text, "a.md") == []


def test_unused_suppression_is_reported_at_the_comment():
    text = f"{HEADLINE}\n\nBody of the story.\n\n<!-- newslint-disable-next-line NL101 -->\nMore body.\n"
    (finding,) = lint_text(text)
    assert (finding.code, finding.line, finding.column, finding.message) == (
        "NL901", 5, 1, "unused suppression: NL101 suppressed no finding in newslint-disable-next-line"
    )


def test_suppression_of_a_rule_that_does_not_run_is_not_called_unused():
    text = f"{HEADLINE}\n\nBody.\n\n<!-- newslint-disable-next-line NL101 -->\nMore body.\n"
    assert lint_text(text, ignore=["NL101"]) == []


def test_unknown_directive_or_rule_is_reported():
    text = "<!-- newslint-disabel NL101 -->\n<!-- newslint-disable NL999 -->\nA story.\n"
    assert [(d.line, d.code, d.message) for d in lint_text(text)] == [
        (1, "NL907", "unknown directive 'newslint-disabel' (use one of: newslint-disable, newslint-enable, "
                     "newslint-disable-next-line, newslint-disable-file)"),
        (2, "NL907", "unknown rule 'NL999' in newslint-disable"),
    ]
