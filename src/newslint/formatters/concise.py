"""concise: one line per finding, ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from newslint.formatters.base import Formatter, summary_line


class ConciseFormatter(Formatter):
    name = "concise"

    def file(self, result):
        write = self.stream.write
        for d in result.diagnostics:
            write(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}\n")

    def finish(self, summary):
        self.stream.write(summary_line(summary) + "\n")
