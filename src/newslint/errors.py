"""Errors a user can fix: each prints as one line and ends the run with status 2."""

from __future__ import annotations

import os


class UserError(Exception):
    """A problem with the user's input, config, rules or fact file.

    Printed as ``path:line: message`` (or ``path: message`` / ``message``), never as a
    traceback.
    """

    def __init__(self, message: str, path: str | os.PathLike | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = os.fspath(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path and self.line:
            return f"{self.path}:{self.line}: {self.message}"
        if self.path:
            return f"{self.path}: {self.message}"
        return self.message
