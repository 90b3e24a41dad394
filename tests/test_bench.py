"""The benchmark scripts run from a clean checkout on a small corpus and print their figures."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO


def _run(*args: str, cwd=REPO) -> str:
    run = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, timeout=600)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def corpus(bench_corpus):
    return bench_corpus


def test_corpus_facts_writes_a_fact_file_newslint_accepts(corpus, cli):
    run = cli("--check-facts", str(corpus / "facts.yaml"))
    assert run.code == 0 and run.out.endswith("280 facts with 280 values; rates USD/JPY, USD/EUR\n")


def test_bench_links_scores_the_planted_links(corpus):
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines()]
    fabricated = sum(link["fabricated"] for article in manifest for link in article["where_txt"]["links"])
    real = sum(not link["fabricated"] for article in manifest for link in article["where_txt"]["links"])
    lines = _run(str(REPO / "bench" / "links.py"), str(corpus)).splitlines()
    assert lines[0].startswith("default rules: fabricated links caught ")
    assert lines[0].endswith(f"real links flagged 0 of {real}; findings on other lines 0")
    assert lines[1] == (f"with NL306 and the fact file: fabricated links caught {fabricated} of {fabricated} "
                        f"(1.000); real links flagged 0 of {real}; findings on other lines 0")


def test_bench_claims_on_the_corpus_reports_the_planted_sentences(corpus):
    lines = _run(str(REPO / "bench" / "claims.py"), "--corpus", str(corpus)).splitlines()
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines()]
    planted = sum(len(article["where_txt"]["unsupported"]) for article in manifest)
    assert lines[3] == f"corpus: 25 articles, {planted} planted unsupported sentences"
    assert lines[4].startswith(f"planted sentences with a claim finding: {planted} (1.000)")
    assert lines[5] == "warning-level claim findings on other lines: 0"
