"""checklist: findings as a Markdown task list, for an editor to tick off.

    newslint --format checklist drafts/ > checklist.md

One section per file that has findings, one unticked item per finding, then newslint's
summary line. Text from the article is escaped, so a stray ``*``, ``[`` or ``$`` in a message
cannot break the list.
"""

from __future__ import annotations

import re

from newslint.formatters.base import Formatter, plural, summary_line

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|$])")


def escape(text: str) -> str:
    """Backslash-escape the characters that would start Markdown markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def code_span(text: str) -> str:
    """``text`` as inline code, fenced with more backticks than it contains."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


class ChecklistFormatter(Formatter):
    name = "checklist"
    machine = True  # plain Markdown meant for a file or a ticket: never coloured

    def start(self):
        self.stream.write("# Editor's checklist\n")

    def file(self, result):
        if not result.diagnostics:
            return
        write = self.stream.write
        write(f"\n## {code_span(result.path)} ({plural(len(result.diagnostics), 'finding')})\n\n")
        for d in result.diagnostics:
            write(f"- [ ] Line {d.line}: {escape(d.message)} ({d.code} {d.name}, {d.severity})\n")
            if d.help:
                fixable = " (fixable with --fix)" if d.fix and d.fix.safe else ""
                write(f"  - What to do: {escape(d.help)}{fixable}\n")
            if d.evidence:
                write(f"  - Evidence: {escape(d.evidence)}\n")

    def finish(self, summary):
        self.stream.write(f"\n{summary_line(summary)}\n")
