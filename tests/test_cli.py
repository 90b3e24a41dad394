"""The command line as a user meets it: seeds, formats, exit codes and broken input."""

from __future__ import annotations

import json

from newslint.diagnostics import CATEGORIES

from conftest import REPO, run_newslint, seed

CONTRACT_FIELDS = {"path", "line", "column", "end_line", "end_column", "code", "name", "category", "severity",
                   "message"}


def test_seeds_exit_1_with_repeated_headline_and_cookie_notice(cli):
    run = cli("seeds/", cwd=REPO)
    assert run.code == 1
    assert ("seeds/001_f515593e6f37bc8d.txt:3:1: NL101 [warning] The headline is repeated here "
            "(it is already on line 1)") in run.lines
    assert ("seeds/004_0a3b941b23e20fd7.txt:74:1: NL201 [error] Spam tail after the end of the article "
            "(line 74): cookie notice") in run.lines


def test_phrase_findings_inside_a_spam_tail_are_superseded_by_it(cli):
    run = cli("--select", "NL201,NL210", "seeds/004_0a3b941b23e20fd7.txt", cwd=REPO)
    assert [line.split(": ")[1].split()[0] for line in run.lines[:-1]] == ["NL201"]
    run = cli("--select", "NL210", "seeds/004_0a3b941b23e20fd7.txt", cwd=REPO)
    assert run.lines[:2] == [
        "seeds/004_0a3b941b23e20fd7.txt:74:1: NL210 [warning] Page furniture in the article: 'This website uses cookies'",
        "seeds/004_0a3b941b23e20fd7.txt:74:60: NL210 [warning] Page furniture in the article: "
        "'you accept our use of cookies'",
    ]


def test_json_objects_carry_every_contract_field(cli):
    run = cli("--format", "json", "seeds/", cwd=REPO)
    output = json.loads(run.out)
    assert (output["version"], output["tool"]["name"]) == (1, "newslint")
    assert output["summary"] == {"files": 5, "findings": 25, "error": 4, "warning": 18, "info": 3,
                                 "incomplete": False}
    data = output["diagnostics"]
    assert len(data) == 25
    for item in data:
        assert CONTRACT_FIELDS <= set(item)
        assert item["category"] in CATEGORIES
        assert item["severity"] in ("error", "warning", "info")
    first = next(item for item in data if item["code"] == "NL101")
    assert first == {
        "path": "seeds/001_f515593e6f37bc8d.txt", "line": 3, "column": 1, "end_line": 3, "end_column": 69,
        "code": "NL101", "name": "repeated-headline", "category": "structure", "severity": "warning",
        "message": "The headline is repeated here (it is already on line 1)",
        "help": "Delete the repeated line; the headline is already above it.",
        "fix": {"description": "Delete the repeated headline", "applicability": "safe",
                "edits": [{"start": 70, "end": 140, "replacement": ""}]},
    }


def test_json_with_no_findings_has_an_empty_diagnostics_array(cli, tmp_path):
    (tmp_path / "a.txt").write_text("A fine headline for a story\n\nA body.\n", encoding="utf-8")
    run = cli("--format", "json", "a.txt", cwd=tmp_path)
    assert (run.code, json.loads(run.out)["diagnostics"]) == (0, [])


def test_text_format_shows_location_source_line_caret_help_and_summary(cli):
    run = cli("--format", "text", "--no-color", "--select", "NL101,NL201", str(seed(1).relative_to(REPO)), cwd=REPO)
    lines = run.out.splitlines()
    assert lines[0] == "seeds/001_f515593e6f37bc8d.txt  2 findings"
    assert lines[1:6] == [
        "seeds/001_f515593e6f37bc8d.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)",
        "   │",
        " 3 │ Japan seeks investment in AI, semiconductors from American companies",
        "   │ " + "^" * 68 + " repeated-headline",
        "   = help: Delete the repeated line; the headline is already above it. (fixable with --fix)",
    ]
    assert lines[7:15] == [
        "seeds/001_f515593e6f37bc8d.txt:40:1: NL201 [error] Spam tail after the end of the article (lines 40-46): "
        "site blurb, link-farm spam, comment form",
        "    │",
        " 40 │ About Kepala Bergetar",
        "    │ " + "^" * 21,
        "    ┆",
        " 46 │ Your email address will not be published. Required fields are marked *",
        "    │ " + "^" * 70 + " spam-tail",
        "    = help: Delete everything from this line to the end. (fixable with --fix)",
    ]
    assert "Found 2 findings (1 error, 1 warning, 0 info) in 1 of 1 file. 2 fixable with --fix (see --diff)." in lines
    header = next(index for index, line in enumerate(lines) if line.split() == ["category", "error", "warning", "info"])
    table = lines[header + 1:]
    assert [row.split() for row in table] == [["structure", "·", "1", "·"], ["spam-tail", "1", "·", "·"]]


