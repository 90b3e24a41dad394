#!/usr/bin/env python3
"""What the default rule set may cost an article to keep up with Vale, against what it costs.

Vale lints a make_corpus.py article at 415/s (1,000 articles) and 660/s (10,000) on two
cores with three word lists (the issue "Speed and scale"). On N cores that leaves N / rate
seconds of CPU an article for everything: reading, parsing, every rule, the output. This
script measures, in one process over the Markdown articles of a corpus (best of --repeat):

  full run        newslint with every default rule (--jobs 1, JSON to /dev/null, no cache)
  floor           the same run with one trivial rule (NL107): reading, Markdown blocks, output
  sentences       splitting each article into sentences, which nearly every rule needs
  figures         the quantities of every sentence (newslint.quantities), one analysis
  one test/rule   one stdlib `re` search per sentence for each default rule: the cheapest
                  work a rule can do on every sentence

and prints the allowance left for the rules (budget minus floor and sentences) beside what
they cost now (full run minus floor and sentences).

Usage: python bench/budget.py CORPUS [--articles 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import time
from pathlib import Path

from newslint import cli
from newslint.document import Document
from newslint.markdown import parse_markdown
from newslint.quantities import find_quantities
from newslint.testing import registry

VALE_RATES = {1000: 415, 10000: 660}  # articles a second, two cores (the figures)
VALE_CORES = 2
TRIVIAL_RULE = "NL107"  # missing-headline: looks at the first block only


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a make_corpus.py folder (its md/ is read)")
    parser.add_argument("--articles", type=int, default=500, help="how many articles to time (default 500)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest counts")
    args = parser.parse_args()
    paths = sorted((args.corpus / "md").glob("*.md"))[: args.articles]
    if not paths:
        sys.exit(f"budget.py: no Markdown articles in {args.corpus / 'md'}")
    texts = [path.read_text(encoding="utf-8") for path in paths]
    docs = [_parsed(text, str(path)) for text, path in zip(texts, paths)]
    sentences = sum(len(doc.sentences) for doc in docs) / len(docs)
    rules = _default_rule_count()

    def per_article(work) -> float:
        """Milliseconds an article, the fastest of --repeat runs."""
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - started)
        return best * 1000 / len(paths)

    listing = [str(path) for path in paths]
    full = per_article(lambda: _run_cli(listing))
    floor = per_article(lambda: _run_cli(["--select", TRIVIAL_RULE, *listing]))
    split = min(_sentence_time(texts) for _ in range(args.repeat)) * 1000 / len(paths)
    figures = per_article(lambda: [find_quantities(doc.prose, None, s.start, s.end) for doc in docs for s in doc.sentences])
    probe = re.compile(r"\bpercent\b")
    one_test = per_article(lambda: [probe.search(doc.prose, s.start, s.end)
                                    for doc in docs for s in doc.sentences for _ in range(rules)])

    print(f"{len(paths)} Markdown articles of {args.corpus}: {sentences:.0f} sentences an article, {rules} default rules")
    print(f"  full run (every default rule)   {full:6.2f} ms an article")
    print(f"  floor (read, blocks, output)    {floor:6.2f} ms")
    print(f"  sentences                       {split:6.2f} ms")
    print(f"  rules (full run - floor)        {full - floor:6.2f} ms  (sentences included)")
    print(f"  figures of every sentence       {figures:6.2f} ms  (one of the rules' analyses)")
    print(f"  one re search per rule/sentence {one_test:6.2f} ms  ({rules} x {sentences:.0f})")
    for articles, rate in VALE_RATES.items():
        budget = VALE_CORES * 1000 / rate
        allowance = budget - floor - split
        rules_now = full - floor - split
        print(f"Vale at {articles:>6,} articles ({rate}/s on {VALE_CORES} cores): {budget:.2f} ms of CPU an article; "
              f"left for the rules {allowance:.2f} ms, they take {rules_now:.2f} ms "
              f"({rules_now / allowance:.1f}x the allowance)")


def _parsed(text: str, path: str) -> Document:
    doc = Document(text, path, parse_markdown)
    doc.sentences  # noqa: B018 - parse now, so later timings exclude it
    return doc


def _sentence_time(texts: list[str]) -> float:
    """Seconds to split the texts into sentences, their Markdown blocks parsed beforehand."""
    docs = [Document(text, "a.md", parse_markdown) for text in texts]
    for doc in docs:
        doc.blocks  # noqa: B018 - parsed outside the timing
    started = time.perf_counter()
    for doc in docs:
        doc.sentences  # noqa: B018
    return time.perf_counter() - started


def _run_cli(arguments: list[str]) -> None:
    with contextlib.redirect_stderr(io.StringIO()), contextlib.suppress(SystemExit):
        cli.main(["--no-cache", "--jobs", "1", "--format", "json", "-o", "/dev/null", *arguments])


def _default_rule_count() -> int:
    """Rules on by default that look at the text (not the notes about files and suppressions)."""
    rules = registry().rulebook().sorted()
    return sum(1 for rule in rules if rule.enabled_by_default and not rule.pipeline_note)


if __name__ == "__main__":
    main()
