"""Inline suppression comments in articles.

    <!-- newslint-disable NL201, claim -->     ... until newslint-enable (or the end)
    <!-- newslint-enable -->                   ends every open disable (or only the named)
    <!-- newslint-disable-next-line NL101 -->  only the line after the comment
    <!-- newslint-disable-file NL5 -->         the whole file

Without selectors a directive covers every rule. Selectors are codes, code prefixes,
names or categories. A directive that suppresses nothing is itself reported, and so is
one that cannot be read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import regex

from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.structure import Comment

_DIRECTIVE = regex.compile(r"newslint-(?P<verb>[A-Za-z-]+)(?P<rest>.*)", regex.DOTALL)
_VERBS = ("disable", "enable", "disable-next-line", "disable-file")


@dataclass
class Directive:
    verb: str
    selectors: list[str]
    comment: Comment
    start: int  # region of text it covers
    end: int
    used: set[str] = field(default_factory=set)  # selectors that suppressed something ("" = all)


@dataclass
class Problem:
    """A directive that could not be read, or that suppressed nothing."""

    comment: Comment
    message: str
    unused: bool  # True: unused suppression; False: invalid directive


def parse_directives(doc: Document, is_known: Callable[[str], bool]) -> tuple[list[Directive], list[Problem]]:
    directives: list[Directive] = []
    problems: list[Problem] = []
    open_regions: list[Directive] = []
    for comment in doc.comments:
        found = _DIRECTIVE.match(comment.body)
        if not found:
            continue
        verb = found.group("verb").lower()
        selectors = [part for part in regex.split(r"[\s,]+", found.group("rest").strip()) if part]
        if verb not in _VERBS:
            problems.append(Problem(comment, f"unknown directive 'newslint-{verb}' (use one of: "
                                             + ", ".join(f"newslint-{v}" for v in _VERBS) + ")", unused=False))
            continue
        unknown = [selector for selector in selectors if not is_known(selector)]
        if unknown:
            problems.append(Problem(comment, f"unknown rule {', '.join(map(repr, unknown))} in newslint-{verb}",
                                    unused=False))
            selectors = [selector for selector in selectors if selector not in unknown]
            if not selectors:
                continue
        if verb == "disable-file":
            directives.append(Directive(verb, selectors, comment, 0, len(doc.text)))
        elif verb == "disable-next-line":
            next_line = doc.line_of(comment.end) + 1
            if next_line <= doc.line_count:
                start, end = doc.lines[next_line - 1]
                directives.append(Directive(verb, selectors, comment, start, end + 1))
        elif verb == "disable":
            directive = Directive(verb, selectors, comment, comment.end, len(doc.text))
            directives.append(directive)
            open_regions.append(directive)
        else:  # enable
            for directive in list(open_regions):
                if not selectors or set(directive.selectors) & set(selectors) or not directive.selectors:
                    directive.end = comment.start
                    open_regions.remove(directive)
    return directives, problems


def apply(
    diagnostics: Iterable[Diagnostic],
    directives: list[Directive],
    matches: Callable[[str, Diagnostic], bool],
) -> list[Diagnostic]:
    """The diagnostics no directive covers; marks which directive selectors were used."""
    kept = []
    for diagnostic in diagnostics:
        suppressed = False
        for directive in directives:
            if not directive.start <= diagnostic.start < directive.end:
                continue
            if not directive.selectors:
                directive.used.add("")
                suppressed = True
                continue
            for selector in directive.selectors:
                if matches(selector, diagnostic):
                    directive.used.add(selector)
                    suppressed = True
        if not suppressed:
            kept.append(diagnostic)
    return kept


def unused(directives: list[Directive], is_active: Callable[[str], bool]) -> list[Problem]:
    """Directives, or selectors of them, that suppressed nothing (among rules that ran)."""
    problems = []
    for directive in directives:
        if not directive.selectors:
            if "" not in directive.used:
                problems.append(Problem(directive.comment, f"unused suppression: newslint-{directive.verb} "
                                                           "suppressed no finding", unused=True))
            continue
        idle = [s for s in directive.selectors if s not in directive.used and is_active(s)]
        if idle:
            problems.append(Problem(directive.comment, f"unused suppression: {', '.join(idle)} suppressed no "
                                                       f"finding in newslint-{directive.verb}", unused=True))
    return problems
