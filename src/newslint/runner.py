"""Running newslint over files: config per folder, rules per config, one result per file.

The CLI is a thin layer over this; the rule-example tests use ``lint_bytes`` so that
examples go through exactly the pipeline real files do.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.baseline import Baseline, fingerprint
from newslint.cache import ResultCache, content_hash, encode_findings, run_key
from newslint.config import DEFAULT_CACHE_DIR, Config, default_config, find_config_file, load_config
from newslint.diagnostics import Diagnostic, Severity
from newslint.document import Document
from newslint.engine import LintSettings, lint
from newslint.errors import UserError
from newslint.facts import Fact, FactBase, FactFile, load_facts
from newslint.files import discover, relative_to_root
from newslint.fixes import FileChanged, apply_fixes, unified_diff, write_atomically
from newslint.pathmatch import matches
from newslint.references import facts_from_article
from newslint.registry import Registry, RuleBook
from newslint.rules.link_status import DeadLink, UnreachableLink
from newslint.rules.notes import BinaryFile, FileTooLarge, LegacyEncoding, UndecodableFile
from newslint.selection import choose_rules, severity_override, unknown_selectors
from newslint.sourcefile import SourceText, UnreadableFile, decode
from newslint.urls import web_url

if TYPE_CHECKING:
    from newslint.changed_lines import ChangedLines

MAX_FIX_PASSES = 10
_FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


@dataclass
class Options:
    paths: list[str] = field(default_factory=list)
    config: Path | None = None  # --config: one file for every path
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    facts: Path | None = None
    references: list[Path] = field(default_factory=list)  # trusted articles whose figures act as facts
    date: dt.date | None = None  # what relative dates are relative to
    fail_on: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    regex_timeout: float = 1.0
    check_links: bool = False  # --check-links: the only option that makes newslint go online
    allow_private_links: bool = False
    no_cache: bool = False
    cache_dir: Path | None = None
    baseline: Baseline | None = None  # --baseline: report only findings it does not hold
    changed: ChangedLines | None = None  # --diff-base: report only findings on changed lines


Kind = tuple[Severity, str, str]  # severity, category, and "safe", "unsafe" or "" for the fix


def _fix_state(d: Diagnostic) -> str:
    return "" if d.fix is None else "safe" if d.fix.safe else "unsafe"


@dataclass
class FileResult:
    path: str  # as shown to the user
    diagnostics: list[Diagnostic]
    incomplete: bool = False  # the file could not be read, or a rule failed on it
    fails: bool = False  # has a finding at or above the fail-on level
    fixes_applied: int = 0
    diff: str = ""
    notes: list[str] = field(default_factory=list)  # one-line messages for stderr
    cache_key: tuple | None = None  # (run key, path, content hash): a fresh result to cache
    fingerprints: list[str] | None = None  # per finding, for --baseline
    # A result a worker compacted (Session.compact) carries no diagnostics but these:
    rendered: str | None = None  # the formatter's output for the file
    tally: dict[Kind, int] | None = None  # findings counted by kind
    cache_entry: str | None = None  # the findings as the cache stores them

    def kinds(self) -> dict[Kind, int]:
        """How many findings of each (severity, category, fix) the file has."""
        if self.tally is not None:
            return self.tally
        return Counter((d.severity, d.category, _fix_state(d)) for d in self.diagnostics)


@dataclass
class Summary:
    files: int = 0
    files_with_findings: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    by_category_severity: Counter = field(default_factory=Counter)
    fixable: int = 0  # findings with a safe fix
    unsafe_fixable: int = 0  # findings whose fix needs --unsafe-fixes
    fixes_applied: int = 0
    incomplete: bool = False
    fails: bool = False

    def add(self, result: FileResult) -> None:
        self.files += 1
        kinds = result.kinds()
        self.files_with_findings += bool(kinds)
        for (severity, category, fix), count in kinds.items():
            self.by_severity[severity] += count
            self.by_category[category] += count
            self.by_category_severity[category, severity] += count
            if fix == "safe":
                self.fixable += count
            elif fix == "unsafe":
                self.unsafe_fixable += count
        self.fixes_applied += result.fixes_applied
        self.incomplete |= result.incomplete
        self.fails |= result.fails

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())


class Session:
    """One run: options, plugins, and caches of configs and rule settings."""

    def __init__(self, options: Options, registry: Registry):
        self.options = options
        self.registry = registry
        self._folder_configs: dict[Path, Config] = {}  # by resolved folder
        self._configs_as_given: dict[Path, Config] = {}  # by folder as the files name it
        self._config_files: dict[Path, Config] = {}
        self._fact_files: dict[Path, FactFile] = {}
        self._settings: dict[tuple, LintSettings] = {}
        self._references: list[Fact] | None = None
        # URL -> LinkStatus, shared by every settings object; filled by check_links() before linting.
        self.link_status: dict | None = {} if options.check_links else None
        self._cache: ResultCache | None = None
        self._cache_pid = 0
        self._run_keys: dict[int, str] = {}  # id(settings) -> run key of the result cache
        self.walk_notes: list[str] = []  # one-line messages about paths skipped in folder walks
        # The formatter's render(), for formatters that render in worker processes (see compact).
        self.renderer: Callable[[FileResult], str] | None = None
        self.explicit_config = self._load_config(options.config.resolve()) if options.config else None

    # -- config and rules -----------------------------------------------------------

    def config_for(self, folder: Path) -> Config:
        """The config for files in folder: --config, else the nearest config file, else defaults."""
        if self.explicit_config is not None:
            return self.explicit_config
        if folder in self._configs_as_given:  # resolve() costs a system call per folder level
            return self._configs_as_given[folder]
        resolved = folder.resolve()
        if resolved not in self._folder_configs:
            found = find_config_file(resolved)
            self._folder_configs[resolved] = self._load_config(found) if found else default_config(Path.cwd().resolve())
        self._configs_as_given[folder] = self._folder_configs[resolved]
        return self._folder_configs[resolved]

    def _load_config(self, path: Path) -> Config:
        if path not in self._config_files:
            self._config_files[path] = load_config(path)
        return self._config_files[path]

    def _load_facts(self, path: Path) -> FactFile:
        path = path.resolve()
        if path not in self._fact_files:
            self._fact_files[path] = load_facts(path, display_path(path))
        return self._fact_files[path]

    def rulebook(self, config: Config) -> RuleBook:
        try:
            return self.registry.rulebook(config.rule_dirs)
        except UserError as exc:
            if exc.path is None and config.path is not None:  # e.g. two rules with one code
                raise UserError(exc.message, config.path, config.line_of("rule-dirs")) from None
            raise

    def settings_for(self, config: Config, path: Path | None = None) -> LintSettings:
        ignored_here = self._per_file_ignores(config, path)
        key = (config, ignored_here)
        if key not in self._settings:
            self._settings[key] = self._build_settings(config, ignored_here)
        return self._settings[key]

    def _per_file_ignores(self, config: Config, path: Path | None) -> tuple[str, ...]:
        if path is None or not config.per_file_ignores:
            return ()
        relative = relative_to_root(path, config)
        if relative is None:
            return ()
        return tuple(
            selector for glob, selectors in config.per_file_ignores if matches(glob, relative) for selector in selectors
        )

    def _build_settings(self, config: Config, ignored_here: tuple[str, ...]) -> LintSettings:
        book = self.rulebook(config)
        rules = book.sorted()
        options = self.options
        self._check_selectors(config, rules)
        select = options.select if options.select is not None else config.select
        chosen = choose_rules(
            rules,
            select,
            [*config.extend_select, *options.extend_select],
            [*config.ignore, *options.ignore, *ignored_here],
        )
        overrides = {}
        for rule in chosen:
            override = severity_override(config.severity, rule)
            if override is not None:
                overrides[rule.code] = override
        facts_path = options.facts or config.facts
        fact_file = self._load_facts(facts_path) if facts_path else None
        facts = FactBase.combine(fact_file, self._reference_facts(fact_file))
        return LintSettings(chosen, rules, overrides, facts, book.lexicons, options.regex_timeout, options.date,
                            self.link_status, config.encoding, config.max_file_size)

    def _reference_facts(self, fact_file: FactFile | None) -> list[Fact]:
        """Facts drawn from the --reference articles (read once per run)."""
        if self._references is None:
            self._references = []
            for path in self.options.references:
                try:
                    source = decode(path.read_bytes())
                except OSError as exc:
                    raise UserError(f"cannot read reference article: {exc.strerror or exc}", path) from None
                except UnreadableFile as exc:
                    raise UserError(f"reference article: {exc.message}", path) from None
                doc = Document(source.text, display_path(path), self.registry.parser_for(path.name))
                published = fact_file.published if fact_file else None
                when = self.options.date or doc.date or published
                self._references.extend(facts_from_article(doc, display_path(path), when))
        return self._references

    def _check_selectors(self, config: Config, rules) -> None:
        options = self.options
        for flag, selectors in (("--select", options.select or []), ("--extend-select", options.extend_select),
                                ("--ignore", options.ignore)):
            unknown = unknown_selectors(selectors, rules)
            if unknown:
                raise UserError(f"{flag}: unknown rule {unknown[0]!r} (see newslint --list-rules)")
        for key, selectors in (
            ("select", config.select or ()),
            ("extend-select", config.extend_select),
            ("ignore", config.ignore),
            ("per-file-ignores", [s for _, group in config.per_file_ignores for s in group]),
            ("severity", [selector for selector, _ in config.severity]),
        ):
            unknown = unknown_selectors(selectors, rules)
            if unknown:
                raise UserError(f"{key}: unknown rule {unknown[0]!r} (see newslint --list-rules)",
                                config.path, config.line_of(key))

    def fail_level(self, config: Config) -> Severity | None:
        return _FAIL_LEVELS[self.options.fail_on or config.fail_on or "warning"]

    # -- the online link check ------------------------------------------------------

    def check_links(self, files: list[Path]) -> LinkCheckRun:
        """With --check-links: fetch every web link of the files whose rules include NL310 or NL311."""
        from newslint.linkcheck import NOT_FETCHED, LinkCache, LinkChecker, link_check_settings  # network stack

        config = self.config_for(Path.cwd())
        settings = link_check_settings(config, allow_private=self.options.allow_private_links)
        cache = None
        if not self.options.no_cache:
            folder = self.options.cache_dir or config.cache_dir or (config.root / DEFAULT_CACHE_DIR)
            cache = LinkCache(folder / "links.json", settings.cache_seconds)
        checker = LinkChecker(settings, cache)
        urls = []
        for path in files:
            lint_settings = self.settings_for(self.config_for(path.parent), path)
            if not (lint_settings.runs(DeadLink.code) or lint_settings.runs(UnreachableLink.code)):
                continue
            urls.extend(web_link_targets(path, self.registry.parser_for(path.name), lint_settings))
        statuses = checker.check_all(urls)
        self.link_status.update(statuses)
        private = sum(status.state == NOT_FETCHED for status in statuses.values())
        fetched = sum(not status.from_cache and status.state != NOT_FETCHED for status in statuses.values())
        return LinkCheckRun(len(statuses), fetched, private, cache.problem if cache else None)

    # -- files ----------------------------------------------------------------------

    def files(self) -> list[Path]:
        """The files to lint; links skipped in walks are left in ``walk_notes``."""
        return list(discover(self.options.paths, self.registry.lintable_suffixes(), self.config_for,
                             self.walk_notes.append))

    def lint_path(self, path: Path) -> FileResult:
        """Lint one file in this process: lint_file, then store and finish."""
        result = self.lint_file(path)
        self.store(result)
        return self.finish(path, result)

    def lint_file(self, path: Path) -> FileResult:
        """The work for one file, which may run in a worker process: read, lint (or reuse), fix."""
        config = self.config_for(path.parent)
        settings = self.settings_for(config, path)
        display = display_path(path)
        cache = self._result_cache()
        try:
            # Refuse an oversized file before reading it, so that memory stays bounded.
            size = path.stat().st_size
            if size > settings.max_file_size:
                return _refused_as_too_large(display, size, settings)
            data = path.read_bytes()
        except OSError as exc:  # removed, unreadable or a symlink loop since the walk found it
            return FileResult(display, [], incomplete=True, notes=[f"{display}: cannot read file: {exc.strerror or exc}"])
        key = (self._run_key(config, path, settings), display, content_hash(data)) if self._caching() else None
        cached = cache.get(*key) if cache is not None and key is not None else None
        if cached is not None:
            result = FileResult(display, cached)
            if self.options.baseline is not None:
                result.fingerprints = [fingerprint(d, decode(data, settings.encoding).text) for d in cached]
            return result
        parser = self.registry.parser_for(path.name)
        result, source, doc = lint_bytes(data, display, settings, parser)
        text = source.text if source is not None else None
        if source is not None and doc is not None and (self.options.fix or self.options.diff):
            text = self._fix(path, data, source, parser, settings, result)
        if self.options.baseline is not None:
            result.fingerprints = [fingerprint(d, text) for d in result.diagnostics]
        if key is not None and not result.incomplete and not result.notes:
            result.cache_key = key
        return result

    def store(self, result: FileResult) -> None:
        """Keep a fresh result in the cache (only the main process writes)."""
        cache = self._result_cache() if result.cache_key is not None else None
        if cache is not None:
            entry = result.cache_entry if result.cache_entry is not None else encode_findings(result.diagnostics)
            cache.put(*result.cache_key, entry)

    def compact(self, result: FileResult) -> FileResult:
        """What a worker sends back: output, counts and cache entry made here, not diagnostics.

        Pickling each Diagnostic in a worker and rebuilding and rendering it in the main
        process cost the main process a third of a core on a two-core machine. Only when
        the CLI has set a renderer, and no --baseline or --diff-base filter needs the
        diagnostics in the main process.
        """
        if self.renderer is None or self.options.baseline is not None or self.options.changed is not None:
            return result
        if result.cache_key is not None:
            result.cache_entry = encode_findings(result.diagnostics)
        result.tally = dict(result.kinds())
        result.rendered = self.renderer(result)
        result.diagnostics = []
        return result

    def finish(self, path: Path, result: FileResult) -> FileResult:
        """--diff-base and --baseline filters, then whether the file fails the run."""
        changed, baseline = self.options.changed, self.options.baseline
        if changed is not None:
            lines = changed.of(path)
            kept = [
                index for index, d in enumerate(result.diagnostics)
                if changed.touches(path, d.line, d.end_line) or (d.start == d.end == 0 and lines != set())
            ]
            result.diagnostics = [result.diagnostics[index] for index in kept]
            if result.fingerprints is not None:
                result.fingerprints = [result.fingerprints[index] for index in kept]
        if baseline is not None:
            result.diagnostics = baseline.filter(path, result.diagnostics, result.fingerprints or [])
        level = self.fail_level(self.config_for(path.parent))
        result.fails = level is not None and any(severity >= level for severity, _, _ in result.kinds())
        return result

    # -- the result cache ---------------------------------------------------------------

    def _caching(self) -> bool:
        """Whether findings are cached: not with --no-cache, nor when fixing or checking links."""
        options = self.options
        return not (options.no_cache or options.fix or options.diff or options.check_links)

    def _result_cache(self) -> ResultCache | None:
        """The cache, opened once per process; None when not caching or when it cannot be used."""
        options = self.options
        if not self._caching():
            return None
        if self._cache is None or self._cache_pid != os.getpid():  # a forked worker opens its own
            config = self.config_for(Path.cwd())
            folder = options.cache_dir or config.cache_dir or (config.root / DEFAULT_CACHE_DIR)
            self._cache, self._cache_pid = ResultCache(folder), os.getpid()
        return self._cache if self._cache.problem is None else None

    def close_cache(self) -> str | None:
        """Write what is pending; returns a problem to warn about, if the cache failed."""
        if self._cache is None:
            return None
        self._cache.close()
        return self._cache.problem

    def _run_key(self, config: Config, path: Path, settings: LintSettings) -> str:
        if id(settings) not in self._run_keys:
            options = self.options
            rule_files = [pack for folder in (*(folder for _, folder in self.registry.rule_dirs), *config.rule_dirs)
                          for pack in Path(folder).glob("*.yaml")]
            inputs = [*rule_files, *options.references]
            for source in (config.path, options.facts or config.facts):
                if source is not None:
                    inputs.append(Path(source))
            parts = {"config": repr(config), "rules": sorted(rule.code for rule in settings.rules),
                     "severity": sorted((code, str(level)) for code, level in settings.severity.items()),
                     "date": str(options.date), "timeout": options.regex_timeout}
            self._run_keys[id(settings)] = run_key(parts, inputs)
        return self._run_keys[id(settings)]

    def _fix(self, path: Path, data: bytes, source: SourceText, parser, settings, result: FileResult) -> str:
        """Apply fixes until none is left (or MAX_FIX_PASSES), then diff or write the file.

        Returns the text the remaining findings refer to.
        """
        text = source.text
        diagnostics = result.diagnostics
        for _ in range(MAX_FIX_PASSES):
            fixes = [d.fix for d in diagnostics if d.fix and (d.fix.safe or self.options.unsafe_fixes)]
            if not fixes:
                break
            new_text, applied = apply_fixes(text, fixes)
            if not applied or new_text == text:
                break
            text = new_text
            result.fixes_applied += applied
            relinted = lint(Document(text, result.path, parser), settings)
            diagnostics = relinted.diagnostics
        if text == source.text:
            return text
        if self.options.diff:
            result.diff = unified_diff(result.path, source.text, text)
            return source.text
        try:
            write_atomically(path, source.encode(text), expected=data)
        except FileChanged as exc:
            result.notes.append(str(exc))
            result.fixes_applied = 0
            return source.text
        except OSError as exc:
            result.notes.append(f"{result.path}: cannot write fixes: {exc.strerror or exc}")
            result.incomplete = True
            result.fixes_applied = 0
            return source.text
        result.diagnostics = diagnostics
        return text


def lint_bytes(
    data: bytes, display: str, settings: LintSettings, parser
) -> tuple[FileResult, SourceText | None, Document | None]:
    """Decode and lint one file's bytes; unreadable input becomes an NL90x note."""
    if len(data) > settings.max_file_size:
        return _refused_as_too_large(display, len(data), settings), None, None
    try:
        source = decode(data, settings.encoding)
    except UnreadableFile as exc:
        code = BinaryFile.code if exc.kind == "binary" else UndecodableFile.code
        diagnostics = _pipeline_note(display, settings, code, exc.message)
        return FileResult(display, diagnostics, incomplete=exc.kind != "binary"), None, None
    doc = Document(source.text, display, parser)
    result = lint(doc, settings)
    diagnostics = result.diagnostics
    if source.guessed:
        message = f"not UTF-8; read as {source.encoding} (set 'encoding' in config if that is wrong)"
        diagnostics = _pipeline_note(display, settings, LegacyEncoding.code, message) + diagnostics
    return FileResult(display, diagnostics, incomplete=result.incomplete), source, doc


