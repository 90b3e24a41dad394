"""--fix and --diff: what changes, what does not, and how files are written."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from newslint.fixes import FileChanged, write_atomically

from conftest import SEEDS, write_house_style


@pytest.fixture
def seeds_copy(tmp_path):
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target, ignore=shutil.ignore_patterns("*.yaml", "*.toml", ".*"))
    return target


def test_fix_removes_the_repeated_headline_and_nothing_else(cli, seeds_copy):
    before = {path.name: path.read_bytes() for path in seeds_copy.iterdir()}
    run = cli("--fix", "--select", "NL101", ".", cwd=seeds_copy)
    assert run.code == 0
    assert run.lines[-1] == "No findings in 5 files."
    name = "001_f515593e6f37bc8d.txt"
    original = before[name].decode("utf-8").split("\n")
    expected = "\n".join(original[:2] + original[4:]).encode("utf-8")  # lines 3 and 4 gone
    assert (seeds_copy / name).read_bytes() == expected
    for path in seeds_copy.iterdir():
        if path.name != name:
            assert path.read_bytes() == before[path.name], path.name
    mtimes = {path.name: path.stat().st_mtime_ns for path in seeds_copy.iterdir()}
    assert cli("--fix", "--select", "NL101", ".", cwd=seeds_copy).code == 0
    assert {path.name: path.stat().st_mtime_ns for path in seeds_copy.iterdir()} == mtimes


def test_diff_shows_the_fix_and_writes_nothing(cli, seeds_copy):
    name = "001_f515593e6f37bc8d.txt"
    before = (seeds_copy / name).read_bytes()
    run = cli("--diff", name, cwd=seeds_copy)
    assert run.code == 1
    assert run.lines[:3] == [f"--- a/{name}", f"+++ b/{name}", "@@ -1,5 +1,3 @@"]
    assert run.lines[-4:] == [
        "-Your email address will not be published. Required fields are marked *",
        "\\ No newline at end of file",
        "+Last month, Japan ended its era of negative interest rates with its first rate hike in 17 years, marking "
        "a historic shift from the aggressive monetary easing program implemented several years ago to combat "
        "chronic deflation.",
        "\\ No newline at end of file",
    ]
    assert run.err == "newslint: --fix would apply 2 fixes to 1 file\n"
    assert (seeds_copy / name).read_bytes() == before


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("utf-8", b"", "\r\n"), ("utf-8", b"\xef\xbb\xbf", "\n"), ("utf-16-le", b"\xff\xfe", "\r\n"), ("utf-8", b"", "\r")],
)
def test_fix_keeps_encoding_bom_and_line_endings(cli, tmp_path, encoding, bom, newline):
    lines = ["Kishida woos US investors", "", "Kishida woos US investors", "", "Tokyo — the prime minister spoke."]
    path = tmp_path / "a.txt"
    path.write_bytes(bom + newline.join(lines).encode(encoding))
    os.chmod(path, 0o640)
    run = cli("--fix", "a.txt", cwd=tmp_path)
    assert run.code == 0, run.out
    expected = bom + newline.join(lines[:2] + lines[4:]).encode(encoding)
    assert path.read_bytes() == expected
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_unsafe_fixes_need_their_own_flag(cli, tmp_path):
    write_house_style(tmp_path)
    path = tmp_path / "a.txt"
    path.write_text("Shares rose 3 per cent.\n", encoding="utf-8")
    assert cli("--fix", "a.txt", cwd=tmp_path).code == 1
    assert path.read_text(encoding="utf-8") == "Shares rose 3 per cent.\n"
    assert cli("--fix", "--unsafe-fixes", "a.txt", cwd=tmp_path).code == 0
    assert path.read_text(encoding="utf-8") == "Shares rose 3 percent.\n"


def test_a_file_changed_after_it_was_read_is_not_overwritten(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"edited by someone else")
    with pytest.raises(FileChanged):
        write_atomically(path, b"fixed", expected=b"what newslint read")
    assert path.read_bytes() == b"edited by someone else"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_fix_on_the_seeds_removes_the_tails_and_the_repeated_headline_and_nothing_else(cli, seeds_copy):
    original = {path.name: path.read_text(encoding="utf-8").split("\n") for path in seeds_copy.iterdir()}
    expected = {name: "\n".join(lines) for name, lines in original.items()}
    lines = original["001_f515593e6f37bc8d.txt"]
    expected["001_f515593e6f37bc8d.txt"] = "\n".join(lines[:2] + lines[4:38])  # headline repeat; tail 40-46
    expected["002_185e86485d79d668.txt"] = "\n".join(original["002_185e86485d79d668.txt"][:46])  # tail 48-49
    expected["004_0a3b941b23e20fd7.txt"] = "\n".join(original["004_0a3b941b23e20fd7.txt"][:71])  # tail 74
    cli("--fix", ".", cwd=seeds_copy)
    assert {path.name: path.read_text(encoding="utf-8") for path in seeds_copy.iterdir()} == expected
    mtimes = {path.name: path.stat().st_mtime_ns for path in seeds_copy.iterdir()}
    second = cli("--fix", ".", cwd=seeds_copy)
    assert {path.name: path.stat().st_mtime_ns for path in seeds_copy.iterdir()} == mtimes
    assert "NL201" not in second.out and "NL101" not in second.out
    assert cli("--select", "spam-tail", ".", cwd=seeds_copy).lines == ["No findings in 5 files."]


def test_unsafe_fixes_also_remove_teasers_and_captions(cli, seeds_copy):
    name = "004_0a3b941b23e20fd7.txt"
    cli("--fix", "--unsafe-fixes", "--select", "NL104,NL105", name, cwd=seeds_copy)
    text = (seeds_copy / name).read_text(encoding="utf-8")
    assert "Meta, IBM join new alliance" not in text and "Photo: AFP" not in text
    assert "World’s largest contract chip maker" not in text
    assert "Japan was ranked a lowly 32nd" in text  # line 13, the article's own sentence, stays
