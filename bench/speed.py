#!/usr/bin/env python3
"""Time newslint on a make_corpus.py corpus: articles per second, peak memory, cache.

A corpus folder is what bench/make_corpus.py writes (md/ and txt/ with one article per
file) with the facts.yaml that bench/corpus_facts.py adds. For each corpus, newslint runs
as a subprocess (``python -m newslint --format json --fail-on never --no-cache --jobs N``)
over md/ and over txt/, with three rule loads:

  vale-equiv     only the three rules of the Vale peer benchmark, as newslint YAML rules
                 (bench/vale-equivalent/newslint.toml)
  default        every rule that is on by default, no fact file
  default+facts  every rule that is on by default, with --facts CORPUS/facts.yaml

Each row gives the wall-clock time, articles per second, the peak memory of the whole
process tree (the RSS of newslint and all its descendants, summed, read from /proc about
every 20 ms; shared pages of forked workers count once per process, as in `ps`), the exit
status (anything but 0 or 1 is a failure) and the number of findings. If `vale` is on PATH
it is run on md/ with shared/bench/vale.ini for comparison. Then:

  single file    one article with the default rules (the pre-commit case), median of 5 runs
  cached re-run  the default rules twice on a copy of md/ with the cache on: first and
                 second wall time and their ratio ("cache: not available" if the first run
                 leaves no cache behind)

Before timing, the newslint package the Python imports is byte-compiled (compileall), as
`pip install` does for a wheel: an editable install under PYTHONDONTWRITEBYTECODE has no
.pyc files and would compile every module on every run (about 70 ms here).

--no-cache and --jobs are passed only when `newslint --help` lists them. The figures from the
issue "Speed and scale" (Vale on the same corpora) and its targets are printed at the end.

Usage:
  python bench/speed.py CORPUS                       # one corpus, of any size
  python bench/speed.py --corpus1k DIR --corpus10k DIR [--sizes 1000,10000]
  options: --jobs N (default: os.cpu_count()), --single-runs 5, --repeat 1, --no-cached-run,
           --vale-config FILE (default: ../shared/bench/vale.ini beside the checkout)

--repeat N runs each corpus row N times and shows the fastest run (with the highest peak
memory of the N): on a shared machine the slowest runs measure the neighbours.

--sizes picks which of --corpus1k / --corpus10k to run (default: every one given). The
exit status is 1 when a run ended with a status other than 0 or 1, else 0.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VALE_EQUIVALENT_CONFIG = REPO / "bench" / "vale-equivalent" / "newslint.toml"
DEFAULT_VALE_CONFIG = REPO.parent / "shared" / "bench" / "vale.ini"
POLL_SECONDS = 0.02
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SIZE_OPTIONS = {1000: "corpus1k", 10000: "corpus10k"}

# The figures for Vale with the three rules (articles/s, peak MB), and the targets.
VALE_REFERENCE = {1000: (415, 197), 10000: (660, 698)}
TARGETS = ("Vale-equivalent >= 2x Vale; full default >= Vale; peak < 150 MB at 10,000; "
           "single file < 0.3 s; cached re-run < 1/10 of the first")
SINGLE_FILE_TARGET = 0.3
CACHE_RATIO_TARGET = 0.1
PEAK_TARGET_MB = (10000, 150)

COLUMNS = ("corpus", "fmt", "rules", "articles", "wall_s", "art/s", "peak_MB", "exit", "findings", "target")


# --- measuring one process tree ---------------------------------------------------------

def _parent_pid(pid: str) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return int(stat.read().rpartition(b")")[2].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


class ProcessTree:
    """The processes under one root, found by their parent pids in /proc.

    A process's parent is read once (the first time its pid is seen), which keeps a poll
    cheap: listing /proc, then one read of statm per process of the tree.
    """

    def __init__(self, root: int):
        self.root = root
        self.parents: dict[str, int | None] = {}

    def pids(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                if name not in self.parents:
                    self.parents[name] = _parent_pid(name)
                children.setdefault(self.parents[name], []).append(int(name))
        found, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, ()))
        return found

    def rss(self) -> int:
        """The summed RSS of the root and all its descendants, in bytes."""
        return sum(_rss_bytes(pid) for pid in self.pids())


@dataclass
class Run:
    seconds: float
    peak_mb: float
    status: int
    findings: str  # the number of findings in the output, or "?"
    stderr: str


def measure(command: list[str], cwd: Path | None = None) -> Run:
    """Run command to the end, timing it and polling its process tree's memory."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd)
        tree, peak = ProcessTree(process.pid), [0]
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree.rss())
                done.wait(POLL_SECONDS)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        # Not wait4's ru_maxrss: Linux carries a forked child's high-water mark across exec,
        # so it would report this script's own size for every run.
        process.wait()
        seconds = time.perf_counter() - start
        done.set()
        poller.join()
        out.seek(0)
        err.seek(0)
        return Run(seconds, peak[0] / 2**20, process.returncode, count_findings(out), err.read())


