"""NL5xx: check-worthy claims with nothing behind them.

What a signal is worth (the severity calibration, also in each rule's rationale):

    warning  an absolute ("banned all", "Every major chipmaker ..."), a sweeping consensus
             ("everyone agrees"), a prediction with a figure or a date ("will double ...
             by 2030"), a weasel attribution ("experts say"), a hedge the source keeps and
             the article drops, a goal attributed to someone who said something else
    info     a superlative ("largest"), a general prediction ("will pave the way"), any
             of the above when the sentence hedges it, anonymous but conventional sourcing
             ("people familiar with the matter"), and (NL505) a figure no fact covers,
             only when a fact file is in use
    nothing  attributed sentences (quoted, or with a named source), sentences a fact
             covers, and ordinary background
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from newslint.article_figures import reference_date, sentence_figures
from newslint.attribution import Attribution, attributions
from newslint.diagnostics import Severity
from newslint.document import Document, Sentence
from newslint.lexicon_cache import built_from
from newslint.quantities import same_figure
from newslint.rule import Rule
from newslint.structure import BlockKind
from newslint.tails import analyse
from newslint.textutil import PlainFastPattern, PrefilteredPattern, lowered_plain, starts_pattern

# Kinds of claim, strongest first, with their label and their severity when unhedged.
CLAIM_KINDS = {
    "absolute": ("absolute claim", Severity.WARNING),
    "consensus": ("sweeping consensus", Severity.WARNING),
    "prediction": ("prediction", Severity.INFO),  # a warning with a figure or a date: see _assess
    "superlative": ("superlative", Severity.INFO),
}
FIGURE_KINDS = frozenset({"money", "count", "percent", "points"})
MIN_COUNTED = 100  # "the two nations" is not a figure worth checking; "1,200 unicorns" is
ANONYMOUS_BUT_CONVENTIONAL = regex.compile(r"familiar with|knowledge of the matter", regex.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    kind: str  # a CLAIM_KINDS key, or "figure"
    text: str
    start: int
    end: int
    severity: Severity | None  # None: not worth reporting

    @property
    def label(self) -> str:
        return CLAIM_KINDS[self.kind][0] if self.kind in CLAIM_KINDS else "figure"


class ClaimReader:
    def __init__(self, lexicons: Mapping[str, Any]):
        signals = lexicons.get("claim-signals", {})
        self.signals = [(kind, _compiled(signals.get(kind, ()))) for kind in CLAIM_KINDS]
        self.goals = _compiled(lexicons.get("goal-markers", ()))
        # Most sentences hold no signal at all: one test for the words of all four rules them out.
        needed = [pattern.literals for _, pattern in self.signals if pattern is not None]
        self.any_signal = starts_pattern(frozenset().union(*needed)) \
            if needed and all(literals is not None for literals in needed) else None

    def strongest(self, doc: Document, sentence: Sentence, attribution: Attribution, figures) -> Claim | None:
        """The strongest check-worthy claim of a sentence, with the severity it is worth."""
        prose = doc.prose
        claims = [_assess(kind, found, figures, attribution)
                  for kind, pattern in self.signals if pattern is not None
                  for found in [pattern.search(prose, sentence.start, sentence.end)] if found] \
            if self._may_signal(prose, sentence) else []
        if claims:  # the most severe; of equals, the first in the sentence ("Everyone agrees ... never")
            return min(claims, key=lambda claim: (-(claim.severity or 0), claim.start))
        stated = _stated_figures(figures)
        if stated:
            return Claim("figure", stated[0].text, stated[0].start, stated[0].end,
                         _weaker(Severity.INFO, attribution))
        return None

    def _may_signal(self, prose: str, sentence: Sentence) -> bool:
        if self.any_signal is None:
            return True
        lowered = lowered_plain(prose, sentence.start, sentence.end)
        return lowered is None or bool(self.any_signal.search(lowered))

    def goal(self, prose: str, sentence: Sentence):
        return self.goals.search(prose, sentence.start, sentence.end) if self.goals else None


def _stated_figures(figures) -> list:
    """Figures worth checking: amounts, percentages, counts of 100 or more ('the two nations' is not one)."""
    return [q for q in figures if q.kind in FIGURE_KINDS and (q.kind != "count" or q.value >= MIN_COUNTED)]


def _assess(kind: str, found, figures, attribution: Attribution) -> Claim:
    label, severity = CLAIM_KINDS[kind]
    if kind == "prediction" and (_stated_figures(figures) or any(q.kind in ("year", "month", "duration")
                                                                 for q in figures)):
        severity = Severity.WARNING  # "will double ... by 2030", "within five years": specific enough to check
    return Claim(kind, " ".join(found.group().split()), found.start(), found.end(), _weaker(severity, attribution))


def _weaker(severity: Severity, attribution: Attribution) -> Severity | None:
    """A hedged claim is worth one level less; a hedged info is not worth reporting."""
    if not attribution.hedge:
        return severity
    return Severity.INFO if severity == Severity.WARNING else None


def _compiled(entries) -> PrefilteredPattern | None:
    body = "|".join(f"(?:{entry})" for entry in sorted(entries, key=len, reverse=True))
    if not body:
        return None
    return PrefilteredPattern(PlainFastPattern(rf"(?<![\w-])(?:{body})(?![\w-])", regex.IGNORECASE | regex.MULTILINE))


def claim_reader(lexicons: Mapping[str, Any]) -> ClaimReader:
    return built_from(lexicons, ClaimReader)


def article_sentences(doc: Document, ctx) -> Iterator[tuple[Sentence, Attribution, tuple]]:
    """Sentences of the article's paragraphs (not headlines, captions or the spam tail),
    with their attribution and their figures (read once per document for all NL5xx rules)."""
    reference = reference_date(doc, ctx.reference_date, ctx.facts)
    memo = doc.__dict__.setdefault("_article_sentences", {})
    key = (id(ctx.lexicons), reference)
    if key not in memo:
        memo[key] = (ctx.lexicons, list(_article_sentences(doc, ctx.lexicons, reference)))
    return iter(memo[key][1])


def _article_sentences(doc: Document, lexicons, reference) -> Iterator[tuple[Sentence, Attribution, tuple]]:
    tail = analyse(doc, lexicons)
    figures = {item.sentence.start: item.quantities for item in sentence_figures(doc, reference)}
    for sentence, attribution in zip(doc.sentences, attributions(doc, lexicons)):
        if sentence.block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        if tail.in_tail(doc.line_of(sentence.start)):
            continue
        yield sentence, attribution, figures.get(sentence.start, ())


def _covered(doc: Document, sentence: Sentence, ctx) -> bool:
    """Whether a fact in the fact file (or a reference article) applies to the sentence."""
    facts = ctx.facts.applicable(doc.prose) if ctx.facts is not None else ()
    return any(fact.matches(doc.prose, sentence.start, sentence.end) is not None for fact in facts)


class UnsupportedClaim(Rule):
    code = "NL501"
    name = "unsupported-claim"
    category = "claim"
    severity = Severity.WARNING
    summary = "A check-worthy claim with no source and nothing in the fact file behind it"
    rationale = (
        "A sentence that states something check-worthy in the article's own voice needs a source. Quoted "
        "sentences, sentences with a reporting verb and a named source ('Kishida said', 'according to the IMD "
        "report'), and sentences a fact covers are fine. Warnings go to what an editor must check: absolutes "
        "('banned all', 'Every major chipmaker ...'), sweeping consensus ('everyone agrees'), and predictions "
        "with a figure or a date ('will double ... by 2030'). Superlatives, general predictions and any hedged "
        "claim ('reportedly', 'is expected to') are info. Figures no fact covers are NL505. Ordinary background ('Both are eyeing regional threats') is not reported. "
        "The signals are the lexicon 'claim-signals' in rules/claims.yaml."
    )
    help = "Name the source, attribute the claim, or add it to the fact file once checked."
    examples = {
        "bad": [
            "Chip rivalry\n\nChina banned all the American semiconductor companies from its market.\n",
            "Chip rivalry\n\nEvery major chipmaker now wants a factory in Japan.\n",
        ],
        "good": [
            "Chip rivalry\n\nAccording to the industry ministry, every major chipmaker now wants a factory in Japan.\n",
            "Chip rivalry\n\nBoth are eyeing regional threats from North Korea's weapons tests.\n",
        ],
    }

    def check(self, doc, ctx):
        reader = claim_reader(ctx.lexicons)
        for sentence, attribution, figures in article_sentences(doc, ctx):
            if attribution.kind is not None:
                continue  # attributed, or a weasel (NL502)
            claim = reader.strongest(doc, sentence, attribution, figures)
            if claim is None or claim.severity is None or claim.kind == "figure":
                continue  # figures: NL505
            if claim.severity == Severity.INFO and _covered(doc, sentence, ctx):
                continue
            ctx.report(claim.start, claim.end, f"{claim.label} without a source: '{claim.text}'",
                       severity=claim.severity)


class UncheckedFigure(Rule):
    code = "NL505"
    name = "unchecked-figure"
    category = "claim"
    severity = Severity.INFO
    summary = "A figure stated in the article's own voice that no fact in the fact file covers"
    rationale = (
        "With a fact file in use, an amount, a percentage or a count of 100 or more that no fact covers and "
        "no source is given for is a figure nobody has checked. Reporters state figures in their own voice "
        "all the time, so this is info, a list for the fact-checker rather than a defect; it runs only when a "
        "fact file (or a reference article) is in use, and is easy to switch off with --ignore NL505. "
        "A sentence with a stronger signal (an absolute, a prediction) is NL501's."
    )
    help = "Add the figure to the fact file once checked, or name its source."
    examples = {
        "bad": [{"text": "Chip plans\n\nThe plant will employ 1,500 people.\n",
                 "facts": {"facts": [{"id": "plant-cost", "claim": "The plant costs $8.6 billion.",
                                      "about": ["cost"], "value": "8.6 billion USD"}]}}],
        "good": [{"text": "Chip plans\n\nThe plant will employ 1,500 people, the company said.\n",
                  "facts": {"facts": [{"id": "plant-cost", "claim": "The plant costs $8.6 billion.",
                                       "about": ["cost"], "value": "8.6 billion USD"}]}}],
    }

    def check(self, doc, ctx):
        if ctx.facts is None or not ctx.facts.facts:
            return
        reader = claim_reader(ctx.lexicons)
        for sentence, attribution, figures in article_sentences(doc, ctx):
            if attribution.kind is not None:
                continue
            claim = reader.strongest(doc, sentence, attribution, figures)
            if claim is None or claim.kind != "figure" or claim.severity is None:
                continue
            if _covered(doc, sentence, ctx):
                continue
            ctx.report(claim.start, claim.end, f"figure no fact covers, stated without a source: '{claim.text}'")


class WeaselAttribution(Rule):
    code = "NL502"
    name = "weasel-attribution"
    category = "claim"
    severity = Severity.WARNING
    summary = "A claim attributed to nobody in particular ('experts say', 'some believe')"
    rationale = (
        "'Experts say', 'analysts say', 'some believe', 'it is widely believed' look like attribution but name "
        "no one a reader could check, so they count as no attribution and are named as such (a warning). "
        "Anonymous sourcing that follows the conventions of news agencies ('people familiar with the "
        "matter') is reported at info: an editor should know, but it is often legitimate. The subjects and "
        "phrases are the lexicons 'weasel-subjects' and 'weasel-phrases' in rules/claims.yaml."
    )
    help = "Name the experts, analysts or sources, or drop the claim."
    supersedes = ("NL501",)
    examples = {
        "bad": ["Chip plans\n\nAnalysts say the plant will double Japan's chip output by 2030.\n",
                "Chip plans\n\nIt is widely believed that regulators will not object.\n"],
        "good": ["Chip plans\n\nAnalysts at Nomura said the plant will double Japan's chip output by 2030.\n"],
    }

    def check(self, doc, ctx):
        reader = claim_reader(ctx.lexicons)
        for sentence, attribution, figures in article_sentences(doc, ctx):
            if attribution.kind != "weasel":
                continue
            claim = reader.strongest(doc, sentence, attribution, figures)
            message = f"weasel attribution: '{attribution.source}' names no source"
            if claim is not None:
                message += f" for a {claim.label} ('{claim.text}')"
            conventional = ANONYMOUS_BUT_CONVENTIONAL.search(attribution.source)
            ctx.report(attribution.start, attribution.end, message,
                       severity=Severity.INFO if conventional else Severity.WARNING)


class MisattributedStatement(Rule):
    code = "NL503"
    name = "misattributed-statement"
    category = "claim"
    severity = Severity.WARNING
    summary = "A goal or date attributed to someone who, by the fact file, said something else"
    rationale = (
        "Rewrites turn a hope into a promise and one goal into another: Kishida hoped 2024 would free the "
        "economy from the sentiment of deflation; a rewrite has 'Japan's hoped-for full economic recovery by "
        "2024'. A fact with 'said_by' records what someone said. When a sentence near that person's name "
        "states a goal (hoped-for, aims to, target ...) with one of the fact's dates but is not about what "
        "the fact is about, it is reported."
    )
    help = "Quote or paraphrase what was actually said, or drop the attribution."
    supersedes = ("NL501",)
    examples = {
        "bad": [{"text": "Kishida upbeat\n\nPrime Minister Kishida spoke on Tuesday. The rate hike sets the stage "
                         "for Japan's hoped-for full economic recovery by 2024.\n",
                 "facts": {"facts": [{"id": "kishida-2024", "claim": "Kishida hoped 2024 would end deflation.",
                                      "about": ["deflation"], "value": "2024", "said_by": "Kishida"}]}}],
        "good": [{"text": "Kishida upbeat\n\nPrime Minister Kishida spoke on Tuesday. He hoped 2024 would be the "
                          "year Japan leaves deflation behind.\n",
                  "facts": {"facts": [{"id": "kishida-2024", "claim": "Kishida hoped 2024 would end deflation.",
                                       "about": ["deflation"], "value": "2024", "said_by": "Kishida"}]}}],
    }

    def check(self, doc, ctx):
        facts = [fact for fact in (ctx.facts.facts if ctx.facts else ()) if fact.said_by and fact.values]
        if not facts:
            return
        reader = claim_reader(ctx.lexicons)
        prose = doc.prose
        for sentence, attribution, figures in article_sentences(doc, ctx):
            goal = reader.goal(prose, sentence)
            if goal is None or attribution.kind == "quote":
                continue
            block_text = prose[sentence.block.start:sentence.block.end]
            for fact in facts:
                if not regex.search(rf"(?<!\w){regex.escape(fact.said_by)}", block_text, regex.IGNORECASE):
                    continue
                if fact.matches(prose, sentence.start, sentence.end) is not None:
                    continue  # about what the fact is about: NL401 checks its figures
                dated = next((q for q in figures for value in fact.values
                              if q.start > goal.start() and same_figure(q, value.quantity)), None)
                if dated is None:
                    continue
                stated = " ".join(prose[goal.start():dated.end].split())
                ctx.report(sentence.start, sentence.end,
                           f"'{stated}' is attributed to {fact.said_by}, who said something else: "
                           f"{fact.claim} ({fact.origin}:{fact.line}, {fact.id})",
                           evidence=fact.claim)
                break


class DroppedHedge(Rule):
    code = "NL504"
    name = "dropped-hedge"
    category = "claim"
    severity = Severity.WARNING
    summary = "A claim the source hedges ('reportedly') stated as certain"
    rationale = (
        "When the source only says 'reportedly' (a fact with 'hedge: reportedly'), an article that states the "
        "claim as certain claims more than anyone knows: 'marking its largest-ever investment' where the "
        "source says 'It is reportedly the company's largest investment'. A sentence the fact applies to "
        "must keep a hedge (reportedly, may, is expected to ...) or quote someone."
    )
    help = "Keep the hedge ('reportedly'), or attribute the claim to whoever makes it."
    examples = {
        "bad": [{"text": "Microsoft in Japan\n\nMicrosoft announced $2.9 billion, its largest-ever investment in "
                         "Japan.\n",
                 "facts": {"facts": [{"id": "largest", "claim": "It is reportedly Microsoft's largest investment.",
                                      "about": ["largest-ever|largest investment"], "hedge": "reportedly"}]}}],
        "good": [{"text": "Microsoft in Japan\n\nIt is reportedly the company's largest investment in Japan.\n",
                  "facts": {"facts": [{"id": "largest", "claim": "It is reportedly Microsoft's largest investment.",
                                       "about": ["largest-ever|largest investment"], "hedge": "reportedly"}]}}],
    }

    def check(self, doc, ctx):
        prose = doc.prose
        facts = [fact for fact in (ctx.facts.applicable(prose) if ctx.facts else ()) if fact.hedge]
        for sentence, attribution, _ in article_sentences(doc, ctx):
            if attribution.kind == "quote" or attribution.hedge:
                continue
            for fact in facts:
                spans = fact.matches(prose, sentence.start, sentence.end)
                if spans is None or fact.hedge.lower() in sentence.text.lower():
                    continue
                start, end = spans[0]
                ctx.report(start, end,
                           f"'{prose[start:end]}' is stated as certain; the source says '{fact.hedge}' "
                           f"({fact.origin}:{fact.line}, {fact.id})",
                           evidence=fact.claim)
