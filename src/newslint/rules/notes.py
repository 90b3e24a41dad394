"""NL9xx: the linter's own notes about the run (bad input, suppressions, rule failures).

Most of them are emitted by the pipeline rather than by a check over the article; they
are rules all the same, so that they can be listed, explained, selected and ignored.
NL900 (a rule crashed) is the exception: a bug in a rule is never silenced.
"""

from __future__ import annotations

from newslint.config import DEFAULT_MAX_FILE_SIZE
from newslint.diagnostics import Severity
from newslint.rule import Example, Rule

_TIMEOUT_PACK = """
rules:
  - code: EX999
    name: example-slow-pattern
    kind: existence
    category: style
    severity: info
    summary: A pattern that backtracks catastrophically on long runs of one letter
    message: "slow"
    word-boundaries: false
    patterns: ['(a+)+$']
"""


class InternalError(Rule):
    code = "NL900"
    name = "internal-error"
    category = "structure"
    severity = Severity.ERROR
    summary = "A rule crashed on this file; its findings here are missing"
    rationale = (
        "A crash is a bug in the rule (or its plugin), not a finding about the article. The other rules "
        "still run and the run exits with status 2, so that a CI job does not pass on incomplete results."
    )
    help = "Report it to the rule's author with the file; meanwhile --ignore the rule to get a clean run."
    pipeline_note = True


class UnusedSuppression(Rule):
    code = "NL901"
    name = "unused-suppression"
    category = "style"
    severity = Severity.WARNING
    summary = "A newslint-disable comment that suppresses nothing"
    rationale = (
        "Suppressions outlive the problems they hid. One that no longer suppresses anything would silently "
        "hide a new problem of the same kind later, so it should go."
    )
    help = "Delete the comment, or name the rule that still needs suppressing."
    pipeline_note = True
    examples = {
        "bad": ["Kishida woos investors\n\n<!-- newslint-disable-next-line NL101 -->\nHe spoke in Washington.\n"],
        "good": [
            "Kishida woos investors\n\n<!-- newslint-disable-next-line NL101 -->\nKishida woos investors\n\n"
            "He spoke in Washington.\n"
        ],
    }


class RuleTimeout(Rule):
    code = "NL902"
    name = "rule-timeout"
    category = "structure"
    severity = Severity.WARNING
    summary = "A rule's pattern ran past its time limit on this file"
    rationale = (
        "User patterns run with a time limit so that one catastrophic regular expression cannot hang a run. "
        "The rule's findings on this file are incomplete; the run exits with status 2."
    )
    help = "Rewrite the pattern without nested repetition such as (a+)+."
    pipeline_note = True
    examples = {
        "bad": [{"text": "a" * 5000 + "!", "rules": _TIMEOUT_PACK}],
        "good": [{"text": "A short, ordinary sentence.", "rules": _TIMEOUT_PACK}],
    }


class UndecodableFile(Rule):
    code = "NL903"
    name = "undecodable-file"
    category = "structure"
    severity = Severity.ERROR
    summary = "The file's bytes are not valid text in any supported encoding; it was skipped"
    help = "Save the file as UTF-8, or set 'encoding' in config to the encoding it is in."
    pipeline_note = True
    examples = {
        "bad": [b"Caf\xe9 \x81\x8d\x8f\x90\x9d opens"],
        "good": ["Café opens".encode("utf-8")],
    }


class BinaryFile(Rule):
    code = "NL904"
    name = "binary-file"
    category = "structure"
    severity = Severity.INFO
    summary = "The file holds binary data (NUL bytes), not an article; it was skipped"
    help = "Exclude it in config (exclude = [...]) or rename it."
    pipeline_note = True
    examples = {"bad": [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"], "good": [b"An ordinary article."]}


class EmptyFile(Rule):
    code = "NL905"
    name = "empty-file"
    category = "structure"
    severity = Severity.WARNING
    summary = "The article is empty"
    rationale = "An empty file in a content folder is usually a failed export or scrape."
    help = "Fill in or delete the file."
    examples = {"bad": ["", "  \n\n  \n"], "good": ["Headline\n\nA body."]}

    def check(self, doc, ctx):
        if not doc.text.strip():
            ctx.report(0, 0, "The file is empty")


class InvalidFrontMatter(Rule):
    code = "NL906"
    name = "invalid-front-matter"
    category = "structure"
    severity = Severity.ERROR
    summary = "The Markdown front matter cannot be read"
    rationale = "A static-site generator will fail on it or publish the article without its date and title."
    help = "Fix the YAML (or TOML) between the --- (or +++) lines."
    examples = {
        "bad": [{"text": "---\ntitle: [unclosed\n---\n\n# Headline\n", "format": "markdown"}],
        "good": [{"text": "---\ntitle: Fine\n---\n\n# Headline\n", "format": "markdown"}],
    }

    def check(self, doc, ctx):
        for offset, message in doc.structure.problems:
            ctx.report(offset, offset, message)


class InvalidSuppression(Rule):
    code = "NL907"
    name = "invalid-suppression"
    category = "style"
    severity = Severity.WARNING
    summary = "A newslint comment that cannot be read: unknown directive or rule"
    help = "Use newslint-disable, -enable, -disable-next-line or -disable-file with known rule codes."
    pipeline_note = True
    examples = {
        "bad": ["<!-- newslint-disabel NL101 -->\nHeadline\n", "<!-- newslint-disable NL999 -->\nHeadline\n"],
        "good": ["<!-- newslint-disable NL101 -->\nHeadline\n\nHeadline\n"],
    }


class LegacyEncoding(Rule):
    code = "NL908"
    name = "legacy-encoding"
    category = "structure"
    severity = Severity.INFO
    summary = "The file is not UTF-8; it was read as Windows-1252"
    rationale = (
        "Old archives and some CMS exports are in Windows-1252. newslint reads them rather than skipping them, "
        "and says so, because a wrong guess would show as mojibake in the findings. Fixes write the file back "
        "in the encoding it was read in."
    )
    help = "Convert the file to UTF-8, or set 'encoding' in config if it is in another encoding."
    pipeline_note = True
    examples = {"bad": [b"Caf\xe9 owners in Tokyo welcomed the \x93deal\x94."],
                "good": ["Café owners in Tokyo welcomed the “deal”.".encode("utf-8")]}


class FileTooLarge(Rule):
    code = "NL909"
    name = "file-too-large"
    category = "structure"
    severity = Severity.ERROR
    summary = "The file is larger than max-file-size; it was refused unread"
    rationale = (
        "A file of many megabytes is a dump or an export, not an article. Refusing it before reading keeps a "
        "run's memory bounded; the run exits with status 2 because the file was not linted."
    )
    help = "Exclude the file in config, or raise max-file-size (e.g. max-file-size = \"64MB\")."
    pipeline_note = True
    examples = {"good": [b"A short article."]}

    def example_list(self, kind: str) -> list[Example]:
        if kind == "bad":  # built on demand: 16 MB is too much to hold at import time
            return [Example.coerce(b"a" * (DEFAULT_MAX_FILE_SIZE + 1))]
        return super().example_list(kind)


NOTE_RULES = (UnusedSuppression, RuleTimeout, UndecodableFile, BinaryFile, EmptyFile, InvalidFrontMatter,
              InvalidSuppression, LegacyEncoding, FileTooLarge)
