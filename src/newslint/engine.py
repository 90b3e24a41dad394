"""The engine: run rules over a Document and return its findings.

No I/O and no printing: reading files, choosing rules and rendering output happen
elsewhere. A rule that raises or times out costs only its own findings on this
document; the result says the run was incomplete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newslint import suppressions
from newslint.diagnostics import CATEGORIES, Diagnostic, Severity
from newslint.document import Document
from newslint.kinds.alternation import Alternation
from newslint.kinds.needles import SharedNeedles
from newslint.rule import Rule, RuleContext
from newslint.config import DEFAULT_MAX_FILE_SIZE
from newslint.rules.notes import InternalError, InvalidSuppression, RuleTimeout, UnusedSuppression
from newslint.selection import specificity

_INTERNAL_ERROR = InternalError()
TIMEOUT_CHARS = 1_000_000  # the regex time limit is per this many characters


@dataclass
class LintSettings:
    """What the engine needs for one group of files (one config, one set of rules)."""

    rules: Sequence[Rule]  # the rules that run, in order
    known_rules: Sequence[Rule]  # every rule, to check suppression comments against
    severity: Mapping[str, Severity] = field(default_factory=dict)  # overrides by rule code
    facts: Any = None  # a FactBase: the fact file and facts drawn from reference articles
    lexicons: Mapping[str, Any] = field(default_factory=dict)
    regex_timeout: float = 1.0
    reference_date: dt.date | None = None  # --date: what relative dates are relative to
    link_status: Mapping[str, Any] | None = None  # URL -> LinkStatus: filled by --check-links before linting
    encoding: str = "auto"  # how files without a byte-order mark are decoded (config 'encoding')
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; larger files are refused unread

    def __post_init__(self) -> None:
        self.active_codes = {rule.code for rule in self.rules}
        # The token rules that run share one automaton for their needles (kinds/needles).
        self.needles = SharedNeedles(
            rule.alternation for rule in self.rules if isinstance(getattr(rule, "alternation", None), Alternation)
        )

    def runs(self, code: str) -> bool:
        return code in self.active_codes

    def timeout_for(self, doc: Document) -> float:
        """The time limit of one pattern search: the configured one per started megabyte of text.

        It is there to stop catastrophic backtracking, not honest work on a huge file.
        """
        return self.regex_timeout * max(1, -(-len(doc.text) // TIMEOUT_CHARS))

    def context(self, doc: Document, rule: Rule) -> RuleContext:
        return RuleContext(
            doc, rule, self.severity.get(rule.code), self.facts, self.lexicons, self.timeout_for(doc),
            reference_date=self.reference_date, link_status=self.link_status, needles=self.needles,
        )


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    incomplete: bool = False  # a rule crashed or timed out


def lint(doc: Document, settings: LintSettings) -> LintResult:
    diagnostics: list[Diagnostic] = []
    incomplete = False
    for rule in settings.rules:
        if rule.pipeline_note:
            continue
        ctx = settings.context(doc, rule)
        try:
            rule.check(doc, ctx)
        except TimeoutError:
            incomplete = True
            if settings.runs(RuleTimeout.code):
                note = settings.context(doc, _rule(settings, RuleTimeout.code))
                note.report(0, 0, f"rule {rule.code} ({rule.name}) ran past its {settings.timeout_for(doc):g} s "
                                  "time limit on this file; its findings here are incomplete")
                diagnostics.extend(note.diagnostics)
            continue
        except Exception as exc:  # a crashing rule must not take the others down
            incomplete = True
            crash = RuleContext(doc, _INTERNAL_ERROR)
            crash.report(0, 0, f"rule {rule.code} ({rule.name}) from {rule.origin} crashed: "
                               f"{type(exc).__name__}: {exc}")
            diagnostics.extend(crash.diagnostics)
            continue
        diagnostics.extend(ctx.diagnostics)
    diagnostics = _drop_superseded(diagnostics, settings)
    diagnostics = _apply_suppressions(doc, diagnostics, settings)
    diagnostics.sort(key=Diagnostic.sort_key)
    return LintResult(diagnostics, incomplete)


def _drop_superseded(diagnostics: list[Diagnostic], settings: LintSettings) -> list[Diagnostic]:
    """Drop findings that lie inside a broader finding of a rule that supersedes them."""
    superseding = {rule.code: rule.supersedes for rule in settings.rules if rule.supersedes}
    if not superseding:
        return diagnostics
    broad = [d for d in diagnostics if d.code in superseding]
    if not broad:
        return diagnostics

    def covered(narrow: Diagnostic) -> bool:
        return any(
            wide is not narrow and wide.code != narrow.code and wide.start <= narrow.start and narrow.end <= wide.end
            and any(specificity(selector, narrow) is not None for selector in superseding[wide.code])
            for wide in broad
        )

    return [d for d in diagnostics if not covered(d)]


def _apply_suppressions(doc: Document, diagnostics: list[Diagnostic], settings: LintSettings) -> list[Diagnostic]:
    if not doc.comments:
        return diagnostics
    def is_known(selector: str) -> bool:
        return selector in CATEGORIES or any(specificity(selector, rule) is not None for rule in settings.known_rules)

    directives, problems = suppressions.parse_directives(doc, is_known)
    kept = suppressions.apply(diagnostics, directives, _selector_matches)

    def is_active(selector: str) -> bool:
        return any(specificity(selector, rule) is not None for rule in settings.rules if not rule.pipeline_note)

    problems += suppressions.unused(directives, is_active)
    for problem in problems:
        code = UnusedSuppression.code if problem.unused else InvalidSuppression.code
        if settings.runs(code):
            note = settings.context(doc, _rule(settings, code))
            note.report(problem.comment.start, problem.comment.end, problem.message)
            kept.extend(note.diagnostics)
    return kept


def _selector_matches(selector: str, diagnostic: Diagnostic) -> bool:
    return specificity(selector, diagnostic) is not None  # a Diagnostic has code, name, category


def _rule(settings: LintSettings, code: str) -> Rule:
    return next(rule for rule in settings.rules if rule.code == code)
