"""NL1xx: scraping junk inside the body of an article (teasers, captions, page furniture)."""

from __future__ import annotations

import regex

from newslint.diagnostics import Severity
from newslint.edits import removal_fix
from newslint.rule import Rule
from newslint.structure import BlockKind
from newslint.tail_evidence import words_in
from newslint.tails import analyse, scorer_for
from newslint.textutil import PrefilteredPattern, fold

# Teasers are whole headlines; subheadings are short ("Collaborate on chips").
MIN_TEASER_WORDS = 7
# Teasers stand alone or in pairs between paragraphs; longer runs of short lines are lists.
MAX_TEASER_RUN = 2
# A line scoring this much as page furniture is furniture wherever it stands.
INLINE_FURNITURE_SCORE = 2.5
# Kinds of furniture reported inside the body (cookie notices and comment forms are NL210's).
INLINE_FURNITURE_KINDS = frozenset({
    "share bar", "social links", "related links", "tag list", "newsletter sign-up", "promotion", "page chrome",
    "site footer", "legal notice",
})
# A short line standing alone in the body that has no verb-like shape: alt text of a picture.
MAX_INFERRED_CAPTION_WORDS = 5

# Searched in every one-line paragraph: the words it needs rule most of them out quickly.
_CREDIT_AT_END = PrefilteredPattern(regex.compile(
    r"(?:\b(?:photo|photograph|picture|image|credit|foto|bild)s?(?:\s+credit)?\s*:\s*[^.:]{2,60}"
    r"|\((?:image|photo)\s+credit\s*:[^)]*\)"
    r"|\b(?:getty images|shutterstock|ap photo[^)]*|reuters/\w+(?:\s\w+)?)\)?)\s*$",
    regex.IGNORECASE,
))
_OF = regex.compile(r"\bof\b")
_CAPTION_START = regex.compile(
    r"^(?:image(?: caption)?|photo(?:graph)?|picture|caption|pictured|main image|above|top)\s*:", regex.IGNORECASE
)


def _lines_of_the_body(doc, ctx):
    """(block, line evidence) for each one-line block of the body outside the spam tail."""
    analysis = analyse(doc, ctx.lexicons)
    for block in doc.body_blocks:
        line = doc.line_of(block.start)
        if not analysis.in_tail(line) and doc.line_of(block.end) == line:
            yield block, analysis.evidence[line - 1]


def _isolated(doc, block) -> bool:
    """A one-line block with blank lines (or the document's edge) right before and after it."""
    line = doc.line_of(block.start)
    before = line == 1 or not doc.line_text(line - 1).strip()
    after = line == doc.line_count or not doc.line_text(line + 1).strip()
    return before and after


class TeaserHeadline(Rule):
    code = "NL104"
    name = "teaser-headline"
    category = "structure"
    severity = Severity.WARNING
    summary = "A headline of another article inside the body (a 'read more' teaser)"
    rationale = (
        "News pages scatter headlines of other stories through an article ('Meta, IBM join new alliance to "
        "keep AI open'); scraped into text they read as stray lines. A teaser is a line that reads as a "
        "full headline (at least seven words, no closing punctuation) standing alone between paragraphs, "
        "with blank lines around it, alone or in a pair. A subheading is short ('Collaborate on chips'), "
        "set directly above its section, or a Markdown heading; list items come in longer runs; neither "
        "is reported. Removing a teaser is an unsafe fix (--unsafe-fixes): it could be a long subheading."
    )
    help = "Delete the line: it belongs to another article."
    fixable = True
    supersedes = ("NL102", "NL103")
    examples = {
        "bad": ["Japan courts tech firms\n\nMicrosoft pledged $2.9 billion to boost the nation's AI prowess.\n\n"
                "Meta, IBM join new alliance to keep AI open, but Microsoft and Google sit out\n\n"
                "Executives said Japan was a stable partner.\n"],
        "good": ["Japan courts tech firms\n\nMicrosoft pledged $2.9 billion to boost the nation's AI prowess.\n\n"
                 "Collaborate on chips\nRapidus is working with IBM to bring advanced chips to Japan.\n"],
    }

    def check(self, doc, ctx):
        analysis = analyse(doc, ctx.lexicons)
        scorer = scorer_for(ctx.lexicons)
        headline = fold(doc.block_text(doc.headline)) if doc.headline else None
        seen: dict[str, int] = {}
        blocks = doc.body_blocks
        for index, block in enumerate(blocks):
            if block.kind != BlockKind.LINE or not _between_paragraphs(doc, blocks, index):
                continue
            line = doc.line_of(block.start)
            text = doc.block_text(block)
            evidence = analysis.evidence[line - 1]
            if analysis.in_tail(line) or words_in(text) < MIN_TEASER_WORDS or text.isupper() \
                    or evidence.score >= INLINE_FURNITURE_SCORE or evidence.kind == "dates and bylines" \
                    or scorer.is_credit(text) or is_caption(text) or fold(text) == headline:
                continue
            key = fold(text)
            repeat = f" (again: it is already on line {seen[key]})" if key in seen else ""
            seen.setdefault(key, line)
            ctx.report(block.start, block.end, f"Teaser headline of another article inside the body{repeat}",
                       fix=removal_fix(doc, block.start, block.end, "Delete the teaser", safe=False))