def _pipeline_note(display: str, settings: LintSettings, code: str, message: str) -> list[Diagnostic]:
    """A note about the file as a whole, at 1:1, when its rule is selected."""
    if not settings.runs(code):
        return []
    rule = next(rule for rule in settings.rules if rule.code == code)
    ctx = settings.context(Document("", display), rule)
    ctx.report(0, 0, message)
    return ctx.diagnostics


def _refused_as_too_large(display: str, size: int, settings: LintSettings) -> FileResult:
    message = (f"file is {_megabytes(size)}, over the {_megabytes(settings.max_file_size)} limit; not read "
               "(raise max-file-size in config to lint it)")
    # Incomplete whether or not NL909 is selected: the file was not linted.
    return FileResult(display, _pipeline_note(display, settings, FileTooLarge.code, message), incomplete=True)


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:.1f} MB"


@dataclass(frozen=True)
class LinkCheckRun:
    links: int  # distinct web links checked
    fetched: int  # links that went to the network (the rest came from the cache)
    not_fetched: int  # links to private addresses, left alone
    cache_problem: str | None = None


def web_link_targets(path: Path, parser, settings: LintSettings) -> list[str]:
    """The web links of one file, as written (an unreadable file has none: linting reports it)."""
    try:
        if path.stat().st_size > settings.max_file_size:
            return []
        source = decode(path.read_bytes(), settings.encoding)
    except (OSError, UnreadableFile):
        return []
    doc = Document(source.text, display_path(path), parser)
    return [link.target for link in doc.links if web_url(link.target) is not None]


def display_path(path: Path) -> str:
    """The path relative to the working folder when it is inside it, with forward slashes."""
    relative = os.path.relpath(path)
    shown = Path(path).absolute() if relative.startswith("..") else Path(relative)
    return shown.as_posix()

