"""bench/speed.py runs on a small corpus and prints a full table (no assertion on speed)."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

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


def test_speed_prints_a_row_per_format_and_rule_load(tmp_path):
    corpus = tmp_path / "corpus"
    _run(str(REPO / "bench" / "make_corpus.py"), str(corpus), "-n", "20")
    _run(str(REPO / "bench" / "corpus_facts.py"), str(corpus))
    out = _run(str(SPEED), str(corpus), "--single-runs", "2", "--repeat", "2")
    rows = _table(out)
    newslint_rows = [(fmt, rules) for _, fmt, rules, *_ in rows if rules != "vale"]
    assert newslint_rows == [(fmt, rules) for fmt in ("md", "txt") for rules in RULE_LOADS]
    for size, _fmt, _rules, articles, wall, rate, peak_mb, status, findings, *_target in rows:
        assert (size, articles) == ("20", "20")
        assert float(wall) > 0 and float(rate) > 0 and float(peak_mb) > 0
        assert status in ("0", "1")
        assert findings.isdigit() and int(findings) > 0
    assert "single file (article-000001.md, default rules, median of 2): " in out
    assert any(line.startswith(("cached re-run (20 md articles", "cache (20 md articles): not available"))
               for line in out.splitlines())
    assert "reference (issue 'Speed and scale', Vale with the three rules): 415/s at 1,000 (197 MB)" in out