def count_findings(output) -> str:
    """The number of findings in newslint's (or vale's) JSON output, or '?'.

    newslint's JSON has one finding per line; it is counted line by line, so that this
    script stays small however large the output.
    """
    first = output.read(64)
    output.seek(0)
    if first.startswith('{"version"'):
        count = sum(1 for line in output if line.startswith('{"path"'))
        return str(count)
    try:
        data = json.load(output)
    except ValueError:
        return "?"
    if isinstance(data, dict):  # vale: {path: [alerts]}
        return str(sum(len(alerts) for alerts in data.values() if isinstance(alerts, list)))
    return "?"


# --- newslint and vale command lines --------------------------------------------------

@dataclass
class Newslint:
    """How to call newslint, and which of the optional flags this version has."""

    python: str
    jobs: int
    has_jobs: bool
    has_no_cache: bool
    empty_config: Path

    @classmethod
    def probe(cls, python: str, jobs: int, scratch: Path) -> Newslint:
        _byte_compile(python)
        help_run = subprocess.run([python, "-m", "newslint", "--help"], check=False, capture_output=True, text=True)
        help_text = help_run.stdout
        empty_config = scratch / "empty" / "newslint.toml"
        empty_config.parent.mkdir(parents=True, exist_ok=True)
        empty_config.write_text("# the default rules, untouched by any config near the corpus\n", encoding="utf-8")
        return cls(python, jobs, "--jobs" in help_text, "--no-cache" in help_text, empty_config)

    def command(self, paths: list[Path], rule_load: list[str], cache: bool = False) -> list[str]:
        command = [self.python, "-m", "newslint", "--format", "json", "--fail-on", "never", "--no-progress"]
        if not cache and self.has_no_cache:
            command.append("--no-cache")
        if self.has_jobs:
            command += ["--jobs", str(self.jobs)]
        return command + rule_load + [str(path) for path in paths]

    def rule_loads(self, corpus: Path) -> dict[str, list[str]]:
        default = ["--config", str(self.empty_config)]
        return {
            "vale-equiv": ["--config", str(VALE_EQUIVALENT_CONFIG)],
            "default": default,
            "default+facts": [*default, "--facts", str(corpus / "facts.yaml")],
        }


def _byte_compile(python: str) -> None:
    """Write the .pyc files of the installed newslint package, as pip does for a wheel."""
    where = subprocess.run([python, "-c", "import newslint, os; print(os.path.dirname(newslint.__file__))"],
                           check=False, capture_output=True, text=True)
    if where.returncode == 0 and where.stdout.strip():
        subprocess.run([python, "-m", "compileall", "-q", where.stdout.strip()], check=False, capture_output=True)


# --- the table ------------------------------------------------------------------------

def articles_in(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.suffix in (".md", ".txt"))


def target_note(size: int, rules: str, rate: float, peak_mb: float) -> str:
    """Whether a row meets the issue's target for its rule load, when the issue has one."""
    if size not in VALE_REFERENCE:
        return "-"
    vale_rate = VALE_REFERENCE[size][0]
    wanted = {"vale-equiv": 2 * vale_rate, "default": vale_rate, "default+facts": vale_rate}.get(rules)
    notes = []
    if wanted is not None:
        notes.append(f">={wanted}/s:{'met' if rate >= wanted else 'miss'}")
    if size == PEAK_TARGET_MB[0] and rules != "vale":
        notes.append(f"<{PEAK_TARGET_MB[1]}MB:{'met' if peak_mb < PEAK_TARGET_MB[1] else 'miss'}")
    return " ".join(notes) or "-"


