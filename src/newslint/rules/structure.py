"""NL1xx structure rules written in Python."""

from __future__ import annotations

from functools import lru_cache

import regex

from newslint.diagnostics import Severity
from newslint.edits import removal_fix
from newslint.rule import Rule
from newslint.structure import BlockKind
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
    supersedes = ("NL102", "NL103")
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


class MissingHeadline(Rule):
    code = "NL107"
    name = "missing-headline"
    category = "structure"
    severity = Severity.WARNING
    summary = "The article has no headline: it opens with a paragraph"
    rationale = (
        "A headline is the first block: a line that reads as a title (no closing full stop), a Markdown "
        "heading, or the front matter's title. An article that opens with a full paragraph has lost it, "
        "usually in export or scraping."
    )
    help = "Add the headline as the first line."
    examples = {
        "bad": ["Japan and the United States are now preparing for closer economic ties, officials said.\n\n"
                "Prime Minister Fumio Kishida said Japan welcomes American collaboration.\n"],
        "good": ["Japan courts US investors\n\nPrime Minister Fumio Kishida said Japan welcomes American "
                 "collaboration.\n",
                 {"text": "---\ntitle: Japan courts US investors\n---\n\nKishida said Japan welcomes "
                          "investment.\n\nHe spoke on Tuesday.\n", "format": "markdown"}],
    }

    def check(self, doc, ctx):
        if doc.headline is not None or doc.field("title") or len(doc.blocks) < 2:
            return
        first = doc.blocks[0]
        line_end = doc.lines[doc.line_of(first.start) - 1][1]
        ctx.report(first.start, min(first.end, line_end), "The article has no headline: it opens with a paragraph")


class StartsMidStory(Rule):
    code = "NL108"
    name = "starts-mid-story"
    category = "structure"
    severity = Severity.WARNING
    summary = "The article starts mid-sentence or mid-story"
    rationale = (
        "A first paragraph that opens in lower case, with an ellipsis, or with a connective such as "
        "'And', 'But' or 'Meanwhile' continues something the reader never saw: the start of the article "
        "was lost in export or scraping. The connectives are the lexicon 'mid-story-openers' in "
        "rules/structure.yaml (English; add other languages in a pack of your own)."
    )
    help = "Restore the beginning of the article, or rewrite the opening so that it stands on its own."
    examples = {
        "bad": ["Japan courts tech investors\n\nAnd in the latest move, Microsoft pledged $2.9 billion.\n",
                "Japan courts tech investors\n\nwhich is why the prime minister flew to Washington.\n"],
        "good": ["Japan courts tech investors\n\nMicrosoft pledged $2.9 billion this week.\n\nAnd more may come.\n"],
    }

    def check(self, doc, ctx):
        first = next((block for block in doc.body_blocks if block.kind == BlockKind.PARAGRAPH), None)
        if first is None:
            return
        text = doc.block_text(first)
        opener = _mid_story_opener(text, ctx.lexicons.get("mid-story-openers", ()))
        if opener:
            ctx.report(first.start, first.start + len(opener),
                       f"The article starts mid-story: its first paragraph opens with '{opener}'")


_FIRST_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")


@lru_cache(maxsize=16)
def _connectives_pattern(connectives: tuple[str, ...]) -> regex.Pattern | None:
    """The connectives, longest first, as one pattern: it takes the first one that matches.

    One compiled pattern per lexicon, not one pattern lookup per connective per article.
    """
    ordered = sorted(connectives, key=len, reverse=True)
    if not ordered:
        return None
    return regex.compile("(?:" + "|".join(regex.escape(c) for c in ordered) + r")(?=[\s,])", regex.IGNORECASE)


def _mid_story_opener(text: str, connectives) -> str | None:
    """What shows that a first paragraph continues something: a connective, lower case, '...'."""
    stripped = text.lstrip("“\"‘'(")
    offset = len(text) - len(stripped)
    if stripped.startswith(("...", "…")):
        return text[: offset + (3 if stripped.startswith("...") else 1)]
    first_word = _FIRST_WORD.match(stripped)
    if first_word is None:
        return None
    if first_word.group()[0].islower():
        return text[: offset + first_word.end()]
    pattern = _connectives_pattern(tuple(connectives))
    found = pattern.match(stripped) if pattern else None
    return text[: offset + found.end()] if found else None
