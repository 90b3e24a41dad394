"""newslint on a Dask cluster of worker processes finds exactly what the command line finds."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from newslint.errors import UserError

from conftest import REPO, SEEDS, seed

CONFIG = SEEDS / "newslint.toml"  # the seed fact file: published 2024-04-10

MARKDOWN = """\
---
title: Chip subsidies
---
# Japan approves more chip subsidies

Earlier this month, Japan's industry ministry approved subsidies worth up to 590 billion yen
($3.9 billion) for Rapidus, [the ministry said](https://example.com/meti).

In conclusion, experts say the subsidies will double the industry's output by 2030.
"""


def records() -> list[dict]:
    """The five seed articles and a few more: dated, Markdown, clean, without an id."""
    items = [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in sorted(SEEDS.glob("*.txt"))]
    items += [
        {"id": "003-dated", "text": seed(3).read_text(encoding="utf-8"), "date": "2025-03-01"},
        {"id": "subsidies-md", "text": MARKDOWN, "format": "md"},
        {"id": "clean", "text": "Kishida visits Washington\n\nThe prime minister arrived on Monday.\n"},
        {"text": seed(1).read_text(encoding="utf-8")},
        {"id": "no-text", "body": "Kishida visits Washington"},
    ]
    return items


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)  # worker processes start in this folder, as the command line runs in it
        with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            yield client


def cli_findings(cli, tmp_path: Path, items: list[dict], *options: str) -> dict[str, list[tuple]]:
    """Write each text to a file named after its id and lint them with `newslint --format json`."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    files = []
    for item in items:
        path = folder / f"{item['id']}.{item.get('format', 'txt')}"
        path.write_text(item["text"], encoding="utf-8")
        files.append(str(path))
    run = cli("--format", "json", "--config", str(CONFIG), *options, *files, cwd=REPO)
    assert run.code in (0, 1), run.err
    found = defaultdict(list)
    for finding in json.loads(run.out)["diagnostics"]:
        found[Path(finding["path"]).stem].append((finding["code"], finding["line"], finding["column"],
                                                  finding["message"]))
    return dict(found)


def by_record(findings: list[dict]) -> dict[str, list[tuple]]:
    found = defaultdict(list)
    for finding in findings:
        found[str(finding["id"])].append((finding["code"], finding["line"], finding["column"], finding["message"]))
    return dict(found)


def test_findings_on_the_cluster_are_those_of_the_command_line(client, cli, tmp_path, monkeypatch):
    import dask.bag as db

    from newslint.dask import lint_bag

    monkeypatch.chdir(REPO)
    assert len(client.scheduler_info()["workers"]) == 2
    bag = db.from_sequence(records(), npartitions=4)
    results = lint_bag(bag, str(CONFIG)).compute()

    problems = [item for item in results if "problem" in item]
    assert problems == [{"id": "no-text", "path": "no-text", "problem": "no 'text' field"}]
    found = by_record([item for item in results if "problem" not in item])
    # The record without an id is named PARTITION.POSITION; it is seed 001 again.
    (unnamed,) = [name for name in found if re.fullmatch(r"\d+\.\d+", name)]
    assert found.pop(unnamed) == found[seed(1).stem]

    undated = [item for item in records() if "id" in item and "text" in item and "date" not in item]
    expected = cli_findings(cli, tmp_path, undated)
    expected.update(cli_findings(cli, tmp_path, [item for item in records() if "date" in item],
                                 "--date", "2025-03-01"))
    assert found == expected
    assert sorted(found) == sorted([path.stem for path in SEEDS.glob("*.txt")] + ["003-dated", "subsidies-md"])
    # The date changes what is found, so the comparison above covers it.
    assert found["003-dated"] != found[seed(3).stem]
    assert sum(len(found[path.stem]) for path in SEEDS.glob("*.txt")) == 25  # as in the README
    # Every finding dict carries the JSON output's fields and the record id.
    first = next(item for item in results if item.get("code") == "NL101")
    assert first["path"] == first["id"] == seed(1).stem
    assert first["fix"]["applicability"] == "safe"


def test_options_travel_to_the_workers(client, monkeypatch):
    import dask.bag as db

    from newslint.dask import lint_bag

    monkeypatch.chdir(REPO)
    bag = db.from_sequence(records()[:5], npartitions=2)
    findings = lint_bag(bag, select=["NL201"], facts="seeds/facts.yaml", date=dt.date(2024, 4, 10)).compute()
    assert sorted((item["id"], item["code"], item["line"]) for item in findings) == [
        (seed(1).stem, "NL201", 40),
        (seed(2).stem, "NL201", 48),
        (seed(4).stem, "NL201", 74),
    ]


def test_lines_read_with_read_text_are_records_and_a_broken_line_is_a_problem(client, tmp_path, monkeypatch):
    import dask.bag as db

    from newslint.dask import lint_bag

    monkeypatch.chdir(REPO)
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "cnn", "text": seed(1).read_text(encoding="utf-8")}), "", '{"id": "broken", ',
             json.dumps({"id": "cookies", "text": seed(4).read_text(encoding="utf-8")})]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = lint_bag(db.read_text(str(corpus)), str(CONFIG), select=["NL201"]).compute()
    assert [(item["id"], item.get("code"), item.get("line"), item.get("problem")) for item in results] == [
        ("cnn", "NL201", 40, None),
        ("0.2", None, None, "not valid JSON: Expecting property name enclosed in double quotes (column 18)"),
        ("cookies", "NL201", 74, None),
    ]


def test_a_bad_config_is_one_line_with_its_file_and_line(client, tmp_path):
    import dask.bag as db

    from newslint.dask import lint_bag

    config = tmp_path / "newslint.toml"
    config.write_text('fail-on = "warning"\nselect = ["NL999"]\n', encoding="utf-8")
    bag = db.from_sequence(records()[:2], npartitions=2)
    with pytest.raises(UserError, match=re.escape(f"{config}:2: select: unknown rule 'NL999'")):
        lint_bag(bag, config).compute()


def test_findings_as_a_dataframe(client, monkeypatch):
    pytest.importorskip("dask.dataframe")
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from newslint.dask import FINDING_COLUMNS, lint_bag, lint_dataframe, to_dataframe

    monkeypatch.chdir(REPO)
    items = records()[:6]
    frame = to_dataframe(lint_bag(db.from_sequence(items, npartitions=2), str(CONFIG))).compute()
    assert tuple(frame.columns) == FINDING_COLUMNS
    assert len(frame) == 25 + 4  # the seeds, and the dated seed 003
    row = frame[frame.code == "NL109"].iloc[0]
    assert (row.id, row.line, row.column) == (seed(1).stem, 28, 270)

    pandas_frame = pd.DataFrame(items)  # 'date' is missing (NaN or None) on all but one row
    from_frame = lint_dataframe(dd.from_pandas(pandas_frame, npartitions=2), str(CONFIG)).compute()
    assert sorted(map(tuple, from_frame.astype(str).values)) == sorted(map(tuple, frame.astype(str).values))


def test_without_dask_the_error_says_what_to_install(monkeypatch):
    from newslint.dask import lint_bag

    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'newslint[dask]'")):
        lint_bag([])