def row(size: int, fmt: str, rules: str, count: int, run: Run) -> list[str]:
    rate = count / run.seconds
    rate_text = f"{rate:.1f}" if rate < 100 else f"{rate:.0f}"
    exit_note = str(run.status) if run.status in (0, 1) else f"BAD:{run.status}"
    return [str(size), fmt, rules, str(count), f"{run.seconds:.2f}", rate_text, f"{run.peak_mb:.1f}",
            exit_note, run.findings, target_note(size, rules, rate, run.peak_mb)]


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(COLUMNS[i]), *(len(r[i]) for r in rows)) for i in range(len(COLUMNS))]
    for cells in [list(COLUMNS), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip(), flush=True)


def report_failure(label: str, run: Run) -> None:
    if run.status not in (0, 1):
        tail = run.stderr.strip().splitlines()[-3:]
        print(f"  ! {label} exited {run.status}: {' | '.join(tail)}", file=sys.stderr)


# --- the runs -------------------------------------------------------------------------

def best_of(command: list[str], repeat: int) -> Run:
    """The fastest of repeat runs, with the highest peak memory of them all.

    On a shared machine a run can be slowed by others; the fastest run is the one that
    shows the work itself (as timeit reports its minimum).
    """
    runs = [measure(command) for _ in range(max(1, repeat))]
    fastest = min(runs, key=lambda run: run.seconds)
    return Run(fastest.seconds, max(run.peak_mb for run in runs), fastest.status, fastest.findings, fastest.stderr)


def corpus_rows(newslint: Newslint, size: int, corpus: Path, vale_config: Path | None,
                repeat: int = 1) -> tuple[list[list[str]], bool]:
    rows, ok = [], True
    for fmt in ("md", "txt"):
        folder = corpus / fmt
        count = len(articles_in(folder))
        for rules, load in newslint.rule_loads(corpus).items():
            run = best_of(newslint.command([folder], load), repeat)
            report_failure(f"{fmt} {rules}", run)
            ok = ok and run.status in (0, 1)
            rows.append(row(size, fmt, rules, count, run))
        if fmt == "md" and vale_config is not None:
            run = measure(["vale", "--config", str(vale_config), "--output", "JSON", str(folder)])
            report_failure("vale", run)
            rows.append(row(size, fmt, "vale", count, run))
    return rows, ok


def single_file(newslint: Newslint, corpus: Path, runs: int) -> str:
    article = articles_in(corpus / "md")[0]
    command = newslint.command([article], newslint.rule_loads(corpus)["default"])
    times = [measure(command).seconds for _ in range(runs)]
    median = statistics.median(times)
    met = "met" if median < SINGLE_FILE_TARGET else "miss"
    return (f"single file ({article.name}, default rules, median of {runs}): {median:.3f} s "
            f"(min {min(times):.3f}, max {max(times):.3f}); target < {SINGLE_FILE_TARGET} s: {met}")


def cache_written(cache_dir: Path) -> bool:
    """Whether a run left anything in the cache folder but its marker files."""
    markers = {"CACHEDIR.TAG", ".gitignore"}
    return any(path.is_file() and path.name not in markers for path in cache_dir.rglob("*"))


def cached_rerun(newslint: Newslint, size: int, corpus: Path, scratch: Path) -> str:
    copy = scratch / f"cached-{size}"
    shutil.copytree(corpus / "md", copy / "md")
    cache_dir = copy / ".newslint_cache"
    command = newslint.command([copy / "md"], newslint.rule_loads(corpus)["default"], cache=True)
    command += ["--cache-dir", str(cache_dir)]
    first = measure(command, cwd=copy)
    if first.status not in (0, 1) or not cache_written(cache_dir):
        shutil.rmtree(copy, ignore_errors=True)
        return f"cache ({size} md articles): not available (the first run, status {first.status}, left no cache)"
    second = measure(command, cwd=copy)
    shutil.rmtree(copy, ignore_errors=True)
    ratio = second.seconds / first.seconds
    met = "met" if ratio < CACHE_RATIO_TARGET else "miss"
    same = "same findings" if first.findings == second.findings else "FINDINGS DIFFER"
    return (f"cached re-run ({size} md articles, default rules): first {first.seconds:.2f} s, "
            f"second {second.seconds:.2f} s, ratio {ratio:.3f} ({same}; peak {second.peak_mb:.1f} MB); "
            f"target < {CACHE_RATIO_TARGET}: {met}")


