"""NL1xx: text from two places run together (two articles glued, two paragraphs fused)."""

from __future__ import annotations

import re
from collections import Counter

import regex

from newslint.diagnostics import Severity
from newslint.rule import Rule
from newslint.tail_evidence import STRONG_PROSE, words_in
from newslint.tails import MIN_STRONGEST_LINE, MIN_TAIL_SCORE, analyse
from newslint.textutil import NOT_PLAIN, ends_like_sentence

# Furniture that only ends a page: a run of it means the article before it is over.
END_OF_PAGE_KINDS = frozenset({
    "comment form", "copyright footer", "site footer", "cookie notice", "newsletter sign-up", "legal notice",
})
# Paragraphs needed right before the furniture and right after the new headline.
MIN_PARAGRAPHS = 2

_FUSED = regex.compile(r"\b(?P<left>\p{Lu}{2,}|\p{Ll}{2,})(?P<right>\p{Lu}\p{Ll}{2,})\b")
_WORDS = regex.compile(r"\b\w+\b")
# What every _FUSED match holds, in plain text (see textutil.NOT_PLAIN): a letter, then a
# capital and two small letters.
_FUSED_PLAIN = re.compile(r"[A-Za-z][A-Z][a-z]{2}")

_GLUED_EXAMPLE = (
    "Japan courts US investors\n\nPrime Minister Fumio Kishida appealed to American executives on Tuesday.\n\n"
    "He said any investment would flow both ways between the two countries.\n\n"
    "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n"
    "© 2024 Example News. All rights reserved.\n\nFlood warnings issued across northern Europe\n\n"
    "Heavy rain caused rivers to burst their banks across the region on Sunday night.\n\n"
    "Emergency services evacuated hundreds of residents from low-lying villages along the river.\n"
)


class GluedArticle(Rule):
    code = "NL106"
    name = "glued-article"
    category = "structure"
    severity = Severity.WARNING
    summary = "Two articles glued together: page furniture, then a new headline and body"
    rationale = (
        "Scrapers that follow 'next article' links, and careless copy-paste, join two pages into one "
        "file. The sign is a run of end-of-page furniture (a comment form, a footer, a copyright line) "
        "right after two paragraphs, ending in a headline that is followed right away by two more "
        "paragraphs. A box of related links inside an article has no footer in it, and a list of teasers "
        "with one-line descriptions has no paragraphs back to back; neither is reported."
    )
    help = "Split the file: the text from this headline on is another article."
    examples = {"bad": [_GLUED_EXAMPLE], "good": [_GLUED_EXAMPLE.split("Leave a Reply")[0]]}

    def check(self, doc, ctx):
        items = [item for item in analyse(doc, ctx.lexicons).evidence if not item.blank]
        runs = []  # (first index, last index) of runs of lines that are not long prose
        start = None
        for index, item in enumerate(items):
            if item.score > STRONG_PROSE:
                start = index if start is None else start
            elif start is not None:
                runs.append((start, index - 1))
                start = None
        for first, last in runs:
            run = items[first:last + 1]
            headline = run[-1]
            text = doc.line_text(headline.line).strip()
            before = items[max(0, first - MIN_PARAGRAPHS):first]
            after = items[last + 1:last + 1 + MIN_PARAGRAPHS]
            furniture = sum(item.score for item in run if item.score > 0)
            if (_all_prose(before) and _all_prose(after)
                    and furniture >= MIN_TAIL_SCORE and max(item.score for item in run) >= MIN_STRONGEST_LINE
                    and any(item.kind in END_OF_PAGE_KINDS for item in run)
                    and headline.score <= 0.5 and words_in(text) >= 3 and not ends_like_sentence(text)):
                start_offset, end_offset = doc.lines[headline.line - 1]
                ctx.report(start_offset, end_offset,
                           f"A second article starts here: page furniture on lines {run[0].line}-"
                           f"{run[-2].line if len(run) > 1 else run[0].line} ends the first one")


def _all_prose(items) -> bool:
    """MIN_PARAGRAPHS lines, all of them long prose (an article's paragraphs, back to back)."""
    return len(items) == MIN_PARAGRAPHS and all(item.score <= STRONG_PROSE for item in items)


class RunTogetherParagraphs(Rule):
    code = "NL109"
    name = "run-together-paragraphs"
    category = "structure"
    severity = Severity.WARNING
    summary = "Two sentences or paragraphs fused with no space between them ('told CNNJapan once')"
    rationale = (
        "When line breaks are lost in an export, the last word of one paragraph fuses with the first of "
        "the next: 'the chipmaker previously told CNNJapan once dominated'. A fused word is reported when "
        "both halves also stand alone elsewhere in the article, which tells a fusion from a brand written "
        "in camel case (YouTube, PlayStation, SoftBank)."
    )
    help = "Put the missing full stop and paragraph break between the two words."
    examples = {
        "bad": ["Japan courts investors\n\nThe chipmaker previously told CNNJapan once dominated the industry.\n\n"
                "Japan said so. CNN reported it.\n"],
        "good": ["Japan courts investors\n\nThe company spoke to YouTube creators and PlayStation fans.\n\n"
                 "You can watch it on the Tube.\n"],
    }

    def check(self, doc, ctx):
        prose = doc.prose
        if not NOT_PLAIN.search(prose) and not _FUSED_PLAIN.search(prose):
            return  # no letter runs into a capitalised word anywhere: nothing can be fused
        words = None  # counted at the first fused word: most articles have none
        for block in doc.body_blocks:
            for found in _FUSED.finditer(prose, block.start, block.end):
                left, right = found.group("left"), found.group("right")
                if words is None:
                    words = Counter(_WORDS.findall(prose))
                if words[left] and words[right]:
                    ctx.report(found.start(), found.end(),
                               f"'{found.group()}' looks like two paragraphs run together ('{left}' + '{right}')")
