"""Scopes: the parts of a document a YAML rule looks at.

A scope is written as a name, or ``name:argument`` for the two that take one:

    text            every block of prose (headline included)
    headline        the headline
    body            every block after the headline
    heading         Markdown subheadings
    paragraph       each body block that is not a heading (paragraphs, list items, lines)
    list-item       list items
    sentence        each sentence
    line            each line that has prose on it
    last-lines:N    the last N lines that have prose on them, as one segment
    link-text       the text of each link
    link-target     the destination of each link, as written
    front-matter:F  the value of front matter field F (Markdown)

Segments are (start, end) offsets. Most scopes are read in the prose (markup
blanked); link-target and front-matter read the source text as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.document import Document
from newslint.structure import BlockKind
from newslint.textutil import strip_span

_SIMPLE = ("text", "headline", "body", "heading", "paragraph", "list-item", "sentence", "line", "link-text", "link-target")
_WITH_ARGUMENT = ("last-lines", "front-matter")
SCOPE_NAMES = _SIMPLE + tuple(f"{name}:…" for name in _WITH_ARGUMENT)


@dataclass(frozen=True)
class Scope:
    name: str
    argument: str | None = None

    @classmethod
    def parse(cls, value: object) -> Scope:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"scope must be a string, one of: {', '.join(SCOPE_NAMES)}")
        name, _, argument = value.strip().partition(":")
        if name in _SIMPLE and not argument:
            return cls(name)
        if name == "last-lines":
            if not argument.isdigit() or int(argument) < 1:
                raise ValueError(f"scope {value!r}: last-lines needs a positive number, e.g. last-lines:10")
            return cls(name, argument)
        if name == "front-matter":
            if not argument:
                raise ValueError(f"scope {value!r}: front-matter needs a field name, e.g. front-matter:title")
            return cls(name, argument)
        raise ValueError(f"unknown scope {value!r}; use one of: {', '.join(SCOPE_NAMES)}")

    def __str__(self) -> str:
        return f"{self.name}:{self.argument}" if self.argument else self.name

    @property
    def reads_source(self) -> bool:
        """Whether segments are read in the source text rather than in the prose."""
        return self.name in ("link-target", "front-matter")

    def text(self, doc: Document) -> str:
        return doc.text if self.reads_source else doc.prose

    def segments(self, doc: Document) -> list[tuple[int, int]]:
        cache = doc.__dict__.setdefault("_scope_segments", {})
        if self not in cache:
            cache[self] = self._segments(doc)
        return cache[self]

    def _segments(self, doc: Document) -> list[tuple[int, int]]:
        name = self.name
        if name == "text":
            return [(block.start, block.end) for block in doc.blocks]
        if name == "headline":
            return [(doc.headline.start, doc.headline.end)] if doc.headline else []
        if name == "body":
            return [(block.start, block.end) for block in doc.body_blocks]
        if name == "heading":
            return [(b.start, b.end) for b in doc.body_blocks if b.kind == BlockKind.HEADING]
        if name == "paragraph":
            return [(b.start, b.end) for b in doc.body_blocks if b.kind != BlockKind.HEADING]
        if name == "list-item":
            return [(b.start, b.end) for b in doc.blocks if b.kind == BlockKind.LIST_ITEM]
        if name == "sentence":
            return [(sentence.start, sentence.end) for sentence in doc.sentences]
        if name == "line":
            return _prose_lines(doc)
        if name == "last-lines":
            lines = _prose_lines(doc)[-int(self.argument):]
            return [(lines[0][0], lines[-1][1])] if lines else []
        if name == "link-text":
            return [(link.text_start, link.text_end) for link in doc.links if link.text_end > link.text_start]
        if name == "link-target":
            return [(link.target_start, link.target_end) for link in doc.links]
        front_matter = doc.front_matter
        span = front_matter.value_spans.get(self.argument) if front_matter else None
        return [span] if span else []


def _prose_lines(doc: Document) -> list[tuple[int, int]]:
    prose = doc.prose
    stripped = (strip_span(prose, start, end) for start, end in doc.lines)
    return [(start, end) for start, end in stripped if end > start]
