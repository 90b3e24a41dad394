"""Glob patterns for exclude and per-file-ignores, matched like .gitignore entries.

``*`` and ``?`` stay within one path segment, ``**`` spans segments, and a pattern
without a slash matches a file or folder name at any depth. Paths are matched
relative to the config's folder, with forward slashes.
"""

from __future__ import annotations

from functools import lru_cache

import regex


@lru_cache(maxsize=256)
def _compile(pattern: str) -> regex.Pattern:
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    out = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(regex.escape(pattern[index]))
            index += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    # A pattern that matches a folder also matches everything inside it.
    return regex.compile(f"{prefix}{body}(?:/.*)?")


def matches(pattern: str, relative_path: str) -> bool:
    return bool(_compile(pattern).fullmatch(relative_path))


def matches_any(patterns, relative_path: str) -> bool:
    return any(matches(pattern, relative_path) for pattern in patterns)
