"""Building fixes: edits that remove text without leaving odd blank lines behind."""

from __future__ import annotations

import re

from newslint.diagnostics import Edit, Fix
from newslint.document import Document


_NON_SPACE = re.compile(r"\S")


def removal_fix(doc: Document, start: int, end: int, description: str, safe: bool = True) -> Fix:
    return Fix(description, (removal_edit(doc, start, end),), safe=safe)


def removal_edit(doc: Document, start: int, end: int) -> Edit:
    """An edit deleting text[start:end]; whole lines go with their line breaks.

    When the span fills its lines, the lines are removed so that the paragraphs around
    them keep the spacing they had: a block between blank lines takes one blank line
    with it, and a block at the end of the file takes the blank lines before it (the
    file keeps whatever final line break it had).
    """
    text = doc.text
    first = doc.line_of(start)
    last = doc.line_of(max(start, end - 1))
    first_start, _ = doc.lines[first - 1]
    _, last_end = doc.lines[last - 1]
    # A search, not a slice: slicing a 10 MB line for every finding on it is quadratic.
    if _NON_SPACE.search(text, first_start, start) or _NON_SPACE.search(text, end, last_end):
        return _inline_removal(text, start, end)
    following = _next_nonblank(doc, last)
    if following is None:
        preceding = _previous_nonblank(doc, first)
        cut_from = doc.lines[preceding - 1][1] if preceding else 0
        return Edit(cut_from, last_end)
    previous_blank = first == 1 or not doc.line_text(first - 1).strip()
    cut_to = doc.lines[following - 1][0] if previous_blank else doc.lines[last][0]
    return Edit(first_start, cut_to)


def _inline_removal(text: str, start: int, end: int) -> Edit:
    """Remove a span inside a line with the spaces after it (or before, at a line end)."""
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if after < len(text) and text[after] not in "\r\n":
        return Edit(start, after)
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return Edit(before, end)


def _next_nonblank(doc: Document, line: int) -> int | None:
    for number in range(line + 1, doc.line_count + 1):
        if doc.line_text(number).strip():
            return number
    return None


def _previous_nonblank(doc: Document, line: int) -> int | None:
    for number in range(line - 1, 0, -1):
        if doc.line_text(number).strip():
            return number
    return None
