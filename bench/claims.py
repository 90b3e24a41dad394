#!/usr/bin/env python3
"""Measure warning-level claim findings (NL5xx) on the seeds and a labelled set built from them.

The labelled set (bench/data/claims.yaml) gives the lines of the seed articles that deserve a
warning-level claim finding, and sentences labelled with whether they do. Each sentence is
inserted as a paragraph of its own into every seed article (before its fourth paragraph), and
the article is linted with the seed config (seeds/facts.yaml). A warning-level NL5xx finding
on a labelled line is a true positive, on any other line a false positive.

With --corpus DIR (a corpus from bench/make_corpus.py, with its facts converted to DIR/facts.yaml)
it also reports how many of the corpus's planted unsupported sentences get a claim finding, and
how many warning-level claim findings fall on other lines. That set was written by someone else,
so it is the check that the labelled set above is not tuned to.

Usage: python bench/claims.py [--show] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the misses and the false positives")
    parser.add_argument("--corpus", type=Path, help="also measure on a make_corpus.py corpus (its txt/ folder)")
    args = parser.parse_args()
    _measure_labelled(args.show)
    if args.corpus:
        _measure_corpus(args.corpus)


def _measure_labelled(show: bool) -> None:
    labels = yaml.safe_load((REPO / "bench" / "data" / "claims.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "newslint.toml").write_text(f'facts = "{(REPO / "seeds" / "facts.yaml").as_posix()}"\n')
        gold: dict[str, set[int]] = {}
        for name, lines in labels["seeds"].items():
            (work / name).write_bytes((REPO / "seeds" / name).read_bytes())
            gold[name] = set(lines)
        for number, sentence in enumerate(labels["sentences"], 1):
            for name, lines in labels["seeds"].items():
                variant, inserted = _insert((REPO / "seeds" / name).read_text(encoding="utf-8"), sentence["text"])
                variant_name = f"{Path(name).stem}-s{number:02d}.txt"
                (work / variant_name).write_text(variant, encoding="utf-8")
                shifted = {line + 2 if line >= inserted else line for line in lines}
                gold[variant_name] = shifted | ({inserted} if sentence["warning"] else set())
        found = _by_line(_findings(work, cwd=work), warnings_only=True)
    true_positive = sum(len(found.get(name, set()) & lines) for name, lines in gold.items())
    false_positive = sum(len(found.get(name, set()) - lines) for name, lines in gold.items())
    false_negative = sum(len(lines - found.get(name, set())) for name, lines in gold.items())
    precision = true_positive / max(true_positive + false_positive, 1)
    recall = true_positive / max(true_positive + false_negative, 1)
    print(f"articles: {len(gold)} ({len(labels['seeds'])} seeds, {len(labels['sentences'])} labelled sentences "
          f"inserted into each)")
    print(f"warning-level claim findings: {true_positive} right, {false_positive} wrong, {false_negative} missed")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    if show:
        for name in sorted(gold):
            for line in sorted(gold[name] - found.get(name, set())):
                print(f"  missed: {name}:{line}")
            for line in sorted(found.get(name, set()) - gold[name]):
                print(f"  wrong:  {name}:{line}")


def _insert(text: str, sentence: str) -> tuple[str, int]:
    """The article with the sentence as a paragraph before its fourth paragraph; its line number."""
    lines = text.split("\n")
    paragraphs = [number for number, line in enumerate(lines) if line.strip()]
    at = paragraphs[min(3, len(paragraphs) - 1)]
    return "\n".join(lines[:at] + [sentence, ""] + lines[at:]), at + 1


def _findings(*paths: Path, cwd: Path, extra: tuple[str, ...] = ()) -> list[dict]:
    run = subprocess.run(
        [sys.executable, "-m", "newslint", "--format", "json", "--select", "claim", "--fail-on", "never", *extra,
         *map(str, paths)], capture_output=True, text=True, cwd=cwd,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"newslint failed: {run.stderr.strip()}")
    return json.loads(run.stdout)["diagnostics"]


def _by_line(findings: list[dict], warnings_only: bool) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for finding in findings:
        if warnings_only and finding["severity"] not in ("warning", "error"):
            continue
        found.setdefault(Path(finding["path"]).name, set()).add(finding["line"])
    return found


def _measure_corpus(corpus: Path) -> None:
    corpus = corpus.resolve()
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    facts = ("--facts", str(corpus / "facts.yaml")) if (corpus / "facts.yaml").exists() else ()
    findings = _findings(corpus / "txt", cwd=corpus, extra=facts)
    any_level, warning_level = _by_line(findings, warnings_only=False), _by_line(findings, warnings_only=True)
    planted = caught = caught_warning = other_warnings = 0
    for article in manifest:
        name = f"{article['id']}.txt"
        lines = {item["line"] for item in article["where_txt"]["unsupported"]}
        planted += len(lines)
        caught += len(lines & any_level.get(name, set()))
        caught_warning += len(lines & warning_level.get(name, set()))
        other_warnings += len(warning_level.get(name, set()) - lines)
    print(f"corpus: {len(manifest)} articles, {planted} planted unsupported sentences")
    print(f"planted sentences with a claim finding: {caught} ({caught / max(planted, 1):.3f}), "
          f"at warning level: {caught_warning} ({caught_warning / max(planted, 1):.3f})")
    print(f"warning-level claim findings on other lines: {other_warnings}")


if __name__ == "__main__":
    main()
