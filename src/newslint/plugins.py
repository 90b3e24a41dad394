"""The plugin manager: built-ins first, then every installed ``newslint`` entry point.

Each plugin is loaded, and each of its hooks called, inside its own try/except: a
broken plugin costs a one-line warning, never the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

import pluggy

from newslint import hookspecs

ENTRY_POINT_GROUP = "newslint"
BUILTIN = "newslint"


@dataclass
class PluginSet:
    manager: pluggy.PluginManager
    warnings: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [name for name, _ in self.manager.list_name_plugin()]

    def collect(self, hook_name: str) -> list[tuple[str, Any]]:
        """Call one hook on every plugin separately: [(plugin name, result)], failures warned."""
        results = []
        hook = getattr(self.manager.hook, hook_name)
        for implementation in hook.get_hookimpls():  # in registration order: built-ins first
            try:
                result = implementation.function()
            except Exception as exc:  # a plugin's bug must not stop the run
                self.warnings.append(
                    f"plugin '{implementation.plugin_name}' failed in {hook_name}: {type(exc).__name__}: {exc}"
                )
                continue
            if result is not None:
                results.append((implementation.plugin_name, result))
        return results


def load_plugins(include_installed: bool = True) -> PluginSet:
    from newslint import builtin

    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(builtin, name=BUILTIN)
    plugins = PluginSet(manager)
    if include_installed:
        seen = {BUILTIN}
        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            if entry_point.name in seen:  # the same distribution found twice on sys.path
                continue
            seen.add(entry_point.name)
            try:
                plugin = entry_point.load()
                manager.register(plugin, name=entry_point.name)
            except Exception as exc:
                plugins.warnings.append(
                    f"plugin '{entry_point.name}' ({entry_point.value}) failed to load: {type(exc).__name__}: {exc}"
                )
    return plugins
