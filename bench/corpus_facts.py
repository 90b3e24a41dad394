#!/usr/bin/env python3
"""Turn the facts.json of a make_corpus.py corpus into a newslint fact file.

make_corpus.py writes facts.json: per company, eight metrics in USD billions, the
exchange rates, and the known sources. Each metric becomes a fact (about the company
and the metric, its value in USD billions); the rates become the 'rates' table; the
known sources are spread over the facts' 'source' fields, so that NL306 (links to a
site that is not among the fact file's sources) can be measured.

Usage: python bench/corpus_facts.py CORPUS_DIR   (writes CORPUS_DIR/facts.yaml)
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import yaml


def fact_file(facts_json: dict) -> dict:
    sources = facts_json.get("known_sources", [])
    facts = []
    for company, metrics in sorted(facts_json["figures"].items()):
        first_word = company.split()[0]
        for metric, value in sorted(metrics.items()):
            fact = {
                "id": re.sub(r"[^a-z0-9]+", "-", f"{company} {metric}".lower()).strip("-"),
                "claim": f"{company}'s {metric} is ${value} billion.",
                "about": [first_word, metric],
                "value": f"{value} billion USD",
            }
            if sources:
                fact["source"] = f"https://www.{sources[len(facts) % len(sources)]}/"
            facts.append(fact)
    return {
        "rates": {"USD/JPY": facts_json["yen_per_usd"], "USD/EUR": facts_json["eur_per_usd"]},
        "facts": facts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    folder = parser.parse_args().corpus
    converted = fact_file(json.loads((folder / "facts.json").read_text(encoding="utf-8")))
    (folder / "facts.yaml").write_text(yaml.safe_dump(converted, sort_keys=False, allow_unicode=True),
                                       encoding="utf-8")
    print(f"{folder / 'facts.yaml'}: {len(converted['facts'])} facts")


if __name__ == "__main__":
    main()
