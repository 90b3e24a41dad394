"""The rule reference, docs/rules.md, rendered from the rules' own metadata.

    python -m newslint.rule_docs docs/rules.md     # or: python -m newslint.rule_docs > docs/rules.md

Only newslint's built-in plugin is loaded: third-party plugins installed next to
newslint never leak into the reference, so it comes out the same on every machine.
tests/test_docs.py fails when the file in the repository is stale.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path

import regex
import yaml

from newslint.diagnostics import CATEGORIES
from newslint.kinds.base import YamlRule
from newslint.plugins import load_plugins
from newslint.registry import Registry
from newslint.rule import Example, Rule
from newslint.yaml_rules import load_rule_folders
from newslint.yamlload import plain_data

COMMAND = "python -m newslint.rule_docs docs/rules.md"
EXAMPLE_LIMIT = 800  # characters of an example shown; longer ones are cut (NL909's is 16 MiB)

_MARKDOWN_SPECIAL = regex.compile(r"([\\`*_\[\]<>|$])")

HEADER = f"""\
<!-- Generated from the rules' own metadata by `{COMMAND}`; do not edit. -->

# Rule reference

Generated; do not edit. Every rule that ships with newslint, from the same metadata that
`newslint --explain CODE` prints. After changing a rule, regenerate this page:

```sh
{COMMAND}
```

Rules from plugins are not listed here; `newslint --list-rules` lists every rule installed.
A rule that is off by default runs when it is selected by code, name, code prefix or category
(`--select`, `--extend-select`, or `extend-select` in config).
"""


def builtin_rules() -> tuple[list[Rule], dict[str, str]]:
    """newslint's own rules in code order, and code -> rule pack for the YAML ones."""
    registry = Registry(load_plugins(include_installed=False))
    folders = [folder for _, folder in registry.rule_dirs]
    # Loaded again for the file names: the registry's origin is "newslint (file.yaml)".
    packs = {rule.code: Path(rule.origin).name for rule in load_rule_folders(folders, registry.kinds).rules}
    return registry.rulebook().sorted(), packs


def render_reference() -> str:
    rules, packs = builtin_rules()
    return render(rules, packs)


def render(rules: list[Rule], packs: Mapping[str, str]) -> str:
    """The whole page: per category, a table of its rules, then each rule in full."""
    parts = [HEADER]
    for category in CATEGORIES:
        members = sorted((rule for rule in rules if rule.category == category), key=lambda rule: rule.code)
        if not members:
            continue
        rows = "".join(
            f"| [{rule.code}](#{_anchor(rule)}) | {rule.name} | {rule.severity} | "
            f"{'on' if rule.enabled_by_default else 'off'} | {'yes' if rule.fixable else 'no'} | "
            f"{escape(rule.summary)} |\n"
            for rule in members
        )
        parts.append(f"## {category}\n\n| Code | Name | Severity | Default | Fixable | Summary |\n"
                     f"|---|---|---|---|---|---|\n{rows}")
        parts.extend(render_rule(rule, packs.get(rule.code)) for rule in members)
    return "\n".join(parts)


def render_rule(rule: Rule, pack: str | None) -> str:
    lines = [f"### {rule.code} {rule.name}", "", escape(rule.summary), ""]
    if isinstance(rule, YamlRule):
        source = f"YAML rule of kind `{rule.KIND}` in `rules/{pack}`"
    else:
        source = f"Python rule `{type(rule).__module__}.{type(rule).__name__}`"
    lines += [
        f"- Category: `{rule.category}`",
        f"- Default severity: {rule.severity}",
        f"- Enabled by default: {'yes' if rule.enabled_by_default else 'no'}",
        f"- Fixable: {'yes' if rule.fixable else 'no'}",
        f"- Defined as: {source}",
    ]
    if rule.supersedes:
        selectors = ", ".join(f"`{selector}`" for selector in rule.supersedes)
        lines.append(f"- Supersedes: {selectors} (their findings inside one of this rule's are dropped)")
    for label, content in (("Why", rule.rationale), ("What to do", rule.help)):
        if content:
            lines += ["", f"**{label}:** {escape(content)}"]
    for kind, label in (("bad", "Flagged"), ("good", "Not flagged")):
        examples = rule.example_list(kind)
        for number, example in enumerate(examples, 1):
            title = f"{label} ({number} of {len(examples)})" if len(examples) > 1 else label
            lines += ["", f"**{title}:**", "", *render_example(example)]
    return "\n".join(lines) + "\n"


def render_example(example: Example) -> list[str]:
    lines: list[str] = []
    if isinstance(example.text, bytes):
        lines += ["As bytes:", "", *fenced(_cut(example.text), "text")]
    elif not example.text:
        lines.append("An empty file.")
    elif _unprintable(example.text):
        lines += ["As a Python string:", "", *fenced(repr(_cut(example.text)), "text")]
    else:
        lines += fenced(_cut(example.text), "markdown" if example.format == "markdown" else "text")
    if example.facts is not None:
        facts = yaml.safe_dump(plain_data(example.facts), sort_keys=False, allow_unicode=True)
        lines += ["", "With this fact file:", "", *fenced(facts, "yaml")]
    if example.rules:
        lines += ["", "With this rule pack:", "", *fenced(example.rules.strip("\n"), "yaml")]
    if example.links:
        lines += ["", "When `--check-links` finds:", ""]
        lines += [f"- `{url}`: {outcome}" for url, outcome in example.links.items()]
    return lines


def fenced(text: str, language: str) -> list[str]:
    """A code block whose fence is longer than any run of backticks in ``text``."""
    longest = max((len(run) for run in regex.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + language, *text.rstrip("\n").split("\n"), fence]


def escape(text: str) -> str:
    """Prose from the metadata as Markdown: '[IMF](...)' in a rationale is not a link."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _cut(text: str | bytes) -> str:
    shown = text[:EXAMPLE_LIMIT]
    if isinstance(shown, bytes):
        shown = repr(shown)
    if len(text) > EXAMPLE_LIMIT:
        unit = "bytes" if isinstance(text, bytes) else "characters"
        shown += f"\n… (cut: {len(text)} {unit} in all)"
    return shown


def _unprintable(text: str) -> bool:
    """Whether a code block would hide what matters: control characters, trailing spaces."""
    if any(line != line.rstrip() for line in text.split("\n")):
        return True
    return any(unicodedata.category(char) in ("Cc", "Cf") and char not in "\n\t" for char in text)



def _anchor(rule: Rule) -> str:
    """The anchor GitHub gives the rule's heading."""
    return f"{rule.code} {rule.name}".lower().replace(" ", "-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newslint.rule_docs", description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    text = render_reference()
    if args.output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
    else:
        args.output.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
