"""github: GitHub Actions workflow commands, one annotation per finding::

    ::error file=seeds/004.txt,line=74,col=1,endLine=74,endColumn=90,title=NL201 spam-tail::Spam tail ...

The runner turns them into annotations on the pull request's diff. Warnings become
``::warning`` and info ``::notice``. A finding over several lines carries no col and
endColumn: the runner drops columns when line and endLine differ.
"""

from __future__ import annotations

from newslint.diagnostics import Diagnostic, Severity
from newslint.formatters.base import Formatter

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class GithubFormatter(Formatter):
    name = "github"
    machine = True
    renders_in_workers = True

    def file(self, result):
        self.stream.write(self.output_of(result))

    def render(self, result):
        return "".join(annotation(diagnostic) + "\n" for diagnostic in result.diagnostics)


def annotation(d: Diagnostic) -> str:
    properties: dict[str, object] = {"file": d.path, "line": d.line}
    if d.end_line == d.line:
        properties.update(col=d.column, endLine=d.end_line, endColumn=d.end_column)
    else:
        properties["endLine"] = d.end_line
    properties["title"] = f"{d.code} {d.name}"
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[d.severity]} {rendered}::{escape_data(d.message)}"


# The escapes of GitHub's actions/toolkit (packages/core/src/command.ts), which the runner undoes.
def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
