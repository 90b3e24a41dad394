"""Built-in YAML rule packs.

This file only makes the folder importable as ``newslint.builtin_rules`` so that
the packs ship inside the wheel and are found the same way in editable installs.
"""
