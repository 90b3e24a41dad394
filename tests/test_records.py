"""JSON Lines corpora: every record linted like a file, named in every finding, bad lines reported."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from newslint.errors import UserError
from newslint.registry import Registry
from newslint.records import lint_records
from newslint.runner import Options, Session

from conftest import SEEDS, seed


@pytest.fixture
def corpus_dir(tmp_path, monkeypatch) -> Path:
    """A folder holding the seed config and fact file (published: 2024-04-10), as the working folder."""
    for name in ("newslint.toml", "facts.yaml"):
        shutil.copy(SEEDS / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_jsonl(path: Path, *lines: dict | str) -> Path:
    """One line per item: a dict as JSON, a string as it is."""
    path.write_text("".join((json.dumps(line) if isinstance(line, dict) else line) + "\n" for line in lines),
                    encoding="utf-8")
    return path


def lint(path: Path, options: Options | None = None, **fields) -> list:
    return list(lint_records(path, Session(options or Options(), Registry()), **fields))


def findings(results) -> list[tuple[str, str, int, int]]:
    return [(d.path, d.code, d.line, d.column) for result in results for d in result.diagnostics]


def test_each_record_is_linted_like_its_seed_file_and_every_finding_names_the_record(corpus_dir):
    corpus = write_jsonl(corpus_dir / "corpus.jsonl",
                         {"id": "kishida-cnn", "text": seed(1).read_text(encoding="utf-8")},
                         {"id": 42, "text": seed(3).read_text(encoding="utf-8")})
    results = lint(corpus)
    assert [result.path for result in results] == ["corpus.jsonl#kishida-cnn", "corpus.jsonl#42"]
    assert findings(results) == [
        ("corpus.jsonl#kishida-cnn", "NL101", 3, 1),
        ("corpus.jsonl#kishida-cnn", "NL109", 28, 270),
        ("corpus.jsonl#kishida-cnn", "NL501", 32, 52),
        ("corpus.jsonl#kishida-cnn", "NL201", 40, 1),
        ("corpus.jsonl#42", "NL107", 1, 1),
        ("corpus.jsonl#42", "NL401", 5, 4),
        ("corpus.jsonl#42", "NL501", 5, 349),
    ]
    first = results[0].diagnostics[0]
    assert first.message == "The headline is repeated here (it is already on line 1)"
    assert all(result.fails and not result.incomplete and not result.notes for result in results)


def test_ids_come_from_the_named_field_else_the_line_number(corpus_dir):
    text = seed(1).read_text(encoding="utf-8")
    corpus = write_jsonl(corpus_dir / "corpus.jsonl",
                         {"url": "https://example.org/a", "text": text},
                         "",  # blank lines are skipped, but still counted
                         {"text": text},
                         {"url": None, "text": text})
    results = lint(corpus, id_field="url")
    assert [result.path for result in results] == [
        "corpus.jsonl#https://example.org/a", "corpus.jsonl#3", "corpus.jsonl#4",
    ]


def test_text_field_can_be_renamed(corpus_dir):
    corpus = write_jsonl(corpus_dir / "corpus.jsonl", {"id": "a", "body": seed(1).read_text(encoding="utf-8")})
    assert [code for _, code, _, _ in findings(lint(corpus, text_field="body"))] == [
        "NL101", "NL109", "NL501", "NL201",
    ]


# Seed 003 says "In last year Japan lost their position ... to the Germany" (line 5), "Earlier this
# month, ... subsidies ... 590 billion yen" (line 8) and "Last year, Japanese foreign direct
# investment to the US exceeded $750 billion" (line 9). The fact file dates the story April 2024.
FIGURES_IN_APRIL_2024 = [
    (5, 4, "figure 'last year' (2023) does not match the reference 2024 (facts.yaml:88, japan-loses-third-place)"),
]
FIGURES_IN_MARCH_2025 = [
    (8, 1, "figure 'Earlier this month' (March 2025) does not match the reference April 2024 "
           "(facts.yaml:38, rapidus-new-subsidy)"),
    (9, 1, "figure 'Last year' (2024) does not match the reference 2023 (facts.yaml:23, japan-fdi-in-us)"),
]


def figure_findings(result) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in result.diagnostics if d.code == "NL401"]


def test_a_record_date_is_what_its_relative_dates_are_read_against(corpus_dir):
    text = seed(3).read_text(encoding="utf-8")
    corpus = write_jsonl(corpus_dir / "corpus.jsonl",
                         {"id": "undated", "text": text},
                         {"id": "dated", "text": text, "date": "2025-03-01"},
                         {"id": "timestamp", "text": text, "date": "2025-03-01T09:30:00+09:00"})
    undated, dated, timestamp = lint(corpus)
    assert figure_findings(undated) == FIGURES_IN_APRIL_2024
    assert figure_findings(dated) == FIGURES_IN_MARCH_2025
    assert figure_findings(timestamp) == FIGURES_IN_MARCH_2025


def test_a_record_date_overrides_the_date_option_and_the_date_field_can_be_renamed(corpus_dir):
    text = seed(3).read_text(encoding="utf-8")
    corpus = write_jsonl(corpus_dir / "corpus.jsonl",
                         {"id": "dated", "text": text, "published_at": "2025-03-01"},
                         {"id": "undated", "text": text})
    dated, undated = lint(corpus, Options(date=dt.date(2024, 4, 10)), date_field="published_at")
    assert figure_findings(dated) == FIGURES_IN_MARCH_2025
    assert figure_findings(undated) == FIGURES_IN_APRIL_2024


def test_bad_lines_are_one_note_each_and_the_run_goes_on(corpus_dir):
    text = seed(1).read_text(encoding="utf-8")
    corpus = write_jsonl(
        corpus_dir / "corpus.jsonl",
        {"id": "first", "text": text},
        '{"id": "broken", "text": ',
        "[1, 2]",
        {"id": "no-text", "body": text},
        {"id": "number", "text": 5},
        {"id": "bad-date", "text": text, "date": "yesterday"},
        {"id": "html", "text": text, "format": "html"},
        {"id": ["a"], "text": text},
        {"id": "last", "text": text},
    )
    results = lint(corpus)
    notes = [note for result in results for note in result.notes]
    assert notes == [
        "corpus.jsonl:2: not valid JSON: Expecting value (column 26)",
        "corpus.jsonl:3: a record must be a JSON object, not an array",
        "corpus.jsonl:4: no 'text' field",
        "corpus.jsonl:5: 'text' must be a string, not a number",
        "corpus.jsonl:6: 'date' must be an ISO date like 2024-04-10, not \"yesterday\"",
        "corpus.jsonl:7: unknown format 'html' (known: markdown, md, txt)",
        "corpus.jsonl:8: 'id' must be a string or an integer, not an array",
    ]
    assert [(result.path, result.incomplete) for result in results] == [
        ("corpus.jsonl#first", False),
        ("corpus.jsonl#2", True),
        ("corpus.jsonl#3", True),
        ("corpus.jsonl#no-text", True),
        ("corpus.jsonl#number", True),
        ("corpus.jsonl#bad-date", True),
        ("corpus.jsonl#html", True),
        ("corpus.jsonl#8", True),
        ("corpus.jsonl#last", False),
    ]
    assert findings(results[-1:]) == [
        ("corpus.jsonl#last", "NL101", 3, 1),
        ("corpus.jsonl#last", "NL109", 28, 270),
        ("corpus.jsonl#last", "NL501", 32, 52),
        ("corpus.jsonl#last", "NL201", 40, 1),
    ]


def test_markdown_records_are_parsed_as_markdown(corpus_dir):
    # In Markdown the front matter's date is the article's date; in plain text it is just text.
    text = "---\ndate: 2025-03-01\n---\n" + seed(3).read_text(encoding="utf-8")
    corpus = write_jsonl(corpus_dir / "corpus.jsonl", {"id": "md", "text": text, "format": "md"})
    (result,) = lint(corpus)
    assert [(line - 3, column, message) for line, column, message in figure_findings(result)] == \
        FIGURES_IN_MARCH_2025
    (result,) = lint(corpus, default_format="md", format_field="kind")
    assert [(line - 3, column, message) for line, column, message in figure_findings(result)] == \
        FIGURES_IN_MARCH_2025


def test_a_line_over_the_size_limit_is_skipped_unread_and_a_large_text_is_refused(corpus_dir):
    with open(corpus_dir / "newslint.toml", "a", encoding="utf-8") as config:
        config.write('max-file-size = "100KB"\n')  # lines over 8 x 100 KB are not read
    corpus = write_jsonl(corpus_dir / "corpus.jsonl",
                         {"id": "huge", "text": "word " * 200_000},
                         {"id": "large", "text": "word " * 30_000},
                         {"id": "fine", "text": seed(1).read_text(encoding="utf-8")})
    huge, large, fine = lint(corpus)
    assert huge.notes == ["corpus.jsonl:1: line is over the 0.8 MB limit; not read "
                          "(raise max-file-size in config to lint it)"]
    assert [(d.code, d.message) for d in large.diagnostics] == [
        ("NL909", "file is 0.1 MB, over the 0.1 MB limit; not read (raise max-file-size in config to lint it)"),
    ]
    assert [d.code for d in fine.diagnostics] == ["NL101", "NL109", "NL501", "NL201"]


def test_records_are_streamed_one_line_at_a_time(corpus_dir):
    """The first result arrives before the rest of the corpus has been written."""
    fifo = corpus_dir / "corpus.jsonl"
    os.mkfifo(fifo)
    text = seed(1).read_text(encoding="utf-8")
    first_seen, second_written = threading.Event(), threading.Event()

    def write():
        with open(fifo, "w", encoding="utf-8") as stream:
            stream.write(json.dumps({"id": "one", "text": text}) + "\n")
            stream.flush()
            first_seen.wait(timeout=10)  # a reader that waits for the end of the file gets it only after this
            second_written.set()
            stream.write(json.dumps({"id": "two", "text": text}) + "\n")

    results = lint_records(fifo, Session(Options(), Registry()))
    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert next(results).path == "corpus.jsonl#one"
        assert not second_written.is_set()
        first_seen.set()
        assert [result.path for result in results] == ["corpus.jsonl#two"]
    finally:
        first_seen.set()
        writer.join()


def test_a_missing_corpus_or_a_bad_config_is_an_error_before_any_record(corpus_dir):
    with pytest.raises(UserError, match="^corpus.jsonl: JSON Lines file not found$"):
        lint_records("corpus.jsonl", Session(Options(), Registry()))
    corpus = write_jsonl(corpus_dir / "corpus.jsonl", {"id": "a", "text": "Headline\n\nBody."})
    (corpus_dir / "newslint.toml").write_text('select = ["NL999"]\n', encoding="utf-8")
    with pytest.raises(UserError, match="newslint.toml:1: select: unknown rule 'NL999'"):
        lint_records(corpus, Session(Options(), Registry()))


def test_bare_lint_settings_lint_the_same_as_a_session(corpus_dir):
    corpus = write_jsonl(corpus_dir / "corpus.jsonl",
                         {"id": "md", "text": seed(1).read_text(encoding="utf-8"), "format": "md"},
                         {"id": "txt", "text": seed(3).read_text(encoding="utf-8"), "date": "2025-03-01"})
    session = Session(Options(), Registry())
    settings = session.settings_for(session.config_for(corpus_dir))
    assert findings(lint_records(corpus, settings)) == findings(lint_records(corpus, session))
