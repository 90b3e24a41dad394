"""The rule API: metadata, examples, and the context a rule reports through.

A rule is an object with metadata and a ``check(doc, ctx)`` method. Python rules
subclass Rule and set the metadata as class attributes; YAML rules are instances of a
rule kind with the metadata read from the file. Both are used the same way.

Example of a Python rule::

    class ShoutingHeadline(Rule):
        code = "EX101"
        name = "shouting-headline"
        category = "style"
        severity = Severity.WARNING
        summary = "Headline written in capitals"
        examples = {"bad": ["JAPAN WOOS INVESTORS\\n\\nBody."], "good": ["Japan woos investors\\n\\nBody."]}

        def check(self, doc, ctx):
            headline = doc.headline
            if headline and doc.block_text(headline).isupper():
                ctx.report(headline.start, headline.end, "The headline is in capitals")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import regex

from newslint.diagnostics import CATEGORIES, Diagnostic, Fix, Severity
from newslint.errors import UserError

if TYPE_CHECKING:
    from newslint.document import Document

CODE_PATTERN = regex.compile(r"[A-Z]{2,5}[0-9]{3,4}")
NAME_PATTERN = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Example:
    """An article a rule must flag (bad) or leave alone (good).

    ``text`` may be bytes for rules about undecodable input. ``format`` is "text" or
    "markdown". ``facts`` is a fact file's content, ``rules`` extra YAML rule packs
    (as text) that the example needs, e.g. a rule for a timeout note to time out.
    ``links`` stands in for the online check: URL -> "dead: HTTP 404", "alive: HTTP 200".
    """

    text: str | bytes
    format: str = "text"
    facts: Mapping[str, Any] | None = None
    rules: str | None = None
    links: Mapping[str, str] | None = None

    @property
    def filename(self) -> str:
        return "example.md" if self.format == "markdown" else "example.txt"

    @classmethod
    def coerce(cls, value: Example | str | bytes | Mapping[str, Any]) -> Example:
        if isinstance(value, Example):
            return value
        if isinstance(value, (str, bytes)):
            return cls(value)
        return cls(**dict(value))


class Rule:
    """Base class of every rule. Subclasses set the metadata and implement check()."""

    code: str = ""
    name: str = ""
    category: str = ""
    severity: Severity = Severity.WARNING
    summary: str = ""
    rationale: str = ""
    help: str = ""
    examples: Mapping[str, Sequence[Any]] = {}
    fixable: bool = False
    enabled_by_default: bool = True
    origin: str = "newslint"  # who provides the rule: newslint, a plugin, or a YAML file
    # Selectors of findings this rule's findings make redundant: a finding they match that
    # lies wholly inside one of this rule's findings is dropped (a spam tail and the
    # phrase-level findings inside it are one problem, not several).
    supersedes: tuple[str, ...] = ()
    # Set on rules that only the pipeline emits (decode errors, unused suppressions...).
    pipeline_note: ClassVar[bool] = False

    def check(self, doc: Document, ctx: RuleContext) -> None:
        raise NotImplementedError(f"{type(self).__name__} does not implement check()")

    def example_list(self, kind: str) -> list[Example]:
        return [Example.coerce(value) for value in self.examples.get(kind, ())]

    def __repr__(self) -> str:
        return f"<Rule {self.code} {self.name}>"


def validate_metadata(rule: Rule, where: str) -> None:
    """Raise UserError when a rule's metadata breaks the contract."""
    problems = []
    if not CODE_PATTERN.fullmatch(rule.code or ""):
        problems.append(f"code {rule.code!r} is not 2-5 capitals and 3-4 digits (like NL201)")
    if not NAME_PATTERN.fullmatch(rule.name or ""):
        problems.append(f"name {rule.name!r} is not lower-case words joined by hyphens")
    if rule.category not in CATEGORIES:
        problems.append(f"category {rule.category!r} is not one of {', '.join(CATEGORIES)}")
    if not isinstance(rule.severity, Severity):
        problems.append(f"severity {rule.severity!r} is not a Severity")
    if not rule.summary:
        problems.append("summary is missing")
    if problems:
        raise UserError(f"rule {rule.code or rule!r} from {where}: " + "; ".join(problems))


@dataclass
class RuleContext:
    """What a rule sees besides the document, and where it reports.

    One context serves one rule on one document.
    """

    doc: Document
    rule: Rule
    severity_override: Severity | None = None  # from config: replaces every finding's severity
    facts: Any = None
    lexicons: Mapping[str, Any] = field(default_factory=dict)
    regex_timeout: float = 1.0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reference_date: dt.date | None = None  # --date, for relative dates
    link_status: Mapping[str, Any] | None = None  # URL -> LinkStatus, only with --check-links
    needles: Any = None  # the run's token rules' needles (kinds.needles.SharedNeedles), for Alternation.plan

    def report(
        self,
        start: int,
        end: int,
        message: str,
        *,
        severity: Severity | None = None,
        help: str | None = None,
        evidence: str | None = None,
        fix: Fix | None = None,
    ) -> None:
        """Report a finding over text[start:end].

        ``severity`` lowers or raises this one finding from the rule's default (a rule
        may report weaker signals at info); a severity set in config wins over both.
        """
        doc = self.doc
        if end < start:
            start, end = end, start
        line, column = doc.position(start)
        end_line, end_column = doc.end_position(end) if end > start else (line, column)
        rule = self.rule
        self.diagnostics.append(
            Diagnostic(
                path=doc.path,
                start=start,
                end=end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                code=rule.code,
                name=rule.name,
                category=rule.category,
                severity=self.severity_override or severity or rule.severity,
                message=message,
                help=help or rule.help or None,
                evidence=evidence,
                fix=fix,
                context=_context(doc, line, end_line),
            )
        )


def _context(doc: Document, line: int, end_line: int) -> dict[int, str]:
    """The source lines a text report shows: first and last line of the span."""
    lines = {line: doc.line_text(line)}
    if end_line != line:
        lines[end_line] = doc.line_text(end_line)
    return lines
