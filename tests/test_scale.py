"""--jobs, the result cache and --jsonl, through the CLI."""

from __future__ import annotations

import json

import pytest
from conftest import seed

import newslint.runner
from newslint.runner import lint_bytes as real_lint_bytes

REPEATED = "Kishida woos US investors\n\nKishida woos US investors\n\nJapan's prime minister met chip executives.\n"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(40):
        source = seed(1 + number % 4)
        (folder / f"{number:02d}.txt").write_bytes(source.read_bytes())
    return tmp_path


@pytest.fixture
def lint_calls(monkeypatch):
    """How many files were actually linted (not answered from the cache)."""
    calls = []

    def counting(data, display, settings, parser):
        calls.append(display)
        return real_lint_bytes(data, display, settings, parser)

    monkeypatch.setattr(newslint.runner, "lint_bytes", counting)
    return calls


def test_jobs_give_the_same_output_in_the_same_order(cli, corpus):
    one = cli("--no-cache", "--jobs", "1", "corpus", cwd=corpus)
    two = cli("--no-cache", "--jobs", "2", "corpus", cwd=corpus)
    assert (two.code, two.out) == (one.code, one.out)
    paths = [line.split(":", 1)[0] for line in one.lines[:-1]]
    assert paths == sorted(paths) and len(set(paths)) == 40
    # Ten copies each of seeds 1-4, which alone give 26 findings (3 errors, 17 warnings, 6 info).
    assert one.lines[-1] == ("Found 260 findings (30 errors, 170 warnings, 60 info) in 40 of 40 files. "
                             "40 fixable with --fix (see --diff), 80 more with --unsafe-fixes.")


@pytest.mark.parametrize("options", [("--format", "json"), ("--format", "github"), ("--format", "sarif"),
                                     ("--format", "text"), ("--statistics",)])
def test_jobs_give_the_same_output_in_every_format(cli, corpus, options):
    # json, github and concise are rendered in the workers (Session.compact); the others are not.
    one = cli("--no-cache", "--jobs", "1", *options, "corpus", cwd=corpus)
    two = cli("--no-cache", "--jobs", "2", *options, "corpus", cwd=corpus)
    assert (two.code, two.out) == (one.code, one.out)
    if options == ("--format", "json"):
        assert json.loads(one.out)["summary"] == {"files": 40, "findings": 260, "error": 30, "warning": 170,
                                                  "info": 60, "incomplete": False}


def test_findings_cached_by_workers_come_back_the_same(cli, corpus, lint_calls):
    first = cli("--jobs", "2", "--format", "json", "corpus", cwd=corpus)
    second = cli("--jobs", "1", "--format", "json", "corpus", cwd=corpus)
    assert lint_calls == []  # the first run linted in workers, the second answered from their entries
    assert (second.code, second.out) == (first.code, first.out)


def test_a_second_run_answers_from_the_cache_and_relints_only_what_changed(cli, corpus, lint_calls):
    first = cli("--jobs", "1", "corpus", cwd=corpus)
    assert len(lint_calls) == 40
    assert (corpus / ".newslint_cache" / "results.sqlite3").is_file()
    assert (corpus / ".newslint_cache" / ".gitignore").read_text().endswith("*\n")
    lint_calls.clear()
    second = cli("--jobs", "1", "corpus", cwd=corpus)
    assert (second.code, second.out, lint_calls) == (first.code, first.out, [])

    (corpus / "corpus" / "07.txt").write_text(REPEATED, encoding="utf-8")
    third = cli("--jobs", "1", "corpus", cwd=corpus)
    assert lint_calls == ["corpus/07.txt"]
    assert "corpus/07.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)" in third.lines

    lint_calls.clear()  # a config change (here: severities) invalidates every entry
    (corpus / "newslint.toml").write_text('[severity]\nNL101 = "error"\n', encoding="utf-8")
    fourth = cli("--jobs", "1", "corpus", cwd=corpus)
    assert len(lint_calls) == 40
    assert "corpus/07.txt:3:1: NL101 [error] The headline is repeated here (it is already on line 1)" in fourth.lines


