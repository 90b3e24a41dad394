"""The document model: exact positions, Markdown structure, blocks and sentences."""

from __future__ import annotations

import pytest

from newslint.document import Document
from newslint.markdown import parse_markdown
from newslint.plaintext import parse_plain_text
from newslint.sourcefile import decode
from newslint.structure import BlockKind

from conftest import seed


def text_doc(text: str) -> Document:
    return Document(text, "a.txt", parse_plain_text)


def md_doc(text: str) -> Document:
    return Document(text, "a.md", parse_markdown)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_and_column_with_every_line_ending(newline):
    doc = text_doc(newline.join(["Headline", "", "Second paragraph here."]))
    offset = doc.text.index("paragraph")
    assert doc.position(offset) == (3, 8)
    assert doc.line_text(3) == "Second paragraph here."
    assert doc.line_count == 3


def test_mixed_line_endings_count_each_break_once():
    doc = text_doc("one\r\ntwo\rthree\nfour")
    assert [doc.line_text(n) for n in range(1, 5)] == ["one", "two", "three", "four"]
    assert doc.position(doc.text.index("four")) == (4, 1)


def test_utf8_bom_is_not_a_column():
    source = decode(b"\xef\xbb\xbfHeadline\n\nCaf\xc3\xa9 society")
    doc = text_doc(source.text)
    assert source.bom == b"\xef\xbb\xbf"
    assert doc.position(doc.text.index("Headline")) == (1, 1)
    assert doc.position(doc.text.index("society")) == (3, 6)


def test_tabs_and_non_ascii_count_one_column_each():
    doc = text_doc("\tKishida’s ¥590 billion — 東京 said\n")
    assert doc.position(doc.text.index("¥")) == (1, 12)
    assert doc.position(doc.text.index("東京")) == (1, 27)
    assert doc.position(doc.text.index("said")) == (1, 30)


def test_end_position_of_a_span_ending_at_a_line_break_stays_on_its_line():
    doc = text_doc("first line\nsecond line\n")
    assert doc.end_position(len("first line\n")) == (1, 11)
    assert doc.end_position(len("first line")) == (1, 11)


def test_plain_text_blocks_of_seed_001():
    doc = Document(seed(1).read_text(encoding="utf-8"), "s.txt", parse_plain_text)
    kinds = [(doc.line_of(block.start), block.kind) for block in doc.blocks]
    assert kinds[:3] == [(1, BlockKind.HEADLINE), (3, BlockKind.LINE), (5, BlockKind.PARAGRAPH)]
    assert (21, BlockKind.LINE) in kinds  # "Collaborate on chips": its own block, not joined to line 22
    assert (22, BlockKind.PARAGRAPH) in kinds
    assert doc.block_text(doc.headline) == "Japan seeks investment in AI, semiconductors from American companies"


def test_article_starting_with_a_sentence_has_no_headline():
    doc = Document(seed(3).read_text(encoding="utf-8"), "s.txt", parse_plain_text)
    assert doc.headline is None
    assert doc.blocks[0].kind == BlockKind.PARAGRAPH


def test_plain_text_list_items_and_hard_wrapped_paragraphs():
    doc = text_doc(
        "Advantages:\n\n1. Growth: investment spurs jobs.\n2. Security: chips stay close.\n\n"
        "This paragraph was wrapped by hand at a fixed width so that\n"
        "its sentences run on over the line breaks, as e-mail does.\n"
    )
    kinds = [(doc.block_text(block)[:12], block.kind) for block in doc.blocks]
    assert kinds == [
        ("Advantages:", BlockKind.PARAGRAPH),
        ("Growth: inve", BlockKind.LIST_ITEM),
        ("Security: ch", BlockKind.LIST_ITEM),
        ("This paragra", BlockKind.PARAGRAPH),
    ]
    assert doc.line_of(doc.blocks[-1].end) == 7


MARKDOWN = """\
---
title: "Kishida woos investors"
date: 2024-04-10
---

# Kishida woos investors

Visit [the IMF](https://imf-data.org/japan "title") and `code [x](http://no)` now.
See [Reuters][r] and <https://www.reuters.com/a>.

- item with [a ref][r]

```
[not a link](http://code.example)
```

[r]: https://www.reuters.com/world
"""


