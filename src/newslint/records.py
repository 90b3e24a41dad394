"""Corpora stored as JSON Lines: one article per line, each an object with its text.

A line reads as a record with an id, a text, an optional date and an optional format,
and a record is linted exactly as a file holding its text would be. A line that cannot
be a record (not JSON, not an object, no text, a bad date) is a ``RecordProblem``: one
``corpus.jsonl:LINE: ...`` note, and the run goes on with the next line.

The file is streamed line by line and results are yielded as records finish, so memory
stays bounded by the longest line, whatever the size of the corpus.

Field names are the caller's choice (``id``, ``text``, ``date`` and ``format`` by
default):

- id: a string or an integer; without one the record is named by its line number.
- date: an ISO date or date-time ("2024-04-10", "2024-04-10T09:30:00+09:00"). It is what
  relative dates ("last year") in this record are read against, ahead of ``--date``, the
  front matter date and the fact file's ``published``.
- format: "txt" (the default), "md", or any other suffix a parser is registered for.
  Plain text is the default because scraped corpora are mostly plain text, and the
  Markdown parser would read a stray "#", "*" or indented line there as markup.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import regex

from newslint.builtin import newslint_parsers
from newslint.diagnostics import Severity
from newslint.engine import LintSettings
from newslint.errors import UserError
from newslint.runner import FileResult, Session, display_path, lint_bytes

DEFAULT_FORMAT = "txt"
# JSON escaping can make a text up to six times longer, and other fields share the line:
# a line longer than this many times max-file-size is skipped without being read into memory.
LINE_LIMIT_FACTOR = 8
_CHUNK = 1024 * 1024
_UNPAIRED_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_CONTROL = regex.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class RecordFields:
    """Which fields of a record hold what (plain data: it travels to Dask workers)."""

    id: str = "id"
    text: str = "text"
    date: str = "date"
    format: str = "format"
    default_format: str = DEFAULT_FORMAT


@dataclass(frozen=True)
class Record:
    id: str | int  # as given; the line number when the record has none
    text: str
    line: int  # 1-based line of the file (or position in a sequence)
    date: dt.date | None = None
    format: str = DEFAULT_FORMAT  # a parser suffix without the dot: txt, md, ...


@dataclass(frozen=True)
class RecordProblem:
    """A line that cannot be linted, and why (one line for the user, without the location)."""

    line: int
    message: str
    id: str | int | None = None  # when the record named one


def read_records(path: str | Path, fields: RecordFields = RecordFields(),
                 max_line_bytes: int | None = None) -> Iterator[Record | RecordProblem]:
    """Yield a Record or a RecordProblem for every non-blank line of a JSON Lines file.

    A line longer than ``max_line_bytes`` is skipped in chunks, never held whole.
    """
    with open(path, "rb") as stream:
        number = 0
        while True:
            raw = stream.readline(max_line_bytes + 1) if max_line_bytes else stream.readline()
            if not raw:
                return
            number += 1
            if max_line_bytes and len(raw) > max_line_bytes and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # drain the rest of the line
                    raw = stream.readline(_CHUNK)
                yield RecordProblem(number, f"line is over the {_megabytes(max_line_bytes)} limit; not read "
                                            "(raise max-file-size in config to lint it)")
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                yield RecordProblem(number, f"not UTF-8: invalid byte 0x{raw[exc.start]:02x} "
                                            f"at byte offset {exc.start}")
                continue
            item = parse_line(line, number, fields)
            if item is not None:
                yield item


def parse_line(line: str, number: int, fields: RecordFields = RecordFields(),
               default_id: str | int | None = None) -> Record | RecordProblem | None:
    """A record from one line of JSON Lines text; None for a blank line."""
    if not line.strip():
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordProblem(number, f"not valid JSON: {exc.msg} (column {exc.colno})", default_id)
    return parse_record(data, number, fields, default_id)


def parse_record(data: Any, line: int, fields: RecordFields = RecordFields(),
                 default_id: str | int | None = None) -> Record | RecordProblem:
    """A record from one decoded JSON value (also what each item of a Dask bag is).

    A record without an id is named ``default_id``, else by its line.
    """
    if not isinstance(data, Mapping):
        return RecordProblem(line, f"a record must be a JSON object, not {_kind(data)}", default_id)
    record_id = data.get(fields.id)
    if record_id is None or record_id == "":
        record_id = line if default_id is None else default_id
    elif isinstance(record_id, bool) or not isinstance(record_id, str | int):
        return RecordProblem(line, f"'{fields.id}' must be a string or an integer, not {_kind(record_id)}",
                             default_id)
    if fields.text not in data:
        return RecordProblem(line, f"no '{fields.text}' field", record_id)
    text = data[fields.text]
    if not isinstance(text, str):
        return RecordProblem(line, f"'{fields.text}' must be a string, not {_kind(text)}", record_id)
    surrogate = _UNPAIRED_SURROGATE.search(text)
    if surrogate:
        return RecordProblem(line, f"'{fields.text}' has an unpaired surrogate (U+{ord(surrogate[0]):04X}) "
                                   f"at character {surrogate.start() + 1}", record_id)
    date = data.get(fields.date)
    if date is not None and date != "":
        date = _parse_date(date)
        if date is None:
            return RecordProblem(line, f"'{fields.date}' must be an ISO date like 2024-04-10, not "
                                       f"{json.dumps(data[fields.date], ensure_ascii=False)}", record_id)
    else:
        date = None
    form = data.get(fields.format)
    if form is None or form == "":
        form = fields.default_format
    elif not isinstance(form, str):
        return RecordProblem(line, f"'{fields.format}' must be a string such as \"md\" or \"txt\", "
                                   f"not {_kind(form)}", record_id)
    return Record(record_id, text, line, date, form.strip().lower().lstrip("."))


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def _kind(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def record_name(source: str, record_id: str | int) -> str:
    """How findings name a record: ``corpus.jsonl#id`` (control characters escaped)."""
    shown = _CONTROL.sub(lambda match: json.dumps(match[0])[1:-1], str(record_id))
    return f"{source}#{shown}" if source else shown


