"""A plain (non-editable) install carries the YAML rule packs and works on its own."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_ships_the_rule_packs_and_lints_the_seeds(tmp_path):
    source = tmp_path / "newslint"
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name if source.exists() else _mkdir(source) / name)
    for folder in ("src", "rules"):
        shutil.copytree(REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(wheels), str(source)], check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("newslint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    packs = sorted(path.name for path in (REPO / "rules").glob("*.yaml"))
    assert packs and all(f"newslint/builtin_rules/{pack}" in names for pack in packs)
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target",
                    str(site), str(wheel)], check=True, capture_output=True, timeout=300)
    env = {"PYTHONPATH": str(site), "PATH": ""}
    where = subprocess.run([sys.executable, "-c", "import newslint; print(newslint.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert where.stdout.startswith(str(site))
    run = subprocess.run([str(site / "bin" / "newslint"), str(REPO / "seeds")], capture_output=True, text=True,
                         env=env, cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    assert ":74:1: NL201 [error] Spam tail after the end of the article (line 74): cookie notice" in run.stdout


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path
