"""The hooks a newslint plugin can implement (pluggy project name "newslint").

A plugin is a module or object with functions marked ``@hookimpl``, published under
the entry-point group ``newslint``::

    [project.entry-points.newslint]
    myplugin = "my_package.plugin"

newslint's own rules, kinds, formatters and parsers register through the same hooks.
"""

from __future__ import annotations

import pluggy

PROJECT = "newslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def newslint_rules():
    """Return a list of Rule instances (Python rules)."""


@hookspec
def newslint_rule_dirs():
    """Return a list of folders holding YAML rule packs (``*.yaml``)."""


@hookspec
def newslint_rule_kinds():
    """Return a mapping of kind name -> YamlRule subclass, for YAML rules to use."""


@hookspec
def newslint_formatters():
    """Return a mapping of format name -> Formatter subclass (for ``--format``)."""


@hookspec
def newslint_parsers():
    """Return a mapping of file suffix (like ".md") -> parser function.

    A parser takes (text, line_spans) and returns a newslint.structure.Structure.
    """
