"""json: one versioned JSON object, its findings streamed as files finish.

    {"version": 1, "tool": {"name": "newslint", "version": "0.1.0"},
     "diagnostics": [ ... ],
     "summary": {"files": 5, "findings": 25, "error": 4, "warning": 18, "info": 3, "incomplete": false}}

Each diagnostic carries path, line, column, end_line, end_column (1-based; end_column is
just after the last character), code, name, category, severity, message, and where
there are some, help, evidence and fix. ``version`` changes only when a field changes
meaning or goes away; new fields may appear at any time.
"""

from __future__ import annotations

import json

from newslint import __version__
from newslint.diagnostics import Severity
from newslint.formatters.base import Formatter

SCHEMA_VERSION = 1
# One encoder for every finding: json.dumps with options builds a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


class JsonFormatter(Formatter):
    name = "json"
    machine = True
    renders_in_workers = True

    def start(self):
        self._first = True
        tool = json.dumps({"name": "newslint", "version": __version__})
        self.stream.write(f'{{"version": {SCHEMA_VERSION}, "tool": {tool}, "diagnostics": [')

    def file(self, result):
        output = self.output_of(result)
        if output:
            self.stream.write(("\n" if self._first else ",\n") + output)
            self._first = False

    def render(self, result):
        return ",\n".join(_ENCODE(diagnostic.to_dict()) for diagnostic in result.diagnostics)

    def finish(self, summary):
        totals = {"files": summary.files, "findings": summary.total,
                  **{str(level): summary.by_severity[level] for level in (Severity.ERROR, Severity.WARNING,
                                                                          Severity.INFO)},
                  "incomplete": summary.incomplete}
        self.stream.write(("\n" if not self._first else "") + f'], "summary": {json.dumps(totals)}}}\n')
