"""Applying fixes to text, showing them as a diff, and writing files safely."""

from __future__ import annotations

import contextlib
import difflib
import os
from collections.abc import Iterable
from pathlib import Path

from newslint.diagnostics import Fix


class FileChanged(Exception):
    """The file on disk is no longer what was read; it is left alone."""


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix that does not overlap an earlier one; return (text, fixes applied).

    A fix is all or nothing: either all its edits apply or none does.
    """
    accepted: list[tuple[int, int, str]] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: min(edit.start for edit in f.edits)):
        spans = [(edit.start, edit.end, edit.replacement) for edit in fix.edits]
        if any(_overlaps(span, taken) for span in spans for taken in accepted):
            continue
        accepted.extend(spans)
        applied += 1
    pieces = []
    position = 0
    for start, end, replacement in sorted(accepted):
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), applied


def _overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    # Two insertions at one point, or an edit touching another's range, conflict.
    return a[0] < b[1] and b[0] < a[1] or a[0] == b[0]


def unified_diff(display_path: str, before: str, after: str) -> str:
    """A unified diff as git prints it, marking a last line that has no line break."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{display_path}",
        tofile=f"b/{display_path}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def write_atomically(path: Path, data: bytes, expected: bytes) -> None:
    """Replace path's content with data, unless it no longer holds ``expected``.

    The new content goes to a temporary file in the same folder, which is flushed to
    disk and renamed over the original: a reader, or an interrupted run, sees either
    the old file or the new one, never a partial one. Permissions are kept.
    """
    import tempfile  # here: only writing a file pays for importing it

    with open(path, "rb") as handle:
        if handle.read() != expected:
            raise FileChanged(f"{path} changed on disk after it was read; not rewritten")
    mode = os.stat(path).st_mode
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint-tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
