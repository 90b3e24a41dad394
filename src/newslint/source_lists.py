"""Sources listed as if they were links: "you may visit the official websites:" + names.

A pointer block (a line or paragraph that ends with a colon and says "visit ...
websites", "Sources", "Useful links", or a heading that says only that; the lexicon
'link-pointers') followed by short
blocks that name sources is a source list. It is unlinked when neither the pointer nor
any of the names carries a link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from newslint.document import Document
from newslint.lexicon_cache import built_from
from newslint.organisations import NamedOrganisation, OrganisationTable
from newslint.structure import Block, BlockKind
from newslint.tails import analyse
from newslint.textutil import ends_like_sentence

MAX_ITEM_WORDS = 12  # a listed source is a name, not a sentence
MAX_ITEMS = 20


@dataclass(frozen=True)
class SourceList:
    pointer: Block
    items: tuple[Block, ...]
    organisations: tuple[tuple[Block, NamedOrganisation | None], ...]  # what each item names, if known
    linked: bool  # the pointer or an item carries a link

    @property
    def start(self) -> int:
        return self.pointer.start

    @property
    def end(self) -> int:
        return self.items[-1].end


class SourceListReader:
    def __init__(self, lexicons: Mapping[str, Any]):
        pointers = lexicons.get("link-pointers", ())
        body = "|".join(f"(?:{entry})" for entry in pointers)
        self.pointer = regex.compile(rf"(?<![\w-])(?:{body})\s*:\s*$", regex.IGNORECASE) if body else None
        # a heading needs no colon, but must be the pointer and nothing else ("## Useful links")
        self.heading = regex.compile(rf"\s*(?:{body})\s*:?\s*", regex.IGNORECASE) if body else None
        self.organisations = built_from(lexicons, OrganisationTable)

    def read(self, doc: Document, lexicons: Mapping[str, Any]) -> list[SourceList]:
        if self.pointer is None:
            return []
        tail = analyse(doc, lexicons)
        blocks = [block for block in doc.body_blocks if not tail.in_tail(doc.line_of(block.start))]
        found = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            text = doc.block_text(block)
            if not (self.heading.fullmatch(text) if block.kind == BlockKind.HEADING else self.pointer.search(text)):
                index += 1
                continue
            items = []
            for item in blocks[index + 1:index + 1 + MAX_ITEMS]:
                if not self._is_item(doc, item):
                    break
                items.append(item)
            named = [(item, next(iter(self.organisations.named_in(doc.prose, item.start, item.end)), None))
                     for item in items]
            if items and (any(organisation for _, organisation in named) or len(items) >= 2):
                linked = any(_has_link(doc, part) for part in (block, *items))
                found.append(SourceList(block, tuple(items), tuple(named), linked))
            index += 1 + len(items)
        return found

    @staticmethod
    def _is_item(doc: Document, block: Block) -> bool:
        text = doc.block_text(block).strip()
        words = len(text.split())
        if not text or words > MAX_ITEM_WORDS or block.kind == BlockKind.HEADING:
            return False
        return not (ends_like_sentence(text) and words > 4)


def _has_link(doc: Document, block: Block) -> bool:
    return any(link.start < block.end and link.end > block.start for link in doc.links)


def source_lists(doc: Document, lexicons: Mapping[str, Any]) -> list[SourceList]:
    """The source lists of a document, read once and shared by the link rules."""
    memo = doc.__dict__.setdefault("_source_lists", {})
    if id(lexicons) not in memo:
        memo[id(lexicons)] = built_from(lexicons, SourceListReader).read(doc, lexicons)
    return memo[id(lexicons)]
