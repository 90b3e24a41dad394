"""What every YAML rule kind shares: reading and validating its keys, and messages.

A kind is a Rule subclass that is built from one YAML mapping. It declares the keys it
accepts in ``KEYS``; every problem with a key (unknown, missing, wrong type, bad
pattern) is a UserError at that key's ``file:line``.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from newslint.diagnostics import CATEGORIES, Severity
from newslint.errors import UserError
from newslint.kinds.alternation import Alternation, bounded
from newslint.rule import CODE_PATTERN, NAME_PATTERN, Example, Rule
from newslint.scopes import Scope
from newslint.yamlload import LineDict, LineList

COMMON_KEYS = (
    "code", "name", "kind", "category", "severity", "message", "summary",
    "rationale", "help", "scope", "examples", "enabled", "supersedes",
)
_PLACEHOLDER = regex.compile(r"\{(\w*)\}")


class Spec:
    """Typed access to one rule's YAML mapping, with errors at file:line."""

    def __init__(self, data: Mapping[str, Any], path: str):
        self.data = data
        self.path = path

    def line(self, key: str | None = None) -> int | None:
        if isinstance(self.data, LineDict):
            return self.data.line_of(key) if key is not None else self.data.line
        return None

    def error(self, key: str | None, message: str) -> UserError:
        return UserError(message, self.path, self.line(key))

    def has(self, key: str) -> bool:
        return key in self.data

    def check_keys(self, allowed: tuple[str, ...], kind: str) -> None:
        for key in self.data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; allowed keys: {', '.join(allowed)}"
                raise self.error(key, f"unknown key {key!r} for a rule of kind {kind}{hint}")

    def str(self, key: str, default: str | None = None, required: bool = False) -> str | None:
        if key not in self.data:
            if required:
                raise self.error(None, f"missing required key {key!r}")
            return default
        value = self.data[key]
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"{key!r} must be a non-empty string")
        return value.strip()

    def bool(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"{key!r} must be true or false")
        return value

    def int(self, key: str, default: int | None = None, minimum: int = 0) -> int | None:
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.error(key, f"{key!r} must be a whole number of at least {minimum}")
        return value

    def str_list(self, key: str) -> list[tuple[str, int | None]]:
        """A list of non-empty strings, each with its line."""
        if key not in self.data:
            return []
        value = self.data[key]
        if not isinstance(value, list) or not value:
            raise self.error(key, f"{key!r} must be a non-empty list of strings")
        items = []
        for index, item in enumerate(value):
            line = value.line_of(index) if isinstance(value, LineList) else self.line(key)
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                raise UserError(f"{key!r} item {index + 1} must be a non-empty string", self.path, line)
            items.append((item, line))
        return items

    def choice(self, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        """One of ``choices``; required when there is no default."""
        value = self.str(key, default, required=default is None)
        if value not in choices:
            raise self.error(key, f"{key!r} must be one of {', '.join(choices)}, not {value!r}")
        return value

    def mapping(self, key: str) -> Mapping[str, Any]:
        value = self.data.get(key)
        if not isinstance(value, dict) or not value:
            raise self.error(key if key in self.data else None, f"{key!r} must be a non-empty mapping")
        return value


class YamlRule(Rule):
    """A rule built from YAML. Subclasses set KIND, KEYS and PLACEHOLDERS and compile()."""

    KIND: ClassVar[str] = ""
    KEYS: ClassVar[tuple[str, ...]] = ()
    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ()
    DEFAULT_SCOPE: ClassVar[str | None] = "text"  # None: the rule must name its scope

    def __init__(self, data: Mapping[str, Any], path: str):
        spec = Spec(data, path)
        spec.check_keys(COMMON_KEYS + self.KEYS, self.KIND)
        self.origin = path
        self.code = spec.str("code", required=True)
        if not CODE_PATTERN.fullmatch(self.code):
            raise spec.error("code", f"code {self.code!r} must be 2-5 capitals and 3-4 digits, like NL201")
        self.name = spec.str("name", required=True)
        if not NAME_PATTERN.fullmatch(self.name):
            raise spec.error("name", f"name {self.name!r} must be lower-case words joined by hyphens")
        self.category = spec.choice("category", CATEGORIES)
        try:
            self.severity = Severity.parse(spec.str("severity", required=True))
        except ValueError as exc:
            raise spec.error("severity", str(exc)) from None
        self.summary = spec.str("summary", required=True)
        self.rationale = spec.str("rationale", "")
        self.help = spec.str("help", "")
        self.message = spec.str("message", required=True)
        self._check_placeholders(spec)
        self.enabled_by_default = spec.bool("enabled", True)
        self.supersedes = tuple(selector for selector, _ in spec.str_list("supersedes"))
        self.examples = _examples(spec)
        scope_value = spec.data.get("scope", self.DEFAULT_SCOPE)
        if scope_value is None:
            raise spec.error(None, f"a rule of kind {self.KIND} needs a 'scope'")
        try:
            self.scope = Scope.parse(scope_value)
        except ValueError as exc:
            raise spec.error("scope", str(exc)) from None
        self.compile(spec)

    def compile(self, spec: Spec) -> None:
        """Read the kind's own keys and prepare for check()."""

    def _check_placeholders(self, spec: Spec) -> None:
        for found in _PLACEHOLDER.finditer(self.message):
            if found.group(1) not in self.PLACEHOLDERS:
                allowed = ", ".join(f"{{{name}}}" for name in self.PLACEHOLDERS) or "none"
                raise spec.error("message", f"unknown placeholder {found.group()} in message (allowed: {allowed})")

    def render(self, **values: Any) -> str:
        return _PLACEHOLDER.sub(lambda found: str(values.get(found.group(1), found.group())), self.message)


def _examples(spec: Spec) -> dict[str, list[Example]]:
    if not spec.has("examples"):
        return {}
    value = spec.data["examples"]
    if not isinstance(value, dict):
        raise spec.error("examples", "'examples' must be a mapping with 'bad' and 'good' lists")
    examples: dict[str, list[Example]] = {}
    for kind, items in value.items():
        line = value.line_of(kind) if isinstance(value, LineDict) else spec.line("examples")
        if kind not in ("bad", "good"):
            raise UserError(f"examples: unknown key {kind!r} (use 'bad' and 'good')", spec.path, line)
        if not isinstance(items, list):
            raise UserError(f"examples: {kind!r} must be a list", spec.path, line)
        examples[kind] = []
        for index, item in enumerate(items):
            item_line = items.line_of(index) if isinstance(items, LineList) else line
            try:
                example = Example.coerce(item)
                if not isinstance(example.text, str) or example.format not in ("text", "markdown"):
                    raise TypeError
            except TypeError:
                raise UserError(
                    f"examples: {kind} item {index + 1} must be a string or a mapping with "
                    "'text' and optional 'format' (text or markdown), 'facts', 'rules'",
                    spec.path,
                    item_line,
                ) from None
            examples[kind].append(example)
    return examples


def compile_pattern(spec: Spec, key: str, source: str, line: int | None, flags: int) -> regex.Pattern:
    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        raise UserError(f"bad regular expression {source!r} in {key!r}: {exc}", spec.path, line) from None


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a pattern; any run of spaces matches any run of whitespace."""
    return r"\s+".join(regex.escape(word) for word in phrase.split())


def alternation(parts: list[str], word_boundaries: bool) -> str:
    return bounded("|".join(f"(?:{part})" for part in parts), word_boundaries)


def token_alternation(spec: Spec, ignorecase: bool, word_boundaries: bool) -> Alternation:
    """The rule's ``tokens`` (phrases, longest first) and then its ``patterns`` (regexes)."""
    tokens = spec.str_list("tokens")
    patterns = spec.str_list("patterns")
    if not tokens and not patterns:
        raise spec.error(None, "the rule needs 'tokens' (phrases) or 'patterns' (regular expressions)")
    flags = regex.IGNORECASE if ignorecase else 0
    # Longest phrases first, so "leave a reply" wins over "leave".
    sources = [(phrase_pattern(token), token) for token, _ in sorted(tokens, key=lambda item: -len(item[0]))]
    for source, line in patterns:
        compile_pattern(spec, "patterns", source, line, flags)
        compile_pattern(spec, "patterns", bounded(source, word_boundaries), line, flags)  # as it will run
        sources.append((source, None))
    return Alternation.build(sources, flags, word_boundaries)
