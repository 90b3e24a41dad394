"""Everything the plugins provide, gathered once: rules, kinds, formatters, parsers.

YAML rules depend on which rule folders a config names, so the full rule set is a
RuleBook, built (and cached) per tuple of extra folders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.errors import UserError
from newslint.plugins import BUILTIN, PluginSet, load_plugins
from newslint.rule import Rule, validate_metadata
from newslint.yaml_rules import load_rule_folders


@dataclass
class RuleBook:
    """All known rules for one set of rule folders, and their merged lexicons."""

    rules: dict[str, Rule]
    lexicons: dict[str, Any] = field(default_factory=dict)

    def get(self, code_or_name: str) -> Rule | None:
        wanted = code_or_name.strip()
        rule = self.rules.get(wanted.upper())
        if rule is not None:
            return rule
        return next((rule for rule in self.rules.values() if rule.name == wanted), None)

    def sorted(self) -> list[Rule]:
        return sorted(self.rules.values(), key=lambda rule: rule.code)


class Registry:
    def __init__(self, plugins: PluginSet | None = None):
        self.plugins = plugins or load_plugins()
        self.warnings = self.plugins.warnings
        self.kinds = self._merged("newslint_rule_kinds")
        self.formatters = self._merged("newslint_formatters")
        self.parsers = self._merged("newslint_parsers")
        self.python_rules: list[Rule] = []
        for plugin, rules in self.plugins.collect("newslint_rules"):
            for rule in rules:
                if plugin != BUILTIN:
                    rule.origin = plugin
                try:
                    validate_metadata(rule, f"plugin '{plugin}'")
                except UserError as exc:
                    self.warnings.append(f"{exc}; the rule is not used")
                    continue
                self.python_rules.append(rule)
        # (plugin name, folder) of every YAML rule folder a plugin ships.
        self.rule_dirs = [
            (plugin, Path(folder)) for plugin, folders in self.plugins.collect("newslint_rule_dirs") for folder in folders
        ]
        self._books: dict[tuple[Path, ...], RuleBook] = {}

    def _merged(self, hook_name: str) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for _, mapping in self.plugins.collect(hook_name):
            merged.update(mapping)
        return merged

    def rulebook(self, extra_dirs: tuple[Path, ...] = ()) -> RuleBook:
        """Python rules plus the YAML rules of the plugins' folders and ``extra_dirs``."""
        if extra_dirs not in self._books:
            contents = load_rule_folders([folder for _, folder in self.rule_dirs] + list(extra_dirs), self.kinds)
            for rule in contents.rules:
                rule.origin = self._origin_of(rule.origin)
            rules: dict[str, Rule] = {}
            names: dict[str, Rule] = {}
            for rule in [*self.python_rules, *contents.rules]:
                for key, seen in ((rule.code, rules), (rule.name, names)):
                    if key in seen:
                        raise UserError(
                            f"rule {rule.code} ({rule.name}) from {rule.origin} reuses the "
                            f"{'code' if seen is rules else 'name'} {key!r} of rule {seen[key].code} from {seen[key].origin}"
                        )
                rules[rule.code] = rule
                names[rule.name] = rule
            self._books[extra_dirs] = RuleBook(rules, contents.lexicons)
        return self._books[extra_dirs]

    def _origin_of(self, pack_path: str) -> str:
        """'plugin (file.yaml)' for a plugin's pack; the path itself for a user's pack."""
        path = Path(pack_path)
        for plugin, folder in self.rule_dirs:
            if path.parent == folder:
                return f"{plugin} ({path.name})"
        return pack_path

    def parser_for(self, path: str):
        suffix = Path(path).suffix.lower()
        return self.parsers.get(suffix) or self.parsers[".txt"]

    def lintable_suffixes(self) -> tuple[str, ...]:
        return tuple(self.parsers)
