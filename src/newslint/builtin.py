"""newslint's own plugin: built-in rules, kinds, formatters and parsers.

Registered through the same hooks as third-party plugins. Imports happen inside the
hooks so start-up pays only for what is used.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from newslint.hookspecs import hookimpl


@hookimpl
def newslint_rules():
    from newslint.rules import builtin_rules

    return builtin_rules()


@hookimpl
def newslint_rule_dirs():
    return [Path(str(files("newslint.builtin_rules")))]


@hookimpl
def newslint_rule_kinds():
    from newslint.kinds import BUILTIN_KINDS

    return BUILTIN_KINDS


@hookimpl
def newslint_formatters():
    from newslint.formatters import BUILTIN_FORMATTERS

    return BUILTIN_FORMATTERS


@hookimpl
def newslint_parsers():
    from newslint.markdown import parse_markdown
    from newslint.plaintext import parse_plain_text

    return {".txt": parse_plain_text, ".md": parse_markdown, ".markdown": parse_markdown}
