"""Lint a corpus on a Dask cluster: a bag of record dicts in, a bag of finding dicts out.

Records have the shape of the JSON Lines records (see newslint.records). Only plain
options (paths, selectors, a date) travel in the task graph; each partition builds its
rules and settings once, on the worker, so no compiled pattern or rule object is ever
pickled. Workers need newslint installed, and the config and fact files at the same paths.

Dask is an optional dependency: ``pip install 'newslint[dask]'``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.config import default_config
from newslint.errors import UserError
from newslint.records import (
    DEFAULT_FORMAT,
    RecordFields,
    RecordProblem,
    lint_record,
    parse_line,
    parse_record,
    record_name,
    with_known_format,
)
from newslint.registry import Registry
from newslint.runner import Options, Session

# The columns of to_dataframe(), in order; a finding's fix (a list of edits) stays in the bag.
FINDING_COLUMNS = ("id", "path", "line", "column", "end_line", "end_column", "code", "name", "category",
                   "severity", "message", "help", "evidence")
_INTEGER_COLUMNS = {"line", "column", "end_line", "end_column"}


def _require_dask():
    try:
        import dask.bag
    except ImportError as exc:
        raise ImportError(f"newslint.dask needs Dask ({exc}); install it with: pip install 'newslint[dask]'") from exc
    return dask.bag


@dataclass(frozen=True)
class LintPlan:
    """What a worker needs to build its settings: plain, picklable data only."""

    config: str | None = None
    facts: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    date: dt.date | None = None
    fields: RecordFields = RecordFields()


def lint_bag(
    bag,
    config: str | os.PathLike | None = None,
    *,
    text_field: str = "text",
    id_field: str = "id",
    date_field: str = "date",
    format_field: str = "format",
    default_format: str = DEFAULT_FORMAT,
    facts: str | os.PathLike | None = None,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    date: dt.date | None = None,
):
    """A bag of finding dicts (``Diagnostic.to_dict()`` plus the record's ``id``).

    The bag holds record dicts, or lines of JSON Lines text (``dask.bag.read_text``), where
    a line that is not valid JSON is a problem like any other, not a failed computation.

    ``config`` is one config file for every record (there is no folder to look one up
    from; without it the built-in defaults apply). Relative paths are made absolute here,
    on the client. A record without an id is named ``PARTITION.POSITION`` (both 0-based).
    A record that cannot be linted (not a dict, no text, a bad date) gives one dict with
    ``id``, ``path`` and ``problem`` instead of findings. A bad config or fact file raises
    UserError when the bag is computed.
    """
    dask_bag = _require_dask()
    plan = LintPlan(
        config=_absolute(config),
        facts=_absolute(facts),
        select=tuple(select) if select is not None else None,
        extend_select=tuple(extend_select),
        ignore=tuple(ignore),
        date=date,
        fields=RecordFields(id_field, text_field, date_field, format_field, default_format),
    )
    numbers = dask_bag.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    return bag.map_partitions(lint_partition, numbers, plan)


def lint_partition(records: Iterable[Any], numbers: Iterable[int], plan: LintPlan) -> list[dict[str, Any]]:
    """Lint one partition: build the settings once, then list its finding (or problem) dicts.

    A list, not a generator: a partition's result may travel to another worker.
    """
    return list(_lint_partition(records, next(iter(numbers)), plan))


def _lint_partition(records: Iterable[Any], partition: int, plan: LintPlan) -> Iterator[dict[str, Any]]:
    settings, parsers = _settings(plan)
    for position, data in enumerate(records):
        unnamed = f"{partition}.{position}"
        if isinstance(data, str):  # a line of JSON Lines text, as dask.bag.read_text gives
            item = parse_line(data.rstrip("\r\n"), position + 1, plan.fields, unnamed)
            if item is None:
                continue
        else:
            item = parse_record(data, position + 1, plan.fields, unnamed)
        item = with_known_format(item, parsers)
        if isinstance(item, RecordProblem):
            yield {"id": item.id, "path": record_name("", item.id), "problem": item.message}
            continue
        result = lint_record(item, record_name("", item.id), settings, parsers[f".{item.format}"])
        for diagnostic in result.diagnostics:
            yield {**diagnostic.to_dict(), "id": item.id}


def _settings(plan: LintPlan):
    options = Options(
        config=Path(plan.config) if plan.config else None,
        facts=Path(plan.facts) if plan.facts else None,
        select=list(plan.select) if plan.select is not None else None,
        extend_select=list(plan.extend_select),
        ignore=list(plan.ignore),
        date=plan.date,
    )
    try:
        registry = Registry()
        session = Session(options, registry)
        config = session.explicit_config or default_config(Path.cwd().resolve())
        return session.settings_for(config), registry.parsers
    except UserError as exc:
        # UserError pickles without its path and line; keep them in the message.
        raise UserError(str(exc)) from None


def _absolute(path: str | os.PathLike | None) -> str | None:
    return os.path.abspath(path) if path is not None else None


def is_finding(item: dict[str, Any]) -> bool:
    return "problem" not in item


def to_dataframe(findings):
    """A Dask DataFrame of a findings bag, one row per finding (problems left out).

    Needs ``dask[dataframe]``. Ids become strings so that the column has one type.
    """
    import pandas as pd

    meta = pd.DataFrame({
        column: pd.Series(dtype="int64" if column in _INTEGER_COLUMNS else "object") for column in FINDING_COLUMNS
    })
    return findings.filter(is_finding).map(_row).to_dataframe(meta=meta)


def _row(finding: dict[str, Any]) -> dict[str, Any]:
    row = {column: finding.get(column) for column in FINDING_COLUMNS}
    row["id"] = str(row["id"])
    return row


def lint_dataframe(frame, config: str | os.PathLike | None = None, **options):
    """Lint a Dask DataFrame with a column per record field; findings as a DataFrame."""
    records = frame.to_bag(format="dict").map(_without_nan)
    return to_dataframe(lint_bag(records, config, **options))


def _without_nan(record: dict[str, Any]) -> dict[str, Any]:
    """A missing value in a float column is NaN: treat it as an absent field."""
    return {key: value for key, value in record.items() if not (isinstance(value, float) and value != value)}
