"""The built-in Python rules, grouped by category."""

from __future__ import annotations

from newslint.rule import Rule


def builtin_rules() -> list[Rule]:
    from newslint.rules.notes import NOTE_RULES
    from newslint.rules.spam_tail import SpamTail
    from newslint.rules.structure import RepeatedHeadline

    return [rule() for rule in (RepeatedHeadline, SpamTail, *NOTE_RULES)]
