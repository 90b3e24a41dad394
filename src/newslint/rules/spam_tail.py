"""NL2xx: page furniture after the end of the article."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.edits import removal_fix
from newslint.rule import Rule
from newslint.tails import analyse

_COMMENT_FORM_TAIL = (
    "Japan seeks US investment in chips\n\n"
    "Prime Minister Fumio Kishida appealed to American executives on Tuesday to invest in Japan.\n\n"
    "He said any investment would flow both ways, and that Japan welcomed cooperation in AI.\n\n"
    "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n"
)


class SpamTail(Rule):
    code = "NL201"
    name = "spam-tail"
    category = "spam-tail"
    severity = Severity.ERROR
    summary = "Page furniture after the end of the article: comment forms, share bars, related links, footers"
    rationale = (
        "Scraped and syndicated articles drag the rest of the page along: share bars, 'Related' and "
        "'Most popular' lists, newsletter sign-ups, comment forms, author blurbs, copyright footers, link "
        "farms. Every line is scored for how much it looks like furniture (lexicons in rules/tails.yaml) "
        "against how much it reads like prose, and the tail is the end of the article whose lines add up "
        "to furniture; a story that mentions cookies or comments is not cut. The whole tail is one "
        "finding, an error: it is never part of the story."
    )
    help = "Delete everything from this line to the end."
    fixable = True
    supersedes = ("spam-tail", "link")  # the tail goes, links and all
    examples = {
        "bad": [
            _COMMENT_FORM_TAIL,
            "Kishida woos US investors\n\nThe prime minister spoke to executives in Washington on Tuesday about "
            "chips and AI.\n\nShare this:\nFacebook\nTwitter\nWhatsApp\nRelated\nMost Popular\n1\n"
            "Japan ends negative rates\n2\n© 2024 Example News. All rights reserved.\n",
        ],
        "good": [
            "Kishida woos US investors\n\nThe prime minister spoke to executives in Washington on Tuesday.\n\n"
            "Regulators said the company would stop using third-party cookies next year, and readers can "
            "leave comments on the proposal until May.\n",
        ],
    }

    def check(self, doc, ctx):
        tail = analyse(doc, ctx.lexicons).tail
        if tail is None:
            return
        start = doc.lines[tail.first_line - 1][0]
        end = doc.lines[tail.last_line - 1][1]
        lines = f"line {tail.first_line}" if tail.first_line == tail.last_line else \
            f"lines {tail.first_line}-{tail.last_line}"
        kinds = ", ".join(tail.kinds) or "page furniture"
        ctx.report(
            start, end, f"Spam tail after the end of the article ({lines}): {kinds}",
            fix=removal_fix(doc, start, end, "Delete the spam tail"),
        )
