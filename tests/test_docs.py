"""The docs stay true: the rule reference is current, and the snippets in the guides run."""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from newslint.errors import UserError
from newslint.rule_docs import COMMAND, render_reference
from newslint.testing import lint_text, registry
from newslint.yaml_rules import PackContents, load_pack_text
from test_plugins import make_broken_plugin

DOCS = REPO / "docs"
YAML_GUIDE = DOCS / "writing-yaml-rules.md"
# The file the guide's snippets say they are in; errors name it.
GUIDE_PACK_PATH = Path("styles/newslint/house.yaml")
FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(path: Path) -> list[tuple[str, str]]:
    """(info string, content) of every fenced code block in a Markdown file."""
    return [(found["info"].strip(), found["body"]) for found in FENCE.finditer(path.read_text(encoding="utf-8"))]


def blocks_marked(path: Path, info: str) -> list[str]:
    return [body for found_info, body in blocks(path) if found_info == info]


# -- the rule reference --------------------------------------------------------------


def test_rule_reference_is_current():
    written = (DOCS / "rules.md").read_text(encoding="utf-8")
    rendered = render_reference()
    if written != rendered:
        diff = difflib.unified_diff(written.splitlines(), rendered.splitlines(), "docs/rules.md", "rendered", lineterm="")
        shown = "\n".join(list(diff)[:40])
        pytest.fail(f"docs/rules.md is stale; regenerate it with: {COMMAND}\n{shown}", pytrace=False)


def test_rule_reference_lists_every_built_in_rule_once_by_category():
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### (\S+) (\S+)$", text, re.MULTILINE)
    codes = [code for code, _ in headings]
    assert sorted(codes) == sorted(set(codes))
    built_in = {rule.code for rule in registry().rulebook().sorted()
                if rule.origin == "newslint" or rule.origin.startswith("newslint (")}
    assert set(codes) == built_in
    assert re.findall(r"^## (\S+)$", text, re.MULTILINE) == ["structure", "spam-tail", "link", "figure", "claim", "style"]
    assert text.startswith(f"<!-- Generated from the rules' own metadata by `{COMMAND}`; do not edit. -->\n")


def test_rule_reference_shows_a_rules_metadata():
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    section = text.split("### NL102 repeated-paragraph\n", 1)[1].split("\n### ", 1)[0]
    assert "- Default severity: warning\n- Enabled by default: yes\n- Fixable: yes\n" in section
    assert "- Defined as: YAML rule of kind `repetition` in `rules/structure.yaml`\n" in section
    assert "**What to do:** Delete the second copy.\n" in section
    assert "**Flagged:**\n\n```text\nKishida woos investors\n" in section
    assert "- Enabled by default: no\n" in text.split("### NL306 unlisted-source\n", 1)[1].split("\n### ", 1)[0]


def test_rule_reference_ignores_installed_plugins(tmp_path):
    """A plugin on the path must not change the page: only the built-in plugin is read."""
    site = tmp_path / "site"
    make_broken_plugin(site, """\
from newslint.diagnostics import Severity
from newslint.hookspecs import hookimpl
from newslint.rule import Rule


class Extra(Rule):
    code = "EX777"
    name = "extra"
    category = "style"
    severity = Severity.WARNING
    summary = "A third-party rule"


@hookimpl
def newslint_rules():
    return [Extra()]
""")
    output = tmp_path / "rules.md"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])))
    subprocess.run([sys.executable, "-m", "newslint.rule_docs", str(output)], env=env, check=True, timeout=120)
    assert output.read_text(encoding="utf-8") == render_reference()
    listed = subprocess.run([sys.executable, "-m", "newslint", "--list-rules"], env=env, capture_output=True,
                            text=True, timeout=120).stdout
    assert "EX777" in listed  # the plugin is really there


# -- docs/writing-yaml-rules.md --------------------------------------------------------


def load_guide_pack(text: str) -> PackContents:
    """Load a pack as newslint loads a user's pack: on top of the built-in lexicons."""
    book = registry().rulebook()
    contents = PackContents(lexicons=dict(book.lexicons))
    load_pack_text(text, GUIDE_PACK_PATH, registry().kinds, contents)
    return contents


def test_every_yaml_block_in_the_guide_is_marked():
    infos = [info for info, _ in blocks(YAML_GUIDE) if info.startswith("yaml")]
    assert infos and set(infos) <= {"yaml rule-pack", "yaml broken-pack"}


@pytest.mark.parametrize("pack", blocks_marked(YAML_GUIDE, "yaml rule-pack"))
def test_guide_rule_packs_load_and_their_examples_hold(pack):
    contents = load_guide_pack(pack)
    codes = {rule.code for rule in contents.rules}
    assert not codes & set(registry().rulebook().rules), "a guide rule reuses a built-in code"
    for rule in contents.rules:
        assert rule.example_list("bad") and rule.example_list("good"), f"{rule.code} needs bad and good examples"
        for kind, flagged in (("bad", True), ("good", False)):
            for example in rule.example_list(kind):
                findings = lint_text(example.text, filename=example.filename, facts=example.facts,
                                     packs=[pack, *filter(None, [example.rules])], select=[rule.code])
                assert bool(findings) == flagged, f"{rule.code} {kind} example:\n{example.text}\n{findings}"


def test_guide_broken_packs_fail_with_the_error_shown():
    found = blocks(YAML_GUIDE)
    pairs = [(body, found[index + 1]) for index, (info, body) in enumerate(found) if info == "yaml broken-pack"]
    assert pairs
    for pack, (info, shown) in pairs:
        assert info == "text", "a broken pack is followed by the error it gives"
        with pytest.raises(UserError) as caught:
            load_guide_pack(pack)
        assert f"newslint: error: {caught.value}\n" == shown


def test_guide_test_file_passes(tmp_path):
    """The guide's example test module, run by pytest on the guide's first pack."""
    [test_file] = blocks_marked(YAML_GUIDE, "python test-file")
    pack = blocks_marked(YAML_GUIDE, "yaml rule-pack")[0]
    (tmp_path / GUIDE_PACK_PATH).parent.mkdir(parents=True)
    (tmp_path / GUIDE_PACK_PATH).write_text(pack, encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_house.py").write_text(test_file, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert re.search(r"^2 passed in", completed.stdout, re.MULTILINE), completed.stdout  # nothing skipped


@pytest.mark.parametrize("page", sorted(DOCS.glob("writing-*.md")), ids=lambda page: page.name)
def test_python_snippets_compile(page):
    for info, body in blocks(page):
        if info.startswith("python"):
            compile(body, f"{page.name} snippet", "exec")
