"""Baselines: adopt newslint on an existing archive and fail only on new problems.

A baseline records each finding by what it is about, not where: the file (relative to
the baseline file's folder), the rule, and a hash of the reported text with its spacing
squashed. Editing lines above a finding moves it without making it new; a second copy
of the same problem in a file is new (entries are counted).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newslint.diagnostics import Diagnostic
from newslint.errors import UserError
from newslint.fixes import write_atomically

FORMAT_VERSION = 1


def fingerprint(diagnostic: Diagnostic, text: str | None) -> str:
    """What a finding is about: its reported text (or, for a whole-file note, its message)."""
    reported = text[diagnostic.start:diagnostic.end] if text is not None and diagnostic.end > diagnostic.start else ""
    content = " ".join(reported.split()) or diagnostic.message
    return hashlib.sha256(f"{diagnostic.code}\0{content}".encode()).hexdigest()[:16]


@dataclass
class Baseline:
    path: Path
    known: Counter = field(default_factory=Counter)  # (file, code, fingerprint) -> count
    recorded: Counter = field(default_factory=Counter)  # what this run found, for --update-baseline

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != FORMAT_VERSION:
                raise ValueError(f"unsupported version {data.get('version')!r}")
            known = Counter({(entry["file"], entry["code"], entry["fingerprint"]): int(entry["count"])
                             for entry in data["findings"]})
        except FileNotFoundError:
            raise UserError("baseline file not found (create it with --update-baseline)", path) from None
        except OSError as exc:
            raise UserError(f"cannot read baseline: {exc.strerror or exc}", path) from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise UserError(f"not a newslint baseline: {exc}", path) from None
        return cls(path, known)

    def _file_key(self, file: Path) -> str:
        return Path(os.path.relpath(file.resolve(), self.path.resolve().parent)).as_posix()

    def filter(self, file: Path, diagnostics: list[Diagnostic], fingerprints: list[str]) -> list[Diagnostic]:
        """The findings that are new: not in the baseline, or beyond its count for their key."""
        key_of_file = self._file_key(file)
        left = Counter()
        new = []
        for diagnostic, digest in zip(diagnostics, fingerprints, strict=True):
            key = (key_of_file, diagnostic.code, digest)
            self.recorded[key] += 1
            left[key] += 1
            if left[key] > self.known[key]:
                new.append(diagnostic)
        return new

    def save(self) -> int:
        """Write what this run found as the new baseline; returns the number of findings."""
        entries = [{"file": file, "code": code, "fingerprint": digest, "count": count}
                   for (file, code, digest), count in sorted(self.recorded.items())]
        body = json.dumps({"version": FORMAT_VERSION, "findings": entries}, indent=1) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        old = self.path.read_bytes() if self.path.exists() else None
        if old is None:
            self.path.write_text(body, encoding="utf-8")
        else:
            write_atomically(self.path, body.encode("utf-8"), expected=old)
        return sum(self.recorded.values())
