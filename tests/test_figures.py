"""Figures against the seed fact file and a reference article (NL401), conversions (NL403), consistency (NL404)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from newslint.testing import lint_text

from conftest import REPO, SEEDS, seed

SEED_1 = seed(1).read_text(encoding="utf-8")
SEED_4 = seed(4).read_text(encoding="utf-8")

# (seed text, written, rewritten as, line, column, message) for every change that must be reported.
CHANGES = [
    (SEED_1, "$750 billion", "$750 million", 13, 68,
     "figure $750 million does not match the reference $750 billion (facts.yaml:23, japan-fdi-in-us)"),
    (SEED_1, "$2.9 billion", "$3.2 billion", 15, 66,
     "figure $3.2 billion does not match the reference $2.9 billion (facts.yaml:13, microsoft-japan-investment)"),
    (SEED_1, "590 billion yen ($3.9 billion)", "590 billion yen ($4.9 billion)", 26, 95,
     "figure $4.9 billion does not match the reference $3.9 billion (facts.yaml:38, rapidus-new-subsidy)"),
    (SEED_1, "17 years", "seven years", 38, 88,
     "figure seven years does not match the reference 17 years (facts.yaml:78, boj-rate-hike)"),
    (SEED_1, "mass production aimed at starting in 2027", "mass production aimed at starting in 2029", 28, 234,
     "figure 2029 does not match the reference 2027 (facts.yaml:53, rapidus-mass-production)"),
    (SEED_1, "earlier this year", "in 2022", 34, 164,
     "figure 2022 does not match the reference 2024 (facts.yaml:88, japan-loses-third-place)"),
    (SEED_4, "US$8.6 billion", "US$86 billion", 43, 19,
     "figure US$86 billion does not match the reference $8.6 billion (facts.yaml:68, tsmc-first-plant)"),
    (SEED_4, "1,200 tech", "2,100 tech", 17, 54,
     "figure 2,100 does not match the reference 1,200 unicorns (facts.yaml:104, japanese-unicorns)"),
]
SAME_FIGURES = [
    (SEED_1, "$750 billion", "$750bn"),
    (SEED_1, "$750 billion", "750 billion dollars"),
    (SEED_1, "$2.9 billion", "2.9 billion dollars"),
    (SEED_1, "two-nanometer", "2nm"),
]


@pytest.fixture
def workspace(tmp_path):
    shutil.copy(SEEDS / "facts.yaml", tmp_path / "facts.yaml")
    return tmp_path


def write_changed(folder, text, old, new, name="article.txt"):
    assert text.count(old) == 1
    (folder / name).write_text(text.replace(old, new), encoding="utf-8")


def test_seeds_use_their_fact_file_from_config(cli):
    run = cli("--select", "figure", "seeds/", cwd=REPO)
    assert run.lines == [
        "seeds/003_1470b63d3428230d.txt:5:4: NL401 [error] figure 'last year' (2023) does not match the reference "
        "2024 (seeds/facts.yaml:88, japan-loses-third-place)",
        "Found 1 finding (1 error, 0 warnings, 0 info) in 1 of 5 files.",
    ]


@pytest.mark.parametrize(("text", "old", "new", "line", "column", "message"), CHANGES,
                         ids=[change[2] for change in CHANGES])
def test_changed_figures_are_reported_on_their_line(cli, workspace, text, old, new, line, column, message):
    write_changed(workspace, text, old, new)
    run = cli("--facts", "facts.yaml", "--select", "NL401", "article.txt", cwd=workspace)
    assert run.lines[:-1] == [f"article.txt:{line}:{column}: NL401 [error] {message}"]


@pytest.mark.parametrize(("text", "old", "new", "line", "column", "message"), CHANGES,
                         ids=[change[2] for change in CHANGES])
def test_a_trusted_article_as_reference_catches_the_same_changes(cli, tmp_path, text, old, new, line, column, message):
    original = "001.txt" if text is SEED_1 else "004.txt"
    (tmp_path / original).write_text(text, encoding="utf-8")
    write_changed(tmp_path, text, old, new)
    run = cli("--reference", original, "--date", "2024-04-10", "--select", "NL401", "article.txt", cwd=tmp_path)
    expected_value = message.split("reference ")[1].split(" (")[0]
    assert run.lines[:-1] == [
        f"article.txt:{line}:{column}: NL401 [error] figure {message.split('figure ')[1].split(' does')[0]} "
        f"does not match the reference {expected_value} ({original}:{line})"
    ]


@pytest.mark.parametrize(("text", "old", "new"), SAME_FIGURES, ids=[change[2] for change in SAME_FIGURES])
def test_equal_figures_written_differently_are_not_reported(cli, workspace, text, old, new):
    write_changed(workspace, text, old, new)
    assert cli("--facts", "facts.yaml", "--select", "figure", "article.txt", cwd=workspace).lines == [
        "No findings in 1 file."
    ]


def test_no_figure_finding_on_the_seeds_that_state_the_facts_correctly(cli):
    for number in (0, 1, 2, 4):
        run = cli("--select", "figure", str(seed(number).relative_to(REPO)), cwd=REPO)
        assert run.lines == ["No findings in 1 file."], number


FACTS = {
    "published": "2024-04-10",
    "facts": [
        {"id": "pilot", "claim": "Pilot production starts in April 2025.", "about": ["pilot", "produc"],
         "value": "April 2025"},
        {"id": "mass", "claim": "Mass production starts in 2027.", "about": ["mass", "produc"], "value": "2027"},
    ],
}


def test_another_figure_of_the_same_kind_for_another_purpose_is_not_reported():
    text = "Rapidus plans\n\nIt will start pilot production in April 2025, with mass production in 2027.\n"
    assert lint_text(text, facts=FACTS, select=["NL401"]) == []
    wrong = text.replace("2027", "2029")
    assert [(d.line, d.column, d.message) for d in lint_text(wrong, facts=FACTS, select=["NL401"])] == [
        (3, 71, "figure 2029 does not match the reference 2027 (facts.yaml:14, mass)"),
    ]


def test_relative_dates_use_date_option_front_matter_or_published():
    facts = {"facts": [{"id": "loss", "claim": "Japan fell to fourth in 2024.", "about": ["Germany"], "value": "2024"}]}
    text = "Japan slips\n\nJapan lost its place to Germany last year, officials said.\n"
    assert lint_text(text, facts=facts, select=["NL401"]) == []  # no reference date: 'last year' is not read
    assert [d.message for d in lint_text(text, facts=facts, select=["NL401"], date=dt.date(2024, 5, 1))] == [
        "figure 'last year' (2023) does not match the reference 2024 (facts.yaml:6, loss)"]
    dated = "---\ntitle: Japan slips\ndate: 2025-02-01\n---\n\nJapan lost its place to Germany last year.\n"
    assert lint_text(dated, filename="a.md", facts=facts, select=["NL401"]) == []  # 2025-02: last year is 2024


def test_conversions_checked_against_each_other_and_the_rates_table(cli, workspace):
    write_changed(workspace, SEED_1, "590 billion yen ($3.9 billion)", "590 billion yen ($4.9 billion)")
    run = cli("--facts", "facts.yaml", "--select", "NL403", "article.txt", cwd=workspace)
    assert run.lines[0] == ("article.txt:26:95: NL403 [warning] conversion $4.9 billion implies 120.4 JPY per USD, "
                            "not 151.3 as the rates table (facts.yaml:7)")
    run = cli("--select", "NL403", "article.txt", cwd=workspace)
    assert run.lines[0] == ("article.txt:26:162: NL403 [warning] conversion $2.17 billion implies 152.1 JPY per USD, "
                            "not 120.4 as the article's other conversion (line 26)")
    assert cli("--select", "NL403", str(seed(1)), cwd=workspace).lines == ["No findings in 1 file."]


def test_inconsistent_figures_in_one_article_are_a_hint():
    text = ("Microsoft woos Japan\n\nMicrosoft will invest $2.9 billion in cloud infrastructure in Japan.\n\n"
            "Officials welcomed the news.\n\nMicrosoft will invest $3.2 billion in cloud infrastructure in Japan, "
            "the company said.\n")
    assert [(d.line, str(d.severity), d.message) for d in lint_text(text, select=["NL404"])] == [
        (7, "info", "figure $3.2 billion differs from $2.9 billion on line 3 for what reads as the same thing")]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("facts:\n  - id: a\n    claim: A.\n    about: [x]\n    value: soon\n", 5,
         "bad value: 'soon' is not one figure (write it like '2.9 billion USD', '17 years', '32nd', '2024')"),
        ("facts:\n  - id: a\n    claim: A.\n    about: [x]\n    valeu: 3\n", 5,
         "unknown key 'valeu' in a fact (known: id, claim, about, value, values, source, hedge, said_by)"),
        ("facts:\n  - id: a\n    claim: A.\n    about: [x]\n  - id: a\n    claim: B.\n    about: [y]\n", 5,
         "duplicate fact id 'a' (first on line 2)"),
        ("rates:\n  dollars: 151\nfacts: []\n", 2, "rate dollars: 151: write a pair and a positive number, like USD/JPY: 151.3"),
        ("publshed: 2024-04-10\n", 1, "unknown key 'publshed' (a fact file has: published, rates, facts)"),
    ],
)
def test_a_broken_fact_file_is_one_line_with_file_and_line(cli, tmp_path, content, line, message):
    (tmp_path / "facts.yaml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline here\n\nBody.\n", encoding="utf-8")
    for args in (["--facts", "facts.yaml", "a.txt"], ["--check-facts", "facts.yaml"]):
        run = cli(*args, cwd=tmp_path)
        assert (run.code, run.out, run.err) == (2, "", f"newslint: error: facts.yaml:{line}: {message}\n")


def test_check_facts_summarises_a_good_file(cli):
    run = cli("--check-facts", "seeds/facts.yaml", cwd=REPO)
    assert (run.code, run.out) == (0, "seeds/facts.yaml: ok: 22 facts with 32 values; published 2024-04-10; rates USD/JPY\n")


def test_a_drafted_fact_file_reads_back_and_agrees_with_its_article(cli, tmp_path):
    shutil.copy(seed(1), tmp_path / "001.txt")
    run = cli("--draft-facts", "001.txt", "--date", "2024-04-10", cwd=tmp_path)
    assert run.code == 0 and run.out.startswith("# Drafted by newslint from 001.txt")
    (tmp_path / "drafted.yaml").write_text(run.out, encoding="utf-8")
    assert cli("--check-facts", "drafted.yaml", cwd=tmp_path).code == 0
    assert "- id: japan-s-rapidus" in run.out and "values: [April 2024, 590 billion JPY, 3.9 billion USD]" in run.out
    assert cli("--facts", "drafted.yaml", "--select", "NL401", "001.txt", cwd=tmp_path).lines == ["No findings in 1 file."]
