"""occurrence: too many, or too few, matches in each segment of a scope."""

from __future__ import annotations

from newslint.kinds.base import YamlRule, token_alternation


class OccurrenceRule(YamlRule):
    """Counts ``tokens`` or ``patterns`` in each segment of ``scope`` (required).

    Keys: max and/or min, tokens, patterns, ignorecase (default true),
    word-boundaries (default true). Message placeholders: {count}, {max}, {min}.
    The whole segment is reported.
    """

    KIND = "occurrence"
    KEYS = ("max", "min", "tokens", "patterns", "ignorecase", "word-boundaries")
    PLACEHOLDERS = ("count", "max", "min")
    DEFAULT_SCOPE = None

    def compile(self, spec):
        self.maximum = spec.int("max")
        self.minimum = spec.int("min")
        if self.maximum is None and self.minimum is None:
            raise spec.error(None, "a rule of kind occurrence needs 'max' or 'min'")
        if self.maximum is not None and self.minimum is not None and self.minimum > self.maximum:
            raise spec.error("min", "'min' is larger than 'max'")
        self.alternation = token_alternation(spec, spec.bool("ignorecase", True), spec.bool("word-boundaries", True))

    def check(self, doc, ctx):
        text = self.scope.text(doc)
        plan = self.alternation.plan(text, ctx.needles)
        for start, end in self.scope.segments(doc):
            count = len(plan.finditer(start, end, ctx.regex_timeout)) if plan else 0
            too_many = self.maximum is not None and count > self.maximum
            too_few = self.minimum is not None and count < self.minimum
            if too_many or too_few:
                ctx.report(start, end, self.render(count=count, max=self.maximum, min=self.minimum))
