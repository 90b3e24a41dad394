"""Helpers for testing rules: lint a string through the real pipeline, check examples.

    from newslint.testing import lint_text, check_examples

    def test_my_rule_examples():
        check_examples("EX101")             # every bad example flagged, no good one

    def test_my_rule_message():
        findings = lint_text("HEADLINE\\n\\nBody.", select=["EX101"])
        assert [(d.line, d.message) for d in findings] == [(1, "The headline is in capitals")]

Examples run with the default rule set plus the rule under test, as a user would run
them, through the same decode -> parse -> rules -> suppressions pipeline as files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from newslint.diagnostics import Diagnostic
from newslint.engine import LintSettings
from newslint.facts import FactBase, parse_facts
from newslint.link_states import LinkStatus
from newslint.registry import Registry
from newslint.rule import Example, Rule
from newslint.runner import lint_bytes
from newslint.selection import choose_rules
from newslint.yaml_rules import PackContents, load_pack_text
from newslint.yamlload import load_yaml, plain_data

_REGISTRY: Registry | None = None


def registry() -> Registry:
    """The installed plugins and built-ins, loaded once per test session."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = Registry()
    return _REGISTRY


def lint_text(
    text: str | bytes,
    *,
    filename: str = "article.txt",
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    facts: Mapping[str, Any] | None = None,
    packs: Sequence[str] = (),
    regex_timeout: float = 1.0,
    date: dt.date | None = None,
    links: Mapping[str, str] | None = None,
) -> list[Diagnostic]:
    """Lint one article given as a string; ``filename``'s suffix picks the parser.

    ``facts`` is a fact file's content as a mapping; ``packs`` are extra YAML rule
    packs as text, whose rules run too. ``links`` stands in for --check-links: URL ->
    "dead: HTTP 404" (states: alive, dead, unreachable); no connection is made.
    """
    reg = registry()
    book = reg.rulebook()
    extra = PackContents(lexicons=dict(book.lexicons))  # the packs' lexicons merge into the built-in ones
    for number, pack in enumerate(packs):
        load_pack_text(pack, Path(f"<pack {number + 1}>"), reg.kinds, extra)
    rules = [*book.sorted(), *extra.rules]
    chosen = choose_rules(rules, select, [*extend_select, *(rule.code for rule in extra.rules)], ignore)
    lexicons = extra.lexicons
    fact_file = None
    if facts is not None:  # through YAML, as a file would be, so that findings can name lines
        text_of_facts = yaml.safe_dump(plain_data(facts), sort_keys=False, allow_unicode=True)
        fact_file = parse_facts(load_yaml(text_of_facts, "facts.yaml"), Path("facts.yaml"), "facts.yaml")
    settings = LintSettings(chosen, rules, {}, FactBase.combine(fact_file, []), lexicons, regex_timeout, date,
                            _link_status(links) if links is not None else None)
    data = text.encode("utf-8") if isinstance(text, str) else text
    result, _, _ = lint_bytes(data, filename, settings, reg.parser_for(filename))
    return result.diagnostics


def _link_status(links: Mapping[str, str]) -> dict[str, LinkStatus]:
    statuses = {}
    for url, outcome in links.items():
        state, _, detail = outcome.partition(":")
        statuses[url] = LinkStatus(state.strip(), detail.strip(), url)
    return statuses



def example_findings(rule: Rule, example: Example) -> list[Diagnostic]:
    """The findings of ``rule`` on one of its examples."""
    findings = lint_text(
        example.text,
        filename=example.filename,
        extend_select=[rule.code],
        facts=example.facts,
        packs=[example.rules] if example.rules else (),
        links=example.links,
    )
    return [finding for finding in findings if finding.code == rule.code]


def check_examples(rule: Rule | str) -> None:
    """Assert that a rule has bad and good examples, flags every bad one and no good one."""
    if isinstance(rule, str):
        found = registry().rulebook().get(rule)
        if found is None:
            raise AssertionError(f"no rule {rule!r} is registered")
        rule = found
    bad, good = rule.example_list("bad"), rule.example_list("good")
    if not bad or not good:
        raise AssertionError(f"{rule.code} ({rule.name}) needs at least one bad and one good example")
    for example in bad:
        if not example_findings(rule, example):
            raise AssertionError(f"{rule.code} ({rule.name}) did not flag its bad example:\n{_show(example)}")
    for example in good:
        findings = example_findings(rule, example)
        if findings:
            shown = "\n".join(f"  {d.line}:{d.column} {d.message}" for d in findings)
            raise AssertionError(f"{rule.code} ({rule.name}) flagged its good example:\n{_show(example)}\n{shown}")


def _show(example: Example) -> str:
    text = example.text if isinstance(example.text, str) else repr(example.text)
    return "    " + text[:300].replace("\n", "\n    ")
