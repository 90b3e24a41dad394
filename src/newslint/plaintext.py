"""Parser for plain-text articles.

Scraped and exported articles usually put one paragraph on a line, with or without
blank lines between paragraphs; hand-written ones may be hard-wrapped. A run of
non-blank lines is one block per line, unless its line breaks fall inside sentences
(hard wrapping), in which case the run is one paragraph.
"""

from __future__ import annotations

import regex

from newslint.structure import Block, BlockKind, Comment, Link, Structure
from newslint.textutil import HTML_COMMENT, Blanker, bare_urls, ends_like_sentence, is_title_like, strip_span, trim_url

_LIST_MARKER = regex.compile(r"[ \t]*(?:[-*•▪◦‣]|\d{1,3}[.)])[ \t]+(?=\S)")


def parse_plain_text(text: str, lines: list[tuple[int, int]]) -> Structure:
    """Build the Structure of a plain-text document from its text and line spans."""
    blanker = Blanker(text)
    comments = []
    for match in HTML_COMMENT.finditer(text):
        comments.append(Comment(match.start(), match.end(), match.group(1).strip()))
        blanker.add(match.start(), match.end())
    links = []
    for match in bare_urls(text):
        start, end = trim_url(match.start(), match.group())
        links.append(Link("bare", text[start:end], "", start, end, start, start, start, end))
        blanker.add(start, end)
    prose = blanker.build()
    return Structure(prose=prose, blocks=_blocks(prose, lines), links=links, comments=comments)


def _blocks(prose: str, lines: list[tuple[int, int]]) -> list[Block]:
    blocks: list[Block] = []
    for group in _groups_of_nonblank_lines(prose, lines):
        texts = [prose[start:end] for start, end in group]
        if _is_hard_wrapped(texts):
            blocks.append(_block(prose, group[0][0], group[-1][1], BlockKind.PARAGRAPH))
            continue
        for start, end in group:
            marker = _LIST_MARKER.match(prose, start, end)
            if marker:
                blocks.append(_block(prose, marker.end(), end, BlockKind.LIST_ITEM))
            else:
                kind = BlockKind.LINE if is_title_like(prose[start:end]) else BlockKind.PARAGRAPH
                blocks.append(_block(prose, start, end, kind))
    if blocks and blocks[0].kind == BlockKind.LINE:
        first = blocks[0]
        blocks[0] = Block(BlockKind.HEADLINE, first.start, first.end)
    return blocks


def _block(prose: str, start: int, end: int, kind: str) -> Block:
    return Block(kind, *strip_span(prose, start, end))


def _groups_of_nonblank_lines(prose: str, lines: list[tuple[int, int]]):
    group: list[tuple[int, int]] = []
    for start, end in lines:
        if prose[start:end].strip():
            group.append((start, end))
        elif group:
            yield group
            group = []
    if group:
        yield group


def _is_hard_wrapped(texts: list[str]) -> bool:
    """Line breaks inside sentences, in a run of long lines, mean hard-wrapped prose."""
    if len(texts) < 2 or any(len(t.strip()) < 30 for t in texts[:-1]):
        return False
    return any(
        not ends_like_sentence(before) and after.lstrip()[:1].islower()
        for before, after in zip(texts, texts[1:])
    )
