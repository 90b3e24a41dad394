"""Choosing rules: selectors, their specificity, and severity overrides.

A selector is ``ALL``, a category (``spam-tail``), a code prefix (``NL2``), a code
(``NL201``) or a rule name (``repeated-headline``). When a rule is both selected and
ignored, the more specific selector wins; on a tie, ignore wins (as in ruff).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newslint.diagnostics import CATEGORIES, Severity
from newslint.rule import Rule

_EXACT = 100


def specificity(selector: str, rule: Rule) -> int | None:
    """How specifically a selector names a rule, or None when it does not."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return 0
    if selector == rule.category:
        return 1
    if selector == rule.name or selector.upper() == rule.code:
        return _EXACT
    if selector[:1].isalpha() and selector.isalnum() and rule.code.startswith(selector.upper()):
        return len(selector)
    return None


def _best(selectors: Iterable[str], rule: Rule) -> int | None:
    found = [level for level in (specificity(selector, rule) for selector in selectors) if level is not None]
    return max(found) if found else None


def matches_any(selectors: Iterable[str], rule: Rule) -> bool:
    return _best(selectors, rule) is not None


def choose_rules(
    rules: Iterable[Rule],
    select: Sequence[str] | None,
    extend_select: Sequence[str],
    ignore: Sequence[str],
) -> list[Rule]:
    """The rules that run: selected (or on by default), minus the ignored ones."""
    chosen = []
    for rule in rules:
        selected = _best(select, rule) if select is not None else (-1 if rule.enabled_by_default else None)
        extended = _best(extend_select, rule)
        if extended is not None and (selected is None or extended > selected):
            selected = extended
        ignored = _best(ignore, rule)
        if selected is not None and (ignored is None or selected > ignored):
            chosen.append(rule)
    return chosen


def severity_override(overrides: Sequence[tuple[str, Severity]], rule: Rule) -> Severity | None:
    """The severity set by the most specific matching override, if any."""
    best: tuple[int, Severity] | None = None
    for selector, severity in overrides:
        level = specificity(selector, rule)
        if level is not None and (best is None or level >= best[0]):
            best = (level, severity)
    return best[1] if best else None


def unknown_selectors(selectors: Iterable[str], rules: Iterable[Rule]) -> list[str]:
    """Selectors that name no known rule (typos), in the order given."""
    rules = list(rules)
    return [
        selector
        for selector in selectors
        if selector.upper() != "ALL"
        and selector not in CATEGORIES
        and not any(specificity(selector, rule) is not None for rule in rules)
    ]