def _between_paragraphs(doc, blocks, index: int) -> bool:
    """A standalone line in running prose: isolated by blank lines, in a run of at most
    MAX_TEASER_RUN such lines that has paragraphs on both sides. Lists, menus and
    subheadings set directly above their section do not fit."""
    first = last = index
    while first > 0 and blocks[first - 1].kind == BlockKind.LINE:
        first -= 1
    while last + 1 < len(blocks) and blocks[last + 1].kind == BlockKind.LINE:
        last += 1
    return (
        last - first + 1 <= MAX_TEASER_RUN
        and first > 0 and blocks[first - 1].kind == BlockKind.PARAGRAPH
        and last + 1 < len(blocks) and blocks[last + 1].kind == BlockKind.PARAGRAPH
        and all(_isolated(doc, blocks[position]) for position in range(first, last + 1))
    )


def is_caption(text: str) -> bool:
    return bool(_CREDIT_AT_END.search(text) or _CAPTION_START.match(text))


class PhotoCaption(Rule):
    code = "NL105"
    name = "photo-caption"
    category = "structure"
    severity = Severity.WARNING
    summary = "A photo caption or credit in the text ('... Photo: AFP', 'Flag of Japan')"
    rationale = (
        "Captions, credits and the alt text of pictures come along when a page is turned into text. A line "
        "ending in a credit ('Photo: AFP', '(Image credit: NASA)', 'Getty Images') or starting with "
        "'Image:' or 'Caption:' is reported as a warning. A short noun phrase standing alone between blank "
        "lines ('Flag of Japan') is very likely alt text, but could be a terse subheading: it is reported "
        "at info. Removing a caption is an unsafe fix (--unsafe-fixes)."
    )
    help = "Delete the caption, or move it out of the article text."
    fixable = True
    supersedes = ("NL103", "claim")
    examples = {
        "bad": [
            "Japan courts tech firms\n\nPeople walk in Tokyo's Akihabara district on Thursday. Photo: AFP\n\n"
            "Executives said Japan was a stable partner.\n",
            "Japan courts tech firms\n\nThe push underscores Japan's eagerness to bolster ties.\n\nFlag of Japan\n\n"
            "Japan is positioning itself as a destination for American investment.\n",
        ],
        "good": ["Japan courts tech firms\n\nThe photo agency AFP said its pictures were taken on Thursday.\n\n"
                 "Collaborate on chips\nRapidus is working with IBM to bring advanced chips to Japan.\n"],
    }

    def check(self, doc, ctx):
        scorer = scorer_for(ctx.lexicons)
        for block, evidence in _lines_of_the_body(doc, ctx):
            text = doc.block_text(block)
            if is_caption(text):
                ctx.report(block.start, block.end, "Photo caption or credit in the article text",
                           fix=removal_fix(doc, block.start, block.end, "Delete the caption", safe=False))
            elif self._looks_like_alt_text(doc, block, text, evidence, scorer):
                ctx.report(block.start, block.end,
                           f"'{text}' stands alone like the caption or alt text of a picture",
                           severity=Severity.INFO,
                           fix=removal_fix(doc, block.start, block.end, "Delete the caption", safe=False))

    @staticmethod
    def _looks_like_alt_text(doc, block, text, evidence, scorer) -> bool:
        return (
            block.kind == BlockKind.LINE
            and words_in(text) <= MAX_INFERRED_CAPTION_WORDS
            and not text.isupper()
            and evidence.score < 1.0  # not a menu item or a header
            and evidence.kind != "dates and bylines"
            and not scorer.is_credit(text)
            and _isolated(doc, block)
            and bool(_OF.search(text))  # "Flag of Japan", "Map of the region"
        )


class InlineFurniture(Rule):
    code = "NL110"
    name = "inline-furniture"
    category = "structure"
    severity = Severity.WARNING
    summary = "Page furniture inside the body: a share bar, a 'Related' header, a sign-up box"
    rationale = (
        "Share bars, 'Related articles' headers, newsletter boxes and 'Click here' promotions are also "
        "scattered through the body of scraped pages. A line is reported when the spam-tail evidence for "
        "it is strong on its own (it would count heavily in a tail); cookie notices and comment forms are "
        "NL210's."
    )
    help = "Delete the line."
    fixable = True
    examples = {
        "bad": ["Japan courts tech firms\n\nMicrosoft pledged $2.9 billion this week.\n\nShare this:\n\n"
                "Executives said Japan was a stable partner in the region.\n"],
        "good": ["Japan courts tech firms\n\nMicrosoft pledged $2.9 billion this week.\n\n"
                 "Executives said Japan was a stable partner in the region.\n"],
    }

    def check(self, doc, ctx):
        for block, evidence in _lines_of_the_body(doc, ctx):
            if evidence.score >= INLINE_FURNITURE_SCORE and evidence.kind in INLINE_FURNITURE_KINDS:
                ctx.report(block.start, block.end, f"Page furniture inside the article ({evidence.kind})",
                           fix=removal_fix(doc, block.start, block.end, "Delete the line", safe=False))
