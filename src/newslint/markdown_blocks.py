"""The block structure of simple Markdown, found without markdown-it.

Most articles are headings, paragraphs and the odd quoted paragraph. For them
markdown-it's block parser (CommonMark, every construct tried at every line) was a
third of the time of linting an article with a few rules. simple_blocks reads such a
document line by line; anything that could be another construct (a list, a code
block, a table, HTML, a setext heading, a thematic break, a link definition, an
indented or lazy line) makes it answer None, and markdown-it parses the document as
before. tests/test_fast_paths.py checks both give the same structure.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newslint.structure import BlockKind

_ATX = re.compile(r"#{1,6}(?: |$)")
# What a line (or a quoted line's content) may start with and still be paragraph text.
_NOT_PARAGRAPH_START = re.compile(
    r"""[ \t]                       # indented: code, or a continuation markdown-it may read otherwise
      | [-+*](?:[ \t]|$)            # bullet list item
      | \d{1,9}[.)](?:[ \t]|$)      # ordered list item
      | (?:[-*_][ \t]*){3,}$        # thematic break
      | [=-]+[ \t]*$                # setext heading underline
      | <                           # HTML block
      | ```|~~~                     # code fence
      | >                           # (nested) blockquote
    """,
    re.VERBOSE,
)
# A table's delimiter row ("| --- | :-: |"): the document has a table.
_TABLE_DELIMITER = re.compile(r"[ \t]*[|:]?[ \t]*:?-+:?[ \t]*(?:[|:][ \t:\-]*)*")
_QUOTE_MARKER = re.compile(r">[ ]?")


class SimpleBlock(NamedTuple):
    first: int  # line indices, 0-based, inclusive
    last: int
    kind: BlockKind  # HEADING or PARAGRAPH
    level: int  # heading level
    quoted: bool


def simple_blocks(text: str, lines: list[tuple[int, int]]) -> list[SimpleBlock] | None:
    """The blocks of a document of headings, paragraphs and quoted paragraphs, else None."""
    if "]:" in text or "\t" in text:
        return None  # a link definition, tab stops: markdown-it's to read
    blocks: list[SimpleBlock] = []
    open_block: list | None = None  # [first, last, quoted] of the paragraph being read
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip(" "):
            open_block = _close(blocks, open_block)
            continue
        quoted = line.startswith(">")
        content = line[_QUOTE_MARKER.match(line).end():] if quoted else line
        if not content.strip(" ") or _NOT_PARAGRAPH_START.match(content) or _TABLE_DELIMITER.fullmatch(content):
            return None
        heading = _ATX.match(content)
        if heading and quoted:
            return None
        if open_block is not None and open_block[2] != quoted:
            if open_block[2]:
                return None  # a lazy continuation line of a quote
            open_block = _close(blocks, open_block)  # a quote interrupts the paragraph
        if heading:
            open_block = _close(blocks, open_block)
            level = len(heading.group().rstrip(" "))
            blocks.append(SimpleBlock(index, index, BlockKind.HEADING, level, False))
            continue
        if open_block is None:
            open_block = [index, index, quoted]
        else:
            open_block[1] = index
    _close(blocks, open_block)
    return blocks


def _close(blocks: list[SimpleBlock], open_block: list | None) -> None:
    """End the paragraph being read, if any; returns None, the new open block."""
    if open_block is not None:
        first, last, quoted = open_block
        blocks.append(SimpleBlock(first, last, BlockKind.PARAGRAPH, 0, quoted))
