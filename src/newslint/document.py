"""The Document: one article's text, its lines, and its structure, parsed once.

Offsets are character indexes into the decoded text (BOM removed, line endings kept
as they are). Lines end at CRLF, CR or LF; lines and columns are 1-based and count
characters, so a tab or a non-ASCII letter is one column.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from functools import cached_property
from typing import Any

from newslint.sentences import split_sentences
from newslint.structure import Block, BlockKind, Comment, FrontMatter, Link, Structure
from newslint.textutil import line_breaks

Parser = Callable[[str, list[tuple[int, int]]], Structure]



class Sentence:
    """A sentence: its span, and the block it belongs to."""

    __slots__ = ("start", "end", "block", "_doc")

    def __init__(self, doc: Document, start: int, end: int, block: Block):
        self._doc = doc
        self.start = start
        self.end = end
        self.block = block

    @property
    def text(self) -> str:
        """The sentence as prose (markup blanked to spaces)."""
        return self._doc.prose[self.start:self.end]

    def __repr__(self) -> str:
        return f"Sentence({self.start}, {self.end}, {self.text!r})"


class Document:
    """An article ready for linting. Expensive views are computed on first use."""

    def __init__(self, text: str, path: str = "<text>", parser: Parser | None = None):
        self.text = text
        self.path = path
        self._parser = parser

    # -- lines and positions ----------------------------------------------------------

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) offsets of every line, line terminator excluded."""
        spans = []
        start = 0
        if "\r" not in self.text:  # LF only, as most files: str.split is several times faster
            for line in self.text.split("\n"):
                spans.append((start, start + len(line)))
                start += len(line) + 1
            return spans
        for match in line_breaks(self.text):
            spans.append((start, match.start()))
            start = match.end()
        spans.append((start, len(self.text)))
        return spans

    @cached_property
    def _line_starts(self) -> list[int]:
        return [start for start, _ in self.lines]

    @property
    def line_count(self) -> int:
        return len(self.lines)

    def line_of(self, offset: int) -> int:
        """The 1-based line that offset is on (an offset inside a CRLF counts as its line)."""
        return bisect.bisect_right(self._line_starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = min(max(offset, 0), len(self.text))
        line = self.line_of(offset)
        start, end = self.lines[line - 1]
        return line, min(offset, end) - start + 1

    def end_position(self, end: int) -> tuple[int, int]:
        """1-based (line, column) just after the last character of a span ending at ``end``.

        A span that ends with a line break ends on that line, not at the start of the next.
        """
        line = self.line_of(end)
        start, _ = self.lines[line - 1]
        if end == start and line > 1 and end > 0:
            previous_start, previous_end = self.lines[line - 2]
            return line - 1, previous_end - previous_start + 1
        return self.position(end)

    def line_text(self, line: int) -> str:
        start, end = self.lines[line - 1]
        return self.text[start:end]

    def offset(self, line: int, column: int = 1) -> int:
        start, end = self.lines[line - 1]
        return min(start + column - 1, end)

    # -- structure ------------------------------------------------------------------

    @cached_property
    def structure(self) -> Structure:
        if self._parser is None:
            from newslint.plaintext import parse_plain_text

            self._parser = parse_plain_text
        return self._parser(self.text, self.lines)

    @property
    def prose(self) -> str:
        """The text with everything that is not prose (markup, code, URLs, comments) blanked."""
        return self.structure.prose

    @property
    def blocks(self) -> list[Block]:
        return self.structure.blocks

    @property
    def links(self) -> list[Link]:
        return self.structure.links

    @property
    def comments(self) -> list[Comment]:
        return self.structure.comments

    @property
    def front_matter(self) -> FrontMatter | None:
        return self.structure.front_matter

    @cached_property
    def headline(self) -> Block | None:
        blocks = self.blocks
        if blocks and blocks[0].kind == BlockKind.HEADLINE:
            return blocks[0]
        return None

    @property
    def body_blocks(self) -> list[Block]:
        blocks = self.blocks
        return blocks[1:] if self.headline is not None else blocks

    def block_text(self, block: Block) -> str:
        return self.prose[block.start:block.end]

    @cached_property
    def sentences(self) -> list[Sentence]:
        prose = self.prose
        return [
            Sentence(self, start, end, block)
            for block in self.blocks
            for start, end in split_sentences(prose, block.start, block.end)
        ]

    # -- front matter fields --------------------------------------------------------

    def field(self, name: str) -> Any:
        front_matter = self.front_matter
        return front_matter.fields.get(name) if front_matter else None

    @property
    def title(self) -> str | None:
        """The front matter ``title``, else the headline text."""
        title = self.field("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        return self.block_text(self.headline) if self.headline else None

    @property
    def date(self) -> dt.date | None:
        """The front matter ``date`` as a date, if there is a readable one."""
        return parse_date(self.field("date"))


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for candidate in (text, text[:10]):
            try:
                return dt.date.fromisoformat(candidate)
            except ValueError:
                continue
    return None


