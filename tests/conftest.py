from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint.cli import main

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

# A user's rule pack: one substitution rule (an unsafe fix, as substitutions are by default).
HOUSE_STYLE_PACK = """\
rules:
  - code: HS101
    name: house-per-cent
    kind: substitution
    category: style
    severity: warning
    summary: House spelling of percent
    message: "Write '{preferred}'"
    swap: {per cent: percent}
"""


def write_house_style(folder: Path) -> None:
    """A config in folder that loads HOUSE_STYLE_PACK from styles/."""
    (folder / "styles").mkdir(parents=True, exist_ok=True)
    (folder / "styles" / "house.yaml").write_text(HOUSE_STYLE_PACK, encoding="utf-8")
    (folder / "newslint.toml").write_text('rule-dirs = ["styles"]\n', encoding="utf-8")


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run newslint in-process: cli(*args, cwd=...) -> Run(code, out, err)."""

    def run(*args: str, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def run_newslint(*args: str, cwd: Path = REPO, pythonpath: Path | None = None, stdin: str | None = None) -> Run:
    """Run newslint as a separate process, as a user or a hook would."""
    env = dict(os.environ)
    env.pop("NEWSLINT_DEBUG", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH")]))
    completed = subprocess.run(
        [sys.executable, "-m", "newslint", *args], cwd=cwd, env=env, capture_output=True, text=True,
        input=stdin, timeout=300,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def seed(number: int) -> Path:
    return next(SEEDS.glob(f"{number:03d}_*.txt"))


BENCH_CORPUS_SIZE = 25


@pytest.fixture(scope="session")
def bench_corpus(tmp_path_factory) -> Path:
    """A small corpus from bench/make_corpus.py with the fact file of bench/corpus_facts.py."""
    folder = tmp_path_factory.mktemp("bench") / "corpus"
    for script, *args in (("make_corpus.py", "-n", str(BENCH_CORPUS_SIZE)), ("corpus_facts.py",)):
        run = subprocess.run([sys.executable, str(REPO / "bench" / script), str(folder), *args],
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
    return folder
