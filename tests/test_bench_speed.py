"""bench/speed.py and bench/budget.py run on a small corpus and print every figure (no
assertion on speed)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import BENCH_CORPUS_SIZE, REPO

from newslint.testing import registry

SPEED = REPO / "bench" / "speed.py"
RULE_LOADS = ("vale-equiv", "default", "default+facts")


def _run(*args: str) -> str:
    run = subprocess.run([sys.executable, *args], check=False, capture_output=True, text=True, cwd=REPO, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def _table(out: str) -> list[list[str]]:
    """The rows under the header line 'corpus  fmt  rules ...', split into columns."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split()[:3] == ["corpus", "fmt", "rules"])
    rows = []
    for line in lines[start + 1:]:
        cells = line.split()
        if not cells or not cells[0].isdigit():
            break
        rows.append(cells)
    return rows


@pytest.fixture(scope="module")
def corpus(bench_corpus):
    return bench_corpus


def test_speed_prints_a_row_per_format_and_rule_load(corpus):
    out = _run(str(SPEED), str(corpus), "--single-runs", "2", "--repeat", "2")
    rows = _table(out)
    newslint_rows = [(fmt, rules) for _, fmt, rules, *_ in rows if rules != "vale"]
    assert newslint_rows == [(fmt, rules) for fmt in ("md", "txt") for rules in RULE_LOADS]
    for size, _fmt, _rules, articles, wall, rate, peak_mb, status, findings, *_target in rows:
        assert (size, articles) == (str(BENCH_CORPUS_SIZE),) * 2
        assert float(wall) > 0 and float(rate) > 0 and float(peak_mb) > 0
        assert status in ("0", "1")
        assert findings.isdigit() and int(findings) > 0
    assert "single file (article-000001.md, default rules, median of 2): " in out
    assert any(line.startswith((f"cached re-run ({BENCH_CORPUS_SIZE} md articles",
                                     f"cache ({BENCH_CORPUS_SIZE} md articles): not available"))
               for line in out.splitlines())
    assert "reference (issue 'Speed and scale', Vale with the three rules): 415/s at 1,000 (197 MB)" in out


def test_budget_prints_each_cost_and_the_allowance_at_both_vale_rates(corpus):
    out = _run(str(REPO / "bench" / "budget.py"), str(corpus), "--repeat", "1").splitlines()
    rules = [rule for rule in registry().rulebook().sorted() if rule.enabled_by_default and not rule.pipeline_note]
    assert re.fullmatch(rf"{BENCH_CORPUS_SIZE} Markdown articles of .*corpus: \d+ sentences an article, {len(rules)} default rules", out[0])
    labels = ["full run (every default rule)", "floor (read, blocks, output)", "sentences", "rules (full run - floor)",
              "figures of every sentence", "one re search per rule/sentence"]
    for label, line in zip(labels, out[1:7]):
        assert line.strip().startswith(label)
        assert float(line[len(label) + 2:].split()[0]) > 0, line
    assert [line.split(" articles")[0] for line in out[7:]] == ["Vale at  1,000", "Vale at 10,000"]
    assert all(re.search(r"left for the rules -?\d+\.\d\d ms, they take \d+\.\d\d ms \(-?\d+\.\dx the allowance\)$",
                         line) for line in out[7:])