def test_text_format_windows_long_lines_around_the_finding(cli, tmp_path):
    long_line = "word " * 60 + "Leave a Reply " + "word " * 60
    (tmp_path / "a.txt").write_text("A headline for this story\n\n" + long_line + "\n", encoding="utf-8")
    run = cli("--format", "text", "--no-color", "--select", "NL210", "a.txt", cwd=tmp_path)
    source, caret = [line for line in run.out.splitlines() if line.startswith((" 3 │", "   │ "))][:2]
    assert source.startswith(" 3 │ …") and source.endswith("…")
    assert source[caret.index("^"):caret.index("^") + 13] == "Leave a Reply"


def test_no_path_and_missing_path_are_usage_errors(cli, tmp_path):
    run = cli(cwd=tmp_path)
    assert (run.code, run.out) == (2, "")
    assert run.err == "newslint: error: give at least one PATH to lint (a file or a folder; see newslint --help)\n"
    run = cli("nope.txt", cwd=tmp_path)
    assert (run.code, run.err) == (2, "newslint: error: nope.txt: no such file or directory\n")
    run = cli("--frobnicate", "x", cwd=tmp_path)
    assert (run.code, run.err) == (2, "newslint: error: unrecognized arguments: --frobnicate (see newslint --help)\n")


def test_bad_yaml_rule_unknown_config_key_and_missing_path_give_one_line_and_exit_2(tmp_path):
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "bad.yaml").write_text(
        "rules:\n  - code: HS101\n    name: bad\n    kind: existence\n    patterns: ['(']\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('rule-dirs = ["styles"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    run = run_newslint("a.txt", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert run.err.startswith("newslint: error: styles/bad.yaml:")
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    (tmp_path / "newslint.toml").write_text('rule_dirs = ["styles"]\n', encoding="utf-8")
    run = run_newslint("a.txt", cwd=tmp_path)
    assert (run.code, run.err.split(" (")[0]) == (2, "newslint: error: newslint.toml:1: unknown config key 'rule_dirs'")
    run = run_newslint("missing/", cwd=tmp_path)
    assert (run.code, run.err) == (2, "newslint: error: missing/: no such file or directory\n")


def test_undecodable_and_binary_files_are_reported_and_skipped_others_linted(cli, tmp_path):
    (tmp_path / "a_latin.txt").write_bytes(b"Caf\xe9 \x81\x8d opens in Tokyo\n")
    (tmp_path / "b_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "c_good.txt").write_text("Kishida woos US investors\n\nKishida woos US investors\n", encoding="utf-8")
    run = cli(".", cwd=tmp_path)
    assert run.lines[:3] == [
        "a_latin.txt:1:1: NL903 [error] neither UTF-8 (invalid byte 0xe9 at byte offset 3) nor cp1252 (invalid "
        "byte 0x81 at byte offset 5); set 'encoding' in config if it is in another encoding",
        "b_image.txt:1:1: NL904 [info] binary file (contains NUL bytes), skipped",
        "c_good.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)",
    ]
    assert run.code == 2  # a file could not be linted: the run is incomplete


def test_binary_file_alone_does_not_fail_the_run(cli, tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    assert cli("b.txt", cwd=tmp_path).code == 0


def test_list_rules_and_explain_never_lint_a_path(cli, tmp_path):
    (tmp_path / "rules").mkdir()
    run = cli("--list-rules", cwd=tmp_path)
    assert run.code == 0
    assert run.lines[0].split() == ["code", "name", "category", "severity", "default", "fix", "from", "summary"]
    assert any(line.startswith("NL101  repeated-headline") for line in run.lines)
    run = cli("--explain", "repeated-headline", cwd=tmp_path)
    assert run.lines[:3] == ["NL101 repeated-headline", "structure · warning · on by default · fixable · from newslint", ""]
    assert "Flagged:" in run.lines and "Not flagged:" in run.lines
    run = cli("--explain", "NL999", cwd=tmp_path)
    assert (run.code, run.err) == (2, "newslint: error: unknown rule 'NL999' (see newslint --list-rules)\n")


def test_console_script_module_runs_without_traceback_on_internal_error(tmp_path):
    run = run_newslint("--version", cwd=tmp_path)
    assert run.code == 0 and run.out.startswith("newslint ")


def test_stdout_and_exit_status_when_clean(cli, tmp_path):
    (tmp_path / "a.md").write_text("# A clean story headline\n\nA clean body.\n", encoding="utf-8")
    run = cli("a.md", cwd=tmp_path)
    assert (run.code, run.out) == (0, "No findings in 1 file.\n")