def print_reference() -> None:
    print("reference (issue 'Speed and scale', Vale with the three rules):",
          ", ".join(f"{rate}/s at {size:,} ({mb} MB)" for size, (rate, mb) in VALE_REFERENCE.items()))
    print(f"targets: {TARGETS}")


# --- command line ---------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, help="a make_corpus.py folder with facts.yaml")
    parser.add_argument("--corpus1k", type=Path, metavar="DIR", help="the 1,000-article corpus")
    parser.add_argument("--corpus10k", type=Path, metavar="DIR", help="the 10,000-article corpus")
    parser.add_argument("--sizes", help="which of --corpus1k/--corpus10k to run, e.g. 1000,10000 (default: all given)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="newslint --jobs (default: CPU count)")
    parser.add_argument("--single-runs", type=int, default=5, help="runs of the single-file case (default: 5)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each corpus row; the fastest is shown, with the highest peak (default: 1)")
    parser.add_argument("--no-cached-run", action="store_true", help="skip the cached re-run")
    parser.add_argument("--vale-config", type=Path, default=DEFAULT_VALE_CONFIG, help="vale.ini for the vale rows")
    parser.add_argument("--python", default=sys.executable, help="the Python that has newslint installed")
    args = parser.parse_args(argv)
    args.corpora = select_corpora(parser, args)
    return args


def select_corpora(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[tuple[int, Path]]:
    """(size, folder) pairs to run, from CORPUS or --corpus1k/--corpus10k and --sizes."""
    given = {size: getattr(args, option) for size, option in SIZE_OPTIONS.items() if getattr(args, option)}
    if args.corpus is not None and (given or args.sizes):
        parser.error("give either CORPUS or --corpus1k/--corpus10k (with --sizes), not both")
    for folder in [args.corpus] if args.corpus is not None else given.values():
        for part in ("md", "txt", "facts.yaml"):
            if not (folder / part).exists():
                parser.error(f"{folder / part} is missing (make_corpus.py, then corpus_facts.py)")
    if args.corpus is not None:
        return [(len(articles_in(args.corpus / "md")), args.corpus)]
    if args.sizes:
        try:
            wanted = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
        except ValueError:
            parser.error(f"--sizes {args.sizes}: expected sizes such as 1000,10000")
        missing = [size for size in wanted if size not in given]
        if missing:
            parser.error(f"--sizes {args.sizes}: no corpus given for {missing} (use --corpus1k / --corpus10k)")
        given = {size: given[size] for size in wanted}
    if not given:
        parser.error("give a CORPUS folder, or --corpus1k and/or --corpus10k")
    return sorted(given.items())


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    vale = shutil.which("vale")
    vale_config = args.vale_config if vale and args.vale_config.is_file() else None
    with tempfile.TemporaryDirectory(prefix="newslint-speed-") as scratch_name:
        scratch = Path(scratch_name)
        newslint = Newslint.probe(args.python, args.jobs, scratch)
        print(f"newslint: --jobs {args.jobs if newslint.has_jobs else 'not supported (serial)'}; "
              f"--no-cache {'passed' if newslint.has_no_cache else 'not supported'}; "
              f"vale: {vale or 'not on PATH'}; {os.cpu_count()} CPUs", flush=True)
        rows, ok = [], True
        for size, corpus in args.corpora:
            corpus_rows_, corpus_ok = corpus_rows(newslint, size, corpus, vale_config, args.repeat)
            rows += corpus_rows_
            ok = ok and corpus_ok
        print_table(rows)
        smallest = args.corpora[0][1]
        print(single_file(newslint, smallest, args.single_runs), flush=True)
        if not args.no_cached_run:
            for size, corpus in args.corpora:
                print(cached_rerun(newslint, size, corpus, scratch), flush=True)
    print_reference()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
