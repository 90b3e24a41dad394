"""NL1xx structure rules on the seed articles, and what they must leave alone."""

from __future__ import annotations

from newslint.testing import lint_text

from conftest import seed


def found(number: int, codes: str) -> list[tuple[int, str, str, str]]:
    text = seed(number).read_text(encoding="utf-8")
    return [(d.line, d.code, str(d.severity), d.message) for d in lint_text(text, select=codes.split(","))]


TEASER = "Teaser headline of another article inside the body"


def test_the_six_teasers_of_seed_004():
    assert found(4, "NL104") == [
        (5, "NL104", "warning", TEASER),
        (25, "NL104", "warning", TEASER),
        (36, "NL104", "warning", TEASER),
        (38, "NL104", "warning", TEASER + " (again: it is already on line 36)"),
        (47, "NL104", "warning", TEASER),
        (63, "NL104", "warning", TEASER),
    ]


def test_a_real_subheading_and_the_repeated_headline_are_not_teasers():
    assert found(1, "NL104") == []  # "Collaborate on chips", and line 3 (the repeated headline)


def test_captions_and_credits():
    assert found(4, "NL105") == [
        (15, "NL105", "warning", "Photo caption or credit in the article text"),
        (55, "NL105", "warning", "Photo caption or credit in the article text"),
    ]
    assert found(0, "NL105") == [
        (5, "NL105", "info", "'Flag of Japan' stands alone like the caption or alt text of a picture"),
    ]
    assert found(1, "NL105") == []


def test_repeated_headline_is_reported_once():
    assert found(1, "NL1") == [
        (3, "NL101", "warning", "The headline is repeated here (it is already on line 1)"),
        (28, "NL109", "warning", "'CNNJapan' looks like two paragraphs run together ('CNN' + 'Japan')"),
    ]


def test_missing_headline_and_mid_story_opening():
    assert found(3, "NL107,NL108") == [
        (1, "NL107", "warning", "The article has no headline: it opens with a paragraph"),
    ]
    assert found(4, "NL107,NL108") == [
        (3, "NL108", "warning", "The article starts mid-story: its first paragraph opens with 'And'"),
    ]
    assert found(0, "NL107,NL108") == found(2, "NL107,NL108") == []


def test_repeated_paragraph_and_sentence_in_an_article():
    text = (
        "Kishida woos investors\n\n"
        "The prime minister spoke to executives in Washington on Tuesday.\n\n"
        "Japan was ranked 32nd in the latest global classification of digital competitiveness. He said so.\n\n"
        "The prime minister spoke to executives in Washington on Tuesday.\n\n"
        "Visitors crowded the expo. Japan was ranked 32nd in the latest global classification of digital "
        "competitiveness.\n"
    )
    findings = [(d.line, d.code, d.message, d.evidence) for d in lint_text(text, select=["NL102", "NL103"])]
    assert findings == [
        (7, "NL102", "This paragraph repeats line 3: 'The prime minister spoke to executives in Washington on T...'",
         "first written on line 3"),
        (9, "NL103", "This sentence repeats line 5: 'Japan was ranked 32nd in the latest global classification...'",
         "first written on line 5"),
    ]


def test_inline_furniture_inside_the_body():
    text = ("Japan courts tech firms\n\nMicrosoft pledged $2.9 billion this week.\n\nShare this:\n\n"
            "Executives said Japan was a stable partner in the region.\n")
    assert [(d.line, d.message) for d in lint_text(text, select=["NL110"])] == [
        (5, "Page furniture inside the article (share bar)")
    ]
