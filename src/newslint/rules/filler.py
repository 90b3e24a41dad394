"""NL601: the scaffolding of a generated listicle, reported once per run."""

from __future__ import annotations

import regex

from newslint.diagnostics import Severity
from newslint.rule import Rule
from newslint.structure import BlockKind

# A run needs at least this many "Label: explanation" points to be scaffolding.
MIN_POINTS = 3
_POINT = regex.compile(r"[\p{Lu}][\w'’ &/-]{1,60}:\s+\S")

_LISTICLE = (
    "Japan and US deepen ties\n\nMicrosoft will invest in Japan, the company said.\n\n"
    "Advantages of Tech Investments:\n\n1. Economic Growth: Investments can spur job creation.\n\n"
    "2. Innovation Enhancement: Collaboration allows for the sharing of knowledge.\n\n"
    "Key Challenges and Controversies:\n\n1. Geopolitical Tensions: The rivalry can strain relations.\n\n"
    "2. Potential Dependency: Heavy investment might lead to dependency.\n"
)


class ListicleScaffolding(Rule):
    code = "NL601"
    name = "listicle-scaffolding"
    category = "style"
    severity = Severity.WARNING
    summary = "Generated listicle scaffolding: 'Advantages of ...:' headers over numbered generic points"
    rationale = (
        "Text generators bolt a listicle onto a news story: 'Advantages of ...:', 'Key Challenges and "
        "Controversies:', 'Disadvantages of ...:', each over numbered 'Label: generic sentence' points. It "
        "adds no reporting. The whole run, from its first header to its last point, is one finding; the "
        "claims inside it are not reported one by one. The header words are the lexicon 'listicle-headers' "
        "in rules/filler.yaml."
    )
    help = "Delete the listicle, or replace it with reporting."
    supersedes = ("claim", "style")
    examples = {
        "bad": [_LISTICLE],
        "good": ["Japan and US deepen ties\n\nMicrosoft will invest in Japan, the company said.\n\n"
                 "Key dates:\n\n1. April 10: The summit opens in Washington.\n\n"
                 "2. April 11: Kishida addresses Congress.\n"],
    }

    def check(self, doc, ctx):
        headers = ctx.lexicons.get("listicle-headers", ())
        if not headers:
            return
        header = regex.compile(
            r"(?:key\s+|main\s+|major\s+|potential\s+)?(?:" + "|".join(regex.escape(h) for h in headers) + r")\b",
            regex.IGNORECASE,
        )
        run: list = []
        for block in [*doc.body_blocks, None]:
            kind = self._kind(doc, block, header) if block is not None else None
            if kind is not None and (run or kind == "header"):
                run.append((kind, block))
                continue
            self._report(doc, ctx, run)
            run = [("header", block)] if kind == "header" else []

    @staticmethod
    def _kind(doc, block, header) -> str | None:
        text = doc.block_text(block)
        stripped = text.strip()
        if header.match(stripped) and (stripped.endswith(":") or block.kind == BlockKind.HEADING):
            return "header"
        if block.kind == BlockKind.LIST_ITEM and _POINT.match(stripped):
            return "point"
        return None

    @staticmethod
    def _report(doc, ctx, run) -> None:
        points = sum(kind == "point" for kind, _ in run)
        headers = [doc.block_text(block).strip().rstrip(":") for kind, block in run if kind == "header"]
        if not headers or points < MIN_POINTS:
            return
        while run[-1][0] == "header":  # a trailing header with no points is not part of it
            run.pop()
        start, end = run[0][1].start, run[-1][1].end
        named = ", ".join(f"'{header}'" for header in headers)
        ctx.report(start, end, f"Generated listicle (lines {doc.line_of(start)}-{doc.line_of(end)}): {named} "
                               f"over {points} generic points")
