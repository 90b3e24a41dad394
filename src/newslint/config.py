"""Configuration: ``[tool.newslint]`` in pyproject.toml, newslint.toml or .newslint.yaml.

The nearest config file above a linted file applies to it (no merging across files,
as in ruff); ``--config FILE`` applies one file to every path. Paths in a config are
relative to the folder the config file is in.

Keys (all optional)::

    select = ["NL1", "spam-tail"]        # codes, code prefixes, names or categories; ALL
    extend-select = ["NL601"]             # added to the default (or selected) rules
    ignore = ["NL210"]
    per-file-ignores = { "archive/**" = ["claim"] }
    severity = { NL101 = "error", link = "info" }
    rule-dirs = ["styles/newslint"]       # extra folders of YAML rule packs
    exclude = ["drafts/**", "*.draft.md"]
    facts = "facts.yaml"
    fail-on = "warning"                   # error, warning, info or never
    cache-dir = ".newslint_cache"         # where caches live (the link check's, for now)
    encoding = "auto"                     # UTF-8, else cp1252; or name one, e.g. "shift_jis"
    max-file-size = "16MB"                # larger files are refused unread (NL909)

    [links]                               # the online check, run only with --check-links
    timeout = 10                          # seconds per request
    max-redirects = 5
    per-host = 2                          # requests at a time to one host
    cache-hours = 24                      # how long a result is reused
    allow-private = false                 # fetch private, loopback and link-local addresses
"""

from __future__ import annotations

import codecs
import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from newslint.diagnostics import Severity
from newslint.errors import UserError
from newslint.yamlload import LineDict, load_yaml

CONFIG_NAMES = ("newslint.toml", ".newslint.yaml", ".newslint.yml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
_LIST_KEYS = ("select", "extend-select", "ignore", "rule-dirs", "exclude")
_KEYS = _LIST_KEYS + ("per-file-ignores", "severity", "facts", "fail-on", "cache-dir", "links", "encoding",
                      "max-file-size")
# [links]: key -> (type, smallest allowed value)
LINK_KEYS: dict[str, tuple[type, float]] = {
    "timeout": (float, 0.1), "max-redirects": (int, 0), "per-host": (int, 1), "cache-hours": (float, 0),
    "allow-private": (bool, 0),
}
DEFAULT_CACHE_DIR = ".newslint_cache"
# Far above any article (the seeds are 3-6 KB), low enough that a stray database dump is
# refused before it is read rather than parsed into memory. Config raises it.
DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024
_SIZE_UNITS = {"": 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


@dataclass(frozen=True)
class Config:
    root: Path  # folder that relative paths and globs in this config start from
    path: Path | None = None  # the file it was read from
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    facts: Path | None = None
    fail_on: str | None = None
    cache_dir: Path | None = None
    links: tuple[tuple[str, Any], ...] = ()  # [links] settings as given
    encoding: str = "auto"  # "auto": UTF-8, else cp1252 (see sourcefile)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; larger files are refused unread
    key_lines: dict[str, int | None] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, key: str) -> int | None:
        """The line a key was set on, for error messages about its value."""
        return self.key_lines.get(key)


def default_config(root: Path) -> Config:
    return Config(root=root)


def find_config_file(folder: Path) -> Path | None:
    """The nearest config file in folder or its parents."""
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_newslint_table(candidate)):
                return candidate
    return None


