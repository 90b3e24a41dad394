"""The command line: argument parsing and wiring, nothing else.

Exit status: 0 no finding at or above the fail-on level, 1 findings, 2 a usage,
config, rule or input error (or a run left incomplete by an unreadable file or a
failing rule). Errors are one line on stderr; a traceback never reaches the user
(set NEWSLINT_DEBUG=1 to see one for an internal error).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from newslint import __version__
from newslint.baseline import Baseline
from newslint.errors import UserError
from newslint.parallel import default_jobs, lint_files
from newslint.progress import progress
from newslint.registry import Registry
from newslint.runner import FileResult, Options, Session, Summary, display_path

# Imported where used, so that a plain run does not pay for them at start-up (the pre-commit
# case is one file, where start-up is most of the time): newslint.explain (and rich) for the
# information actions, changed_lines for --diff-base, records for --jsonl, progress for a tty.

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not usage plus message
        raise UserError(f"{message} (see newslint --help)")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-04-10") from None


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes (1 or more)")
    return int(value)


def _selectors(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser(formats: list[str]) -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog="newslint",
        description="Lint news articles: spam tails and scraping junk, fabricated links, "
        "figure mismatches and unsupported claims.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint (folders are walked)")
    corpus = parser.add_argument_group("corpora as data (JSON Lines)")
    corpus.add_argument("--jsonl", type=Path, metavar="FILE",
                        help="lint every record of a JSON Lines file; findings name the record (FILE#id)")
    corpus.add_argument("--id-field", default="id", metavar="NAME", help="record field holding the id (default: id)")
    corpus.add_argument("--text-field", default="text", metavar="NAME",
                        help="record field holding the article (default: text)")
    corpus.add_argument("--date-field", default="date", metavar="NAME",
                        help="record field holding the publication date, for relative dates (default: date)")
    output = parser.add_argument_group("output")
    output.add_argument("--format", choices=formats, help="output format (default: text on a terminal, else concise)")
    output.add_argument("--no-color", action="store_true", help="never use colour")
    output.add_argument("--output-file", "-o", type=Path, metavar="FILE", help="write the findings to FILE, not stdout")
    output.add_argument("--statistics", action="store_true",
                        help="print how many findings each rule has, not the findings")
    output.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    adopt = parser.add_argument_group("adopting newslint on existing articles")
    adopt.add_argument("--diff-base", metavar="REF",
                       help="report only findings on lines changed since the git revision REF (for pull requests)")
    adopt.add_argument("--baseline", type=Path, metavar="FILE",
                       help="report only findings not recorded in this baseline file")
    adopt.add_argument("--update-baseline", action="store_true",
                       help="with --baseline, record today's findings in FILE (and report none)")
    rules = parser.add_argument_group("rules")
    rules.add_argument("--select", type=_selectors, action="extend", metavar="RULES",
                       help="run only these rules: codes, prefixes, names or categories, comma-separated")
    rules.add_argument("--extend-select", type=_selectors, action="extend", default=[], metavar="RULES",
                       help="run these rules as well")
    rules.add_argument("--ignore", type=_selectors, action="extend", default=[], metavar="RULES",
                       help="do not run these rules")
    rules.add_argument("--config", type=Path, metavar="FILE",
                       help="use this config file for every path (default: the nearest one above each file)")
    rules.add_argument("--facts", type=Path, metavar="FILE", help="reference fact file (YAML)")
    rules.add_argument("--reference", type=Path, action="append", default=[], metavar="ARTICLE",
                       help="a trusted article whose figures act as facts (repeatable)")
    rules.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                       help="what relative dates ('last year') are relative to (default: the article's front "
                            "matter date, else the fact file's 'published')")
    rules.add_argument("--fail-on", choices=["error", "warning", "info", "never"],
                       help="lowest severity that makes the exit status 1 (default: warning)")
    online = parser.add_argument_group("online (newslint makes no network connection without --check-links)")
    online.add_argument("--check-links", action="store_true",
                        help="fetch every web link and report dead ones (NL310) and unreachable ones (NL311)")
    online.add_argument("--allow-private-links", action="store_true",
                        help="with --check-links, fetch links to private, loopback and link-local addresses too")
    speed = parser.add_argument_group("speed")
    speed.add_argument("--jobs", "-j", type=_positive, default=default_jobs(), metavar="N",
                       help="lint in N processes (default: the machine's cores); output order never changes")
    speed.add_argument("--no-cache", action="store_true",
                       help="neither read nor write the cache of findings (and of link checks)")
    speed.add_argument("--cache-dir", type=Path, metavar="DIR",
                       help="where the cache lives (default: .newslint_cache next to the config, or here)")
    fixes = parser.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    fixes.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    fixes.add_argument("--diff", action="store_true", help="show what --fix would change, change nothing")
    about = parser.add_argument_group("information (these never lint)")
    about.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    about.add_argument("--list-plugins", action="store_true", help="list installed plugins and what they add, and exit")
    about.add_argument("--explain", metavar="RULE", help="explain one rule (code or name) with examples and exit")
    about.add_argument("--check-facts", type=Path, metavar="FILE", help="check a fact file and exit")
    about.add_argument("--draft-facts", type=Path, metavar="ARTICLE",
                       help="print a fact file drafted from a trusted article, for review, and exit")
    about.add_argument("--version", action="version", version=f"newslint {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except UserError as exc:
        if exc.path and Path(exc.path).is_absolute():
            exc.path = display_path(Path(exc.path))
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newslint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head and the like
        sys.stderr.close()
        return EXIT_FINDINGS
    except Exception as exc:  # last resort: one line, never a traceback
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        print(f"newslint: internal error: {type(exc).__name__}: {exc} "
              "(please report it; NEWSLINT_DEBUG=1 shows the traceback)", file=sys.stderr)
        return EXIT_ERROR


def _main(argv: list[str]) -> int:
    registry = Registry()
    for warning in registry.warnings:
        print(f"newslint: warning: {warning}", file=sys.stderr)
    args = build_parser(sorted(registry.formatters)).parse_args(argv)
    if args.update_baseline and args.baseline is None:
        raise UserError("--update-baseline needs --baseline FILE")
    baseline = None
    if args.baseline is not None:
        baseline = Baseline(args.baseline) if args.update_baseline else Baseline.load(args.baseline)
    options = Options(
        paths=args.paths,
        config=args.config,
        select=args.select,
        extend_select=args.extend_select,
        ignore=args.ignore,
        facts=args.facts,
        references=args.reference,
        date=args.date,
        fail_on=args.fail_on,
        fix=args.fix,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        check_links=args.check_links,
        allow_private_links=args.allow_private_links,
        no_cache=args.no_cache,
        cache_dir=args.cache_dir,
        baseline=baseline,  # with --update-baseline an empty one, which records what the run finds
        changed=_changed_lines(args.diff_base),
    )
    if args.config is not None and not args.config.is_file():
        raise UserError("config file not found", args.config)
    for path, what in ((args.facts, "fact file"), (args.check_facts, "fact file"),
                       (args.draft_facts, "article"), *((reference, "reference article") for reference in args.reference)):
        if path is not None and not path.is_file():
            raise UserError(f"{what} not found", path)
    session = Session(options, registry)
    color = sys.stdout.isatty() and not args.no_color
    if args.check_facts or args.draft_facts or args.list_rules or args.explain or args.list_plugins:
        return _inform(args, session, registry, color)
    if args.jsonl:
        return _lint_jsonl(args, session, registry, color)
    if not args.paths:
        raise UserError("give at least one PATH to lint (a file or a folder; see newslint --help)")
    files = session.files()
    for note in session.walk_notes:
        print(f"newslint: {note}", file=sys.stderr)
    for path in files:  # settle config, rule and fact-file errors before any output
        session.settings_for(session.config_for(path.parent), path)
    if args.check_links:
        checked = session.check_links(files)
        if checked.cache_problem:
            print(f"newslint: warning: {checked.cache_problem}", file=sys.stderr)
        print(f"newslint: checked {checked.links} link{'s' if checked.links != 1 else ''} "
              f"({checked.fetched} fetched, {checked.links - checked.fetched - checked.not_fetched} from the cache)", file=sys.stderr)
        if checked.not_fetched:
            print(f"newslint: {checked.not_fetched} link{'s' if checked.not_fetched != 1 else ''} to private or "
                  "local addresses not fetched (--allow-private-links fetches them)", file=sys.stderr)
    try:
        return _run(args, session, files, registry, baseline, color)
    finally:
        problem = session.close_cache()
        if problem:
            print(f"newslint: warning: {problem}", file=sys.stderr)


def _inform(args, session: Session, registry: Registry, color: bool) -> int:
    """The actions that never lint: fact files, rule and plugin listings."""
    from newslint.explain import check_facts, draft_facts, explain_rule, list_plugins, list_rules

    if args.check_facts:
        return check_facts(args.check_facts, sys.stdout)
    if args.draft_facts:
        return draft_facts(args.draft_facts, registry, args.date, sys.stdout)
    if args.list_rules or args.explain or args.list_plugins:
        book = session.rulebook(session.config_for(Path.cwd()))
        if args.list_plugins:
            return list_plugins(registry, book, sys.stdout)
        if args.explain:
            return explain_rule(book, args.explain, sys.stdout, color)
        return list_rules(book, sys.stdout, color)


def _run(args, session: Session, files: list[Path], registry: Registry, baseline: Baseline | None,
         color: bool) -> int:
    results = lint_files(session, files, args.jobs)
    if args.diff:
        return _diff(results)
    if args.update_baseline:
        return _update_baseline(results, baseline)
    return _report(args, session, results, len(files), registry, color)


def _lint_jsonl(args, session: Session, registry: Registry, color: bool) -> int:
    """--jsonl: records instead of files; the options that rewrite or filter files do not apply."""
    for flag, given in (("PATH", args.paths), ("--fix", args.fix), ("--diff", args.diff),
                        ("--baseline", args.baseline), ("--diff-base", args.diff_base),
                        ("--check-links", args.check_links)):
        if given:
            raise UserError(f"--jsonl cannot be combined with {flag}")
    from newslint.records import lint_records

    results = lint_records(args.jsonl, session, id_field=args.id_field, text_field=args.text_field,
                           date_field=args.date_field)
    return _report(args, session, results, 0, registry, color)


def _report(args, session: Session, results: Iterable[FileResult], total: int, registry: Registry,
            color: bool) -> int:
    """Render results as they come with the chosen format (or --statistics), to stdout or -o."""
    stream = _open_output(args.output_file) if args.output_file else sys.stdout
    try:
        format_name = args.format or ("text" if stream.isatty() else "concise")
        formatter_class = registry.formatters[format_name]
        book = session.rulebook(session.config_for(Path.cwd()))
        if args.statistics:
            from newslint.formatters.statistics import StatisticsFormatter

            formatter = StatisticsFormatter(stream, as_json=format_name == "json", rulebook=book)
        else:
            formatter = formatter_class(stream, color=color and stream is sys.stdout and not formatter_class.machine,
                                        rulebook=book)
        if formatter.renders_in_workers:  # before the results are asked for: workers fork then
            session.renderer = formatter.render
        show_progress = not args.no_progress and not formatter_class.machine and sys.stderr.isatty()
        return _lint(results, total, formatter, show_progress)
    finally:
        if stream is not sys.stdout:
            stream.close()


def _changed_lines(ref: str | None):
    if ref is None:
        return None
    from newslint.changed_lines import changed_since

    return changed_since(ref, Path.cwd())


def _open_output(path: Path):
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UserError(f"cannot write output: {exc.strerror or exc}", path) from None


def _update_baseline(results: Iterable[FileResult], baseline: Baseline) -> int:
    """Record every current finding; later runs with --baseline report only new ones."""
    incomplete = False
    for result in results:  # the (empty) baseline records each finding
        incomplete |= result.incomplete
        for note in result.notes:
            print(f"newslint: {note}", file=sys.stderr)
    count = baseline.save()
    print(f"newslint: recorded {count} finding{'s' if count != 1 else ''} in {display_path(baseline.path)}",
          file=sys.stderr)
    return EXIT_ERROR if incomplete else EXIT_OK


def _diff(results: Iterable[FileResult]) -> int:
    """Print what --fix would change, as a unified diff; exit 1 when there is something."""
    fixes = changed = 0
    incomplete = False
    for result in results:
        incomplete |= result.incomplete
        for note in result.notes:
            print(f"newslint: {note}", file=sys.stderr)
        if result.diff:
            sys.stdout.write(result.diff)
            fixes += result.fixes_applied
            changed += 1
    print(f"newslint: --fix would apply {fixes} fix{'es' if fixes != 1 else ''} to {changed} "
          f"file{'s' if changed != 1 else ''}" if fixes else "newslint: no fixes to apply", file=sys.stderr)
    return EXIT_ERROR if incomplete else (EXIT_FINDINGS if fixes else EXIT_OK)


def _lint(results: Iterable[FileResult], total: int, formatter, show_progress: bool) -> int:
    summary = Summary()
    formatter.start()
    with progress(total, enabled=show_progress) as advance:
        for result in results:
            summary.add(result)
            formatter.file(result)
            for note in result.notes:
                print(f"newslint: {note}", file=sys.stderr)
            advance()
    formatter.finish(summary)
    formatter.stream.flush()
    if summary.incomplete:
        return EXIT_ERROR
    return EXIT_FINDINGS if summary.fails else EXIT_OK
