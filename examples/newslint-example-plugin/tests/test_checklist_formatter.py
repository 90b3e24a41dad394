"""The checklist formatter, fed the way the CLI feeds it: start, file per file, finish."""

from __future__ import annotations

import io

from newslint.runner import FileResult, Summary
from newslint.testing import lint_text, registry

from newslint_example.checklist import ChecklistFormatter, escape

ARTICLE = """\
JAPAN WOOS US TECH INVESTORS

Shares of Japanese chipmakers rose 3 per cent on Tuesday.
"""


def render(*results: FileResult) -> str:
    stream = io.StringIO()
    formatter = ChecklistFormatter(stream)
    summary = Summary()
    formatter.start()
    for result in results:
        summary.add(result)
        formatter.file(result)
    formatter.finish(summary)
    return stream.getvalue()


def test_the_formatter_is_registered_for_format_checklist():
    assert registry().formatters["checklist"] is ChecklistFormatter


def test_one_task_per_finding_with_what_to_do():
    findings = lint_text(ARTICLE, filename="drafts/tokyo_chips.txt", select=["EX101", "EX201"])
    clean = FileResult("drafts/clean.txt", [])
    assert render(FileResult("drafts/tokyo_chips.txt", findings), clean) == """\
# Editor's checklist

## `drafts/tokyo_chips.txt` (2 findings)

- [ ] Line 1: The headline is in capital letters (EX101 shouting-headline, warning)
  - What to do: Write the headline in sentence case.
- [ ] Line 3: House style: write 'percent', not 'per cent' (EX201 house-style, info)
  - What to do: Use the house spelling. (fixable with --fix)

Found 2 findings (0 errors, 1 warning, 1 info) in 1 of 2 files. 1 fixable with --fix (see --diff).
"""


def test_evidence_is_listed_under_the_finding():
    text = "Chips lift Tokyo\n\nShares of chipmakers rose sharply on Tuesday morning.\n\nShares of chipmakers rose sharply on Tuesday morning.\n"
    findings = lint_text(text, filename="a.txt", select=["NL102"])
    assert render(FileResult("a.txt", findings)).splitlines()[4:7] == [
        "- [ ] Line 5: This paragraph repeats line 3: 'Shares of chipmakers rose sharply on Tuesday morning.' "
        "(NL102 repeated-paragraph, warning)",
        "  - What to do: Delete the second copy. (fixable with --fix)",
        "  - Evidence: first written on line 3",
    ]


def test_no_findings():
    assert render(FileResult("a.txt", [])) == "# Editor's checklist\n\nNo findings in 1 file.\n"


def test_markdown_in_messages_is_escaped():
    assert escape("rose 3* [see chart] <b> to $2.9bn") == r"rose 3\* \[see chart\] \<b\> to \$2.9bn"
