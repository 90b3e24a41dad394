"""A progress bar on stderr for long runs at a terminal; nothing at all otherwise."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

MIN_FILES = 50  # below this a run is over before a bar would help


@contextlib.contextmanager
def progress(total: int, enabled: bool) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per file; it draws a transient bar when enabled."""
    if not enabled or total < MIN_FILES:
        yield lambda: None
        return
    from rich.console import Console  # here: most runs never draw a bar
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("linting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(file=sys.stderr), transient=True)
    with bar:
        task = bar.add_task("lint", total=total)
        yield lambda: bar.advance(task)
