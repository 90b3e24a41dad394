"""Config discovery, keys and rule selection, through the CLI as a user runs it."""

from __future__ import annotations

from pathlib import Path

from conftest import write_house_style

# A repeated headline (NL101) and comment-form text inside the body (NL210, not a tail: prose follows).
ARTICLE = ("Kishida woos US investors\n\nKishida woos US investors\n\nLeave a Reply\n\n"
           "The prime minister spoke to executives in Washington on Tuesday about chips.\n")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(run) -> list[str]:
    return [line.split()[1] for line in run.lines if ": NL" in line]


def test_no_config_runs_default_rules(cli, tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    assert codes(cli("a.txt", cwd=tmp_path)) == ["NL101", "NL210"]


def test_nearest_config_wins(cli, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nignore = ["NL101"]\n')
    write(tmp_path / "desk" / "newslint.toml", 'ignore = ["spam-tail"]\n')
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "desk" / "b.txt", ARTICLE)
    run = cli(".", cwd=tmp_path)
    assert [line.split(":")[0] + " " + line.split()[1] for line in run.lines if ": NL" in line] == [
        "a.txt NL210",
        "desk/b.txt NL101",
    ]


def test_pyproject_without_newslint_table_is_passed_over(cli, tmp_path):
    write(tmp_path / ".newslint.yaml", "ignore: [NL210]\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "sub" / "a.txt", ARTICLE)
    assert codes(cli("sub", cwd=tmp_path)) == ["NL101"]


def test_select_prefix_category_name_and_ignore_specificity(cli, tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    assert codes(cli("--select", "spam-tail", "a.txt", cwd=tmp_path)) == ["NL210"]
    assert codes(cli("--select", "repeated-headline", "a.txt", cwd=tmp_path)) == ["NL101"]
    assert codes(cli("--select", "NL1", "a.txt", cwd=tmp_path)) == ["NL101"]
    # the more specific selector wins: ignore NL2 but select NL210 by code
    assert codes(cli("--ignore", "NL2", "--extend-select", "NL210", "a.txt", cwd=tmp_path)) == ["NL101", "NL210"]


def test_cli_select_replaces_config_select(cli, tmp_path):
    write(tmp_path / "newslint.toml", 'select = ["NL101"]\n')
    write(tmp_path / "a.txt", ARTICLE)
    assert codes(cli("a.txt", cwd=tmp_path)) == ["NL101"]
    assert codes(cli("--select", "NL210", "a.txt", cwd=tmp_path)) == ["NL210"]


def test_per_file_ignores_and_severity_overrides(cli, tmp_path):
    write(tmp_path / "newslint.toml",
          '[per-file-ignores]\n"archive/**" = ["NL101"]\n\n[severity]\nNL210 = "error"\n')
    write(tmp_path / "archive" / "2019" / "old.txt", ARTICLE)
    write(tmp_path / "new.txt", ARTICLE)
    run = cli(".", cwd=tmp_path)
    assert run.lines[:3] == [
        "archive/2019/old.txt:5:1: NL210 [error] Page furniture in the article: 'Leave a Reply'",
        "new.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)",
        "new.txt:5:1: NL210 [error] Page furniture in the article: 'Leave a Reply'",
    ]


def test_exclude_globs_skip_walked_and_named_files(cli, tmp_path):
    write(tmp_path / ".newslint.yaml", "exclude: ['drafts/', '*.draft.md']\n")
    write(tmp_path / "drafts" / "a.txt", ARTICLE)
    write(tmp_path / "b.draft.md", ARTICLE)
    write(tmp_path / "c.md", "# Title of the story\n\nBody.\n")
    run = cli(".", cwd=tmp_path)
    assert run.lines == ["No findings in 1 file."]
    run = cli("drafts/a.txt", "b.draft.md", cwd=tmp_path)  # as pre-commit passes them
    assert run.lines == ["No findings in 0 files."]


def test_hidden_folders_are_skipped_and_a_folder_named_rules_is_linted(cli, tmp_path):
    write(tmp_path / ".git" / "a.txt", ARTICLE)
    write(tmp_path / "rules" / "a.txt", ARTICLE)
    run = cli(".", cwd=tmp_path)
    assert {line.split(":")[0] for line in run.lines if ": NL" in line} == {"rules/a.txt"}
    run = cli("rules", cwd=tmp_path)
    assert codes(run) == ["NL101", "NL210"]


def test_extra_rule_folders_from_config(cli, tmp_path):
    write_house_style(tmp_path)
    write(tmp_path / "a.txt", "Shares rose 3 per cent.\n")
    run = cli("a.txt", cwd=tmp_path)
    assert run.lines[0] == "a.txt:1:15: HS101 [warning] Write 'percent'"


def test_unknown_key_is_one_line_with_file_and_line(cli, tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint]\nselect = ["NL1"]\nselcet = ["NL2"]\n')
    write(tmp_path / "a.txt", ARTICLE)
    run = cli("a.txt", cwd=tmp_path)
    assert run.code == 2 and run.out == ""
    assert run.err == (
        "newslint: error: pyproject.toml:6: unknown config key 'selcet' (did you mean 'select'?)\n"
    )


def test_bad_values_and_unknown_rules_in_config_name_the_line(cli, tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    cases = [
        ('fail-on = "sometimes"\n', "newslint.toml:1: 'fail-on' must be one of error, warning, info, never"),
        ('\nselect = "NL1"\nignore = [1]\n', "newslint.toml:3: 'ignore' must be a list of strings"),
        ('select = ["NL1"]\nignore = ["NL99X"]\n', "newslint.toml:2: ignore: unknown rule 'NL99X' (see newslint --list-rules)"),
        ('[severity]\nNL101 = "loud"\n', "newslint.toml:1: 'severity': unknown severity 'loud' (use error, warning or info)"),
        ("select = [\n", "newslint.toml:2: invalid TOML"),
    ]
    for config, expected in cases:
        write(tmp_path / "newslint.toml", config)
        run = cli("a.txt", cwd=tmp_path)
        assert run.code == 2, config
        assert run.err.startswith("newslint: error: " + expected), run.err
        assert run.err.count("\n") == 1


def test_fail_on_threshold(cli, tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    assert cli("a.txt", cwd=tmp_path).code == 1
    assert cli("--fail-on", "error", "a.txt", cwd=tmp_path).code == 0
    assert cli("--fail-on", "never", "a.txt", cwd=tmp_path).code == 0
    write(tmp_path / "newslint.toml", 'fail-on = "error"\n')
    assert cli("a.txt", cwd=tmp_path).code == 0
    assert cli("--fail-on", "warning", "a.txt", cwd=tmp_path).code == 1


def test_explicit_config_file_applies_to_every_path(cli, tmp_path):
    write(tmp_path / "elsewhere" / "strict.yaml", "select: [NL210]\n")
    write(tmp_path / "desk" / "newslint.toml", 'select = ["NL101"]\n')
    write(tmp_path / "desk" / "a.txt", ARTICLE)
    assert codes(cli("--config", "elsewhere/strict.yaml", "desk", cwd=tmp_path)) == ["NL210"]
    run = cli("--config", "nope.toml", "desk", cwd=tmp_path)
    assert (run.code, run.err) == (2, "newslint: error: nope.toml: config file not found\n")


def test_fact_file_from_config_or_cli_is_validated_with_file_and_line(cli, tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "facts.yaml", "published: 2024-04-10\nfacts:\n  - id: a\n    claim: A.\n    about: [x]\n"
                                   "  - id: a\n    claim: B.\n    about: [y]\n")
    write(tmp_path / "newslint.toml", 'facts = "facts.yaml"\n')
    run = cli("a.txt", cwd=tmp_path)
    assert (run.code, run.err) == (2, "newslint: error: facts.yaml:6: duplicate fact id 'a' (first on line 3)\n")
    write(tmp_path / "other.yaml", "facts:\n  - id: b\n    claim: B.\n    about: [y]\n    valeu: 3\n")
    run = cli("--facts", "other.yaml", "a.txt", cwd=tmp_path)
    assert run.code == 2
    assert run.err.startswith("newslint: error: other.yaml:5: unknown key 'valeu' in a fact")
    write(tmp_path / "good.yaml", "facts:\n  - id: b\n    claim: B.\n    about: [y]\n    value: 2.9 billion USD\n")
    assert cli("--facts", "good.yaml", "a.txt", cwd=tmp_path).code == 1
