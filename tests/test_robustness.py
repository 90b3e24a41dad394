"""Hostile input, broken rules and interrupted fixes: the run goes on and no data is lost."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_newslint, seed

from newslint.kinds.alternation import cannot_backtrack
from newslint.runner import Session

ARTICLE = "Kishida woos US investors\n\nKishida woos US investors\n\nJapan's prime minister met chip executives.\n"


def hostile_corpus(folder: Path) -> Path:
    """One folder holding a file of every kind a pipeline meets, good ones among them."""
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(seed(1), corpus / "a_seed.txt")
    (corpus / "b_bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (corpus / "c_utf16.txt").write_bytes(ARTICLE.encode("utf-16"))  # with its BOM
    (corpus / "d_cp1252.txt").write_bytes(
        ARTICLE.replace("chip", "caf\xe9 and chip").encode("cp1252") + b"He called it a \x93turning point\x94.\n")
    (corpus / "e_undecodable.txt").write_bytes(b"Caf\xe9 \x81\x8d opens in Tokyo\n")
    (corpus / "f_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "g_empty.txt").write_bytes(b"")
    (corpus / "h_mixed_endings.txt").write_bytes(
        b"Kishida woos US investors\r\n\r\nJapan's prime minister met chip executives.\r"
        b"\rKishida woos US investors\n\nHe spoke in Washington.\r\n")
    # 10 MB on one line: scraped text with its line breaks lost.
    words = "chip plant Tokyo investment data centre yen subsidy the of and in".split()
    line = " ".join(words[(i * 7) % len(words)] for i in range(1_700_000))[:10_000_000]
    (corpus / "i_one_line.txt").write_text(line + "\n", encoding="utf-8")
    with open(corpus / "j_dump.txt", "wb") as dump:  # 200 MB, sparse: refused before it is read
        dump.truncate(200 * 1024 * 1024)
    os.symlink("k_loop_b.md", corpus / "k_loop_a.md")
    os.symlink("k_loop_a.md", corpus / "k_loop_b.md")
    outside = folder / "outside.md"
    outside.write_text(ARTICLE, encoding="utf-8")
    os.symlink(outside, corpus / "l_escape.md")
    return corpus


def test_a_hostile_corpus_is_linted_in_one_run_with_one_clear_note_per_bad_file(tmp_path):
    corpus = hostile_corpus(tmp_path)
    run = run_newslint("--format", "concise", "--fail-on", "never", "corpus", cwd=tmp_path)
    assert "Traceback" not in run.err
    by_file: dict[str, list[str]] = {}
    for line in run.lines[:-1]:
        by_file.setdefault(line.split(":", 1)[0], []).append(line)
    # Good files keep their findings, in whatever encoding and line endings they came.
    assert "corpus/a_seed.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)" \
        in by_file["corpus/a_seed.txt"]
    for name in ("b_bom.txt", "c_utf16.txt", "d_cp1252.txt"):
        assert f"corpus/{name}:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)" \
            in by_file[f"corpus/{name}"]
    assert by_file["corpus/d_cp1252.txt"][0] == (
        "corpus/d_cp1252.txt:1:1: NL908 [info] not UTF-8; read as cp1252 (set 'encoding' in config if that is wrong)")
    assert "corpus/h_mixed_endings.txt:5:1: NL101 [warning] The headline is repeated here (it is already on line 1)" \
        in by_file["corpus/h_mixed_endings.txt"]
    # Bad files: one note each.
    assert by_file["corpus/e_undecodable.txt"] == [
        "corpus/e_undecodable.txt:1:1: NL903 [error] neither UTF-8 (invalid byte 0xe9 at byte offset 3) nor cp1252 "
        "(invalid byte 0x81 at byte offset 5); set 'encoding' in config if it is in another encoding"]
    assert by_file["corpus/f_binary.txt"] == [
        "corpus/f_binary.txt:1:1: NL904 [info] binary file (contains NUL bytes), skipped"]
    assert by_file["corpus/g_empty.txt"] == ["corpus/g_empty.txt:1:1: NL905 [warning] The file is empty"]
    assert by_file["corpus/j_dump.txt"] == [
        "corpus/j_dump.txt:1:1: NL909 [error] file is 200.0 MB, over the 16.0 MB limit; not read "
        "(raise max-file-size in config to lint it)"]
    assert "corpus/i_one_line.txt" not in by_file or all(" NL9" not in line for line in by_file["corpus/i_one_line.txt"])
    # Links that loop or leave the tree are skipped with a note, never followed.
    assert not any(name.startswith("corpus/k_loop") or name == "corpus/l_escape.md" for name in by_file)
    assert run.err.splitlines() == [
        "newslint: corpus/k_loop_a.md: skipped: broken symbolic link (missing target or a loop)",
        "newslint: corpus/k_loop_b.md: skipped: broken symbolic link (missing target or a loop)",
        f"newslint: corpus/l_escape.md: skipped: symbolic link to {(tmp_path / 'outside.md').resolve().as_posix()}, "
        f"outside {corpus.resolve().as_posix()}",
    ]
    # An undecodable or refused file leaves the run incomplete, whatever --fail-on says.
    assert run.code == 2


def test_config_raises_the_file_size_limit(cli, tmp_path):
    (tmp_path / "big.txt").write_text(ARTICLE + "More words. " * 200, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('max-file-size = "1KB"\n', encoding="utf-8")
    run = cli("--select", "NL101,NL909", "big.txt", cwd=tmp_path)
    assert (run.code, run.lines[0]) == (
        2, "big.txt:1:1: NL909 [error] file is 0.0 MB, over the 0.0 MB limit; not read "
           "(raise max-file-size in config to lint it)")
    (tmp_path / "newslint.toml").write_text('max-file-size = "4KB"\n', encoding="utf-8")
    run = cli("--select", "NL101,NL909", "big.txt", cwd=tmp_path)
    assert (run.code, run.lines[0]) == (1, "big.txt:3:1: NL101 [warning] The headline is repeated here "
                                           "(it is already on line 1)")


def test_a_bad_size_or_encoding_in_config_is_one_line_with_file_and_line(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('select = ["NL1"]\nmax-file-size = "lots"\n', encoding="utf-8")
    run = cli("a.txt", cwd=tmp_path)
    assert (run.code, run.err) == (
        2, "newslint: error: newslint.toml:2: 'max-file-size' must be a size such as 20MB, not 'lots'\n")
    (tmp_path / "newslint.toml").write_text('encoding = "klingon"\n', encoding="utf-8")
    run = cli("a.txt", cwd=tmp_path)
    assert (run.code, run.err) == (2, "newslint: error: newslint.toml:1: 'encoding': unknown encoding 'klingon'\n")


def test_an_encoding_named_in_config_is_used_and_kept_by_fixes(cli, tmp_path):
    article = "Kishida woos US investors\n\nKishida woos US investors\n\n日本の首相が半導体企業の幹部と会談した。\n"
    (tmp_path / "a.txt").write_bytes(article.encode("shift_jis"))
    run = cli("--select", "NL101,NL903", "a.txt", cwd=tmp_path)
    assert run.lines[0].startswith("a.txt:1:1: NL903 [error] neither UTF-8")
    (tmp_path / "newslint.toml").write_text('encoding = "shift_jis"\n', encoding="utf-8")
    run = cli("--select", "NL101,NL903", "a.txt", cwd=tmp_path)
    assert run.lines[0] == "a.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)"
    cli("--select", "NL101", "--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == article.replace("Kishida woos US investors\n\n", "", 1).encode("shift_jis")


def test_a_file_removed_during_the_run_is_reported_and_the_rest_linted(cli, tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    found = Session.files

    def files_then_remove_one(session):
        files = found(session)
        (tmp_path / "a.txt").unlink()  # gone between the walk and the read
        return files

    monkeypatch.setattr(Session, "files", files_then_remove_one)
    run = cli("--select", "NL101", ".", cwd=tmp_path)
    assert run.err == "newslint: a.txt: cannot read file: No such file or directory\n"
    assert run.lines[0] == "b.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)"
    assert run.code == 2


CATASTROPHIC_PACK = """\
rules:
  - code: HS901
    name: slow-pattern
    kind: existence
    category: style
    severity: warning
    summary: A pattern with nested repetition
    message: "slow"
    word-boundaries: false
    patterns: ['(a+)+$']