def lint_record(record: Record, display: str, settings: LintSettings, parser) -> FileResult:
    """Lint one record's text through the same pipeline as a file's bytes.

    The text is already decoded, so the config's ``encoding`` does not apply; going through
    ``lint_bytes`` keeps the file pipeline's notes (NUL characters, the size limit) alike.
    """
    settings = replace(settings, encoding="utf-8", reference_date=record.date or settings.reference_date)
    result, _, _ = lint_bytes(record.text.encode("utf-8"), display, settings, parser)
    return result


def lint_records(
    path: str | Path,
    session_or_settings: Session | LintSettings,
    *,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "date",
    format_field: str = "format",
    default_format: str = DEFAULT_FORMAT,
    parsers: Mapping[str, Any] | None = None,
) -> Iterator[FileResult]:
    """Lint every record of a JSON Lines file; yield one FileResult per non-blank line.

    With a Session, the config is the one a file in the corpus's folder would get (and
    ``fails`` follows its fail-on level); with bare LintSettings, ``parsers`` maps suffixes
    to parsers (default: the built-in ones) and ``fails`` means a warning or worse.
    A result's ``path`` names the record (``corpus.jsonl#id``); a line that is not a record
    gives a result with no findings, ``incomplete`` set and one note ``corpus.jsonl:LINE: ...``.

    Config, rule and fact-file errors, and a missing corpus, raise UserError here, before
    the first record is read.
    """
    path = Path(path)
    display = display_path(path)
    if not path.exists() or path.is_dir():
        raise UserError("JSON Lines file not found", display)
    if isinstance(session_or_settings, Session):
        session = session_or_settings
        config = session.config_for(path.parent)
        settings = session.settings_for(config, path)
        parsers = session.registry.parsers
        fail_level = session.fail_level(config)
    else:
        settings = session_or_settings
        parsers = parsers if parsers is not None else newslint_parsers()
        fail_level = Severity.WARNING
    fields = RecordFields(id_field, text_field, date_field, format_field, default_format)
    items = read_records(path, fields, LINE_LIMIT_FACTOR * settings.max_file_size)
    return _lint_items(items, display, settings, parsers, fail_level)


def _lint_items(items, display, settings, parsers, fail_level) -> Iterator[FileResult]:
    for item in items:
        result = _lint_item(item, display, settings, parsers)
        result.fails = fail_level is not None and any(d.severity >= fail_level for d in result.diagnostics)
        yield result


def _lint_item(item: Record | RecordProblem, source: str, settings: LintSettings,
               parsers: Mapping[str, Any]) -> FileResult:
    """Lint a record, or turn a problem into an incomplete result with one note."""
    item = with_known_format(item, parsers)
    if isinstance(item, Record):
        return lint_record(item, record_name(source, item.id), settings, parsers[f".{item.format}"])
    name = record_name(source, item.id if item.id is not None else item.line)
    return FileResult(name, [], incomplete=True, notes=[f"{source}:{item.line}: {item.message}"])


def with_known_format(item: Record | RecordProblem, parsers: Mapping[str, Any]) -> Record | RecordProblem:
    """The record, or a problem when no parser is registered for its format."""
    if not isinstance(item, Record) or f".{item.format}" in parsers:
        return item
    known = ", ".join(sorted(suffix.lstrip(".") for suffix in parsers))
    return RecordProblem(item.line, f"unknown format {item.format!r} (known: {known})", item.id)


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:.1f} MB"
