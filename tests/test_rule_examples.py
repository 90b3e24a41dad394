"""Every registered rule (built-in, YAML and plugin) must flag its bad examples and none of its good ones."""

from __future__ import annotations

import pytest

from newslint.rule import Rule
from newslint.testing import check_examples, registry

RULES = registry().rulebook().sorted()


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_examples(rule):
    check_examples(rule)


def test_a_rule_without_both_kinds_of_example_fails():
    class NoGoodExample(Rule):
        code = "EX900"
        name = "no-good-example"
        category = "style"
        summary = "Test rule"
        examples = {"bad": ["Text."]}

    with pytest.raises(AssertionError, match="needs at least one bad and one good example"):
        check_examples(NoGoodExample())
