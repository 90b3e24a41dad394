#!/usr/bin/env python3
"""Measure the offline link rules on a corpus written by make_corpus.py.

make_corpus.py plants one link per article and records in manifest.jsonl whether it is
fabricated (a domain that is not among facts.json's known sources). This prints how many
fabricated links get a link finding on their line, and how many real ones do, for the
default rules (look-alike domains, NL303) and with NL306 on (links to a site that is not
among the fact file's sources; needs DIR/facts.yaml from bench/corpus_facts.py).

Usage: python bench/links.py CORPUS_DIR
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path


def findings_by_line(folder: Path, *extra: str) -> dict[str, set[int]]:
    run = subprocess.run(
        [sys.executable, "-m", "newslint", "--format", "json", "--select", "link", "--fail-on", "never", *extra,
         str(folder)], capture_output=True, text=True,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"newslint failed: {run.stderr.strip()}")
    found: dict[str, set[int]] = defaultdict(set)
    for finding in json.loads(run.stdout)["diagnostics"]:
        found[Path(finding["path"]).stem].add(finding["line"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    corpus = parser.parse_args().corpus
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    facts = corpus / "facts.yaml"
    runs = {"default rules": findings_by_line(corpus / "txt")}
    if facts.exists():
        runs["with NL306 and the fact file"] = findings_by_line(corpus / "txt", "--extend-select", "NL306",
                                                                 "--facts", str(facts))
    else:
        print(f"({facts} is missing: run bench/corpus_facts.py {corpus} to measure NL306)")
    for label, found in runs.items():
        fabricated = caught = real = flagged = elsewhere = 0
        for article in manifest:
            links = article["where_txt"]["links"]
            lines = found.get(article["id"], set())
            for link in links:
                hit = link["line"] in lines
                if link["fabricated"]:
                    fabricated, caught = fabricated + 1, caught + hit
                else:
                    real, flagged = real + 1, flagged + hit
            elsewhere += len(lines - {link["line"] for link in links})
        print(f"{label}: fabricated links caught {caught} of {fabricated} ({caught / max(fabricated, 1):.3f}); "
              f"real links flagged {flagged} of {real}; findings on other lines {elsewhere}")


if __name__ == "__main__":
    main()
