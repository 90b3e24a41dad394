"""Changed-lines mode (--diff-base REF): which lines of which files changed since REF.

Git computes the diff (``git diff --unified=0 REF``, working tree included); newslint only
reads the hunk headers. Files git does not track yet count as changed throughout.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import regex

from newslint.errors import UserError

_HUNK = regex.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", regex.MULTILINE)
_FILE = regex.compile(r"^\+\+\+ (?:b/(.*)|/dev/null)$", regex.MULTILINE)
WHOLE_FILE = None  # marker: every line counts as changed


class ChangedLines:
    def __init__(self, lines: dict[Path, set[int] | None]):
        self._lines = lines

    def of(self, path: Path) -> set[int] | None:
        """Changed line numbers of a file; None means all of it; an empty set, none of it."""
        return self._lines.get(path.resolve(), set())

    def touches(self, path: Path, first: int, last: int) -> bool:
        lines = self.of(path)
        return lines is WHOLE_FILE or any(number in lines for number in range(first, last + 1))


def changed_since(ref: str, folder: Path) -> ChangedLines:
    root = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root, f"unknown git revision {ref!r}")
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", ref, "--"], root)
    lines: dict[Path, set[int] | None] = {}
    for name, section in _sections(diff):
        changed = lines.setdefault((root / name).resolve(), set())
        for match in _HUNK.finditer(section):
            start, count = int(match[1]), int(match[2] or 1)
            changed.update(range(start, start + count))  # a pure deletion (count 0) adds nothing
    for name in _git(["ls-files", "--others", "--exclude-standard"], root).splitlines():
        lines[(root / name).resolve()] = WHOLE_FILE
    return ChangedLines(lines)


def _sections(diff: str):
    """(path in the new tree, its part of the diff) for every file that still exists."""
    matches = list(_FILE.finditer(diff))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(diff)
        if match[1] is not None:
            yield match[1], diff[match.end():end]


def _git(arguments: list[str], folder: Path, problem: str | None = None) -> str:
    try:
        run = subprocess.run(["git", "-c", "core.quotePath=false", *arguments], cwd=folder, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise UserError("--diff-base needs git, which is not installed") from None
    if run.returncode != 0:
        detail = problem or (run.stderr.strip().splitlines() or ["git failed"])[-1]
        raise UserError(f"--diff-base: {detail}")
    return run.stdout
