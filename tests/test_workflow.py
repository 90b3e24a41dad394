"""newslint in content repositories: pre-commit, baselines, changed lines, statistics, output files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SEEDS, seed

from newslint.progress import MIN_FILES, progress

BAD = "Kishida woos US investors\n\nKishida woos US investors\n\nJapan's prime minister met chip executives.\n"
GOOD = "Kishida woos US investors\n\nJapan's prime minister met chip executives, his office said.\n"


def git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True, text=True).stdout


def content_repo(folder: Path) -> Path:
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    return folder


# -- pre-commit -------------------------------------------------------------------------

def local_hooks_config() -> str:
    """A .pre-commit-config.yaml running this checkout's hooks, exactly as the manifest defines them.

    Only the install step differs: language 'system' with this interpreter instead of
    'python', so that pre-commit need not build a virtualenv from the package index.
    """
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        hook["entry"] = hook["entry"].replace("newslint", f"{sys.executable} -m newslint", 1)
        hook["language"] = "system"
        hook.pop("minimum_pre_commit_version", None)
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


def pre_commit(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(folder.parent / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("NEWSLINT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def hooked_repo(tmp_path):
    pytest.importorskip("pre_commit")
    repo = content_repo(tmp_path / "content")
    (repo / ".pre-commit-config.yaml").write_text(local_hooks_config(), encoding="utf-8")
    (repo / "newslint.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "config")
    return repo


def test_the_manifest_is_valid_for_pre_commit():
    pytest.importorskip("pre_commit")
    run = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
                         cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"newslint", "newslint-fix"}
    assert all(hook["types_or"] == ["markdown", "plain-text"] and hook["require_serial"] for hook in hooks.values())


def test_pre_commit_hook_fails_on_a_bad_article_and_passes_on_a_clean_one(hooked_repo):
    (hooked_repo / "clean.md").write_text("# " + GOOD, encoding="utf-8")
    git(hooked_repo, "add", "clean.md")
    run = pre_commit(hooked_repo, "run", "newslint")
    assert run.returncode == 0, run.stdout
    assert "newslint" in run.stdout and "Passed" in run.stdout

    (hooked_repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (hooked_repo / "drafts").mkdir()
    (hooked_repo / "drafts" / "wip.txt").write_text(BAD, encoding="utf-8")  # excluded by config
    (hooked_repo / "notes.py").write_text("x = 1\n", encoding="utf-8")  # not an article type
    git(hooked_repo, "add", ".")
    run = pre_commit(hooked_repo, "run", "newslint")
    assert run.returncode == 1
    assert "Failed" in run.stdout
    assert "bad.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)" in run.stdout
    assert "drafts/wip.txt" not in run.stdout and "notes.py" not in run.stdout


def test_pre_commit_fix_hook_removes_the_repeated_headline(hooked_repo):
    (hooked_repo / "bad.txt").write_text(BAD, encoding="utf-8")
    git(hooked_repo, "add", "bad.txt")
    run = pre_commit(hooked_repo, "run", "newslint-fix")
    assert run.returncode == 1  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in run.stdout
    assert (hooked_repo / "bad.txt").read_text(encoding="utf-8") == BAD.replace("Kishida woos US investors\n\n", "", 1)
    git(hooked_repo, "add", "bad.txt")
    assert pre_commit(hooked_repo, "run", "newslint-fix").returncode == 0


def test_pre_commit_install_blocks_a_commit_with_a_bad_article(hooked_repo):
    assert pre_commit(hooked_repo, "install").returncode == 0
    (hooked_repo / "bad.txt").write_text(BAD, encoding="utf-8")
    git(hooked_repo, "add", "bad.txt")
    with pytest.raises(subprocess.CalledProcessError) as refused:
        git(hooked_repo, "commit", "-q", "-m", "bad article")
    assert "NL101" in refused.value.stdout + refused.value.stderr
    (hooked_repo / "bad.txt").write_text(GOOD, encoding="utf-8")
    git(hooked_repo, "add", "bad.txt")
    git(hooked_repo, "commit", "-q", "-m", "clean article")
    assert "clean article" in git(hooked_repo, "log", "--oneline")


# -- baseline ---------------------------------------------------------------------------

def test_a_baseline_on_the_seeds_passes_then_reports_only_a_new_sentence(cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    run = cli("--baseline", "newslint-baseline.json", "--update-baseline", "seeds", cwd=tmp_path)
    assert run.code == 0 and run.out == ""
    assert run.err == "newslint: recorded 25 findings in newslint-baseline.json\n"
    run = cli("--baseline", "newslint-baseline.json", "seeds", cwd=tmp_path)
    assert (run.code, run.lines) == (0, ["No findings in 5 files."])

    # Lines inserted above old findings move them; they stay known. Only the new sentence is reported.
    article = tmp_path / "seeds" / seed(3).name
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(4, "Experts say it is the biggest investment ever made in Japan.\n\n")
    article.write_text("".join(lines), encoding="utf-8")
    run = cli("--baseline", "newslint-baseline.json", "seeds", cwd=tmp_path)
    assert run.code == 1
    assert run.lines[:-1] == [
        f"seeds/{article.name}:5:1: NL502 [warning] weasel attribution: 'Experts say' names no source for a "
        "superlative ('biggest')",
        f"seeds/{article.name}:5:23: NL504 [warning] 'biggest investment' is stated as certain; the source says "
        "'reportedly' (seeds/facts.yaml:15, microsoft-largest-investment)",
    ]


def test_a_missing_or_broken_baseline_is_one_line(cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    run = cli("--baseline", "nope.json", "a.txt", cwd=tmp_path)
    assert (run.code, run.err) == (
        2, "newslint: error: nope.json: baseline file not found (create it with --update-baseline)\n")
    (tmp_path / "broken.json").write_text("[1, 2", encoding="utf-8")
    run = cli("--baseline", "broken.json", "a.txt", cwd=tmp_path)
    assert run.code == 2 and run.err.startswith("newslint: error: broken.json: not a newslint baseline: ")


# -- changed lines --------------------------------------------------------------------------

def test_diff_base_reports_only_findings_on_changed_lines(cli, tmp_path):
    repo = content_repo(tmp_path / "content")
    shutil.copy(seed(1), repo / "story.txt")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "old story")
    lines = (repo / "story.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(7, "Everyone agrees Japan will overtake Taiwan as the largest chipmaker by 2030.\n\n")
    (repo / "story.txt").write_text("".join(lines), encoding="utf-8")
    (repo / "new.txt").write_text(BAD, encoding="utf-8")  # untracked: all of it is new
    run = cli("--diff-base", "HEAD", ".", cwd=repo)
    assert run.lines[:-1] == [
        "new.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)",
        "story.txt:8:1: NL501 [warning] sweeping consensus without a source: 'Everyone agrees'",
    ]
    everything = cli(".", cwd=repo)
    assert len(everything.lines) == 9  # the old story's own findings are still there without --diff-base


def test_diff_base_outside_git_or_with_a_bad_ref_is_one_line(cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    run = cli("--diff-base", "HEAD", "a.txt", cwd=tmp_path)
    assert run.code == 2 and run.err.startswith("newslint: error: --diff-base: ") and "\n" == run.err[-1]
    repo = content_repo(tmp_path / "content")
    (repo / "a.txt").write_text(BAD, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "x")
    run = cli("--diff-base", "no-such-branch", "a.txt", cwd=repo)
    assert (run.code, run.err) == (2, "newslint: error: --diff-base: unknown git revision 'no-such-branch'\n")


# -- statistics, output file, plugins, progress --------------------------------------------------

def test_statistics_count_findings_per_rule(cli):
    run = cli("--statistics", "seeds", cwd=REPO)
    assert run.code == 1
    assert run.lines[:3] == ["6  NL104      teaser-headline", "3  NL105      photo-caption",
                             "3  NL201  [*] spam-tail"]
    assert "1  NL101  [*] repeated-headline" in run.lines


def test_output_file_gets_the_findings_and_stdout_nothing(cli, tmp_path):
    shutil.copy(seed(1), tmp_path / "a.txt")
    run = cli("--format", "concise", "--output-file", "report.txt", "a.txt", cwd=tmp_path)
    assert (run.code, run.out) == (1, "")
    report = (tmp_path / "report.txt").read_text(encoding="utf-8").splitlines()
    assert report[0] == "a.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)"


def test_list_plugins_names_the_built_in_plugin_and_its_rules(cli, tmp_path):
    run = cli("--list-plugins", cwd=tmp_path)
    assert run.code == 0
    assert run.lines[0].startswith("newslint (newslint ") and run.lines[0].endswith(", built in)")
    assert run.lines[1].startswith("  rules: NL101, NL102,")
    assert "  formatters: concise, github, json, sarif, text" in run.lines


def test_progress_draws_nothing_when_disabled_or_short(capsys):
    for enabled, total in ((False, 500), (True, MIN_FILES - 1)):
        with progress(total, enabled=enabled) as advance:
            for _ in range(total):
                advance()
    assert capsys.readouterr().err == ""


def test_no_progress_bar_in_pipes(tmp_path):
    for number in range(MIN_FILES + 5):
        (tmp_path / f"{number:03d}.txt").write_text(GOOD, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "newslint", "."], cwd=tmp_path, capture_output=True, text=True)
    assert run.stderr == ""
