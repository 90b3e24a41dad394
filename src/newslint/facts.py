"""The reference fact file: what the articles are checked against.

    published: 2024-04-10            # optional reference date for relative dates
    facts:
      - id: microsoft-japan-investment
        claim: Microsoft will invest $2.9 billion in cloud and AI infrastructure in Japan.
        about: [Microsoft, invest|pledge]
        value: 2.9 billion USD       # or values: [590 billion JPY, 3.9 billion USD]
        source: https://...          # optional

Loaded safely and checked key by key; every problem is a UserError at file:line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.document import parse_date
from newslint.errors import UserError
from newslint.yamlload import LineDict, LineList, load_yaml

TOP_KEYS = ("published", "facts")
FACT_KEYS = ("id", "claim", "about", "value", "values", "source")


@dataclass(frozen=True)
class Fact:
    id: str
    claim: str
    about: tuple[tuple[str, ...], ...]  # every group must occur; any alternative of a group will do
    values: tuple[str, ...] = ()
    source: str | None = None
    line: int = 0  # where the fact starts in its file


@dataclass(frozen=True)
class FactFile:
    path: Path
    facts: tuple[Fact, ...] = ()
    published: dt.date | None = None


def load_facts(path: Path) -> FactFile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError("fact file not found", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read fact file: {exc}", path) from None
    return parse_facts(load_yaml(text, path), path)


def parse_facts(data: Any, path: Path) -> FactFile:
    """Validate loaded fact-file data (a mapping, as YAML gives it)."""
    if data is None:
        return FactFile(path)
    if not isinstance(data, dict):
        raise UserError("a fact file must be a mapping with 'facts' (and optional 'published')", path, 1)
    for key in data:
        if key not in TOP_KEYS:
            raise UserError(f"unknown key {key!r} (a fact file has: {', '.join(TOP_KEYS)})", path, _line(data, key))
    published = None
    if "published" in data:
        published = parse_date(data["published"])
        if published is None:
            raise UserError("'published' must be a date like 2024-04-10", path, _line(data, "published"))
    entries = data.get("facts") or []
    if not isinstance(entries, list):
        raise UserError("'facts' must be a list of facts", path, _line(data, "facts"))
    facts = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        line = entries.line_of(index) if isinstance(entries, LineList) else None
        fact = _fact(entry, path, line)
        if fact.id in seen:
            raise UserError(f"duplicate fact id {fact.id!r} (first on line {seen[fact.id]})", path, fact.line)
        seen[fact.id] = fact.line
        facts.append(fact)
    return FactFile(path, tuple(facts), published)


def _fact(entry: Any, path: Path, line: int | None) -> Fact:
    if not isinstance(entry, dict):
        raise UserError("each fact must be a mapping with id, claim and about", path, line)
    where = lambda key: _line(entry, key) or line  # noqa: E731
    for key in entry:
        if key not in FACT_KEYS:
            raise UserError(f"unknown key {key!r} in a fact (known: {', '.join(FACT_KEYS)})", path, where(key))
    for key in ("id", "claim"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise UserError(f"a fact needs {key!r} (a non-empty string)", path, where(key))
    about = entry.get("about")
    if not isinstance(about, list) or not about or not all(isinstance(a, str) and a.strip() for a in about):
        raise UserError("'about' must be a non-empty list of words that identify the fact", path, where("about"))
    if "value" in entry and "values" in entry:
        raise UserError("give either 'value' or 'values', not both", path, where("values"))
    values = entry.get("values", [entry["value"]] if "value" in entry else [])
    if not isinstance(values, list) or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
                                                for v in values):
        raise UserError("'values' must be a list of figures like '2.9 billion USD'", path, where("values"))
    source = entry.get("source")
    if source is not None and not isinstance(source, str):
        raise UserError("'source' must be a URL", path, where("source"))
    groups = tuple(tuple(alt.strip() for alt in group.split("|") if alt.strip()) for group in about)
    return Fact(
        id=entry["id"].strip(),
        claim=entry["claim"].strip(),
        about=groups,
        values=tuple(str(value) for value in values),
        source=source,
        line=line or _line(entry, "id") or 0,
    )


def _line(data: Any, key: str) -> int | None:
    return data.line_of(key) if isinstance(data, LineDict) else None
