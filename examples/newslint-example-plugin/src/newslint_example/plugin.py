"""The plugin module named by the ``newslint`` entry point: a rule, a rule folder, a formatter."""

from __future__ import annotations

from pathlib import Path

from newslint.diagnostics import Severity
from newslint.hookspecs import hookimpl
from newslint.rule import Rule

from newslint_example.checklist import ChecklistFormatter


class ShoutingHeadline(Rule):
    code = "EX101"
    name = "shouting-headline"
    category = "style"
    severity = Severity.WARNING
    summary = "The headline is written in capital letters"
    rationale = "Headlines in capitals read as shouting and break the house style."
    help = "Write the headline in sentence case."
    examples = {
        "bad": ["JAPAN WOOS US INVESTORS\n\nKishida spoke in Washington.\n"],
        "good": ["Japan woos US investors\n\nKishida spoke in Washington.\n"],
    }

    def check(self, doc, ctx):
        headline = doc.headline
        if headline is None:
            return
        text = doc.block_text(headline)
        letters = [char for char in text if char.isalpha()]
        if len(letters) >= 8 and all(char.isupper() for char in letters):
            ctx.report(headline.start, headline.end, "The headline is in capital letters")


@hookimpl
def newslint_rules():
    return [ShoutingHeadline()]


@hookimpl
def newslint_rule_dirs():
    return [Path(__file__).parent / "rules"]


@hookimpl
def newslint_formatters():
    return {ChecklistFormatter.name: ChecklistFormatter}
