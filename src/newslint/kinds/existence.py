"""existence: report every occurrence of a phrase or pattern in a scope."""

from __future__ import annotations

import regex

from newslint.kinds.base import YamlRule, alternation, compile_pattern, phrase_pattern, token_alternation
from newslint.textutil import squash


class ExistenceRule(YamlRule):
    """Flags each match of ``tokens`` (literal phrases) or ``patterns`` (regexes).

    Keys: tokens, patterns, ignorecase (default true), word-boundaries (default true),
    exceptions (phrases: a match inside one of them is not reported), first-only (report
    only the first match in each segment of the scope; default false).
    Message placeholders: {match}.
    """

    KIND = "existence"
    KEYS = ("tokens", "patterns", "ignorecase", "word-boundaries", "exceptions", "first-only")
    PLACEHOLDERS = ("match",)

    def compile(self, spec):
        ignorecase = spec.bool("ignorecase", True)
        word_boundaries = spec.bool("word-boundaries", True)
        self.alternation = token_alternation(spec, ignorecase, word_boundaries)
        self.first_only = spec.bool("first-only", False)
        exceptions = spec.str_list("exceptions")
        self.exceptions = None
        if exceptions:
            source = alternation([phrase_pattern(text) for text, _ in exceptions], word_boundaries=False)
            flags = regex.IGNORECASE if ignorecase else 0
            self.exceptions = compile_pattern(spec, "exceptions", source, spec.line("exceptions"), flags)

    def check(self, doc, ctx):
        text = self.scope.text(doc)
        plan = self.alternation.plan(text, ctx.needles)
        if plan is None:
            return
        for start, end in self.scope.segments(doc):
            excepted = None
            for _, match in plan.finditer(start, end, ctx.regex_timeout):
                if self.exceptions is not None:
                    if excepted is None:
                        excepted = [m.span() for m in self.exceptions.finditer(text, start, end)]
                    if any(a <= match.start() and match.end() <= b for a, b in excepted):
                        continue
                ctx.report(match.start(), match.end(), self.render(match=squash(match.group())))
                if self.first_only:
                    break
