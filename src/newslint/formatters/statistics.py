"""--statistics: counts per rule instead of the findings, as ruff prints them.

Text: one row per rule, most frequent first: count, code, [*] when fixable with --fix, name.
With --format json: a JSON array of {code, name, count, fixable}.
"""

from __future__ import annotations

import json
from collections import Counter

from newslint.formatters.base import Formatter


class StatisticsFormatter(Formatter):
    name = "statistics"

    def __init__(self, stream, *, as_json: bool = False, **kwargs):
        super().__init__(stream, **kwargs)
        self.as_json = as_json
        self.counts: Counter = Counter()  # (code, name) -> findings
        self.fixable: Counter = Counter()  # code -> findings with a safe fix

    def file(self, result):
        for diagnostic in result.diagnostics:
            self.counts[diagnostic.code, diagnostic.name] += 1
            if diagnostic.fix is not None and diagnostic.fix.safe:
                self.fixable[diagnostic.code] += 1

    def finish(self, summary):
        rows = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        if self.as_json:
            self.stream.write(json.dumps([
                {"code": code, "name": name, "count": count, "fixable": self.fixable[code]}
                for (code, name), count in rows], indent=2) + "\n")
            return
        width = max((len(str(count)) for _, count in rows), default=1)
        for (code, name), count in rows:
            marker = "[*]" if self.fixable[code] else "   "
            self.stream.write(f"{count:>{width}}  {code:<6} {marker} {name}\n")
