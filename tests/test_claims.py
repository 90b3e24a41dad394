"""NL5xx claims and NL6xx generated filler on the seeds, and sentences inserted into them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import yaml

from newslint.testing import lint_text

from conftest import REPO, SEEDS, seed

SEED_1 = seed(1).read_text(encoding="utf-8")


def seed_findings(cli, select: str) -> list[str]:
    run = cli("--select", select, "--format", "concise", "seeds/", cwd=REPO)
    return run.lines


def test_the_seeds_warning_and_info_claims(cli):
    assert seed_findings(cli, "claim") == [
        "seeds/000_0a1d2b52e856582c.txt:9:318: NL504 [warning] 'largest-ever' is stated as certain; the source says "
        "'reportedly' (seeds/facts.yaml:15, microsoft-largest-investment)",
        "seeds/001_f515593e6f37bc8d.txt:32:52: NL501 [info] superlative without a source: 'largest'",
        "seeds/002_185e86485d79d668.txt:11:346: NL503 [warning] 'hoped-for full economic recovery by 2024' is "
        "attributed to Kishida, who said something else: Kishida said he hoped 2024 would be the year the economy "
        "frees itself from the sentiment of deflation. (seeds/facts.yaml:90, kishida-deflation-2024)",
        "seeds/003_1470b63d3428230d.txt:5:349: NL501 [warning] absolute claim without a source: 'banned all'",
        "seeds/004_0a3b941b23e20fd7.txt:15:71: NL501 [info] superlative without a source: 'largest'",
        "Found 5 findings (0 errors, 3 warnings, 2 info) in 5 of 5 files.",
    ]


def test_the_listicle_and_the_disclaimer_of_seed_002_are_style(cli):
    assert seed_findings(cli, "style") == [
        "seeds/002_185e86485d79d668.txt:13:1: NL601 [warning] Generated listicle (lines 13-39): 'Advantages of Tech "
        "Investments Between Japan and the U.S.', 'Key Challenges and Controversies', 'Disadvantages of Tech "
        "Investments' over 11 generic points",
        "seeds/002_185e86485d79d668.txt:46:1: NL602 [warning] Generated disclaimer: 'Please note that'",
        "Found 2 findings (0 errors, 2 warnings, 0 info) in 1 of 5 files.",
    ]


def test_the_listicle_is_one_finding_and_its_points_are_not_claims(cli):
    listicle_lines = range(13, 40)
    run = cli("--format", "json", "seeds/002_185e86485d79d668.txt", cwd=REPO)
    inside = [(f["line"], f["code"]) for f in json.loads(run.out)["diagnostics"] if f["line"] in listicle_lines]
    assert inside == [(13, "NL601")]
    finding = next(f for f in json.loads(run.out)["diagnostics"] if f["code"] == "NL601")
    assert (finding["line"], finding["end_line"]) == (13, 39)


# The attributed sentences of seed 001, as written: none may get a claim finding.
ATTRIBUTED_IN_SEED_1 = {
    7: "Prime Minister Fumio Kishida said Japan welcomed",
    9: "he said on Tuesday",
    13: "exceeded $750 billion, Kishida said",
    24: "cooperation between Japan and the United States,” he said.",
    28: "the chipmaker previously told CNN",
    36: "sentiment of deflation and cost reduction",
}


def test_quoted_and_attributed_sentences_of_seed_001_get_no_claim_finding():
    lines = SEED_1.split("\n")
    for number, words in ATTRIBUTED_IN_SEED_1.items():
        assert words in lines[number - 1]
    findings = lint_text(SEED_1, select=["claim"], facts=_seed_facts())
    assert [(d.line, d.code, str(d.severity)) for d in findings] == [(32, "NL501", "info")]


def test_seed_001_has_at_most_two_warning_level_claims(cli):
    run = cli("--select", "claim", "--fail-on", "warning", "--format", "json",
              str(seed(1).relative_to(REPO)), cwd=REPO)
    warnings = [f for f in json.loads(run.out)["diagnostics"] if f["severity"] in ("warning", "error")]
    assert warnings == [] and run.code == 0


def _seed_facts() -> dict:
    return yaml.safe_load((SEEDS / "facts.yaml").read_text(encoding="utf-8"))


# Inserted into seed 001 as a paragraph of its own on line 30: (sentence, expected finding or None).
INSERTED = [
    ("Analysts say the plant will double Japan's chip output by 2030.",
     "30:1: NL502 [warning] weasel attribution: 'Analysts say' names no source for a prediction ('will double')"),
    ("Every major chipmaker now wants a factory in Japan.",
     "30:1: NL501 [warning] absolute claim without a source: 'Every major chipmaker now wants'"),
    ("The plant will double Japan's chip output by 2030.",
     "30:11: NL501 [warning] prediction without a source: 'will double'"),
    ("Experts believe the deal will reshape the industry for a decade.",
     "30:1: NL502 [warning] weasel attribution: 'Experts believe' names no source for a prediction "
     "('will reshape')"),
    ("It is widely believed that regulators will not object.",
     "30:1: NL502 [warning] weasel attribution: 'It is widely believed' names no source for a sweeping "
     "consensus ('It is widely believed')"),
    ("Everyone agrees that the alliance has never been stronger.",
     "30:1: NL501 [warning] sweeping consensus without a source: 'Everyone agrees'"),
    ("According to people familiar with the matter, a second bidder is circling.",
     "30:1: NL502 [info] weasel attribution: 'According to people familiar with the matter' names no source"),
    # a hedge makes a claim weaker
    ("The plant will probably double Japan's chip output by 2030.",
     "30:11: NL501 [info] prediction without a source: 'will probably double'"),
    # the same content with a named speaker, in a quotation or introduced by "according to"
    ("“The plant will double Japan's chip output by 2030,” said Rapidus President Atsuyoshi Koike.", None),
    ("“Every major chipmaker now wants a factory in Japan,” Kishida said.", None),
    ("According to the industry ministry, the plant will double Japan's chip output by 2030.", None),
    ("According to Rapidus, every major chipmaker now wants a factory in Japan.", None),
    ("Every major chipmaker now wants a factory in Japan, according to a report by the Japan Electronics "
     "and Information Technology Industries Association.", None),
    ("Analysts at Nomura said the plant will double Japan's chip output by 2030.", None),
    # ordinary background
    ("Both are eyeing regional threats from North Korea's weapons tests.", None),
    ("The two leaders are expected to discuss defense cooperation on Wednesday.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), INSERTED, ids=[s[:40] for s, _ in INSERTED])
def test_inserted_sentences(cli, tmp_path, sentence, expected):
    shutil.copy(SEEDS / "facts.yaml", tmp_path / "facts.yaml")
    lines = SEED_1.split("\n")
    assert lines[28] == ""  # line 29 is blank: the sentence becomes line 30, a paragraph of its own
    (tmp_path / "article.txt").write_text("\n".join(lines[:29] + [sentence, ""] + lines[29:]), encoding="utf-8")
    run = cli("--facts", "facts.yaml", "--select", "claim", "--format", "concise", "article.txt", cwd=tmp_path)
    on_the_line = [line.removeprefix("article.txt:") for line in run.lines if line.startswith("article.txt:30:")]
    assert on_the_line == ([expected] if expected else [])
    # the rest of the article is unchanged: only seed 001's own info on (old line 32, now) line 34
    others = [line for line in run.lines[:-1] if not line.startswith("article.txt:30:")]
    assert others == ["article.txt:34:52: NL501 [info] superlative without a source: 'largest'"]


def test_attribution_carries_over_from_a_quote_to_the_next_sentence():
    text = ("Chip rivalry\n\n“Every major chipmaker now wants a factory in Japan. Nobody can ignore the subsidies,” "
            "Kishida said.\n")
    assert lint_text(text, select=["claim"]) == []


def test_a_dropped_hedge_is_reported_and_a_kept_one_is_not():
    facts = {"facts": [{"id": "largest", "claim": "It is reportedly Microsoft's largest investment in Japan.",
                        "about": ["largest-ever|largest investment"], "hedge": "reportedly"}]}
    dropped = "Microsoft in Japan\n\nMicrosoft will invest $2.9 billion, its largest-ever investment in Japan.\n"
    kept = "Microsoft in Japan\n\nMicrosoft will invest $2.9 billion, reportedly its largest-ever investment in Japan.\n"
    assert [(d.line, d.column, d.code, d.message) for d in lint_text(dropped, select=["NL504"], facts=facts)] == [
        (3, 41, "NL504", "'largest-ever' is stated as certain; the source says 'reportedly' (facts.yaml:2, largest)"),
    ]
    assert lint_text(kept, select=["NL504"], facts=facts) == []


def test_a_goal_attributed_to_someone_who_said_something_else():
    facts = {"facts": [{"id": "kishida-2024", "claim": "Kishida hoped 2024 would end deflation.",
                        "about": ["deflation"], "value": "2024", "said_by": "Kishida"}]}
    wrong = "Kishida upbeat\n\nKishida spoke on Tuesday. He set a target of full employment by 2024.\n"
    right = "Kishida upbeat\n\nKishida spoke on Tuesday. He hoped 2024 would be the year deflation ended.\n"
    other_year = "Kishida upbeat\n\nKishida spoke on Tuesday. He set a target of full employment by 2030.\n"
    assert [(d.line, d.code, d.message) for d in lint_text(wrong, select=["NL503"], facts=facts)] == [
        (3, "NL503", "'target of full employment by 2024' is attributed to Kishida, who said something else: "
                     "Kishida hoped 2024 would end deflation. (facts.yaml:2, kishida-2024)"),
    ]
    assert lint_text(right, select=["NL503"], facts=facts) == []
    assert lint_text(other_year, select=["NL503"], facts=facts) == []


def test_unchecked_figures_are_info_and_only_with_a_fact_file():
    text = "Chip plans\n\nThe plant will employ 1,500 people. Rapidus said it would hire 300 engineers.\n"
    facts = {"facts": [{"id": "cost", "claim": "The plant costs $8.6 billion.", "about": ["cost"],
                        "value": "8.6 billion USD"}]}
    assert [(d.line, d.column, d.code, str(d.severity), d.message)
            for d in lint_text(text, select=["claim"], facts=facts)] == [
        (3, 23, "NL505", "info", "figure no fact covers, stated without a source: '1,500'"),
    ]
    assert lint_text(text, select=["claim"]) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Kishida in Washington\n\nKishida spoke in Washington.\n\nIn conclusion, the visit marks a new chapter.\n",
     [(5, "NL603", "Stock conclusion: 'In conclusion,'")]),
    ("Kishida in Washington\n\nKishida spoke in Washington.\n\nPlease note that figures may change. "
     "For the most up-to-date information, consult the ministry.\n",
     [(5, "NL602", "Generated disclaimer: 'Please note that'")]),
    ("Kishida in Washington\n\nKishida spoke in Washington. The talks will continue, officials noted.\n", []),
])
def test_generated_filler(text, expected):
    assert [(d.line, d.code, d.message) for d in lint_text(text, select=["style"])] == expected


def test_a_fact_with_a_bad_hedge_or_said_by_is_an_error_naming_the_line(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text(
        "facts:\n  - id: a\n    claim: A.\n    about: [x]\n    hedge: [reportedly]\n", encoding="utf-8")
    run = cli("--check-facts", "facts.yaml", cwd=tmp_path)
    assert run.code == 2
    assert run.err.startswith("newslint: error: facts.yaml:5: ")
    assert "hedge" in run.err


def test_bench_claims_prints_its_figures():
    run = subprocess.run([sys.executable, str(REPO / "bench" / "claims.py")], capture_output=True, text=True,
                         cwd=REPO, timeout=600)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("articles: 245 (5 seeds, 48 labelled sentences inserted into each)")
    assert lines[2].startswith("precision ")
    precision, recall = (float(word) for word in lines[2].split()[1::2])
    assert precision >= 0.95 and recall >= 0.95


def test_a_pack_extends_the_claim_lexicons():
    pack = "lexicons:\n  reporting-verbs: [tweeted]\n  weasel-subjects: [pundits]\n"
    text = ("Chip rivalry\n\nPundits say the plant will double Japan's chip output by 2030.\n\n"
            "Every major chipmaker now wants a factory in Japan, Koike tweeted.\n")
    before = [(d.line, d.code) for d in lint_text(text, select=["claim"])]
    after = [(d.line, d.code, d.message) for d in lint_text(text, select=["claim"], packs=[pack])]
    assert before == [(5, "NL501")]  # 'Pundits' passes for a name until the pack says otherwise
    assert after == [(3, "NL502", "weasel attribution: 'Pundits say' names no source for a prediction "
                                  "('will double')")]