"""


def test_a_catastrophic_user_regex_ends_within_its_time_limit_with_nl902(tmp_path):
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "slow.yaml").write_text(CATASTROPHIC_PACK, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('rule-dirs = ["styles"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE + "a" * 50_000 + "!\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    run = run_newslint("--select", "HS901,NL101,NL902", ".", cwd=tmp_path)  # run_newslint's own timeout guards a hang
    assert run.lines[:3] == [
        "a.txt:1:1: NL902 [warning] rule HS901 (slow-pattern) ran past its 1 s time limit on this file; "
        "its findings here are incomplete",
        "a.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)",
        "b.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)",
    ]
    assert run.code == 2 and "Traceback" not in run.err


@pytest.mark.parametrize("source, linear", [
    ("per cent", True), ("utili[sz]e", True), ("rumou?red", True), (r"\p{Lu}\.", True), ("[]a]x", True),
    ("a?b?c?d", True),
    # Anything that can repeat or branch keeps the time limit, even when it would be quick.
    ("(a+)+$", False), ("(a|a)(a|a)b", False), ("a?b?c?d?e", False), (r"\p{Lu}\w+", False), ("ex.*", False),
    ("a{2}", False), ("a??", False), ("[a", False), ("[[a-z]--[aeiou]]", False),
])
def test_only_a_pattern_that_cannot_backtrack_runs_without_the_time_limit(source, linear):
    assert cannot_backtrack(source) is linear


def test_fixes_keep_the_file_permissions(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0o640)
    cli("--select", "NL101", "--fix", "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == ARTICLE.replace("Kishida woos US investors\n\n", "", 1)
    assert path.stat().st_mode & 0o777 == 0o640


def test_an_interrupted_fix_leaves_every_file_old_or_new(tmp_path):
    original = seed(4).read_bytes()
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "a.txt").write_bytes(original)
    run_newslint("--fix", "a.txt", cwd=reference)
    fixed = (reference / "a.txt").read_bytes()
    assert fixed != original
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(300):
        (corpus / f"{number:03d}.txt").write_bytes(original)
    env = {key: value for key, value in os.environ.items() if key != "NEWSLINT_DEBUG"}
    process = subprocess.Popen([sys.executable, "-m", "newslint", "--fix", "corpus"],
                               cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while (corpus / "000.txt").read_bytes() == original and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)  # mid-run: the first file is fixed, the last not yet
    process.wait()
    contents = [path.read_bytes() for path in sorted(corpus.glob("*.txt"))]
    assert len(contents) == 300
    assert all(content in (original, fixed) for content in contents)
    assert contents[0] == fixed and contents[-1] == original


def test_newslint_runs_no_code_named_in_config(cli, tmp_path):
    # YAML is read with the safe loader: a python tag is an error, not an object built.
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "evil.yaml").write_text(
        "rules: !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('rule-dirs = ["styles"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("a.txt", cwd=tmp_path)
    assert run.code == 2 and run.err.startswith("newslint: error: styles/evil.yaml:1:")
    assert not (tmp_path / "pwned").exists()

