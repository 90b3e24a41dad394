"""substitution: report a phrase that has a preferred replacement, with a fix."""

from __future__ import annotations

import regex

from newslint.diagnostics import Edit, Fix
from newslint.errors import UserError
from newslint.kinds.alternation import Alternation, bounded
from newslint.kinds.base import YamlRule, compile_pattern, phrase_pattern
from newslint.textutil import squash
from newslint.yamlload import LineDict


class SubstitutionRule(YamlRule):
    """Flags each key of ``swap`` and offers its value as the replacement.

    Keys: swap (mapping bad -> preferred), regex (keys are regular expressions; default
    false: literal phrases), ignorecase (default true), word-boundaries (default true),
    fix (safe, unsafe or none; default unsafe: wording changes need --unsafe-fixes).
    Message placeholders: {match}, {preferred}.
    """

    KIND = "substitution"
    KEYS = ("swap", "regex", "ignorecase", "word-boundaries", "fix")
    PLACEHOLDERS = ("match", "preferred")

    def compile(self, spec):
        swap = spec.mapping("swap")
        use_regex = spec.bool("regex", False)
        flags = regex.IGNORECASE if spec.bool("ignorecase", True) else 0
        word_boundaries = spec.bool("word-boundaries", True)
        self.preferred: list[str] = []
        sources = []
        for bad, good in swap.items():
            line = swap.line_of(bad) if isinstance(swap, LineDict) else spec.line("swap")
            if not isinstance(bad, str) or not isinstance(good, str) or not bad.strip():
                raise UserError("'swap' entries must map a phrase to its replacement (both strings)", spec.path, line)
            source = bad if use_regex else phrase_pattern(bad)
            compile_pattern(spec, "swap", source, line, flags)
            if use_regex:
                compile_pattern(spec, "swap", bounded(source, word_boundaries), line, flags)  # as it will run
            sources.append((source, None if use_regex else bad))
            self.preferred.append(good)
        self.alternation = Alternation.build(sources, flags, word_boundaries)
        self.fix_mode = spec.choice("fix", ("safe", "unsafe", "none"), "unsafe")
        self.fixable = self.fix_mode != "none"

    def check(self, doc, ctx):
        text = self.scope.text(doc)
        plan = self.alternation.plan(text, ctx.needles)
        if plan is None:
            return
        for start, end in self.scope.segments(doc):
            for number, match in plan.finditer(start, end, ctx.regex_timeout):
                written = match.group()
                preferred = _match_case(written, self.preferred[number])
                if squash(written).lower() == preferred.lower():
                    continue
                fix = None
                if self.fix_mode != "none":
                    fix = Fix(f"Replace with '{preferred}'", (Edit(match.start(), match.end(), preferred),),
                              safe=self.fix_mode == "safe")
                message = self.render(match=squash(written), preferred=preferred)
                ctx.report(match.start(), match.end(), message, fix=fix)


def _match_case(written: str, preferred: str) -> str:
    """Give the replacement the case of what was written (Title, UPPER or as given)."""
    if len(written) > 1 and written.isupper() and not preferred.isupper():
        return preferred.upper()
    if written[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred
