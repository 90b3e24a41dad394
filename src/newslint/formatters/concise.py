"""concise: one line per finding, ``path:line:col: CODE [severity] message``."""

from __future__ import annotations

from newslint.formatters.base import Formatter, summary_line


class ConciseFormatter(Formatter):
    name = "concise"
    renders_in_workers = True

    def file(self, result):
        self.stream.write(self.output_of(result))

    def render(self, result):
        return "".join(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}\n"
                       for d in result.diagnostics)

    def finish(self, summary):
        self.stream.write(summary_line(summary) + "\n")
