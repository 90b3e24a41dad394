"""Objects compiled from the lexicons, built once per lexicon set.

A run has one lexicon set per rule folder configuration; the tail scorer, the
attribution reader and the organisation table compile their patterns from it once
and are then shared by every document.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")

# (factory, id(lexicons)) -> (lexicons, built): the lexicons are kept alive with what was
# built from them, so their id cannot be reused by another set while the entry exists.
_BUILT: dict[tuple[Callable, int], tuple[Mapping[str, Any], Any]] = {}


def built_from(lexicons: Mapping[str, Any], factory: Callable[[Mapping[str, Any]], T]) -> T:
    key = (factory, id(lexicons))
    cached = _BUILT.get(key)
    if cached is None or cached[0] is not lexicons:
        cached = _BUILT[key] = (lexicons, factory(lexicons))
    return cached[1]
