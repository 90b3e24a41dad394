"""text: rich, human output. A header per file, then a block per finding:

    seeds/001.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)
       │
     3 │ Japan seeks investment in AI, semiconductors from American companies
       │ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ repeated-headline
       = help: Delete the repeated line; the headline is already above it.

and a summary by severity and category at the end. Long lines are shown as a window
around the finding; article text is never read as rich markup.
"""

from __future__ import annotations

# rich is imported where it is used: the machine formats (json, sarif, ...) never load it,
# which is a tenth of a single-file run's start-up.
from newslint.diagnostics import CATEGORIES, Diagnostic, Severity
from newslint.formatters.base import Formatter, plural, summary_line

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
_CONTEXT_CELLS = 30  # how much text to show before a finding on a long line


class TextFormatter(Formatter):
    name = "text"

    def start(self):
        from rich.console import Console

        self.console = Console(
            file=self.stream, no_color=not self.color, highlight=False, soft_wrap=False,
            force_terminal=self.color or None, emoji=False, markup=False,
        )

    def file(self, result):
        from rich.text import Text

        console = self.console
        if result.diagnostics:
            header = Text(result.path, style="bold underline")
            header.append(f"  {plural(len(result.diagnostics), 'finding')}", style="dim")
            console.print(header, soft_wrap=True)
            for diagnostic in result.diagnostics:
                self._finding(diagnostic)

    def _finding(self, d: Diagnostic) -> None:
        from rich.text import Text

        console = self.console
        title = Text()
        title.append(f"{d.path}:{d.line}:{d.column}: ", style="bold")
        title.append(d.code, style="bold magenta")
        title.append(" ")
        title.append(f"[{d.severity}]", style=SEVERITY_STYLE[d.severity])
        title.append(" ")
        title.append(d.message)
        console.print(title, soft_wrap=True)
        gutter = len(str(d.end_line)) + 1
        bar = Text(" " * gutter + " │", style="blue")
        console.print(bar)
        width = max(20, console.width - gutter - 3)
        for line, source, start, end in _spans_by_line(d):
            shown, offset, length = excerpt(source, start, end, width)
            row = Text(f"{line:>{gutter}} │ ", style="blue")
            row.append(shown)
            console.print(row, soft_wrap=True)
            marker = Text(" " * gutter + " │ ", style="blue")
            marker.append(" " * offset + "^" * length, style=SEVERITY_STYLE[d.severity])
            if line == d.end_line:
                marker.append(f" {d.name}", style="dim")
            console.print(marker, soft_wrap=True)
            if line == d.line and d.end_line > d.line + 1:
                console.print(Text(" " * gutter + " ┆", style="blue"))
        if d.help:
            self._note("help", d.help + (" (fixable with --fix)" if d.fix and d.fix.safe else ""), gutter)
        if d.evidence:
            self._note("evidence", d.evidence, gutter)
        console.print()

    def _note(self, label: str, content: str, gutter: int) -> None:
        from rich.text import Text

        note = Text(" " * gutter + " = ", style="blue")
        note.append(f"{label}: ", style="bold")
        note.append(content)
        self.console.print(note, soft_wrap=True)

    def finish(self, summary):
        from rich.table import Table
        from rich.text import Text

        console = self.console
        console.print(Text(summary_line(summary), style="bold"), soft_wrap=True)
        if not summary.total:
            return
        table = Table(box=None, padding=(0, 2), show_edge=False, header_style="bold")
        table.add_column("category")
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            table.add_column(str(severity), justify="right", style=SEVERITY_STYLE[severity].replace("bold ", ""))
        for category in CATEGORIES:
            if summary.by_category[category]:
                counts = [str(summary.by_category_severity[category, s] or "·")
                          for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
                table.add_row(category, *counts)
        console.print(table)


def _spans_by_line(d: Diagnostic):
    """(line number, line text, start column index, end column index) for the lines shown."""
    first = d.context.get(d.line, "")
    if d.end_line == d.line:
        yield d.line, first, d.column - 1, max(d.end_column - 1, d.column)
        return
    yield d.line, first, d.column - 1, len(first)
    last = d.context.get(d.end_line, "")
    yield d.end_line, last, 0, d.end_column - 1


def excerpt(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """A window of ``line`` at most ``width`` cells wide showing line[start:end].

    Returns (text to show, cells before the caret, caret length in cells).
    """
    from rich.cells import cell_len, get_character_cell_size

    line = line.replace("\t", " ")
    start = min(max(start, 0), len(line))
    end = min(max(end, start), len(line))
    if cell_len(line) <= width:
        return line, cell_len(line[:start]), max(1, cell_len(line[start:end]))
    budget = width - 2  # room for the ellipses
    spent = cell_len(line[start:end])
    context = _CONTEXT_CELLS if spent + _CONTEXT_CELLS < budget else max(0, (budget - spent) // 2)
    left, used = start, 0
    while left > 0 and used + get_character_cell_size(line[left - 1]) <= context:
        left -= 1
        used += get_character_cell_size(line[left])
    right, used = left, 0
    while right < len(line) and used + get_character_cell_size(line[right]) <= budget:
        used += get_character_cell_size(line[right])
        right += 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    caret_start = cell_len(prefix) + cell_len(line[left:start])
    caret_end = cell_len(prefix) + cell_len(line[left:min(end, right)])
    return shown, caret_start, max(1, caret_end - caret_start)
