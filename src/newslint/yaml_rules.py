"""YAML rule packs: files of rules and lexicons, compiled into rule objects.

A pack is a ``*.yaml`` (or ``*.yml``) file in a rule folder::

    rules:
      - code: NL210
        name: boilerplate-text
        kind: existence
        ...
    lexicons:              # word lists and tables that Python rules read;
      tail-navigation:     # a user's pack adds to a built-in list or table
        - privacy policy

Nothing in a pack is evaluated as code: it is read with a safe loader, checked key by
key, and patterns are compiled with the ``regex`` module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.errors import UserError
from newslint.kinds.base import YamlRule
from newslint.rule import Rule
from newslint.yamlload import LineDict, LineList, load_yaml

PACK_KEYS = ("rules", "lexicons")
PACK_SUFFIXES = (".yaml", ".yml")


@dataclass
class PackContents:
    rules: list[Rule] = field(default_factory=list)
    lexicons: dict[str, Any] = field(default_factory=dict)


def pack_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise UserError("rule folder does not exist", folder)
    return sorted(path for path in folder.iterdir() if path.suffix in PACK_SUFFIXES and path.is_file())


def load_rule_folders(folders: Iterable[Path], kinds: Mapping[str, type[YamlRule]]) -> PackContents:
    """Compile every pack in the folders, in order; lexicons merge across packs."""
    contents = PackContents()
    for folder in folders:
        for path in pack_files(folder):
            load_pack(path, kinds, contents)
    return contents


def load_pack(path: Path, kinds: Mapping[str, type[YamlRule]], into: PackContents) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read rule pack: {exc}", path) from None
    load_pack_text(text, path, kinds, into)


def load_pack_text(text: str, path: Path, kinds: Mapping[str, type[YamlRule]], into: PackContents) -> None:
    """Compile one pack given as text; ``path`` names it in errors."""
    data = load_yaml(text, path)
    if data is None:
        return
    if not isinstance(data, dict):
        raise UserError("a rule pack must be a mapping with 'rules' and/or 'lexicons'", path, 1)
    for key in data:
        if key not in PACK_KEYS:
            raise UserError(f"unknown top-level key {key!r} (a pack has 'rules' and 'lexicons')", path, _line(data, key))
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        raise UserError("'rules' must be a list of rules", path, _line(data, "rules"))
    for index, spec in enumerate(rules):
        line = rules.line_of(index) if isinstance(rules, LineList) else None
        into.rules.append(_build_rule(spec, path, line, kinds))
    lexicons = data.get("lexicons", {})
    if not isinstance(lexicons, dict):
        raise UserError("'lexicons' must be a mapping of name -> list or table", path, _line(data, "lexicons"))
    for name, value in lexicons.items():
        _merge_lexicon(into.lexicons, name, value, path, _line(lexicons, name))


def _build_rule(spec: Any, path: Path, line: int | None, kinds: Mapping[str, type[YamlRule]]) -> Rule:
    if not isinstance(spec, dict):
        raise UserError("each rule must be a mapping of keys", path, line)
    kind_name = spec.get("kind")
    if kind_name is None:
        raise UserError(f"the rule has no 'kind' (one of: {', '.join(sorted(kinds))})", path, line)
    kind = kinds.get(kind_name)
    if kind is None:
        raise UserError(
            f"unknown rule kind {kind_name!r} (one of: {', '.join(sorted(kinds))})", path, _line(spec, "kind")
        )
    return kind(spec, str(path))


def _merge_lexicon(lexicons: dict, name: Any, value: Any, path: Path, line: int | None) -> None:
    if not isinstance(name, str):
        raise UserError("lexicon names must be strings", path, line)
    if not isinstance(value, (list, dict)):
        raise UserError(f"lexicon {name!r} must be a list or a table", path, line)
    if name in lexicons and _shape(lexicons[name]) != _shape(value):
        raise UserError(f"lexicon {name!r} is a {_shape(lexicons[name])} elsewhere; here it is a {_shape(value)}",
                        path, line)
    lexicons[name] = _merged(lexicons.get(name), value, name, path, line)


def _merged(old: Any, new: Any, name: str, path: Path, line: int | None) -> Any:
    """Lists extend (without repeats), tables merge key by key, anything else is replaced."""
    if isinstance(new, list):
        if not all(isinstance(item, str) for item in new):
            raise UserError(f"lexicon {name!r}: every entry must be a string", path, line)
        merged = list(old) if isinstance(old, list) else []
        merged.extend(item for item in new if item not in merged)
        return merged
    if isinstance(new, dict):
        merged = dict(old) if isinstance(old, dict) else {}
        for key, value in new.items():
            merged[key] = _merged(merged.get(key), value, f"{name}.{key}", path, line)
        return merged
    return new


def _shape(value: Any) -> str:
    return "list" if isinstance(value, list) else "table"


def _line(data: Any, key: Any) -> int | None:
    return data.line_of(key) if isinstance(data, LineDict) else None
