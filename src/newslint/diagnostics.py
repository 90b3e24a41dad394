"""Findings: severity, fixes and the Diagnostic record every output format renders.

A Diagnostic is plain, frozen data. Its character offsets are primary; line and
column are derived from them when it is made (1-based, columns count characters,
``end_column`` is the column just after the last character, as in SARIF).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

CATEGORIES = ("structure", "spam-tail", "link", "figure", "claim", "style")


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with ``replacement`` (offsets into the decoded text)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]
    safe: bool = True  # unsafe fixes change meaning or wording; they need --unsafe-fixes


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    help: str | None = None
    evidence: str | None = None
    fix: Fix | None = None
    # Lines of source the text format shows under the finding: {line number: text}.
    context: dict[int, str] = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.help:
            data["help"] = self.help
        if self.evidence:
            data["evidence"] = self.evidence
        if self.fix:
            data["fix"] = {
                "description": self.fix.description,
                "applicability": "safe" if self.fix.safe else "unsafe",
                "edits": [
                    {"start": edit.start, "end": edit.end, "replacement": edit.replacement}
                    for edit in self.fix.edits
                ],
            }
        return data