def test_markdown_front_matter_is_read_and_not_prose():
    doc = md_doc(MARKDOWN)
    assert doc.title == "Kishida woos investors"
    assert str(doc.date) == "2024-04-10"
    assert doc.prose[: doc.front_matter.end].strip() == ""
    start, end = doc.front_matter.value_spans["title"]
    assert doc.text[start:end] == "Kishida woos investors"
    assert doc.position(start) == (2, 9)


def test_markdown_line_numbers_count_front_matter_lines():
    doc = md_doc(MARKDOWN)
    assert doc.headline is not None
    assert doc.position(doc.headline.start) == (6, 3)
    assert doc.position(doc.text.index("Visit")) == (8, 1)


def test_markdown_links_have_text_target_and_exact_spans():
    doc = md_doc(MARKDOWN)
    found = [(link.kind, link.text, link.target, doc.position(link.start), doc.text[link.start:link.end])
             for link in doc.links]
    assert found == [
        ("inline", "the IMF", "https://imf-data.org/japan", (8, 7), '[the IMF](https://imf-data.org/japan "title")'),
        ("reference", "Reuters", "https://www.reuters.com/world", (9, 5), "[Reuters][r]"),
        ("autolink", "", "https://www.reuters.com/a", (9, 22), "<https://www.reuters.com/a>"),
        ("reference", "a ref", "https://www.reuters.com/world", (11, 13), "[a ref][r]"),
    ]
    reference = doc.links[1]
    assert doc.position(reference.target_start) == (17, 6)
    assert doc.text[reference.target_start:reference.target_end] == "https://www.reuters.com/world"


def test_markdown_code_is_not_prose_and_not_links():
    doc = md_doc(MARKDOWN)
    assert "code.example" not in doc.prose
    assert "http://no" not in doc.prose
    assert all("example" not in link.target and link.target != "http://no" for link in doc.links)
    assert "the IMF" in doc.prose and "imf-data" not in doc.prose


def test_markdown_blocks():
    doc = md_doc(MARKDOWN)
    assert [(block.kind, doc.block_text(block).split()[0]) for block in doc.blocks] == [
        (BlockKind.HEADLINE, "Kishida"),
        (BlockKind.PARAGRAPH, "Visit"),
        (BlockKind.LIST_ITEM, "item"),
    ]


def test_markdown_with_crlf_and_bom_keeps_positions():
    raw = "\ufeff---\r\ntitle: T\r\n---\r\n\r\n# Big news today\r\n\r\nA [link](https://x.org) here.\r\n"
    doc = md_doc(decode(raw.encode("utf-8")).text)
    assert doc.position(doc.headline.start) == (5, 3)
    assert doc.position(doc.links[0].start) == (7, 3)


def test_invalid_front_matter_is_a_problem_at_its_line():
    doc = md_doc("---\ntitle: ok\ndate: [2024\n---\n\n# Headline here\n")
    (offset, message), = doc.structure.problems
    assert doc.position(offset)[0] == 4 and message.startswith("invalid YAML")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Department of State said so. Mr. Smith agreed.",
         ["The U.S. Department of State said so.", "Mr. Smith agreed."]),
        ("Microsoft will invest $2.9 billion. The plan starts in 2025.",
         ["Microsoft will invest $2.9 billion.", "The plan starts in 2025."]),
        ("“Wake up Japan!” he said at a corporate event. “I want to be on the side of evolution.”",
         ["“Wake up Japan!” he said at a corporate event.", "“I want to be on the side of evolution.”"]),
        ("Exports to the U.S. The move follows talks.", ["Exports to the U.S.", "The move follows talks."]),
        ("J. K. Rowling wrote it. Sales rose.", ["J. K. Rowling wrote it.", "Sales rose."]),
        ("Did it work? Nobody knows... yet.", ["Did it work?", "Nobody knows... yet."]),
    ],
)
def test_sentences_in_news_prose(text, expected):
    doc = text_doc(text)
    assert [sentence.text for sentence in doc.sentences] == expected
