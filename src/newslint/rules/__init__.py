"""The built-in Python rules, grouped by category."""

from __future__ import annotations

from newslint.rule import Rule


def builtin_rules() -> list[Rule]:
    from newslint.rules.body_junk import InlineFurniture, PhotoCaption, TeaserHeadline
    from newslint.rules.claims import (
        DroppedHedge, MisattributedStatement, UncheckedFigure, UnsupportedClaim, WeaselAttribution,
    )
    from newslint.rules.figures import ConversionMismatch, FigureMismatch, InconsistentFigures
    from newslint.rules.filler import ListicleScaffolding
    from newslint.rules.glued import GluedArticle, RunTogetherParagraphs
    from newslint.rules.link_status import DeadLink, UnreachableLink
    from newslint.rules.links import (
        IrrelevantReference, LinkDomainMismatch, MalformedUrl, PlaceholderLink, UnlinkedSources, UnlistedSource,
    )
    from newslint.rules.notes import NOTE_RULES
    from newslint.rules.spam_tail import SpamTail
    from newslint.rules.structure import MissingHeadline, RepeatedHeadline, StartsMidStory

    rules = (
        RepeatedHeadline, TeaserHeadline, PhotoCaption, GluedArticle, MissingHeadline, StartsMidStory,
        RunTogetherParagraphs, InlineFurniture, SpamTail,
        MalformedUrl, PlaceholderLink, LinkDomainMismatch, UnlinkedSources, IrrelevantReference, UnlistedSource,
        DeadLink, UnreachableLink, FigureMismatch, ConversionMismatch, InconsistentFigures,
        UnsupportedClaim, WeaselAttribution, MisattributedStatement, DroppedHedge, UncheckedFigure,
        ListicleScaffolding, *NOTE_RULES,
    )
    return [rule() for rule in rules]
