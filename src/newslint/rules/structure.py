"""NL1xx structure rules written in Python."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.edits import removal_fix
from newslint.rule import Rule
from newslint.textutil import fold, word_count

class RepeatedHeadline(Rule):
    code = "NL101"
    name = "repeated-headline"
    category = "structure"
    severity = Severity.WARNING
    summary = "The headline appears again as a line of the body"
    rationale = (
        "Scrapers and CMS exports often print the headline twice: once as the title and again at the top "
        "of the body. Published as is, readers see it twice; in a corpus it skews every statistic."
    )
    help = "Delete the repeated line; the headline is already above it."
    fixable = True
    examples = {
        "bad": [
            "Japan seeks investment in AI\n\nJapan seeks investment in AI\n\nJapan is courting US firms.\n",
            {"text": "# Japan seeks investment\n\nJapan seeks investment\n\nBody.\n", "format": "markdown"},
        ],
        "good": [
            "Japan seeks investment in AI\n\nJapan seeks investment in AI, Kishida said on Tuesday.\n",
            "Japan seeks investment in AI\n\nThe prime minister spoke in Washington.\n",
        ],
    }

    def check(self, doc, ctx):
        headline = doc.headline
        if headline is None:
            return
        text = doc.block_text(headline)
        if word_count(text) < 3:
            return  # too short to tell a repeat from a coincidence
        folded = fold(text)
        headline_line = doc.line_of(headline.start)
        for block in doc.body_blocks:
            if fold(doc.block_text(block)) == folded:
                ctx.report(
                    block.start,
                    block.end,
                    f"The headline is repeated here (it is already on line {headline_line})",
                    fix=removal_fix(doc, block.start, block.end, "Delete the repeated headline"),
                )
