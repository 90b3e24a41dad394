"""Spam tails (NL201): the seeds, legitimate endings, Markdown, lexicon extension, the benchmark."""

from __future__ import annotations

import subprocess
import sys

from newslint.testing import lint_text

from conftest import REPO, seed


def tails(text: str, filename: str = "a.txt", **options) -> list[tuple[int, int, str]]:
    return [(d.line, d.end_line, d.message) for d in lint_text(text, filename=filename, select=["NL201"], **options)]


def test_seed_tails_are_reported_whole(cli):
    run = cli("--select", "NL201", "seeds/", cwd=REPO)
    assert run.lines[:-1] == [
        "seeds/001_f515593e6f37bc8d.txt:40:1: NL201 [error] Spam tail after the end of the article (lines 40-46): "
        "site blurb, link-farm spam, comment form",
        "seeds/002_185e86485d79d668.txt:48:1: NL201 [error] Spam tail after the end of the article (lines 48-49): "
        "site footer",
        "seeds/004_0a3b941b23e20fd7.txt:74:1: NL201 [error] Spam tail after the end of the article (line 74): "
        "cookie notice",
    ]


def test_no_spam_tail_touches_a_body_line_of_any_seed():
    last_body_line = {0: 13, 1: 38, 2: 46, 3: 10, 4: 71}
    for number, last in last_body_line.items():
        for first, _, _ in tails(seed(number).read_text(encoding="utf-8")):
            assert first > last, (number, first)


STORY = (
    "Regulator fines tech giant over tracking\n\n"
    "The data protection authority fined the company 90 million euros on Tuesday for tracking users "
    "without their consent.\n\n"
    "Officials said the company had set advertising cookies before visitors could refuse them, a practice "
    "the regulator has warned against for two years.\n\n"
)


def test_a_last_paragraph_about_privacy_cookies_comments_or_subscriptions_is_not_cut():
    endings = [
        "The company said it would stop using third-party cookies next year and update its privacy policy.\n",
        "Readers can leave comments on the proposal until May, the ministry said in a statement on Friday.\n",
        "Subscriptions to the newspaper rose 12 percent after it dropped its paywall for coverage of the vote.\n",
        "The company said all rights reserved under the old licence would transfer to the buyer next month.\n",
    ]
    for ending in endings:
        assert tails(STORY + ending) == [], ending


def test_tail_in_markdown_with_links_and_headings():
    text = (
        "# Regulator fines tech giant\n\n"
        "The data protection authority fined the company 90 million euros on Tuesday for tracking users.\n\n"
        "Officials said the company had set advertising cookies before visitors could refuse them.\n\n"
        "### Related Posts\n\n"
        "- [Court backs fine against retailer](https://news.example.org/a)\n"
        "- [Regulator opens new inquiry](https://news.example.org/b)\n\n"
        "[Privacy Policy](/privacy) | [Terms of Service](/terms) | Cookie Settings\n"
    )
    assert tails(text, "a.md") == [(7, 12, "Spam tail after the end of the article (lines 7-12): "
                                           "related links, cookie notice")]


def test_users_extend_the_lexicons_from_their_own_pack():
    text = STORY + "Weitere Meldungen\n\nZum Seitenanfang\n\nDruckversion\n"
    assert tails(text) == []
    pack = ("lexicons:\n  tail-header-related: [weitere meldungen]\n"
            "  tail-navigation: [zum seitenanfang, druckversion]\n")
    assert tails(text, packs=[pack]) == [(7, 11, "Spam tail after the end of the article (lines 7-11): "
                                                 "related links, navigation")]


def test_a_glued_article_after_the_furniture_is_not_swallowed_by_the_tail():
    from newslint.rules.glued import _GLUED_EXAMPLE

    findings = [(d.code, d.line, d.message) for d in lint_text(_GLUED_EXAMPLE, select=["NL201", "NL106"])]
    assert findings == [("NL106", 13, "A second article starts here: page furniture on lines 7-11 ends the first one")]


def test_benchmark_script_prints_line_level_figures():
    run = subprocess.run([sys.executable, "bench/tails.py", "tests/data/tails-mini", "--show-misses"],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.stdout.splitlines() == [
        "pages: 3",
        "tail lines: precision 1.000  recall 0.917  F1 0.957",
        "body lines inside a reported tail: 0 of 9 (0.00%)",
        "cut within 2 lines of the truth: 3 of 3 (100%)",
    ]
