"""The parts of an article a parser finds: blocks, links, comments and front matter.

Every span is a pair of character offsets into the document's decoded text, so any
finding built from them maps back to an exact line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class BlockKind:
    """What a block is. Plain strings, so plugins and YAML can name them."""

    HEADLINE = "headline"  # the article's title (first block, title-like)
    HEADING = "heading"  # a Markdown subheading
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    LINE = "line"  # a short standalone line with no sentence punctuation


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    start: int  # offsets of the prose content, markup excluded
    end: int
    level: int = 0  # heading level for Markdown headings
    quoted: bool = False  # inside a Markdown blockquote


@dataclass(frozen=True, slots=True)
class Link:
    kind: str  # inline, reference, autolink, bare
    target: str  # the destination as written (reference links: the definition's)
    text: str  # the link text as written (empty for autolinks and bare URLs)
    start: int  # the whole link in the source
    end: int
    text_start: int
    text_end: int
    target_start: int  # where the destination is written (for references, in the definition)
    target_end: int


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment; ``body`` is the text between ``<!--`` and ``-->``, stripped."""

    start: int
    end: int
    body: str


@dataclass(frozen=True)
class FrontMatter:
    fields: dict[str, Any]
    start: int  # the whole block, fences included
    end: int
    value_spans: dict[str, tuple[int, int]]  # scalar field -> span of its value in the source


@dataclass
class Structure:
    """What a parser returns for one document."""

    prose: str  # same length as the text; everything that is not prose is blanked
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    front_matter: FrontMatter | None = None
    # Problems found while parsing (offset, message), e.g. front matter that is not valid YAML.
    problems: list[tuple[int, str]] = field(default_factory=list)