def load_config(path: Path) -> Config:
    """Read and validate one config file; any problem is a UserError at file:line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read config: {exc}", path) from None
    if path.suffix in (".yaml", ".yml"):
        data = load_yaml(text, path)
        if data is None:
            data = LineDict()
        if not isinstance(data, dict):
            raise UserError("config must be a mapping of keys", path, 1)
        line_of = lambda key: data.line_of(key) if isinstance(data, LineDict) else None  # noqa: E731
    else:
        try:
            parsed = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise UserError(f"invalid TOML: {_toml_problem(exc)}", path, _toml_line(exc, text)) from None
        table = "tool.newslint" if path.name == "pyproject.toml" else None
        data = parsed.get("tool", {}).get("newslint", {}) if table else parsed
        if not isinstance(data, dict):
            raise UserError("[tool.newslint] must be a table", path, _find_line(text, "newslint", None))
        line_of = lambda key: _find_line(text, key, table)  # noqa: E731
    return _build(data, path, line_of)


def _build(data: dict[str, Any], path: Path, line_of) -> Config:
    root = path.parent.resolve()
    values: dict[str, Any] = {}
    key_lines: dict[str, int | None] = {}
    for key, value in data.items():
        line = key_lines[key] = line_of(key)
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key), _KEYS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(_KEYS)}"
            raise UserError(f"unknown config key {key!r} ({hint})", path, line)
        if key in _LIST_KEYS:
            values[key] = _string_list(value, key, path, line)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise UserError("'per-file-ignores' must map a glob to a list of rules", path, line)
            values[key] = tuple(
                (str(glob), _string_list(selectors, f"per-file-ignores {glob!r}", path, line))
                for glob, selectors in value.items()
            )
        elif key == "severity":
            if not isinstance(value, dict):
                raise UserError("'severity' must map rules to error, warning or info", path, line)
            try:
                values[key] = tuple((str(rule), Severity.parse(level)) for rule, level in value.items())
            except ValueError as exc:
                raise UserError(f"'severity': {exc}", path, line) from None
        elif key == "facts":
            if not isinstance(value, str) or not value.strip():
                raise UserError("'facts' must be the path of a fact file", path, line)
            values[key] = (root / value).resolve()
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise UserError(f"'fail-on' must be one of {', '.join(FAIL_ON)}", path, line)
            values[key] = value
        elif key == "cache-dir":
            if not isinstance(value, str) or not value.strip():
                raise UserError("'cache-dir' must be the path of a folder", path, line)
            values[key] = (root / value).resolve()
        elif key == "links":
            values[key] = _link_settings(value, path, line)
        elif key == "encoding":
            values[key] = _encoding(value, path, line)
        elif key == "max-file-size":
            values[key] = _size(value, path, line)
    return Config(
        root=root,
        path=path,
        select=values.get("select"),
        extend_select=values.get("extend-select", ()),
        ignore=values.get("ignore", ()),
        per_file_ignores=values.get("per-file-ignores", ()),
        severity=values.get("severity", ()),
        rule_dirs=tuple((root / folder).resolve() for folder in values.get("rule-dirs", ())),
        exclude=values.get("exclude", ()),
        facts=values.get("facts"),
        fail_on=values.get("fail-on"),
        cache_dir=values.get("cache-dir"),
        links=values.get("links", ()),
        encoding=values.get("encoding", "auto"),
        max_file_size=values.get("max-file-size", DEFAULT_MAX_FILE_SIZE),
        key_lines=key_lines,
    )


def _link_settings(value: Any, path: Path, line: int | None) -> tuple[tuple[str, Any], ...]:
    if not isinstance(value, dict):
        raise UserError("'links' must be a table of settings for --check-links", path, line)
    settings = []
    for key, setting in value.items():
        if key not in LINK_KEYS:
            raise UserError(f"unknown key {key!r} in 'links' (known: {', '.join(LINK_KEYS)})", path, line)
        kind, smallest = LINK_KEYS[key]
        if kind is bool:
            if not isinstance(setting, bool):
                raise UserError(f"'links.{key}' must be true or false", path, line)
        elif isinstance(setting, bool) or not isinstance(setting, (int, float)) or setting < smallest \
                or (kind is int and not isinstance(setting, int)):
            raise UserError(f"'links.{key}' must be a{'n integer' if kind is int else ' number'} of at least "
                            f"{smallest:g}", path, line)
        settings.append((key, setting))
    return tuple(settings)


def _encoding(value: Any, path: Path, line: int | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise UserError("'encoding' must be 'auto' or the name of an encoding such as 'cp1252'", path, line)
    if value == "auto":
        return value
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise UserError(f"'encoding': unknown encoding {value!r}", path, line) from None


def _size(value: Any, path: Path, line: int | None) -> int:
    """A size in bytes from 20000000, "20MB" or "512 KB"."""
    match = regex.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", str(value), regex.IGNORECASE)
    if isinstance(value, bool) or match is None:
        raise UserError(f"'max-file-size' must be a size such as 20MB, not {value!r}", path, line)
    unit = match[2].upper()
    size = int(float(match[1]) * _SIZE_UNITS[unit if unit in _SIZE_UNITS else unit + "B"])
    if size < 1:
        raise UserError("'max-file-size' must be at least 1 byte", path, line)
    return size


def _string_list(value: Any, key: str, path: Path, line: int | None) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise UserError(f"{key!r} must be a list of strings", path, line)
    return tuple(item.strip() for item in value)


def _has_newslint_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(regex.search(r"^\s*\[\s*tool\s*\.\s*newslint\s*[\].]", text, regex.MULTILINE))


def _find_line(text: str, key: str, table: str | None) -> int | None:
    """The line a TOML key is set on (inside ``table`` when given)."""
    start = 0
    if table:
        dotted = r"\s*\.\s*".join(regex.escape(part) for part in table.split("."))
        header = regex.search(rf"^\s*\[\s*{dotted}\s*\]", text, regex.MULTILINE)
        if header:
            start = header.end()
    key_pattern = rf"(?P<key>[\"']?{regex.escape(key)}[\"']?)[ \t]*="
    found = regex.compile(rf"^[ \t]*{key_pattern}", regex.MULTILINE).search(text, start)
    if found is None:  # a table of its own: [severity] or [tool.newslint.severity]
        prefix = r"tool[ \t]*\.[ \t]*newslint[ \t]*\.[ \t]*" if table else ""
        header = rf"^[ \t]*\[[ \t]*{prefix}(?P<key>[\"']?{regex.escape(key)}[\"']?)[ \t]*\]"
        found = regex.compile(header, regex.MULTILINE).search(text)
    if found is None and table:  # a dotted key: tool.newslint.select = [...]
        found = regex.compile(rf"^[ \t]*tool[ \t]*\.[ \t]*newslint[ \t]*\.[ \t]*{key_pattern}", regex.MULTILINE).search(text)
    return text.count("\n", 0, found.start("key")) + 1 if found else None


def _toml_problem(exc: tomllib.TOMLDecodeError) -> str:
    return regex.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc)) or "syntax error"


def _toml_line(exc: tomllib.TOMLDecodeError, text: str) -> int | None:
    found = regex.search(r"at line (\d+)", str(exc))
    if found:
        return int(found.group(1))
    return text.count("\n") + 1 if "end of document" in str(exc) else None
