"""sarif: a SARIF 2.1.0 log, for code scanning (GitHub) and SARIF viewers in editors.

Results are written as files finish. ``tool.driver.rules`` lists only the rules that
produced a result, in order of first appearance: the log stays small, and every
``ruleIndex`` resolves, even for a rule that only a subfolder's config loads (the
rulebook given to formatters is the working folder's; such a rule is described from its
findings). That list is complete only at the end, so ``tool`` follows ``results`` in the
run object: JSON objects are unordered, and SARIF fixes no order.

Positions need no conversion once the run says how newslint counts: lines end at CRLF,
CR or LF (``newlineSequences``), columns count code points (``columnKind``), and
``end_column`` is already the column after the last character, as in a SARIF region.
Fixes become text replacements by character offset into the file as it is after the run
(without its BOM, as SARIF asks), so nothing is re-read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import newslint
from newslint.diagnostics import Diagnostic, Fix, Severity
from newslint.formatters.base import Formatter

if TYPE_CHECKING:
    from newslint.rule import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
NEWLINE_SEQUENCES = ["\r\n", "\r", "\n"]  # what newslint's Document splits lines at


class SarifFormatter(Formatter):
    name = "sarif"
    machine = True

    def start(self):
        self._rule_index: dict[str, int] = {}  # code -> index in tool.driver.rules
        self._rules: list[dict[str, Any]] = []
        self._first = True
        self.stream.write(
            "{\n"
            f'  "$schema": {_dump(SCHEMA_URI)},\n'
            '  "version": "2.1.0",\n'
            '  "runs": [\n'
            "    {\n"
            '      "columnKind": "unicodeCodePoints",\n'
            f'      "newlineSequences": {_dump(NEWLINE_SEQUENCES, depth=6)},\n'
            '      "results": ['
        )

    def file(self, result):
        for diagnostic in result.diagnostics:
            self.stream.write("\n" if self._first else ",\n")
            self._first = False
            self.stream.write(" " * 8 + _dump(self._result(diagnostic), depth=8))

    def finish(self, summary):
        tool = {"driver": {"name": "newslint", "version": newslint.__version__,
                           "informationUri": INFORMATION_URI, "rules": self._rules}}
        invocations = [{"executionSuccessful": not summary.incomplete}]
        self.stream.write(
            ("]" if self._first else "\n      ]") + ",\n"
            f'      "invocations": {_dump(invocations, depth=6)},\n'
            f'      "tool": {_dump(tool, depth=6)}\n'
            "    }\n"
            "  ]\n"
            "}\n"
        )

    def _result(self, d: Diagnostic) -> dict[str, Any]:
        uri = artifact_uri(d.path)
        region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": self._index_of(d),
            "level": LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        }
        if d.fix:
            result["fixes"] = [sarif_fix(d.fix, uri)]
        if d.evidence:
            result["properties"] = {"evidence": d.evidence}
        return result

    def _index_of(self, d: Diagnostic) -> int:
        if d.code not in self._rule_index:
            rule = self.rulebook.rules.get(d.code) if self.rulebook else None
            known = rule is not None and rule.name == d.name  # not another config's rule with this code
            self._rule_index[d.code] = len(self._rules)
            self._rules.append(rule_descriptor(rule) if known else _descriptor_from(d))
        return self._rule_index[d.code]


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A SARIF reportingDescriptor from a rule's metadata."""
    descriptor: dict[str, Any] = {"id": rule.code, "name": rule.name, "shortDescription": {"text": rule.summary}}
    if rule.rationale:
        descriptor["fullDescription"] = {"text": rule.rationale}
    if rule.help or rule.rationale:
        descriptor["help"] = {"text": rule.help or rule.rationale}
    configuration: dict[str, Any] = {"level": LEVELS[rule.severity]}
    if not rule.enabled_by_default:
        configuration["enabled"] = False
    descriptor["defaultConfiguration"] = configuration
    descriptor["properties"] = {"tags": [rule.category]}
    return descriptor


def _descriptor_from(d: Diagnostic) -> dict[str, Any]:
    """What a finding tells of a rule the rulebook does not know."""
    return {"id": d.code, "name": d.name, "properties": {"tags": [d.category]}}


def sarif_fix(fix: Fix, uri: str) -> dict[str, Any]:
    """A SARIF fix: the edits as replacements, each located in the unmodified file.

    ``charOffset``/``charLength`` count code points, the unit ``columnKind`` declares.
    """
    replacements = []
    for edit in fix.edits:
        replacement: dict[str, Any] = {"deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start}}
        if edit.replacement:
            replacement["insertedContent"] = {"text": edit.replacement}
        replacements.append(replacement)
    return {
        "description": {"text": fix.description},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        "properties": {"applicability": "safe" if fix.safe else "unsafe"},
    }


def artifact_uri(path: str) -> str:
    """A URI reference for a path as newslint shows it (forward slashes).

    A relative path stays relative, percent-encoded where a URI needs it (spaces, '%',
    '#', non-ASCII); an absolute path becomes a file: URI.
    """
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(path)


def _dump(value: Any, depth: int = 0) -> str:
    """JSON for ``value`` indented to sit ``depth`` spaces deep in the log.

    ASCII only (non-ASCII is escaped): SARIF logs must be UTF-8, whatever stdout's encoding.
    """
    return json.dumps(value, indent=2).replace("\n", "\n" + " " * depth)
