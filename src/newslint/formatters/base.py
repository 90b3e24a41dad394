"""The formatter interface. Formatters only render; the CLI decides the exit status.

Results arrive one file at a time and are rendered as they come, so a formatter never
has to hold a whole run in memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TextIO

if TYPE_CHECKING:
    from newslint.registry import RuleBook
    from newslint.runner import FileResult, Summary


class Formatter:
    name: ClassVar[str] = ""
    machine: ClassVar[bool] = False  # machine-readable: no colour, no progress display
    # render() makes a file's output from the result alone, so worker processes can make it
    # (a --jobs run then sends the main process text to write, not diagnostics to render).
    renders_in_workers: ClassVar[bool] = False

    def __init__(self, stream: TextIO, *, color: bool = False, rulebook: RuleBook | None = None):
        self.stream = stream
        self.color = color
        self.rulebook = rulebook

    def start(self) -> None:
        """Called once before the first file."""

    def file(self, result: FileResult) -> None:
        """Called once per linted file, in a stable order."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last file."""

    def render(self, result: FileResult) -> str:
        """The output for one file, written by nothing (formatters that render in workers)."""
        raise NotImplementedError

    def output_of(self, result: FileResult) -> str:
        """The file's output: rendered by a worker already, or here."""
        return result.rendered if result.rendered is not None else self.render(result)


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"


def summary_line(summary: Summary) -> str:
    from newslint.diagnostics import Severity

    if not summary.total:
        return f"No findings in {plural(summary.files, 'file')}."
    parts = [plural(summary.by_severity[Severity.ERROR], "error"),
             plural(summary.by_severity[Severity.WARNING], "warning"),
             f"{summary.by_severity[Severity.INFO]} info"]
    line = (f"Found {plural(summary.total, 'finding')} ({', '.join(parts)}) "
            f"in {summary.files_with_findings} of {plural(summary.files, 'file')}.")
    if summary.fixes_applied:
        line += f" Applied {plural(summary.fixes_applied, 'fix', 'fixes')}."
    elif summary.fixable:
        line += f" {summary.fixable} fixable with --fix (see --diff)"
        line += f", {summary.unsafe_fixable} more with --unsafe-fixes." if summary.unsafe_fixable else "."
    elif summary.unsafe_fixable:
        line += f" {summary.unsafe_fixable} fixable with --unsafe-fixes."
    return line
