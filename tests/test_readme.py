"""The README shows real output: its example block must be what newslint prints."""

from __future__ import annotations

from conftest import REPO


def readme_block() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after = readme.split("`newslint seeds/` on a terminal prints", 1)[1]
    return after.split("```text\n", 1)[1].split("```", 1)[0].splitlines()


def test_the_readme_output_block_is_real_output_in_order(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")  # the width the block was captured at
    run = cli("--format", "text", "--no-color", "seeds/", cwd=REPO)
    printed = [line.rstrip() for line in run.out.splitlines()]
    position = 0
    for line in readme_block():
        if line == "...":  # the excerpt skips some findings here
            continue
        assert line in printed[position:], f"README line not in the output (or out of order): {line!r}"
        position = printed.index(line, position) + 1
