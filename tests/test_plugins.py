"""Third-party plugins through the ``newslint`` entry-point group, installed for real."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_newslint

EXAMPLE = REPO / "examples" / "newslint-example-plugin"
ARTICLE = "JAPAN WOOS US TECH INVESTORS\n\nShares of chipmakers rose 3 per cent on Tuesday.\n"


def pip_install(source: Path, target: Path) -> None:
    """Build and install offline (no index, no build isolation) into target."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "--target", str(target), str(source)],
        check=True, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("build") / "plugin"
    shutil.copytree(EXAMPLE, source)  # build outside the checkout
    site = tmp_path_factory.mktemp("site")
    pip_install(source, site)
    return site


@pytest.fixture
def article(tmp_path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_installed_plugin_rules_run_from_the_cli(plugin_site, article):
    run = run_newslint("a.txt", cwd=article, pythonpath=plugin_site)
    assert run.code == 1, run.err
    assert run.out.splitlines()[:2] == [
        "a.txt:1:1: EX101 [warning] The headline is in capital letters",
        "a.txt:3:29: EX201 [info] House style: write 'percent', not 'per cent'",
    ]
    rules = run_newslint("--list-rules", cwd=article, pythonpath=plugin_site).out
    assert any(line.startswith("EX101  shouting-headline") and "  example  " in line for line in rules.splitlines())
    assert any(line.startswith("EX201  house-style") and "example (house-style.yaml)" in line
               for line in rules.splitlines())


def test_removing_the_plugin_removes_its_rules(plugin_site, article):
    run = run_newslint("a.txt", "--list-rules", cwd=article)
    assert "EX101" not in run.out and "EX201" not in run.out
    run = run_newslint("a.txt", cwd=article)
    assert "EX101" not in run.out and "EX201" not in run.out
    run = run_newslint("--format", "checklist", "a.txt", cwd=article)
    assert run.code == 2 and "invalid choice: 'checklist'" in run.err


def test_installed_plugin_formatter_renders_through_the_cli(plugin_site, article):
    run = run_newslint("--format", "checklist", "--select", "EX", "a.txt", cwd=article, pythonpath=plugin_site)
    assert (run.code, run.err) == (1, "")
    assert run.out == """\
# Editor's checklist

## `a.txt` (2 findings)

- [ ] Line 1: The headline is in capital letters (EX101 shouting-headline, warning)
  - What to do: Write the headline in sentence case.
- [ ] Line 3: House style: write 'percent', not 'per cent' (EX201 house-style, info)
  - What to do: Use the house spelling. (fixable with --fix)

Found 2 findings (0 errors, 1 warning, 1 info) in 1 of 1 file. 1 fixable with --fix (see --diff).
"""


def test_example_plugin_passes_its_own_tests(plugin_site, tmp_path):
    """The plugin's tests (examples/newslint-example-plugin/tests) against the installed build."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")  # keep the checkout free of __pycache__
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(plugin_site), env.get("PYTHONPATH")]))
    env.pop("PYTEST_ADDOPTS", None)
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    last_line = completed.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ passed in .*", last_line), completed.stdout  # nothing failed or skipped


def test_plugin_examples_pass_through_newslint_testing(plugin_site, tmp_path):
    script = "from newslint.testing import check_examples\ncheck_examples('EX101')\ncheck_examples('EX201')\nprint('ok')\n"
    completed = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                               env={"PYTHONPATH": str(plugin_site), "PATH": ""}, timeout=120)
    assert completed.stdout == "ok\n", completed.stderr


def make_broken_plugin(site: Path, body: str) -> None:
    info = site / "broken_plugin-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[newslint]\nbroken = broken_plugin_module\n", encoding="utf-8")
    (site / "broken_plugin_module.py").write_text(body, encoding="utf-8")


def test_a_plugin_that_fails_to_import_is_one_line_and_the_run_goes_on(tmp_path, article):
    site = tmp_path / "site"
    make_broken_plugin(site, "raise RuntimeError('boom')\n")
    run = run_newslint("a.txt", cwd=article, pythonpath=site)
    assert run.err == ("newslint: warning: plugin 'broken' (broken_plugin_module) failed to load: "
                       "RuntimeError: boom\n")
    assert run.code == 0 and run.out == "No findings in 1 file.\n"


def test_a_plugin_hook_that_raises_is_one_line_and_the_run_goes_on(tmp_path, article):
    site = tmp_path / "site"
    make_broken_plugin(site, "from newslint.hookspecs import hookimpl\n\n"
                             "@hookimpl\ndef newslint_rules():\n    raise ValueError('bad rules')\n")
    run = run_newslint("a.txt", cwd=article, pythonpath=site)
    assert run.err == "newslint: warning: plugin 'broken' failed in newslint_rules: ValueError: bad rules\n"
    assert run.code == 0


def test_a_rule_that_crashes_is_reported_and_the_others_still_run(tmp_path):
    site = tmp_path / "site"
    make_broken_plugin(site, """\
from newslint.diagnostics import Severity
from newslint.hookspecs import hookimpl
from newslint.rule import Rule


class Crashes(Rule):
    code = "EX666"
    name = "crashes"
    category = "style"
    severity = Severity.WARNING
    summary = "Always crashes"

    def check(self, doc, ctx):
        raise KeyError("oops")


@hookimpl
def newslint_rules():
    return [Crashes()]
""")
    (tmp_path / "a.txt").write_text("Kishida woos US investors\n\nKishida woos US investors\n", encoding="utf-8")
    run = run_newslint("a.txt", cwd=tmp_path, pythonpath=site)
    assert run.out.splitlines()[:2] == [
        "a.txt:1:1: NL900 [error] rule EX666 (crashes) from broken crashed: KeyError: 'oops'",
        "a.txt:3:1: NL101 [warning] The headline is repeated here (it is already on line 1)",
    ]
    assert run.code == 2 and "Traceback" not in run.err


def test_a_plugin_can_add_a_parser_a_rule_kind_and_a_formatter(tmp_path):
    site = tmp_path / "site"
    make_broken_plugin(site, '''\
from newslint.hookspecs import hookimpl
from newslint.formatters.base import Formatter
from newslint.kinds.base import YamlRule
from newslint.plaintext import parse_plain_text


class Count(Formatter):
    name = "count"

    def finish(self, summary):
        self.stream.write(f"{summary.total} findings\\n")


class StartsWith(YamlRule):
    KIND = "starts-with"
    KEYS = ("prefix",)

    def compile(self, spec):
        self.prefix = spec.str("prefix", required=True)

    def check(self, doc, ctx):
        for block in doc.body_blocks:
            if doc.block_text(block).startswith(self.prefix):
                ctx.report(block.start, block.start + len(self.prefix), self.render())


@hookimpl
def newslint_parsers():
    return {".news": parse_plain_text}


@hookimpl
def newslint_rule_kinds():
    return {"starts-with": StartsWith}


@hookimpl
def newslint_formatters():
    return {"count": Count}
''')
    work = tmp_path / "work"
    (work / "styles").mkdir(parents=True)
    (work / "styles" / "so.yaml").write_text(
        "rules:\n  - {code: EX300, name: so-opening, kind: starts-with, category: style, severity: warning,\n"
        "     summary: Sentence opens with So, message: Do not open with 'So', prefix: 'So '}\n", encoding="utf-8")
    (work / "newslint.toml").write_text('rule-dirs = ["styles"]\n', encoding="utf-8")
    (work / "a.news").write_text("Markets rally on chip news\n\nSo the index rose.\n", encoding="utf-8")
    run = run_newslint("--select", "EX300", ".", cwd=work, pythonpath=site)
    assert run.out == "a.news:3:1: EX300 [warning] Do not open with 'So'\nFound 1 finding (0 errors, 1 warning, 0 info) in 1 of 1 file.\n"
    run = run_newslint("--format", "count", "--select", "EX300", ".", cwd=work, pythonpath=site)
    assert (run.code, run.out) == (1, "1 findings\n")
