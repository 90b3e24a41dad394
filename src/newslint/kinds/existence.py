"""existence: report every occurrence of a phrase or pattern in a scope."""

from __future__ import annotations

import regex

from newslint.kinds.base import (
    YamlRule,
    alternation,
    anchor_words,
    compile_pattern,
    may_match,
    phrase_pattern,
    token_pattern,
)
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
        self.pattern = token_pattern(spec, ignorecase, word_boundaries)
        # Regex patterns could match anywhere: only a rule of plain phrases is dispatched by word.
        phrases = [token for token, _ in spec.str_list("tokens")]
        self.anchors = None if spec.str_list("patterns") else anchor_words(phrases, word_boundaries)
        self.first_only = spec.bool("first-only", False)
        exceptions = spec.str_list("exceptions")
        self.exceptions = None
        if exceptions:
            source = alternation([phrase_pattern(text) for text, _ in exceptions], word_boundaries=False)
            flags = regex.IGNORECASE if ignorecase else 0
            self.exceptions = compile_pattern(spec, "exceptions", source, spec.line("exceptions"), flags)

    def check(self, doc, ctx):
        if not may_match(self.anchors, doc):
            return
        text = self.scope.text(doc)
        for start, end in self.scope.segments(doc):
            excepted = None
            for match in self.pattern.finditer(text, start, end, timeout=ctx.regex_timeout):
                if self.exceptions is not None:
                    if excepted is None:
                        excepted = [m.span() for m in self.exceptions.finditer(text, start, end)]
                    if any(a <= match.start() and match.end() <= b for a, b in excepted):
                        continue
                ctx.report(match.start(), match.end(), self.render(match=squash(match.group())))
                if self.first_only:
                    break
