"""repetition: a sentence, line or paragraph that repeats an earlier one."""

from __future__ import annotations

from newslint.edits import removal_fix
from newslint.kinds.base import YamlRule
from newslint.textutil import fold, squash, word_count



class RepetitionRule(YamlRule):
    """Reports each segment of ``scope`` (required) that repeats an earlier one.

    Segments are compared after folding whitespace, quotes, case (unless ignorecase is
    false) and punctuation at the ends. Keys: min-words (default 4: shorter segments
    are never reported), ignorecase (default true), fix (safe, unsafe or none; default
    none: the fix deletes the repeat). Message placeholders: {text}, {first_line}.
    """

    KIND = "repetition"
    KEYS = ("min-words", "ignorecase", "fix")
    PLACEHOLDERS = ("text", "first_line")
    DEFAULT_SCOPE = None

    def compile(self, spec):
        self.min_words = spec.int("min-words", 4, minimum=1)
        self.ignorecase = spec.bool("ignorecase", True)
        self.fix_mode = spec.choice("fix", ("safe", "unsafe", "none"), "none")
        self.fixable = self.fix_mode != "none"

    def check(self, doc, ctx):
        text = self.scope.text(doc)
        first_seen: dict[str, int] = {}
        for start, end in self.scope.segments(doc):
            segment = text[start:end]
            if word_count(segment) < self.min_words:
                continue
            key = self._key(segment)
            if key not in first_seen:
                first_seen[key] = start
                continue
            first_line = doc.line_of(first_seen[key])
            shown = squash(segment)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            fix = None
            if self.fix_mode != "none":
                fix = removal_fix(doc, start, end, "Delete the repeat", safe=self.fix_mode == "safe")
            ctx.report(
                start, end, self.render(text=shown, first_line=first_line),
                evidence=f"first written on line {first_line}", fix=fix,
            )

    def _key(self, segment: str) -> str:
        return fold(segment) if self.ignorecase else squash(segment)
