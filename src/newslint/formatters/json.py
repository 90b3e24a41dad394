"""json: one JSON array of diagnostic objects, streamed as files finish.

Each object carries path, line, column, end_line, end_column (1-based; end_column is
just after the last character), code, name, category, severity, message, and where
there are some, help, evidence and fix.
"""

from __future__ import annotations

import json

from newslint.formatters.base import Formatter


class JsonFormatter(Formatter):
    name = "json"
    machine = True

    def start(self):
        self._first = True
        self.stream.write("[")

    def file(self, result):
        for diagnostic in result.diagnostics:
            self.stream.write("\n" if self._first else ",\n")
            self._first = False
            self.stream.write(json.dumps(diagnostic.to_dict(), ensure_ascii=False))

    def finish(self, summary):
        self.stream.write("\n]\n" if not self._first else "]\n")
