"""Declarative rule kinds that YAML rules compile to."""

from newslint.kinds.existence import ExistenceRule
from newslint.kinds.occurrence import OccurrenceRule
from newslint.kinds.repetition import RepetitionRule
from newslint.kinds.substitution import SubstitutionRule

BUILTIN_KINDS = {
    kind.KIND: kind for kind in (ExistenceRule, SubstitutionRule, OccurrenceRule, RepetitionRule)
}