def test_a_fact_file_change_invalidates_the_cache(cli, corpus, lint_calls):
    facts = corpus / "facts.yaml"
    facts.write_text("facts: []\n", encoding="utf-8")
    cli("--jobs", "1", "--facts", "facts.yaml", "corpus", cwd=corpus)
    lint_calls.clear()
    facts.write_text("published: 2024-04-10\nfacts: []\n", encoding="utf-8")
    cli("--jobs", "1", "--facts", "facts.yaml", "corpus", cwd=corpus)
    assert len(lint_calls) == 40


def test_no_cache_reads_and_writes_no_cache(cli, corpus, lint_calls):
    cli("--no-cache", "--jobs", "1", "corpus", cwd=corpus)
    assert not (corpus / ".newslint_cache").exists()
    cli("--jobs", "1", "corpus", cwd=corpus)  # fills the cache
    lint_calls.clear()
    cli("--no-cache", "--jobs", "1", "corpus", cwd=corpus)
    assert len(lint_calls) == 40


def test_an_unusable_cache_folder_is_a_warning_not_a_failure(cli, corpus):
    (corpus / "blocked").write_text("a file where the cache folder should be", encoding="utf-8")
    run = cli("--cache-dir", "blocked", "--jobs", "1", "corpus", cwd=corpus)
    assert run.code == 1 and run.lines[-1].startswith("Found ")
    assert run.err.startswith("newslint: warning: cache disabled: cannot use ")


def test_jsonl_records_are_linted_and_named(cli, tmp_path):
    records = tmp_path / "corpus.jsonl"
    records.write_text(
        json.dumps({"id": "kishida-1", "text": REPEATED}) + "\n"
        + "{broken\n"
        + json.dumps({"id": 7, "text": "Japan woos investors\n\nJapan's prime minister met chip executives.\n"}) + "\n",
        encoding="utf-8")
    run = cli("--jsonl", "corpus.jsonl", cwd=tmp_path)
    assert run.lines[0] == "corpus.jsonl#kishida-1:3:1: NL101 [warning] The headline is repeated here (it is " \
                           "already on line 1)"
    assert run.err.startswith("newslint: corpus.jsonl:2: not valid JSON")
    assert run.code == 2  # a record could not be read: the run is incomplete
    run = cli("--jsonl", "corpus.jsonl", "--fix", cwd=tmp_path)
    assert (run.code, run.err) == (2, "newslint: error: --jsonl cannot be combined with --fix\n")


def test_a_parallel_rerun_answers_every_file_from_the_cache_in_the_workers(cli, corpus, monkeypatch):
    # Forked workers do the linting, so they record it in a file the test can read.
    log = corpus / "linted.log"

    def logging_lint(data, display, settings, parser):
        with log.open("a", encoding="utf-8") as handle:
            handle.write(display + "\n")
        return real_lint_bytes(data, display, settings, parser)

    monkeypatch.setattr(newslint.runner, "lint_bytes", logging_lint)
    first = cli("--jobs", "2", "--format", "json", "corpus", cwd=corpus)
    assert len(log.read_text(encoding="utf-8").splitlines()) == 40
    log.unlink()
    second = cli("--jobs", "2", "--format", "json", "corpus", cwd=corpus)
    assert not log.exists()  # nothing linted again
    assert (second.code, second.out) == (first.code, first.out)


def test_a_partly_cached_parallel_run_keeps_the_order_and_the_findings(cli, corpus):
    cli("--jobs", "2", "corpus", cwd=corpus)  # fills the cache
    for number in range(3, 40, 2):  # 19 changed files: enough to go to two workers
        (corpus / "corpus" / f"{number:02d}.txt").write_text(REPEATED, encoding="utf-8")
    mixed = cli("--jobs", "2", "corpus", cwd=corpus)  # workers lint the changed files, answer the rest from the cache
    fresh = cli("--jobs", "1", "--no-cache", "corpus", cwd=corpus)
    assert (mixed.code, mixed.out) == (fresh.code, fresh.out)
    assert "corpus/21.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)" in mixed.lines
