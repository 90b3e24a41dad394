#!/usr/bin/env python3
"""Measure spam-tail detection on a labelled set of pages.

Runs ``newslint --format json --select NL201`` over the pages and compares the tail it
reports (first to last line of the NL201 finding) with labels.json, which gives per
file the body lines, the tail lines and the last body line. Prints line-level
precision, recall and F1 for tail lines, the share of body lines inside a reported
tail, and how often the cut point is within two lines of the true one.

Usage: python bench/tails.py [DEV_DIR] [--show-misses]
       (DEV_DIR defaults to ../shared/eval/tails-dev next to this checkout)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "tails-dev"


def reported_tails(folder: Path) -> dict[str, tuple[int, int]]:
    """file name -> (first, last) line of the reported tail."""
    run = subprocess.run(
        [sys.executable, "-m", "newslint", "--format", "json", "--select", "NL201", "--fail-on", "never", str(folder)],
        capture_output=True, text=True,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"newslint failed ({run.returncode}): {run.stderr.strip()}")
    tails: dict[str, tuple[int, int]] = {}
    for finding in json.loads(run.stdout)["diagnostics"]:
        name = Path(finding["path"]).name
        first, last = finding["line"], finding["end_line"]
        if name in tails:  # more than one finding: take the widest span
            first, last = min(first, tails[name][0]), max(last, tails[name][1])
        tails[name] = (first, last)
    return tails


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--show-misses", action="store_true", help="list pages whose cut is more than 2 lines off")
    args = parser.parse_args()
    labels = json.loads((args.folder / "labels.json").read_text(encoding="utf-8"))
    tails = reported_tails(args.folder)
    true_positive = false_positive = false_negative = body_in_tail = body_total = close_cuts = 0
    misses = []
    for name, label in sorted(labels.items()):
        lines = (args.folder / name).read_text(encoding="utf-8").split("\n")
        nonblank = {number for number, line in enumerate(lines, 1) if line.strip()}
        tail_truth = set(label["tail_lines"])
        body = set(label["body_lines"])
        first, last = tails.get(name, (len(lines) + 1, len(lines)))
        predicted = {number for number in range(first, last + 1) if number in nonblank}
        true_positive += len(predicted & tail_truth)
        false_positive += len(predicted - tail_truth)
        false_negative += len(tail_truth - predicted)
        body_in_tail += len(predicted & body)
        body_total += len(body)
        predicted_cut = max((n for n in nonblank if n < first), default=0)
        if abs(predicted_cut - label["last_body_line"]) <= 2:
            close_cuts += 1
        else:
            misses.append((name, label["last_body_line"], predicted_cut))
    precision = true_positive / max(true_positive + false_positive, 1)
    recall = true_positive / max(true_positive + false_negative, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"pages: {len(labels)}")
    print(f"tail lines: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"body lines inside a reported tail: {body_in_tail} of {body_total} ({body_in_tail / max(body_total, 1):.2%})")
    print(f"cut within 2 lines of the truth: {close_cuts} of {len(labels)} ({close_cuts / len(labels):.0%})")
    if args.show_misses:
        for name, truth, predicted in misses:
            print(f"  {name}: true cut after line {truth}, predicted after line {predicted}")


if __name__ == "__main__":
    main()
