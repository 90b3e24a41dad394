"""The result cache: findings per file, reused while nothing that produced them changed.

On by default, as in ruff. An entry is keyed by the file's path and a hash of its bytes,
under a *run key* that hashes everything else the findings depend on: newslint's version
and source, the installed plugins, the config file, every YAML rule pack, the fact file,
the reference articles and the options that change findings. Change any of them and the
old entries are simply never looked up again.

Entries live in one SQLite database in the cache folder (stdlib, safe for one writer,
one row per file, nothing held in memory). Only the main process writes. A cache that
cannot be opened or written costs a warning, never the run. Entries are JSON, not
pickle, so a planted cache file cannot run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import newslint
from newslint.diagnostics import Diagnostic, Edit, Fix, Severity
from newslint.plugins import ENTRY_POINT_GROUP

SCHEMA = 1
_SOURCE_ROOT = Path(newslint.__file__).parent


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def run_key(parts: dict[str, Any], files: list[Path]) -> str:
    """A hash of the options and of the files (config, rules, facts) that findings depend on."""
    digest = hashlib.sha256()
    digest.update(json.dumps({"schema": SCHEMA, "newslint": newslint.__version__, "source": _source_stamp(),
                              "plugins": _plugin_versions(), **parts}, sort_keys=True, default=str).encode())
    for path in sorted(set(files)):
        digest.update(str(path).encode() + b"\0")
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _source_stamp() -> list:
    """Size and mtime of newslint's own modules: an editable install changes without a new version."""
    stamp = []
    for path in sorted(_SOURCE_ROOT.rglob("*.py")):
        with contextlib.suppress(OSError):
            info = path.stat()
            stamp.append((path.relative_to(_SOURCE_ROOT).as_posix(), info.st_size, info.st_mtime_ns))
    return stamp


def _plugin_versions() -> list:
    return sorted((ep.name, ep.dist.name if ep.dist else "", ep.dist.version if ep.dist else "")
                  for ep in entry_points(group=ENTRY_POINT_GROUP))


class ResultCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.problem: str | None = None
        self._db: sqlite3.Connection | None = None
        self._pending = 0
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _mark_as_cache(folder)
            self._db = sqlite3.connect(folder / "results.sqlite3", timeout=5)
            self._db.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
            self._db.execute("CREATE TABLE IF NOT EXISTS results (run TEXT, path TEXT, content TEXT, "
                             "findings TEXT, PRIMARY KEY (run, path))")
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)

    def get(self, run: str, path: str, content: str) -> list[Diagnostic] | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT content, findings FROM results WHERE run = ? AND path = ?",
                                   (run, path)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        if row is None or row[0] != content:
            return None
        try:
            return [_diagnostic(item) for item in json.loads(row[1])]
        except (ValueError, KeyError, TypeError):
            return None  # damaged entry: lint again

    def put(self, run: str, path: str, content: str, findings: str) -> None:
        """Store findings, as encode_findings() writes them."""
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", (run, path, content, findings))
            self._pending += 1
            if self._pending >= 500:  # commit in batches: one transaction per file is slow
                self.flush()
        except sqlite3.Error as exc:
            self._fail(exc)

    def flush(self) -> None:
        if self._db is not None and self._pending:
            try:
                self._db.commit()
            except sqlite3.Error as exc:
                self._fail(exc)
            self._pending = 0

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None

    def _fail(self, exc: Exception) -> None:
        self.problem = f"cache disabled: cannot use {self.folder}: {exc}"
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None


def _mark_as_cache(folder: Path) -> None:
    """A .gitignore and CACHEDIR.TAG, so that git and backup tools leave the folder alone."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by newslint automatically.\n*\n", encoding="utf-8")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# newslint cache\n", encoding="utf-8")


def encode_findings(diagnostics: list[Diagnostic]) -> str:
    """A file's findings as one cache entry (made in the worker that linted it)."""
    return json.dumps([_plain(d) for d in diagnostics])


def _plain(d: Diagnostic) -> dict[str, Any]:
    data = d.to_dict()
    data.update(start=d.start, end=d.end, context={str(line): text for line, text in d.context.items()})
    return data


def _diagnostic(data: dict[str, Any]) -> Diagnostic:
    fix = data.get("fix")
    return Diagnostic(
        path=data["path"], start=data["start"], end=data["end"], line=data["line"], column=data["column"],
        end_line=data["end_line"], end_column=data["end_column"], code=data["code"], name=data["name"],
        category=data["category"], severity=Severity.parse(data["severity"]), message=data["message"],
        help=data.get("help"), evidence=data.get("evidence"),
        fix=Fix(fix["description"], tuple(Edit(e["start"], e["end"], e["replacement"]) for e in fix["edits"]),
                safe=fix["applicability"] == "safe") if fix else None,
        context={int(line): text for line, text in data.get("context", {}).items()},
    )
