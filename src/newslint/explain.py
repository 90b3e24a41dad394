"""The actions that never lint: list and explain rules, check and draft fact files."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from newslint import __version__
from newslint.document import Document
from newslint.errors import UserError
from newslint.facts import load_facts
from newslint.facts_draft import draft_fact_file
from newslint.plugins import BUILTIN, ENTRY_POINT_GROUP
from newslint.registry import Registry, RuleBook
from newslint.rule import Example
from newslint.sourcefile import UnreadableFile, decode


def _console(stream: TextIO, color: bool) -> Console:
    return Console(file=stream, no_color=not color, highlight=False, markup=False, emoji=False,
                   force_terminal=color or None, soft_wrap=not color)


def list_rules(book: RuleBook, stream: TextIO, color: bool) -> int:
    """One aligned row per rule; plain columns, so the list pipes into grep and cut."""
    header = ("code", "name", "category", "severity", "default", "fix", "from", "summary")
    rows = [
        (rule.code, rule.name, rule.category, str(rule.severity), "on" if rule.enabled_by_default else "off",
         "yes" if rule.fixable else "-", rule.origin, rule.summary)
        for rule in book.sorted()
    ]
    widths = [max(len(row[index]) for row in [header, *rows]) for index in range(len(header) - 1)]
    console = _console(stream, color)
    for number, row in enumerate([header, *rows]):
        line = Text("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1],
                    style="bold" if number == 0 else "")
        console.print(line, overflow="ignore", crop=False)
    return 0


def explain_rule(book: RuleBook, wanted: str, stream: TextIO, color: bool) -> int:
    rule = book.get(wanted)
    if rule is None:
        raise UserError(f"unknown rule {wanted!r} (see newslint --list-rules)")
    console = _console(stream, color)
    title = Text(f"{rule.code} ", style="bold magenta")
    title.append(rule.name, style="bold")
    console.print(title)
    facts = [rule.category, str(rule.severity), "on by default" if rule.enabled_by_default else "off by default"]
    if rule.fixable:
        facts.append("fixable")
    facts.append(f"from {rule.origin}")
    console.print(Text(" · ".join(facts), style="dim"))
    console.print()
    console.print(Text(rule.summary))
    for label, content in (("Why", rule.rationale), ("What to do", rule.help)):
        if content:
            console.print()
            line = Text(f"{label}: ", style="bold")
            line.append(content)
            console.print(line)
    for kind, label in (("bad", "Flagged"), ("good", "Not flagged")):
        examples = rule.example_list(kind)
        if examples:
            console.print()
            console.print(Text(f"{label}:", style="bold"))
            for number, example in enumerate(examples):
                if number:
                    console.print(Text("    ┄┄┄┄", style="dim"))
                console.print(Text(_indent(_show(example)), style="red" if kind == "bad" else "green"))
    return 0


def _show(example: Example) -> str:
    if isinstance(example.text, bytes):
        return f"(bytes) {example.text[:60]!r}"
    text = example.text if len(example.text) <= 400 else example.text[:397] + "..."
    shown = text.rstrip("\n") or "(empty file)"
    for url, outcome in (example.links or {}).items():
        shown += f"\n(--check-links finds {url} {outcome})"
    return shown


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines() or [""])


def check_facts(path: Path, stream: TextIO) -> int:
    """Validate a fact file; a problem raises a one-line UserError (exit status 2)."""
    fact_file = load_facts(path)
    values = sum(len(fact.values) for fact in fact_file.facts)
    parts = [f"{len(fact_file.facts)} facts with {values} values"]
    if fact_file.published:
        parts.append(f"published {fact_file.published.isoformat()}")
    if fact_file.rates:
        parts.append("rates " + ", ".join(f"{a}/{b}" for a, b in fact_file.rates))
    stream.write(f"{path}: ok: {'; '.join(parts)}\n")
    return 0


def draft_facts(path: Path, registry, date, stream: TextIO) -> int:
    """Print a fact file drafted from a trusted article."""
    try:
        source = decode(path.read_bytes())
    except UnreadableFile as exc:
        raise UserError(exc.message, path) from None
    doc = Document(source.text, str(path), registry.parser_for(path.name))
    stream.write(draft_fact_file(doc, date or doc.date))
    return 0


def list_plugins(registry: Registry, book: RuleBook, stream: TextIO) -> int:
    """Every plugin with its distribution and what it adds: rules, formatters, kinds, parsers."""
    distributions = {entry_point.name: entry_point.dist for entry_point in entry_points(group=ENTRY_POINT_GROUP)}
    provides: dict[str, dict[str, list[str]]] = {}
    for hook, label in (("newslint_formatters", "formatters"), ("newslint_rule_kinds", "rule kinds"),
                        ("newslint_parsers", "parsers")):
        for plugin, mapping in registry.plugins.collect(hook):
            provides.setdefault(plugin, {})[label] = sorted(mapping)
    for rule in book.sorted():
        plugin = rule.origin.split(" (", 1)[0]
        provides.setdefault(plugin, {}).setdefault("rules", []).append(rule.code)
    for plugin in registry.plugins.names():
        if plugin == BUILTIN:
            where = f"newslint {__version__}, built in"
        else:
            dist = distributions.get(plugin)
            where = f"{dist.name} {dist.version}" if dist is not None else "not from an installed distribution"
        stream.write(f"{plugin} ({where})\n")
        for label in ("rules", "formatters", "rule kinds", "parsers"):
            items = provides.get(plugin, {}).get(label)
            if items:
                stream.write(f"  {label}: {', '.join(items)}\n")
    return 0
